"""Tabel 1 arithmetic: every total equals the sum of the rows it covers, year by year.

Which rows a total covers, and the rounding slack, are defined once in
`extractor/economy_relations.py`. A gap inside the slack is `economy.rounding_gap`
(info), beyond it `economy.column_total` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from extractor.economy_relations import (
    Relation,
    group_relations,
    of_which_relation,
    overall_parts,
    overall_relation,
    year_gap,
)
from extractor.evidence import cell, cells
from extractor.models import Economy, Finding
from extractor.rules import TABLE_1, finding, kr
from extractor.template import Template


def check_group_totals(economy: Economy) -> Iterator[Finding]:
    """Each plain and per-area total against the item rows it covers."""
    for rel in group_relations(economy):
        yield from _compare(economy, rel)


def check_overall_total(economy: Economy) -> Iterator[Finding]:
    """"Samlet økonomisk påvirkning" = permanent total + implementation total."""
    relation = overall_relation(economy)
    if relation is None:
        if economy.rows:
            yield finding("economy.missing_total",
                          "Tabel 1 har ingen række 'Samlet økonomisk påvirkning'.",
                          page=economy.page, table=TABLE_1)
        return
    _, missing = overall_parts(economy)
    for group in missing:
        name = "varige ændringer" if group == "permanent" else "implementeringsomkostninger"
        yield finding("economy.missing_total",
                      f"Tabel 1 har ingen samlet total for {name}; "
                      "rækkerne er lagt sammen i stedet.",
                      page=economy.page, table=TABLE_1)
    yield from _compare(economy, relation)


def check_of_which(economy: Economy, template: Template) -> Iterator[Finding]:
    for row in (r for r in economy.rows if r.role == "of_which"):
        relation = of_which_relation(economy, row, template)
        if relation is None:
            yield finding("economy.of_which_unknown",
                          f"Tabel 1, '{row.label}': det kan ikke afgøres, hvilke rækker "
                          "'Heraf'-rækken dækker, så den er ikke kontrolleret.",
                          page=row.page or economy.page, table=TABLE_1, row=row.label)
            continue
        yield from _compare(economy, relation)


def _compare(economy: Economy, relation: Relation) -> Iterator[Finding]:
    total, rule, what = relation.total, relation.rule, relation.what
    for year in economy.years:
        printed = total.value(year)
        expected, gap, tolerance, n = year_gap(printed, [r.value(year) for r in relation.covered])
        where = dict(page=total.page or economy.page, table=TABLE_1, row=total.label, year=year,
                     evidence=[*cell(total, year), *cells(relation.covered, [year])])
        if printed is None and n and expected == 0:
            yield finding("economy.empty_total",
                          f"{total.label} {year}: cellen er tom, men {what} har beløb "
                          "(der summer til 0); skriv 0.", **where, expected=0, found=None)
            continue
        if gap == 0:
            continue
        found = printed or 0
        tail = "" if n else f" ({what} er tomme)"
        if gap <= tolerance:
            yield finding("economy.rounding_gap",
                          f"{total.label} {year}: summen af {what} er {kr(expected)}, tabellen "
                          f"siger {kr(printed)}; forskellen på {kr(gap)} ligger inden for "
                          f"afrundingen (±{float(tolerance):g}).",
                          **where, expected=expected, found=printed)
        else:
            yield finding(rule,
                          f"{total.label} {year}: summen af {what} er {kr(expected)}{tail}, "
                          f"tabellen siger {kr(printed)} (forskel {kr(found - expected)}).",
                          **where, expected=expected, found=printed)


def check_arithmetic(economy: Economy, template: Template) -> Iterator[Finding]:
    yield from check_group_totals(economy)
    yield from check_of_which(economy, template)
    yield from check_overall_total(economy)
