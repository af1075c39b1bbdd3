"""`extractor diff` on revised versions of the samples (tests/data/versions/make_versions.py
plants the changes): exactly the planted changes, nothing else.

The expected Tabel 1 changes are computed here from the transcription and its revision
(`revise`), not from the extractor's output, so a misread cell in either PDF fails.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from extractor.api import extract_file
from extractor.cli import main
from extractor.diff.pairing import diff_documents
from extractor.models import DiffResult, DocumentResult, ProposalDiff

ROOT = Path(__file__).resolve().parent.parent
VERSIONS = ROOT / "tests" / "data" / "versions"
SAMPLES = ROOT / "samples"


def _make_versions() -> Any:
    spec = importlib.util.spec_from_file_location("make_versions", VERSIONS / "make_versions.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def planted() -> Any:
    return _make_versions()


@pytest.fixture(scope="module")
def docs() -> dict[str, DocumentResult]:
    paths = {"old": SAMPLES / "plejefamilier.pdf", "new": VERSIONS / "plejefamilier_v2.pdf",
             "bundle": SAMPLES / "bundle_overfoerselssagen.pdf",
             "bundle_v2": VERSIONS / "bundle_overfoerselssagen_v2.pdf"}
    return {k: extract_file(p) for k, p in paths.items()}


def _table_rows(source: dict[str, Any]) -> dict[tuple[str, str], dict[str, int | None]]:
    table = next(b for b in source["blocks"] if b["type"] == "economy_table")
    return {(r["group"], r["label"]): r["values"] for r in table["rows"] if r["kind"] == "row"}


def _expected_table_changes(planted: Any) -> list[dict[str, Any]]:
    old_source = json.loads(planted.SOURCE.read_text(encoding="utf-8"))
    old, new = _table_rows(old_source), _table_rows(planted.revise(old_source))
    out: list[dict[str, Any]] = []
    for key, values in new.items():
        if key not in old:
            out.append({"kind": "row_added", "group": key[0], "row": key[1], "new": values})
            continue
        out += [{"kind": "cell", "group": key[0], "row": key[1], "year": int(year),
                 "old": old[key][year], "new": value}
                for year, value in values.items() if old[key][year] != value]
    out += [{"kind": "row_removed", "group": k[0], "row": k[1], "old": v}
            for k, v in old.items() if k not in new]
    return out


def _key(change: dict[str, Any]) -> str:
    return json.dumps(change, sort_keys=True, ensure_ascii=False)


def _check_planted(diff: ProposalDiff, planted: Any) -> None:
    changes = [c.model_dump(mode="json") for c in diff.changes]
    table = [c for c in changes if c["kind"] in ("cell", "row_added", "row_removed",
                                                 "row_relabelled", "payback")]
    assert sorted(map(_key, table)) == sorted(map(_key, _expected_table_changes(planted)))
    text = [(c["section"], c["old"], c["new"]) for c in changes if c["kind"] == "text"]
    heading = ("Besparelse på anbringelse i plejefamilier frem for børne- og ungehjem: {}")
    added = planted.ADDED_ROW
    assert [t[0] for t in text] == ["1", "2", "2", "2"]
    assert planted.OLD_SENTENCE_PART in text[0][1] and planted.NEW_SENTENCE_PART in text[0][2]
    assert text[0][1].replace(planted.OLD_SENTENCE_PART, planted.NEW_SENTENCE_PART) == text[0][2]
    assert text[1][1:] == (heading.format(planted.OLD_HEADING_AMOUNT),
                           heading.format(planted.NEW_HEADING_AMOUNT))
    assert text[2][1] is None and text[2][2] == f"{added}: 0,1 mio. kr. i 2029"
    assert text[3][1] is None and text[3][2].startswith("Der afsættes 0,1 mio. kr. i 2029")
    assert [(c["old"], c["new"]) for c in changes if c["kind"] == "follow_up"] == [
        (planted.REMOVED_GOAL, None)]
    assert not [c for c in changes if c["kind"] == "field"]
    assert len(changes) == len(table) + len(text) + 1
    assert [f.rule for f in diff.findings_resolved] == ["prose.amount_mismatch"]
    assert diff.findings_resolved[0].location.row.startswith("Besparelse på anbringelse")
    assert diff.findings_new == []


def test_diff_reports_exactly_the_planted_changes(docs: dict[str, DocumentResult],
                                                  planted: Any) -> None:
    result = diff_documents([docs["old"]], [docs["new"]], "old", "new")
    assert [p.status for p in result.proposals] == ["changed"]
    _check_planted(result.proposals[0], planted)


def test_bundle_against_its_revision_marks_the_others_unchanged(
        docs: dict[str, DocumentResult], planted: Any) -> None:
    result = diff_documents([docs["bundle"]], [docs["bundle_v2"]], "a", "b")
    assert [(p.title[:20], p.status) for p in result.proposals] == [
        ("Forløbsprogram for u", "unchanged"), ("Styrkelse af Din Soc", "unchanged"),
        ("Bedre vilkår for ple", "changed")]
    assert all(not p.changes and not p.findings_new and not p.findings_resolved
               for p in result.proposals[:2])
    _check_planted(result.proposals[2], planted)


def test_single_file_against_the_bundle_pairs_by_title_and_case(
        docs: dict[str, DocumentResult]) -> None:
    result = diff_documents([docs["old"]], [docs["bundle"]], "a", "b")
    assert [p.status for p in result.proposals] == ["unchanged", "added", "added"]


def test_cli_diff_exit_1_and_a_danish_report(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["diff", str(SAMPLES / "plejefamilier.pdf"),
                 str(VERSIONS / "plejefamilier_v2.pdf"), "-q", "-j", "1"])
    out = capsys.readouterr().out
    assert code == 1
    assert "ændret, 11 ændringer" in out
    assert "Opfølgningsmål fjernet: Det er ansat en familie- og traumeterapeut" in out
    assert "Fund løst: FEJL prose.amount_mismatch" in out
    assert "ingen forskelle" not in out


def test_cli_diff_of_a_file_against_itself_is_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    sample = str(SAMPLES / "plejefamilier.pdf")
    assert main(["diff", sample, sample, "-q", "-j", "1"]) == 0
    assert "ingen forskelle" in capsys.readouterr().out


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_cli_diff_writes_the_changes(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"changes{suffix}"
    code = main(["diff", str(SAMPLES / "plejefamilier.pdf"),
                 str(VERSIONS / "plejefamilier_v2.pdf"), "-q", "-j", "1", "-o", str(out)])
    assert code == 1
    if suffix == ".json":
        result = DiffResult.model_validate_json(out.read_text(encoding="utf-8"))
        assert result.old.sha256 and result.new.sha256 != result.old.sha256
        assert result.proposals[0].status == "changed"
        return
    from openpyxl import load_workbook
    ws = load_workbook(out)["Ændringer"]
    kinds = [ws.cell(row=r, column=4).value for r in range(4, ws.max_row + 1)]
    assert kinds.count("celle") == 5 and kinds.count("ny række") == 6  # one line per year
    assert kinds.count("fund løst") == 1 and kinds.count("opfølgningsmål") == 1


def test_cli_diff_unreadable_file_is_exit_3(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "findes_ikke.pdf"
    assert main(["diff", str(SAMPLES / "plejefamilier.pdf"), str(missing), "-q"]) == 3
    assert "findes_ikke.pdf" in capsys.readouterr().err


def test_cli_diff_bad_output_suffix_is_exit_2(tmp_path: Path) -> None:
    assert main(["diff", "a.pdf", "b.pdf", "-o", str(tmp_path / "x.csv")]) == 2
