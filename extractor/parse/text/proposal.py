"""One proposal located in plain text → the contract's Proposal, as far as text allows.

Recovered: title, budget round and document type (from the removed page headers),
"Kort resumé", "Fremstillende forvaltning", the numbered sections with their text,
section 2's cost items, Tabel 1 (`economy_text.py`), the risk level, the innovation
checkbox and the hearing tables 4 and 6. Not recovered: Tabel 2 (its four columns
are interleaved line by line in such text, so goals, measures and owners cannot be
told apart) and every page number (the text has no page breaks): `follow_up` is
empty and pages are null.

Paragraphs are approximated, since the text's blank lines do not mark them: a new
paragraph starts after a line ending a sentence (". ! ? :") when the next line
starts with a capital, a digit or a list marker, and at every list item ("•", "- ",
"1. "); a short line without end punctuation, after a sentence end and before a line
starting with a capital, is a sub-heading. Section 2's cost-item headings
are lines "<Title>: <amount>" (or "<Title>:" with the amount starting the next line)
at a paragraph start (continuing onto following lines
that start in lower case, and back onto an earlier line when the colon line itself
starts in lower case); they are handed to the PDF path's cost-item parser as the
bold headings it expects.
"""

from __future__ import annotations

import dataclasses

import regex

from extractor.models import Hearing, Proposal, Section
from extractor.parse.annex import answer, hearing_date, parse_innovation
from extractor.parse.cost_items import parse_cost_items
from extractor.parse.economy_rows import group_heading
from extractor.parse.header import parse_case, parse_document_type
from extractor.parse.paragraphs import Paragraph
from extractor.parse.sections import parse_risk
from extractor.parse.text.economy_table import parse_economy_text
from extractor.read.page import Line
from extractor.read.text import PITCH
from extractor.read.text_lines import collapse_spaces, document_vocabulary, join_lines
from extractor.rules import finding
from extractor.segment.layout import Heading, Position, ProposalLayout, Region, all_lines
from extractor.template import Template

_ENDS_SENTENCE = regex.compile(r"[.!?:]\s*$")
_STARTS_NEW = regex.compile(r"^[\p{Lu}\d§•▪●\-–\"“”]")
_LIST_ITEM = regex.compile(r"^(?:[•▪●◦■]|[-–]\s|\d{1,2}\.\s+\p{Lu})")
_ITEM = regex.compile(r"^([\p{Lu}§].{1,200}?):\s+[-−–+]?\s*\d")
_AMOUNT_START = regex.compile(r"^[-−–+]?\s*\d[\d.,]*\s*(?:mio\.|mia\.|t\.|kr\.)")
_HEADING_WORDS = 12
_ITEM_TITLE_WORDS = 20
_DATE = regex.compile(r"^\d{1,2}\.\s*\p{L}+\s+\d{4}$")


def parse_text_proposal(layout: ProposalLayout) -> Proposal:
    pages = layout.pages
    template = layout.template
    lines = all_lines(pages)
    vocabulary = document_vocabulary(ln.text for ln in lines)
    start = layout.title_lines[0] if layout.title_lines else layout.resume_line
    body = [ln for ln in lines
            if Position(start.page, start.top) <= Position(ln.page, ln.top) < layout.end]
    summary, department = _front_page(layout, body, vocabulary)
    sections, section2 = _sections(layout, vocabulary)
    economy, findings = None, []
    table1 = layout.table(template.economy_table)
    if table1 is not None:
        economy, findings = parse_economy_text(layout.region_after(table1).lines(), vocabulary,
                                               template)
    if layout.table(template.follow_up_table) is not None:
        findings.append(finding(
            "follow_up.not_read",
            "Tabel 2 (opfølgningsmål) står i teksten, men tekst fletter tabellens fire kolonner "
            "sammen linje for linje, så målene er ikke læst; se dem i det oprindelige dokument.",
            table="Tabel 2"))
    title = join_lines([ln.text for ln in layout.title_lines], vocabulary)
    return Proposal(
        title=title or collapse_spaces(layout.resume_line.text),
        case=parse_case(pages, template),
        document_type=parse_document_type(pages, template),
        department=department,
        summary=summary,
        pages=None,
        sections=sections,
        economy=economy,
        cost_items=[c.model_copy(update={"page": None, "bbox": None})
                    for c in parse_cost_items(section2, vocabulary, template)],
        follow_up=[],
        risk=parse_risk(sections, template),
        innovation_proposal=parse_innovation(body, template),
        hearings=_hearings(layout, vocabulary),
        findings=findings,
    )


def _front_page(layout: ProposalLayout, body: list[Line],
                vocabulary: frozenset[str]) -> tuple[str | None, str | None]:
    first_heading = min((h.position for h in layout.headings), default=layout.end)
    resume = layout.resume_line
    front = [ln.text for ln in body
             if Position(resume.page, resume.top) <= Position(ln.page, ln.top) < first_heading]
    template = layout.template
    split = next((i for i, t in enumerate(front) if template.department.match(t)), len(front))
    summary = join_lines([template.resume_prefix.sub("", front[0], count=1), *front[1:split]],
                         vocabulary)
    rest = front[split:]
    department_lines = []
    for n, text in enumerate(rest):
        if n == 0:
            text = template.department_prefix.sub("", text, count=1)
        elif n == 1 and template.department_label_end.match(text):
            text = template.department_label_end.sub("", text, count=1)
        department_lines.append(text)
    department = join_lines(department_lines, vocabulary)
    return summary or None, department or None


