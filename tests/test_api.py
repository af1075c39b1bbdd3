"""The public API: `extractor.extract`, `extract_file`, the flat rows and the README example.

Oracles are the golden files (hand-checked), read here without the code under test, so
the flat rows are compared with the nested contract by other means than `rows.py`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import extractor
from extractor.export.workbook import write_xlsx
from extractor.models import DocumentResult, ExtractionResult

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _golden_cells(golden: dict[str, Any], file: str) -> list[tuple[Any, ...]]:
    """(file, proposal, row label, year, value) of every Tabel 1 cell in a golden file."""
    return [(file, p["title"], row["label"], int(year), value)
            for p in golden["proposals"] if p["economy"]
            for row in p["economy"]["rows"] for year, value in row["values"].items()]


def _goldens(prefix: str = "", *, pdf_only: bool = False) -> list[tuple[Any, ...]]:
    """Every golden file's cells; `pdf_only` leaves out the Word samples' goldens."""
    cells = []
    for golden in sorted(SAMPLES.glob("*.expected.json")):
        if pdf_only and golden.name.endswith(".docx.expected.json"):
            continue
        data = json.loads(golden.read_text(encoding="utf-8"))
        cells += _golden_cells(data, prefix + data["file"])
    return cells


def _cells(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["file"], r["proposal"], r["row"], r["year"], r["value"]) for r in rows]


@pytest.fixture(scope="module")
def result(samples: dict[str, DocumentResult]) -> ExtractionResult:
    return ExtractionResult(documents=list(samples.values()))


# Appended to the README's example: the DataFrame it ends with, as JSON on stdout.
_DUMP = """
import json as _json, sys as _sys, pandas as _pd
_json.dump({"isframe": isinstance(frame, _pd.DataFrame), "dtype": str(frame["value"].dtype),
            "cells": [[f, p, r, int(y), None if _pd.isna(v) else int(v)] for f, p, r, y, v in
                      zip(frame["file"], frame["proposal"], frame["row"], frame["year"],
                          frame["value"])]}, _sys.stdout)
"""


def test_readme_example_runs_from_import_to_a_dataframe(tmp_path: Path) -> None:
    """Run as a notebook would, in its own process (pandas stays out of the test process,
    whose forked batch workers are measured against --max-memory)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"### From Python.*?```python\n(.*?)```", readme, re.S)
    assert match is not None, "README has no Python example under 'From Python'"
    code = match.group(1)
    assert code.startswith("import extractor\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code + _DUMP], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    dumped = json.loads(run.stdout[run.stdout.rindex('{"isframe"'):])
    assert dumped["isframe"] and dumped["dtype"] == "Int64"
    assert [tuple(c) for c in dumped["cells"]] == _goldens("samples/")


def test_tabel1_rows_hold_every_cell_of_the_golden_files(result: ExtractionResult) -> None:
    rows = result.tabel1_rows()
    assert _cells(rows) == _goldens(pdf_only=True)
    assert any(r["value"] is None for r in rows)  # empty cells are rows too
    assert {r["group"] for r in rows} == {"permanent", "implementation", "overall"}


def test_finding_rows_are_every_finding_errors_first(result: ExtractionResult) -> None:
    rows = result.finding_rows()
    findings = [(d.file, p.title, f.rule, f.message) for d in result.documents
                for p in d.proposals for f in p.findings]
    assert sorted((r["file"], r["proposal"], r["rule"], r["message"]) for r in rows) == \
        sorted(findings)
    order = ["error", "warning", "info"]
    ranks = [order.index(r["severity"]) for r in rows]
    assert ranks == sorted(ranks) and ranks[0] == 0


def test_the_workbook_sheets_are_written_from_the_same_rows(result: ExtractionResult,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "rapport.xlsx"
    write_xlsx(result, path)
    wb = openpyxl.load_workbook(path)
    long_rows = list(wb["Tabel 1"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[4], r[7], r[8]) for r in long_rows] == _cells(result.tabel1_rows())
    fund = list(wb["Fund"].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(fund) if "Regel" in r)  # the header row, below a legend
    col = {name: fund[top].index(name) for name in ("Regel", "Fil", "Besked")}
    assert [(r[col["Regel"]], r[col["Fil"]], r[col["Besked"]]) for r in fund[top + 1:]] == [
        (f["rule"], f["file"], f["message"]) for f in result.finding_rows()]


def test_extract_file_takes_a_plain_string(samples: dict[str, DocumentResult]) -> None:
    doc = extractor.extract_file(str(SAMPLES / "plejefamilier.pdf"), "plejefamilier.pdf")
    assert doc == samples["plejefamilier"]
    assert extractor.extract_file(str(SAMPLES / "plejefamilier.pdf")).file == str(
        SAMPLES / "plejefamilier.pdf")


def test_extract_reads_files_and_folders_in_order(tmp_path: Path,
                                                  samples: dict[str, DocumentResult]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.pdf").write_bytes((SAMPLES / "plejefamilier.pdf").read_bytes())
    (folder / "a.txt").write_text("intet forslag her\n", encoding="utf-8")
    missing = tmp_path / "findes_ikke.pdf"
    got = extractor.extract([folder, str(missing)], jobs=1, cache=tmp_path / "cache")
    assert [Path(d.file).name for d in got.documents] == ["a.txt", "b.pdf", "findes_ikke.pdf"]
    assert [d.error.code if d.error else None for d in got.documents] == [
        "not_a_proposal", None, "not_found"]
    assert got.documents[1].proposals == samples["plejefamilier"].proposals
    again = extractor.extract(folder / "b.pdf", jobs=1, cache=tmp_path / "cache")
    assert again.documents[0].proposals == samples["plejefamilier"].proposals


def test_extract_applies_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "checks.toml"
    config.write_text('disabled = ["economy.column_total"]\n', encoding="utf-8")
    got = extractor.extract(SAMPLES / "forloebsprogram.pdf", jobs=1, cache=False, config=config)
    rules = {f["rule"] for f in got.finding_rows()}
    assert "economy.column_total" not in rules and rules


def test_an_oserror_on_the_input_is_a_file_error(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    locked = tmp_path / "låst.pdf"
    locked.write_bytes((SAMPLES / "plejefamilier.pdf").read_bytes())
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    doc = extractor.extract_file(locked)
    assert doc.status == "error" and doc.error is not None
    assert doc.error.code == "not_found"
    assert "låst.pdf: " in doc.error.message and "ingen læseadgang" in doc.error.message


def test_a_bug_in_our_reader_is_internal_not_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise KeyError("x0")

    monkeypatch.setattr("extractor.read.pdf._to_page", broken)  # the pdfplumber reader's
    doc = extractor.extract_file(SAMPLES / "plejefamilier.pdf", reader="pdfplumber")
    assert doc.error is not None
    assert doc.error.code == "internal_error"
    assert "KeyError" in doc.error.message
