"""Danish numbers, amounts and dates: the one place that turns their text into values.

Proposals print amounts two ways. Economy tables hold exact integers in 1.000 kr.
("-5.090"); prose states rounded amounts with a unit ("1,5 mio. kr."). The checks
compare the two, so a prose amount keeps its printed precision as a tolerance. A
wrong number that looks right is worse than no number, so everything here is strict:
anything ambiguous raises `ParseError` (parse_*) or is skipped (find_*).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from extractor.errors import ParseError

__all__ = [
    "MINUS_SIGNS",
    "TABLE_AMOUNT_RE",
    "StatedAmount",
    "find_stated_amounts",
    "format_table_amount",
    "is_table_amount",
    "parse_danish_date",
    "parse_stated_amount",
    "parse_table_amount",
]

#: Characters printed as a minus: hyphen-minus, U+2212 MINUS SIGN, and U+2013 EN DASH,
#: which Word's autoformat puts in front of negative numbers.
MINUS_SIGNS = "-\u2212\u2013"
_MINUS = "[" + re.escape(MINUS_SIGNS) + "]"

#: One table amount token and nothing else (anchored, so `.match` cannot stop early
#: and read "1.8900" as 1.890): optional minus, "." between groups of three digits,
#: no leading zeros, no decimals. `[0-9]`, not `\d`, so other scripts' digits fail.
TABLE_AMOUNT_RE = re.compile(
    rf"\A(?P<sign>{_MINUS})?(?P<digits>0|[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})*)\Z"
)

_YEAR_MIN, _YEAR_MAX = 1990, 2100


def is_table_amount(text: str) -> bool:
    """True if `text` (surrounding whitespace allowed) is exactly one table amount."""
    return TABLE_AMOUNT_RE.match(text.strip()) is not None


def parse_table_amount(text: str) -> int:
    """Turn a table cell such as "-5.090" into -5090 (still in the table's unit).

    Raises ParseError for anything that is not exactly one well-formed amount: "5.09",
    "5,090" and "1 890" could each be a misread of a different number.
    "-0" (Word rounding a small negative) is accepted as 0.
    """
    match = TABLE_AMOUNT_RE.match(text.strip())
    if match is None:
        raise ParseError(f"{text!r} er ikke et beløb i tabelformat (fx '-5.090').")
    value = int(match["digits"].replace(".", ""))
    return -value if match["sign"] else value


def format_table_amount(n: int, minus: str = "-") -> str:
    """Write `n` the way the tables print it (-5090 -> "-5.090"); inverse of parsing."""
    if len(minus) != 1 or minus not in MINUS_SIGNS:
        raise ValueError(f"minus must be one of {MINUS_SIGNS!r}, got {minus!r}")
    digits = f"{abs(n):,}".replace(",", ".")
    return f"{minus}{digits}" if n < 0 else digits


# Scale of each unit as a power of ten relative to 1.000 kr., keyed by regex group.
_UNIT_SCALE = {"mio_kr": 3, "mio": 3, "t_kr": 0, "kr": -3}
_UNIT_NAME: dict[str, str | None] = {
    "mio_kr": "mio. kr.",
    "mio": None,  # "10,1 mio." - the scale is printed, the currency is not
    "t_kr": "t. kr.",
    "kr": "kr.",
}

# A signed Danish number directly followed by a unit. The lookbehind keeps numbers
# out of words, decimals, ranges ("3-4000", "2026-2027"), fractions and hyphenated
# words; a minus counts only when glued to the digits, so a list bullet "- 3" does not.
_STATED_RE = re.compile(
    rf"""
    (?<![\w.,/{re.escape(MINUS_SIGNS)}])
    (?P<sign>{_MINUS})?
    (?P<int>[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+|0|[1-9][0-9]*)
    (?:,(?P<frac>[0-9]+))?
    \s*
    (?:
        (?P<mio_kr>mio\.?\s*kr(?!\w)\.?)
      | (?P<mio>mio\.)
      | (?P<t_kr>t\.?\s*kr(?!\w)\.?)
      | (?P<kr>kr(?!\w)\.?)
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "1 500 t. kr." would otherwise read as 500: three digits after a 1-3 digit group
# and one space may be the tail of a space-grouped number (but "i 2027 810" is not).
_GROUP_HEAD_BEFORE_RE = re.compile(r"(?<![0-9.,])[0-9]{1,3}[ \u00a0\u202f]\Z")


def _scaled(mantissa: int, exponent: int) -> Decimal:
    """mantissa * 10**exponent, exactly; integral results stay plain (1500, not 1.5E+3)."""
    if exponent >= 0:
        return Decimal(mantissa * 10**exponent)
    return Decimal(f"{mantissa}E{exponent}")  # the string constructor never rounds


@dataclass(frozen=True)
class StatedAmount:
    """An amount as the prose states it, e.g. "1,5 mio. kr." (value 1500, half_step 50).

    Decimal, not float: the value must be exact so that the tolerance, not binary
    rounding, decides whether prose and table agree.
    """

    value: Decimal  # in 1.000 kr., signed
    half_step: Decimal  # +/- what the printed precision allows, in 1.000 kr.
    unit: str | None  # "mio. kr.", "t. kr.", "kr." or None ("10,1 mio."), normalised
    text: str  # the matched text, as printed


def _to_stated(match: re.Match[str]) -> StatedAmount:
    frac = match["frac"] or ""
    mantissa = int(match["int"].replace(".", "") + frac)
    if match["sign"]:
        mantissa = -mantissa
    unit_key = next(key for key in _UNIT_SCALE if match[key] is not None)
    exponent = _UNIT_SCALE[unit_key] - len(frac)
    return StatedAmount(
        value=_scaled(mantissa, exponent),
        half_step=_scaled(5, exponent - 1),
        unit=_UNIT_NAME[unit_key],
        text=match[0],
    )


def _may_be_space_grouped_tail(text: str, match: re.Match[str]) -> bool:
    """True for the "500" of "1 500 t. kr.": 3 digits right after a digit group and a space."""
    start = match.start()
    return (
        not match["sign"]
        and len(match["int"]) == 3
        and _GROUP_HEAD_BEFORE_RE.search(text, max(0, start - 4), start) is not None
    )


def find_stated_amounts(text: str) -> list[StatedAmount]:
    """Every amount with a unit in prose, in reading order.

    Numbers without a unit (years, percentages, "§ 107", head counts, hours) are not
    amounts. Line breaks may sit anywhere between number, "mio." and "kr.", because
    PDF text wraps there. Malformed or ambiguous numbers ("1.24 mio.", "3-4000 kr.",
    "1 500 t. kr.") are skipped, not guessed.
    """
    return [
        _to_stated(match)
        for match in _STATED_RE.finditer(text)
        if not _may_be_space_grouped_tail(text, match)
    ]


def parse_stated_amount(text: str) -> StatedAmount:
    """The first amount with a unit in `text` ("-25,1 mio. kr. ved fuld indfasning").

    Raises ParseError if there is none, so a missing amount is never read as 0.
    """
    amounts = find_stated_amounts(text)
    if not amounts:
        raise ParseError(f"{text!r} indeholder intet beløb med enhed (fx '1,5 mio. kr.').")
    return amounts[0]


_MONTH_NAMES = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_DATE_PATTERNS = (
    # "23. januar 2026"; PDF text sometimes has two spaces after the dot.
    re.compile(r"(?P<day>[0-9]{1,2})\.\s*(?P<month>[a-zæøå]+)\s+(?P<year>[0-9]{4})", re.IGNORECASE),
    re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})"),
    re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"),
)


def parse_danish_date(text: str) -> datetime.date:
    """Turn "23. januar 2026", "23.01.2026" or "2026-01-23" into a date.

    The whole text (trimmed) must be the date, its month a full Danish name (any
    case), the date real ("31. februar" fails) and the year within 1990-2100, so a
    garbled digit cannot yield a plausible-looking date.
    """
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text.strip())
        if match is None:
            continue
        month_text = match["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
        year = int(match["year"])
        if month is None or not _YEAR_MIN <= year <= _YEAR_MAX:
            break
        try:
            return datetime.date(year, month, int(match["day"]))
        except ValueError:
            break
    raise ParseError(f"{text!r} er ikke en gyldig dato (fx '23. januar 2026').")

