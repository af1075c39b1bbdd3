"""Tables without any rule read like ruled ones: synthetic pages, words placed by hand.

One proposal page holds section 2 with a rule-less Tabel 1 and running text after it,
section 3 with a rule-less Tabel 2, and section 6 with a rule-less Tabel 4 (its first
header cell empty) and a one-column Tabel 5 no parser reads. Rows stand 10 pt apart
(cell padding), lines inside a cell 2 pt. Each test states what a reader sees.
"""

from __future__ import annotations

import datetime as dt

import pytest
from test_economy_geometry import TABLE, _page, _split

from extractor.models import Proposal
from extractor.parse.economy_table import parse_economy_table
from extractor.parse.proposal import parse_proposal
from extractor.parse.ruled_table import read_table
from extractor.read.page import Page, Word
from extractor.read.text_lines import words_to_lines
from extractor.segment.layout import Heading, Position, Region, segment
from extractor.template import COPENHAGEN

CHAR = 5.0
BODY, CELL = 11.0, 9.0  # running text and table cells
AFTER_TABEL_2 = ("Målene følges op hvert år af forvaltningen og udvalget i fællesskab "
                 "med de berørte.")


def _line(text: str, x0: float, top: float, bold: bool = False,
          size: float = BODY) -> list[Word]:
    out = []
    for token in text.split():
        out.append(Word(token, x0, x0 + CHAR * len(token), top, top + 10, bold, size))
        x0 += CHAR * (len(token) + 1)
    return out


def _justified(text: str, top: float, right: float = 560.0) -> list[Word]:
    """A line of running text stretched to the right margin: every space alike, wider
    than the font size when the line holds few words."""
    tokens = text.split()
    gap = (right - 50 - CHAR * sum(len(t) for t in tokens)) / (len(tokens) - 1)
    out, x0 = [], 50.0
    for token in tokens:
        out.append(Word(token, x0, x0 + CHAR * len(token), top, top + 10, False, BODY))
        x0 += CHAR * len(token) + gap
    return out


JUSTIFIED = "Forløbet har tre faser med hver sine fastlagte aktiviteter for borgeren."
GRID = [[(50.0, "Fase 1 - Den unge"), (220.0, "Fase 2 - Botræning"),
         (390.0, "Fase 3 - Udflytning")],
        [(50.0, "flytter ind"), (220.0, "og bolig"), (390.0, "fra botilbuddet")],
        [(50.0, "- Relationer"), (220.0, "- Indsatsmål og"), (390.0, "- Egen bolig")],
        [(220.0, "uddannelse")]]


def _cells(cells: list[tuple[float, str]], top: float, bold: bool = False,
           size: float = CELL) -> list[Word]:
    return [w for x, text in cells for w in _line(text, x, top, bold, size)]


def _proposal_page(cell: float = CELL) -> Page:
    """The proposal, its tables printed in `cell` (smaller than the running text, or not)."""
    words = [*_line("Forslag om et bedre tilbud", 50, 40, True, 16),
             *_line("Kort resumé: Et forslag om et bedre tilbud.", 50, 70),
             *_line("2. Økonomi", 50, 100, True),
             *_line("Forslaget koster penge i de første år.", 50, 120),
             *_justified(JUSTIFIED, 140)]
    y = 160.0  # a grid without caption nor rules: header row, then a row with a bullet list
    for n, row in enumerate(GRID):
        words += _cells(row, y, bold=n < 2, size=cell)
        y += 12 if n != 1 else 20
    words += _line("Tabel 1. Forslagets samlede økonomiske konsekvenser", 50, y + 10, True)
    table1 = _page(TABLE, ruled=False)  # header at y=100: moved under the caption
    shift = y + 30 - 100
    words += [Word(w.text, w.x0, w.x1, w.top + shift, w.bottom + shift, w.bold, cell)
              for w in table1.words]

    def _cells_at(cells: list[tuple[float, str]], top: float, bold: bool = False) -> list[Word]:
        return _cells(cells, top, bold, cell)

    y = max(w.bottom for w in words) + 20
    words += _line("Teksten efter tabellen hører til afsnittet.", 50, y)
    y += 30
    words += _line("3. Implementering og opfølgning", 50, y, True)
    words += _line("Tabel 2. Opfølgningsmål", 50, y + 20, True)
    columns = (50.0, 180.0, 310.0, 440.0)
    y += 40
    words += _cells_at(list(zip(columns, ("Opfølgningsmål", "Hvordan måles", "Hvem er ansvarlig",
                                       "Hvornår"), strict=True)), y, bold=True)
    y += 20
    words += _cells_at([(50, "Implementering og anvendelse af investeringsmidlerne i enhederne")],
                    y, bold=True)  # a group row: one cell merged over the columns
    y += 20
    words += _cells_at([(50, "Målet er nået"), (180, "Ved optælling"), (310, "Centeret"),
                     (440, "2027")], y)
    words += _cells_at([(50, "i alle enheder")], y + 12)  # the goal wraps
    y += 32
    words += _cells_at([(50, "Flere i job"), (180, "Opgørelse"), (440, "Ultimo 2028")], y)
    y += 30
    words += _line(AFTER_TABEL_2, 50, y)  # running text, as wide as the table
    y += 30
    words += _line("6. Hvem er hørt", 50, y, True)
    words += _line("Tabel 4. Godkendelse af Center for Økonomi", 50, y + 20, True)
    y += 40
    words += _cells_at([(300, "Ja/Nej"), (400, "Dato for godkendelse")], y, bold=True)
    words += _cells_at([(50, "Center for Økonomi"), (300, "Ja"), (400, "23. januar 2026")], y + 20)
    words += _cells_at([(50, "Økonomikredsen"), (400, "12. december 2025")], y + 40)
    y += 70
    words += _line("Tabel 5. Inddragede samarbejdspartnere", 50, y, True)
    words += _cells_at([(50, "Relevante samarbejdspartnere")], y + 20, bold=True)
    words += _cells_at([(50, "Ældrerådet")], y + 40)
    y += 70  # a caption wrapped over two lines, then the header row
    words += _line("Tabel 6. Høring og inddragelse af kredse og udvalg [Tabelnummer", 50, y, True)
    words += _line("opdateres]", 50, y + 12, True)
    words += _cells_at([(300, "Ja/Nej"), (400, "Dato for høringssvar")], y + 32, bold=True)
    words += _cells_at([(50, "MED-udvalg"), (300, "Nej"), (400, "20. februar 2026")], y + 52)
    y += 80  # a caption over plain text, not over a table (no bold header row)
    words += _line("Tabel 7. Andre parter", 50, y, True)
    words += _line("Ikke relevant.", 50, y + 20)
    return Page(number=1, width=600.0, height=max(w.bottom for w in words) + 50,
                words=words, rules=[])


