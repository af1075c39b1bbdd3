"""Prose against Tabel 1: amount periods, heading ↔ row matching, cost items, headlines."""

from __future__ import annotations

from decimal import Decimal

import pytest
from checks_factory import YEARS, economy_row, proposal, row, rules, set_value

from extractor.checks.claims import chained_claims, period_of
from extractor.checks.headline import check_headlines
from extractor.checks.matching import match_items, words_match
from extractor.checks.prose import check_cost_items
from extractor.models import CostItem, Proposal
from extractor.template import COPENHAGEN

SIX = [2026, 2027, 2028, 2029, 2030, 2031]


@pytest.mark.parametrize(("text", "kind", "years"), [
    ("ved fuld indfasning", "each", (2031,)),
    ("årligt ved fuld indfasning i 2030", "each", (2030,)),
    ("i alt", "sum", tuple(SIX)),
    ("årligt i 2026-2027", "each", (2026, 2027)),
    ("årligt fra 2027 og frem i varig drift", "each", (2027, 2028, 2029, 2030, 2031)),
    ("fra 2031 og frem", "each", (2031,)),
    ("i 2028", "each", (2028,)),
    ("i 2029 og frem", "each", (2029, 2030, 2031)),
    ("årligt i 2026 og 2027", "each", (2026, 2027)),
    ("årligt", "each", (2031,)),
    ("", "unstated", ()),
    ("til ombygning af lokaler", "unstated", ()),
])
def test_period_of(text: str, kind: str, years: tuple[int, ...]) -> None:
    assert period_of(text, SIX)[:2] == (kind, years)


def test_chained_amounts_each_get_their_period() -> None:
    claims = chained_claims("0,3 mio. kr. i 2026 og 0,2 mio. kr. årligt i 2027-2029", SIX)
    assert [(c.amount.value, c.years) for c in claims] == [
        (Decimal(300), (2026,)), (Decimal(200), (2027, 2028, 2029))]
    rising = chained_claims("1,4 mio. kr. i 2028 stigende til 1,5 mio. kr. fra 2031 og frem", SIX)
    assert [c.years for c in rising] == [(2028,), (2031,)]


def test_amounts_after_other_words_are_not_chained() -> None:
    claims = chained_claims("0,4 mio. kr. årligt fra 2028 Projektledelse: 0,9 mio. kr. i alt", SIX)
    assert len(claims) == 1


@pytest.mark.parametrize(("a", "b"), [
    ("team", "teams"), ("team", "teamet"), ("tværfagligt", "tværfaglige"),
    ("voksenområdet", "voksenområderne"), ("indsats", "indsatser")])
def test_inflected_words_match(a: str, b: str) -> None:
    assert words_match(a, b)


@pytest.mark.parametrize(("a", "b"), [("forløb", "forløbsprogram"), ("2027", "2028"),
                                      ("skoleknytning", "skoletilknytning")])
def test_different_words_do_not_match(a: str, b: str) -> None:
    assert not words_match(a, b)


def test_one_heading_covers_the_unge_and_voksen_rows() -> None:
    rows = [row("permanent", label, [None, None, -630, -630]) for label in (
        "Reduceret behov for midlertidige botilbudsforløb",
        "Reduceret behov for sagsbehandling på ungeområdet",
        "Reduceret behov for sagsbehandling på voksenområdet")]
    items = [CostItem(group="permanent", amount_text="-1,3 mio. kr. ved fuld indfasning",
                      title="Reduceret behov for sagsbehandling på unge- og voksenområderne")]
    assert match_items(items, rows) == {0: (1, 2)}


def test_near_identical_rows_go_to_the_heading_naming_them() -> None:
    base = "Fremskudt ordning af familieplejekonsulenter i en prøveperiode på 2 år"
    rows = [row("implementation", f"{base} (frikøb af to familieplejekonsulenter)", [1, 1, 1, 1]),
            row("implementation", f"{base} (frikøb af to myndighedsrådgivere)", [1, 1, 1, 1])]
    items = [CostItem(group="implementation", amount_text="0,3 mio. kr. i alt",
                      title="Fremskudt ordning af myndighedsrådgivere i en prøveperiode på 2 år"),
             CostItem(group="implementation", amount_text="0,3 mio. kr. i alt", title=base)]
    assert match_items(items, rows) == {0: (1,), 1: (0,)}


def cost(p: Proposal) -> list:
    return list(check_cost_items(p))


def amount_text(p: Proposal, title: str, text: str) -> None:
    next(i for i in p.cost_items if i.title == title).amount_text = text


def test_matching_headings_are_quiet() -> None:
    assert cost(proposal()) == []


def test_full_effect_against_a_different_last_year_value_is_an_error() -> None:
    p = proposal()
    set_value(p, "Besparelse på kørsel", 2029, -1400)
    [f] = cost(p)
    # The location's page is the heading's (4, the evidence's first place); the message
    # names both pages.
    assert (f.rule, f.severity, f.location.year, f.location.page) == (
        "prose.amount_mismatch", "error", 2029, 4)
    assert "overskrift side 4, Tabel 1 side 5" in f.message
    # Both amounts in the prose's unit, and their difference.
    assert "-1.400 t. kr. (-1,4 mio. kr.); forskellen er 0,4 mio. kr." in f.message
    assert (f.expected, f.found) == (-1000, -1400)
    assert f.location.row == "Besparelse på kørsel"


