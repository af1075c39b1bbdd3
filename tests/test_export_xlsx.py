"""The Excel workbook: every amount, finding and goal read back, the SUM checks verified,
and no document text ever turned into a formula.

The sample workbook holds the findings of the consistency checks (run here when the
extraction did not already attach them). Formulas are checked by parsing their
references and summing the referenced cells in Python; where LibreOffice (`soffice`)
is installed, the workbook is also recalculated by it and the values compared.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from extractor.api import extract_file
from extractor.checks import run_checks
from extractor.export.workbook import to_xlsx_bytes, write_xlsx
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.layout import sheet_name
from extractor.models import (
    DocumentError,
    DocumentResult,
    Economy,
    EconomyRow,
    ExtractionResult,
    Finding,
    FollowUp,
    Location,
    Payback,
    Proposal,
    Risk,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PDFS = sorted(SAMPLES.glob("*.pdf"))
HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "=1+1", "\t=2", "\r=3"]
_REF = r"(?:'(?:[^']|'')+'!)?[A-Z]+\d+(?::[A-Z]+\d+)?"  # a quoted sheet name is inert text
OUR_FORMULA = re.compile(rf"=SUM\({_REF}(?:,{_REF})*\)")
_SHEET_REF = re.compile(r"'((?:[^']|'')+)'!")
SUM_RULES = ("economy.column_total", "economy.rounding_gap", "economy.empty_total")


# --- fixtures -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def result(samples: dict[str, DocumentResult]) -> ExtractionResult:
    docs = [samples[pdf.stem].model_copy(update={"file": f"samples/{pdf.name}"}, deep=True)
            for pdf in PDFS]
    for doc in docs:
        for proposal in doc.proposals:
            if not proposal.findings:
                proposal.findings = run_checks(proposal)
    docs.append(extract_file(SAMPLES / "findes_ikke.pdf", "samples/findes_ikke.pdf"))
    return ExtractionResult(documents=docs)


@pytest.fixture(scope="module")
def xlsx(result: ExtractionResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "rapport.xlsx"
    write_xlsx(result, path)
    return path


@pytest.fixture(scope="module")
def wb(xlsx: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(xlsx)


def _proposals(result: ExtractionResult) -> list[tuple[DocumentResult, Proposal]]:
    return [(d, p) for d in result.documents for p in d.proposals]


def _header(ws: Worksheet, first_key: str, lang: str = "da") -> tuple[int, dict[str, int]]:
    """(row, {column title: column}) of the sheet's header row."""
    first = label(first_key, lang)
    for row in ws.iter_rows():
        if row[0].value == first:
            return row[0].row, {c.value: c.column for c in row if c.value}
    raise AssertionError(f"no header row starting with {first!r} in {ws.title}")


def _records(ws: Worksheet, first_key: str) -> list[dict[str, object]]:
    top, cols = _header(ws, first_key)
    return [{title: ws.cell(row=r, column=c).value for title, c in cols.items()}
            for r in range(top + 1, ws.max_row + 1)]


def _proposal_sheets(wb: openpyxl.Workbook, result: ExtractionResult) -> list[Worksheet]:
    """The proposal sheets in result order, found through the overview's links."""
    rows = [r for r in _records(wb[label("sheet.overview", "da")], "col.file")
            if r[label("col.status", "da")] == label("status.ok", "da")]
    assert len(rows) == len(_proposals(result))
    return [wb[str(r[label("col.sheet", "da")])] for r in rows]


def _sum_refs(formula: str) -> list[tuple[int, int]]:
    """(column, row) of every cell a =SUM(…) formula refers to."""
    m = re.fullmatch(r"=SUM\((.*)\)", formula)
    assert m, formula
    cells = []
    for part in m.group(1).split(","):
        c1, r1, c2, r2 = range_boundaries(part)
        cells += [(c, r) for c in range(c1, c2 + 1) for r in range(r1, r2 + 1)]
    return cells


