"""Characters → words, for both PDF readers: pdfplumber's `extract_words` rules (its
defaults), plus one of our own.

Both readers hand the later stages the very same words, so both group their characters
here: the pdfplumber reader its library's characters, the PDFium reader its own.

- consecutive characters (in content-stream order) of the same style (direction,
  font, size) form a run; pdfplumber never joins characters of two runs into a word;
- a run's characters are clustered into lines by their top edge (values chained
  within 3 pt), each line sorted left to right;
- a word ends at a blank character, where the next character starts left of the
  previous one's start, more than 3 pt after its end, or more than 3 pt off its top;
- unlike pdfplumber, a word also ends at a gap wider than `WORD_GAP` of the font size
  (where the file has no space character), except next to a hyphen;
- ligature characters ("ﬁ") are spelled out.

Non-upright characters (turned text) follow the same rules turned by 90°: lines are
clustered by x0 and read top to bottom, as pdfplumber does.

Characters are plain tuples, since a page has thousands: (text, x0, x1, top,
bottom, style), `style` an index into the styles list.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from extractor.read.page import Word
from extractor.read.text_lines import LINE_END_HYPHENS

_TOLERANCE = 3.0  # pt, pdfplumber's x_tolerance and y_tolerance defaults
# A gap wider than this share of the font size ends a word also where the file writes no
# space character (Cairo drops the space wherever it starts a new glyph run): the
# narrowest common space is about 0.2 em (Carlito 0.23, Liberation 0.28), the gap between
# the letters of a word a few hundredths. pdfplumber's 3 pt alone is wider than a space
# below 11 pt and glued such words ("medarbejderi drift"). Not next to a hyphen: on
# justified lines LibreOffice sets a hyphen apart by up to a fifth of an em, at a line
# end and inside a line ("peer -samskabte"), without a space.
WORD_GAP = 0.15
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"})

Char = tuple[str, float, float, float, float, int]  # text, x0, x1, top, bottom, style
_TEXT, _X0, _X1, _TOP, _BOTTOM, _STYLE = range(6)
_GET_STYLE = itemgetter(_STYLE)


class Style(NamedTuple):
    upright: bool
    font: int  # identifies the font: characters of two fonts never share a word
    size: float  # unrounded, as pdfplumber compares it
    bold: bool


def chars_to_words(chars: list[Char], styles: list[Style]) -> list[Word]:
    """`chars` in content-stream order, as pdfplumber sees them."""
    words: list[Word] = []
    same = _same_style(styles)
    key = _GET_STYLE if same == list(range(len(same))) else lambda c: same[c[_STYLE]]
    for style_index, run in groupby(chars, key=key):
        style = styles[style_index]
        if style.upright:
            lines = _lines(list(run), _TOP, _X0)
            words += _split(lines, _X0, _X1, _TOP, style)
        else:
            lines = _lines(list(run), _X0, _TOP)
            words += _split(lines, _TOP, _BOTTOM, _X0, style)
    return words


def _same_style(styles: list[Style]) -> list[int]:
    """Each style's first equal: sizes equal to 0.001 pt are one size. pdfplumber splits a
    run wherever the size differs in its last bit, and such noise comes from arithmetic
    (Chromium draws under a scaling matrix), not from the file: pdfminer's doubles and
    PDFium's floats split runs in different places, and so order words differently."""
    first: dict[tuple[bool, int, float, bool], int] = {}
    return [first.setdefault((s.upright, s.font, round(s.size, 3), s.bold), i)
            for i, s in enumerate(styles)]


def _lines(run: list[Char], line_key: int, along: int) -> list[list[Char]]:
    """pdfplumber's cluster_objects: distinct key values chained within the tolerance,
    the clusters in order of their values, each sorted along the line (stable sorts)."""
    values = sorted({c[line_key] for c in run})
    if len(values) == 1:
        return [sorted(run, key=itemgetter(along))]
    cluster_of: dict[float, int] = {}
    cluster = 0
    last = values[0]
    for value in values:
        if value > last + _TOLERANCE:
            cluster += 1
        cluster_of[value] = cluster
        last = value
    lines: list[list[Char]] = [[] for _ in range(cluster + 1)]  # (none stays empty)
    for char in run:
        lines[cluster_of[char[line_key]]].append(char)
    by_along = itemgetter(along)
    for line in lines:
        line.sort(key=by_along)
    return lines


def _split(lines: list[list[Char]], start: int, end: int, across: int,
           style: Style) -> list[Word]:
    words: list[Word] = []
    space = WORD_GAP * style.size
    bold, size = style.bold, round(style.size, 1)
    hyphens = LINE_END_HYPHENS
    for line in lines:
        current: list[Char] = []
        prev = line[0]
        for char in line:
            text = char[_TEXT]
            if text.isspace():
                if current:
                    words.append(_word(current, bold, size))
                    current = []
                continue
            if current:
                gap = char[start] - prev[end]
                if (char[start] < prev[start] or gap > _TOLERANCE
                        or (gap > space and not (text in hyphens or prev[_TEXT] in hyphens))
                        or abs(char[across] - prev[across]) > _TOLERANCE):
                    words.append(_word(current, bold, size))
                    current = []
            current.append(char)
            prev = char
        if current:
            words.append(_word(current, bold, size))
    return words


def _word(chars: list[Char], bold: bool, size: float) -> Word:
    if len(chars) == 1:
        first = chars[0]
        return Word(first[_TEXT].translate(_LIGATURES), first[_X0], first[_X1], first[_TOP],
                    first[_BOTTOM], bold, size)
    texts, x0s, x1s, tops, bottoms, _ = zip(*chars, strict=True)
    return Word("".join(texts).translate(_LIGATURES), min(x0s), max(x1s), min(tops),
                max(bottoms), bold, size)
