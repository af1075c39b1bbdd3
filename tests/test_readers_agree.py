"""The PDFium reader (the default) and the pdfplumber reader (the reference) agree.

On every sample PDF, every PDF under tests/data/ and tests/renderings/ (other
producers), PDFs built here with fonts the samples lack (standard fonts, a non-zero
descriptor descent) and rotated pages: the same words (text, bold, size equal; positions
within 0.5 pt), the same ruling lines, and byte-identical extraction JSON, except on the
renderings listed below, where an evidence box edge may lie one 0.01 pt step apart.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pypdfium2
import pytest
from pdf_factory import write_pdf

from extractor.api import extract_file
from extractor.read import pdf, pdfium
from extractor.read.page import Page

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
TEST_PDFS = sorted((ROOT / "tests" / "data").rglob("*.pdf"))
RENDERINGS = sorted((ROOT / "tests" / "renderings").glob("*.pdf"))
TOLERANCE = 0.5  # pt
# Renderings whose JSON the readers give apart by an evidence box edge, one 0.01 pt step
# (test_both_readers_give_the_same_json_but_for_box_edges_on_the_grid; every value, text
# and finding the same). Chromium writes its text under a scaling CTM (0.24 × 3.125), so
# pdfminer's character positions are products PDFium's float32 cannot give back bit for
# bit: some lie up to ~0.0005 pt off pdfminer's, which moves a box edge lying within that
# of a 0.01 pt grid line (bbox_of rounds outwards) by one step; in s0209 (LibreOffice) and
# x0002 (Ghostscript) PDFium's float32 sum along a line kerned by TJ numbers does the same
# (pdfium.py keeps PDFium's position after a TJ number: Ghostscript's 0.993796 cannot be
# told from noise on 1). The same noise in the font size no longer splits runs:
# char_words takes sizes equal to 0.001 pt as one, so words agree on every rendering.
JSON_DIFFERS = frozenset({
    "s0004_html_din_sociale_indgang",
    "s0016_html_plejefamilier",
    "s0043_html_din_sociale_indgang+forloebsprogram+plejefamilier",
    "s0052_html_din_sociale_indgang",
    "s0209_docx_din_sociale_indgang",
    "s0220_html_fjendtlige_formler",
    "s0244_html_teknik_sidebrud",
    "s0457_weasyprint_forloebsprogram",  # WeasyPrint also scales (0.75)
    "s0544_html_forloebsprogram",
    "x0001_cairo_skoler_budget2027",
    "x0002_gs_plejefamilier",
})


def _assert_same_pages(reference: list[Page], pages: list[Page]) -> None:
    assert len(pages) == len(reference)
    for ref, page in zip(reference, pages, strict=True):
        where = f"page {ref.number}"
        assert page.number == ref.number
        assert page.width == pytest.approx(ref.width, abs=TOLERANCE), where
        assert page.height == pytest.approx(ref.height, abs=TOLERANCE), where
        assert [w.text for w in page.words] == [w.text for w in ref.words], where
        for got, want in zip(page.words, ref.words, strict=True):
            assert (got.bold, got.size) == (want.bold, want.size), f"{where}: {want}"
            for edge in ("x0", "x1", "top", "bottom"):
                assert getattr(got, edge) == pytest.approx(getattr(want, edge),
                                                           abs=TOLERANCE), f"{where}: {want}"
        assert len(page.rules) == len(ref.rules), where
        for got, want in zip(page.rules, ref.rules, strict=True):
            for edge in ("x0", "x1", "top", "bottom"):
                assert getattr(got, edge) == pytest.approx(getattr(want, edge),
                                                           abs=TOLERANCE), f"{where}: {want}"


@pytest.mark.parametrize("path", SAMPLES + TEST_PDFS + [p for p in RENDERINGS
                                                          if p.stem not in JSON_DIFFERS],
                         ids=lambda p: p.name)
def test_both_readers_give_identical_json(path: Path) -> None:
    by_pdfplumber = extract_file(path, path.name, reader="pdfplumber")
    by_pdfium = extract_file(path, path.name, reader="pdfium")
    assert by_pdfium.model_dump_json(indent=2) == by_pdfplumber.model_dump_json(indent=2)


@pytest.mark.parametrize("path", [p for p in RENDERINGS if p.stem in JSON_DIFFERS],
                         ids=lambda p: p.name)
def test_both_readers_give_the_same_json_but_for_box_edges_on_the_grid(path: Path) -> None:
    """The renderings listed in JSON_DIFFERS: every value, label, text and finding the
    same; an evidence box edge may lie one 0.01 pt step apart (see above), never more.
    One that agrees byte for byte must leave the list."""
    by_pdfplumber = extract_file(path, path.name, reader="pdfplumber").model_dump(mode="json")
    by_pdfium = extract_file(path, path.name, reader="pdfium").model_dump(mode="json")
    assert by_pdfium != by_pdfplumber, "agrees byte for byte now: remove it from JSON_DIFFERS"
    assert _boxes_apart(by_pdfium, by_pdfplumber, "") == []


def _boxes_apart(got: object, want: object, where: str) -> list[str]:
    """Where `got` and `want` differ other than by a box edge one 0.01 pt step apart."""
    if isinstance(got, dict) and isinstance(want, dict):
        if got.keys() != want.keys():
            return [f"{where}: keys {sorted(got)} != {sorted(want)}"]
        return [d for k in want for d in _boxes_apart(got[k], want[k], f"{where}.{k}")]
    if isinstance(got, list) and isinstance(want, list):
        if len(got) != len(want):
            return [f"{where}: {len(got)} items != {len(want)}"]
        if where.endswith(".bbox"):
            return ([] if all(abs(a - b) < 0.0101 for a, b in zip(got, want, strict=True))
                    else [f"{where}: {got} != {want}"])
        return [d for i, (a, b) in enumerate(zip(got, want, strict=True))
                for d in _boxes_apart(a, b, f"{where}[{i}]")]
    return [] if got == want else [f"{where}: {got!r} != {want!r}"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_both_readers_give_the_same_words_and_rulings(path: Path) -> None:
    pages = pdfium.read_pdf(path)
    assert sum(len(p.words) for p in pages) > 300  # a real document, not an empty match
    assert any(p.rules for p in pages)
    _assert_same_pages(pdf.read_pdf(path), pages)


@pytest.mark.parametrize("path", RENDERINGS, ids=lambda p: p.name)
def test_both_readers_read_a_rendering_alike(path: Path) -> None:
    """Other producers' files (Chromium's justified lines, LibreOffice's ligatures)."""
    pages = pdfium.read_pdf(path)
    assert sum(len(p.words) for p in pages) > 100
    _assert_same_pages(pdf.read_pdf(path), pages)


