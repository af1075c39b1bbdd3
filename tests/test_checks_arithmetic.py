"""Tabel 1 arithmetic: each rule fires on a broken table and stays quiet on a sound one."""

from __future__ import annotations

from checks_factory import economy_row, proposal, row, rules, set_value

from extractor.checks import run_checks
from extractor.checks.arithmetic import check_arithmetic
from extractor.economy_relations import slack
from extractor.models import Proposal
from extractor.template import COPENHAGEN


def arithmetic(p: Proposal) -> list:
    assert p.economy is not None
    return list(check_arithmetic(p.economy, COPENHAGEN))


def test_a_consistent_table_is_quiet() -> None:
    assert arithmetic(proposal()) == []


def test_slack_is_half_a_unit_per_printed_amount() -> None:
    assert slack(3, True) == 2
    assert slack(1, False) == 0.5


def test_overall_total_off_by_more_than_rounding_is_an_error() -> None:
    p = proposal()
    set_value(p, "Samlet økonomisk påvirkning", 2029, -300)
    [f] = arithmetic(p)
    assert (f.rule, f.severity) == ("economy.column_total", "error")
    assert (f.location.row, f.location.year, f.location.page) == (
        "Samlet økonomisk påvirkning", 2029, 5)
    assert (f.expected, f.found) == (-500, -300)
    assert "-500" in f.message and "-300" in f.message


def test_group_total_off_by_one_is_a_rounding_gap() -> None:
    p = proposal()
    set_value(p, "Samlede implementeringsomkostninger", 2026, 501)
    found = arithmetic(p)
    assert rules(found) == ["economy.rounding_gap", "economy.rounding_gap"]
    assert all(f.severity == "info" for f in found)  # the total, and the overall row using it


def test_per_area_total_covers_only_its_steering_area() -> None:
    p = proposal()
    set_value(p, "Samlet varig ændring, Overførsler", 2028, 400)
    [f] = arithmetic(p)
    assert (f.rule, f.location.row, f.expected, f.found) == (
        "economy.column_total", "Samlet varig ændring, Overførsler", 100, 400)


def test_plain_total_does_not_count_area_totals_twice() -> None:
    p = proposal()
    set_value(p, "Samlet varig ændring", 2028, -1000)  # = items + area totals double counted
    assert rules(arithmetic(p)) == ["economy.column_total", "economy.column_total"]


def test_area_read_from_label_when_the_steering_cell_is_empty() -> None:
    p = proposal()
    total = economy_row(p, "Samlet varig ændring, Service")
    total.steering_area = None
    total.label = "Samlet varig ændring, service"
    assert arithmetic(p) == []


def test_net_of_which_row_covers_every_item_of_the_group() -> None:
    p = proposal()
    set_value(p, "Heraf nettoeffektivisering", 2029, -600)  # the Service total, not the net
    [f] = arithmetic(p)
    assert (f.rule, f.severity, f.expected, f.found) == (
        "economy.of_which_total", "error", -500, -600)


def test_savings_of_which_row_covers_the_saving_rows_of_its_area() -> None:
    p = proposal()
    assert p.economy is not None
    p.economy.rows.insert(4, row("permanent", "Heraf effektivisering, Service",
                                 [None, -500, -1000, -1000], role="of_which"))
    assert arithmetic(p) == []
    set_value(p, "Heraf effektivisering, Service", 2028, -900)
    assert rules(arithmetic(p)) == ["economy.of_which_total"]


def test_unknown_of_which_row_is_info() -> None:
    p = proposal()
    assert p.economy is not None
    p.economy.rows.insert(4, row("permanent", "Heraf til IT", [None, 1, 2, 3], role="of_which"))
    [f] = arithmetic(p)
    assert (f.rule, f.severity) == ("economy.of_which_unknown", "info")


def test_empty_total_over_items_that_cancel_out_is_info() -> None:
    p = proposal()
    set_value(p, "Besparelse på kørsel", 2026, -100)
    set_value(p, "Drift af team", 2026, 100)
    set_value(p, "Samlet varig ændring, Service", 2026, None)
    [f] = arithmetic(p)
    assert (f.rule, f.severity, f.location.year) == ("economy.empty_total", "info", 2026)


def test_printed_zero_over_empty_items_is_the_templates_habit() -> None:
    p = proposal()  # "Samlet varig ændring" prints 0 in 2026 over empty items
    assert economy_row(p, "Samlet varig ændring").value(2026) == 0
    assert arithmetic(p) == []


def test_nonzero_total_over_empty_items_is_an_error() -> None:
    p = proposal()
    set_value(p, "Samlet varig ændring, Overførsler", 2026, 70)
    [f] = arithmetic(p)
    assert f.rule == "economy.column_total" and "tomme" in f.message


def test_missing_overall_row_is_a_warning() -> None:
    p = proposal()
    assert p.economy is not None
    p.economy.rows = [r for r in p.economy.rows if r.group != "overall"]
    [f] = arithmetic(p)
    assert (f.rule, f.severity) == ("economy.missing_total", "warning")


def test_group_without_plain_total_is_summed_from_its_items() -> None:
    p = proposal()
    assert p.economy is not None
    p.economy.rows = [r for r in p.economy.rows
                      if r.label != "Samlede implementeringsomkostninger"]
    assert rules(arithmetic(p)) == ["economy.missing_total"]


def test_run_checks_reports_arithmetic_with_the_rest() -> None:
    p = proposal()
    set_value(p, "Samlet økonomisk påvirkning", 2029, -300)
    assert "economy.column_total" in rules(run_checks(p))
