"""Word input (.docx): the samples' .docx against their PDFs, hand-made Word files,
tracked changes, and files that only carry a .docx name."""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import docx_factory as factory
import pytest
import regex
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from test_against_source import HYPHEN_EXCEPTIONS

from extractor.api import extract_file
from extractor.models import DocumentResult
from extractor.run.inputs import expand_inputs

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WORD_SAMPLES = sorted(SAMPLES.glob("*.docx"))
# Word has no pages, so no page numbers or boxes (evidence); the files differ
_NOT_COMPARED = {"page", "pages", "bbox", "cells", "header", "evidence", "sha256", "file"}
_NAMES_A_PAGE = regex.compile(r"\bside \d")


def _comparable(value: Any, exceptions: dict[str, str]) -> Any:
    """Page fields dropped; in texts, a real hyphen the PDF path cannot see (a hyphen at a
    line end, see HYPHEN_EXCEPTIONS) read the way the PDF path reads it."""
    if isinstance(value, dict):
        return {k: _comparable(v, exceptions) for k, v in value.items()
                if k not in _NOT_COMPARED}
    if isinstance(value, list):
        return [_comparable(v, exceptions) for v in value]
    if isinstance(value, str):
        for printed, read in exceptions.items():
            value = value.replace(printed, read)
    return value


def _findings(proposal: dict[str, Any]) -> list[tuple[Any, ...]]:
    """A finding without its message: the PDF's message names pages, Word's cannot."""
    return [(f["rule"], f["severity"], f["location"]["table"], f["location"]["row"],
             f["location"]["year"], f["expected"], f["found"]) for f in proposal["findings"]]