def _read(cell: float = CELL) -> Proposal:
    layouts = segment([_proposal_page(cell)])
    assert len(layouts) == 1
    return parse_proposal(layouts[0])


@pytest.mark.parametrize("cell", [CELL, BODY], ids=["tables in small print", "in body size"])
def test_section_texts_leave_out_rule_less_tables_and_keep_the_text_around_them(
        cell: float) -> None:
    """Tabel 1 and 2 by their parsers' reading; Tabel 5 (no parser) by its bold header row
    or its small print; the uncaptioned grid by its columns (or its small print). The
    justified line, its spaces wider than the font size but all alike, stays text."""
    proposal = _read(cell)
    texts = {s.number: s.text for s in proposal.sections}
    assert texts == {
        "2": f"Forslaget koster penge i de første år.\n{JUSTIFIED}\n"
             "Teksten efter tabellen hører til afsnittet.",
        "3": AFTER_TABEL_2,
        "6": "Ikke relevant.",
    }


def _economy_rows(page: Page) -> list[tuple[str, str | None, dict[str, int | None]]]:
    region = Region(Position(page.number, 0.0), Position(page.number, 10**6), [page])
    economy, findings = parse_economy_table(region, frozenset(), COPENHAGEN)
    assert economy is not None and findings == []
    return [(r.label, r.steering_area, r.values) for r in economy.rows]


def test_rule_less_tabel_1_reads_like_the_ruled_one() -> None:
    proposal = _read()
    assert proposal.economy is not None
    assert [(r.label, r.steering_area, r.values) for r in proposal.economy.rows] == (
        _economy_rows(_page(TABLE, ruled=True)))
    assert not [f for f in proposal.findings if f.rule.startswith("economy.unreadable")]


def test_rule_less_tabel_1_group_row_into_the_year_columns_and_wrapped_steering_header() -> None:
    """A group row long enough to reach the year columns is the table's, not the notes;
    "Sty-" "ringsom-" "råde" beside the year line is the header row, not rows."""
    long_group = "Varige ændringer (effektiviseringer og drift af de nye tilbud i byen)"
    table = [(([long_group], None, {}) if i == 0 else row) for i, row in enumerate(TABLE)]
    ruled, plain = _page(table, ruled=True), _page(table, ruled=False)
    assert any(w.x0 > 340 for w in plain.words if 118 <= w.top < 128)  # the group row's end
    words = [w for w in plain.words if w.text != "Styringsområde"]
    words = [w if w.top < 115 else Word(w.text, w.x0, w.x1, w.top + 24, w.bottom + 24,
                                        w.bold, w.size) for w in words]
    words += [Word(t, 260, 260 + CHAR * len(t), top, top + 10, False, 10.0)
              for t, top in (("Sty-", 100), ("ringsom-", 112), ("råde", 124))]
    wrapped = Page(plain.number, plain.width, plain.height, words, [])
    assert _economy_rows(wrapped) == _economy_rows(ruled)


