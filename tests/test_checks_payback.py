"""Payback recomputed from Tabel 1 beside the stated one."""

from __future__ import annotations

import pytest
from checks_factory import proposal, rules, set_value

from extractor.checks.payback import check_payback, payback_years, service_net
from extractor.models import Payback, Proposal
from extractor.template import COPENHAGEN


def payback(p: Proposal) -> list:
    assert p.economy is not None
    return list(check_payback(p.economy, COPENHAGEN))


@pytest.mark.parametrize(("net", "years"), [
    ([2725, 5447, -562, -6885, -8800, -10140], 5),  # Forløbsprogram, totaløkonomi
    ([4280, 2160, -1854, -5287, -8920, -12363], 4),  # Plejefamilier
    ([6350, 700, -4960, -5440], 4),  # skoler_budget2027, totaløkonomi
    ([None, -100, -200], 2),
    ([100, 100, 100], None),
])
def test_payback_years_counts_until_the_running_sum_is_not_positive(
        net: list[int | None], years: int | None) -> None:
    assert payback_years(net) == years


def test_service_payback_uses_only_service_rows() -> None:
    p = proposal()
    assert p.economy is not None
    assert service_net(p.economy, COPENHAGEN) == [500, 100, -600, -600]


def test_stated_payback_equal_to_the_method_is_quiet() -> None:
    assert payback(proposal()) == []


def test_different_stated_payback_is_a_warning() -> None:
    p = proposal()
    assert p.economy is not None
    p.economy.payback[1] = Payback(label="Tilbagebetalingstid baseret på totaløkonomi",
                                   years=3, text="3")
    [f] = payback(p)
    assert (f.rule, f.severity, f.expected, f.found) == ("payback.differs", "warning", 4, 3)
    assert f.location.row == "Tilbagebetalingstid baseret på totaløkonomi"
    # The year the running sum turns, so the reader can find it in the table.
    assert "dokumentet angiver 3 år, men Tabel 1 giver 4 år" in f.message
    assert f"bliver først 0 eller negativ i {p.economy.years[3]}" in f.message


def test_stated_fraction_agrees_when_rounded_up() -> None:
    p = proposal()
    assert p.economy is not None
    p.economy.payback[1] = Payback(label="Tilbagebetalingstid baseret på totaløkonomi",
                                   years=3.5, text="3,5")
    assert payback(p) == []


def test_no_payback_inside_the_table_is_reported() -> None:
    p = proposal()
    set_value(p, "Samlet økonomisk påvirkning", 2029, 500)
    [f] = payback(p)
    assert f.rule == "payback.differs" and f.expected is None


def test_unreadable_stated_payback_is_info() -> None:
    p = proposal()
    assert p.economy is not None
    p.economy.payback[0] = Payback(label="Tilbagebetalingstid baseret på serviceeffektivisering",
                                   years=None, text="ca. fire år")
    assert rules(payback(p)) == ["payback.unreadable"]
