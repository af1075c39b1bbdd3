"""Running text: paragraphs, cost-item headings and table-free section text, from built words."""

from __future__ import annotations

from extractor.parse.cost_items import parse_cost_items
from extractor.parse.paragraphs import glue_lone_signs, lines_to_paragraphs, outside_tables
from extractor.read.page import Line, Page, Ruling, Word
from extractor.read.text_lines import words_to_lines
from extractor.segment.layout import Position
from extractor.template import COPENHAGEN

RIGHT = 520.0


def _line(text: str, top: float, bold: bool = False, full: bool = False) -> list[Word]:
    """One line of words at `top`; `full` spreads it to the right margin like justified text."""
    tokens = text.split()
    width = sum(6 * len(t) for t in tokens)
    gap = (RIGHT - 70 - width) / max(len(tokens) - 1, 1) if full else 3.0
    words, x = [], 70.0
    for token in tokens:
        words.append(Word(token, x, x + 6 * len(token), top, top + 10, bold=bold, size=11.0))
        x += 6 * len(token) + gap
    return words


def _lines(*specs: tuple) -> list[Line]:
    return words_to_lines([w for spec in specs for w in _line(*spec)], page=1)


def test_glue_lone_signs() -> None:
    assert glue_lone_signs(["efter faldulykker: -", "1,3 mio. kr. årligt"]) == [
        "efter faldulykker:", "-1,3 mio. kr. årligt"]
    assert glue_lone_signs(["a - b", "c"]) == ["a - b", "c"]


def test_a_dash_before_words_stays_a_dash() -> None:
    texts = ["udsluset af deres botilbud -", "enten til egen bolig"]
    assert glue_lone_signs(texts) == texts
    assert glue_lone_signs(["en tankestreg –"]) == ["en tankestreg –"]


def test_paragraphs_split_at_bold_short_lines_and_wide_steps() -> None:
    lines = _lines(
        ("Overskrift", 100, True),
        ("første linje af et afsnit der går helt ud til margenen", 114, False, True),
        ("og slutter her.", 128),
        ("Nyt afsnit efter en kort linje.", 142),
        ("Første: 1 mio. kr.", 170, True),
        ("Anden: 2 mio. kr.", 187, True),
    )
    texts = [p.text(frozenset()) for p in lines_to_paragraphs(lines)]
    assert texts == [
        "Overskrift",
        "første linje af et afsnit der går helt ud til margenen og slutter her.",
        "Nyt afsnit efter en kort linje.",
        "Første: 1 mio. kr.",
        "Anden: 2 mio. kr.",
    ]


def test_the_pitch_is_the_step_inside_a_paragraph_not_the_median_step() -> None:
    """A short section: a two-line paragraph, a full-width one-line paragraph and bold item
    titles 16 pt apart (lines 13 pt apart). The 20 pt step below the full line is a
    paragraph break; were it taken into the pitch, the titles would run together."""
    lines = _lines(
        ("første linje af et afsnit der går helt ud til margenen", 100, False, True),
        ("slut.", 113),
        ("et afsnit på en hel linje der går helt ud til margenen", 133, False, True),
        ("Varige ændringer", 153, True),
        ("Første: 1 mio. kr.", 169, True),
        ("Anden: 2 mio. kr.", 185, True),
    )
    texts = [p.text(frozenset()) for p in lines_to_paragraphs(lines)]
    assert texts[1:] == ["et afsnit på en hel linje der går helt ud til margenen",
                         "Varige ændringer", "Første: 1 mio. kr.", "Anden: 2 mio. kr."]


def test_cost_items_with_wrapped_heading_and_amount() -> None:
    lines = _lines(
        ("Varige ændringer (effektivisering og drift)", 100, True),
        ("Reduceret kommunal medfinansiering ved færre genindlæggelser efter faldulykker: -",
         120, True),
        ("1,3 mio. kr. årligt fra 2030", 134, True),
        ("Færre faldulykker betyder færre indlæggelser og genindlæggelser og dermed en", 150,
         False, True),
        ("lavere medfinansiering.", 164),
        ("Implementeringsomkostninger (midler fra investeringspuljen)", 190, True),
        ("Projektledelse: 1,5 kr. i alt", 210, True),
    )
    items = parse_cost_items(lines_to_paragraphs(lines), frozenset(), COPENHAGEN)
    assert [(i.group, i.title, i.amount_text, i.page) for i in items] == [
        ("permanent", "Reduceret kommunal medfinansiering ved færre genindlæggelser efter "
         "faldulykker", "-1,3 mio. kr. årligt fra 2030", 1),
        ("implementation", "Projektledelse", "1,5 kr. i alt", 1),
    ]
    assert items[0].text == ("Færre faldulykker betyder færre indlæggelser og genindlæggelser "
                             "og dermed en lavere medfinansiering.")
    assert items[1].text == ""


def test_heading_and_text_on_one_line_split_by_weight() -> None:
    words = [*_line("Huslejetilskud: 0,9 mio. kr.", 100, True),
             Word("Til", 300, 318, 100, 110, size=11.0),
             Word("borgere.", 321, 369, 100, 110, size=11.0)]
    lines = _lines(("Varige ændringer", 80, True)) + words_to_lines(words, page=1)
    items = parse_cost_items(lines_to_paragraphs(lines), frozenset(), COPENHAGEN)
    assert [(i.title, i.amount_text, i.text) for i in items] == [
        ("Huslejetilskud", "0,9 mio. kr.", "Til borgere.")]


def test_lines_inside_a_ruled_table_are_left_out() -> None:
    words = (_line("Tekst over tabellen.", 90) + _line("celle en", 120) + _line("celle to", 140)
             + _line("Tabel 2. Næste", 175, True) + _line("Tekst efter.", 200))
    rules = [Ruling(65, 520, y, y) for y in (110, 132, 155, 190, 215)]
    page = Page(number=1, width=595, height=842, words=words, rules=rules)
    lines = words_to_lines(words, page=1)
    kept = outside_tables(lines, [page], [Position(1, 175)])
    # 110-132 and 132-155 are table rows; 155-190 holds a caption, so it is no row;
    # 190-215 is a row (of the next table) again.
    assert [ln.text for ln in kept] == ["Tekst over tabellen.", "Tabel 2. Næste"]


def test_title_may_hold_a_colon() -> None:
    lines = _lines(("Implementeringsomkostninger", 80, True),
                   ("Fase 1: 2 teams i opstart: 1,0 mio. kr. i alt", 100, True))
    items = parse_cost_items(lines_to_paragraphs(lines), frozenset(), COPENHAGEN)
    assert [(i.title, i.amount_text) for i in items] == [("Fase 1: 2 teams i opstart",
                                                          "1,0 mio. kr. i alt")]


def test_heading_wrapping_onto_a_line_where_the_text_starts() -> None:
    words = [*_line("Ekstra aflastning til plejeforældrene: 2,1 mio. kr. i 2028 stigende", 100,
                    True),
             *_line("til 2,3 mio. kr.", 114, True),
             Word("Der", 200, 218, 114, 124, size=11.0),
             Word("afsættes", 221, 269, 114, 124, size=11.0)]
    lines = _lines(("Varige ændringer", 80, True)) + words_to_lines(words, page=1)
    items = parse_cost_items(lines_to_paragraphs(lines), frozenset(), COPENHAGEN)
    assert [(i.title, i.amount_text, i.text) for i in items] == [
        ("Ekstra aflastning til plejeforældrene", "2,1 mio. kr. i 2028 stigende til 2,3 mio. kr.",
         "Der afsættes")]
