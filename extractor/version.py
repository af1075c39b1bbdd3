"""The package version, apart from `extractor/__init__.py` so the models can name it
without importing the public API."""

__version__ = "0.1.0"
