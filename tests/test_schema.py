from __future__ import annotations

import json
from pathlib import Path

from extractor.schema import DIFF_SCHEMA_PATH, SCHEMA_PATH, diff_schema_text, schema_text

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


def test_committed_diff_schema_is_current() -> None:
    assert Path(DIFF_SCHEMA_PATH).read_text(encoding="utf-8") == diff_schema_text(), (
        "schemas/ is stale: run `python -m extractor.schema` and commit the result")


def test_round_and_diff_keep_the_contracts_version_2_fields() -> None:
    """Field names of "Additions (version 2)": the round object and the diff's JSON."""
    schema = json.loads(schema_text())
    defs = schema["$defs"]
    assert "round" in schema["properties"]
    assert {"proposals", "duplicates", "versions", "cases"} <= set(
        defs["RoundOverview"]["properties"])
    assert {"title", "occurrences"} <= set(defs["RoundGroup"]["properties"])
    assert {"file", "index"} <= set(defs["Occurrence"]["properties"])
    assert {"case", "proposals", "years", "permanent", "implementation", "overall",
            "incomplete", "by_department"} <= set(defs["CaseTotals"]["properties"])
    assert {"department", "proposals", "permanent", "implementation", "overall"} <= set(
        defs["DepartmentTotals"]["properties"])
    diff = json.loads(diff_schema_text())
    assert {"extractor_version", "old", "new", "proposals"} <= set(diff["properties"])
    assert {"title", "case", "status", "changes", "findings_resolved", "findings_new"} <= set(
        diff["$defs"]["ProposalDiff"]["properties"])
    kinds = {d["properties"]["kind"]["const"]: set(d["properties"])
             for d in diff["$defs"].values() if "kind" in d.get("properties", {})}
    assert kinds == {
        "cell": {"kind", "group", "row", "year", "old", "new"},
        "row_added": {"kind", "group", "row", "new"},
        "row_removed": {"kind", "group", "row", "old"},
        "row_relabelled": {"kind", "group", "old", "new"},
        "payback": {"kind", "row", "old", "new"},
        "field": {"kind", "field", "old", "new"},
        "text": {"kind", "section", "old", "new"},
        "follow_up": {"kind", "old", "new"}}
