"""The JSON Schema of the output contract, generated from the models.

`python -m extractor.schema` rewrites `schemas/extraction-result.schema.json`;
a test fails when the committed file is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractor.models import ExtractionResult

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "extraction-result.schema.json"


def schema_text() -> str:
    schema = ExtractionResult.model_json_schema(mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
