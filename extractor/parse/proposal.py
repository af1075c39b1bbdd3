"""One located proposal → the contract's Proposal: runs each part's parser.

A part the document lacks (no Tabel 2, no risk section, no annex) leaves its
field empty or null; the other parts are read all the same.
"""

from __future__ import annotations

from extractor.models import Evidence, Finding, Proposal
from extractor.parse.annex import hearing_tables, parse_hearings, parse_innovation
from extractor.parse.cost_items import parse_cost_items
from extractor.parse.economy_table import read_economy_table
from extractor.parse.follow_up_table import follow_up_goals, follow_up_table
from extractor.parse.front_page import parse_front_page
from extractor.parse.header import parse_case, parse_document_type, parse_title
from extractor.parse.ruled_table import read_table
from extractor.parse.sections import parse_risk, parse_sections, section_bodies
from extractor.parse.table_extent import Extent
from extractor.read.page import Line, bbox_of
from extractor.read.text_lines import document_vocabulary, words_to_lines
from extractor.rules import finding
from extractor.segment.layout import Position, ProposalLayout, Region


def parse_proposal(layout: ProposalLayout) -> Proposal:
    vocabulary = document_vocabulary(
        ln.text for page in layout.pages for ln in words_to_lines(page.words, page.number))
    findings: list[Finding] = []
    if layout.left_out:
        findings.append(_pages_left_out(layout.left_out))
    economy = None
    template = layout.template
    tables: list[Extent] = []  # where the tables stand: not section text, ruled or not
    table1 = layout.table(template.economy_table)
    if table1 is not None:
        economy, economy_findings, extents = read_economy_table(layout.region_after(table1),
                                                                vocabulary, template)
        findings += economy_findings
        tables += extents
    follow_up = follow_up_table(layout, vocabulary)
    if follow_up is not None:
        tables += follow_up.extents
    hearings = hearing_tables(layout, vocabulary)
    tables += [e for _, table in hearings for e in table.extents]
    tables += _other_tables(layout, vocabulary)
    summary, department = parse_front_page(layout, vocabulary)
    bodies = section_bodies(layout, tables)
    sections = parse_sections(bodies, vocabulary)
    economy_section = next((b for b in bodies if b.heading.number == template.economy_section),
                           None)
    cost_items = (parse_cost_items(economy_section.paragraphs, vocabulary, template)
                  if economy_section is not None else [])
    resume = layout.resume_line
    body_lines = Region(Position(resume.page, resume.top), layout.end, layout.pages).lines()
    first, last = layout.page_range
    return Proposal(
        title=parse_title(layout.title_lines, vocabulary) or layout.resume_line.text,
        case=parse_case(layout.pages, template),
        document_type=parse_document_type(layout.pages, template),
        department=department,
        summary=summary,
        pages=[first, last],
        sections=sections,
        economy=economy,
        cost_items=cost_items,
        follow_up=follow_up_goals(follow_up, vocabulary),
        risk=parse_risk(sections, template),
        innovation_proposal=parse_innovation(body_lines, template),
        hearings=parse_hearings(hearings, vocabulary, template),
        findings=findings,
    )


def _other_tables(layout: ProposalLayout, vocabulary: frozenset[str]) -> list[Extent]:
    """Where the captioned tables no parser reads stand (Tabel 5), so that section texts
    leave them out also without rules. Only a table whose first line under the caption is
    a bold header row: a caption may stand over plain text instead ("Ikke relevant.")."""
    template = layout.template
    parsed = {str(n) for n in (template.economy_table, template.follow_up_table,
                               *template.hearing_tables)}
    extents: list[Extent] = []
    for heading in layout.headings:
        if heading.kind == "table" and heading.number not in parsed:
            table = read_table(layout.region_after(heading), heading, vocabulary)
            if table is not None and table.header_bold:
                extents += table.extents
    return extents


def _pages_left_out(first_lines: list[Line]) -> Finding:
    pages = [ln.page for ln in first_lines]
    shown = f"Side {pages[0]}" if len(pages) == 1 else f"Siderne {pages[0]}–{pages[-1]}"
    return finding("document.pages_left_out",
                   f"{shown} efter forslaget har ikke forslagets sidehoved eller sidefod "
                   "(fx et forsideark eller en indholdsfortegnelse i et bundt) og er ikke "
                   "læst som en del af forslaget.", page=pages[0],
                   evidence=[Evidence(page=ln.page, bbox=bbox_of([ln]), text=ln.text)
                             for ln in first_lines])
