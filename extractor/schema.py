"""The JSON Schemas of the output contract, generated from the models.

`python -m extractor.schema` rewrites `schemas/extraction-result.schema.json` (extract,
check) and `schemas/diff-result.schema.json` (`extractor diff -o changes.json`); a test
fails when a committed file is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from extractor.models import DiffResult, ExtractionResult

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "extraction-result.schema.json"
DIFF_SCHEMA_PATH = SCHEMA_PATH.with_name("diff-result.schema.json")


def _text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def schema_text() -> str:
    return _text(ExtractionResult)


def diff_schema_text() -> str:
    return _text(DiffResult)


def main() -> int:
    for path, text in ((SCHEMA_PATH, schema_text()), (DIFF_SCHEMA_PATH, diff_schema_text())):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
