"""Payback time recomputed from Tabel 1 and set beside the stated one.

The proposals do not define the method, so a difference is a `warning`, a signal to
look, not an error. The method used here (docs/checks.md):

    payback = the number of years, counting the table's first year as year 1, until
              the running sum of the yearly net amounts first turns <= 0.

"Tilbagebetalingstid baseret på totaløkonomi" uses the "Samlet økonomisk påvirkning"
row as printed. "… baseret på serviceeffektivisering" uses only the Styringsområde
Service: the permanent and implementation rows for Service (their per-area totals when
printed, else their Service items). A running sum that never turns <= 0 within the
table has no payback inside the table's years.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from extractor.economy_relations import area_of, items, overall_row
from extractor.evidence import printed, quote, row_cells
from extractor.models import Economy, EconomyRow, Finding, Group, Payback
from extractor.rules import TABLE_1, finding
from extractor.template import Template


def payback_years(net: Sequence[int | None]) -> int | None:
    """1-based count of years until the running sum of `net` first turns <= 0."""
    running = 0
    for count, value in enumerate(net, start=1):
        running += value or 0
        if running <= 0 and any(v for v in net[:count]):
            return count
    return None


def service_net(economy: Economy, template: Template) -> list[int]:
    """Per year: the Service part of the permanent and implementation groups."""
    out = []
    for year in economy.years:
        total = 0
        for group in ("permanent", "implementation"):
            total += _service_value(economy, group, year, template.service_area.lower())
        out.append(total)
    return out


def _service_value(economy: Economy, group: Group, year: int, service: str) -> int:
    area_totals = [r for r in economy.rows if r.group == group and r.role == "total"
                   and area_of(r) == service]
    if area_totals:
        return area_totals[0].value(year) or 0
    plain = [r for r in economy.rows if r.group == group and r.role == "total"
             and area_of(r) is None]
    group_items = items(economy, group)
    if plain and all((r.steering_area or "").lower() == service for r in group_items):
        return plain[0].value(year) or 0
    return sum(r.value(year) or 0 for r in group_items
               if (r.steering_area or "").strip().lower() == service)


def check_payback(economy: Economy, template: Template) -> Iterator[Finding]:
    overall = overall_row(economy)
    for stated in economy.payback:
        if template.service_payback.search(stated.label):
            net: list[int | None] = list(service_net(economy, template))
            basis = f"{template.service_area}-rækkerne (varige ændringer og implementering)"
            compared: list[EconomyRow] = []
        elif template.total_payback.search(stated.label) and overall is not None:
            net = [overall.value(y) for y in economy.years]
            basis = f"'{overall.label}'"
            compared = [overall]
        else:
            continue
        yield from _compare(stated, payback_years(net), basis, economy, compared)


def _compare(stated: Payback, computed: int | None, basis: str, economy: Economy,
             compared: list[EconomyRow]) -> Iterator[Finding]:
    """Evidence: the stated time (or its label), then the row it was computed from."""
    own = printed(stated.page, stated.bbox, stated.text) or quote(stated.label, economy.page)
    where = dict(page=economy.page, table=TABLE_1, row=stated.label,
                 evidence=[*own, *(e for row in compared for e in row_cells(row))])
    if stated.years is None:
        yield finding("payback.unreadable",
                      f"{stated.label}: '{stated.text or ''}' kan ikke læses som et antal år.",
                      **where)
        return
    if computed is not None and math.ceil(stated.years) == computed:
        return
    first, last = economy.years[0], economy.years[-1]
    if computed is None:
        got = (f"men i Tabel 1 bliver den løbende sum af {basis} fra {first} ikke 0 eller "
               f"negativ inden {last}")
    else:
        got = (f"men Tabel 1 giver {computed} år: den løbende sum af {basis} fra {first} "
               f"bliver først 0 eller negativ i {economy.years[computed - 1]}")
    yield finding("payback.differs",
                  f"{stated.label}: dokumentet angiver {stated.text or stated.years} år, {got}.",
                  **where, expected=computed, found=stated.years)
