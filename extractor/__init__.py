"""Read Copenhagen Municipality investment proposals ("Investeringsforslag") into validated data.

In a notebook::

    import extractor

    result = extractor.extract("samples")          # files or folders; PDFs and .txt
    rows = result.tabel1_rows()                     # one dict per Tabel 1 cell
    frame = result.to_pandas()                      # the same as a DataFrame (needs pandas)
    doc = extractor.extract_file("samples/plejefamilier.pdf")   # one file, no workers

`extract` runs the batch runner (worker processes, time and memory bounds, cache), like
the command line; `extract_file` reads one file in this process. Both return the
output contract's models (`ExtractionResult`, `DocumentResult`); a file that cannot be
read is an entry with an error code and a Danish message, never an exception.
"""

from typing import TYPE_CHECKING

from extractor.version import __version__

if TYPE_CHECKING:
    from extractor.api import extract, extract_file
    from extractor.models import DocumentResult, ExtractionResult
    from extractor.template import COPENHAGEN, TEMPLATES, Template

# The API is imported on first use (PEP 562): `extractor --version` and `--help` import
# this package too, and must not pay for pydantic and the PDF libraries.
_LAZY = {
    "extract": "extractor.api",
    "extract_file": "extractor.api",
    "DocumentResult": "extractor.models",
    "ExtractionResult": "extractor.models",
    "COPENHAGEN": "extractor.template",
    "TEMPLATES": "extractor.template",
    "Template": "extractor.template",
}

__all__ = [
    "COPENHAGEN",
    "TEMPLATES",
    "DocumentResult",
    "ExtractionResult",
    "Template",
    "__version__",
    "extract",
    "extract_file",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'extractor' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
