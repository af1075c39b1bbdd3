"""Evidence: the places on the page a finding points at, the wrong one first.

A reader of a finding should see the printed number at once instead of hunting
through the PDF. Checks name places with the helpers below: a Tabel 1 cell (the
parser's box for it), a cost-item heading, or a piece of text such as a prose
sentence, whose box is only known once the printed lines are at hand. `resolve`
runs after the checks with the proposal's printed lines: it finds each quoted
text on the page, drops what it cannot find (never a guessed box), and gives a
finding that named no place the one its location names (row and year in Tabel 1,
a cost-item heading, or the quoted row text). Text input has no pages, so its
findings get no evidence at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from extractor.models import Box, CostItem, EconomyRow, Evidence, Finding, Proposal
from extractor.read.page import Line, bbox_of
from extractor.rules import TABLE_1

_ELLIPSIS = "…"


def cell(row: EconomyRow, year: int) -> list[Evidence]:
    """The printed value of `row` in `year`; an empty cell points at the row's label."""
    box = row.cells.get(str(year))
    if box is not None:
        return [_from_box(box)]
    return quote(row.label, row.page)


def cells(rows: Iterable[EconomyRow], years: Iterable[int]) -> list[Evidence]:
    """Every printed value of the rows in the years (empty cells are left out)."""
    wanted = [str(y) for y in years]
    return [_from_box(box) for row in rows for y in wanted if (box := row.cells.get(y))]


def row_cells(row: EconomyRow) -> list[Evidence]:
    """Every printed value of one row, or its label when the row has no printed value."""
    return [_from_box(box) for box in row.cells.values()] or quote(row.label, row.page)


def heading(item: CostItem) -> list[Evidence]:
    """A cost item's bold heading, the line that states its amount."""
    text = f"{item.title}: {item.amount_text}"
    if item.page is not None and item.bbox is not None:
        return [Evidence(page=item.page, bbox=item.bbox, text=text)]
    return quote(text, item.page)


def printed(page: int | None, bbox: list[float] | None, text: str | None) -> list[Evidence]:
    """A value the parser boxed itself (a payback time)."""
    if page is None or bbox is None or not text:
        return []
    return [Evidence(page=page, bbox=bbox, text=text)]


def quote(text: str, page: int | None = None) -> list[Evidence]:
    """A piece of printed text, located by `resolve` (on `page` if it is found there)."""
    text = text.strip().rstrip(_ELLIPSIS).strip()
    return [Evidence(page=page, text=text)] if text else []


def resolve(findings: Sequence[Finding], proposal: Proposal,
            lines: Sequence[Line] | None) -> list[Finding]:
    """The findings with every evidence boxed, located or dropped; none for text input."""
    index = _TextIndex(lines) if lines is not None else None
    out = []
    for f in findings:
        evidence: list[Evidence] = []
        if index is not None:
            wanted = f.location.evidence or _default(f, proposal)
            seen: set[tuple[int | None, tuple[float, ...]]] = set()
            for e in (b for w in wanted for b in index.boxed(w)):
                key = (e.page, tuple(e.bbox or ()))
                if key not in seen:
                    seen.add(key)
                    evidence.append(e)
        location = f.location.model_copy(update={"evidence": evidence})
        out.append(f.model_copy(update={"location": location}))
    return out


def _default(f: Finding, proposal: Proposal) -> list[Evidence]:
    """The place a finding's location names, for a check that named none itself."""
    loc = f.location
    economy = proposal.economy
    if loc.row and economy is not None and loc.table == TABLE_1:
        row = next((r for r in economy.rows if r.label == loc.row), None)
        if row is not None:
            return cell(row, loc.year) if loc.year is not None else row_cells(row)
        stated = next((p for p in economy.payback if p.label == loc.row), None)
        if stated is not None and stated.bbox is not None:
            return printed(stated.page, stated.bbox, stated.text)
    if loc.row:
        item = next((i for i in proposal.cost_items if i.title == loc.row), None)
        return heading(item) if item is not None else quote(loc.row, loc.page)
    if loc.page is not None:
        return quote(loc.table or proposal.title, loc.page)
    return []


def _from_box(box: Box) -> Evidence:
    return Evidence(page=box.page, bbox=box.bbox, text=box.text or "")


def _normal(text: str) -> str:
    """Letters and digits only, case-folded: the printed line breaks, hyphens and spaces
    that the parsed text joined or collapsed do not stop a quote from being found."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


class _TextIndex:
    """The proposal's printed words as one searchable string, each character traced to
    its page, line and word, so a quote found in the string gives back the words (and
    boxes) it covers."""

    def __init__(self, lines: Sequence[Line]) -> None:
        chars: list[str] = []
        self.lines = list(lines)
        self.owner: list[tuple[int, int]] = []  # (line, word) of each character
        for n, line in enumerate(self.lines):
            for k, word in enumerate(line.words):
                norm = _normal(word.text)
                chars.append(norm)
                self.owner += [(n, k)] * len(norm)
        self.text = "".join(chars)

    def boxed(self, e: Evidence) -> list[Evidence]:
        """The evidence itself if it has a box; else one box per printed line its text
        covers (a sentence that starts mid-line is outlined from there, not the whole
        line), each with the words it holds there."""
        if e.bbox is not None:
            return [e]
        needle = _normal(e.text)
        if not needle:
            return []
        starts = []
        at = self.text.find(needle)
        while at >= 0:
            starts.append(at)
            at = self.text.find(needle, at + 1)
        if not starts:
            return []
        start = next((s for s in starts if self.lines[self.owner[s][0]].page == e.page),
                     starts[0])
        spans: dict[int, tuple[int, int]] = {}  # line → first and last word covered
        for n, k in self.owner[start:start + len(needle)]:
            first, _ = spans.get(n, (k, k))
            spans[n] = (first, k)
        out = []
        for n, (first, last) in spans.items():
            words = self.lines[n].words[first:last + 1]  # with the signs between ("§")
            out.append(Evidence(page=self.lines[n].page, bbox=bbox_of(words),
                                text=" ".join(w.text for w in words)))
        return out
