"""Prose amount texts → claims about Tabel 1: which amount, for which year(s).

"-25,1 mio. kr. ved fuld indfasning"            → the last year's value is -25,1 mio. kr.
"4,5 mio. kr. i alt"                            → the sum over all years
"0,3 mio. kr. årligt i 2026-2027"               → each of 2026 and 2027
"0,8 mio. kr. årligt fra 2027 og frem"          → each year from 2027 to the last
"1,4 mio. kr. i 2028 stigende til 1,5 mio. kr. fra 2031 og frem" → 2028, and 2031 onwards
"0,3 mio. kr. i 2026 og 0,2 mio. kr. årligt i 2027-2029"         → 2026, and each of 2027-2029
"9 mio. kr. årligt"                             → the last year (the steady level)
"1,3 mio. kr."                                  → no period stated: not comparable

Each amount's period is read from the text right after it, up to the next amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex

from extractor.numbers import StatedAmount, find_stated_amounts

Kind = Literal["each", "sum", "unstated"]

_YEAR = r"((?:19|20)\d\d)"
_RANGE = rf"{_YEAR}\s*[-–]\s*{_YEAR}"
_PERIODS: list[tuple[regex.Pattern[str], str]] = [
    (regex.compile(r"^i\s+alt\b"), "sum"),
    (regex.compile(rf"^(?:årligt\s+)?ved\s+fuld\s+indfasning(?:\s+(?:i|fra)\s+{_YEAR})?"), "full"),
    (regex.compile(rf"^(?:årligt\s+)?(?:i|fra)\s+(?:perioden\s+)?{_RANGE}"), "range"),
    (regex.compile(rf"^(?:årligt\s+)?i\s+{_YEAR}\s+og\s+{_YEAR}\b"), "pair"),
    (regex.compile(rf"^(?:årligt\s+)?fra\s+{_YEAR}"), "from"),
    (regex.compile(rf"^(?:årligt\s+)?i\s+{_YEAR}(\s+og\s+frem)?"), "year"),
    (regex.compile(r"^(?:årligt|om\s+året|pr\.\s*år)\b"), "annual"),
]
_CONNECTOR = regex.compile(r"[\s,]*(?:og|stigende\s+til|stiger\s+til)?[\s,]*")
# A number followed by a word where a unit should be: "1,5 i alt" has no unit at all.
_BARE_NUMBER = regex.compile(r"(?<![\w.,])-?\d+(?:,\d+)?(?=\s+(?:i\s+alt|årligt|ved|i\s+\d{4}))")


@dataclass(frozen=True)
class Claim:
    """One stated amount and the table cells it speaks about."""

    amount: StatedAmount
    kind: Kind  # "each": every year in `years` equals the amount; "sum": their sum does
    years: tuple[int, ...]
    period: str  # the period as matched ("i alt", "ved fuld indfasning i 2031"), or ""
    qualifier: str  # all text after the amount up to the next amount


def period_of(qualifier: str, years: list[int]) -> tuple[Kind, tuple[int, ...], str]:
    """Read the period right after an amount ("i alt", "i 2027", …) against the table's years.

    Returns the kind, the years and the period text as matched ("" when unstated).
    """
    text = regex.sub(r"\s+", " ", qualifier.strip().lower())
    for pattern, what in _PERIODS:
        m = pattern.match(text)
        if m is None:
            continue
        kind, claim_years = _period(what, m, years)
        return kind, claim_years, m.group(0)
    return "unstated", (), ""


def _period(what: str, m: regex.Match[str], years: list[int]) -> tuple[Kind, tuple[int, ...]]:
    last = years[-1] if years else None

    def from_on(a: int) -> tuple[int, ...]:
        return tuple(y for y in years if y >= a) or (a,)

    if what == "sum":
        return "sum", tuple(years)
    if what == "full":
        year = int(m.group(1)) if m.group(1) else last
        return "each", (year,) if year is not None else ()
    if what == "range":
        return "each", tuple(range(int(m.group(1)), int(m.group(2)) + 1))
    if what == "pair":
        return "each", (int(m.group(1)), int(m.group(2)))
    if what == "from":
        return "each", from_on(int(m.group(1)))
    if what == "year":  # "i 2028", "i 2031 og frem"
        a = int(m.group(1))
        return "each", from_on(a) if m.group(2) else (a,)
    return "each", (last,) if last is not None else ()  # "årligt": the steady level


def claims_in(text: str, years: list[int]) -> list[Claim]:
    """Every amount in `text` with the period that follows it."""
    amounts = find_stated_amounts(text)
    out = []
    cursor = 0
    spans = []
    for amount in amounts:
        start = text.find(amount.text, cursor)
        spans.append((start, start + len(amount.text)))
        cursor = start + len(amount.text)
    for i, amount in enumerate(amounts):
        end = spans[i + 1][0] if i + 1 < len(amounts) else len(text)
        qualifier = text[spans[i][1]:end]
        kind, claim_years, period = period_of(qualifier, years)
        out.append(Claim(amount, kind, claim_years, period, qualifier))
    return out


def chained_claims(text: str, years: list[int]) -> list[Claim]:
    """The first amount of `text` and the amounts joined to it ("… i 2027 stigende til …",
    "… i 2026 og …"); anything after other words is not part of the same statement."""
    claims = claims_in(text, years)
    out = claims[:1]
    for claim in claims[1:]:
        previous = out[-1]
        rest = regex.sub(r"\s+", " ", previous.qualifier.strip().lower())[len(previous.period):]
        if _CONNECTOR.fullmatch(rest) is None:
            break
        out.append(claim)
    return out


def has_bare_number(text: str) -> bool:
    """True for "1,5 i alt": a number where an amount with a unit should stand."""
    return _BARE_NUMBER.search(text) is not None


def fits(claim_value: Decimal, half_step: Decimal, actual: int, printed_terms: int) -> bool:
    """Does a table value (a sum of `printed_terms` rounded cells) round to the prose amount?

    Interval arithmetic again: the prose amount stands for value ± half_step, the table
    sum for actual ± printed_terms / 2; they agree when the intervals meet.
    """
    return abs(Decimal(actual) - claim_value) <= half_step + Decimal(printed_terms) / 2
