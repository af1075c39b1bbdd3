"""Distinct proposals → the appendix table the centre sends to the politicians ("Bilag 2
Investeringsforslag til investeringspuljen"), in mio. kr. with one decimal, half-up.

Per proposal, from Tabel 1 (in 1.000 kr.):
- investment per steering area (Service, Anlæg) = the sum over all years of the
  implementation group's item rows of that area;
- effect at full phase-in per area (Service, Overførsler) = the last year of the printed
  "Samlet varig ændring, <area>" where it exists, else the sum of that area's permanent
  item rows in the last year; a saving shown positive, as the published appendix does;
- payback = the printed "Tilbagebetalingstid baseret på totaløkonomi" (or the only
  payback row), with the computed one beside it where they differ.

A number the table cannot give (no Tabel 1, another unit, an unreadable cell on the way)
is None with the reason, never 0: a wrong number that looks right is the worst outcome.
An area without rows is a real 0 (nothing asked for there).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from extractor.checks.payback import payback_years
from extractor.economy_relations import area_of, items, overall_row
from extractor.models import (
    DocumentResult,
    Economy,
    EconomyRow,
    Finding,
    Proposal,
    RoundOverview,
)
from extractor.round.overview import Counted, distinct_proposals, round_overview
from extractor.rules import finding
from extractor.template import COPENHAGEN

# The round spans documents (of any template); its appendix is the Copenhagen one.
INVESTMENT_AREAS = COPENHAGEN.investment_areas
EFFECT_AREAS = COPENHAGEN.effect_areas
TABLE_UNIT = "1.000 kr."
# The seven departments and their committees, in the template's words.
DEFAULT_COMMITTEES: dict[str, str] = dict(COPENHAGEN.committees)
_UNREADABLE = {"economy.unreadable_cell", "economy.ambiguous_columns"}
_TENTH = Decimal("0.1")


def to_mio(thousands: int) -> Decimal:
    """1.000 kr. → mio. kr. with one decimal, half-up (away from zero on a tie)."""
    return (Decimal(thousands) / 1000).quantize(_TENTH, rounding=ROUND_HALF_UP)


def format_mio(value: Decimal) -> str:
    """Danish: 375 → '375,0'; 1234.5 → '1.234,5'."""
    whole, _, tenth = f"{value:,.1f}".partition(".")
    return whole.replace(",", ".") + "," + tenth


@dataclass(frozen=True)
class Amount:
    """A number of the appendix: mio. kr. (one decimal) or None with the reason."""
    mio: Decimal | None
    reason: str | None = None


@dataclass(frozen=True)
class AppendixRow:
    item: Counted
    committee: str | None
    investment: dict[str, Amount]
    effect: dict[str, Amount]
    payback_stated: int | float | str | None
    payback_computed: int | None  # only where it differs from the stated one

    @property
    def proposal(self) -> Proposal:
        return self.item.proposal


@dataclass
class AppendixCase:
    case: str | None
    rows: list[AppendixRow] = field(default_factory=list)
    pool: int | None = None  # 1.000 kr.

    def committees(self) -> list[tuple[str | None, list[AppendixRow]]]:
        groups: dict[str | None, list[AppendixRow]] = {}
        for row in self.rows:
            groups.setdefault(row.committee, []).append(row)
        return list(groups.items())


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def committee_of(department: str | None, committees: dict[str, str]) -> str | None:
    wanted = _norm(department)
    return next((c for d, c in committees.items() if _norm(d) == wanted), None)


def _area(row: EconomyRow) -> str:
    return _norm(row.steering_area)


def _unreadable_rows(proposal: Proposal) -> set[str]:
    return {f.location.row or "" for f in proposal.findings if f.rule in _UNREADABLE}


def _why_not(proposal: Proposal) -> str | None:
    economy = proposal.economy
    if economy is None or not economy.rows:
        return "forslaget har ingen Tabel 1, der kunne læses"
    if _norm(economy.unit) != _norm(TABLE_UNIT):
        return f"Tabel 1 er i '{economy.unit or 'ukendt enhed'}', ikke {TABLE_UNIT}"
    return None


def investment(proposal: Proposal, area: str) -> Amount:
    if (reason := _why_not(proposal)) is not None:
        return Amount(None, reason)
    economy = proposal.economy
    assert economy is not None
    rows = [r for r in items(economy, "implementation") if _area(r) == _norm(area)]
    bad = [r.label for r in rows if r.label in _unreadable_rows(proposal)]
    if bad:
        return Amount(None, f"en celle i rækken '{bad[0]}' kunne ikke læses")
    return Amount(to_mio(sum(v or 0 for r in rows for v in r.values.values())))


def effect(proposal: Proposal, area: str) -> Amount:
    if (reason := _why_not(proposal)) is not None:
        return Amount(None, reason)
    economy = proposal.economy
    assert economy is not None
    last = economy.years[-1]
    totals = [r for r in economy.rows if r.group == "permanent" and r.role == "total"
              and area_of(r) == _norm(area)]
    rows = totals[:1] or [r for r in items(economy, "permanent") if _area(r) == _norm(area)]
    bad = [r.label for r in rows if r.label in _unreadable_rows(proposal)]
    if bad:
        return Amount(None, f"en celle i rækken '{bad[0]}' kunne ikke læses")
    return Amount(to_mio(-sum(r.value(last) or 0 for r in rows)))


def stated_payback(economy: Economy | None) -> int | float | str | None:
    if economy is None or not economy.payback:
        return None
    chosen = next((p for p in economy.payback if COPENHAGEN.total_payback.search(p.label)), None)
    if chosen is None and len(economy.payback) == 1:
        chosen = economy.payback[0]
    if chosen is None:
        return None
    return chosen.years if chosen.years is not None else chosen.text


def computed_payback(economy: Economy | None) -> int | None:
    row = overall_row(economy) if economy else None
    if economy is None or row is None:
        return None
    return payback_years([row.value(y) for y in economy.years])


def appendix_row(item: Counted, committees: dict[str, str]) -> AppendixRow:
    proposal = item.proposal
    stated = stated_payback(proposal.economy)
    computed = computed_payback(proposal.economy)
    return AppendixRow(
        item=item, committee=committee_of(proposal.department, committees),
        investment={a: investment(proposal, a) for a in INVESTMENT_AREAS},
        effect={a: effect(proposal, a) for a in EFFECT_AREAS},
        payback_stated=stated,
        payback_computed=computed if computed != stated else None)


def appendix(counted: Sequence[Counted], committees: dict[str, str],
             pools: dict[str, int] | None = None) -> list[AppendixCase]:
    """One table per case, rows grouped by committee in the mapping's order (unknown
    committees last), proposals in run order within a committee."""
    order = {c: n for n, c in enumerate(dict.fromkeys(committees.values()))}
    cases: dict[str | None, AppendixCase] = {}
    for item in counted:
        case = item.proposal.case
        if case not in cases:
            cases[case] = AppendixCase(case=case, pool=(pools or {}).get(case or ""))
        cases[case].rows.append(appendix_row(item, committees))
    for table in cases.values():
        table.rows.sort(key=lambda r: order.get(r.committee, len(order)) if r.committee
                        else len(order) + 1)
    return list(cases.values())


def column_totals(rows: Iterable[AppendixRow]) -> list[Decimal]:
    """The "I alt" of each amount column (investment areas, then effect areas), in mio. kr.:
    the sum of the shown (rounded) amounts, an empty cell left out, exactly what the
    workbook's SUM formulas give, so the HTML's plain totals agree with the sheet's."""
    listed = list(rows)
    columns = ([r.investment[a] for r in listed] for a in INVESTMENT_AREAS)
    effects = ([r.effect[a] for r in listed] for a in EFFECT_AREAS)
    return [sum((a.mio for a in column if a.mio is not None), Decimal(0))
            for column in (*columns, *effects)]


