"""Read Copenhagen Municipality investment proposals into validated data."""

__version__ = "0.1.0"
