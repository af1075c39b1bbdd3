"""Danish numbers: table amounts, prose amounts with their precision, dates and years.

The oracles here compute values by other means than the module (string splitting,
Fraction arithmetic, datetime formatting), so a shared mistake cannot hide.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extractor.checks.claims import fits
from extractor.errors import ParseError
from extractor.numbers import (
    MINUS_SIGNS,
    TABLE_AMOUNT_RE,
    StatedAmount,
    find_stated_amounts,
    format_table_amount,
    is_table_amount,
    parse_danish_date,
    parse_stated_amount,
    parse_table_amount,
)

# --- table amounts -------------------------------------------------------------------


def table_amount_oracle(text: str) -> int | None:
    """What a strict reader should make of `text`, by splitting instead of a regex."""
    body = text.strip()
    negative = body[:1] in MINUS_SIGNS and body[:1] != ""
    if negative:
        body = body[1:]
    groups = body.split(".")
    if not all(g and g.isascii() and g.isdigit() for g in groups):
        return None
    head, tail = groups[0], groups[1:]
    if len(head) > 3 or any(len(g) != 3 for g in tail):
        return None
    if head.startswith("0") and (len(head) > 1 or tail):
        return None  # leading zeros: "05", "0.500"
    value = int("".join(groups))
    return -value if negative else value


def test_minus_signs_are_hyphen_minus_sign_and_en_dash() -> None:
    assert sorted(MINUS_SIGNS) == sorted("-\u2212\u2013")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-5.090", -5090),
        ("\u22125.090", -5090),
        ("\u201310.180", -10180),
        ("0", 0),
        ("-0", 0),
        (" 1.890 ", 1890),
        ("810", 810),
        ("12.363", 12363),
        ("1.241.400", 1241400),
        ("\u00a0-25.120\n", -25120),
    ],
)
def test_parse_table_amount_examples(text: str, expected: int) -> None:
    assert parse_table_amount(text) == expected
    assert is_table_amount(text)


@pytest.mark.parametrize(
    "text",
    [
        "5.09", "5,090", "1.8900", "", " ", "abc", "--5", "5.090-", "1 890", "05",
        "0.500", ".500", "500.", "1..000", "1.000,5", "+5", "- 5", "5e3", "١٢",
        "1.000.00", "12.3456", "-", "5.090 kr.", "0x10",
    ],
)  # fmt: skip
def test_parse_table_amount_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_table_amount(text)
    assert not is_table_amount(text)
    assert TABLE_AMOUNT_RE.match(text) is None


@given(st.integers(min_value=-(10**9), max_value=10**9), st.sampled_from(MINUS_SIGNS))
@example(-5090, "-")
@example(0, "\u2212")
def test_table_amount_roundtrip(n: int, minus: str) -> None:
    text = format_table_amount(n, minus)
    assert parse_table_amount(text) == n
    assert table_amount_oracle(text) == n
    assert TABLE_AMOUNT_RE.match(text) is not None


def test_format_table_amount_examples() -> None:
    assert format_table_amount(-5090) == "-5.090"
    assert format_table_amount(-5090, "\u2212") == "\u22125.090"
    assert format_table_amount(1241400) == "1.241.400"
    assert format_table_amount(0, "\u2013") == "0"


@pytest.mark.parametrize("minus", ["", "--", "+", "~"])
def test_format_table_amount_rejects_unknown_minus(minus: str) -> None:
    with pytest.raises(ValueError):
        format_table_amount(-1, minus)


def _mutate(text: str, position: int, char: str, mode: int) -> str:
    """One small typo: replace, insert or delete a character."""
    position %= len(text) + 1
    if mode == 0:
        return text[:position] + char + text[position + 1 :]
    if mode == 1:
        return text[:position] + char + text[position:]
    return text[:position] + text[position + 1 :]


_AMOUNT_ALPHABET = "0123456789." + MINUS_SIGNS
_amount_like_text = st.one_of(
    st.text(alphabet=_AMOUNT_ALPHABET + " ", max_size=14),
    st.builds(
        _mutate,
        st.builds(
            format_table_amount,
            st.integers(min_value=-(10**9), max_value=10**9),
            st.sampled_from(MINUS_SIGNS),
        ),
        st.integers(min_value=0, max_value=20),
        st.sampled_from(_AMOUNT_ALPHABET + " ,"),
        st.integers(min_value=0, max_value=2),
    ),
)


@given(_amount_like_text)
@example("1.8900")
@example("-0")
@example("0.000")
def test_parse_table_amount_never_returns_a_wrong_value(text: str) -> None:
    expected = table_amount_oracle(text)
    if expected is None:
        with pytest.raises(ParseError):
            parse_table_amount(text)
    else:
        assert parse_table_amount(text) == expected
    assert is_table_amount(text) is (expected is not None)


# --- prose amounts -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "half_step", "unit"),
    [
        ("1,5 mio. kr.", "1500", "50", "mio. kr."),
        ("10,1 mio.", "10100", "50", None),
        ("0,65 mio. kr.", "650", "5", "mio. kr."),
        ("9 mio. kr.", "9000", "500", "mio. kr."),
        ("12,4 mio. kr.", "12400", "50", "mio. kr."),
        ("810 t. kr.", "810", "0.5", "t. kr."),
        ("630 t.kr.", "630", "0.5", "t. kr."),
        ("1.500 t. kr.", "1500", "0.5", "t. kr."),
        ("1,5 kr.", "0.0015", "0.00005", "kr."),
        ("-25,1 mio. kr.", "-25100", "50", "mio. kr."),
        ("\u221225,1 mio. kr.", "-25100", "50", "mio. kr."),
        ("\u201325,1 mio. kr.", "-25100", "50", "mio. kr."),
        ("6,0 mio. \n\nkr.", "6000", "50", "mio. kr."),
        ("0,3 \n\nmio. kr.", "300", "50", "mio. kr."),
        ("2,5 mio.kr.", "2500", "50", "mio. kr."),
        ("2,5 Mio. Kr.", "2500", "50", "mio. kr."),
    ],
)
def test_stated_amount_value_precision_and_unit(
    text: str, value: str, half_step: str, unit: str | None
) -> None:
    amount = parse_stated_amount(text)
    assert amount.value == Decimal(value)
    assert amount.half_step == Decimal(half_step)
    assert amount.unit == unit
    assert amount.text == text


def test_parse_stated_amount_takes_the_first_amount() -> None:
    amount = parse_stated_amount("-25,1 mio. kr. ved fuld indfasning")
    assert (amount.value, amount.text) == (Decimal(-25100), "-25,1 mio. kr.")
    later = parse_stated_amount("1,4 mio. kr. i 2028 stigende til 1,5 mio. kr. fra 2031")
    assert later.value == Decimal(1400)


@pytest.mark.parametrize("text", ["", "ved fuld indfasning", "2027", "3,7 %", "3-4000 pr. barn"])
def test_parse_stated_amount_without_amount_raises(text: str) -> None:
    with pytest.raises(ParseError):
        parse_stated_amount(text)


def _values(text: str) -> list[Decimal]:
    return [amount.value for amount in find_stated_amounts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Effektiviseringen på 1,6 mio. kr. i 2027 stiger til 4,1 mio. kr. årligt ved fuld "
            "indfasning i 2031. Effektiviseringen på 12,4 mio. kr. svarer til ca. 3,7 % af det "
            "samlede",
            ["1600", "4100", "12400"],
        ),
        (
            "Besparelse på køb §107 ved forløbsprogram: -25,1 mio. kr. ved fuld indfasning",
            ["-25100"],
        ),
        (
            "Besparelsen udgør 3,0 mio. kr. i 2027 og opnår ved fuld indfasning et niveau på "
            "6,0 mio. \n\nkr. varigt. Det svarer til en effektivisering på 4,5 % af udgifterne",
            ["3000", "6000"],
        ),
        (
            "1 årsværk til faglig ledelse af den samlede indsats med forløbsprogrammet af "
            "810 t. kr., 5 \n\nårsværk af 640 t. kr. til uddannelses- og beskæftigelsesvejleder",
            ["810", "640"],
        ),
        (
            "En gennemsnitlig anbringelse i en plejefamilie koster 65 t.kr./mdr. "
            "(780 t.kr. årligt), mens (1,4 mio. kr. årligt)",
            ["65", "780", "1400"],
        ),
        (
            "hold på §107 før tid, som følge af sagsgennemgang på samlet 0,1 mio. kr. i 2027 "
            "og 0,3 \n\nmio. kr. i 2028.",
            ["100", "300"],
        ),
        ("Sagsbehandling til sagsgennemgang af §107 på psykiatri: 1,5 kr. i alt", ["0.0015"]),
        ("- Køb af pladser: - 3,0 mio. kr.", ["3000"]),  # a bullet dash is not a minus
    ],
)
def test_find_stated_amounts_in_seed_prose(text: str, expected: list[str]) -> None:
    assert _values(text) == [Decimal(v) for v in expected]


@pytest.mark.parametrize(
    "text",
    [
        "fuld indfasning i 2027",
        "svarer til ca. 3,7 % af det samlede",
        "på køb af § 107-pladser",
        "de 27,2 faglige medarbejdere",
        "Eksisterende ferielejre koster i gennemsnit \n\n3-4000 pr. barn.",
        "effektiv årsværksnorm for bl.a. socialrådgivere på 1.241,40 timer).",
        "Overførselssagen 2025-2026 4/7",
        "3-4000 kr.",  # a range: neither end is the amount
        "1,2-1,5 mio. kr.",
        "1 500 t. kr.",  # space-grouped thousands would read as 500
        "1.24 mio. kr.",  # malformed grouping
        "1.8900 kr.",
        "05 mio. kr.",
        "12 kroner",
        "10 mio borgere",
        "4 timer",
        "§ 85-3 mio. kr.",
    ],
)
def test_find_stated_amounts_ignores_non_amounts(text: str) -> None:
    assert find_stated_amounts(text) == []


_UNITS = {  # printed unit -> (normalised unit, power of ten vs 1.000 kr.)
    "mio. kr.": ("mio. kr.", 3),
    "mio.kr.": ("mio. kr.", 3),
    "mio. \nkr.": ("mio. kr.", 3),
    "mio.": (None, 3),
    "t. kr.": ("t. kr.", 0),
    "t.kr.": ("t. kr.", 0),
    "kr.": ("kr.", -3),
}


@st.composite
def printed_amounts(draw: st.DrawFn) -> tuple[str, Fraction, Fraction, str | None]:
    """A Danish amount as printed, with its value and half step computed by Fractions."""
    integer = draw(st.integers(min_value=0, max_value=10**7))
    decimals = draw(st.text(alphabet="0123456789", max_size=3))
    sign = draw(st.sampled_from(["", *MINUS_SIGNS]))
    printed_unit = draw(st.sampled_from(sorted(_UNITS)))
    unit, power = _UNITS[printed_unit]
    number = f"{integer:,}".replace(",", ".") + (f",{decimals}" if decimals else "")
    magnitude = (integer + Fraction(int(decimals or "0"), 10 ** len(decimals))) * Fraction(
        10
    ) ** power
    half_step = Fraction(1, 2) * Fraction(10) ** (power - len(decimals))
    return f"{sign}{number} {printed_unit}", (-magnitude if sign else magnitude), half_step, unit


_fillers = st.sampled_from(
    [" i 2027 stigende til ", " svarende til 3,7 % og ", ", ", " (§ 107) ", "\n\n", " og 27,2 "]
)


@given(st.lists(st.tuples(printed_amounts(), _fillers), max_size=5))
def test_find_stated_amounts_finds_each_printed_amount_exactly(
    items: list[tuple[tuple[str, Fraction, Fraction, str | None], str]],
) -> None:
    text = "Der afsættes " + "".join(printed + filler for (printed, *_), filler in items)
    found = find_stated_amounts(text)
    assert [(Fraction(a.value), Fraction(a.half_step), a.unit) for a in found] == [
        (value, half, unit) for (_, value, half, unit), _ in items
    ]
    assert [a.text for a in found] == [printed for (printed, *_), _ in items]


@pytest.mark.parametrize(
    ("text", "admitted", "rejected"),
    [
        ("1,5 mio. kr.", [1450, 1500, 1550], [1449, 1551]),
        ("-25,1 mio. kr.", [-25150, -25050], [-25151, -25049, 25100]),
        ("0,65 mio. kr.", [645, 655], [644, 656]),
        ("9 mio. kr.", [8500, 9500], [8499, 9501]),
        ("810 t. kr.", [810], [809, 811]),
        ("1,5 kr.", [], [0, 1, -1]),  # 0,0015 t. kr. meets no whole table value
    ],
)
def test_fits_is_inclusive_at_the_precision_edges(
    text: str, admitted: list[int], rejected: list[int]
) -> None:
    amount = parse_stated_amount(text)
    assert [n for n in admitted if not _fits_exact(amount, n)] == []
    assert [n for n in rejected if _fits_exact(amount, n)] == []


@given(printed_amounts(), st.integers(min_value=-(10**11), max_value=10**11))
def test_fits_matches_interval_arithmetic(
    printed: tuple[str, Fraction, Fraction, str | None], actual: int
) -> None:
    text, value, half_step, _ = printed
    assert _fits_exact(parse_stated_amount(text), actual) is (abs(actual - value) <= half_step)


def _fits_exact(amount: StatedAmount, actual: int) -> bool:
    """The checks' comparison against one exact table value (no rounded cells to add)."""
    return fits(amount.value, amount.half_step, actual, printed_terms=0)


