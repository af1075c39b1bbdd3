"""What the Excel workbook shows, decided without openpyxl: sheet names, which rows each
Tabel 1 total covers (for the SUM formulas), and the overview's derived values.

Which rows a total covers is the checks' own definition (`sum_relations` in
`extractor/economy_relations.py`): a group's plain total covers the group's item rows; a
per-area total ("…, Service" or a total with a Styringsområde) the group's items of that
area; "Samlet økonomisk påvirkning" the two plain group totals (a group's items when it
has no plain total). "Heraf …" rows get no formula.
"""

from __future__ import annotations

import math

import regex

from extractor.checks.payback import payback_years, service_net
from extractor.economy_relations import items, plain_total, sum_relations
from extractor.models import Economy, Group, Proposal
from extractor.template import Template

SHEET_NAME_MAX = 31
_SHEET_BAD = regex.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A legal, unused sheet name from `wanted`: <= 31 chars, no []:*?/\\, unique
    (case-insensitively); adds " (2)", " (3)" … when needed. Adds the result to `taken`.
    A long name is cut between words ("1 Forløbsprogram for unge på"), not inside one."""
    base = regex.sub(r"\s+", " ", _SHEET_BAD.sub(" ", wanted)).strip().strip("'").strip()
    base = base or "Ark"
    name = _cut_at_word(base, SHEET_NAME_MAX)
    n = 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        name = _cut_at_word(base, SHEET_NAME_MAX - len(suffix)) + suffix
        n += 1
    taken.add(name)
    return name


def _cut_at_word(text: str, limit: int) -> str:
    """`text` cut to `limit` UTF-16 units (Excel's count: an emoji is two) at the last
    word break that keeps at least half of it, with "…" to show that it was cut; a
    single long word is cut where it must be, between whole characters."""
    if _cut(text, limit) == text:
        return text
    room = _cut(text, limit - 1)  # room for the "…"
    cut = room.rfind(" ")
    if cut >= limit // 2:
        return text[:cut].rstrip(" ,.;:-–") + "…"
    return _cut(text, limit).rstrip()


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


def computed_payback(economy: Economy, stated_label: str,
                     template: Template) -> tuple[bool, int | float | None]:
    """(known, years) of the payback computed on the basis a stated row names: known is
    False when the label names neither basis (or the table has no overall row to compute
    it from); years is None when the running sum does not turn within the table's years."""
    pb = paybacks(economy, template)
    if template.service_payback.search(stated_label):
        return True, pb["service_computed"]
    if template.total_payback.search(stated_label) and _has_overall(economy):
        return True, pb["total_computed"]
    return False, None


def _has_overall(economy: Economy) -> bool:
    return any(r.group == "overall" and r.role == "total" for r in economy.rows)


def payback_differs(stated: int | float | None, computed: int | float | None) -> bool:
    """A stated payback the table does not bear out, by the check's own rule
    (`checks/payback.py`: a stated fraction agrees when rounded up)."""
    return stated is not None and (computed is None or math.ceil(stated) != computed)


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
