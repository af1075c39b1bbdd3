"""Every font and colour the workbook uses, each colour with exactly one meaning.

A font without a name makes LibreOffice fall back to a serif face, so every font here
names one (Calibri; LibreOffice substitutes the metric-compatible Carlito). A colour
that marks something is a `Mark`: its fill, its font and its key into the legend
(`legend.py`), so a sheet cannot use a colour its legend does not explain. Sheets that
other modules add reuse these instead of inventing a look of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

FONT_NAME = "Calibri"
BODY_SIZE = 11
TITLE_SIZE = 14


def font(*, bold: bool = False, italic: bool = False, size: float = BODY_SIZE,
         color: str | None = None, underline: str | None = None) -> Font:
    """A font that always names its face (see the module docstring)."""
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color,
                underline=underline)


BODY = font()
BOLD = font(bold=True)
ITALIC = font(italic=True)
TITLE_FONT = font(bold=True, size=TITLE_SIZE)
HEADER_FONT = font(bold=True, color="FFFFFF")
LINK_FONT = font(color="0563C1", underline="single")
HEADER_FILL = PatternFill("solid", fgColor="305496")  # header rows only, never a mark
# White lines between header cells, so a right-aligned header ("Advarsler") does not run
# into the left-aligned one after it ("Fejl ved læsning").
HEADER_BORDER = Border(left=Side(style="thin", color="FFFFFF"),
                       right=Side(style="thin", color="FFFFFF"))

WRAP = Alignment(wrap_text=True, vertical="top")
# Text right of a right-aligned number column, kept clear of it.
WRAP_INDENT = Alignment(wrap_text=True, vertical="top", horizontal="left", indent=1)
TOP = Alignment(vertical="top")
RIGHT_TOP = Alignment(horizontal="right", vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="bottom")
HEADER_ALIGN_RIGHT = Alignment(wrap_text=True, vertical="bottom", horizontal="right")


@dataclass(frozen=True)
class Mark:
    """A colour with one meaning; `key` names its legend text in `labels.py`."""

    key: str
    fill: PatternFill
    font: Font

    @property
    def rgb(self) -> str:
        return str(self.fill.fgColor.rgb)[-6:]


def _solid(rgb: str) -> PatternFill:
    # bgColor too: conditional formatting (a differential style) paints with bgColor.
    return PatternFill("solid", fgColor=rgb, bgColor=rgb)


ERROR = Mark("legend.error", _solid("FFC7CE"), BODY)
WARNING = Mark("legend.warning", _solid("FFEB9C"), BODY)
INFO = Mark("legend.info", _solid("DDEBF7"), BODY)
# A printed total that its live SUM check contradicts: dark violet with white bold text,
# so it cannot be mistaken for the pale "has a finding" colours.
SUM_DIFF = Mark("legend.sum_diff", _solid("7030A0"), font(bold=True, color="FFFFFF"))

SEVERITY_MARK = {"error": ERROR, "warning": WARNING, "info": INFO}
SEVERITY_FILL = {severity: mark.fill for severity, mark in SEVERITY_MARK.items()}
MARKS = (ERROR, WARNING, INFO, SUM_DIFF)
