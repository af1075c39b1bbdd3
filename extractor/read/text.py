"""Text file → one page of positioned words, the plain data the PDF reader produces.

Already-extracted text (pasted or exported from another system) carries no page
breaks, fonts or positions. The reader gives every text line its own synthetic
baseline (line n of the file at y = n × pitch; blank lines keep their place, so
order is the file's order) and every word an x from its column in the line, on a
single page numbered 1. Later stages that need real geometry (Tabel 1, Tabel 2,
the front-page table) have text-specific parsers; page numbers in the output are
null, because the text does not say where a page ends.

Page headers and footers ("Overførselssagen 2025-2026", "Investeringsforslag",
"… 4/7") stand as lines of their own in such text, in the middle of the running
text. They are moved to `Page.furniture`, as the PDF path does, so the header
parser reads the budget round and document type back from them:
- a line ending in a page number ("4/7", "side 4 af 7");
- a line whose text equals the text before such a page number ("Overførselssagen
  2025-2026"), or a line "<Word> <year or years>" ("Budget 2027") standing alone at
  least twice;
- a "…forslag" line ("Investeringsforslag") right next to another header line, or
  standing alone at least twice within a few lines of one.

Encoding: a byte-order mark decides (UTF-8, UTF-16 or UTF-32, as Notepad and Excel
write them); without one, UTF-8. A file that is not valid UTF-8 anywhere is decoded
as Windows-1252, the Danish Windows default (which also covers Latin-1 text). A
UTF-8 file with a few bad lines (one stray Windows-1252 byte pasted in) is decoded
line by line: the good lines as UTF-8, only the bad ones as Windows-1252, and each
such line is named (`DecodedText.fallback_lines`, a finding `text.encoding`) —
decoding the whole file as Windows-1252 would turn every "ø" into "Ã¸" and lose
the proposals. A file with NUL bytes (outside UTF-16/32) or mostly control
characters is not text: `not_pdf` ("unsupported type"). An empty file reads as no
lines; the caller reports `not_a_proposal`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from extractor.errors import NotFoundError, NotTextError
from extractor.read import TEXT_SUFFIXES
from extractor.read.page import Line, Page, Word
from extractor.read.text_lines import collapse_spaces
from extractor.template import COPENHAGEN, Template

PITCH = 12.0  # synthetic line pitch, pt
CHAR_WIDTH = 5.0  # synthetic width of one character, pt
_HEIGHT = 10.0  # synthetic word height, pt
_MARGIN = 20.0
_WIDTH = 600.0
_HEADER_WORDS = 5  # a running header is short
_NEAR = 3  # lines: a document-type line must stand this close to another header line
_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def is_text_file(path: Path) -> bool:
    """A .txt name, unless the bytes are a PDF's (a PDF saved under the wrong name is read)."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return False
    try:
        with path.open("rb") as f:
            return not f.read(1024).lstrip().startswith(b"%PDF-")
    except OSError:
        return True  # the text reader reports the file (not_found, …)


@dataclass(frozen=True)
class DecodedText:
    text: str
    fallback_lines: tuple[int, ...] = ()  # 1-based lines of a UTF-8 file read as Windows-1252


def decode_text(data: bytes, path: Path) -> str:
    """The file's text (see `decode`)."""
    return decode(data, path).text


def decode(data: bytes, path: Path) -> DecodedText:
    """The file's text by its byte-order mark, else UTF-8, else per line; binary raises."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(DecodedText(data[len(bom):].decode(codec)), path)
            except UnicodeDecodeError as exc:
                raise NotTextError(path) from exc
    if b"\x00" in data:
        raise NotTextError(path)
    try:
        return _checked(DecodedText(data.decode("utf-8")), path)
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    decoded: list[str] = []
    fallback: list[int] = []
    for n, line in enumerate(lines, start=1):
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            fallback.append(n)
    if not any(_is_utf8_beyond_ascii(line) for line in lines):
        fallback = []  # a Windows-1252 file throughout: nothing mixed to report
    return _checked(DecodedText("\n".join(decoded), tuple(fallback)), path)


def _is_utf8_beyond_ascii(line: bytes) -> bool:
    if line.isascii():
        return False
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _checked(decoded: DecodedText, path: Path) -> DecodedText:
    text = decoded.text
    if text and len(_CONTROL.findall(text)) > 0.05 * len(text):
        raise NotTextError(path)
    return decoded


def load_text(path: Path) -> DecodedText:
    """The file's text (see `decode`); a missing file is `not_found`."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise NotFoundError(path) from exc
    return decode(data, path)


def read_text(path: Path, template: Template = COPENHAGEN) -> list[Page]:
    """The file as one page of words with synthetic positions, furniture set apart."""
    return text_to_pages(load_text(path).text, template)


def raw_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")


def text_to_pages(text: str, template: Template = COPENHAGEN) -> list[Page]:
    raw = raw_lines(text)
    furniture_idx = furniture_lines(raw, template)
    words: list[Word] = []
    furniture: list[Line] = []
    for n, line in enumerate(raw):
        line_words = _line_words(line, n)
        if n in furniture_idx:
            if line_words:
                furniture.append(Line(tuple(line_words), 1))
        else:
            words += line_words
    height = _MARGIN * 2 + PITCH * max(len(raw), 1)
    return [Page(number=1, width=_WIDTH, height=height, words=words, furniture=furniture)]


def line_top(n: int) -> float:
    return _MARGIN + n * PITCH


def _line_words(line: str, n: int) -> list[Word]:
    top = line_top(n)
    out = []
    for m in regex.finditer(r"\S+", line.replace("\t", " ")):
        x0 = _MARGIN + m.start() * CHAR_WIDTH
        out.append(Word(m.group(), x0, x0 + len(m.group()) * CHAR_WIDTH, top, top + _HEIGHT))
    return out


def furniture_lines(raw: list[str], template: Template = COPENHAGEN) -> set[int]:
    """Indexes of the lines that are page headers or footers (see the module docstring)."""
    texts = [collapse_spaces(line) for line in raw]
    found: set[int] = set()
    learned: set[str] = set()
    for n, text in enumerate(texts):
        m = template.page_number_line.match(text)
        if m and len(text.split()) <= _HEADER_WORDS + 1:
            found.add(n)
            if m.group(1):
                learned.add(m.group(1))
    counts = Counter(texts)
    for n, text in enumerate(texts):
        if text in learned or (counts[text] >= 2 and template.case_line.match(text)):
            found.add(n)
    for n, text in enumerate(texts):
        near = min((abs(n - k) for k in found), default=_NEAR + 1)
        if template.document_type_line.match(text) and (
                near == 1 or (counts[text] >= 2 and near <= _NEAR)):
            found.add(n)
    return found

