"""Hostile inputs, part 3: every string that enters the workbook (issue 12, item 3).

A control character in a row label reached a cell comment as invalid XML: openpyxl
could not reopen the file and Excel offered to repair it. Cells, comments, sheet names
and properties are cleaned and cut to Excel's limits, counted in UTF-16 units.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from checks_factory import economy_row, proposal

from extractor.checks.config import DEFAULT_CONFIG
from extractor.export.workbook import write_xlsx
from extractor.export.xlsx.cells import MAX_CELL_TEXT, clean_text
from extractor.models import DocumentResult, ExtractionResult
from extractor.round.appendix import round_with_appendix
from extractor.rules import finding

HOSTILE = "Drift\x07 af\x1b team\ufffe\x00"


def _hostile_result() -> ExtractionResult:
    p = proposal()
    p.title = "Fælles\x0b kørsel\x01/kontor:*?[]" + "\U0001F600" * 20
    economy_row(p, "Drift af team").label = HOSTILE
    p.summary = "😀" * 20000 + "slut"  # 40,000 UTF-16 units
    p.findings = [finding("economy.column_total", f"{HOSTILE} 2027: forkert\x08",
                          table="Tabel 1", row=HOSTILE, year=2027, page=5)]
    docs = [DocumentResult(file="pl\udce6je\x07.pdf", proposals=[p])]
    overview = round_with_appendix(docs, DEFAULT_CONFIG.committees, DEFAULT_CONFIG.pools, 1)
    return ExtractionResult(documents=docs, round=overview)  # Runde and Bilag sheets too


def test_control_characters_and_surrogates_never_reach_the_xml(tmp_path: Path) -> None:
    out = tmp_path / "rapport.xlsx"
    write_xlsx(_hostile_result(), out)

    wb = openpyxl.load_workbook(out)  # raised on the \x07 in the comment before
    texts = [c.value for ws in wb.worksheets for r in ws.iter_rows() for c in r
             if isinstance(c.value, str)]
    texts += [c.comment.text for ws in wb.worksheets for r in ws.iter_rows() for c in r
              if c.comment]
    texts += wb.sheetnames
    bad = [t for t in texts if any((ord(ch) < 32 and ch not in "\n\t") or ch == "\ufffe"
                                   or 0xD800 <= ord(ch) <= 0xDFFF for ch in t)]
    assert bad == []
    assert any("Drift af team" in t for t in texts)
    assert any(t.startswith("pl\ufffdje") for t in texts)
    comments = [c.comment.text for ws in wb.worksheets for r in ws.iter_rows() for c in r
                if c.comment]
    assert any("Drift af team 2027: forkert" in t for t in comments)


def test_texts_are_cut_to_excels_limits_in_utf16_units(tmp_path: Path) -> None:
    out = tmp_path / "rapport.xlsx"
    write_xlsx(_hostile_result(), out)

    wb = openpyxl.load_workbook(out)
    summary = next(c.value for r in wb["Oversigt"].iter_rows() for c in r
                   if isinstance(c.value, str) and c.value.startswith("😀"))
    assert len(summary.encode("utf-16-le")) // 2 <= MAX_CELL_TEXT
    assert summary.endswith("…")
    sheet = next(n for n in wb.sheetnames if n.startswith("1 "))
    assert len(sheet.encode("utf-16-le")) // 2 <= 31
    assert not any(ch in sheet for ch in "[]:*?/\\\x0b\x01")


def test_clean_text_counts_utf16_units_and_never_splits_a_character() -> None:
    assert clean_text("a\x07b\r\nc") == "ab\nc"
    cut = clean_text("x" + "😀" * 5, limit=6)
    assert cut == "x😀😀…" and len(cut.encode("utf-16-le")) // 2 == 6
    assert clean_text("\udce6") == "\ufffd"
