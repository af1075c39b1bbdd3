"""Tabel 1 without rules, laid out by other producers: notes, repeated header parts, and
layouts that cannot be read safely. Synthetic pages: every word placed by hand."""

from __future__ import annotations

from extractor.parse.economy_table import parse_economy_table
from extractor.read.page import Page, Word
from extractor.segment.layout import Position, Region
from extractor.template import COPENHAGEN

YEARS = (2026, 2027, 2028)
SIZE = 8.0


def _words(text: str, x: float, top: float, bold: bool = False) -> list[Word]:
    out = []
    for token in text.split():
        width = 4.4 * len(token)
        out.append(Word(token, x, x + width, top, top + SIZE, bold, SIZE))
        x += width + 2.5
    return out


def _row(label: str, values: tuple[str, ...], top: float, steering: str = "Service",
         bold: bool = False) -> list[Word]:
    words = _words(label, 60, top, bold) + _words(steering, 200, top, bold)
    for i, value in enumerate(values):
        if value:
            words += _words(value, 330 + 50 * i - 4.4 * len(value), top, bold)
    return words


def _header(top: float) -> list[Word]:
    words = _words("1.000 kr. 2027 p/l", 60, top, True) + _words("Styringsområde", 200, top, True)
    for i, year in enumerate(YEARS):
        words += _words(str(year), 312 + 50 * i, top, True)
    return words


def _parse(pages: list[Page]):  # noqa: ANN202 - the parser's own tuple
    region = Region(Position(pages[0].number, 0), Position(10**6, 0), pages)
    return parse_economy_table(region, frozenset(), COPENHAGEN)


def test_a_note_without_lead_in_under_a_ruleless_table_is_a_note() -> None:
    words = _header(100) + _row("Besparelse på kørsel", ("-100", "-200", "-300"), 120)
    words += _row("Samlet økonomisk påvirkning", ("-100", "-200", "-300"), 135, steering="",
                  bold=True)
    words += _words("Alle effektiviseringer er", 60, 160)
    economy, findings = _parse([Page(1, 595, 842, words)])
    assert economy is not None
    assert [r.label for r in economy.rows] == ["Besparelse på kørsel",
                                               "Samlet økonomisk påvirkning"]
    assert economy.notes == ["Alle effektiviseringer er"]
    assert findings == []


def test_a_repeated_two_line_header_part_is_no_row() -> None:
    first = _header(100) + _row("Besparelse på kørsel", ("-100", "-200", "-300"), 120)
    second = _words("1.000 kr.", 60, 60, True)  # the header's first line: no year words
    second += [w for w in _header(74) if w.text not in ("1.000", "kr.")]  # a gap: own row
    second += _row("Besparelse på el", ("-1", "-2", "-3"), 95)
    economy, _ = _parse([Page(1, 595, 842, first), Page(2, 595, 842, second)])
    assert economy is not None
    assert [r.label for r in economy.rows] == ["Besparelse på kørsel", "Besparelse på el"]


def test_no_rules_and_no_gap_between_rows_is_reported_not_guessed() -> None:
    pitch = SIZE * 1.15  # every line at the same pitch: no gap tells the rows apart
    words = _header(100)
    words += _row("Besparelse på", ("-100", "-200", "-300"), 100 + 2 * pitch)
    words += _words("kørsel", 60, 100 + 3 * pitch)
    words += _row("Besparelse på el", ("-1", "-2", "-3"), 100 + 4 * pitch)
    words += _words("og varme", 60, 100 + 5 * pitch)
    _, findings = _parse([Page(1, 595, 842, words)])
    assert [f.rule for f in findings] == ["economy.unreadable_layout"]


def test_text_running_into_the_next_column_is_reported() -> None:
    # a label glued to the steering area: "Overførselsudgifterne" + "Service" in one word
    words = _header(100) + _row("Besparelse", ("-100", "-200", "-300"), 120)
    words += _words("OverførselsudgifterService", 110, 135) + _words("7", 335, 135)
    _, findings = _parse([Page(1, 595, 842, words)])
    assert "economy.unreadable_layout" in [f.rule for f in findings]


def test_text_flush_against_the_next_columns_text_is_reported() -> None:
    words = _header(100) + _words("Overførselsudgifterne", 130, 120)  # ends at 222.4
    words += [Word("Service", 222.6, 250, 120, 120 + SIZE, False, SIZE)]
    words += _words("7", 335, 120)
    _, findings = _parse([Page(1, 595, 842, words)])
    assert "economy.unreadable_layout" in [f.rule for f in findings]


def test_a_label_overflowing_an_empty_stretch_is_read_where_it_starts() -> None:
    # Word and reportlab print a word too long for its cell over the column's edge;
    # the steering cell holds nothing on that line, so the label is still plain
    words = _header(100) + _row("Besparelse", ("-100", "-200", "-300"), 120)
    words += _words("Overførselsudgifterne", 130, 135) + _words("7", 335, 135)
    economy, findings = _parse([Page(1, 595, 842, words)])
    assert findings == []
    assert economy is not None
    assert [r.label for r in economy.rows][-1] == "Overførselsudgifterne"
