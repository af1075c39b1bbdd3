"""Completeness and template hygiene: the parts the template asks for are there and filled in.

- sections 1-6 present;
- Tabel 1 present with rows; Tabel 2 (opfølgningsmål) present with goals;
- a risk level stated ("lav", "lav til mellem", "mellem", "høj", …);
- Tabel 4: Center for Økonomi answered Ja, with a date;
- the innovation checkbox: exactly one box ticked (the parser gives null otherwise);
- no template text left: "[Tabelnummer opdateres]", bracketed instructions, Word's
  placeholder "Klik eller tryk her for at skrive tekst";
- sign convention: a "Besparelse …"/"Reduceret …" row has no positive amount.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import regex

from extractor.evidence import quote
from extractor.models import Finding, Proposal
from extractor.rules import TABLE_1, finding
from extractor.template import Template

# Bracketed text of three or more characters that is not a footnote/reference like "[1]".
_BRACKETED = regex.compile(r"\[[^\]\[\d][^\]\[]{2,120}\]")
_PLACEHOLDER = regex.compile(
    r"Klik\s+(?:eller\s+tryk\s+)?her\s+for\s+at\s+(?:skrive|angive|indtaste)\s+(?:tekst|en\s+dato)"
    r"|\bIndsæt\s+(?:tekst|tabel|beløb)\b", regex.IGNORECASE)


def check_sections(proposal: Proposal, template: Template) -> Iterator[Finding]:
    present = {s.number for s in proposal.sections}
    for number in template.section_titles:
        if number not in present:
            yield finding("completeness.section_missing",
                          f"Afsnit {number} mangler i forslaget.",
                          page=proposal.pages[0] if proposal.pages else None)


def check_tables(proposal: Proposal) -> Iterator[Finding]:
    first = proposal.pages[0] if proposal.pages else None
    if proposal.economy is None or not proposal.economy.rows:
        what = "mangler" if proposal.economy is None else "har ingen rækker"
        yield finding("completeness.economy_table",
                      f"Tabel 1 (forslagets samlede økonomiske konsekvenser) {what}; "
                      "økonomien kan ikke kontrolleres.",
                      page=proposal.economy.page if proposal.economy else first, table=TABLE_1)
    # A Tabel 2 the parser saw but could not read (text input) is not missing.
    unread = any(f.rule == "follow_up.not_read" for f in proposal.findings)
    if not proposal.follow_up and not unread:
        yield finding("completeness.follow_up_table",
                      "Tabel 2 (opfølgningsmål) mangler eller har ingen mål.",
                      page=first, table="Tabel 2")


def check_risk(proposal: Proposal, template: Template) -> Iterator[Finding]:
    level = proposal.risk.level if proposal.risk else None
    if not level or not template.risk_level.search(level):
        text = f" ('{level}')" if level else ""
        yield finding("completeness.risk_level",
                      f"Afsnit {template.risk_section} (risikovurdering) angiver ikke et "
                      f"risikoniveau{text}; "
                      "skriv fx 'lav', 'mellem' eller 'høj'.",
                      page=proposal.pages[0] if proposal.pages else None)


def check_cfo_approval(proposal: Proposal, template: Template) -> Iterator[Finding]:
    table = f"{template.caption_word} {template.approval_table}"
    hearing = next((h for h in proposal.hearings if h.table == template.approval_table
                    and template.approver_pattern.search(h.body)), None)
    if hearing is None:
        problem = f"{table} har ingen række for {template.approver}"
    elif hearing.answer is not True:
        answer = "Nej" if hearing.answer is False else "intet svar"
        problem = f"{template.approver} har svaret '{answer}', ikke 'Ja'"
    elif hearing.date is None:
        problem = f"{template.approver} har svaret 'Ja', men uden dato"
    else:
        return
    yield finding("completeness.cfo_approval", f"{problem}.", table=table,
                  row=hearing.body if hearing else None)


def check_innovation_box(proposal: Proposal) -> Iterator[Finding]:
    if proposal.innovation_proposal is None:
        yield finding("completeness.innovation_box",
                      "'Forslaget udspringer af et innovationsforslag': der er ikke sat "
                      "præcis ét kryds (Ja eller Nej), eller afkrydsningen kan ikke læses.")


def _texts(proposal: Proposal) -> Iterator[tuple[str, str, int | None]]:
    """(where, text, page) for every piece of text the proposal holds."""
    first = proposal.pages[0] if proposal.pages else None
    yield "titlen", proposal.title, first
    if proposal.summary:
        yield "resuméet", proposal.summary, first
    for s in proposal.sections:
        yield f"afsnit {s.number}", f"{s.title} {s.text}", None
    for item in proposal.cost_items:
        yield f"overskriften '{item.title}'", f"{item.title} {item.amount_text} {item.text}", \
            item.page
    if proposal.economy is not None:
        for row in proposal.economy.rows:
            yield f"Tabel 1, '{row.label}'", row.label, row.page
        for note in proposal.economy.notes:
            yield "noterne til Tabel 1", note, proposal.economy.page
    for goal in proposal.follow_up:
        parts = (goal.group, goal.goal, goal.measure, goal.responsible, goal.deadline)
        yield "Tabel 2", " ".join(p for p in parts if p), None
    if proposal.risk is not None:
        yield "afsnit 4", proposal.risk.text, None
    for hearing in proposal.hearings:
        yield f"Tabel {hearing.table}", hearing.body, None


def _leftovers(text: str) -> list[str]:
    return [leftover for leftover, _ in _leftover_spans(text)]


def check_template_text(proposal: Proposal) -> Iterator[Finding]:
    """Template leftovers in the parsed fields (used when the printed lines are not at hand)."""
    seen: set[str] = set()
    for where, text, page in _texts(proposal):
        for leftover in _leftovers(text):
            if leftover in seen:
                continue  # the same leftover in a section's text and in a table: report once
            seen.add(leftover)
            yield finding("completeness.template_text",
                          f"Skabelontekst står tilbage i {where}: '{leftover}'.", page=page,
                          row=where, evidence=quote(leftover, page))


def check_template_lines(lines: Sequence[tuple[int | None, str]]) -> Iterator[Finding]:
    """Template leftovers in the proposal's printed lines, (page, text) in reading order.

    The printed lines hold what the parsed fields leave out, such as table captions
    ("Tabel 6. … [Tabelnummer opdateres]"). The lines are searched as one text, so a
    bracket wrapped onto the next line is found too; it is reported at the line where
    it starts.
    """
    starts, parts, offset = [], [], 0
    for _, text in lines:
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 1
    joined = " ".join(parts)
    for leftover, at in sorted(_leftover_spans(joined), key=lambda x: x[1]):
        index = bisect.bisect_right(starts, at) - 1
        page, text = lines[index]
        on_page = f" på side {page}" if page is not None else ""
        yield finding("completeness.template_text",
                      f"Skabelontekst står tilbage{on_page}: '{leftover}' "
                      f"(i linjen '{_short(text)}').", page=page, row=_short(text),
                      evidence=quote(leftover, page))


def _leftover_spans(text: str) -> list[tuple[str, int]]:
    """Each leftover once: a placeholder inside a bracketed leftover is part of it."""
    brackets = [(m.group(0), m.start(), m.end()) for m in _BRACKETED.finditer(text)]
    others = [(m.group(0), m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)
              if not any(a <= m.start() < b for _, a, b in brackets)]
    return [(leftover, start) for leftover, start, _ in [*brackets, *others]]


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_sign_convention(proposal: Proposal, template: Template) -> Iterator[Finding]:
    economy = proposal.economy
    if economy is None:
        return
    for row in economy.rows:
        if row.role != "item" or not template.saving_row_label.match(row.label):
            continue
        for year in economy.years:
            value = row.value(year)
            if value is not None and value > 0:
                yield finding("economy.sign_convention",
                              f"Tabel 1, '{row.label}' {year}: {value} er positiv, men rækken er "
                              "en besparelse; effektiviseringer angives med negativt fortegn.",
                              page=row.page or economy.page, table=TABLE_1, row=row.label,
                              year=year, found=value)


def check_completeness(proposal: Proposal, template: Template,
                       lines: Sequence[tuple[int | None, str]] | None = None) -> Iterator[Finding]:
    yield from check_sections(proposal, template)
    yield from check_tables(proposal)
    yield from check_risk(proposal, template)
    yield from check_cfo_approval(proposal, template)
    yield from check_innovation_box(proposal)
    if lines is None:
        yield from check_template_text(proposal)
    else:
        yield from check_template_lines(lines)
    yield from check_sign_convention(proposal, template)
