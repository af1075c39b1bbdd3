from __future__ import annotations

import json
from pathlib import Path

from extractor.schema import SCHEMA_PATH, schema_text

CONTRACT_FIELDS = {
    "ExtractionResult": {"extractor_version", "documents"},
    "DocumentResult": {"file", "sha256", "pages", "status", "error", "proposals"},
    "Proposal": {"title", "case", "document_type", "department", "summary", "pages", "sections",
                 "economy", "cost_items", "follow_up", "risk", "innovation_proposal", "hearings",
                 "findings"},
    "Economy": {"unit", "price_level", "years", "page", "rows", "payback", "notes"},
    "EconomyRow": {"group", "label", "steering_area", "role", "footnote", "values"},
    "Payback": {"label", "years"},
    "CostItem": {"group", "title", "amount_text", "text"},
    "FollowUp": {"group", "goal", "measure", "responsible", "deadline"},
    "Risk": {"level", "text"},
    "Hearing": {"table", "body", "answer", "date"},
    "Finding": {"rule", "severity", "message", "location", "expected", "found"},
    "Location": {"page", "table", "row", "year"},
}


def test_committed_schema_is_current() -> None:
    assert Path(SCHEMA_PATH).read_text(encoding="utf-8") == schema_text(), (
        "schemas/ is stale: run `python -m extractor.schema` and commit the result")


def test_schema_keeps_every_field_of_the_output_contract() -> None:
    schema = json.loads(schema_text())
    definitions = {**schema["$defs"], "ExtractionResult": schema}
    for model, fields in CONTRACT_FIELDS.items():
        missing = fields - set(definitions[model]["properties"])
        assert not missing, f"{model} lost contract fields {missing}"
