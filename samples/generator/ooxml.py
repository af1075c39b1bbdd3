"""Low-level WordprocessingML helpers that python-docx has no API for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

CM = 567  # twentieths of a point (dxa) per centimetre
BorderMode = Literal["none", "rules", "grid"]

# Children of w:settings that must precede w:autoHyphenation (ECMA-376 schema order).
_SETTINGS_BEFORE_HYPHENATION = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
    "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
    "w:printPostScriptOverText", "w:printFractionalCharacterWidth", "w:printFormsData",
    "w:embedTrueTypeFonts", "w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData",
    "w:mirrorMargins", "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign",
    "w:attachedTemplate", "w:linkStyles", "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod", "w:documentType", "w:mailMerge", "w:revisionView",
    "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme",
    "w:styleLockQFSet", "w:defaultTabStop",
)


def element(tag: str, **attrs: str) -> OxmlElement:
    """`element("w:sz", val="4")` -> <w:sz w:val="4"/> (attribute names get the w: prefix)."""
    node = OxmlElement(tag)
    for name, value in attrs.items():
        node.set(qn(f"w:{name}"), value)
    return node


def replace_child(parent: OxmlElement, child: OxmlElement) -> OxmlElement:
    """Put `child` into `parent`, replacing an existing element with the same tag."""
    old = parent.find(child.tag)
    if old is not None:
        old.addprevious(child)
        parent.remove(old)
    else:
        parent.append(child)
    return child


def set_run_fonts(rpr: OxmlElement, font: str) -> None:
    """Explicit font on every script slot (no theme fonts)."""
    replace_child(rpr, element("w:rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font))


def set_language(rpr: OxmlElement, lang: str) -> None:
    replace_child(rpr, element("w:lang", val=lang, eastAsia=lang, bidi=lang))


def enable_auto_hyphenation(document: Document, lang: str) -> None:
    """settings.xml: <w:autoHyphenation/>, Danish theme language, no hyphenated capitals off."""
    settings = document.settings.element
    for tag in ("w:autoHyphenation", "w:themeFontLang"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    anchor = None
    for tag in _SETTINGS_BEFORE_HYPHENATION:
        found = settings.findall(qn(tag))
        if found:
            anchor = found[-1]
    node = element("w:autoHyphenation")
    if anchor is None:
        settings.insert(0, node)
    else:
        anchor.addnext(node)
    theme_lang = element("w:themeFontLang", val=lang)
    # themeFontLang sits after w:characterSpacingControl / before w:clrSchemeMapping.
    mapping = settings.find(qn("w:clrSchemeMapping"))
    if mapping is not None:
        mapping.addprevious(theme_lang)
    else:
        settings.append(theme_lang)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES, …) with a cached result."""
    def run_with(child: OxmlElement) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    run_with(element("w:fldChar", fldCharType="begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    run_with(element("w:fldChar", fldCharType="separate"))
    paragraph.add_run(placeholder)
    run_with(element("w:fldChar", fldCharType="end"))


def add_right_tab(paragraph: Paragraph, position_dxa: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    tabs = element("w:tabs")
    tabs.append(element("w:tab", val="right", pos=str(position_dxa)))
    ppr.insert(0, tabs)


def _border(tag: str, on: bool) -> OxmlElement:
    if not on:
        return element(tag, val="nil")
    return element(tag, val="single", sz="4", space="0", color="000000")


def format_table(table: Table, widths_dxa: Sequence[int], borders: BorderMode,
                 cell_margin_dxa: int = 108, cell_padding_dxa: int = 0) -> None:
    """Fixed layout, exact column widths, borders and cell margins (left/right, top/bottom)."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    replace_child(tblpr, element("w:tblW", w=str(sum(widths_dxa)), type="dxa"))
    borders_el = element("w:tblBorders")
    grid = borders == "grid"
    rules = borders in ("rules", "grid")
    for side, on in (("top", rules), ("left", grid), ("bottom", rules), ("right", grid),
                     ("insideH", rules), ("insideV", grid)):
        borders_el.append(_border(f"w:{side}", on))
    replace_child(tblpr, borders_el)
    replace_child(tblpr, element("w:tblLayout", type="fixed"))
    margins = element("w:tblCellMar")
    for side, size in (("top", cell_padding_dxa), ("left", cell_margin_dxa),
                       ("bottom", cell_padding_dxa), ("right", cell_margin_dxa)):
        margins.append(element(f"w:{side}", w=str(size), type="dxa"))
    replace_child(tblpr, margins)
    # Schema order inside tblPr: tblStyle, …, tblW, jc, …, tblBorders, shd, tblLayout,
    # tblCellMar, tblLook. Re-sort the children we touched.
    order = ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
             "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
             "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"]
    rank = {qn(tag): i for i, tag in enumerate(order)}
    children = sorted(tblpr, key=lambda c: rank.get(c.tag, len(order)))
    for child in children:
        tblpr.append(child)
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_dxa, strict=True):
        col.set(qn("w:w"), str(width))


def set_cell_width(cell_tc: OxmlElement, width_dxa: int) -> None:
    tcpr = cell_tc.get_or_add_tcPr()
    replace_child(tcpr, element("w:tcW", w=str(width_dxa), type="dxa"))


def set_row_flags(row: _Row, *, header: bool = False, cant_split: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    if cant_split:
        trpr.append(element("w:cantSplit"))
    if header:
        trpr.append(element("w:tblHeader"))


def add_page_break(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(element("w:br", type="page"))
