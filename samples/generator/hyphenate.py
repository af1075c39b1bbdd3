"""Danish hyphenation points for the producers that break lines themselves (reportlab, HTML).

Uses the hyphen-da patterns through pyphen (the dictionary LibreOffice uses too). Only
plain lower-case words are broken: a word with a real hyphen, a digit or an acronym is
never broken, since a real hyphen at a line end cannot be told from a word break (the
docx samples show that case already; see HYPHEN_EXCEPTIONS in tests/test_against_source.py).
"""

from __future__ import annotations

from functools import cache

import pyphen
import regex

_PLAIN = regex.compile(r"^([(\"»]?)(\p{Lu}?\p{Ll}{5,})([.,;:)\"«*]*)$")  # "*": a footnote mark


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="da_DK", left=3, right=3)


def break_points(token: str) -> list[int]:
    """Offsets into `token` where a line may break with a hyphen (empty: never)."""
    m = _PLAIN.match(token)
    if m is None:
        return []
    lead = len(m.group(1))
    return [lead + p for p in _dictionary().positions(m.group(2))]


def with_soft_hyphens(text: str) -> str:
    """Every break point marked with U+00AD (for a browser with `hyphens: manual`)."""
    out = []
    for token in text.split(" "):
        points = break_points(token)
        pieces, last = [], 0
        for p in points:
            pieces.append(token[last:p])
            last = p
        pieces.append(token[last:])
        out.append("\u00ad".join(pieces))
    return " ".join(out)
