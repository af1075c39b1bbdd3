"""Words → text lines, and text lines → clean running text.

Word hyphenates at line ends; the contract wants the words whole again
(`forløbspro-` + `gram` → `forløbsprogram`) while real hyphens stay
(`unge- og voksenområderne`, `CTI-forløb`, `peer-støtte`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter

import regex

from extractor.read.page import Line, Word

_LINE_TOLERANCE = 2.5  # pt; words whose tops differ less sit on one line
_BY_TOP_X0, _BY_X0 = attrgetter("top", "x0"), attrgetter("x0")  # (the stages call it often)
_CONJUNCTIONS = frozenset({"og", "eller", "&"})
# also word endings ("lige-" "som", "ind-" "til"): conjunctions only after a number ("2026- til")
_CONJUNCTIONS_AFTER_NUMBER = frozenset({"samt", "til", "som"})
# Producers print a word break as ASCII "-", U+2010 HYPHEN, U+00AD SOFT HYPHEN,
# U+2011 NON-BREAKING HYPHEN or U+2212 MINUS SIGN; all are read as "-".
LINE_END_HYPHENS = "-\u2010\u00ad\u2011\u2212"
_HYPHEN_END = regex.compile(rf"(?<=[\p{{L}}\d§])[{LINE_END_HYPHENS}]$")
_KEEP_HYPHEN_STEM = regex.compile(r"(?:\p{Lu}{2,}|\d|§)[\p{L}\d]*-$")  # "CTI-", "IT-", "2026-"
_SPACES = regex.compile(r"\s+")
_WORD_HYPHEN = regex.compile(r"(?<=\w)[\u2010\u2011](?=\w)")


def words_to_lines(words: Iterable[Word], page: int) -> list[Line]:
    """Group words that share a line (by their top edge), top to bottom, left to right.

    Words are first sorted by top; a word joins the current line when its top is
    within the tolerance of the line's first word, which keeps superscripts and
    slightly offset fonts on their line without chaining distant lines together.
    """
    lines: list[list[Word]] = []
    line_top = 0.0  # the current line's first word's
    for word in sorted(words, key=_BY_TOP_X0):
        if lines and abs(word.top - line_top) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
            line_top = word.top
    return [Line(tuple(sorted(ws, key=_BY_X0)), page) for ws in lines]


def join_lines(texts: Sequence[str], vocabulary: frozenset[str] = frozenset()) -> str:
    """Join wrapped lines into one string, undoing line-end hyphenation.

    `vocabulary` holds the words the document prints whole (`document_vocabulary`):
    a line-end hyphen that rebuilds a hyphenated one ("peer-støtte") is kept, since
    the document itself shows it is a real hyphen, and a word cut without a hyphen
    is joined again where the document shows it whole (see _broken_word).
    """
    out = ""
    for raw in texts:
        text = collapse_spaces(raw)
        if not text:
            continue
        if not out:
            out = text
            continue
        out = _join_two(out, text, vocabulary)
    return out


_LONE_HYPHEN_END = regex.compile(r"(?<=\p{L}) [\u2010\u00ad\u2011]$")


_URL_BREAK = regex.compile(r"://\S*/$|://$")
# Layout engines may break a line after a slash that joins two words ("barnet/" + "den
# unge"); a slash written with a space after it is rare in running text.
_SLASH_BREAK = regex.compile(r"[^\s:]/$")  # "barnet/", "kommunikations-/"


def _join_two(left: str, right: str, vocabulary: frozenset[str]) -> str:
    if _URL_BREAK.search(left):
        return f"{left}{right}"  # an address broken after a slash: "http://" + "x"
    if _SLASH_BREAK.search(left) and right[:1].isalnum():
        return f"{left}{right}"
    if _LONE_HYPHEN_END.search(left) and right[:1].isalpha():
        # Chromium sets the hyphen of a break at a soft hyphen apart: "Kommunikations ‑"
        left = left[:-2] + left[-1]
    if not _HYPHEN_END.search(left):
        return _broken_word(left, right, vocabulary) or f"{left} {right}"
    head, _, last = left.rpartition(" ")
    last = last[:-1] + "-"
    first, _, rest = right.partition(" ")
    if last[-2:-1].isdigit() and first[:1].isdigit():
        joined = f"{last}{first}"  # a range: "2026-" + "2029" → "2026-2029"
        merged = f"{head} {joined}" if head else joined
        return f"{merged} {rest}" if rest else merged
    conjunction = first.lower() in _CONJUNCTIONS or (
        first.lower() in _CONJUNCTIONS_AFTER_NUMBER and not last[:-1].isalpha())
    if conjunction or not first[:1].isalpha():
        # "unge- og voksenområderne" stays apart
        return f"{head} {last} {right}" if head else f"{last} {right}"
    hyphenated = f"{last}{first}"
    if _KEEP_HYPHEN_STEM.search(last) or _bare(hyphenated) in vocabulary:
        joined = hyphenated
    elif first[:1].isupper():
        joined = hyphenated  # "Social-Forvaltning" style compounds keep their hyphen
    else:
        joined = f"{last[:-1]}{first}"
    merged = f"{head} {joined}" if head else joined
    return f"{merged} {rest}" if rest else merged


def _broken_word(left: str, right: str, vocabulary: frozenset[str]) -> str | None:
    """The two lines joined inside a word a layout engine broke without a hyphen, or None.

    A word wider than its table cell is cut where the cell ends ("forløbsprogr" + "am").
    The lines are joined without a space only where the document prints the joined word
    whole elsewhere and prints neither piece as a word: two words that happen to make a
    third ("drift" + "udgift") stay apart; a word the document never prints whole stays
    cut (and reads wrong, visibly)."""
    head, _, last = left.rpartition(" ")
    first, _, rest = right.partition(" ")
    if not (last[-1:].isalpha() and first[:1].islower()):
        return None
    joined = f"{last}{first}"
    if (_bare(joined) not in vocabulary or _bare(last) in vocabulary
            or _bare(first) in vocabulary):
        return None
    merged = f"{head} {joined}" if head else joined
    return f"{merged} {rest}" if rest else merged


def document_vocabulary(lines: Iterable[str]) -> frozenset[str]:
    """The words a document prints whole (lower case, bare of punctuation): hyphenated
    words inside a line (not at its end: real hyphens), and any word between a line's
    first and last (no line break can have cut it)."""
    found: set[str] = set()
    for text in lines:
        tokens = text.split()
        for index, token in enumerate(tokens[:-1]):
            bare = _bare(token)
            if index or "-" in bare.strip("-"):
                found.add(bare)
    return frozenset(found)


def _bare(token: str) -> str:
    return token.strip(".,;:()»«\"'”“‘’").lower()


def collapse_spaces(text: str) -> str:
    """Single spaces; a hyphen inside a word printed as U+2010 or U+2011 (non-breaking)
    reads as "-", as the document's reader sees it."""
    return _SPACES.sub(" ", _WORD_HYPHEN.sub("-", text)).strip()