def _table_layout(ws: Worksheet, economy: Economy) -> tuple[dict[int, int], dict[int, int],
                                                            dict[int, int]]:
    """(economy row index → sheet row, year → printed column, year → check column)."""
    top, cols = _header(ws, "col.row")
    year_col = {y: cols[str(y)] for y in economy.years}
    check_col = {y: cols[label("col.check", "da", year=y)] for y in economy.years}
    row_of: dict[int, int] = {}
    r = top + 1
    for i, erow in enumerate(economy.rows):
        text = erow.label + (f" {erow.footnote}" if erow.footnote else "")
        while ws.cell(row=r, column=1).value != text:
            r += 1
            assert r <= ws.max_row, f"{ws.title}: row {text!r} not found"
        assert ws.cell(row=r, column=2).value == erow.steering_area
        row_of[i] = r
        r += 1
    return row_of, year_col, check_col


def _numeric(value: object) -> int:
    return 0 if value is None else int(value)  # type: ignore[call-overload]


# --- structure --------------------------------------------------------------------------

def test_sheet_order_and_names(wb: openpyxl.Workbook, result: ExtractionResult) -> None:
    names = wb.sheetnames
    assert names[:2] == ["Oversigt", "Tabel 1"]
    assert names[-2:] == ["Opfølgning", "Fund"]
    assert len(names) == 6 + len(_proposals(result))  # + Runde, Bilag
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


@pytest.mark.parametrize(("wanted", "taken", "expected"), [
    ("Oversigt", {"Oversigt"}, "Oversigt (2)"),
    ("a/b:c*d?e[f]g\\h", set(), "a b c d e f g h"),
    ("x" * 40, set(), "x" * 31),
    ("x" * 40, {"x" * 31}, "x" * 27 + " (2)"),
    ("1 Forløbsprogram for unge på midlertidigt botilbud", set(), "1 Forløbsprogram for unge på…"),
    ("1 Forløbsprogram for unge på midlertidigt botilbud", {"1 Forløbsprogram for unge på…"},
     "1 Forløbsprogram for unge… (2)"),
    ("3 Bedre vilkår for plejefamilier", set(), "3 Bedre vilkår for…"),
    ("'quoted'", set(), "quoted"),
    ("", set(), "Ark"),
])
def test_sheet_name(wanted: str, taken: set[str], expected: str) -> None:
    assert sheet_name(wanted, set(taken)) == expected


def test_overview_row_per_proposal_and_unreadable_file(wb: openpyxl.Workbook,
                                                       result: ExtractionResult) -> None:
    ws = wb["Oversigt"]
    assert "oversigt" in str(ws["A1"].value).lower() and ws["A2"].value
    records = _records(ws, "col.file")
    ok = [r for r in records if r["Status"] == "ok"]
    assert [(r["Fil"], r["Titel"]) for r in ok] == [
        (d.file, p.title) for d, p in _proposals(result)]
    for record, (_, proposal) in zip(ok, _proposals(result), strict=True):
        assert record["Fejl"] == sum(f.severity == "error" for f in proposal.findings)
        assert record["Advarsler"] == sum(f.severity == "warning" for f in proposal.findings)
        assert record["Forvaltning"] == proposal.department
        economy = proposal.economy
        assert economy is not None
        plain = next(r for r in economy.rows if r.group == "permanent" and r.role == "total"
                     and r.label.strip().lower() == "samlet varig ændring")
        for year in economy.years:
            assert record[f"Samlet varig ændring {year}"] == plain.value(year)
        assert record["Prisniveau"] == economy.price_level
    bad = [r for r in records if r["Status"] != "ok"]
    assert len(bad) == 1 and bad[0]["Fil"] == "samples/findes_ikke.pdf"
    assert str(bad[0]["Fejl ved læsning"]).startswith("not_found:")
    assert ws.freeze_panes and ws.auto_filter.ref


def test_overview_links_point_at_the_proposal_sheets(wb: openpyxl.Workbook,
                                                     result: ExtractionResult) -> None:
    for sheet, (_, proposal) in zip(_proposal_sheets(wb, result), _proposals(result),
                                    strict=True):
        assert sheet["A1"].value == proposal.title
    top, cols = _header(wb["Oversigt"], "col.file")
    link = wb["Oversigt"].cell(row=top + 1, column=cols["Ark"]).hyperlink
    assert link is not None and link.location.endswith("'!A1")


