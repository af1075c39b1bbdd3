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
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.rows import finding_row, findings_in_order, proposals, tabel1_rows
from extractor.export.xlsx.appendix_sheet import write_appendix_sheet
from extractor.export.xlsx.cells import (
    SEVERITY_FILL,
    TITLE_FONT,
    WRAP,
    clean_text,
    fit_rows,
    header_row,
    put_number,
    put_text,
    set_widths,
)
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.layout import (
    cfo_approval,
    group_year_values,
    paybacks,
    severity_counts,
    sheet_name,
)
from extractor.export.xlsx.pictures import add_pictures
from extractor.export.xlsx.proposal_sheet import write_proposal_sheet
from extractor.export.xlsx.round_sheet import (
    Placed,
    Placement,
    in_round_notes,
    mark_overview,
    write_round_sheet,
)
from extractor.models import DocumentResult, ExtractionResult, Finding, Proposal
from extractor.round.appendix import round_with_appendix
from extractor.round.overview import distinct_proposals
from extractor.run.atomic import write_atomically
from extractor.template import COPENHAGEN, Template

_LINK_FONT = Font(color="0563C1", underline="single")
_FINDINGS_PICTURE_COL = 13  # after the link column of the Fund sheet


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
    for n, (doc, proposal) in enumerate(proposals(result.documents), start=1):
        name = sheet_name(clean_text(f"{n} {proposal.title}"), taken)
        names[id(proposal)] = name
        found: dict[int, tuple[int, int]] = {}
        cells = write_proposal_sheet(wb.create_sheet(name), proposal, doc.file, lang, found)
        placed[(doc.file, doc.proposals.index(proposal))] = Placed(name, cells)
        places |= {f: (name, f"{_col(c)}{r}") for f, (r, c) in found.items()}
    _write_overview(overview, result, names, lang, template)
    _write_long(long_sheet, result, lang)
    _write_round(wb, overview, result, placed, taken, lang)
    _write_follow_up(wb.create_sheet(label("sheet.follow_up", lang)), result, lang)
    findings = wb.create_sheet(label("sheet.findings", lang))
    rows = _write_findings(findings, result, lang, places)
    if snips:
        add_pictures(findings, result, rows, _FINDINGS_PICTURE_COL)
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


def _all_years(result: ExtractionResult) -> list[int]:
    return sorted({y for _, p in proposals(result.documents) if p.economy for y in p.economy.years})


def _write_overview(ws: Worksheet, result: ExtractionResult, names: dict[int, str],
                    lang: str, template: Template) -> None:
    put_text(ws, 1, 1, label("overview.title", lang)).font = TITLE_FONT
    put_text(ws, 2, 1, label("overview.intro", lang), wrap=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=8)
    ws.row_dimensions[2].height = 48
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    put_text(ws, 3, 1, label("overview.made", lang, version=result.extractor_version, time=now))
    years = _all_years(result)
    keys = ["col.file", "col.pages", "col.status", "col.doc_error", "col.sheet", "col.title",
            "col.department", "col.case", "col.summary", "col.unit"]
    tail = ["col.impl_total", "col.payback_service_stated", "col.payback_service_computed",
            "col.payback_total_stated", "col.payback_total_computed", "col.risk", "col.cfo",
            "col.errors", "col.warnings"]
    header = [*(label(k, lang) for k in keys), *(label("col.net", lang, year=y) for y in years),
              *(label(k, lang) for k in tail)]
    top = 5
    header_row(ws, top, header)
    row = top
    for doc in result.documents:
        if doc.status == "error" or not doc.proposals:
            row += 1
            put_text(ws, row, 1, doc.file)
            put_number(ws, row, 2, doc.pages, amount=False)
            status = put_text(ws, row, 3, label("status.error", lang), wrap=True)
            status.fill = SEVERITY_FILL["error"]
            message = f"{doc.error.code}: {doc.error.message}" if doc.error else None
            put_text(ws, row, 4, message, wrap=True)
            continue
        for proposal in doc.proposals:
            row += 1
            _overview_row(ws, row, doc, proposal, names[id(proposal)], years, lang, template)
    widths = [34, 7, 10, 24, 24, 45, 24, 18, 80, 9, *[11] * len(years), 13, *[14] * 4, 14,
              16, 7, 10]
    set_widths(ws, widths)
    fit_rows(ws, top + 1, max_lines=5)
    ws.row_dimensions[top].height = 62
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    ws.auto_filter.ref = f"A{top}:{_col(len(header))}{max(row, top + 1)}"
    _landscape(ws)


