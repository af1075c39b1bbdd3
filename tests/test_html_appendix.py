"""The HTML report's "Bilag" over the samples: every number of its tables equals the
workbook's "Bilag" sheet and the recomputation from the JSON (`test_appendix`'s helpers),
each "I alt" is the sum of the rows above, a proposal in several files is listed once,
and an amount Tabel 1 cannot give is an empty cell with a note, never 0."""

from __future__ import annotations

import io
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import openpyxl
import pytest

from extractor.export.html_report import to_html
from extractor.export.workbook import to_xlsx_bytes
from extractor.models import DocumentResult, ExtractionResult
from extractor.round.appendix import round_with_appendix
from tests.test_appendix import _distinct, _expected, _payback

POOL = 20_000  # 1.000 kr.; smaller than what the samples ask for


class _BilagTables(HTMLParser):
    """The text of every cell of every table inside <section id="bilag">, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # >0 inside the Bilag section
        self.tables: list[list[list[str]]] = []
        self.notes: list[str] = []
        self.texts: list[str] = []
        self._cell: list[str] | None = None
        self._note: list[str] | None = None
        self._sup = False  # a note mark: kept as "[n]" so it never reads as an amount

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            self.depth = int(tag == "section" and ("id", "bilag") in attrs)
            return
        self.depth += tag == "section"
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "li":
            self._note = []
        elif tag == "sup":
            self._sup = True

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0:
            return
        self.depth -= tag == "section"
        self._sup = self._sup and tag != "sup"
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "li" and self._note is not None:
            self.notes.append("".join(self._note).strip())
            self._note = None

    def handle_data(self, data: str) -> None:
        if self.depth == 0:
            return
        self.texts.append(data)
        for part in (self._cell, self._note):
            if part is not None:
                part.append(f"[{data}]" if self._sup else data)


def _tables(html: str) -> _BilagTables:
    parser = _BilagTables()
    parser.feed(html)
    return parser


def _number(text: str) -> Decimal | None:
    """Danish '1.234,5' → Decimal; an empty cell (or only a note mark "[n]") → None."""
    if not text or text.startswith("["):
        return None
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.fixture(scope="module")
def result(samples: dict[str, DocumentResult]) -> ExtractionResult:
    documents = list(samples.values())
    return ExtractionResult(documents=documents,
                            round=round_with_appendix(documents, run_pool=POOL))


@pytest.fixture(scope="module")
def html(result: ExtractionResult) -> str:
    return to_html(result)


def _sheet_rows(result: ExtractionResult) -> dict[str, tuple[Any, ...]]:
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(result)))["Bilag"]
    return {r[1].value: tuple(c.value for c in r) for r in ws.iter_rows(min_row=4)
            if isinstance(r[0].value, int)}


def test_every_number_equals_the_workbook_and_the_recomputation(
        result: ExtractionResult, html: str) -> None:
    parsed = _tables(html)
    assert len(parsed.tables) == 2  # one table per budget round (case)
    sheet = _sheet_rows(result)
    proposals = _distinct(result)
    listed: list[str] = []
    totals = 0
    for table in parsed.tables:
        group: list[list[Decimal]] = []
        case: list[list[Decimal]] = []
        for cells in table[1:]:
            shown = [_number(c) for c in cells[3:7]]
            amounts = [a for a in shown if a is not None]
            assert len(amounts) == 4, cells  # every sample's Tabel 1 gives every number
            if cells[0]:  # a proposal
                title = cells[1]
                listed.append(title)
                expected = _expected(proposals[title])
                assert amounts == expected, title
                workbook = [Decimal(str(v)) for v in sheet[title][3:7]]
                assert amounts == workbook, title
                stated = next(p["years"] for p in proposals[title]["economy"]["payback"]
                              if "totaløkonomi" in p["label"])
                assert cells[7] == str(stated) == str(sheet[title][7])
                computed = _payback(proposals[title])
                beside = str(computed) if computed != stated else ""
                assert cells[8] == beside == str(sheet[title][8] or ""), title
                group.append(amounts)
                continue
            assert cells[1].startswith("I alt, ")
            covered = group or case  # a committee's total follows its rows, the case's last
            sums = [sum((row[i] for row in covered), Decimal(0)) for i in range(4)]
            assert amounts == sums, cells[1]
            if group:
                case += group
                group = []
            totals += 1
    assert totals == 5 + 2  # five committees and two cases
    assert sorted(listed) == sorted(proposals) and len(listed) == len(set(listed)) == 7


def test_a_proposal_in_several_files_is_listed_once(result: ExtractionResult,
                                                     html: str) -> None:
    files: dict[str, set[str]] = {}
    for doc in result.documents:
        for p in doc.proposals:
            files.setdefault(p.title, set()).add(doc.file)
    repeated = [t for t, f in files.items() if len(f) > 1]
    assert repeated  # the samples hold the same proposal in a bundle and on its own
    listed = [row[1] for table in _tables(html).tables for row in table[1:] if row[0]]
    for title in repeated:
        assert listed.count(title) == 1, title


def test_the_pool_and_its_warning_are_shown(result: ExtractionResult, html: str) -> None:
    assert result.round is not None
    warning = next(f for f in result.round.findings if f.rule == "round.pool_exceeded")
    texts = " ".join(" ".join(_tables(html).texts).split())
    assert warning.message in texts
    assert "Puljen for hele kørslen: 20,0 mio. kr." in texts


def test_an_amount_that_cannot_be_given_is_empty_with_a_note_never_0() -> None:
    doc = DocumentResult.model_validate({"file": "x.pdf", "proposals": [
        {"title": "Uden tabel", "case": "Budget 2027", "department": "Ukendt forvaltning",
         "pages": None}]})
    parsed = _tables(to_html(ExtractionResult(documents=[doc],
                                              round=round_with_appendix([doc]))))
    row = next(r for r in parsed.tables[0] if r[1] == "Uden tabel")
    assert row[2] == "[1]" and "Ukendt forvaltning" in parsed.notes[0]
    assert row[3:7] == ["[2]", "[3]", "[4]", "[5]"]  # note marks only, no amount
    assert all("ingen Tabel 1" in n for n in parsed.notes[1:5])
    total = next(r for r in parsed.tables[0] if r[1].startswith("I alt, Ukendt"))
    assert total[3:7] == ["0,0"] * 4  # nothing shown, nothing summed