def test_document_properties(wb: openpyxl.Workbook, result: ExtractionResult) -> None:
    props = wb.properties
    assert props.title and props.subject and props.created is not None
    assert props.language == "da-DK"
    assert props.version == result.extractor_version
    custom = {p.name: p.value for p in wb.custom_doc_props.props}
    assert custom["extractor_version"] == result.extractor_version


# --- every amount, finding and goal -----------------------------------------------------

def test_long_table_holds_every_amount(wb: openpyxl.Workbook, result: ExtractionResult) -> None:
    ws = wb["Tabel 1"]
    assert len(ws.tables) == 1
    table = next(iter(ws.tables.values()))
    assert table.ref == f"A1:I{ws.max_row}"
    got = {(r["Fil"], r["Forslag"], r["Rækkenr."], r["År"]): r for r in _records(ws, "col.file")}
    expected = 0
    for doc, proposal in _proposals(result):
        assert proposal.economy is not None
        for no, row in enumerate(proposal.economy.rows, start=1):
            for year in proposal.economy.years:
                record = got[(doc.file, proposal.title, no, year)]
                assert record["Beløb"] == row.value(year)
                assert record["Række"] == row.label
                assert record["Styringsområde"] == row.steering_area
                expected += 1
    assert len(got) == expected


def test_proposal_sheets_print_tabel_1(wb: openpyxl.Workbook, result: ExtractionResult) -> None:
    amounts = 0
    for ws, (_, proposal) in zip(_proposal_sheets(wb, result), _proposals(result), strict=True):
        economy = proposal.economy
        assert economy is not None
        row_of, year_col, _ = _table_layout(ws, economy)
        for i, erow in enumerate(economy.rows):
            for year in economy.years:
                cell = ws.cell(row=row_of[i], column=year_col[year])
                assert cell.value == erow.value(year), (ws.title, erow.label, year)
                if cell.value is not None:
                    assert isinstance(cell.value, int) and cell.number_format == "#,##0"
                    amounts += 1
        assert ws.freeze_panes
    assert amounts > 500


def test_sum_formulas_recompute_the_printed_totals(wb: openpyxl.Workbook,
                                                   result: ExtractionResult) -> None:
    """Each check formula's references summed in Python equal the printed total wherever
    the checks find the total consistent, and differ exactly where they report it."""
    checked = differing = 0
    for ws, (_, proposal) in zip(_proposal_sheets(wb, result), _proposals(result), strict=True):
        economy = proposal.economy
        assert economy is not None
        flagged = {(f.location.row, f.location.year) for f in run_checks(proposal)
                   if f.rule in SUM_RULES}
        row_of, year_col, check_col = _table_layout(ws, economy)
        for i, erow in enumerate(economy.rows):
            for year in economy.years:
                formula = ws.cell(row=row_of[i], column=check_col[year]).value
                if erow.role != "total":
                    assert formula is None, (ws.title, erow.label)
                    continue
                assert isinstance(formula, str) and OUR_FORMULA.fullmatch(formula), formula
                refs = _sum_refs(formula)
                assert {c for c, _ in refs} == {year_col[year]}
                assert row_of[i] not in {r for _, r in refs}
                total = sum(_numeric(ws.cell(row=r, column=c).value) for c, r in refs)
                printed = _numeric(erow.value(year))
                if (erow.label, year) in flagged:
                    differing += total != printed
                else:
                    assert total == printed, (ws.title, erow.label, year, formula)
                    checked += 1
    assert checked > 200 and differing >= 2  # forløbsprogram's 2030 and 2031