def test_rule_less_tabel_2_ends_at_running_text_and_empty_cell_is_null() -> None:
    """The paragraph under Tabel 2 is no goal (it crosses the column borders)."""
    goals = [(g.group, g.goal, g.measure, g.responsible, g.deadline) for g in _read().follow_up]
    group = "Implementering og anvendelse af investeringsmidlerne i enhederne"
    assert goals == [(group, "Målet er nået i alle enheder", "Ved optælling", "Centeret", "2027"),
                     (group, "Flere i job", "Opgørelse", None, "Ultimo 2028")]


def test_rule_less_hearing_table_finds_its_empty_first_column() -> None:
    hearings = [(h.table, h.body, h.answer, h.date) for h in _read().hearings]
    assert hearings == [(4, "Center for Økonomi", True, dt.date(2026, 1, 23)),
                        (4, "Økonomikredsen", None, dt.date(2025, 12, 12)),
                        (6, "MED-udvalg", False, dt.date(2026, 2, 20))]


def test_rule_less_tabel_1_row_split_by_the_page_break_is_one_row() -> None:
    """The rest of a row at the next page's top, label only, is that row's, also when it
    starts with "§" (a new row's label starts with a capital letter)."""
    table = [(["Besparelse på anbringelse i", "§ 107-tilbud"], row[1], row[2]) if i == 1
             else row for i, row in enumerate(TABLE)]
    whole = _page(table, ruled=False)
    rest = next(w.top for w in whole.words if w.text == "§")
    pages = _split(whole, rest - 1)
    region = Region(Position(3, 0.0), Position(4, 10**6), list(pages))
    economy, findings = parse_economy_table(region, frozenset(), COPENHAGEN)
    assert economy is not None and findings == []
    assert [(r.label, r.values) for r in economy.rows] == [
        (label, values) for label, _, values in _economy_rows(whole)]
    assert economy.rows[0].label == "Besparelse på anbringelse i § 107-tilbud"


def test_rule_less_hearing_table_header_at_a_page_foot_rows_on_the_next_page() -> None:
    caption_words = _line("Tabel 6. Høring og inddragelse", 50, 700, True)
    first = Page(1, 600.0, 800.0, [*caption_words, *_cells([(300, "Ja/Nej"), (400, "Dato")],
                                                            720, bold=True)], [])
    second = Page(2, 600.0, 800.0, _cells([(50, "MED-udvalg"), (300, "Ja"),
                                           (400, "20. februar 2026")], 60), [])
    caption = Heading("table", "6", "Høring og inddragelse",
                      words_to_lines(caption_words, 1)[0])
    region = Region(Position(1, 700.0), Position(2, 10**6), [first, second])
    table = read_table(region, caption, frozenset(), first_column_empty=True)
    assert table is not None
    assert [[row.text(i, frozenset()) for i in range(3)] for row in table.rows] == [
        ["MED-udvalg", "Ja", "20. februar 2026"]]


def test_header_cells_in_small_print_closer_than_six_points_are_columns() -> None:
    """8 pt header text, spaces 1.8 pt inside a cell, 5.7 pt between two cells (2.5 pt
    padding each side): "opfølgningsmålet?" and "Hvem" start two columns."""
    def words(cells: list[list[str]], top: float, bold: bool) -> list[Word]:
        out, x0 = [], 60.0
        for cell in cells:
            for n, token in enumerate(cell):
                x0 += 1.8 if n else 0.0
                out.append(Word(token, x0, x0 + 4.0 * len(token), top, top + 8, bold, 8.0))
                x0 += 4.0 * len(token)
            x0 += 5.7
        return out

    header = [["Mål"], ["Hvordan", "måles", "opfølgningsmålet?"], ["Hvem", "er", "ansvarlig?"],
              ["Hvornår?"]]
    body = words(header, 100, True)
    starts = [min(w.x0 for w in body if w.text == cell[0]) for cell in header]
    body += [Word(t, x, x + 4.0 * len(t), 120, 128, False, 8.0)
             for t, x in zip(("Målet", "Optælling", "Centeret", "2027"), starts, strict=True)]
    caption_words = _line("Tabel 2. Opfølgningsmål", 60, 80, True)
    page = Page(1, 600.0, 800.0, [*caption_words, *body], [])
    caption = Heading("table", "2", "Opfølgningsmål", words_to_lines(caption_words, 1)[0])
    table = read_table(Region(Position(1, 80.0), Position(1, 10**6), [page]), caption,
                       frozenset())
    assert table is not None
    assert table.header == ["Mål", "Hvordan måles opfølgningsmålet?", "Hvem er ansvarlig?",
                            "Hvornår?"]
    assert [[row.text(i, frozenset()) for i in range(4)] for row in table.rows] == [
        ["Målet", "Optælling", "Centeret", "2027"]]
