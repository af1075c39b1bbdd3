"""Tabel 1 by geometry on synthetic pages: words and rulings built here, not read from a PDF.

A small table in the template's shape (label, Styringsområde, four year columns) is laid
out in PDF points, once with ruled rows and cell borders and once without any rules
(rows by vertical gaps). Each test states what a reader of the printed table sees.
"""

from __future__ import annotations

import pytest

from extractor.models import Economy, Finding
from extractor.parse.economy_table import parse_economy_table
from extractor.read.page import Page, Ruling, Word
from extractor.segment.layout import Position, Region
from extractor.template import COPENHAGEN

YEARS = (2026, 2027, 2028, 2029)
LABEL_X, STEER_X, YEARS_X, PITCH = 50.0, 260.0, 335.0, 60.0  # column starts, year width
RIGHT = YEARS_X + PITCH * len(YEARS)
CHAR = 5.0  # pt per character
HEIGHT = 10.0

# (label lines, steering area, {year: printed amount}); a row may wrap its label
Row = tuple[list[str], str | None, dict[int, str]]
TABLE: list[Row] = [
    (["Varige ændringer (effektivisering og drift)"], None, {}),
    (["Besparelse på anbringelse i", "plejefamilier"], "Service", {2027: "-1.000", 2028: "-2.000",
                                                                    2029: "-2.000"}),
    (["Udgift til sagsbehandler"], "Service", {2026: "500", 2027: "500", 2028: "500",
                                               2029: "500"}),
    (["Samlet varig ændring"], None, {2026: "500", 2027: "-500", 2028: "-1.500", 2029: "-1.500"}),
    (["Implementeringsomkostninger (midler fra investeringspuljen)"], None, {}),
    (["Projektledelse"], "Service", {2026: "800"}),
    (["Samlede implementeringsomkostninger"], None, {2026: "800"}),
    (["Samlet økonomisk påvirkning"], None, {2026: "1.300", 2027: "-500", 2028: "-1.500",
                                             2029: "-1.500"}),
]


def _word(text: str, x0: float, top: float, bold: bool = False) -> Word:
    return Word(text, x0, x0 + CHAR * len(text), top, top + HEIGHT, bold, 10.0)


def _words(text: str, x0: float, top: float, bold: bool = False) -> list[Word]:
    out = []
    for token in text.split():
        out.append(_word(token, x0, top, bold))
        x0 += CHAR * (len(token) + 1)
    return out


def _amount(text: str, year: int, top: float) -> Word:
    """Right-aligned in its year column, 5 pt from the border."""
    right = YEARS_X + PITCH * (YEARS.index(year) + 1) - 5
    return Word(text, right - CHAR * len(text), right, top, top + HEIGHT, False, 10.0)


def _page(table: list[Row], ruled: bool, extra: list[Word] = ()) -> Page:  # type: ignore[assignment]
    """The table laid out from y=100: header row, then each row; lines 12 pt apart inside a
    row, 10 pt of space (and a rule, when ruled) between rows."""
    words = [*_words("1.000 kr., 2027 p/l", LABEL_X, 100), *_words("Styringsområde", STEER_X, 100)]
    words += [_word(str(y), YEARS_X + PITCH * i + 20, 100, True) for i, y in enumerate(YEARS)]
    edges = [100 - 4, 100 + HEIGHT + 4]
    top = edges[-1] + 4
    for labels, area, values in table:
        heading = not values and area is None
        for n, text in enumerate(labels):
            words += _words(text, LABEL_X, top + 12 * n, bold=heading)
        if area:
            words += _words(area, STEER_X, top)
        words += [_amount(text, year, top) for year, text in values.items()]
        bottom = top + 12 * (len(labels) - 1) + HEIGHT
        edges.append(bottom + 4)
        top = bottom + 8 + (0 if ruled else 2)
    rules = []
    if ruled:
        rules += [Ruling(LABEL_X - 5, RIGHT, y, y) for y in edges]
        borders = [LABEL_X - 5, STEER_X - 5, *(YEARS_X + PITCH * i for i in range(len(YEARS) + 1))]
        rules += [Ruling(x, x, edges[0], edges[-1]) for x in borders]
    return Page(number=3, width=600.0, height=800.0, words=[*words, *extra], rules=rules)


def _read(page: Page) -> tuple[Economy, list[Finding]]:
    region = Region(Position(page.number, 0.0), Position(page.number, 10**6), [page])
    economy, findings = parse_economy_table(region, frozenset(), COPENHAGEN)
    assert economy is not None
    return economy, findings


