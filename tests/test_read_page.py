"""Words that touch on a line are one printed word (page.merge_touching)."""

from __future__ import annotations

from extractor.read.page import Word, merge_touching


def _word(text: str, x0: float, x1: float, bold: bool = False, top: float = 100.0) -> Word:
    return Word(text, x0, x1, top, top + 10, bold, 10.0)


def test_a_hyphen_from_another_font_joins_its_word() -> None:
    # reportlab and Chromium draw U+2010 from a fallback font, flush against the syllable
    words = [_word("samlet", 10, 40, True), _word("Ind", 43, 58, True),
             _word("\u2010", 58.02, 61, False, top=100.4)]
    merged = merge_touching(words)
    assert [w.text for w in merged] == ["samlet", "Ind\u2010"]
    assert merged[1].bold  # the letters' weight, so a bold title line stays bold
    assert (merged[1].x0, merged[1].x1, merged[1].top) == (43, 61, 100.0)


def test_a_gap_is_a_space() -> None:
    words = [_word("botilbud", 10, 50), _word("-", 52.5, 56)]  # a dash after a space
    assert [w.text for w in merge_touching(words)] == ["botilbud", "-"]


def test_a_change_of_weight_between_letters_stays_a_boundary() -> None:
    words = [_word("forvaltning:", 10, 60, True), _word("Børne-", 60.03, 90)]
    assert [w.text for w in merge_touching(words)] == ["forvaltning:", "Børne-"]


def test_words_on_other_lines_never_join() -> None:
    words = [_word("slut", 10, 30), _word("start", 30, 50, top=115)]
    assert len(merge_touching(words)) == 2
