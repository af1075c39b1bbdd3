"""One proposal located in a Word file → the contract's Proposal, through the PDF parsers.

The Word body is laid out as pages of positioned words (`read/docx_pages.py`), so
`parse_proposal` reads it like a PDF. What is different is said here: those pages
are not the printed pages (Word computes page breaks only when it prints), so every
page number anywhere in the proposal (`pages`, and each `page` field: Tabel 1, its
rows, cost items, finding locations, and any added later) is dropped, and a document
with tracked changes gets an info finding, since it was read as if every change were
accepted.
"""

from __future__ import annotations

from typing import Any

from extractor.models import Proposal
from extractor.parse.proposal import parse_proposal
from extractor.rules import finding
from extractor.segment.layout import ProposalLayout

_PAGE_FIELDS = ("page", "pages")


def parse_docx_proposal(layout: ProposalLayout, tracked_changes: bool) -> Proposal:
    proposal = Proposal.model_validate(_without_pages(parse_proposal(layout).model_dump()))
    if tracked_changes:
        proposal.findings.append(finding(
            "document.tracked_changes",
            "Word-dokumentet indeholder sporede ændringer; det er læst, som om alle ændringer "
            "er accepteret (indsat tekst med, slettet tekst udeladt). Accepter eller afvis "
            "ændringerne i Word, hvis det ikke er den endelige tekst."))
    return proposal


def _without_pages(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: None if k in _PAGE_FIELDS else _without_pages(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_pages(v) for v in value]
    return value