def _place_values(value: Any) -> list[Any]:
    """Every value of a field that says where on a page something stands, however deep."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k in _NOT_COMPARED - {"sha256", "file"}] + [
            x for v in value.values() for x in _place_values(v)]
    if isinstance(value, list):
        return [x for v in value for x in _place_values(v)]
    return []


def test_every_sample_pdf_has_its_word_file() -> None:
    stems = {p.stem for p in SAMPLES.glob("*.pdf")} - {"bundle_overfoerselssagen"}
    assert stems == {p.stem for p in WORD_SAMPLES}


@pytest.mark.parametrize("path", WORD_SAMPLES, ids=lambda p: p.name)
def test_word_file_reads_like_its_pdf(path: Path) -> None:
    word = extract_file(path).model_dump(mode="json")
    pdf = extract_file(path.with_suffix(".pdf")).model_dump(mode="json")
    assert word["status"] == pdf["status"] == "ok"
    assert word["pages"] is None
    places = _place_values(word)
    assert places and not [v for v in places if v not in (None, {}, [])]
    exceptions = HYPHEN_EXCEPTIONS.get(path.stem, {})
    for got, want in zip(word["proposals"], pdf["proposals"], strict=True):
        assert got["pages"] is None
        assert got["economy"]["page"] is None
        assert got["follow_up"], "Tabel 2 is read from Word"
        assert _findings(got) == _findings(want)
        assert not [f["message"] for f in got["findings"] if _NAMES_A_PAGE.search(f["message"])]
        got = {k: v for k, v in got.items() if k != "findings"}
        want = {k: v for k, v in want.items() if k != "findings"}
        assert _comparable(got, exceptions) == _comparable(want, {})
        for field in want:  # every field was compared
            assert field in got or field == "findings"


# Hand-made Word files (tests/docx_factory.py)

MODES = [("numbering", "content_control"), ("bold", "symbol"), ("bold", "character")]


@pytest.fixture(scope="module", params=MODES, ids=lambda m: f"{m[0]}-{m[1]}")
def handmade(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> DocumentResult:
    headings, boxes = request.param
    path = factory.build(tmp_path_factory.mktemp("docx") / "forslag.docx", headings, boxes)
    return extract_file(path)


def test_handmade_identity_and_sections(handmade: DocumentResult) -> None:
    assert handmade.status == "ok", handmade.error
    (proposal,) = handmade.proposals
    assert (proposal.title, proposal.case, proposal.document_type) == (
        factory.TITLE, factory.CASE, "Investeringsforslag")
    assert (proposal.summary, proposal.department) == (factory.SUMMARY, factory.DEPARTMENT)
    assert [(s.number, s.title) for s in proposal.sections] == [
        (str(n), t) for n, t in enumerate(factory.SECTIONS, start=1)]
    assert proposal.risk is not None and proposal.risk.level == "lav"
    assert proposal.innovation_proposal is True


def test_handmade_tabel_1_every_cell(handmade: DocumentResult) -> None:
    economy = handmade.proposals[0].economy
    assert economy is not None
    assert (economy.unit, economy.price_level, economy.years) == (
        "1.000 kr.", "2027 p/l", factory.YEARS)
    got = [(r.group, r.label, r.steering_area, [r.value(y) for y in factory.YEARS])
           for r in economy.rows]
    want = list(factory.TABLE_1)
    # The merged Styringsområde cell is printed once, in its first row, as in the PDF.
    want[1] = (*want[1][:2], None, want[1][3])
    assert got == want
    assert [(p.label, p.years) for p in economy.payback] == [("Tilbagebetalingstid (år)", 2)]


def test_handmade_tables_and_items(handmade: DocumentResult) -> None:
    proposal = handmade.proposals[0]
    assert [(f.group, f.goal, f.measure, f.responsible, f.deadline)
            for f in proposal.follow_up] == factory.FOLLOW_UP
    assert [(h.table, h.body, h.answer, h.date.isoformat() if h.date else "")
            for h in proposal.hearings] == [
        (t, b, a, "2026-01-14" if d else "") for t, b, a, d in factory.HEARINGS]
    assert [(c.group, c.title, c.amount_text) for c in proposal.cost_items] == [
        ("permanent", "Færre visitationsbesøg i hjemmet", "-1,5 mio. kr. årligt fra 2028"),
        ("permanent", "Drift af visitationsplatformen", "0,1 mio. kr. årligt fra 2027"),
        ("implementation", "Projektledelse og implementering", "2,0 mio. kr. i alt")]


def test_handmade_findings_are_the_planted_error(handmade: DocumentResult) -> None:
    findings = handmade.proposals[0].findings
    serious = [(f.rule, f.location.row, f.location.year, f.found) for f in findings
               if f.severity != "info"]
    year, printed = factory.WRONG_TOTAL
    assert serious == [("economy.column_total", "Samlet økonomisk påvirkning", year, printed)]
    assert all(f.location.page is None for f in findings)


@pytest.mark.parametrize("boxes", ["content_control", "symbol", "character"])
def test_innovation_box_unchecked_yes(boxes: factory.BoxMode, tmp_path: Path) -> None:
    path = factory.build(tmp_path / "nej.docx", "bold", boxes, innovation=False)
    assert extract_file(path).proposals[0].innovation_proposal is False


def test_two_proposals_in_one_word_file(tmp_path: Path) -> None:
    """Each in its own section: its own header (case) and heading numbers from 1 again."""
    cases = (factory.CASE, "Overførselssagen 2026-2027")
    for headings in ("numbering", "bold"):
        path = factory.build(tmp_path / f"to_{headings}.docx", headings, cases=cases)
        result = extract_file(path)
        assert [p.case for p in result.proposals] == list(cases)
        for proposal in result.proposals:
            assert [s.number for s in proposal.sections] == ["1", "2", "3", "4", "5", "6"]
            assert proposal.economy is not None and len(proposal.economy.rows) == 6
            assert len(proposal.follow_up) == 2 and len(proposal.hearings) == 2


@pytest.mark.parametrize("how", ["gridSpan", "hMerge"])
def test_amount_in_a_cell_merged_over_two_years_is_not_guessed(how: str, tmp_path: Path
                                                               ) -> None:
    """"2.000" printed across 2028 and 2029 (merged the usual way, or with the older
    `w:hMerge`): it belongs to neither year alone."""
    document = docx.Document(str(factory.build(tmp_path / "forslag.docx")))
    table = next(t for t in document.tables
                 if t.rows[0].cells[1].text == "Styringsområde")
    row = next(r for r in table.rows if r.cells[0].text == "Projektledelse og implementering")
    if how == "gridSpan":
        row.cells[4].merge(row.cells[5]).paragraphs[0].add_run("2.000")
    else:
        first, second = row.cells[4], row.cells[5]
        first.paragraphs[0].add_run("2.000")
        first._tc.get_or_add_tcPr().append(parse_xml(f'<w:hMerge {W} w:val="restart"/>'))
        second._tc.get_or_add_tcPr().append(parse_xml(f"<w:hMerge {W}/>"))
    document.save(str(tmp_path / "flettet.docx"))
    proposal = extract_file(tmp_path / "flettet.docx").proposals[0]
    assert proposal.economy is not None
    got = next(r for r in proposal.economy.rows if r.label == "Projektledelse og implementering")
    assert got.values == {"2026": 1200, "2027": 800, "2028": None, "2029": None}
    assert [(f.rule, f.location.row) for f in proposal.findings
            if f.rule == "economy.unreadable_cell"] == [
        ("economy.unreadable_cell", "Projektledelse og implementering")]


# Tracked changes and comments

W = nsdecls("w")
_REVISION = 'w:id="{id}" w:author="Kollega" w:date="2026-01-10T10:00:00Z"'


def _run_xml(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def _tracked(path: Path, tmp_path: Path) -> Path:
    """The hand-made proposal edited with Word's change tracking on, and commented."""
    document = docx.Document(str(path))
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    first = next(p for p in paragraphs
                 if "Visitationen flyttes" in "".join(t.text or "" for t in p.iter(qn("w:t"))))
    for r in list(first.iter(qn("w:r"))):
        first.remove(r)
    first.append(parse_xml(f"<w:r {W}><w:t>Visitationen flyttes fra </w:t></w:r>"))
    first.append(parse_xml(f"<w:del {W} {_REVISION.format(id=1)}>"
                           f"{_run_xml('besøg i hjemmet', deleted=True)}</w:del>"))
    first.append(parse_xml(f"<w:ins {W} {_REVISION.format(id=2)}>"
                           f"{_run_xml('hjemmebesøg')}</w:ins>"))
    first.append(parse_xml(f"<w:r {W}><w:t xml:space=\"preserve\"> til en digital platform."
                           "</w:t></w:r>"))
    # Tabel 1: "-800" was typed as "-900", deleted, and "-800" inserted
    cell_t = next(t for t in body.iter(qn("w:t")) if t.text == "-800")
    run = cell_t.getparent()
    run.addprevious(parse_xml(f"<w:del {W} {_REVISION.format(id=3)}>"
                              f"{_run_xml('-900', deleted=True)}</w:del>"))
    ins = parse_xml(f"<w:ins {W} {_REVISION.format(id=4)}/>")
    run.addprevious(ins)
    ins.append(run)
    # Tabel 2: a third goal row that was deleted
    goal = next(t for t in body.iter(qn("w:t")) if t.text == "Ledelsesinformation")
    row = next(a for a in goal.iterancestors() if a.tag == qn("w:tr"))
    extra = copy.deepcopy(row)
    for t in extra.iter(qn("w:t")):
        t.text = "Slettet mål"
    tr_pr = extra.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = parse_xml(f"<w:trPr {W}/>")
        extra.insert(0, tr_pr)
    tr_pr.append(parse_xml(f"<w:del {W} {_REVISION.format(id=5)}/>"))
    row.addnext(extra)
    # a comment on the risk paragraph: comments are not part of the text
    risk = next(p for p in document.paragraphs if p.text.startswith("Risikoen vurderes"))
    document.add_comment(risk.runs, text="Er risikoen virkelig lav?", author="Kollega")
    out = tmp_path / "sporede.docx"
    document.save(str(out))
    return out


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    plain = factory.build(tmp_path / "forslag.docx")
    result = extract_file(_tracked(plain, tmp_path))
    assert result.status == "ok", result.error
    (proposal,) = result.proposals
    assert proposal.sections[0].text == "Visitationen flyttes fra hjemmebesøg til en digital " \
                                        "platform."
    assert proposal.economy is not None
    assert proposal.economy.rows[0].value(2027) == -800
    assert [f.goal for f in proposal.follow_up] == [g[1] for g in factory.FOLLOW_UP]
    assert "virkelig" not in json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
    tracked = [f for f in proposal.findings if f.rule == "document.tracked_changes"]
    assert [(f.severity, "accepteret" in f.message) for f in tracked] == [("info", True)]
    untouched = extract_file(plain).proposals[0]
    assert not [f for f in untouched.findings if f.rule == "document.tracked_changes"]