def test_total_claim_is_the_sum_over_the_years() -> None:
    p = proposal()
    amount_text(p, "Projektledelse", "0,8 mio. kr. i alt")
    [f] = cost(p)
    assert (f.rule, f.location.year, f.found) == ("prose.amount_mismatch", None, 700)


def test_printed_precision_is_the_tolerance() -> None:
    p = proposal()
    amount_text(p, "Projektledelse", "0,65 mio. kr. i alt")  # 650 ± 5 does not meet 700
    assert rules(cost(p)) == ["prose.amount_mismatch"]
    amount_text(p, "Projektledelse", "1 mio. kr. i alt")  # 1.000 ± 500 meets 700
    assert cost(p) == []


def test_t_kr_amounts_are_compared_too() -> None:
    p = proposal()
    amount_text(p, "Uddannelse af medarbejdere", "150 t. kr. årligt i 2026-2027")
    assert [f.location.year for f in cost(p)] == [2026, 2027]


def test_odd_unit_is_its_own_finding_and_says_what_fits() -> None:
    p = proposal()
    amount_text(p, "Projektledelse", "0,7 kr. i alt")
    [f] = cost(p)
    assert (f.rule, f.severity) == ("prose.amount_unit", "warning")
    assert "mio. kr." in f.message


def test_odd_unit_that_fits_no_reading_is_also_a_mismatch() -> None:
    p = proposal()
    amount_text(p, "Projektledelse", "3,5 kr. i alt")
    assert rules(cost(p)) == ["prose.amount_unit", "prose.amount_mismatch"]


def test_missing_unit_and_missing_amount() -> None:
    p = proposal()
    amount_text(p, "Projektledelse", "0,7 i alt")
    assert rules(cost(p)) == ["prose.amount_unit"]
    amount_text(p, "Projektledelse", "se nedenfor")
    assert rules(cost(p)) == ["prose.amount_unreadable"]


def test_amount_without_period_is_info() -> None:
    p = proposal()
    amount_text(p, "Projektledelse", "0,7 mio. kr.")
    [f] = cost(p)
    assert (f.rule, f.severity) == ("prose.amount_period", "info")


def test_opposite_sign_is_a_warning() -> None:
    p = proposal()
    amount_text(p, "Huslejetilskud", "-0,1 mio. kr. årligt fra 2028 og frem")
    assert rules(cost(p)) == ["prose.amount_sign", "prose.amount_sign"]


def test_unmatched_heading_and_row_are_info() -> None:
    p = proposal()
    p.cost_items.append(CostItem(group="permanent", title="Helt andet tiltag",
                                 amount_text="1 mio. kr. i alt"))
    p.cost_items = [i for i in p.cost_items if i.title != "Huslejetilskud"]
    found = cost(p)
    assert sorted(rules(found)) == ["prose.unmatched_item", "prose.unmatched_row"]
    assert {f.severity for f in found} == {"info"}


def test_no_headings_at_all_is_not_a_row_by_row_complaint() -> None:
    p = proposal()
    p.cost_items = []
    assert cost(p) == []


def headlines(p: Proposal) -> list:
    return list(check_headlines(p, COPENHAGEN))


def test_matching_headlines_are_quiet() -> None:
    assert headlines(proposal()) == []


def test_effect_claim_is_compared_by_size_with_the_net_total() -> None:
    p = proposal()
    p.summary = "Effektiviseringsbidraget på 0,4 mio. kr. ved fuld indfasning hentes på kørsel."
    [f] = headlines(p)
    assert (f.rule, f.severity, f.location.row, f.location.year) == (
        "prose.headline_effect", "error", "Samlet varig ændring", YEARS[-1])
    assert (f.expected, f.found) == (400, -500)


def test_rising_effect_claim_checks_both_points() -> None:
    p = proposal()
    p.sections[1].text = p.sections[1].text.replace("0,25 mio. kr. i 2027", "0,4 mio. kr. i 2027")
    [f] = headlines(p)
    assert (f.rule, f.location.year) == ("prose.headline_effect", 2027)


def test_investment_claim_is_the_implementation_total() -> None:
    p = proposal()
    p.sections[1].text = p.sections[1].text.replace("behov for 0,9", "behov for 1,1")
    [f] = headlines(p)
    assert (f.rule, f.expected, f.found) == ("prose.headline_investment", 1100, 900)
    assert f.location.row == "Samlede implementeringsomkostninger"


def test_investment_over_stated_years() -> None:
    p = proposal()
    p.summary = "Forslaget kræver en investering på 0,5 mio. kr. i 2026 og mere siden."
    assert headlines(p) == []
    p.summary = "Forslaget kræver en investering på 0,9 mio. kr. i 2026-2027."
    assert headlines(p) == []
    p.summary = "Forslaget kræver en investering på 0,5 mio. kr. til lokaler."
    assert rules(headlines(p)) == ["prose.headline_investment"]


def test_cost_item_paragraphs_are_not_headlines() -> None:
    p = proposal()  # section 2 holds "Besparelsen udgør 0,5 mio. kr. i 2027" after the group
    assert economy_row(p, "Samlet varig ændring").value(2027) == -250
    assert headlines(p) == []