def requested(rows: Iterable[AppendixRow]) -> Decimal:
    """The investment the rows ask for, in mio. kr.: the sum of the shown (rounded) amounts."""
    return sum(column_totals(rows)[:len(INVESTMENT_AREAS)], Decimal(0))


def pool_findings(tables: Sequence[AppendixCase], run_pool: int | None) -> list[Finding]:
    """A warning for each pool (a case's, or the run's for all cases) the proposals exceed."""
    out = []
    checks = [(t.case or "Ukendt budgetrunde", t.pool, list(t.rows)) for t in tables]
    if run_pool is not None:
        checks.append(("Kørslen (alle budgetrunder)", run_pool,
                       [r for t in tables for r in t.rows]))
    for name, pool, rows in checks:
        if pool is None:
            continue
        asked, limit = requested(rows), to_mio(pool)
        if asked > limit:
            out.append(finding(
                "round.pool_exceeded",
                f"{name}: forslagene beder om {format_mio(asked)} mio. kr. i investeringsmidler; "
                f"puljen er {format_mio(limit)} mio. kr. ({format_mio(asked - limit)} mio. kr. "
                "for meget).",
                table="Bilag", expected=pool, found=int(asked * 1000)))
    return out


def round_with_appendix(documents: list[DocumentResult], committees: dict[str, str] | None = None,
                        pools: dict[str, int] | None = None,
                        run_pool: int | None = None) -> RoundOverview:
    """The round overview with the appendix's settings recorded and the pool warnings: the
    committee mapping (the seven defaults, then the config's), each case's pool, the run's."""
    mapping = {**DEFAULT_COMMITTEES, **(committees or {})}
    overview = round_overview(documents)
    counted, _, _ = distinct_proposals(documents)
    tables = appendix(counted, mapping, pools)
    for case in overview.cases:
        case.pool = (pools or {}).get(case.case or "")
    overview.committees = mapping
    overview.pool = run_pool
    overview.findings = pool_findings(tables, run_pool)
    return overview
