"""Completeness and template hygiene: each rule fires on a gap and is quiet on a full proposal."""

from __future__ import annotations

from checks_factory import proposal, rules, set_value

from extractor.checks.completeness import check_completeness, check_template_lines
from extractor.models import Proposal
from extractor.rules import finding
from extractor.template import COPENHAGEN


def complete(p: Proposal, lines: list[tuple[int, str]] | None = None) -> list:
    return list(check_completeness(p, COPENHAGEN, lines))


def test_a_complete_proposal_is_quiet() -> None:
    assert complete(proposal()) == []
    assert complete(proposal(), [(1, "Tabel 6. Høring og inddragelse af kredse og udvalg")]) == []


def test_missing_section() -> None:
    p = proposal()
    p.sections = [s for s in p.sections if s.number != "5"]
    [f] = complete(p)
    assert (f.rule, f.severity) == ("completeness.section_missing", "warning")
    assert "5" in f.message


def test_missing_tabel_1_is_an_error_and_missing_tabel_2_a_warning() -> None:
    p = proposal()
    p.economy = None
    p.follow_up = []
    found = complete(p)
    assert [(f.rule, f.severity) for f in found] == [
        ("completeness.economy_table", "error"), ("completeness.follow_up_table", "warning")]


def test_tabel_2_printed_but_unread_is_not_called_missing() -> None:
    """Text input: the parser's follow_up.not_read says Tabel 2 is there, only unread."""
    p = proposal()
    p.follow_up = []
    p.findings = [finding("follow_up.not_read", "Tabel 2 kan ikke læses fra tekst.")]
    assert complete(p) == []


def test_risk_without_level() -> None:
    p = proposal()
    assert p.risk is not None
    p.risk.level = None
    assert rules(complete(p)) == ["completeness.risk_level"]


def test_cfo_answer_must_be_ja_with_a_date() -> None:
    p = proposal()
    p.hearings[0].date = None
    assert rules(complete(p)) == ["completeness.cfo_approval"]
    p = proposal()
    p.hearings[0].answer = False
    [f] = complete(p)
    assert "Nej" in f.message
    p.hearings = []
    assert rules(complete(p)) == ["completeness.cfo_approval"]


def test_innovation_box_not_exactly_one_tick() -> None:
    p = proposal()
    p.innovation_proposal = None
    assert rules(complete(p)) == ["completeness.innovation_box"]


def test_template_text_in_the_printed_lines_with_page_and_line() -> None:
    lines = [(7, "6. Hvem er hørt?"),
             (8, "Tabel 6. Høring og inddragelse af kredse og udvalg [Tabelnummer opdateres]")]
    [f] = check_template_lines(lines)
    assert (f.rule, f.severity, f.location.page) == ("completeness.template_text", "warning", 8)
    assert "[Tabelnummer opdateres]" in f.message
    assert f.location.row is not None and f.location.row.startswith("Tabel 6.")


def test_template_bracket_wrapped_over_two_lines_is_found_where_it_starts() -> None:
    [f] = check_template_lines([(3, "Beløbet er [Indsæt"), (4, "beløb her] kr.")])
    assert f.location.page == 3


def test_word_placeholder_and_references_are_told_apart() -> None:
    found = check_template_lines([(2, "Klik eller tryk her for at skrive tekst."),
                                  (2, "Jf. rapporten [1] og [12].")])
    assert rules(found) == ["completeness.template_text"]


def test_template_text_in_the_parsed_fields_when_no_lines_are_given() -> None:
    p = proposal()
    p.sections[5].text = "Tabel 6 [Tabelnummer opdateres]"
    assert rules(complete(p)) == ["completeness.template_text"]


def test_saving_row_with_a_positive_amount_breaks_the_sign_convention() -> None:
    p = proposal()
    set_value(p, "Besparelse på kørsel", 2027, 500)
    [f] = complete(p)
    assert (f.rule, f.severity, f.location.year, f.found) == (
        "economy.sign_convention", "warning", 2027, 500)
