"""A Word file (.docx) → its body as plain data: paragraphs (text, bold, size), tables, sections.

Only what the document says is kept, in body order, the way Word shows it with all
tracked changes accepted: inserted text (`w:ins`, `w:moveTo`) is read, deleted text
(`w:del`, `w:moveFrom`, a deleted paragraph mark, a deleted table row) is not, and
`tracked_changes` says that there were any. Comments live outside the body and are
never read. Fields show their last result (the page number "3/7" Word stored);
automatic list numbers are written out ("1. Beskrivelse", "• …"), since the template's
numbered section headings may get their number from Word's numbering; a check box is
☒/☐, whether typed as a character, a content control (`w14:checkbox`) or a legacy
form field. Bold and size are resolved through the style chain (run, character style,
paragraph style, document defaults), as Word resolves them.

Tables keep their grid: each cell knows its grid column and span (`gridSpan`, or the
older `hMerge`); a cell
continuing a vertical merge (`vMerge`) is empty, as Word prints the text once. The
pages and line breaks are not in the file (Word computes them when it lays the
document out), so nothing here has a page number.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree

from extractor.errors import CorruptDocxError, EncryptedDocxError, NotDocxError, NotFoundError
from extractor.read import DOCX_SUFFIXES
from extractor.read.docx_styles import Numbering, Styles, TextStyle, find, is_on

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a legacy .doc, or an encrypted .docx
_ZIP = b"PK\x03\x04"
_OLE2_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_CHECKED, _UNCHECKED = "☒", "☐"
_SKIPPED = {qn(t) for t in ("w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:instrText",
                            "w:delText", "w:delInstrText", "w:footnoteReference",
                            "w:endnoteReference", "w:commentReference", "w:drawing",
                            "w:pict", "w:object")}
_MAX_COLUMNS = 64  # a table without a grid: spans are cut at this many columns
_CONTAINERS = {qn(t) for t in ("w:tbl", "w:sdt", "w:customXml", "w:ins", "w:moveTo")}
_REVISIONS = {qn(t) for t in ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:pPrChange",
                              "w:rPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange",
                              "w:sectPrChange", "w:numberingChange", "w:cellIns",
                              "w:cellDel")}


@dataclass(frozen=True)
class Span:
    """Text set in one weight and size; "\\n" is a line break Word was told to make."""

    text: str
    bold: bool
    size: float


@dataclass
class DocxParagraph:
    spans: list[Span]
    size: float  # the paragraph mark's size: the height of an empty paragraph
    heading: bool = False  # an outline level (Word's heading styles)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass
class DocxCell:
    column: int  # first grid column
    span: int
    paragraphs: list[DocxParagraph]


@dataclass
class DocxTable:
    widths: list[float]  # grid column widths, pt
    rows: list[list[DocxCell]]


@dataclass
class DocxSection:
    text_width: float  # pt between the margins
    blocks: list[DocxParagraph | DocxTable] = field(default_factory=list)
    furniture: list[DocxParagraph] = field(default_factory=list)  # page header and footer


@dataclass
class WordDocument:
    sections: list[DocxSection]
    tracked_changes: bool


def is_docx_file(path: Path) -> bool:
    """A .docx name, unless the bytes are a PDF's (a PDF saved under the wrong name is read)."""
    if path.suffix.lower() not in DOCX_SUFFIXES:
        return False
    try:
        with path.open("rb") as f:
            return not f.read(1024).lstrip().startswith(b"%PDF-")
    except OSError:
        return True  # the Word reader reports the file (not_found, …)


