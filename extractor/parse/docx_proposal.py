"""One proposal located in a Word file → the contract's Proposal, through the PDF parsers.

The Word body is laid out as pages of positioned words (`read/docx_pages.py`), so
`parse_proposal` reads it like a PDF. What is different is said here: those pages
are not the printed pages (Word computes page breaks only when it prints), so every
page number and box anywhere in the proposal is dropped, as for text input: `pages`
and each `page` and `bbox` become null, Tabel 1's `cells` and `header` empty, findings'
`evidence` empty. A document with tracked changes gets an info finding, since it was
read as if every change were accepted.
"""

from __future__ import annotations

from typing import Any

from extractor.models import Proposal
from extractor.parse.proposal import parse_proposal
from extractor.rules import finding
from extractor.segment.layout import ProposalLayout

# positions in the synthetic pages → what a document without pages says instead
_NO_PLACE: dict[str, Any] = {"page": None, "pages": None, "bbox": None, "header": None,
                             "cells": {}, "evidence": []}


def parse_docx_proposal(layout: ProposalLayout, tracked_changes: bool) -> Proposal:
    proposal = Proposal.model_validate(_without_places(parse_proposal(layout).model_dump()))
    if tracked_changes:
        proposal.findings.append(finding(
            "document.tracked_changes",
            "Word-dokumentet indeholder sporede ændringer; det er læst, som om alle ændringer "
            "er accepteret (indsat tekst med, slettet tekst udeladt). Accepter eller afvis "
            "ændringerne i Word, hvis det ikke er den endelige tekst."))
    return proposal


def _without_places(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _NO_PLACE[k] if k in _NO_PLACE else _without_places(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_without_places(v) for v in value]
    return value
