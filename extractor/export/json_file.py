"""Results → the contract JSON, written atomically (temporary file, then rename)."""

from __future__ import annotations

from pathlib import Path

from extractor.models import DiffResult, ExtractionResult
from extractor.run.atomic import write_atomically


def to_json(result: ExtractionResult) -> str:
    return result.model_dump_json(indent=2) + "\n"


def write_json(result: ExtractionResult, path: Path) -> None:
    write_atomically(path, to_json(result).encode("utf-8"))


def write_diff_json(result: DiffResult, path: Path) -> None:
    """`extractor diff -o changes.json`: the contract's diff object, written atomically."""
    write_atomically(path, (result.model_dump_json(indent=2) + "\n").encode("utf-8"))