def _values(row: Row) -> dict[str, int | None]:
    return {str(y): int(row[2][y].replace(".", "")) if y in row[2] else None for y in YEARS}


@pytest.mark.parametrize("ruled", [True, False], ids=["rows by rulings", "rows by gaps"])
def test_every_printed_cell_in_its_year_and_empty_cells_null(ruled: bool) -> None:
    economy, findings = _read(_page(TABLE, ruled))
    assert findings == []
    assert economy.years == list(YEARS)
    assert (economy.unit, economy.price_level, economy.page) == ("1.000 kr.", "2027 p/l", 3)
    printed = [r for r in TABLE if r[2]]
    assert [r.label for r in economy.rows] == [" ".join(r[0]) for r in printed]
    assert [r.values for r in economy.rows] == [_values(r) for r in printed]
    assert [r.steering_area for r in economy.rows] == [r[1] for r in printed]
    assert [(r.group, r.role) for r in economy.rows] == [
        ("permanent", "item"), ("permanent", "item"), ("permanent", "total"),
        ("implementation", "item"), ("implementation", "total"), ("overall", "total")]


@pytest.mark.parametrize("ruled", [True, False], ids=["rows by rulings", "rows by gaps"])
def test_a_value_straddling_two_columns_is_unreadable_not_guessed(ruled: bool) -> None:
    border = YEARS_X + PITCH  # between 2026 and 2027
    table = [*TABLE]
    labels, area, _ = table[5]
    table[5] = (labels, area, {})
    page = _page(table, ruled)
    row_top = next(w.top for w in page.words if w.text == "Projektledelse")
    page.words.append(Word("1.800", border - 12, border + 13, row_top, row_top + HEIGHT))
    economy, findings = _read(page)
    row = next(r for r in economy.rows if r.label == "Projektledelse")
    assert row.values == {str(y): None for y in YEARS}
    [finding] = findings
    assert (finding.rule, finding.severity) == ("economy.unreadable_cell", "error")
    assert (finding.location.row, finding.location.year, finding.location.page) == (
        "Projektledelse", 2027, 3)
    assert "1.800" in finding.message


def test_a_token_that_is_not_an_amount_leaves_its_cell_null() -> None:
    table = [*TABLE]
    table[5] = (["Projektledelse"], "Service", {2026: "8,5"})
    economy, findings = _read(_page(table, ruled=True))
    row = next(r for r in economy.rows if r.label == "Projektledelse")
    assert row.values["2026"] is None
    [finding] = findings
    assert (finding.rule, finding.location.year) == ("economy.unreadable_cell", 2026)
    assert "'8,5' er ikke et beløb" in finding.message


def test_rows_by_rulings_keep_a_row_whose_lines_stand_far_apart() -> None:
    """Inside a ruled row a wide gap between the label's lines does not split the row."""
    page = _page(TABLE, ruled=True)
    second = next(w for w in page.words if w.text == "plejefamilier")
    page.words.remove(second)
    page.words.append(Word(second.text, second.x0, second.x1, second.top + 3,
                           second.bottom + 3, second.bold, second.size))
    economy, _ = _read(page)
    assert economy.rows[0].label == "Besparelse på anbringelse i plejefamilier"
    assert len(economy.rows) == len([r for r in TABLE if r[2]])


def _split(page: Page, at: float, top: float = 40.0) -> tuple[Page, Page]:
    """The page broken at y=`at` (Chromium, reportlab): what lies below goes to the top of
    the next page, the vertical borders cut at the break, no rule closing either part."""
    shift = at - top
    first = Page(page.number, page.width, page.height, [w for w in page.words if w.top < at],
                 [Ruling(r.x0, r.x1, r.top, min(r.bottom, at)) for r in page.rules
                  if r.top < at])
    second = Page(page.number + 1, page.width, page.height,
                  [Word(w.text, w.x0, w.x1, w.top - shift, w.bottom - shift, w.bold, w.size)
                   for w in page.words if w.top >= at],
                  [Ruling(r.x0, r.x1, max(r.top, at) - shift, r.bottom - shift)
                   for r in page.rules if r.bottom > at])
    return first, second


