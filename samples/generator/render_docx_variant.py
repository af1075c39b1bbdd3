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

import render_docx
from build import normalise_pdf
from styles import LOOKS
from variation import Variation


def render_docx_variant(source: dict[str, Any], v: Variation, path: Path, work: Path) -> None:
    base = LOOKS[source.get("style", "a")]
    left, right, top, bottom = v.margin_cm
    look = dataclasses.replace(
        base, font=v.font, body_pt=v.body_pt, table_pt=v.table_pt,
        follow_up_pt=v.table_pt + 0.5, note_pt=v.note_pt,
        margin_left_cm=left, margin_right_cm=right, margin_top_cm=max(top, 2.0),
        margin_bottom_cm=bottom, table_borders=v.borders,
        payback_in_year_column=v.payback_in_year_column)
    key = f"variant{v.seed}"
    LOOKS[key] = look
    try:
        varied = dict(source, style=key, blocks=[
            dict(b, repeat_header=v.repeat_header) if b["type"] == "economy_table" else b
            for b in source["blocks"]])
        docx = work / f"{path.stem}.docx"
        render_docx.render_document(varied).save(str(docx))
    finally:
        del LOOKS[key]
    profile = work / "lo-profile"
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", str(work), str(docx)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    path.write_bytes(normalise_pdf(docx.with_suffix(".pdf").read_bytes()))