def test_deleted_paragraph_mark_joins_the_paragraphs(tmp_path: Path) -> None:
    plain = factory.build(tmp_path / "forslag.docx")
    document = docx.Document(str(plain))
    first = next(p for p in document.paragraphs if p.text.startswith("Visitationen flyttes"))
    first.text = "Visitationen flyttes"
    mark = first._p.get_or_add_pPr()
    mark.append(parse_xml(f"<w:rPr {W}><w:del {_REVISION.format(id=9)}/></w:rPr>"))
    first._p.addnext(parse_xml(f"<w:p {W}><w:r><w:t xml:space=\"preserve\"> til video.</w:t>"
                               "</w:r></w:p>"))
    document.save(str(tmp_path / "samlet.docx"))
    proposal = extract_file(tmp_path / "samlet.docx").proposals[0]
    assert proposal.sections[0].text == "Visitationen flyttes til video."


# Files that are not Word documents

def _error(path: Path) -> tuple[str, str]:
    result = extract_file(path)
    assert result.status == "error"
    assert result.error is not None
    return result.error.code, result.error.message


def test_legacy_doc_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gammelt forslag.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    code, message = _error(path)
    assert code == "not_pdf"
    assert "gammelt forslag.docx" in message and ".doc)" in message
    assert "gem den som Word-dokument (.docx) eller som PDF" in message


