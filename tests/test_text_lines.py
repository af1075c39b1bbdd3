from __future__ import annotations

import pytest

from extractor.read.page import Word
from extractor.read.text_lines import document_vocabulary, join_lines, words_to_lines


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["et nyt forløbspro-", "gram for unge"], "et nyt forløbsprogram for unge"),
        (["på unge- og", "voksenområderne"], "på unge- og voksenområderne"),
        (["på unge-", "og voksenområderne"], "på unge- og voksenområderne"),
        (["borgere tildeles CTI-", "forløb"], "borgere tildeles CTI-forløb"),
        (["midler i 2026-", "2029 til"], "midler i 2026-2029 til"),
        (["køb af eksterne § 107-", "pladser"], "køb af eksterne § 107-pladser"),
        (["indfasning: -", "1,3 mio. kr."], "indfasning: - 1,3 mio. kr."),
        (["Besparelse på køb  ", "  §107"], "Besparelse på køb §107"),
        (["Tilbagebetalingstid baseret på service-", "effektivisering"],
         "Tilbagebetalingstid baseret på serviceeffektivisering"),
        (["", "alene"], "alene"),
    ],
)
def test_join_lines_undoes_hyphenation_only(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


def test_vocabulary_keeps_a_hyphen_the_document_itself_writes() -> None:
    text = ["fx peer-støtte og mere", "anden overgangsstøtte fx peer-", "støtte, bl.a."]
    vocabulary = document_vocabulary(text)
    assert "peer-støtte" in vocabulary
    assert join_lines(text[1:], vocabulary) == "anden overgangsstøtte fx peer-støtte, bl.a."
    assert join_lines(text[1:]) == "anden overgangsstøtte fx peerstøtte, bl.a."


def test_a_word_cut_without_hyphen_is_joined_where_the_document_prints_it_whole() -> None:
    """A word too wide for its cell is cut at the cell's edge, with no hyphen."""
    text = ["Et nyt forløbsprogram for unge", "Besparelse ved for-", "løbsprogr", "am i alt",
            "en drift udgift her", "driften af driftudgift i år"]
    vocabulary = document_vocabulary(text)
    assert join_lines(text[1:4], vocabulary) == "Besparelse ved forløbsprogram i alt"
    assert join_lines(text[1:4]) == "Besparelse ved forløbsprogr am i alt"  # never seen whole
    # "drift" and "udgift" are printed as words: the break between them stays a space
    assert join_lines(["den samlede drift", "udgift"], vocabulary) == "den samlede drift udgift"
    assert join_lines(["hele forløbsprogr", "Am"], vocabulary) == "hele forløbsprogr Am"


def _w(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 6 * len(text), top, top + 9)


def test_words_to_lines_groups_by_top_and_orders_by_x() -> None:
    words = [_w("b", 50, 100.4), _w("a", 10, 100), _w("c", 10, 112), _w("d", 40, 111.2)]
    lines = words_to_lines(words, page=1)
    assert [ln.text for ln in lines] == ["a b", "c d"]
    assert {ln.page for ln in lines} == {1}


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u00ad", "\u2011", "\u2212"])
def test_every_line_end_hyphen_character_is_a_word_break(hyphen: str) -> None:
    assert join_lines([f"samlede inve{hyphen}", "steringsmidler"]) == "samlede investeringsmidler"
    assert join_lines([f"unge{hyphen}", "og voksenområderne"]) == "unge- og voksenområderne"


def test_a_hyphen_set_apart_at_the_line_end_is_a_word_break() -> None:
    assert join_lines(["Kommunikations \u2011", "kampagne ifm."]) == "Kommunikationskampagne ifm."
    assert join_lines(["faldulykker: -", "1,3 mio. kr."]) == "faldulykker: - 1,3 mio. kr."


def test_a_word_ending_like_a_conjunction_is_joined() -> None:
    assert join_lines(["ligeledes og lige-", "som udvidelsen"]) == "ligeledes og ligesom udvidelsen"
    assert join_lines(["fra 2026-", "til 2029"]) == "fra 2026- til 2029"


def test_an_address_broken_after_a_slash_is_joined_without_space() -> None:
    joined = join_lines(['=HYPERLINK("http://', 'x","y") Systemet'])
    assert joined == '=HYPERLINK("http://x","y") Systemet'


def test_words_joined_by_a_slash_stay_joined_across_a_line_break() -> None:
    assert join_lines(["gavnligt for barnet/", "den unge."]) == "gavnligt for barnet/den unge."
    assert join_lines(["En kommunikations-/", "kampagneindsats"]) == (
        "En kommunikations-/kampagneindsats")
    assert join_lines(["kr. /", "år"]) == "kr. / år"  # a slash standing apart keeps its spaces
