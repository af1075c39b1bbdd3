"""What the Excel workbook shows, decided without openpyxl: sheet names, which rows each
Tabel 1 total covers (for the SUM formulas), and the overview's derived values.

Which rows a total covers is the checks' own definition (`sum_relations` in
`extractor/economy_relations.py`): a group's plain total covers the group's item rows; a
per-area total ("…, Service" or a total with a Styringsområde) the group's items of that
area; "Samlet økonomisk påvirkning" the two plain group totals (a group's items when it
has no plain total). "Heraf …" rows get no formula.
"""

from __future__ import annotations

import regex

from extractor.checks.payback import payback_years, service_net
from extractor.economy_relations import items, plain_total, sum_relations
from extractor.models import Economy, Group, Proposal
from extractor.template import Template

SHEET_NAME_MAX = 31
_SHEET_BAD = regex.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A legal, unused sheet name from `wanted`: <= 31 chars, no []:*?/\\, unique
    (case-insensitively); adds " (2)", " (3)" … when needed. Adds the result to `taken`."""
    base = regex.sub(r"\s+", " ", _SHEET_BAD.sub(" ", wanted)).strip().strip("'").strip()
    base = base or "Ark"
    name = _cut(base, SHEET_NAME_MAX).rstrip()
    n = 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        name = _cut(base, SHEET_NAME_MAX - len(suffix)).rstrip() + suffix
        n += 1
    taken.add(name)
    return name


def _cut(text: str, limit: int) -> str:
    """At most `limit` UTF-16 units (Excel's count: an emoji is two), whole characters."""
    units = 0
    for i, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:i]
    return text


def total_coverage(economy: Economy) -> dict[int, list[int]]:
    """Row index of each checkable total → the row indexes its SUM covers (may be empty):
    the checks' own relations, so a red total in the workbook is a finding in the JSON."""
    index = {id(row): i for i, row in enumerate(economy.rows)}
    return {index[id(rel.total)]: sorted(index[id(r)] for r in rel.covered)
            for rel in sum_relations(economy)}


def item_indexes(economy: Economy) -> list[int]:
    """Every item row of the permanent and implementation groups (for the check row)."""
    return [i for i, r in enumerate(economy.rows)
            if r.role == "item" and r.group in ("permanent", "implementation")]


def group_year_values(economy: Economy, group: Group) -> dict[int, int | None]:
    """Per year, a group's plain total as printed, else the sum of its items."""
    plain = plain_total(economy, group)
    out: dict[int, int | None] = {}
    for year in economy.years:
        if plain is not None:
            out[year] = plain.value(year)
        else:
            values = [r.value(year) for r in items(economy, group)]
            out[year] = sum(v or 0 for v in values) if any(v is not None for v in values) else None
    return out


def paybacks(economy: Economy, template: Template) -> dict[str, int | float | None]:
    """Stated and computed payback (years) on the service and the total basis."""
    out: dict[str, int | float | None] = {
        "service_stated": None, "service_computed": None,
        "total_stated": None, "total_computed": None}
    for stated in economy.payback:
        if template.service_payback.search(stated.label):
            out["service_stated"] = stated.years
        elif template.total_payback.search(stated.label):
            out["total_stated"] = stated.years
    if economy.rows:
        out["service_computed"] = payback_years(list(service_net(economy, template)))
        overall = next((r for r in economy.rows if r.group == "overall" and r.role == "total"),
                       None)
        if overall is not None:
            out["total_computed"] = payback_years([overall.value(y) for y in economy.years])
    return out


def cfo_approval(proposal: Proposal, template: Template) -> tuple[bool | None, str | None]:
    """(answer, ISO date) of Center for Økonomi in Tabel 4; (None, None) when absent."""
    for hearing in proposal.hearings:
        if hearing.table == template.approval_table and template.approver_pattern.search(
                hearing.body):
            return hearing.answer, hearing.date.isoformat() if hearing.date else None
    return None, None


def severity_counts(proposal: Proposal) -> tuple[int, int]:
    errors = sum(f.severity == "error" for f in proposal.findings)
    warnings = sum(f.severity == "warning" for f in proposal.findings)
    return errors, warnings
