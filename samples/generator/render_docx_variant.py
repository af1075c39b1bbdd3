"""The python-docx + LibreOffice producer under a variation: the samples' own renderer with
the variation's font, sizes, margins, borders, payback column and repeated header row.

Page header and footer layout and the hyphen character stay Word's (LibreOffice prints
ASCII "-" at a word break).
"""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path
from typing import Any

import regex
import render_docx
from build import normalise_pdf
from render_reportlab import _register
from reportlab.pdfbase import pdfmetrics
from styles import LOOKS
from variation import Variation


def _glyph_em(font: str) -> dict[str, float]:
    """Bold advance widths (em) of the variation's font, so amounts never wrap in their
    year column (styles.py has them for Liberation Sans and Serif only)."""
    bold = _register(font)[1]
    em = {ch: pdfmetrics.stringWidth(ch, bold, 1000) / 1000 for ch in "0.-\u2212"}
    em["text"] = pdfmetrics.stringWidth("Overførsler", bold, 1000) / 1000 / 11 * 1.05
    return em


_WORD_HYPHEN = regex.compile(r"(?<=\p{L})-(?=\p{L})")


def _no_break_at_hyphens(value: Any) -> Any:
    """Real hyphens inside words as U+2011 NON-BREAKING HYPHEN (Word's noBreakHyphen).

    LibreOffice may break a line after a real hyphen, and a real hyphen at a line end in
    a word the document never writes whole cannot be told from a word break (README);
    the other producers never break there either.
    """
    if isinstance(value, str):
        return _WORD_HYPHEN.sub("\u2011", value)
    if isinstance(value, list):
        return [_no_break_at_hyphens(v) for v in value]
    if isinstance(value, dict):
        return {k: _no_break_at_hyphens(v) if k not in ("type", "kind", "group", "style")
                else v for k, v in value.items()}
    return value


def render_docx_variant(source: dict[str, Any], v: Variation, path: Path, work: Path) -> None:
    base = LOOKS[source.get("style", "a")]
    left, right, top, bottom = v.margin_cm
    look = dataclasses.replace(
        base, font=v.font, body_pt=v.body_pt, table_pt=v.table_pt,
        follow_up_pt=v.table_pt + 0.5, note_pt=v.note_pt,
        margin_left_cm=left, margin_right_cm=right, margin_top_cm=max(top, 2.0),
        margin_bottom_cm=bottom, table_borders=v.borders,
        payback_in_year_column=v.payback_in_year_column, glyph_em=_glyph_em(v.font),
        # without rules only the padding keeps rows apart (the other producers pad always)
        cell_padding_pt=v.padding_pt if v.borders == "none" else 0.0)
    key = f"variant{v.seed}"
    LOOKS[key] = look
    try:
        varied = _no_break_at_hyphens(dict(source, style=key, blocks=[
            dict(b, repeat_header=v.repeat_header) if b["type"] == "economy_table" else b
            for b in source["blocks"]]))
        docx = work / f"{path.stem}.docx"
        render_docx.render_document(varied).save(str(docx))
    finally:
        del LOOKS[key]
    profile = work / "lo-profile"
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(work), str(docx)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    path.write_bytes(normalise_pdf(docx.with_suffix(".pdf").read_bytes()))
