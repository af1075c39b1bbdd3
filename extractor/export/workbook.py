"""Results → an Excel workbook for the economics centre, written atomically.

Sheets, in order: Oversigt (one row per proposal, one per unreadable file), Tabel 1
(every amount in long format, as an Excel table for pivots), one sheet per proposal
(`xlsx/proposal_sheet.py`: Tabel 1 as printed with SUM checks and the findings on their
cells), Runde (the round's totals as formulas over those sheets, `xlsx/round_sheet.py`),
Bilag (the appendix table for the politicians, `xlsx/appendix_sheet.py`), Opfølgning
(follow-up goals) and Fund (findings, errors first). Danish names by
default, English with lang="en" (`xlsx/labels.py`). Text from the documents is always
written as text (`xlsx/cells.py`), so a hostile document cannot plant a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.report import table_page_of
from extractor.export.rows import proposals as _doc_proposals
from extractor.export.rows import tabel1_rows
from extractor.export.xlsx.appendix_sheet import write_appendix_sheet
from extractor.export.xlsx.cells import clean_text, header_row, put_number, put_text
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.layout import (
    cfo_approval,
    group_year_values,
    payback_differs,
    paybacks,
    severity_counts,
    sheet_name,
)
from extractor.export.xlsx.legend import wrap_legend, write_legend
from extractor.export.xlsx.pictures import add_pictures
from extractor.export.xlsx.printing import set_up_printing
from extractor.export.xlsx.proposal_sheet import write_proposal_sheet
from extractor.export.xlsx.round_sheet import (
    Placed,
    Placement,
    in_round_notes,
    mark_overview,
    write_round_sheet,
)
from extractor.export.xlsx.sizing import fit_columns, fit_rows, span_text
from extractor.export.xlsx.styles import (
    ERROR,
    ITALIC,
    LINK_FONT,
    SEVERITY_MARK,
    TITLE_FONT,
    WARNING,
    WRAP_INDENT,
    Mark,
)
from extractor.models import SEVERITY_ORDER, DocumentResult, ExtractionResult, Finding, Proposal
from extractor.round.appendix import round_with_appendix
from extractor.round.overview import distinct_proposals
from extractor.rules import RULES
from extractor.run.atomic import write_atomically
from extractor.template import COPENHAGEN, Template

_TEXT_CAP = 45.0  # titles, departments, rows: wrap beyond this width
_PROSE_CAP = 70.0  # summaries, messages


def write_xlsx(result: ExtractionResult, path: Path, lang: str = "da",
               snips: bool = False, template: Template = COPENHAGEN) -> None:
    """Write the workbook to `path` (temporary file in the same folder, then rename)."""
    write_atomically(path, to_xlsx_bytes(result, lang, snips, template))


def to_xlsx_bytes(result: ExtractionResult, lang: str = "da", snips: bool = False,
                  template: Template = COPENHAGEN) -> bytes:
    """The workbook; with `snips` the Fund sheet shows each finding's page picture;
    `template` names the payback bases and the approving body."""
    label("sheet.overview", lang)  # fails early on an unknown language
    wb = Workbook()
    overview = wb.active
    taken = {label(k, lang) for k in ("sheet.overview", "sheet.long", "sheet.follow_up",
                                      "sheet.findings")}
    overview.title = label("sheet.overview", lang)
    long_sheet = wb.create_sheet(label("sheet.long", lang))
    names: dict[int, str] = {}
    placed: Placement = {}
    places: dict[int, tuple[str, str]] = {}  # id(finding) → (sheet, cell)
    for n, (doc, proposal) in enumerate(_proposals(result), start=1):
        name = sheet_name(clean_text(f"{n} {proposal.title}"), taken)
        names[id(proposal)] = name
        found: dict[int, tuple[int, int]] = {}
        cells = write_proposal_sheet(wb.create_sheet(name), proposal, doc.file, lang, found,
                                     template)
        placed[(doc.file, doc.proposals.index(proposal))] = Placed(name, cells)
        places |= {f: (name, f"{_col(c)}{r}") for f, (r, c) in found.items()}
    _write_overview(overview, result, names, lang, template)
    _write_long(long_sheet, result, lang)
    _write_round(wb, overview, result, placed, taken, lang)
    _write_follow_up(wb.create_sheet(label("sheet.follow_up", lang)), result, lang)
    findings = wb.create_sheet(label("sheet.findings", lang))
    top, rows = _write_findings(findings, result, names, places, lang)
    if snips:
        add_pictures(findings, result, rows, len(_FINDINGS_KEYS) + 1, top + 1)
    _set_properties(wb, result, lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_round(wb: Workbook, overview: Worksheet, result: ExtractionResult,
                 placed: Placement, taken: set[str], lang: str) -> None:
    """The "Runde" and "Bilag" sheets and the overview's "I runden" column
    (`xlsx/round_sheet.py`, `xlsx/appendix_sheet.py`)."""
    round_ = result.round or round_with_appendix(result.documents)
    counted, _, _ = distinct_proposals(result.documents)
    name = sheet_name(label("sheet.round", lang), taken)
    write_round_sheet(wb.create_sheet(name), round_, counted, placed, lang)
    name = sheet_name(label("sheet.appendix", lang), taken)
    write_appendix_sheet(wb.create_sheet(name), round_, counted, lang)
    notes = in_round_notes(round_, placed, lang)
    sheet_notes = {p.sheet: notes.get(key, label("in_round.counted", lang))
                   for key, p in placed.items()}
    mark_overview(overview, sheet_notes, lang)


def _proposals(result: ExtractionResult) -> Iterator[tuple[DocumentResult, Proposal]]:
    return _doc_proposals(result.documents)


def _all_years(result: ExtractionResult) -> list[int]:
    return sorted({y for _, p in _proposals(result) if p.economy for y in p.economy.years})


_OVERVIEW_HEAD = ["col.file", "col.pages", "col.status", "col.sheet", "col.title",
                  "col.department", "col.case", "col.unit", "col.price_level"]
_OVERVIEW_TAIL = ["col.impl_total", "col.payback_service_stated", "col.payback_service_computed",
                  "col.payback_total_stated", "col.payback_total_computed", "col.risk",
                  "col.cfo", "col.errors", "col.warnings", "col.doc_error", "col.summary"]


def _write_overview(ws: Worksheet, result: ExtractionResult, names: dict[int, str],
                    lang: str, template: Template) -> None:
    """One row per proposal: the numbers first, the prose (summary, read errors) last,
    so that the printed first page holds what an economist compares."""
    put_text(ws, 1, 1, label("overview.title", lang)).font = TITLE_FONT
    put_text(ws, 2, 1, label("overview.intro", lang), wrap=True)
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    put_text(ws, 3, 1, label("overview.made", lang, version=result.extractor_version, time=now))
    years = _all_years(result)
    keys = [*_OVERVIEW_HEAD, *(f"net.{y}" for y in years), *_OVERVIEW_TAIL]
    col = {key: i for i, key in enumerate(keys, start=1)}
    legend_end = write_legend(ws, 5, _overview_marks(result, template), lang)
    top = legend_end + 1
    header_row(ws, top, [label("col.net", lang, year=k[4:]) if k.startswith("net.")
                         else label(k, lang) for k in keys])
    row = top
    for doc in result.documents:
        if doc.status == "error" or not doc.proposals:
            row += 1
            put_text(ws, row, col["col.file"], doc.file)
            put_number(ws, row, col["col.pages"], doc.pages, amount=False)
            status = put_text(ws, row, col["col.status"], label("status.error", lang), wrap=True)
            status.fill = ERROR.fill
            message = f"{doc.error.code}: {doc.error.message}" if doc.error else None
            put_text(ws, row, col["col.doc_error"], message, wrap=True)
            continue
        for proposal in doc.proposals:
            row += 1
            _overview_row(ws, row, col, doc, proposal, names[id(proposal)], years, lang,
                          template)
    caps = {col[k]: _PROSE_CAP if k in ("col.summary", "col.doc_error") else _TEXT_CAP
            for k in keys}
    caps[col["col.summary"]] = 90.0  # long: wide, so a summary takes few lines
    fit_columns(ws, top, caps=caps)
    span_text(ws, 2, 150.0)
    wrap_legend(ws, 5, legend_end, len(keys))
    fit_rows(ws, top, max_lines=4)
    ws.freeze_panes = ws.cell(row=top + 1, column=col["col.sheet"])
    ws.auto_filter.ref = f"A{top}:{_col(len(keys))}{max(row, top + 1)}"
    set_up_printing(ws, lang, title_rows=(top, top))


def _overview_marks(result: ExtractionResult, template: Template) -> list[Mark]:
    """The colours the overview will paint: red for errors (and unreadable files),
    yellow for warnings and for a stated payback that differs from the computed one."""
    marks = []
    proposals = [p for _, p in _proposals(result)]
    if any(d.status == "error" or not d.proposals for d in result.documents) or any(
            severity_counts(p)[0] for p in proposals):
        marks.append(ERROR)
    if any(severity_counts(p)[1] for p in proposals) or any(
            payback_differs(pb[f"{b}_stated"], pb[f"{b}_computed"])
            for p in proposals if p.economy for pb in [paybacks(p.economy, template)]
            for b in ("service", "total")):
        marks.append(WARNING)
    return marks


def _overview_row(ws: Worksheet, row: int, col: dict[str, int], doc: DocumentResult,
                  proposal: Proposal, sheet: str, years: list[int], lang: str,
                  template: Template) -> None:
    put_text(ws, row, col["col.file"], doc.file)
    put_text(ws, row, col["col.pages"], "-".join(str(p) for p in proposal.pages or []) or None)
    put_text(ws, row, col["col.status"], label("status.ok", lang))
    link = put_text(ws, row, col["col.sheet"], sheet)
    link.hyperlink = Hyperlink(ref=link.coordinate, location=_sheet_ref(sheet))
    link.font = LINK_FONT
    for key, value in (("col.title", proposal.title), ("col.department", proposal.department),
                       ("col.case", proposal.case)):
        put_text(ws, row, col[key], value, wrap=True)
    put_text(ws, row, col["col.summary"], proposal.summary, wrap=True)
    economy = proposal.economy
    if economy is not None:
        put_text(ws, row, col["col.unit"], economy.unit)
        put_text(ws, row, col["col.price_level"], economy.price_level)
        net = group_year_values(economy, "permanent")
        for year in years:
            put_number(ws, row, col[f"net.{year}"], net.get(year))
        impl = group_year_values(economy, "implementation")
        if any(v is not None for v in impl.values()):
            put_number(ws, row, col["col.impl_total"], sum(v or 0 for v in impl.values()))
        pb = paybacks(economy, template)
        for basis in ("service", "total"):
            stated = put_number(ws, row, col[f"col.payback_{basis}_stated"],
                                pb[f"{basis}_stated"], amount=False)
            put_number(ws, row, col[f"col.payback_{basis}_computed"], pb[f"{basis}_computed"],
                       amount=False)
            if payback_differs(pb[f"{basis}_stated"], pb[f"{basis}_computed"]):
                stated.fill = WARNING.fill
    risk = put_text(ws, row, col["col.risk"], proposal.risk.level if proposal.risk else None)
    risk.alignment = WRAP_INDENT  # not flush against the right-aligned payback before it
    answer, date = cfo_approval(proposal, template)
    if answer is None:
        cfo = label("cfo.unknown", lang)
    else:
        cfo = label("cfo.yes" if answer else "cfo.no", lang) + (f" ({date})" if date else "")
    put_text(ws, row, col["col.cfo"], cfo, wrap=True)
    errors, warnings = severity_counts(proposal)
    for key, count, mark in (("col.errors", errors, ERROR), ("col.warnings", warnings, WARNING)):
        cell = put_number(ws, row, col[key], count, amount=False)
        if count:
            cell.fill = mark.fill


def _sheet_ref(sheet: str, cell: str = "A1") -> str:
    escaped = sheet.replace("'", "''")
    return f"'{escaped}'!{cell}"


def _write_long(ws: Worksheet, result: ExtractionResult, lang: str) -> None:
    keys = ["col.file", "col.proposal", "col.group", "col.row_no", "col.row", "col.area",
            "col.role", "col.year", "col.amount"]
    header_row(ws, 1, [label(k, lang) for k in keys])
    row = 1
    for cell in tabel1_rows(result.documents):  # the same rows as the API's tabel1_rows()
        row += 1
        put_text(ws, row, 1, cell["file"])
        put_text(ws, row, 2, cell["proposal"])
        put_text(ws, row, 3, label(f"group.{cell['group']}", lang))
        put_number(ws, row, 4, cell["row_number"], amount=False)
        put_text(ws, row, 5, cell["row"])
        put_text(ws, row, 6, cell["steering_area"])
        put_text(ws, row, 7, label(f"role.{cell['role']}", lang))
        put_number(ws, row, 8, cell["year"], amount=False)
        put_number(ws, row, 9, cell["value"])
    fit_columns(ws, 1, caps=dict.fromkeys(range(1, 10), _TEXT_CAP))
    fit_rows(ws, 1, 1)
    ws.freeze_panes = "A2"
    set_up_printing(ws, lang, title_rows=(1, 1))
    if row > 1:
        table = Table(displayName="Tabel1" if lang == "da" else "Table1", ref=f"A1:I{row}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)


def _write_follow_up(ws: Worksheet, result: ExtractionResult, lang: str) -> None:
    keys = ["col.file", "col.proposal", "col.fu_group", "col.goal", "col.measure",
            "col.responsible", "col.deadline"]
    header_row(ws, 1, [label(k, lang) for k in keys])
    row = 1
    for doc, proposal in _proposals(result):
        for goal in proposal.follow_up:
            row += 1
            values = (doc.file, proposal.title, goal.group, goal.goal, goal.measure,
                      goal.responsible, goal.deadline)
            for col, value in enumerate(values, start=1):
                put_text(ws, row, col, value, wrap=col > 1)
    fit_columns(ws, 1, caps={1: _TEXT_CAP, 2: _TEXT_CAP, 3: 30.0, 4: 60.0, 5: _TEXT_CAP,
                             6: 30.0, 7: 25.0})
    _list_sheet(ws, 1, len(keys), row, lang)


_FINDINGS_KEYS = ["col.severity", "col.rule", "col.proposal", "col.page", "col.table", "col.row",
                  "col.year", "col.unit_short", "col.document_says", "col.checked_says",
                  "col.difference", "col.message", "col.link", "col.file"]


def _write_findings(ws: Worksheet, result: ExtractionResult, names: dict[int, str],
                    places: dict[int, tuple[str, str]], lang: str) -> tuple[int, list[Finding]]:
    """Every finding, errors first, with one column pair of one meaning: what the
    document states beside what Tabel 1 shows or what is computed from it (`Rule.says`
    tells which of expected/found is which), in a stated unit, with the difference; a
    link to its cell on the proposal's sheet (where it is coloured and commented).
    Returns the header row and the findings in row order (the first below the header)."""
    put_text(ws, 1, 1, label("sheet.findings", lang)).font = TITLE_FONT
    put_text(ws, 2, 1, label("findings.intro", lang), wrap=True).font = ITALIC
    found: list[tuple[DocumentResult, Proposal, Finding]] = [
        (doc, p, f) for doc, p in _proposals(result) for f in p.findings]
    found.sort(key=lambda t: SEVERITY_ORDER[t[2].severity])
    marks = [SEVERITY_MARK[f.severity] for _, _, f in found]
    legend_end = write_legend(ws, 4, marks, lang) if marks else 3
    top = legend_end + 1
    header_row(ws, top, [label(k, lang) for k in _FINDINGS_KEYS])
    col = {key: i for i, key in enumerate(_FINDINGS_KEYS, start=1)}
    for row, (doc, proposal, f) in enumerate(found, start=top + 1):
        where = f.location
        severity = put_text(ws, row, col["col.severity"], label(f"severity.{f.severity}", lang))
        severity.fill = SEVERITY_MARK[f.severity].fill
        put_text(ws, row, col["col.rule"], f.rule)
        put_text(ws, row, col["col.proposal"], proposal.title, wrap=True)
        # The link in a cell of its own: LibreOffice does not wrap a cell holding a link.
        sheet, cell = places.get(id(f), (names[id(proposal)], "A1"))
        link = put_text(ws, row, col["col.link"], f"{sheet}!{cell}")
        link.hyperlink = Hyperlink(ref=link.coordinate, location=_sheet_ref(sheet, cell))
        link.font = LINK_FONT
        put_number(ws, row, col["col.page"], where.page, amount=False)
        table_page = table_page_of(f, proposal.economy.page if proposal.economy else None)
        elsewhere = table_page is not None and table_page != where.page
        put_text(ws, row, col["col.table"],  # the heading's page is not the table's
                 f"{where.table} (side {table_page})" if elsewhere else where.table)
        put_text(ws, row, col["col.row"], where.row, wrap=True)
        put_number(ws, row, col["col.year"], where.year, amount=False)
        says, checked, unit = _finding_values(f, proposal, lang)
        if says is not None or checked is not None:
            put_text(ws, row, col["col.unit_short"], unit)
        amount = unit != label("unit.years", lang)
        put_number(ws, row, col["col.document_says"], says, amount=amount)
        put_number(ws, row, col["col.checked_says"], checked, amount=amount)
        if says is not None and checked is not None:
            put_number(ws, row, col["col.difference"], says - checked, amount=amount)
        put_text(ws, row, col["col.message"], f.message, wrap=True)
        put_text(ws, row, col["col.file"], doc.file)
    caps = {col["col.proposal"]: 22.0, col["col.row"]: 22.0, col["col.message"]: 50.0}
    fit_columns(ws, top, caps=caps)
    span_text(ws, 2)
    if marks:
        wrap_legend(ws, 4, legend_end, len(_FINDINGS_KEYS))
    _list_sheet(ws, top, len(_FINDINGS_KEYS), top + len(found), lang)
    return top, [f for _, _, f in found]


def _finding_values(f: Finding, proposal: Proposal,
                    lang: str) -> tuple[int | float | None, int | float | None, str]:
    """(the document says, the table says or computed, unit) of a finding."""
    rule = RULES.get(f.rule)
    if rule is None or rule.says is None:
        return None, None, ""
    says, checked = (f.expected, f.found) if rule.says == "expected" else (f.found, f.expected)
    if rule.by_size and says is not None and checked is not None and (says < 0) != (checked < 0):
        says = -says  # "an effect of 10,1 mio. kr." is the table's -10.100
    if rule.unit == "years":
        return says, checked, label("unit.years", lang)
    economy = proposal.economy
    return says, checked, (economy.unit if economy and economy.unit else "1.000 kr.")


def _list_sheet(ws: Worksheet, top: int, columns: int, last_row: int, lang: str) -> None:
    fit_rows(ws, top)
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    ws.auto_filter.ref = f"A{top}:{_col(columns)}{max(last_row, top + 1)}"
    set_up_printing(ws, lang, title_rows=(top, top))


def _set_properties(wb: Workbook, result: ExtractionResult, lang: str) -> None:
    props = wb.properties
    version = clean_text(result.extractor_version, 255)
    props.title = clean_text(label("doc.title", lang), 255)
    props.subject = clean_text(label("doc.subject", lang), 255)
    props.language = label("doc.language", lang)
    props.creator = f"extractor {version}"
    props.created = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.modified = props.created
    props.version = version
    props.description = f"extractor {version}"
    wb.custom_doc_props.append(StringProperty(name="extractor_version", value=version))


def _col(n: int) -> str:
    return get_column_letter(n)