def test_other_formats_renamed_docx(tmp_path: Path) -> None:
    text = tmp_path / "noter.docx"
    text.write_text("Kort resumé: ikke et Word-dokument", encoding="utf-8")
    sheet = tmp_path / "regneark.docx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    for path in (text, sheet):
        code, message = _error(path)
        assert code == "not_pdf"
        assert path.name in message and "ikke et Word-dokument (.docx)" in message


def test_damaged_docx_is_corrupt(tmp_path: Path) -> None:
    """Every part present, but the body's XML cut off (an interrupted save)."""
    whole = factory.build(tmp_path / "hel.docx")
    broken = tmp_path / "beskadiget.docx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[:len(data) // 2] if name == "word/document.xml" else data)
    cut = tmp_path / "afbrudt.docx"  # an interrupted download: the zip's directory is missing
    cut.write_bytes(whole.read_bytes()[:5000])
    for path in (broken, cut):
        code, message = _error(path)
        assert code == "corrupt"
        assert path.name in message and "Word-dokumentet er beskadiget" in message


def test_pdf_under_a_docx_name_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "forloebsprogram.docx"
    path.write_bytes((SAMPLES / "forloebsprogram.pdf").read_bytes())
    result = extract_file(path)
    assert result.status == "ok"
    assert result.pages == 8


def test_directory_picks_up_word_files_but_not_lock_files(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"x")
    (tmp_path / "~$a.docx").write_bytes(b"x")  # Word's lock file beside an open document
    (tmp_path / "b.pdf").write_bytes(b"x")
    names = [Path(p).name for p, _ in expand_inputs([str(tmp_path)])]
    assert names == ["a.docx", "b.pdf"]


# Word files written by another program

RESAVED = Path(__file__).resolve().parent / "data" / "docx"


@pytest.mark.parametrize("path", sorted(RESAVED.glob("*_libreoffice.docx")), ids=lambda p: p.name)
def test_word_file_saved_again_by_libreoffice_reads_the_same(path: Path) -> None:
    """The sample opened and saved as .docx by LibreOffice Writer 7.4 (committed, so the
    test needs no LibreOffice): other XML for the same document (its own run splitting,
    direct formatting, table properties), the same extraction."""
    stem = path.name.removesuffix("_libreoffice.docx")
    got = extract_file(path).model_dump(mode="json")
    want = extract_file(SAMPLES / f"{stem}.docx").model_dump(mode="json")
    assert got["status"] == "ok"
    assert got["proposals"] == want["proposals"]
