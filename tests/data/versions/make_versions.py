"""Build the revised sample versions the `extractor diff` tests compare against the samples.

    python tests/data/versions/make_versions.py

Writes `plejefamilier_v2.pdf` (a revision of `samples/plejefamilier.pdf` with the
changes in `PLANTED` and nothing else) and `bundle_overfoerselssagen_v2.pdf` (the bundle
with that one proposal revised) next to this script, through the sample generator
(python-docx, LibreOffice, pdfunite). The PDFs are committed, so the tests need none
of those tools; `tests/test_diff_versions.py` checks that `diff` reports exactly these.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent

SOURCE = ROOT / "samples" / "source" / "plejefamilier.json"
COOPERATION = "Samarbejde med en ekstern organisation om skoletilknytning og mentorskab"
ADDED_ROW = "Opfølgning på plejefamiliernes trivsel"
REMOVED_GOAL = "Det er ansat en familie- og traumeterapeut"
OLD_SENTENCE_PART = "kun er cirka 27 pct."
NEW_SENTENCE_PART = "kun er cirka 28 pct."
OLD_HEADING_AMOUNT = "-12,4 mio. kr. ved fuld indfasning i 2031"
NEW_HEADING_AMOUNT = "-17,3 mio. kr. ved fuld indfasning i 2031"


def revise(source: dict[str, Any]) -> dict[str, Any]:
    """The planted changes; every total that covers a changed cell is changed with it."""
    new = copy.deepcopy(source)
    blocks = new["blocks"]
    table = next(b for b in blocks if b["type"] == "economy_table")
    rows = {r.get("label"): r for r in table["rows"] if r["kind"] == "row"}
    # 1. a cell changed, its totals with it
    rows[COOPERATION]["values"]["2028"] = 300
    rows["Samlet varig ændring"]["values"]["2028"] = -2004
    rows["Samlet økonomisk påvirkning"]["values"]["2028"] = -1804
    # 2. a row added (with its cost item in section 2), its totals with it
    at = table["rows"].index(rows[COOPERATION]) + 1
    table["rows"].insert(at, {
        "kind": "row", "group": "permanent", "label": ADDED_ROW, "steering_area": "Service",
        "role": "item", "footnote": None,
        "values": {"2026": None, "2027": None, "2028": None, "2029": 100, "2030": None,
                   "2031": None}})
    rows["Samlet varig ændring"]["values"]["2029"] = -5387
    rows["Samlet økonomisk påvirkning"]["values"]["2029"] = -5187
    item = next(i for i, b in enumerate(blocks)
                if b["type"] == "cost_item" and b["title"].startswith("Samarbejde med"))
    blocks.insert(item + 1, {
        "type": "cost_item", "group": "permanent", "title": ADDED_ROW,
        "amount_text": "0,1 mio. kr. i 2029",
        "text": "Der afsættes 0,1 mio. kr. i 2029 til en opfølgning på plejefamiliernes trivsel."})
    # 3. a sentence changed in section 1
    para = next(b for b in blocks if b["type"] == "paragraph" and OLD_SENTENCE_PART in b["text"])
    para["text"] = para["text"].replace(OLD_SENTENCE_PART, NEW_SENTENCE_PART)
    # 4. a follow-up goal removed
    goals = next(b for b in blocks if b["type"] == "follow_up_table")
    goals["rows"] = [r for r in goals["rows"] if r.get("goal") != REMOVED_GOAL]
    # 5. an inconsistency fixed: the heading now states the row's 2031 amount
    heading = next(b for b in blocks
                   if b["type"] == "cost_item" and b["amount_text"] == OLD_HEADING_AMOUNT)
    heading["amount_text"] = NEW_HEADING_AMOUNT
    return new


def main() -> int:
    # the generator (python-docx) only here, so the tests can import `revise` without it
    sys.path.insert(0, str(ROOT / "samples" / "generator"))
    from build import normalise_pdf, to_pdf
    from render_docx import render_document

    source = json.loads(SOURCE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="versions-") as tmp_name:
        tmp = Path(tmp_name)
        docx = tmp / "plejefamilier_v2.docx"
        render_document(revise(source)).save(str(docx))
        to_pdf([docx], tmp, tmp / "lo-profile")
        target = HERE / "plejefamilier_v2.pdf"
        target.write_bytes(normalise_pdf((tmp / "plejefamilier_v2.pdf").read_bytes()))
        print(f"wrote {target.relative_to(ROOT)}")
    bundle = HERE / "bundle_overfoerselssagen_v2.pdf"
    parts = [ROOT / "samples" / "forloebsprogram.pdf", ROOT / "samples" / "din_sociale_indgang.pdf",
             HERE / "plejefamilier_v2.pdf"]
    subprocess.run(["pdfunite", *map(str, parts), str(bundle)], check=True)
    bundle.write_bytes(normalise_pdf(bundle.read_bytes()))
    print(f"wrote {bundle.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