def test_stated_amount_is_frozen() -> None:
    amount = StatedAmount(Decimal(1500), Decimal(50), "mio. kr.", "1,5 mio. kr.")
    with pytest.raises(AttributeError):
        amount.value = Decimal(0)  # type: ignore[misc]


# --- dates and years -----------------------------------------------------------------

_MONTH_NAMES = [
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
]  # fmt: skip


@pytest.mark.parametrize(("month", "name"), list(enumerate(_MONTH_NAMES, start=1)))
def test_every_danish_month_name_any_case(month: int, name: str) -> None:
    expected = datetime.date(2026, month, 12)
    assert parse_danish_date(f"12. {name} 2026") == expected
    assert parse_danish_date(f"12. {name.upper()} 2026") == expected
    assert parse_danish_date(f"12. {name.capitalize()} 2026") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23. januar 2026", datetime.date(2026, 1, 23)),
        ("16.  januar 2026", datetime.date(2026, 1, 16)),
        ("12. december 2025", datetime.date(2025, 12, 12)),
        (" 1. maj 2026 ", datetime.date(2026, 5, 1)),
        ("23.01.2026", datetime.date(2026, 1, 23)),
        ("2026-01-23", datetime.date(2026, 1, 23)),
        ("29. februar 2028", datetime.date(2028, 2, 29)),
    ],
)
def test_parse_danish_date_examples(text: str, expected: datetime.date) -> None:
    assert parse_danish_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31. februar 2026", "29. februar 2026", "31. april 2026", "0. januar 2026",
        "32.01.2026", "23.13.2026", "2026-02-30", "2026-1-23", "23. jan 2026",
        "23. januari 2026", "23 januar 2026", "januar 2026", "23. januar", "23. januar 26",
        "Ja 23. januar 2026", "23. januar 2026 kl. 10", "", "i dag", "23.01.26",
        "23. januar 1066", "2226-01-23",
    ],
)  # fmt: skip
def test_parse_danish_date_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_danish_date(text)


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_parse_danish_date_roundtrip(day: datetime.date) -> None:
    named = f"{day.day}. {_MONTH_NAMES[day.month - 1]} {day.year}"
    assert parse_danish_date(named) == day
    assert parse_danish_date(day.strftime("%d.%m.%Y")) == day
    assert parse_danish_date(day.isoformat()) == day
