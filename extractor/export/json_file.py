"""Results → the contract JSON, written atomically (temporary file, then rename)."""

from __future__ import annotations

from pathlib import Path

from extractor.models import ExtractionResult
from extractor.run.atomic import write_atomically


def to_json(result: ExtractionResult) -> str:
    return result.model_dump_json(indent=2) + "\n"


def write_json(result: ExtractionResult, path: Path) -> None:
    write_atomically(path, to_json(result).encode("utf-8"))