def _pdf(path: Path, content: bytes, fonts: bytes, page_extra: bytes = b"",
         media_box: bytes = b"0 0 595 842") -> None:
    """A one-page PDF with the given content stream and /Font resources."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media_box + b"] /Contents 4 0 R "
        b"/Resources << /Font " + fonts + b" /XObject << /Fm1 7 0 R >> >> "
        + page_extra + b">>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /ABCDEF+Calibri /Flags 32 "
        b"/FontBBox [-665 -325 2000 1006] /ItalicAngle 0 /Ascent 905 /Descent -212 "
        b"/CapHeight 716 /StemV 80 >>",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Calibri /FirstChar 32 /LastChar 126 "
        b"/Widths [" + b" ".join([b"556"] * 95) + b"] /FontDescriptor 5 0 R "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 -40] "
        b"/Resources << /Font " + fonts + b" >> /Length %d >>\nstream\n" % len(_FORM)
        + _FORM + b"\nendstream",
    ]
    write_pdf(path, objects)


_FORM = (b"BT /F1 9 Tf 72 300 Td (Tekst i en formular, 9 pt) Tj ET\n"
         b"0.25 w 72 290 m 300 290 l S")
_FONTS = (b"<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> "
          b"/F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >> /F3 6 0 R >>")
_CONTENT = b"\n".join([
    b"BT /F2 16 Tf 72 760 Td (Investeringsforslag til test) Tj ET",
    b"BT /F1 10 Tf 72 730 Td (Standardskrift uden beskrivelse, AFM-metrik.) Tj ET",
    b"BT /F1 10 Tf 72 716 Td [(Ord) -300 (med) -2000 (mellemrum) 120 (kerning)] TJ ET",
    b"BT /F3 11 Tf 1 0 0 1 72 690 Tm (Calibri med Descent -212 i beskrivelsen.) Tj ET",
    b"BT /F3 9 Tf 1 0 0 1 300 650.25 Tm (1.234) Tj 60 0 Td (-5.678) Tj ET",
    b"BT /F1 10 Tf 2 0 0 2 72 600 Tm (Skaleret) Tj ET",
    b"0.5 w 72 640 m 520 640 l S",
    b"72 620 448 0.8 re f",
    b"72 560 448 30 re S",
    b"100 500 m 100 600 l 200 600 l S",
    b"q 1 0 0 1 10 -20 cm 72 480 m 520 480 l S Q",
    b"72 440 m 120 470 l S",
    b"q 1 0 0 1 20 -10 cm /Fm1 Do Q",
    b"BT 3 Tr /F1 10 Tf 72 400 Td (Usynlig tekst som i et OCR-lag) Tj ET",
    b"BT /F1 10 Tf 72 380 Td (Normal) Tj 5 Ts (hoejt) Tj 0 Ts (igen) Tj ET",
    b"BT /F1 10 Tf 50 Tz 72 365 Td (Smal tekst med Tz) Tj ET",
    b"BT /F1 10 Tf 1 Tc 3 Tw 72 350 Td (Spredt tekst med Tc og Tw) Tj ET",
    b"BT /F1 10 Tf -1 0 0 1 300 330 Tm (Spejlet) Tj ET",
    b"BT /F1 10 Tf 72 900 Td (Uden for siden) Tj ET",
    b"BT /F1 10 Tf 72 300 Td (Linje en) Tj 0 -11.5 Td (Linje to) Tj 0 -11.7 Td (tre) Tj ET",
])


def test_fonts_text_states_forms_and_paths_agree(tmp_path: Path) -> None:
    """Standard fonts (AFM metrics), a descriptor descent, scaled, risen, condensed,
    spaced, mirrored, invisible and off-page text, a form XObject, lines and rectangles."""
    path = tmp_path / "fonts.pdf"
    _pdf(path, _CONTENT, _FONTS)
    reference = pdf.read_pdf(path)
    assert len(reference[0].words) >= 15 and len(reference[0].rules) >= 4
    _assert_same_pages(reference, pdfium.read_pdf(path))


def test_a_rotated_page_is_read_in_the_frame_it_was_drawn_in(tmp_path: Path) -> None:
    path = tmp_path / "rotated.pdf"
    _pdf(path, _CONTENT, _FONTS, page_extra=b"/Rotate 90 ")
    plain = tmp_path / "plain.pdf"
    _pdf(plain, _CONTENT, _FONTS)
    _assert_same_pages(pdf.read_pdf(plain), pdfium.read_pdf(path))


def test_a_page_drawn_turned_for_its_rotate_is_read_as_displayed(tmp_path: Path) -> None:
    """A landscape page as some printer drivers write it: drawn turned on a landscape
    MediaBox and marked /Rotate 90, so a viewer shows it upright. It reads as the
    same page drawn upright."""
    turned = tmp_path / "turned.pdf"
    _pdf(turned, b"q 0 1 -1 0 842 0 cm\n" + _CONTENT + b"\nQ", _FONTS,
         page_extra=b"/Rotate 90 ", media_box=b"0 0 842 595")
    plain = tmp_path / "plain.pdf"
    _pdf(plain, _CONTENT, _FONTS)
    _assert_same_pages(pdf.read_pdf(plain), pdfium.read_pdf(turned))


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_rotated_sample_gives_the_same_result(tmp_path: Path, rotation: int) -> None:
    """Rotated by PDFium's own editing API (no other PDF library needed)."""
    source = ROOT / "samples" / "skoler_budget2027.pdf"
    document = pypdfium2.PdfDocument(source)
    for page in document:
        page.set_rotation(rotation)
    rotated = tmp_path / f"rotated_{rotation}.pdf"
    document.save(rotated)
    document.close()
    _assert_same_pages(pdf.read_pdf(source), pdfium.read_pdf(rotated))
    want = extract_file(source, "x.pdf", reader="pdfplumber").model_copy(update={"sha256": None})
    got = extract_file(rotated, "x.pdf", reader="pdfium").model_copy(update={"sha256": None})
    assert got.model_dump_json() == want.model_dump_json()


