"""Word's formatting inheritance, as far as the parsers need it: bold, size, headings, numbers.

A run's weight and size come from the first of: the run's own properties, its
character style (and the styles that one is based on), the paragraph's style chain,
the document defaults. A paragraph is a heading when it or its style chain has an
outline level (Word's "Overskrift 1"/"Heading 1" styles). Automatic numbers are
counted per list definition, the way Word counts them, so "1. Beskrivelse" …
"6. Hvem er hørt" come out as printed even when the digits are not in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

_DEFAULT_SIZE = 10.0  # pt: Word's size when nothing sets one
_OFF = ("0", "false", "off", "none")
_LEVELS = 9


@dataclass(frozen=True)
class TextStyle:
    bold: bool
    size: float
    outline: bool = False


def find(el: etree._Element, path: str) -> etree._Element | None:
    """`find(el, "w:pPr/w:numPr")` with the WordprocessingML namespace, whatever the prefixes."""
    return el.find("/".join(qn(step) for step in path.split("/")))


def is_on(el: etree._Element) -> bool:
    """A toggle property (`<w:b/>`, `<w:b w:val="0"/>`) or a check box's state."""
    return el.get(qn("w:val"), "true").lower() not in _OFF


class Styles:
    def __init__(self, root: etree._Element) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        for style in root.iter(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id is None:
                continue
            self.by_id[style_id] = style
            if style.get(qn("w:type")) == "paragraph" and is_on_attr(style, "w:default"):
                self.default_paragraph = style_id
        defaults = find(root, "w:docDefaults/w:rPrDefault/w:rPr")
        self.default_bold = _bold(defaults) if defaults is not None else None
        size = _size(defaults) if defaults is not None else None
        self.default_size = size if size is not None else _DEFAULT_SIZE

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, most specific first (cycles cut)."""
        out: list[etree._Element] = []
        while style_id is not None and style_id in self.by_id:
            style = self.by_id[style_id]
            if any(s is style for s in out):
                break
            out.append(style)
            based = find(style, "w:basedOn")
            style_id = based.get(qn("w:val")) if based is not None else None
        return out

    def paragraph_chain(self, p: etree._Element) -> list[etree._Element]:
        ref = find(p, "w:pPr/w:pStyle")
        return self.chain(ref.get(qn("w:val")) if ref is not None else self.default_paragraph)

    def paragraph(self, p: etree._Element) -> TextStyle:
        chain = self.paragraph_chain(p)
        props = [find(s, "w:rPr") for s in chain]
        bold = _first([_bold(r) for r in props if r is not None], self.default_bold)
        size = _first([_size(r) for r in props if r is not None], self.default_size)
        outline = _outline(find(p, "w:pPr")) or any(
            _outline(find(s, "w:pPr")) or _heading_name(s) for s in chain)
        return TextStyle(bool(bold), float(size), outline)

    def run(self, r: etree._Element, paragraph: TextStyle) -> TextStyle:
        props = [find(r, "w:rPr")]
        ref = find(r, "w:rPr/w:rStyle")
        if ref is not None:
            props += [find(s, "w:rPr") for s in self.chain(ref.get(qn("w:val")))]
        present = [p for p in props if p is not None]
        bold = _first([_bold(p) for p in present], paragraph.bold)
        size = _first([_size(p) for p in present], paragraph.size)
        return TextStyle(bool(bold), float(size), paragraph.outline)

    def numbering_of(self, p: etree._Element) -> tuple[str, int] | None:
        """(numId, level) of the paragraph's own or its style's numbering, None for none."""
        holders = [find(p, "w:pPr"), *(find(s, "w:pPr") for s in self.paragraph_chain(p))]
        num_id: str | None = None
        level: int | None = None
        for holder in holders:
            num = find(holder, "w:numPr") if holder is not None else None
            if num is None:
                continue
            if num_id is None and (el := find(num, "w:numId")) is not None:
                num_id = el.get(qn("w:val"))
            if level is None and (el := find(num, "w:ilvl")) is not None:
                level = int(el.get(qn("w:val"), "0") or 0)
        if num_id is None or num_id == "0":
            return None
        return num_id, min(max(level or 0, 0), _LEVELS - 1)


def is_on_attr(el: etree._Element, name: str) -> bool:
    return el.get(qn(name), "0").lower() in ("1", "true", "on")


def _bold(rpr: etree._Element) -> bool | None:
    el = find(rpr, "w:b")
    return is_on(el) if el is not None else None


def _size(rpr: etree._Element) -> float | None:
    el = find(rpr, "w:sz")
    try:
        size = float(el.get(qn("w:val"), "")) / 2 if el is not None else None
    except ValueError:
        return None
    return size if size is not None and 1 <= size <= 1000 else None  # else: not a size


def _outline(ppr: etree._Element | None) -> bool:
    el = find(ppr, "w:outlineLvl") if ppr is not None else None
    return el is not None and el.get(qn("w:val"), "9").isdigit() and int(el.get(qn("w:val"))) < 9


def _heading_name(style: etree._Element) -> bool:
    name = find(style, "w:name")
    value = (name.get(qn("w:val"), "") if name is not None else "").lower()
    return value.startswith(("heading ", "overskrift "))


def _first(values: list[bool | float | None], default: bool | float | None) -> bool | float:
    return next((v for v in values if v is not None), default or 0)


@dataclass
class _Level:
    start: int
    fmt: str
    text: str


class Numbering:
    """Counts automatic list numbers through the body and writes each paragraph's label."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstract, restarts)
        self.counters: dict[str, list[int | None]] = {}
        self.restarted: set[str] = set()
        if root is None:
            return
        for abstract in root.iter(qn("w:abstractNum")):
            self.abstract[abstract.get(qn("w:abstractNumId"), "")] = _levels(abstract)
        for num in root.iter(qn("w:num")):
            ref = find(num, "w:abstractNumId")
            restarts: dict[int, int] = {}
            for override in num.iter(qn("w:lvlOverride")):
                start = find(override, "w:startOverride")
                if start is not None:
                    restarts[int(override.get(qn("w:ilvl"), "0"))] = int(start.get(qn("w:val"),
                                                                                 "1"))
            self.nums[num.get(qn("w:numId"), "")] = (
                ref.get(qn("w:val"), "") if ref is not None else "", restarts)

    @classmethod
    def of(cls, document: Document, styles: Styles) -> Numbering:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        return cls(root, styles)

    def label(self, p: etree._Element) -> str:
        found = self.styles.numbering_of(p)
        if found is None or found[0] not in self.nums:
            return ""
        num_id, level = found
        abstract_id, restarts = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * _LEVELS)
        if num_id not in self.restarted and restarts:
            self.restarted.add(num_id)
            for lvl, start in restarts.items():
                if 0 <= lvl < _LEVELS:
                    counters[lvl] = start - 1
        current = counters[level]
        counters[level] = levels[level].start if current is None else current + 1
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = None
        spec = levels[level]
        if spec.fmt == "bullet":
            return "•"
        if spec.fmt == "none":
            return ""
        text = spec.text
        for n in range(_LEVELS):
            if f"%{n + 1}" in text:
                lvl = levels.get(n, _Level(1, "decimal", ""))
                value = counters[n] if counters[n] is not None else lvl.start
                text = text.replace(f"%{n + 1}", _format(int(value or 0), lvl.fmt))
        return text


def _levels(abstract: etree._Element) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for lvl in abstract.iter(qn("w:lvl")):
        start = find(lvl, "w:start")
        fmt = find(lvl, "w:numFmt")
        text = find(lvl, "w:lvlText")
        out[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
            int(start.get(qn("w:val"), "1")) if start is not None else 1,
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "")
    return out


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letters = ""
        n = value
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero" and value < 10:
        return f"0{value}"
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while value >= number:
            out += digits
            value -= number
    return out