def read_docx(path: Path) -> WordDocument:
    document = _open(path)
    try:
        return _Reader(document, path).read()
    except (etree.LxmlError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptDocxError(path, type(exc).__name__) from exc


def _open(path: Path) -> Document:
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except FileNotFoundError as exc:
        raise NotFoundError(path) from exc
    except IsADirectoryError as exc:
        raise NotFoundError(path) from exc
    if head == _OLE2:
        if _OLE2_ENCRYPTED in path.read_bytes():
            raise EncryptedDocxError(path)
        raise NotDocxError(path, legacy=True)
    if not zipfile.is_zipfile(path):
        if head.startswith(_ZIP):  # a zip cut short (an interrupted download or save)
            raise CorruptDocxError(path, "ufuldstændig zip-fil")
        raise NotDocxError(path)
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                raise NotDocxError(path)
    except zipfile.BadZipFile as exc:
        raise CorruptDocxError(path, type(exc).__name__) from exc
    try:
        return docx.Document(str(path))
    except MemoryError:
        raise
    except PackageNotFoundError as exc:
        raise NotDocxError(path) from exc
    except ValueError as exc:
        if "content type" in str(exc):  # another Office format renamed, say a .dotx or .xlsm
            raise NotDocxError(path) from exc
        raise CorruptDocxError(path, type(exc).__name__) from exc
    except Exception as exc:  # opening only unpacks and parses the file's parts: its bytes
        raise CorruptDocxError(path, type(exc).__name__) from exc


class _Reader:
    def __init__(self, document: Document, path: Path) -> None:
        self.document = document
        self.path = path
        self.styles = Styles(document.styles.element)
        self.numbering = Numbering.of(document, self.styles)
        self.tracked = False

    def read(self) -> WordDocument:
        body = getattr(self.document.element, "body", None)
        if body is None:  # not WordprocessingML as python-docx knows it ("Strict" Open XML)
            raise NotDocxError(self.path)
        self.tracked = any(True for el in body.iter(*_REVISIONS))
        blocks = self._blocks(body)
        sections: list[DocxSection] = []
        for word_section in self.document.sections:
            width = _points(word_section.page_width, 595.3) - _points(
                word_section.left_margin, 72.0) - _points(word_section.right_margin, 72.0)
            section = DocxSection(text_width=max(width, 100.0))
            section.furniture = self._furniture(word_section)
            sections.append(section)
        index = 0
        for block, ends_section in blocks:
            sections[min(index, len(sections) - 1)].blocks.append(block)
            index += ends_section
        return WordDocument(sections, self.tracked)

    def _blocks(self, parent: etree._Element) -> list[tuple[DocxParagraph | DocxTable, bool]]:
        """Paragraphs and tables in order, each with whether a section ends after it."""
        out: list[tuple[DocxParagraph | DocxTable, bool]] = []
        pending: DocxParagraph | None = None  # its mark was deleted: it runs on into the next
        for child in parent:
            if child.tag == qn("w:p"):
                paragraph = self._paragraph(child)
                if pending is not None:
                    paragraph.spans = pending.spans + paragraph.spans
                    pending = None
                ends_section = find(child, "w:pPr/w:sectPr") is not None
                if find(child, "w:pPr/w:rPr/w:del") is not None and not ends_section:
                    pending = paragraph
                    continue
                out.append((paragraph, ends_section))
                continue
            if pending is not None and child.tag in _CONTAINERS:
                out.append((pending, False))  # nothing to run on into: it stays whole
                pending = None
            if child.tag == qn("w:tbl"):
                out.append((self._table(child), False))
            elif child.tag in _CONTAINERS:
                content = child.find(qn("w:sdtContent"))
                out += self._blocks(content if content is not None else child)
        if pending is not None:
            out.append((pending, False))
        return out

    def _paragraph(self, p: etree._Element) -> DocxParagraph:
        style = self.styles.paragraph(p)
        spans: list[Span] = []
        label = self.numbering.label(p)
        if label:
            spans.append(Span(label + " ", style.bold, style.size))
        self._inline(p, style, spans, [])
        return DocxParagraph(spans, style.size, heading=style.outline)

    def _inline(self, parent: etree._Element, style: TextStyle, spans: list[Span],
                fields: list[str]) -> None:
        """Runs in order; `fields` is the stack of open complex fields ("code" / "result")."""
        for child in parent:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == qn("w:r"):
                self._run(child, style, spans, fields)
            elif tag == qn("w:sdt"):
                box = _content_control_box(child)
                if box is not None:
                    spans.append(Span(box, style.bold, style.size))
                    continue
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._inline(content, style, spans, fields)
            elif tag.endswith("}AlternateContent"):
                continue
            else:  # w:ins, w:moveTo, w:hyperlink, w:smartTag, w:customXml, w:fldSimple, …
                self._inline(child, style, spans, fields)

    def _run(self, r: etree._Element, style: TextStyle, spans: list[Span],
             fields: list[str]) -> None:
        run_style = self.styles.run(r, style)
        for child in r:
            tag = child.tag
            if tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    fields.append("code")
                    box = _form_field_box(child)
                    if box is not None:
                        spans.append(Span(box, run_style.bold, run_style.size))
                elif kind == "separate" and fields:
                    fields[-1] = "result"
                elif kind == "end" and fields:
                    fields.pop()
                continue
            if fields and fields[-1] == "code":
                continue
            text = _run_text(child)
            if text:
                spans.append(Span(text, run_style.bold, run_style.size))

    def _table(self, tbl: etree._Element) -> DocxTable:
        grid_el = find(tbl, "w:tblGrid")
        grid = [_twips(col.get(qn("w:w")))
                for col in (grid_el.iterchildren(qn("w:gridCol")) if grid_el is not None else [])]
        width = len(grid) if grid else _MAX_COLUMNS
        rows: list[list[DocxCell]] = []
        for tr in tbl.iterchildren(qn("w:tr")):
            if find(tr, "w:trPr/w:del") is not None:
                continue  # a deleted row: accepted, it is gone
            before = find(tr, "w:trPr/w:gridBefore")
            column = int(before.get(qn("w:val"), "0")) if before is not None else 0
            column = min(max(column, 0), width - 1)
            cells: list[DocxCell] = []
            for tc in _cells(tr):
                span_el = find(tc, "w:tcPr/w:gridSpan")
                span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
                span = min(max(span, 1), max(width - column, 1))  # a span past the grid ends there
                joined = find(tc, "w:tcPr/w:hMerge")  # the old horizontal merge: one wider cell
                if joined is not None and joined.get(qn("w:val"), "continue") == "continue" \
                        and cells:
                    cells[-1].span += span
                    column += span
                    continue
                merge = find(tc, "w:tcPr/w:vMerge")
                continues = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
                paragraphs = [] if continues else self._cell_paragraphs(tc)
                cells.append(DocxCell(column, span, paragraphs))
                column += span
            rows.append(cells)
        needed = max((c.column + c.span for row in rows for c in row), default=0)
        if len(grid) < needed or sum(grid) <= 0:
            grid = [max(sum(grid), 400.0) / max(needed, 1)] * needed
        return DocxTable(grid, rows)

    def _cell_paragraphs(self, tc: etree._Element) -> list[DocxParagraph]:
        """A cell's paragraphs; a table nested in it adds its cells' paragraphs, row by row."""
        out: list[DocxParagraph] = []
        for block, _ in self._blocks(tc):
            if isinstance(block, DocxParagraph):
                out.append(block)
            else:
                out += [p for row in block.rows for cell in row for p in cell.paragraphs]
        return out

    def _furniture(self, word_section: Section) -> list[DocxParagraph]:
        """Every paragraph of the section's headers and footers (text boxes included)."""
        parts = [word_section.header, word_section.footer]
        for name in ("first_page_header", "first_page_footer", "even_page_header",
                     "even_page_footer"):
            part = getattr(word_section, name)
            if not part.is_linked_to_previous:
                parts.append(part)
        out: list[DocxParagraph] = []
        for part in parts:
            root = part._element  # python-docx has no API for text boxes or content controls
            for p in root.iter(qn("w:p")):
                if any(a.tag.endswith("}Fallback") for a in p.iterancestors()):
                    continue  # the same text box again, for older Word versions
                paragraph = self._paragraph(p)
                if paragraph.text.strip():
                    out.append(paragraph)
        return out


def _cells(tr: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    for child in tr:
        if child.tag == qn("w:tc"):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            out += _cells(content if content is not None else child)
    return out


def _run_text(el: etree._Element) -> str:
    tag = el.tag
    if tag == qn("w:t"):
        return (el.text or "").replace("\u00ad", "")  # optional hyphen: shown only at a line end
    if tag in (qn("w:tab"), qn("w:ptab")):
        return " "
    if tag == qn("w:br"):
        return "" if el.get(qn("w:type")) in ("page", "column") else "\n"
    if tag == qn("w:cr"):
        return "\n"
    if tag == qn("w:noBreakHyphen"):
        return "-"
    if tag == qn("w:sym"):
        code = el.get(qn("w:char")) or ""
        try:
            return chr(int(code, 16))  # Wingdings boxes stay private-use (see annex.py)
        except ValueError:
            return ""
    return ""


def _content_control_box(sdt: etree._Element) -> str | None:
    """☒/☐ for a check-box content control, by its state (not by the glyph it shows)."""
    props = find(sdt, "w:sdtPr")
    box = props.find(f"{{{_W14}}}checkbox") if props is not None else None
    if box is None:
        return None
    checked = box.find(f"{{{_W14}}}checked")
    on = checked is not None and checked.get(f"{{{_W14}}}val", "0") in ("1", "true", "on")
    return _CHECKED if on else _UNCHECKED


def _form_field_box(fld_char: etree._Element) -> str | None:
    """☒/☐ for a legacy check-box form field (FORMCHECKBOX)."""
    box = find(fld_char, "w:ffData/w:checkBox")
    if box is None:
        return None
    checked = box.find(qn("w:checked"))
    if checked is None:
        checked = box.find(qn("w:default"))
    return _CHECKED if checked is not None and is_on(checked) else _UNCHECKED


def _twips(value: str | None) -> float:
    try:
        return float(value or 0) / 20
    except ValueError:
        return 0.0


def _points(length: object, default: float) -> float:
    return float(length.pt) if length is not None else default  # type: ignore[attr-defined]