def _words_of(path: Path, content: bytes) -> tuple[list[str], list[str]]:
    _pdf(path, content, _FONTS)
    return ([w.text for w in pdf.read_pdf(path)[0].words],
            [w.text for w in pdfium.read_pdf(path)[0].words])


def test_a_gap_without_a_space_in_the_file_reads_alike(tmp_path: Path) -> None:
    """2.5 pt between "Hello" and "World" (Helvetica 10 pt: a space is 2.78 pt), no
    space character: PDFium's text page generates one there, which is not the file's;
    both readers end the word by the gap alone (char_words.WORD_GAP)."""
    content = (b"BT /F1 10 Tf 72 700 Td (Hello) Tj ET "
               b"BT /F1 10 Tf 97.28 700 Td (World) Tj ET")
    reference, got = _words_of(tmp_path / "gap.pdf", content)
    assert reference == ["Hello", "World"]
    assert got == reference


def test_a_space_of_its_own_text_object_ends_a_word_like_pdfplumber(tmp_path: Path) -> None:
    """Chromium writes the space between two words as a text object of its own, which
    PDFium's text page skips (no width). Here the next word starts 1.45 pt after
    "Hello": too narrow a gap to end a word by itself, and to make PDFium generate a
    space; only the file's space ends the word, as in the pdfplumber reader."""
    content = (b"BT /F1 10 Tf 72 700 Td (Hello) Tj ET "
               b"BT /F1 10 Tf 94.78 700 Td ( ) Tj ET "
               b"BT /F1 10 Tf 96.23 700 Td (World) Tj ET")
    reference, got = _words_of(tmp_path / "space.pdf", content)
    assert reference == ["Hello", "World"]
    assert got == reference


