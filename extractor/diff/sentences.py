"""Section text → sentences, and two versions of a text → the sentences that changed.

A section is pages of prose; one changed number in it must show as the one sentence
that holds it. Sentences end at a line break or at `.`, `!`, `?` followed by space and
an upper-case letter or a digit; "mio. kr." and "bl.a." stay inside their sentence
because a lower-case word follows. A split in an odd place cuts both versions alike,
so it never makes an unchanged sentence look changed.
"""

from __future__ import annotations

import difflib

import regex

_SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d§\"”(])")


def split_sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        out += [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]
    return out


def changed_sentences(old: str, new: str) -> list[tuple[str | None, str | None]]:
    """(old sentence, new sentence) per change: a replaced sentence pairs with its
    replacement, a removed one has new None, an added one old None."""
    a, b = split_sentences(old), split_sentences(new)
    out: list[tuple[str | None, str | None]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        paired = min(len(olds), len(news))
        out += list(zip(olds[:paired], news[:paired], strict=True))
        out += [(s, None) for s in olds[paired:]]
        out += [(None, s) for s in news[paired:]]
    return out