def test_heraf_rows_get_no_formula_and_overall_sums_group_totals(
        wb: openpyxl.Workbook, result: ExtractionResult) -> None:
    doc, proposal = next((d, p) for d, p in _proposals(result)
                         if d.file == "samples/forloebsprogram.pdf")
    ws = _proposal_sheets(wb, result)[_proposals(result).index((doc, proposal))]
    economy = proposal.economy
    assert economy is not None
    row_of, _, check_col = _table_layout(ws, economy)
    idx = {r.label: i for i, r in enumerate(economy.rows)}
    year = economy.years[-1]
    heraf = ws.cell(row=row_of[idx["Heraf nettoeffektivisering"]], column=check_col[year])
    assert heraf.value is None
    overall = ws.cell(row=row_of[idx["Samlet økonomisk påvirkning"]], column=check_col[year])
    refs = {r for _, r in _sum_refs(overall.value)}
    assert refs == {row_of[idx["Samlet varig ændring"]],
                    row_of[idx["Samlede implementeringsomkostninger"]]}
    service = ws.cell(row=row_of[idx["Samlet varig ændring, Overførsler"]], column=check_col[year])
    assert {r for _, r in _sum_refs(service.value)} == {row_of[idx["Huslejetilskud"]]}
    assert ws.conditional_formatting  # the red marking of a differing total


def test_every_finding_on_the_findings_sheet_errors_first(wb: openpyxl.Workbook,
                                                          result: ExtractionResult) -> None:
    records = _records(wb["Fund"], "col.severity")
    findings = [f for _, p in _proposals(result) for f in p.findings]
    assert findings, "the samples should produce findings"
    assert sorted((r["Regel"], r["Besked"]) for r in records) == sorted(
        (f.rule, f.message) for f in findings)
    ranks = [["fejl", "advarsel", "info"].index(str(r["Alvor"])) for r in records]
    assert ranks == sorted(ranks)
    top, _ = _header(wb["Fund"], "col.severity")
    assert wb["Fund"].auto_filter.ref and wb["Fund"].freeze_panes == f"A{top + 1}"


def test_every_finding_is_a_comment_on_its_proposal_sheet(wb: openpyxl.Workbook,
                                                          result: ExtractionResult) -> None:
    for ws, (_, proposal) in zip(_proposal_sheets(wb, result), _proposals(result), strict=True):
        comments = "\n".join(c.comment.text for row in ws.iter_rows() for c in row if c.comment)
        for f in proposal.findings:
            assert f.message in comments, (ws.title, f.rule)
        economy = proposal.economy
        assert economy is not None
        row_of, year_col, _ = _table_layout(ws, economy)
        for f in proposal.findings:
            if f.location.table == "Tabel 1" and f.location.year in year_col:
                rows = [row_of[i] for i, r in enumerate(economy.rows) if r.label == f.location.row]
                if rows:
                    cell = ws.cell(row=rows[0], column=year_col[f.location.year])
                    assert cell.comment and f.message in cell.comment.text
                    assert cell.fill.fgColor.rgb != "00000000"


def test_every_follow_up_goal(wb: openpyxl.Workbook, result: ExtractionResult) -> None:
    records = _records(wb["Opfølgning"], "col.file")
    expected = [(d.file, p.title, g.goal, g.deadline) for d, p in _proposals(result)
                for g in p.follow_up]
    assert expected
    assert [(r["Fil"], r["Forslag"], r["Opfølgningsmål"], r["Hvornår"]) for r in records] == (
        expected)