def _sections(layout: ProposalLayout,
              vocabulary: frozenset[str]) -> tuple[list[Section], list[Paragraph]]:
    ends = [h.position for h in layout.headings if h.kind in ("section", "annex")]
    tables = [layout.region_after(h) for h in layout.headings if h.kind == "table"]
    sections: list[Section] = []
    section2: list[Paragraph] = []
    for heading in layout.sections():
        end = min((p for p in ends if heading.position < p), default=layout.end)
        lines = [ln for ln in Region(heading.position, end, layout.pages).lines()
                 if ln is not heading.line and not _same_line(ln, heading)
                 and not any(r.start <= Position(ln.page, ln.top) < r.end for r in tables)]
        economy_section = heading.number == layout.template.economy_section
        paragraphs = text_paragraphs(lines, layout.template, cost_items=economy_section)
        sections.append(Section(number=heading.number, title=heading.title,
                                text="\n".join(t for p in paragraphs
                                               if (t := p.text(vocabulary)))))
        if economy_section:
            section2 = paragraphs
    return sections, section2


def _same_line(line: Line, heading: Heading) -> bool:
    return line.page == heading.line.page and abs(line.top - heading.line.top) < 0.5


def text_paragraphs(lines: list[Line], template: Template,
                    cost_items: bool = False) -> list[Paragraph]:
    """Lines → paragraphs by the rules in the module docstring; headings set in bold."""
    heads = _item_headings(lines, template) if cost_items else set()
    paragraphs: list[Paragraph] = []
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else None
        following = lines[i + 1] if i + 1 < len(lines) else None
        text = line.text.strip()
        heading = i in heads or (cost_items and group_heading(template, text) is not None) or (
            _sub_heading(line, previous, following))
        new = (previous is None or heading or ((i - 1) in heads and i not in heads)
               or (paragraphs[-1].lines[-1].bold and not heading)
               or _LIST_ITEM.match(text) is not None
               or (_ENDS_SENTENCE.search(previous.text) is not None
                   and _STARTS_NEW.match(text) is not None))
        if i in heads and (i - 1) in heads:
            new = False
        if new:
            paragraphs.append(Paragraph([]))
        paragraphs[-1].lines.append(_bold(line) if heading else line)
    return paragraphs


def _sub_heading(line: Line, previous: Line | None, following: Line | None) -> bool:
    text = line.text.strip()
    return (len(text.split()) <= _HEADING_WORDS and _STARTS_NEW.match(text) is not None
            and not regex.search(r"[.!?:,;\-]$", text) and _LIST_ITEM.match(text) is None
            and (previous is None or _ENDS_SENTENCE.search(previous.text) is not None)
            and following is not None
            and regex.match(r"^\p{Lu}", following.text.strip()) is not None)


def _item_headings(lines: list[Line], template: Template) -> set[int]:
    """Indexes of the lines that make up section 2's cost-item headings."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        text = line.text.strip()
        amount_below = (text.endswith(":") and i + 1 < len(lines)
                        and _adjacent(line, lines[i + 1])
                        and _AMOUNT_START.match(lines[i + 1].text.strip()) is not None)
        if amount_below:
            text = f"{text} {lines[i + 1].text.strip()}"
        m = _ITEM.match(text) or (
            regex.match(r"^\p{Ll}.{1,200}?:\s+[-−–+]?\s*\d", text) and i > 0
            and _adjacent(lines[i - 1], line))
        if not m:
            continue
        first = i
        if text[:1].islower():
            first = i - 1  # the heading began on the line above ("… og kon-" / "ceptudvikling …:")
        title = text.split(":")[0]
        if len(title.split()) > _ITEM_TITLE_WORDS:
            continue
        previous = lines[first - 1] if first else None
        if previous is not None and _adjacent(previous, lines[first]) and not (
                _ENDS_SENTENCE.search(previous.text)
                or group_heading(template, previous.text.strip())
                or (first - 1) in out):
            continue
        last = i + 1 if amount_below else i
        out.update(range(first, last + 1))
        k = last + 1
        while k < len(lines) and _adjacent(lines[k - 1], lines[k]) and \
                lines[k].text.strip()[:1].islower():
            out.add(k)
            k += 1
    return out


def _adjacent(a: Line, b: Line) -> bool:
    return a.page == b.page and b.top - a.top <= 1.5 * PITCH


def _bold(line: Line) -> Line:
    """The line as a heading: the PDF path's cost-item parser knows headings by bold."""
    return Line(tuple(dataclasses.replace(w, bold=True) for w in line.words), line.page)


def _hearings(layout: ProposalLayout, vocabulary: frozenset[str]) -> list[Hearing]:
    """Tabel 4 and 6 rows: body text up to a line ending in "Ja"/"Nej" and a date."""
    template = layout.template
    hearing_row = regex.compile(rf"^(.*?)\s*\b({template.yes}|{template.no})\b\s*"
                                r"(\d{1,2}\.\s*\p{L}+\s+\d{4})?\s*$", regex.IGNORECASE)
    header = f"{template.yes}/{template.no}"
    out: list[Hearing] = []
    for number in template.hearing_tables:
        caption = layout.table(number)
        if caption is None:
            continue
        pending: list[str] = []
        texts = [collapse_spaces(ln.text) for ln in layout.region_after(caption).lines()[1:]]
        for n, text in enumerate(texts):
            if text.lower().startswith(header) or (n and _DATE.match(text)
                                                   and hearing_row.match(texts[n - 1])):
                continue  # the header row, or a date already taken by the row above
            m = hearing_row.match(text)
            if m is None:
                pending.append(text)
                continue
            body = join_lines([*pending, m.group(1)], vocabulary)
            pending = []
            date = m.group(3) or (texts[n + 1] if n + 1 < len(texts)
                                  and _DATE.match(texts[n + 1]) else None)
            if body:
                out.append(Hearing(table=number, body=body,
                                   answer=answer(m.group(2), template),
                                   date=hearing_date(date)))
    return out