def test_a_row_split_above_the_next_pages_first_rule_is_one_row_and_no_running_text() -> None:
    from extractor.parse.paragraphs import outside_tables
    from extractor.read.text_lines import words_to_lines

    whole = _page(TABLE, ruled=True)
    second_line = next(w.top for w in whole.words if w.text == "plejefamilier")
    pages = _split(whole, second_line - 1)  # "plejefamilier" alone above page 4's first rule
    region = Region(Position(3, 0.0), Position(4, 10**6), list(pages))
    economy, findings = parse_economy_table(region, frozenset(), COPENHAGEN)
    expected, _ = _read(whole)
    assert economy is not None and findings == []
    assert [(r.label, r.values) for r in economy.rows] == [
        (r.label, r.values) for r in expected.rows]
    lines = [ln for p in pages for ln in words_to_lines(p.words, p.number)]
    assert len(lines) >= 10
    assert outside_tables(lines, list(pages), []) == []  # no cell is running text


@pytest.mark.parametrize("ruled", [True, False], ids=["rows by rulings", "rows by gaps"])
def test_a_label_moved_whole_to_the_next_page_rejoins_its_amounts(ruled: bool) -> None:
    """WeasyPrint splits a row whose label does not fit by leaving the amounts at the page
    foot and moving the whole label cell to the next page's top."""
    whole = _page(TABLE, ruled)
    label = {"Besparelse", "på", "anbringelse", "i", "plejefamilier"}
    row_top = next(w.top for w in whole.words if w.text == "Besparelse")
    label_words = [w for w in whole.words if w.text in label and w.x0 < STEER_X]
    at = next(w.top for w in whole.words if w.text == "Udgift") - 2  # the next row's top
    first = Page(3, whole.width, whole.height,
                 [w for w in whole.words if w.top < at and w not in label_words],
                 [r for r in whole.rules if r.top < at])
    moved = [Word(w.text, w.x0, w.x1, w.top - row_top + 40, w.bottom - row_top + 40, w.bold,
                  w.size) for w in label_words]
    shift = at - 70
    second = Page(4, whole.width, whole.height,
                  moved + [Word(w.text, w.x0, w.x1, w.top - shift, w.bottom - shift, w.bold, w.size)
                           for w in whole.words if w.top >= at],
                  [Ruling(r.x0, r.x1, r.top - shift, r.bottom - shift) for r in whole.rules
                   if r.top >= at - 3 and r.bottom == r.top])  # the next row's top rule too
    region = Region(Position(3, 0.0), Position(4, 10**6), [first, second])
    economy, findings = parse_economy_table(region, frozenset(), COPENHAGEN)
    expected, _ = _read(whole)
    assert economy is not None
    assert [(r.label, r.values) for r in economy.rows] == [
        (r.label, r.values) for r in expected.rows]
    assert findings == []


def test_a_price_level_broken_after_its_slash_in_a_narrow_header_cell() -> None:
    """WeasyPrint breaks "2027 p/l" after the slash in a narrow cell: "p/" + "l"."""
    page = _page(TABLE, ruled=False)
    header = {"1.000", "kr.,", "2027", "p/l"}
    words = [w for w in page.words if not (w.top == 100 and w.text in header and w.x0 < STEER_X)]
    words += [*_words("1.000 kr., 2027 p/", LABEL_X, 88), _word("l", LABEL_X, 100)]
    economy, _ = _read(Page(page.number, page.width, page.height, words, page.rules))
    assert (economy.unit, economy.price_level) == ("1.000 kr.", "2027 p/l")


@pytest.mark.parametrize("ruled", [True, False], ids=["rows by rulings", "rows by gaps"])
def test_a_label_line_running_on_into_an_empty_steering_cell_stays_the_label(ruled: bool) -> None:
    """WeasyPrint lets a label line overflow a narrow cell into the steering column, on a
    line where that column is empty: those words are the label's, not a steering area."""
    long_label = ["Kommunikationskampagne",
                  "ifm. rekruttering af nye plejefamilier til plejeforældre"]
    table = [*TABLE[:5], (long_label, "Service", {2026: "150", 2027: "50"}), *TABLE[5:]]
    page = _page(table, ruled)
    assert any(w.text == "plejeforældre" and w.x0 > STEER_X for w in page.words)  # runs on
    economy, findings = _read(page)
    row = next(r for r in economy.rows if r.label.startswith("Kommunikations"))
    assert (row.label, row.steering_area) == (" ".join(long_label), "Service")
    assert row.values["2026"] == 150 and findings == []
