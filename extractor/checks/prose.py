"""Section 2's cost-item headings against their Tabel 1 rows.

Each heading ("Projektledelse: 4,5 mio. kr. i alt") is matched to its row(s) in the
same group (checks/matching.py), its amount text read into claims (checks/claims.py)
and every claim compared with the row values: a stated "X,Y mio. kr." stands for
±0,05 mio. kr. (its printed precision), each printed table cell for ±0,5. Amounts are
compared by size; a differing sign is its own finding (`prose.amount_sign`), because
the headings print savings with a minus as the table does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from extractor.checks.claims import Claim, chained_claims, fits, has_bare_number
from extractor.checks.matching import match_items
from extractor.evidence import cells, heading
from extractor.models import CostItem, Economy, EconomyRow, Evidence, Finding, Proposal
from extractor.numbers import StatedAmount
from extractor.rules import TABLE_1, against_table, finding, kr

_GROUP_NAME = {"permanent": "varige ændringer", "implementation": "implementeringsomkostninger"}
# A unit is odd when reading it literally gives less than 1.000 kr. for a cost item.
_ODD_BELOW = Decimal(1)
_READINGS = (("mio. kr.", 3), ("t. kr.", 0))


def check_cost_items(proposal: Proposal) -> Iterator[Finding]:
    economy = proposal.economy
    if economy is None or not proposal.cost_items:
        return  # nothing to compare with (completeness reports a missing Tabel 1)
    for group in ("permanent", "implementation"):
        group_items = [i for i in proposal.cost_items if i.group == group]
        rows = [r for r in economy.rows if r.group == group and r.role == "item"]
        matched = match_items(group_items, rows)
        for index, item in enumerate(group_items):
            if index not in matched:
                yield finding("prose.unmatched_item",
                              f"Overskriften '{item.title}' ({_GROUP_NAME[group]}) har ingen "
                              "tilsvarende række i Tabel 1.", page=item.page, row=item.title)
                continue
            yield from check_item(item, [rows[r] for r in matched[index]], economy)
        used = {r for rs in matched.values() for r in rs}
        for r, row in enumerate(rows):
            if r not in used:
                yield finding("prose.unmatched_row",
                              f"Rækken '{row.label}' i Tabel 1 ({_GROUP_NAME[group]}) har ingen "
                              "tilsvarende overskrift i afsnit 2.",
                              page=row.page or economy.page, table=TABLE_1, row=row.label)


def check_item(item: CostItem, rows: Sequence[EconomyRow], economy: Economy) -> Iterator[Finding]:
    label = " + ".join(r.label for r in rows)
    page = item.page or rows[0].page or economy.page
    # the heading, then the row(s) it was matched with; a mismatch names its year's cells
    where = dict(page=page, table=TABLE_1, row=label,
                 evidence=[*heading(item), *cells(rows, economy.years)])
    claims = chained_claims(item.amount_text, economy.years)
    if not claims:
        rule = "prose.amount_unit" if has_bare_number(item.amount_text) else (
            "prose.amount_unreadable")
        why = "mangler en enhed (mio. kr. eller t. kr.)" if rule == "prose.amount_unit" else (
            "indeholder intet beløb med enhed")
        yield finding(rule, f"'{item.title}: {item.amount_text}': beløbet {why}; "
                            f"sammenlign med {_table_ref(rows, economy)}.", **where)
        return
    for claim in claims:
        yield from _check_claim(item, claim, rows, economy, where)


def _check_claim(item: CostItem, claim: Claim, rows: Sequence[EconomyRow], economy: Economy,
                 where: dict) -> Iterator[Finding]:
    pages = f"overskrift side {item.page}, " if item.page else ""
    heading = (f"'{item.title}: {item.amount_text}' "
               f"({pages}{_table_ref(rows, economy)})")
    if claim.kind == "unstated":
        yield finding("prose.amount_period",
                      f"{heading}: beløbet siger ikke, hvilket år eller hvilken periode det "
                      "gælder, og er ikke sammenlignet med Tabel 1.", **where)
        return
    targets = _targets(claim, rows)
    amount = claim.amount
    if amount.unit is not None and amount.unit.startswith("kr") and abs(amount.value) < _ODD_BELOW:
        readings = [name for name, exp in _READINGS
                    if all(fits(_rescaled(amount, exp)[0], _rescaled(amount, exp)[1], abs(a), n)
                           for _, a, n in targets)]
        hint = (f"; læst som {readings[0]} stemmer det med Tabel 1" if readings
                else "; det stemmer heller ikke med Tabel 1 læst som mio. kr. eller t. kr.")
        yield finding("prose.amount_unit",
                      f"{heading}: '{amount.text.strip()}' har en usædvanlig enhed{hint}.", **where)
        if readings:
            return
        amount = StatedAmount(*_rescaled(amount, 3), unit="mio. kr.", text=amount.text)
    for year, actual, n in targets:
        at = "i alt" if year is None else str(year)
        if not fits(abs(amount.value), amount.half_step, abs(actual), n):
            yield finding("prose.amount_mismatch",
                          f"{heading}: teksten siger {amount.text.strip()} {claim.period}, "
                          f"Tabel 1 ({at}) siger {against_table(amount.value, actual)}",
                          **{**where, "year": year, "evidence": _compared(item, claim, rows, year)},
                          expected=_as_number(amount.value), found=actual)
        elif amount.value and actual and (amount.value < 0) != (actual < 0):
            yield finding("prose.amount_sign",
                          f"{heading}: teksten har {amount.text.strip()}, men Tabel 1 ({at}) "
                          f"har {kr(actual)} med modsat fortegn.",
                          **{**where, "year": year, "evidence": _compared(item, claim, rows, year)},
                          expected=_as_number(amount.value),
                          found=actual)


def _compared(item: CostItem, claim: Claim, rows: Sequence[EconomyRow],
              year: int | None) -> list[Evidence]:
    """The heading first, then the printed cells it was compared with."""
    years = claim.years if year is None else (year,)
    return [*heading(item), *cells(rows, years)]


def _table_ref(rows: Sequence[EconomyRow], economy: Economy) -> str:
    """'Tabel 1 side 5', or 'Tabel 1' where the input has no pages (text input)."""
    page = rows[0].page or economy.page
    return f"Tabel 1 side {page}" if page else "Tabel 1"


def _targets(claim: Claim, rows: Sequence[EconomyRow]) -> list[tuple[int | None, int, int]]:
    """(year or None for a sum, table value, printed cells) for each comparison."""
    def cells(year: int) -> list[int]:
        return [v for r in rows if (v := r.value(year)) is not None]

    if claim.kind == "sum":
        values = [v for y in claim.years for v in cells(y)]
        return [(None, sum(values), len(values))]
    return [(y, sum(cells(y)), len(cells(y))) for y in claim.years]


def _rescaled(amount: StatedAmount, exponent: int) -> tuple[Decimal, Decimal]:
    """The printed number read in another unit (1,5 kr. → 1.500 as mio. kr.), in 1.000 kr."""
    factor = Decimal(10) ** (exponent + 3)
    return amount.value * factor, amount.half_step * factor


def _as_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
