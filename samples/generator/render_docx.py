"""Render a sample source dict (see SOURCE_FORMAT.md) into a python-docx Document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import styles
import tables
from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from ooxml import (
    CM,
    add_field,
    add_page_break,
    add_right_tab,
    enable_auto_hyphenation,
    set_run_fonts,
)
from styles import LOOKS, Look

CHECKBOX_FONT = "DejaVu Sans"  # Liberation fonts have no ☐/☒
FIXED_TIME = dt.datetime(2026, 1, 1, 12, 0, 0)
Block = dict[str, Any]


def render_document(source: dict[str, Any]) -> Document:
    look = LOOKS[source.get("style", "a")]
    document = new_document()
    _set_properties(document, source)
    styles.install_styles(document, look)
    enable_auto_hyphenation(document, styles.LANGUAGE)
    _page_setup(document, look, source)
    _front_matter(document, source, look)
    for block in source["blocks"]:
        renderer = RENDERERS.get(block["type"])
        if renderer is None:
            raise ValueError(f"unknown block type {block['type']!r}")
        renderer(document, block, look)
    return document


def _set_properties(document: Document, source: dict[str, Any]) -> None:
    props = document.core_properties
    props.title = source["title"]
    props.author = source.get("department", "")
    props.last_modified_by = props.author
    props.subject = f"{source.get('document_type', 'Investeringsforslag')}, {source['case']}"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = props.keywords = props.category = ""


def _page_setup(document: Document, look: Look, source: dict[str, Any]) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(look.margin_left_cm), Cm(look.margin_right_cm)
    section.top_margin, section.bottom_margin = Cm(look.margin_top_cm), Cm(look.margin_bottom_cm)
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1.0)

    header = section.header
    first = header.paragraphs[0]
    first.style = styles.PAGE_HEADER
    first.add_run(source["case"])
    header.add_paragraph(source.get("document_type", "Investeringsforslag"), styles.PAGE_HEADER)

    footer = section.footer.paragraphs[0]
    footer.style = styles.PAGE_HEADER
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    add_right_tab(footer, look.text_width_dxa)
    footer.add_run(f"{source['case']}\t")
    add_field(footer, "PAGE", "1")
    footer.add_run("/")
    add_field(footer, "NUMPAGES", "1")


def _front_matter(document: Document, source: dict[str, Any], look: Look) -> None:
    document.add_paragraph(source["title"], styles.TITLE)
    label_w = round(3.6 * CM)
    widths = [label_w, look.text_width_dxa - label_w]
    table = tables.new_table(document, widths, look, borders="none")
    body = "Normal"
    for label, value in (("Kort resumé:", source["summary"]),
                         ("Fremstillende forvaltning:", source["department"])):
        cells = [tables.Cell(label, False, styles.FRONT_LABEL), tables.Cell(value, False, body)]
        tables.add_row(table, widths, cells)
    document.add_paragraph()


def _paragraph(document: Document, block: Block, look: Look) -> None:
    paragraph = document.add_paragraph()
    _add_lines(paragraph, block["text"])


def _add_lines(paragraph: Paragraph, text: str, bold: bool = False) -> None:
    """Text with "\n" becomes line breaks inside one paragraph."""
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(line).bold = bold or None


def _styled(style: str) -> Callable[[Document, Block, Look], None]:
    def render(document: Document, block: Block, look: Look) -> None:
        document.add_paragraph(block["text"], style)
    return render


def _section(document: Document, block: Block, look: Look) -> None:
    document.add_paragraph(f"{block['number']}. {block['title']}", styles.SECTION)


def _list(marker: Callable[[int], str]) -> Callable[[Document, Block, Look], None]:
    def render(document: Document, block: Block, look: Look) -> None:
        for index, item in enumerate(block["items"], start=1):
            prefix = block.get("marker") or marker(index)
            document.add_paragraph(f"{prefix}\t{item}", styles.LIST)
    return render


def _cost_item(document: Document, block: Block, look: Look) -> None:
    document.add_paragraph(f"{block['title']}: {block['amount_text']}", styles.HEADING)
    if block.get("text"):
        document.add_paragraph(block["text"])


def _table_with_caption(builder: Callable[[Document, Block, Look], object],
                        ) -> Callable[[Document, Block, Look], None]:
    def render(document: Document, block: Block, look: Look) -> None:
        if block.get("caption"):
            document.add_paragraph(block["caption"], styles.CAPTION)
        builder(document, block, look)
        for note in block.get("notes", []):
            document.add_paragraph(note, styles.NOTE)
        document.add_paragraph()
    return render


def _grid(document: Document, block: Block, look: Look) -> None:
    tables.grid_table(document, block, look)
    document.add_paragraph()


def _checkboxes(document: Document, block: Block, look: Look) -> None:
    if block.get("label"):
        document.add_paragraph(block["label"]).paragraph_format.space_after = 0
    for option in block["options"]:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = 0
        box = paragraph.add_run("☒" if option["checked"] else "☐")
        set_run_fonts(box._r.get_or_add_rPr(), CHECKBOX_FONT)
        if option.get("label"):
            paragraph.add_run(f" {option['label']}")
    document.add_paragraph()


def _page_break(document: Document, block: Block, look: Look) -> None:
    paragraph = document.add_paragraph()
    add_page_break(paragraph)


RENDERERS: dict[str, Callable[[Document, Block, Look], None]] = {
    "section": _section,
    "annex_heading": _styled(styles.SECTION),
    "heading": _styled(styles.HEADING),
    "paragraph": _paragraph,
    "bullets": _list(lambda _: "•"),
    "numbered": _list(lambda i: f"{i}."),
    "cost_group": _styled(styles.HEADING),
    "cost_item": _cost_item,
    "caption": _styled(styles.CAPTION),
    "grid": _grid,
    "economy_table": _table_with_caption(tables.economy_table),
    "follow_up_table": _table_with_caption(tables.follow_up_table),
    "hearing_table": _table_with_caption(tables.hearing_table),
    "checkboxes": _checkboxes,
    "page_break": _page_break,
}
