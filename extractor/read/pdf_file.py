"""What both PDF readers share: the checks before a PDF library sees the file, and fonts.

Kept apart from the readers so neither imports the other's PDF library for them.
"""

from __future__ import annotations

from pathlib import Path

from extractor.errors import NotFoundError, NotPdfError


def check_pdf_file(path: Path) -> None:
    """Raise NotFoundError / NotPdfError before a PDF library makes less of it."""
    if not path.is_file():
        raise NotFoundError(path)
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise NotPdfError(path, _sniff_type(head))


def is_bold(fontname: str) -> bool:
    """Bold by the font's name: the weight PDF libraries report is often 400 for bold fonts."""
    name = fontname.split("+", 1)[-1].lower()
    return "bold" in name or "black" in name or "heavy" in name or name.endswith(",b")


def describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:200]


def _sniff_type(head: bytes) -> str:
    if head.startswith(b"PK"):
        return "ser ud som en Word- eller zip-fil"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ser ud som et gammelt Office-dokument"
    if head[:3] in (b"\xff\xd8\xff",) or head.startswith(b"\x89PNG"):
        return "ser ud som et billede"
    return "ingen PDF-signatur"
