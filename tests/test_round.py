"""The round over the samples folder (bundle, single files and their .docx): each proposal counted
once, and each case's totals equal the sums of the printed grand totals.

The expected sums are recomputed here from the transcriptions (`samples/source/*.json`,
what the PDFs print), not from the extractor's output.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from extractor.cli import main
from extractor.models import DocumentResult, ExtractionResult, Finding, Location
from extractor.round.overview import round_overview

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "samples" / "source").glob("*.json"))
GRAND = {"permanent": "Samlet varig ændring",
         "implementation": "Samlede implementeringsomkostninger",
         "overall": "Samlet økonomisk påvirkning"}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> ExtractionResult:
    out = tmp_path_factory.mktemp("round") / "result.json"
    assert main(["extract", str(ROOT / "samples"), "-o", str(out), "-q", "--no-cache"]) == 0
    return ExtractionResult.model_validate_json(out.read_text(encoding="utf-8"))


def _printed_sums() -> dict[str | None, dict[str, Any]]:
    """Per case: titles, and per grand total and year the sum of the transcribed values."""
    cases: dict[str | None, dict[str, Any]] = {}
    for path in SOURCES:
        source = json.loads(path.read_text(encoding="utf-8"))
        case = cases.setdefault(source["case"], {"titles": set(), **{g: defaultdict(int)
                                                                      for g in GRAND}})
        case["titles"].add(source["title"])
        table = next(b for b in source["blocks"] if b["type"] == "economy_table")
        for row in table["rows"]:
            for group, label in GRAND.items():
                if row["kind"] == "row" and row["label"] == label:
                    for year, value in row["values"].items():
                        case[group][year] += value or 0
    return cases


def test_round_counts_each_proposal_once(result: ExtractionResult) -> None:
    overview = result.round
    assert overview is not None
    assert sum(len(d.proposals) for d in result.documents) > len(SOURCES)  # the bundle repeats
    assert overview.proposals == len(SOURCES)
    assert overview.versions == []
    bundle = [d.file for d in result.documents if "bundle" in d.file]
    word = [d.file for d in result.documents if d.file.endswith(".docx")]
    assert len(overview.duplicates) == len(SOURCES)  # every sample also lies there as .docx
    for group in overview.duplicates:
        files = [o.file for o in group.occurrences]
        assert len([f for f in files if f in word]) == 1
        assert len(files) == (3 if bundle[0] in files else 2)
    expected = _printed_sums()
    assert {c.case: c.proposals for c in overview.cases} == {
        case: len(v["titles"]) for case, v in expected.items()}


def test_round_totals_equal_the_sums_of_the_printed_totals(result: ExtractionResult) -> None:
    assert result.round is not None
    expected = _printed_sums()
    for case in result.round.cases:
        for group in GRAND:
            sums = getattr(case, group)
            assert {y: v for y, v in sums.items()} == {
                str(y): expected[case.case][group].get(str(y), 0) for y in case.years}, group
        for group in GRAND:  # the departments add up to the case
            for year in case.years:
                assert sum(getattr(d, group)[str(year)] for d in case.by_department) == \
                    getattr(case, group)[str(year)]
        assert case.incomplete == []


def _doc(file: str, *proposals: dict[str, Any]) -> DocumentResult:
    return DocumentResult.model_validate({"file": file, "proposals": [
        {"pages": None, **p} for p in proposals]})


def _table(overall: int | None, *, grand: bool = True) -> dict[str, Any]:
    rows = [{"group": "overall", "label": "Samlet økonomisk påvirkning", "role": "total",
             "values": {"2027": overall}}]
    if grand:
        rows += [{"group": g, "label": GRAND[g], "role": "total", "values": {"2027": overall}}
                 for g in ("permanent", "implementation")]
    return {"years": [2027], "rows": rows}


def test_versions_count_the_last_and_incomplete_proposals_are_listed() -> None:
    v1 = _doc("v1.pdf", {"title": "A", "case": "B27", "economy": _table(100)})
    v2 = _doc("v2.pdf", {"title": "A", "case": "B27", "economy": _table(150)},
              {"title": "C", "case": "B27", "economy": _table(7, grand=False)},
              {"title": "D", "case": "B27", "economy": _table(None), "findings": [
                  Finding(rule="economy.unreadable_cell", severity="error", message="x",
                          location=Location(row="Samlet økonomisk påvirkning", year=2027))]})
    overview = round_overview([v1, v2])
    assert overview.proposals == 3
    assert [(g.title, [o.file for o in g.occurrences]) for g in overview.versions] == [
        ("A", ["v1.pdf", "v2.pdf"])]
    assert overview.versions[0].counted is not None
    assert overview.versions[0].counted.file == "v2.pdf"
    case = overview.cases[0]
    assert case.overall == {"2027": 157}
    assert case.incomplete == ["C", "D"]


def test_check_report_ends_with_the_round_summary(result: ExtractionResult) -> None:
    from extractor.export.report import render_report
    report = render_report(result)
    tail = report[report.index("\nRunden: "):]
    assert tail.startswith(f"\nRunden: {len(SOURCES)} forskellige forslag; "
                           f"{len(SOURCES)} optræder")  # each also as .docx
    assert "Dublet: Bedre vilkår for plejefamilier" in tail
    assert "Samlet økonomisk påvirkning" in tail.splitlines()[-1] or "Budget 2027" in tail


def _sum_refs(wb: Any, formula: str) -> int:
    """Evaluate =SUM('sheet'!C12,'other'!D3) from the referenced cells' values."""
    import regex
    assert formula.startswith("=SUM(") and formula.endswith(")")
    total = 0
    for sheet, cell in regex.findall(r"'((?:[^']|'')+)'!([A-Z]+\d+)", formula):
        value = wb[sheet.replace("''", "'")][cell].value
        assert value is None or isinstance(value, int), (sheet, cell, value)
        total += value or 0
    return total


