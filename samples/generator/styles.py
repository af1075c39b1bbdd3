"""The two visual styles ("a" = the real documents' look, "b" = a second look) and Word styles."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from ooxml import BorderMode, element, replace_child, set_language, set_run_fonts

LANGUAGE = "da-DK"


@dataclass(frozen=True)
class Look:
    font: str
    body_pt: float
    table_pt: float
    follow_up_pt: float
    note_pt: float
    margin_left_cm: float
    margin_right_cm: float
    margin_top_cm: float
    margin_bottom_cm: float
    header_align: WD_ALIGN_PARAGRAPH
    table_borders: BorderMode
    payback_in_year_column: bool  # False: payback value in the Styringsområde cell
    year_col_cm: float
    steering_col_cm: float
    cell_margin_cm: float
    glyph_em: dict[str, float]  # advance widths of the characters amounts are made of
    # above and below each cell's text; tables without rules need it, so rows have gaps
    cell_padding_pt: float = 0.0

    @property
    def text_width_dxa(self) -> int:
        return round((21.0 - self.margin_left_cm - self.margin_right_cm) * 567)


# Advance widths (em) of Liberation Sans / Liberation Serif (metric clones of Arial / Times),
# bold where wider; used to size the year columns so that no amount ever wraps.
# "text" is a generous average for bold lowercase words.
ARIAL_EM = {"0": 0.556, ".": 0.278, "-": 0.333, "\u2212": 0.584, "text": 0.58}
TIMES_EM = {"0": 0.5, ".": 0.25, "-": 0.333, "\u2212": 0.57, "text": 0.52}

LOOKS: dict[str, Look] = {
    "a": Look(font="Liberation Sans", body_pt=11, table_pt=9, follow_up_pt=10, note_pt=8,
              margin_left_cm=2.5, margin_right_cm=2.5, margin_top_cm=3.0, margin_bottom_cm=2.5,
              header_align=WD_ALIGN_PARAGRAPH.RIGHT, table_borders="rules",
              payback_in_year_column=False, year_col_cm=1.45, steering_col_cm=1.8,
              cell_margin_cm=0.19, glyph_em=ARIAL_EM),
    "b": Look(font="Liberation Serif", body_pt=10.5, table_pt=8.5, follow_up_pt=9, note_pt=7.5,
              margin_left_cm=3.0, margin_right_cm=1.5, margin_top_cm=2.7, margin_bottom_cm=2.2,
              header_align=WD_ALIGN_PARAGRAPH.LEFT, table_borders="grid",
              payback_in_year_column=True, year_col_cm=1.4, steering_col_cm=1.7,
              cell_margin_cm=0.12, glyph_em=TIMES_EM),
}

_PPR_AFTER_SUPPRESS_HYPHENS = (
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)

# Paragraph style names used by the renderer.
TITLE = "KK Titel"
SECTION = "KK Afsnit"
HEADING = "KK Overskrift"
CAPTION = "KK Tabeloverskrift"
CELL = "KK Tabeltekst"
CELL_NUMBER = "KK Tabeltal"
FOLLOW_UP = "KK Opfølgning"
NOTE = "KK Tabelnote"
PAGE_HEADER = "KK Sidehoved"
LIST = "KK Liste"
FRONT_LABEL = "KK Resume-etiket"


def _paragraph_style(document: Document, name: str, *, size: float, bold: bool = False,
                     align: WD_ALIGN_PARAGRAPH | None = None, before: float = 0,
                     after: float = 0, keep_next: bool = False) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next
    set_language(style.element.get_or_add_rPr(), LANGUAGE)
    return style


def install_styles(document: Document, look: Look) -> None:
    """Document defaults (font, size, Danish) and the renderer's paragraph styles."""
    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    set_run_fonts(rpr, look.font)
    replace_child(rpr, element("w:sz", val=str(round(look.body_pt * 2))))
    replace_child(rpr, element("w:szCs", val=str(round(look.body_pt * 2))))
    set_language(rpr, LANGUAGE)

    normal = document.styles["Normal"]
    normal.font.name = look.font
    set_run_fonts(normal.element.get_or_add_rPr(), look.font)
    set_language(normal.element.get_or_add_rPr(), LANGUAGE)
    normal.font.size = Pt(look.body_pt)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(8)
    fmt.line_spacing = 1.08
    fmt.widow_control = True

    left = WD_ALIGN_PARAGRAPH.LEFT
    _paragraph_style(document, TITLE, size=look.body_pt + 5, bold=True, align=left, after=14)
    _paragraph_style(document, SECTION, size=look.body_pt + 1, bold=True, align=left,
                     before=12, after=4, keep_next=True)
    _paragraph_style(document, HEADING, size=look.body_pt, bold=True, align=left,
                     before=4, after=2, keep_next=True)
    _paragraph_style(document, CAPTION, size=look.body_pt, bold=True, align=left,
                     before=8, after=4, keep_next=True)
    for name, size, align in ((CELL, look.table_pt, left),
                              (CELL_NUMBER, look.table_pt, WD_ALIGN_PARAGRAPH.RIGHT),
                              (FOLLOW_UP, look.follow_up_pt, left),
                              (NOTE, look.note_pt, left),
                              (PAGE_HEADER, look.note_pt + 1, look.header_align)):
        style = _paragraph_style(document, name, size=size, align=align)
        style.paragraph_format.line_spacing = 1.0
    cell = document.styles[CELL].paragraph_format
    cell.space_before, cell.space_after = Pt(1.5), Pt(1.5)
    number = document.styles[CELL_NUMBER].paragraph_format
    number.space_before, number.space_after = Pt(1.5), Pt(1.5)
    follow = document.styles[FOLLOW_UP].paragraph_format
    follow.space_before, follow.space_after = Pt(2), Pt(2)
    label = _paragraph_style(document, FRONT_LABEL, size=look.body_pt, bold=True, align=left,
                             after=8)
    for style in (label, document.styles[TITLE]):
        style.element.get_or_add_pPr().insert_element_before(
            element("w:suppressAutoHyphens"), *_PPR_AFTER_SUPPRESS_HYPHENS)
    listing = _paragraph_style(document, LIST, size=look.body_pt, after=3)
    listing.paragraph_format.left_indent = Cm(0.63)
    listing.paragraph_format.first_line_indent = Cm(-0.63)
    listing.paragraph_format.tab_stops.add_tab_stop(Cm(0.63))