def test_english_labels(result: ExtractionResult, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_xlsx(result, path, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["Overview", "Table 1"]
    assert wb.sheetnames[-2:] == ["Follow-up", "Findings"]
    top, cols = _header(wb["Findings"], "col.severity", "en")
    assert {"Severity", "Rule", "Message"} <= set(cols)
    assert {wb["Findings"].cell(row=r, column=1).value
            for r in range(top + 1, wb["Findings"].max_row + 1)} <= {"error", "warning", "info"}
    with pytest.raises(ValueError, match="unknown language"):
        write_xlsx(result, tmp_path / "x.xlsx", lang="de")
    assert not (tmp_path / "x.xlsx").exists()


def test_write_is_atomic(result: ExtractionResult, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rapport.xlsx"
    path.write_bytes(b"old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_xlsx(result, path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.xlsx"]


# --- nothing from a document becomes a formula -----------------------------------------

def _hostile_result() -> ExtractionResult:
    years = [2027, 2028]

    def row(group: str, text: str, role: str = "item", values: tuple[int, int] = (1, 2),
            area: str | None = "Service") -> EconomyRow:
        return EconomyRow(group=group, label=text, steering_area=area, role=role,
                          values=dict(zip(map(str, years), values, strict=True)))

    rows = [row("permanent", h + " post", values=(i, i)) for i, h in enumerate(HOSTILE)]
    rows.append(row("permanent", "=SUM(A1:A9) i alt", role="total", area=None,
                    values=(21, 21)))
    rows.append(row("permanent", "@Heraf noget", role="of_which", area="-Service"))
    rows.append(row("overall", "+Samlet økonomisk påvirkning", role="total", area=None,
                    values=(21, 21)))
    economy = Economy(unit="=1.000 kr.", price_level="@2027 p/l", years=years, page=1, rows=rows,
                      payback=[Payback(label="=Tilbagebetalingstid", years=None, text="-4")],
                      notes=HOSTILE)
    findings = [Finding(rule="+rule", severity=sev, message=h + " besked",
                        location=Location(page=1, table="Tabel 1", row=rows[i].label,
                                          year=2027 if i % 2 else None), expected=1, found=2)
                for i, (h, sev) in enumerate(zip(HOSTILE, ["error", "warning", "info"] * 3,
                                                 strict=False))]
    findings.append(Finding(rule="=x", severity="error", message="-uden celle",
                            location=Location(table="=Tabel 2", row="@række")))
    proposal = Proposal(
        title=HOSTILE[0] + " titel", case="+Budget", document_type="-Investeringsforslag",
        department="@Forvaltning", summary="=HYPERLINK(\"http://x\",\"klik\")", pages=[1, 2],
        economy=economy, risk=Risk(level="=lav", text="-"),
        follow_up=[FollowUp(group=h, goal=h + " mål", measure=h, responsible=h, deadline=h)
                   for h in HOSTILE],
        findings=findings)
    return ExtractionResult(documents=[
        DocumentResult(file="=evil.pdf", pages=2, proposals=[proposal]),
        DocumentResult(file="+bad.pdf", status="error",
                       error=DocumentError(code="corrupt", message="@SUM(A1) defekt"))])


def _assert_no_document_formula(path: Path, hostile_texts: list[str]) -> None:
    wb = openpyxl.load_workbook(path)
    texts = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert OUR_FORMULA.fullmatch(str(cell.value)), (ws.title, cell.value)
                    for sheet in _SHEET_REF.findall(str(cell.value)):  # only our own sheets
                        assert sheet.replace("''", "'") in wb.sheetnames, (ws.title, sheet)
                elif isinstance(cell.value, str):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    texts.add(cell.value)
                    if cell.value[:1] in "=+-@\t\r\n":
                        assert cell.quotePrefix, (ws.title, cell.coordinate)
    for text in hostile_texts:
        assert text in texts, text
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            xml = z.read(name).decode("utf-8")
            for formula in re.findall(r"<(?:\w+:)?f(?:\s[^>]*)?>(.*?)</(?:\w+:)?f>", xml):
                assert OUR_FORMULA.fullmatch("=" + formula), (name, formula)
            formulas = "".join(re.findall(r"<(?:\w+:)?f\b.*?</", xml))
            assert "HYPERLINK" not in _SHEET_REF.sub("", formulas.replace("&apos;", "'"))


def test_hostile_texts_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.xlsx"
    write_xlsx(_hostile_result(), path)
    _assert_no_document_formula(path, [
        HOSTILE[0] + " titel", "@Forvaltning", "+Budget", "=HYPERLINK(\"http://x\",\"klik\")",
        "+1 post", "-1 post", "@SUM(A1) post", "\t=2 post", "\n=3 post", "=SUM(A1:A9) i alt",
        "-Service", HOSTILE[0] + " mål", "@SUM(A1) besked", "=evil.pdf", "+bad.pdf",
        "corrupt: @SUM(A1) defekt", "=1.000 kr.", "=Tilbagebetalingstid", "-4", "=lav"])


def test_hostile_sample_pdf_cells_are_strings(tmp_path: Path) -> None:
    doc = extract_file(SAMPLES / "fjendtlige_formler.pdf", "samples/fjendtlige_formler.pdf")
    assert doc.status == "ok"
    path = tmp_path / "fjendtlig.xlsx"
    write_xlsx(ExtractionResult(documents=[doc]), path)
    _assert_no_document_formula(path, [
        "=HYPERLINK(\"http://x\",\"y\") Testforslag med formler i teksten",
        "-Økonomiforvaltningen",
        "=HYPERLINK(\"http://x\",\"y\") Besparelse på kørsel", "+1 ekstra medarbejder i drift",
        "-1 licens til fagsystem", "@SUM(A1) projektledelse",
        "=HYPERLINK(\"http://x\",\"y\") Systemet er taget i brug.", "=SUM(1,2)", "@2028"])


def test_illegal_control_characters_are_dropped() -> None:
    result = _hostile_result()
    result.documents[0].proposals[0].summary = "tekst\x00med\x0bstyretegn"
    data = to_xlsx_bytes(result)
    assert data[:2] == b"PK"


# --- recalculated by LibreOffice, where it is installed ----------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_recalculates_to_the_printed_totals(
        xlsx: Path, result: ExtractionResult, tmp_path: Path) -> None:
    out = tmp_path / "out"
    hostile = tmp_path / "hostile.xlsx"
    write_xlsx(_hostile_result(), hostile)
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(xlsx), str(hostile)],
        check=True, capture_output=True, text=True, timeout=300)
    if not (out / "rapport.xlsx").exists() and "could not be loaded" in run.stderr:
        pytest.skip("LibreOffice is installed without Calc (libreoffice-calc)")
    wb = openpyxl.load_workbook(out / "rapport.xlsx", data_only=True)
    checked = 0
    for ws, (_, proposal) in zip(_proposal_sheets(wb, result), _proposals(result), strict=True):
        economy = proposal.economy
        assert economy is not None
        flagged = {(f.location.row, f.location.year) for f in run_checks(proposal)
                   if f.rule in SUM_RULES}
        row_of, _, check_col = _table_layout(ws, economy)
        for i, erow in enumerate(economy.rows):
            if erow.role != "total":
                continue
            for year in economy.years:
                value = ws.cell(row=row_of[i], column=check_col[year]).value
                assert isinstance(value, int | float), (ws.title, erow.label, year, value)
                if (erow.label, year) not in flagged:
                    assert value == _numeric(erow.value(year)), (ws.title, erow.label, year)
                    checked += 1
    assert checked > 200
    recalculated = openpyxl.load_workbook(out / "hostile.xlsx", data_only=True)
    values = {c.value for ws in recalculated.worksheets for row in ws.iter_rows() for c in row}
    assert HOSTILE[0] + " titel" in values and "@SUM(A1) besked" in values


def test_text_input_has_no_page_numbers_in_the_workbook(tmp_path: Path) -> None:
    """Text input has pages null: the overview leaves 'Sider' empty, the sheet says '-'."""
    document = extract_file(ROOT / "tests" / "data" / "seed_three_proposals.txt")
    assert document.status == "ok" and len(document.proposals) == 3
    path = tmp_path / "seed.xlsx"
    write_xlsx(ExtractionResult(documents=[document]), path)
    wb = openpyxl.load_workbook(path)
    overview = wb.worksheets[0]
    header = next(r for r in overview.iter_rows(values_only=True) if r[0] == "Fil")
    rows = [r for r in overview.iter_rows(values_only=True) if r[0] == document.file]
    assert len(rows) == 3
    assert all(r[header.index("Sider")] is None for r in rows)
    sheet = wb[rows[0][header.index("Ark")]]
    assert "sider - · Tabel 1 på side -" in sheet.cell(2, 1).value
