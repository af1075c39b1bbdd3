"""Hostile inputs, part 5: input that read wrongly instead of failing (issue 12, item 9).

One stray Windows-1252 byte in a UTF-8 text turned every Danish letter into mojibake
and lost all three proposals; UTF-16 with a byte-order mark was called binary data;
pages carrying /Rotate were "not a proposal".
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hostile_factory import ROOT

from extractor.api import extract_file
from extractor.models import DocumentResult

SEED = ROOT / "tests" / "data" / "seed_three_proposals.txt"


def _same_reading(a: DocumentResult, b: DocumentResult) -> bool:
    return a.model_copy(update={"file": "", "sha256": None}) == b.model_copy(
        update={"file": "", "sha256": None})


def test_one_stray_windows_byte_costs_only_its_line(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if i > 40 and "ø" in line)
    data = "\n".join(lines).encode("utf-8").split(b"\n")
    data[n] += b" \x96 ca."  # a Windows-1252 en dash pasted into one line
    mixed = tmp_path / "blandet.txt"
    mixed.write_bytes(b"\n".join(data))
    clean = tmp_path / "ren.txt"
    clean.write_bytes(SEED.read_bytes())

    result, reference = extract_file(mixed), extract_file(clean)

    assert result.status == "ok" and len(result.proposals) == len(reference.proposals) == 3
    assert [p.title for p in result.proposals] == [p.title for p in reference.proposals]
    found = [f for p in result.proposals for f in p.findings if f.rule == "text.encoding"]
    assert len(found) == 1 and f"Linje {n + 1} " in found[0].message
    assert not any("Ã" in (p.summary or "") for p in result.proposals)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_byte_order_marks_are_honoured(tmp_path: Path, encoding: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    marked = tmp_path / "forslag.txt"
    bom = {"utf-16-be": "\ufeff"}.get(encoding, "")
    marked.write_bytes((bom + text).encode(encoding))
    plain = tmp_path / "plain.txt"
    plain.write_bytes(text.encode("utf-8"))

    result = extract_file(marked)

    assert result.status == "ok", result.error
    assert _same_reading(result, extract_file(plain))


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_pages_read_as_the_upright_ones(tmp_path: Path, rotation: int) -> None:
    source = ROOT / "samples" / "plejefamilier.pdf"
    pdf = pdfium.PdfDocument(source)
    for i, page in enumerate(pdf):
        page.set_rotation(rotation if i % 2 == 0 else 0)  # mixed, as a scanner leaves them
    rotated = tmp_path / "roteret.pdf"
    pdf.save(rotated)
    pdf.close()
    plain = tmp_path / "plain.pdf"
    pdfium.PdfDocument(source).save(plain)  # same writer, so only the rotation differs

    result = extract_file(rotated)

    assert result.status == "ok", result.error
    assert _same_reading(result, extract_file(plain))


def test_text_that_cannot_be_decoded_is_named_as_such() -> None:
    """A PDF sent through PostScript (pdf2ps, ps2pdf) keeps its glyphs but not their
    characters: it reads as punctuation, and is told apart from a scan and from a
    readable document that is no proposal."""
    bad = ROOT / "tests" / "data" / "bad_inputs"
    garbled = extract_file(bad / "postscript_omvej.pdf")
    assert garbled.error is not None and garbled.error.code == "no_text_layer"
    assert "kan ikke afkodes" in garbled.error.message
    scan = extract_file(bad / "scannet.pdf")
    assert scan.error is not None and "kan ikke afkodes" not in scan.error.message
    other = extract_file(bad / "ikke_et_forslag.pdf")
    assert other.error is not None and other.error.code == "not_a_proposal"