def test_runde_sheet_sums_the_proposal_sheets_total_rows(result: ExtractionResult) -> None:
    import io

    import openpyxl

    from extractor.export.workbook import to_xlsx_bytes
    assert result.round is not None
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(result)))
    ws = wb["Runde"]
    rows = list(ws.iter_rows(values_only=True))
    expected = _printed_sums()
    seen_cases = 0
    names = {"Samlet varig ændring": "permanent",
             "Samlede implementeringsomkostninger": "implementation",
             "Samlet økonomisk påvirkning": "overall"}
    referenced: set[str] = set()
    for i, row in enumerate(rows):
        head = row[0]
        if not (isinstance(head, str) and head.endswith(" forslag") and ": " in head):
            continue
        case = head.rsplit(": ", 1)[0]
        years = [int(y) for y in rows[i + 1][1:] if y]
        for offset in (2, 3, 4):
            label, *cells = rows[i + offset]
            group = names[label]
            for year, formula in zip(years, cells, strict=False):
                assert isinstance(formula, str) and formula.startswith("=SUM("), formula
                assert _sum_refs(wb, formula) == expected[case][group].get(str(year), 0)
                referenced |= {s for s in _sheets(formula)}
        seen_cases += 1
    assert seen_cases == len(expected)
    # every counted proposal's sheet is summed, no duplicate's sheet is
    overview = wb["Oversigt"]
    header = next(r for r in overview.iter_rows(values_only=True) if r[0] == "Fil")
    marks = {r[header.index("Ark")]: r[header.index("I runden")]
             for r in overview.iter_rows(values_only=True) if r[header.index("Ark")]
             and r[header.index("Ark")] != "Ark"}
    occurrences = sum(len(d.proposals) for d in result.documents)
    assert sorted(v.split(":")[0] for v in marks.values()).count("dublet") == \
        occurrences - len(SOURCES)
    assert referenced == {s for s, mark in marks.items() if mark == "talt"}


def _sheets(formula: str) -> set[str]:
    import regex
    return {s.replace("''", "'") for s in regex.findall(r"'((?:[^']|'')+)'!", formula)}


def test_an_older_versions_duplicates_are_not_counted_and_marked_as_such() -> None:
    from extractor.export.xlsx.round_sheet import in_round_notes
    old = {"title": "A", "case": "B27", "economy": _table(100)}
    docs = [_doc("bundle.pdf", old), _doc("a.pdf", old),
            _doc("a_v2.pdf", {"title": "A", "case": "B27", "economy": _table(150)})]
    overview = round_overview(docs)
    assert overview.proposals == 1 and overview.cases[0].overall == {"2027": 150}
    [dup] = overview.duplicates
    assert dup.counted is None
    notes = in_round_notes(overview, {}, "da")
    assert notes == {("bundle.pdf", 0): "ældre version: ikke talt (a_v2.pdf tælles)",
                     ("a.pdf", 0): "ældre version: ikke talt (a_v2.pdf tælles)"}
