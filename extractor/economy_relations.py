"""Which rows of Tabel 1 a total covers, and when a total holds despite rounding.

The table's one definition of its own arithmetic: the checks compare these relations
(`checks/arithmetic.py`), the text reader's column solver places numbers so that most
of them hold (`parse/column_solver.py`), and the workbook writes them as SUM formulas
(`xlsx/layout.py`).

Printed amounts are rounded to whole units (1.000 kr.), so a printed value v stands for
the interval [v - 0.5, v + 0.5]. As in XBRL Calculations 1.1, a total holds when the
interval of the sum of its items meets the total's own interval: with n printed items
that is |sum - total| <= (n + 1) / 2. An empty cell is an exact 0 (no rounding), so it
adds nothing to the slack.

Which rows a total covers (see docs/checks.md):
- a group's plain total ("Samlet varig ændring", "Samlede implementeringsomkostninger")
  covers every item row of its group, never the per-area totals or "Heraf" rows;
- a per-area total ("…, Service", or a total with a Styringsområde) covers the group's
  items of that steering area;
- "Samlet økonomisk påvirkning" covers the two group totals (their items if a group
  has no plain total);
- "Heraf netto…" covers every item of its group (the net effect, all areas);
  "Heraf effektivisering[, område]" covers the saving items (no positive amount) of
  that area; any other "Heraf" row has no relation (it cannot be decided).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

import regex

from extractor.models import Economy, EconomyRow, Group
from extractor.template import Template

_AREA_SUFFIX = regex.compile(r",\s*([^,]+?)\s*$")


def area_of(row: EconomyRow) -> str | None:
    """The steering area a total is for: its Styringsområde cell, else a ', Service' suffix."""
    if row.steering_area:
        return row.steering_area.strip().lower()
    m = _AREA_SUFFIX.search(row.label)
    return m.group(1).lower() if m else None


def items(economy: Economy, group: Group) -> list[EconomyRow]:
    return [r for r in economy.rows if r.group == group and r.role == "item"]


def plain_total(economy: Economy, group: Group) -> EconomyRow | None:
    """The group's total without a steering area ("Samlet varig ændring")."""
    return next((r for r in economy.rows if r.group == group and r.role == "total"
                 and _AREA_SUFFIX.search(r.label) is None
                 and (group == "overall" or not r.steering_area)), None)


def overall_row(economy: Economy) -> EconomyRow | None:
    return next((r for r in economy.rows if r.group == "overall" and r.role == "total"), None)


def is_saving(row: EconomyRow) -> bool:
    """A saving row: at least one negative amount and no positive one."""
    values = [v for v in row.values.values() if v is not None]
    return any(v < 0 for v in values) and all(v <= 0 for v in values)


def group_value(economy: Economy, group: Group, year: int) -> tuple[int, int]:
    """(value, printed terms) of a group in a year: its plain total, else its items' sum."""
    total = plain_total(economy, group)
    if total is not None:
        v = total.value(year)
        return (v or 0, 0 if v is None else 1)
    values = [r.value(year) for r in items(economy, group)]
    return sum(v or 0 for v in values), sum(v is not None for v in values)


def slack(printed_terms: int, total_printed: bool) -> Fraction:
    """Half a unit for every printed amount on either side of the equation."""
    return Fraction(printed_terms + int(total_printed), 2)


@dataclass(frozen=True)
class Relation:
    """A printed total (or "Heraf" row) and the rows it covers: the table's one definition.

    The checks compare each relation year by year; the text reader's column solver
    places a row's numbers so that the most of them hold.
    """

    total: EconomyRow
    covered: tuple[EconomyRow, ...]
    rule: str  # the rule a difference beyond rounding breaks
    what: str  # Danish: what the covered rows are, for the message


def group_relations(economy: Economy) -> Iterator[Relation]:
    """Each plain and per-area total of the two groups with the item rows it covers."""
    for group in ("permanent", "implementation"):
        group_items = items(economy, group)
        for total in (r for r in economy.rows if r.group == group and r.role == "total"):
            area = area_of(total)
            covered = group_items if area is None else [
                r for r in group_items if (r.steering_area or "").strip().lower() == area]
            what = "rækkerne i gruppen" if area is None else f"rækkerne med styringsområde {area}"
            yield Relation(total, tuple(covered), "economy.column_total", what)


def of_which_relation(economy: Economy, row: EconomyRow, template: Template) -> Relation | None:
    """The rows a "Heraf" row covers, or None when that cannot be decided."""
    group_items = items(economy, row.group)
    if template.net.search(row.label):
        return Relation(row, tuple(group_items), "economy.of_which_total",
                        "alle rækker i gruppen (nettoeffekten)")
    if template.saving.search(row.label):
        m = _AREA_SUFFIX.search(row.label)
        area = (m.group(1) if m else row.steering_area or "").strip().lower() or None
        covered = [r for r in group_items if is_saving(r) and (
            area is None or (r.steering_area or "").strip().lower() == area)]
        what = "besparelsesrækkerne" + (f" med styringsområde {area}" if area else "")
        return Relation(row, tuple(covered), "economy.of_which_total", what)
    return None


def overall_parts(economy: Economy) -> tuple[list[EconomyRow], list[Group]]:
    """What "Samlet økonomisk påvirkning" covers, and the groups summed for want of a total."""
    parts: list[EconomyRow] = []
    missing: list[Group] = []
    for group in ("permanent", "implementation"):
        total = plain_total(economy, group)
        group_items = items(economy, group)
        if total is not None:
            parts.append(total)
        elif group_items:
            missing.append(group)
            parts += group_items
    return parts, missing


def overall_relation(economy: Economy) -> Relation | None:
    overall = overall_row(economy)
    if overall is None:
        return None
    parts, _ = overall_parts(economy)
    names = " + ".join(p.label for p in parts if p.role == "total") or "rækkerne"
    return Relation(overall, tuple(parts), "economy.column_total", names)


def sum_relations(economy: Economy) -> list[Relation]:
    """The printed totals with the rows they sum (group, per-area and overall totals):
    what the workbook writes as SUM formulas. "Heraf" rows are left out."""
    out = list(group_relations(economy))
    if (overall := overall_relation(economy)) is not None:
        out.append(overall)
    return out


def total_relations(economy: Economy, template: Template) -> list[Relation]:
    """Every relation the arithmetic checks compare, in the order they report them."""
    out = list(group_relations(economy))
    out += [rel for row in economy.rows if row.role == "of_which"
            if (rel := of_which_relation(economy, row, template)) is not None]
    if (overall := overall_relation(economy)) is not None:
        out.append(overall)
    return out


def year_gap(printed: int | None,
             values: Sequence[int | None]) -> tuple[int, int, Fraction, int]:
    """(expected, gap, tolerance, printed terms) of one relation in one year."""
    expected = sum(v or 0 for v in values)
    n = sum(v is not None for v in values)
    return expected, abs(expected - (printed or 0)), slack(n, printed is not None), n


def year_holds(printed: int | None, values: Sequence[int | None]) -> bool:
    """True when no error-severity finding follows: the gap is inside the rounding slack."""
    return sum_holds(printed, sum(v or 0 for v in values), sum(v is not None for v in values))


def sum_holds(printed: int | None, expected: int, printed_terms: int) -> bool:
    """`year_holds` from a running sum and its count of printed terms (the column solver
    keeps those while it searches): |expected - printed| <= slack, in whole numbers."""
    return 2 * abs(expected - (printed or 0)) <= printed_terms + (printed is not None)
