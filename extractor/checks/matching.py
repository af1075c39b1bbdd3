"""Cost-item headings of section 2 ↔ Tabel 1 rows, matched by label within a group.

Headings are usually the row label, shortened or reworded ("Implementering af
tværfagligt team" ↔ "Implementering af tværfaglige teams", "Projektledelse" ↔
"Projektledelse (3,5 år)"). One heading may cover two rows: "… på unge- og
voksenområderne" = the "… på ungeområdet" row + the "… på voksenområdet" row.

Labels become content words (lower case, no stop words; a suspended compound
"unge-" before "og" matches any word starting with "unge"). Two words match when
equal, when one is the other plus an inflection ("team"/"teamet"), or when they
share a long common beginning ("tværfagligt"/"tværfaglige", "voksenområdet"/
"voksenområderne"). A candidate (one row, or two rows together) scores 0.7 × the
share of the heading's words it holds + 0.3 × the share of its own words the heading
holds (words in parentheses count half). Pairs are taken only when they hold clearly
more of the heading than the best single row. Headings and rows are then paired
greedily, best score first, each row used once.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractor.models import CostItem, EconomyRow

_STOP = frozenset({
    "og", "i", "på", "af", "til", "for", "med", "en", "et", "ved", "om", "fra", "samt",
    "de", "den", "det", "der", "som", "at", "eller", "frem",
})
_WORD = regex.compile(r"[\p{L}\d]+")
_SUSPENDED = regex.compile(r"([\p{L}\d]+)-\s+(?:og|eller)\b", regex.IGNORECASE)
_PARENS = regex.compile(r"\([^)]*\)")
_INFLECTIONS = frozenset({"e", "n", "r", "s", "t", "en", "et", "er", "es", "ne", "ere", "erne",
                          "ens", "ets"})
MIN_SCORE = 0.6
MIN_HEADING_SHARE = 0.6
_PAIR_GAIN = 0.1
_PAIR_ROW_SHARE = 0.7


@dataclass(frozen=True)
class Words:
    main: tuple[str, ...]
    aside: tuple[str, ...]  # words in parentheses
    prefixes: frozenset[str]  # suspended compounds ("unge-")

    @property
    def all(self) -> tuple[str, ...]:
        return self.main + self.aside


def words_of(text: str) -> Words:
    prefixes = frozenset(m.lower() for m in _SUSPENDED.findall(text))
    aside_text = " ".join(_PARENS.findall(text))
    main_text = _PARENS.sub(" ", text)

    def content(t: str) -> tuple[str, ...]:
        return tuple(w for w in (m.lower() for m in _WORD.findall(t)) if w not in _STOP)

    return Words(content(main_text), content(aside_text), prefixes)


def words_match(a: str, b: str, prefixes: frozenset[str] = frozenset()) -> bool:
    if a == b:
        return True
    if (a in prefixes and b.startswith(a)) or (b in prefixes and a.startswith(b)):
        return True
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < 4:
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short):] in _INFLECTIONS:
        return True  # "team"/"teamet", "indsats"/"indsatser"
    common = len(_common_prefix(a, b))
    return common >= 4 and common >= 0.75 * max(len(a), len(b))


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _held(word: str, others: Sequence[str], prefixes: frozenset[str]) -> bool:
    return any(words_match(word, o, prefixes) for o in others)


def heading_share(heading: Words, rows: Sequence[Words]) -> float:
    """Share of the heading's words found in the row labels."""
    pool = [w for r in rows for w in r.all]
    if not heading.all:
        return 0.0
    held = sum(_held(w, pool, heading.prefixes) for w in heading.all)
    return held / len(heading.all)


def row_share(row: Words, heading: Words) -> float:
    """Share of the row label's words found in the heading (parenthesised words weigh half)."""
    weight = len(row.main) + 0.5 * len(row.aside)
    if not weight:
        return 0.0
    held = sum(_held(w, heading.all, heading.prefixes) for w in row.main)
    held += 0.5 * sum(_held(w, heading.all, heading.prefixes) for w in row.aside)
    return held / weight


@dataclass(frozen=True)
class Candidate:
    item: int
    rows: tuple[int, ...]
    score: float


def _candidates(index: int, heading: Words, rows: Sequence[Words]) -> list[Candidate]:
    singles = []
    for r, row in enumerate(rows):
        h = heading_share(heading, [row])
        s = row_share(row, heading)
        if h >= MIN_HEADING_SHARE and 0.7 * h + 0.3 * s >= MIN_SCORE:
            singles.append(Candidate(index, (r,), 0.7 * h + 0.3 * s))
    best_h = max((heading_share(heading, [rows[c.rows[0]]]) for c in singles), default=0.0)
    pairs = []
    near = [r for r, row in enumerate(rows) if row_share(row, heading) >= _PAIR_ROW_SHARE]
    for a, b in itertools.combinations(near, 2):
        h = heading_share(heading, [rows[a], rows[b]])
        s = min(row_share(rows[a], heading), row_share(rows[b], heading))
        if h >= best_h + _PAIR_GAIN and h >= MIN_HEADING_SHARE:
            pairs.append(Candidate(index, (a, b), 0.7 * h + 0.3 * s))
    return singles + pairs


def match_items(items: Sequence[CostItem], rows: Sequence[EconomyRow]
                ) -> dict[int, tuple[int, ...]]:
    """item index → indexes of its row(s); items without a match are left out."""
    heading_words = [words_of(i.title) for i in items]
    row_words = [words_of(r.label) for r in rows]
    candidates = [c for i, h in enumerate(heading_words) for c in _candidates(i, h, row_words)]
    candidates.sort(key=lambda c: (-c.score, -len(c.rows), c.item, c.rows))
    taken: dict[int, tuple[int, ...]] = {}
    used: set[int] = set()
    for c in candidates:
        if c.item in taken or used.intersection(c.rows):
            continue
        taken[c.item] = c.rows
        used.update(c.rows)
    return taken
