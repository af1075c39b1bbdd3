"""What a Tabel 1 row means, whichever reader found it (PDF geometry or plain text).

The template names its parts in words: group headings ("Varige ændringer …",
"Implementeringsomkostninger …"), the overall block ("Samlet økonomisk påvirkning"),
totals ("Samlet …", "Samlede …"), "Heraf …" rows, footnote markers and payback rows.
Both readers classify rows with these functions, so a PDF and its text agree.
"""

from __future__ import annotations

from typing import Literal

import regex

from extractor.models import Payback, Role

YEAR = regex.compile(r"^(19|20)\d\d$")
UNIT = regex.compile(r"(\d{1,3}(?:\.\d{3})*\s*(?:kr\.|kroner)|mio\.\s*kr\.)")
PRICE_LEVEL = regex.compile(r"(\d{4}\s*-?\s*p/l|\d{4}-priser)")
_PERMANENT = regex.compile(r"^Varige\s+ændringer\b", regex.IGNORECASE)
_IMPLEMENTATION = regex.compile(r"^Implementeringsomkostninger\b", regex.IGNORECASE)
_OVERALL = regex.compile(r"^Samlet\s+økonomisk", regex.IGNORECASE)
_PAYBACK = regex.compile(r"^Tilbagebetalingstid", regex.IGNORECASE)
_TOTAL = regex.compile(r"^Samle(?:t|de)\b", regex.IGNORECASE)
_OF_WHICH = regex.compile(r"^Heraf\b", regex.IGNORECASE)
_FOOTNOTE = regex.compile(r"^(.*?)\s*(\*+|[¹²³⁴⁵])$")
_PAYBACK_VALUE = regex.compile(r"^(\d+(?:,\d+)?)(?:\s*år)?$")


def group_heading(text: str) -> Literal["permanent", "implementation"] | None:
    """The group a heading opens ("Varige ændringer …" → permanent), else None: a row of
    Tabel 1, or a sub-heading of section 2 (the cost items use the same two groups)."""
    if _PERMANENT.match(text):
        return "permanent"
    if _IMPLEMENTATION.match(text):
        return "implementation"
    return None


def opens_overall(label: str) -> bool:
    """True for "Samlet økonomisk påvirkning": it and the rows after it are `overall`."""
    return bool(_OVERALL.match(label))


def is_payback(label: str) -> bool:
    return bool(_PAYBACK.match(label))


def split_footnote(label: str) -> tuple[str, str | None]:
    """"Huslejetilskud*" → ("Huslejetilskud", "*"): the marker is kept apart, not lost."""
    m = _FOOTNOTE.match(label)
    return (m.group(1), m.group(2)) if m else (label, None)


def role(label: str) -> Role:
    if _OF_WHICH.match(label):
        return "of_which"
    return "total" if _TOTAL.match(label) else "item"


def payback(label: str, text: str) -> Payback:
    """A payback row: its printed text always, its years only when that text is a number."""
    m = _PAYBACK_VALUE.match(text)
    years: int | float | None = None
    if m:
        number = m.group(1)
        years = int(number) if "," not in number else float(number.replace(",", "."))
    return Payback(label=label, years=years, text=text or None)
