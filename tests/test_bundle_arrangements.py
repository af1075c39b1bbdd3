"""Bundles arranged in other ways than ours: cover sheets and contents pages between proposals."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from pdf_factory import write_pdf

from extractor.api import extract_file
from extractor.models import Proposal

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

_COVER = b"\n".join([
    b"BT /F2 20 Tf 72 690 Td (Overf\xf8rselssagen 2025-2026) Tj ET",
    b"BT /F1 14 Tf 72 660 Td (Investeringsforslag fra Socialforvaltningen) Tj ET",
    b"BT /F1 11 Tf 72 630 Td (Indhold: Tabel 1. Forslagets samlede \xf8konomiske konsekvenser "
    b"i hvert forslag, 21,1 mio. kr. i alt) Tj ET",
])


def _cover(path: Path) -> None:
    """A cover sheet with no page header or footer, and a blank page after it."""
    fonts = (b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
             b"/Encoding /WinAnsiEncoding >> /F2 << /Type /Font /Subtype /Type1 "
             b"/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >> >>")
    write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font " + fonts + b" >> >>",
        b"<< /Length %d >>\nstream\n" % len(_COVER) + _COVER + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])


def _bundle(path: Path, parts: list[Path]) -> None:
    bundle = pypdfium2.PdfDocument.new()
    for part in parts:
        source = pypdfium2.PdfDocument(part)
        bundle.import_pages(source)
        source.close()
    bundle.save(path)
    bundle.close()


def _essence(p: Proposal) -> tuple:
    """The parts a cover sheet could disturb (pages shift in a bundle)."""
    assert p.economy is not None
    return (p.title, p.case, [(s.number, s.text) for s in p.sections],
            [(r.label, r.values) for r in p.economy.rows],
            [(f.rule, f.location.row, f.location.year) for f in p.findings])


def test_a_cover_sheet_between_proposals_belongs_to_neither(tmp_path: Path) -> None:
    cover = tmp_path / "cover.pdf"
    _cover(cover)
    first, second = SAMPLES / "din_sociale_indgang.pdf", SAMPLES / "plejefamilier.pdf"
    bundle = tmp_path / "bundt.pdf"
    _bundle(bundle, [cover, first, cover, second])
    result = extract_file(bundle)
    assert result.status == "ok" and len(result.proposals) == 2
    alone = [extract_file(p).proposals[0] for p in (first, second)]
    one, two = result.proposals
    pages_alone = len(pypdfium2.PdfDocument(first))
    assert one.pages == [3, 2 + pages_alone]
    left_out = [f for f in one.findings if f.rule == "document.pages_left_out"]
    assert len(left_out) == 1 and left_out[0].location.page == 3 + pages_alone
    assert "Overførselssagen 2025-2026" in left_out[0].location.evidence[0].text
    assert _essence(one.model_copy(update={"findings": [
        f for f in one.findings if f.rule != "document.pages_left_out"]})) == _essence(alone[0])
    assert _essence(two) == _essence(alone[1])


def test_a_part_from_another_round_keeps_its_page_header_out_of_the_text(tmp_path: Path) -> None:
    """A short proposal of another budget round ("Budget 2027", 3 of 30 pages) bundled
    with long ones: its page header repeats on too few pages for a header of the file."""
    parts = [SAMPLES / f"{stem}.pdf" for stem in
             ("din_sociale_indgang", "skoler_budget2027", "plejefamilier", "forloebsprogram")]
    bundle = tmp_path / "bundt.pdf"
    _bundle(bundle, parts)
    result = extract_file(bundle)
    assert result.status == "ok" and len(result.proposals) == len(parts)
    for proposal, part in zip(result.proposals, parts, strict=True):
        assert _essence(proposal) == _essence(extract_file(part).proposals[0]), part.name