def test_pdfium_errors_map_to_the_contract_codes(tmp_path: Path) -> None:
    bad = ROOT / "tests" / "data" / "bad_inputs"
    read = functools.partial(extract_file, reader="pdfium")
    assert read(bad / "krypteret.pdf").error.code == "encrypted"  # type: ignore[union-attr]
    assert read(bad / "afbrudt_download.pdf").error.code == "corrupt"  # type: ignore[union-attr]
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    assert read(junk).error.code == "corrupt"  # type: ignore[union-attr]


_CLIPPED = b"\n".join([
    b"q 60 700 300 40 re W n",  # a clip box around the first line only
    b"BT /F1 10 Tf 72 720 Td (Synlig linje) Tj ET",
    b"BT /F1 10 Tf 72 680 Td (Skjult linje) Tj ET",
    b"q 0 0 595 842 re W n BT /F1 10 Tf 72 660 Td (Stadig skjult) Tj ET Q",  # clips shrink
    b"Q",
    b"BT /F1 10 Tf 72 640 Td (Igen synlig efter Q) Tj ET",
    b"q 2 0 0 2 0 0 cm 30 290 60 20 re W n Q",  # a clip set and dropped at once
    b"q 2 0 0 2 0 0 cm 30 295 60 10 re W n 1 0 0 1 0 0 cm",  # 60..180 × 590..610
    b"BT /F1 10 Tf 0.5 0 0 0.5 35 298 Tm (Klip) Tj 0.5 0 0 0.5 150 298 Tm (Udenfor) Tj ET Q",
    b"q 0 0 100 100 re W n 1 0 0 1 20 -10 cm /Fm1 Do Q",  # the form's text lies above
])


def test_text_a_clip_path_hides_is_not_read(tmp_path: Path) -> None:
    """Text painted outside the clip path in force (q/Q, cm, nested clips, a form XObject)
    is left out by both readers; see read/clipping.py."""
    path = tmp_path / "clipped.pdf"
    _pdf(path, _CLIPPED, _FONTS)
    reference = pdf.read_pdf(path)
    texts = [w.text for w in reference[0].words]
    assert texts == ["Synlig", "linje", "Igen", "synlig", "efter", "Q", "Klip"]
    _assert_same_pages(reference, pdfium.read_pdf(path))


def test_a_page_whose_crop_box_hides_a_wide_media_box_reads_like_the_original(
        tmp_path: Path) -> None:
    """A MediaBox 40 pt wider on every side (not starting at 0) and a CropBox inside it, as
    print-production PDFs have: the page header is furniture of the shown page still."""
    source = ROOT / "samples" / "plejefamilier.pdf"
    document = pypdfium2.PdfDocument(source)
    for page in document:
        left, bottom, right, top = page.get_mediabox()
        page.set_mediabox(left - 40, bottom - 40, right + 40, top + 40)
        page.set_cropbox(left - 10, bottom - 10, right + 10, top + 10)
    boxed = tmp_path / "boxed.pdf"
    document.save(boxed)
    document.close()
    pages = pdfium.read_pdf(boxed)
    reference = pdf.read_pdf(boxed)
    _assert_same_pages(reference, pages)
    assert [p.visible for p in pages] == [p.visible for p in reference]
    assert pages[0].visible is not None
    want = extract_file(source, "x.pdf").proposals[0]
    for reader in ("pdfium", "pdfplumber"):
        got = extract_file(boxed, "x.pdf", reader=reader).proposals[0]
        assert (got.case, got.document_type) == (want.case, want.document_type)
        assert [(r.label, r.values) for r in got.economy.rows] == [  # type: ignore[union-attr]
            (r.label, r.values) for r in want.economy.rows]  # type: ignore[union-attr]
        assert [s.text for s in got.sections] == [s.text for s in want.sections]
        assert [f.rule for f in got.findings] == [f.rule for f in want.findings]
