"""Where a word ends, in both PDF readers: at a space character, and at a space-wide gap
also where the file writes no space (Cairo drops the space wherever it starts a new
glyph run), but never inside a word or next to a hyphen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import write_pdf

from extractor.read import pdf, pdfium
from extractor.read.text_lines import words_to_lines

# TJ numbers are thousandths of an em, negative = a gap: Helvetica 10 pt, so -250 = 2.5 pt
# (Helvetica's space is 0.278 em), 30 = a kerning pair 0.3 pt closer
_LINES = [
    (b"[(medarbejder) -250 (i) -250 (drift)] TJ", ["medarbejder", "i", "drift"]),
    (b"[(K) 30 (ommunen) -12 (s)] TJ", ["Kommunens"]),
    (b"[(botilbud -)] TJ", ["botilbud", "-"]),
    # LibreOffice's justified lines set a hyphen apart, at a line end and inside a line
    (b"[(forvalt) -200 (-)] TJ", ["forvalt-"]),
    (b"[(peer) -190 (-samskabte)] TJ", ["peer-samskabte"]),
    (b"[(ningen) -350 (-) -350 (og)] TJ", ["ningen", "-", "og"]),  # wider: a dash
]


def _write(path: Path) -> None:
    content = b"".join(b"BT /F1 10 Tf 72 %d Td %s ET\n" % (700 - 20 * i, tj)
                       for i, (tj, _) in enumerate(_LINES))
    write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


@pytest.mark.parametrize("reader", [pdf, pdfium], ids=["pdfplumber", "pdfium"])
def test_words_end_at_spaces_and_space_wide_gaps_only(tmp_path: Path, reader: object) -> None:
    path = tmp_path / "gaps.pdf"
    _write(path)
    [page] = reader.read_pdf(path)  # type: ignore[attr-defined]
    lines = words_to_lines(page.words, page.number)
    assert [[w.text for w in ln.words] for ln in lines] == [words for _, words in _LINES]
