"""The innovation checkbox and the risk level, from hand-built lines."""

from __future__ import annotations

import pytest

from extractor.models import Section
from extractor.parse.annex import parse_innovation
from extractor.parse.sections import parse_risk
from extractor.read.page import Line, Word
from extractor.read.text_lines import words_to_lines
from extractor.template import COPENHAGEN

LABEL = "Forslaget udspringer af et innovationsforslag:"


def _lines(*texts: str) -> list[Line]:
    words = []
    for row, text in enumerate(texts):
        x = 70.0
        for token in text.split():
            words.append(Word(token, x, x + 6 * len(token), 100 + 14 * row, 110 + 14 * row))
            x += 6 * len(token) + 3
    return words_to_lines(words, page=1)


@pytest.mark.parametrize(
    ("boxes", "expected"),
    [
        (["☐ Ja", "☒ Nej"], False),
        (["☒ Ja", "☐ Nej"], True),
        (["☐", "☒ Nej"], False),  # the first real proposal: the empty box has no label
        (["☒", "☐ Nej"], True),  # the checked box is the other answer than the labelled one
        (["☒ Nej"], False),  # one box only, labelled
        (["☒"], None),  # one box, no label: cannot be decided
        (["☐ Ja", "☐ Nej"], None),  # nothing checked
        (["☒ Ja", "☒ Nej"], None),  # both checked
        (["☒", "☐"], None),  # no label at all
        (["☐ Ja ☒ Nej"], False),  # both boxes on one line
        (["\uf0a8 Ja", "\uf0fd Nej"], False),  # Wingdings boxes as private-use characters
    ],
)
def test_innovation_checkbox(boxes: list[str], expected: bool | None) -> None:
    assert parse_innovation(_lines(LABEL, *boxes), COPENHAGEN) is expected


def test_boxes_on_the_label_line() -> None:
    assert parse_innovation(_lines(f"{LABEL} ☒ Ja ☐ Nej"), COPENHAGEN) is True


def test_no_checkbox_label_is_null() -> None:
    lines = _lines("Forslaget indeholder ikke effektiviseringer.", "☒ Ja")
    assert parse_innovation(lines, COPENHAGEN) is None


def test_boxes_end_at_the_first_line_without_a_box() -> None:
    lines = _lines(LABEL, "☒ Nej", "5. Effektivisering", "☒ Ja")
    assert parse_innovation(lines, COPENHAGEN) is False


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Forslagets samlede risiko vurderes som lav til mellem. Den primære risiko …",
         "lav til mellem"),
        ("Socialforvaltningen vurderer forslagets risiko som mellem. Der er en lav risiko ift. x.",
         "mellem"),
        ("Forslagets risiko vurderes som lav. Indsatsen bygger på et pilotprojekt.", "lav"),
        ("Forslagets risiko vurderes som Høj.", "høj"),
        ("Risikoen vurderes samlet som værende lav-mellem.", "lav-mellem"),
        ("Risikoen ved forslaget vurderes at være middel.", "middel"),
        ("Der er en lav risiko ift. initiativerne.", None),  # no assessment sentence
    ],
)
def test_risk_level(text: str, level: str | None) -> None:
    risk = parse_risk([Section(number="4", title="Risikovurdering", text=text)], COPENHAGEN)
    assert risk is not None
    assert risk.level == level
    assert risk.text == text


def test_no_risk_section_is_null() -> None:
    sections = [Section(number="1", title="Beskrivelse af forslag", text="…")]
    assert parse_risk(sections, COPENHAGEN) is None
