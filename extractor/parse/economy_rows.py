"""What a Tabel 1 row means, whichever reader found it (PDF geometry or plain text).

The template names its parts in words (`extractor.template`): group headings ("Varige
ændringer …", "Implementeringsomkostninger …"), the overall block ("Samlet økonomisk
påvirkning"), totals ("Samlet …", "Samlede …"), "Heraf …" rows and payback rows.
Both readers classify rows with these functions, so a PDF and its text agree.
"""

from __future__ import annotations

from typing import Literal

import regex

from extractor.models import Payback, Role
from extractor.template import Template

_FOOTNOTE = regex.compile(r"^(.*?)\s*(\*+|[¹²³⁴⁵])$")


def group_heading(template: Template, text: str) -> Literal["permanent", "implementation"] | None:
    """The group a heading opens ("Varige ændringer …" → permanent), else None: a row of
    Tabel 1, or a sub-heading of section 2 (the cost items use the same two groups)."""
    return template.group_heading(text)


def opens_overall(template: Template, label: str) -> bool:
    """True for "Samlet økonomisk påvirkning": it and the rows after it are `overall`."""
    return bool(template.overall.match(label))


def is_payback(template: Template, label: str) -> bool:
    return bool(template.payback.match(label))


def split_footnote(label: str) -> tuple[str, str | None]:
    """"Huslejetilskud*" → ("Huslejetilskud", "*"): the marker is kept apart, not lost."""
    m = _FOOTNOTE.match(label)
    return (m.group(1), m.group(2)) if m else (label, None)


def role(template: Template, label: str) -> Role:
    if template.of_which.match(label):
        return "of_which"
    return "total" if template.total.match(label) else "item"


def payback(template: Template, label: str, text: str) -> Payback:
    """A payback row: its printed text always, its years only when that text is a number."""
    m = template.payback_value.match(text)
    years: int | float | None = None
    if m:
        number = m.group(1)
        years = int(number) if "," not in number else float(number.replace(",", "."))
    return Payback(label=label, years=years, text=text or None)
