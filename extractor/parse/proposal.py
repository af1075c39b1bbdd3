"""One located proposal → the contract's Proposal: runs each part's parser."""

from __future__ import annotations

from extractor.models import Finding, Proposal
from extractor.parse.economy_table import parse_economy_table
from extractor.parse.header import parse_case, parse_document_type, parse_title
from extractor.segment import ProposalLayout
from extractor.text_lines import hyphen_vocabulary, words_to_lines


def parse_proposal(layout: ProposalLayout) -> Proposal:
    vocabulary = hyphen_vocabulary(
        ln.text for page in layout.pages for ln in words_to_lines(page.words, page.number))
    findings: list[Finding] = []
    economy = None
    table1 = layout.table(1)
    if table1 is not None:
        economy, economy_findings = parse_economy_table(layout.region_after(table1), vocabulary)
        findings += economy_findings
    first, last = layout.page_range
    return Proposal(
        title=parse_title(layout.title_lines, vocabulary) or layout.resume_line.text,
        case=parse_case(layout.pages),
        document_type=parse_document_type(layout.pages),
        pages=[first, last],
        economy=economy,
        findings=findings,
    )

