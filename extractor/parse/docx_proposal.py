"""One proposal located in a Word file → the contract's Proposal, through the PDF parsers.

The Word body is laid out as pages of positioned words (`read/docx_pages.py`), so
`parse_proposal` reads it like a PDF. What is different is said here: those pages
are not the printed pages (Word computes page breaks only when it prints), so every
page number is dropped, and a document with tracked changes gets an info finding,
since it was read as if every change were accepted.
"""

from __future__ import annotations

from extractor.models import Proposal
from extractor.parse.proposal import parse_proposal
from extractor.rules import finding
from extractor.segment.layout import ProposalLayout


def parse_docx_proposal(layout: ProposalLayout, tracked_changes: bool) -> Proposal:
    proposal = parse_proposal(layout)
    economy = proposal.economy
    if economy is not None:
        economy = economy.model_copy(update={
            "page": None, "rows": [r.model_copy(update={"page": None}) for r in economy.rows]})
    findings = [f.model_copy(update={"location": f.location.model_copy(update={"page": None})})
                for f in proposal.findings]
    if tracked_changes:
        findings.append(finding(
            "document.tracked_changes",
            "Word-dokumentet indeholder sporede ændringer; det er læst, som om alle ændringer "
            "er accepteret (indsat tekst med, slettet tekst udeladt). Accepter eller afvis "
            "ændringerne i Word, hvis det ikke er den endelige tekst."))
    return proposal.model_copy(update={
        "pages": None,
        "economy": economy,
        "cost_items": [c.model_copy(update={"page": None}) for c in proposal.cost_items],
        "findings": findings,
    })
