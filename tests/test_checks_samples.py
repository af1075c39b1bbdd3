"""The checks on the sample PDFs: the real proposals' known problems, the made-up ones clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.models import DocumentResult, Finding, Proposal

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def checked(samples: dict[str, DocumentResult]) -> Callable[[str], Proposal]:
    def proposal(stem: str) -> Proposal:
        [only] = samples[stem].proposals
        return only
    return proposal


def find(proposal: Proposal, rule: str, row: str | None = None,
         year: int | None = None) -> list[Finding]:
    return [f for f in proposal.findings if f.rule == rule
            and (row is None or f.location.row == row)
            and (year is None or f.location.year == year)]


@pytest.fixture(scope="module")
def forloebsprogram(checked: Callable[[str], Proposal]) -> Proposal:
    return checked("forloebsprogram")


@pytest.mark.parametrize(("year", "printed", "expected"), [(2030, -8800, -10480),
                                                           (2031, -10140, -11960)])
def test_overall_total_of_forloebsprogram(forloebsprogram: Proposal, year: int, printed: int,
                                          expected: int) -> None:
    [f] = find(forloebsprogram, "economy.column_total", "Samlet økonomisk påvirkning", year)
    assert (f.severity, f.found, f.expected) == ("error", printed, expected)
    assert f.location.page == 5


def test_forloebsprogram_prose(forloebsprogram: Proposal) -> None:
    [investment] = find(forloebsprogram, "prose.headline_investment")
    assert (investment.expected, investment.found) == (21100, 20970)
    assert investment.location.page is not None and investment.location.row
    # The summary and section 2 state the same wrong effect: one finding naming both.
    [effect] = find(forloebsprogram, "prose.headline_effect", year=2031)
    assert (effect.expected, effect.found) == (10100, -11960)
    assert effect.message.startswith("Resuméet og afsnit 2 siger en effekt på 10,1 mio. kr.")
    assert "-11.960 t. kr. (-11,96 mio. kr.); forskellen er 1,86 mio. kr." in effect.message
    [unit] = find(forloebsprogram, "prose.amount_unit")
    assert "1,5 kr. i alt" in unit.message and "overskrift side 4" in unit.message
    assert unit.location.page == 4  # the heading's; the report adds Tabel 1's page
    [template] = find(forloebsprogram, "completeness.template_text")
    assert "[Tabelnummer opdateres]" in template.message and template.location.page == 8


def test_din_sociale_indgang_investment(checked: Callable[[str], Proposal]) -> None:
    [f] = find(checked("din_sociale_indgang"), "prose.headline_investment")
    assert (f.severity, f.expected, f.found) == ("error", 12300, 11040)


def test_plejefamilier_saving_heading_against_its_row(checked: Callable[[str], Proposal]) -> None:
    [f] = find(checked("plejefamilier"), "prose.amount_mismatch")
    assert f.location.row == "Besparelse på anbringelse i plejefamilier frem for børne- og ungehjem"
    assert (f.location.year, f.expected, f.found) == (2031, -12400, -17343)


@pytest.mark.parametrize("stem", ["skoler_budget2027", "sundhed_7aar", "teknik_sidebrud"])
def test_made_up_consistent_samples_have_no_error(stem: str,
                                                  checked: Callable[[str], Proposal]) -> None:
    proposal = checked(stem)
    assert [f for f in proposal.findings if f.severity == "error"] == []