def _overview_row(ws: Worksheet, row: int, doc: DocumentResult, proposal: Proposal,
                  sheet: str, years: list[int], lang: str, template: Template) -> None:
    put_text(ws, row, 1, doc.file)
    put_text(ws, row, 2, "-".join(str(p) for p in proposal.pages or []) or None)
    put_text(ws, row, 3, label("status.ok", lang))
    link = put_text(ws, row, 5, sheet)
    escaped = sheet.replace("'", "''")
    link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{escaped}'!A1")
    link.font = _LINK_FONT
    for col, value in enumerate((proposal.title, proposal.department, proposal.case), start=6):
        put_text(ws, row, col, value, wrap=True)
    put_text(ws, row, 9, proposal.summary, wrap=True)
    col = 11 + len(years)
    economy = proposal.economy
    if economy is not None:
        put_text(ws, row, 10, economy.unit)
        net = group_year_values(economy, "permanent")
        for i, year in enumerate(years):
            put_number(ws, row, 11 + i, net.get(year))
        impl = group_year_values(economy, "implementation")
        if any(v is not None for v in impl.values()):
            put_number(ws, row, col, sum(v or 0 for v in impl.values()))
        pb = paybacks(economy, template)
        for i, key in enumerate(("service_stated", "service_computed", "total_stated",
                                 "total_computed"), start=1):
            put_number(ws, row, col + i, pb[key], amount=False)
    put_text(ws, row, col + 5, proposal.risk.level if proposal.risk else None)
    answer, date = cfo_approval(proposal, template)
    if answer is None:
        cfo = label("cfo.unknown", lang)
    else:
        cfo = label("cfo.yes" if answer else "cfo.no", lang) + (f" ({date})" if date else "")
    put_text(ws, row, col + 6, cfo)
    errors, warnings = severity_counts(proposal)
    for offset, count, severity in ((7, errors, "error"), (8, warnings, "warning")):
        cell = put_number(ws, row, col + offset, count, amount=False)
        if count:
            cell.fill = SEVERITY_FILL[severity]


def _write_long(ws: Worksheet, result: ExtractionResult, lang: str) -> None:
    """Tabel 1 in long format: the rows of `tabel1_rows`, group and role in words."""
    keys = ["col.file", "col.proposal", "col.group", "col.row_no", "col.row", "col.area",
            "col.role", "col.year", "col.amount"]
    header_row(ws, 1, [label(k, lang) for k in keys])
    row = 1
    for cell in tabel1_rows(result.documents):
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
    set_widths(ws, [34, 40, 30, 9, 50, 15, 9, 7, 11])
    _landscape(ws)
    ws.freeze_panes = "A2"
    if row > 1:
        table = Table(displayName="Tabel1" if lang == "da" else "Table1", ref=f"A1:I{row}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)


def _write_follow_up(ws: Worksheet, result: ExtractionResult, lang: str) -> None:
    keys = ["col.file", "col.proposal", "col.fu_group", "col.goal", "col.measure",
            "col.responsible", "col.deadline"]
    header_row(ws, 1, [label(k, lang) for k in keys])
    row = 1
    for doc, proposal in proposals(result.documents):
        for goal in proposal.follow_up:
            row += 1
            values = (doc.file, proposal.title, goal.group, goal.goal, goal.measure,
                      goal.responsible, goal.deadline)
            for col, value in enumerate(values, start=1):
                put_text(ws, row, col, value, wrap=col > 1)
    set_widths(ws, [34, 40, 30, 60, 40, 30, 20])
    _list_sheet(ws, len(keys), row)


def _write_findings(ws: Worksheet, result: ExtractionResult, lang: str,
                    places: dict[int, tuple[str, str]]) -> list[Finding]:
    """One row per finding, errors first; the last column links to its cell on the
    proposal's sheet (where the finding is coloured and commented). Returns the
    findings in row order (the first on row 2)."""
    keys = ["col.severity", "col.rule", "col.file", "col.proposal", "col.page", "col.table",
            "col.row", "col.year", "col.expected", "col.found", "col.message", "col.link"]
    header_row(ws, 1, [label(k, lang) for k in keys])
    found = findings_in_order(result.documents)
    for row, (doc, proposal, f) in enumerate(found, start=2):
        cells = finding_row(doc, proposal, f)
        put_text(ws, row, 1, label(f"severity.{f.severity}", lang)).fill = (
            SEVERITY_FILL[f.severity])
        for col, key in ((2, "rule"), (3, "file"), (4, "proposal"), (6, "table"), (7, "row")):
            put_text(ws, row, col, cells[key], wrap=col in (4, 7))
        put_number(ws, row, 5, cells["page"], amount=False)
        put_number(ws, row, 8, cells["year"], amount=False)
        put_number(ws, row, 9, cells["expected"])
        put_number(ws, row, 10, cells["found"])
        put_text(ws, row, 11, cells["message"], wrap=True)
        if id(f) in places:
            sheet, cell = places[id(f)]
            link = put_text(ws, row, 12, f"{sheet}!{cell}")
            escaped = sheet.replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{escaped}'!{cell}")
            link.font = _LINK_FONT
    set_widths(ws, [10, 26, 34, 36, 6, 8, 36, 7, 11, 11, 80, 24])
    _list_sheet(ws, len(keys), len(found) + 1)
    return [f for _, _, f in found]


def _list_sheet(ws: Worksheet, columns: int, last_row: int) -> None:
    fit_rows(ws, 2)
    _landscape(ws)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{_col(columns)}{max(last_row, 2)}"
    for cell in ws[1]:
        cell.alignment = WRAP


def _set_properties(wb: Workbook, result: ExtractionResult, lang: str) -> None:
    props = wb.properties
    version = clean_text(result.extractor_version, 255)
    props.title = clean_text(label("doc.title", lang), 255)
    props.creator = f"extractor {version}"
    props.created = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.modified = props.created
    props.version = version
    props.description = f"extractor {version}"
    wb.custom_doc_props.append(StringProperty(name="extractor_version", value=version))


def _landscape(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _col(n: int) -> str:
    return get_column_letter(n)
