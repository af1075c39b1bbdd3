"""Damaged Word files: every case ends as `ok` or a contract error, never a bug or a hang.

Cases come from a sample .docx with a fixed seed (so a failure replays): damaged zip
bytes, damaged bytes of the body's XML inside an intact zip, and a well-formed body
with elements removed or attribute values spoiled (a grid without widths, a
`gridSpan` of "x", a cell without paragraphs), which is what reaches the reader.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_robustness import CONTRACT_CODES, _mutations

from extractor.api import extract_file
from extractor.run.batch import BatchOptions, run_batch

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = 20261201
CASES = 90
_BODY = "word/document.xml"


def _rezip(source: bytes, body: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for name in old.namelist():
            new.writestr(name, body if name == _BODY else old.read(name))
    return out.getvalue()


def _spoil_structure(xml: bytes, rng: random.Random) -> bytes:
    root = etree.fromstring(xml)
    elements = list(root.iter())
    for _ in range(rng.randint(1, 25)):
        el = rng.choice(elements)
        parent = el.getparent()
        if rng.random() < 0.5 and parent is not None:
            parent.remove(el)
        elif el.attrib:
            key = rng.choice(list(el.attrib))
            el.set(key, rng.choice(["x", "-1", "0", "", "99999999", "1e9"]))
        elements = list(root.iter())
    return etree.tostring(root)


@pytest.mark.slow
def test_damaged_word_files_always_yield_an_entry(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    source = (SAMPLES / "sundhed_7aar.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        body = archive.read(_BODY)
    inputs = []
    for i in range(CASES):
        kind = i % 3
        if kind == 0:
            data = _mutations(source, rng)
        elif kind == 1:
            data = _rezip(source, _mutations(body, rng))
        else:
            data = _rezip(source, _spoil_structure(body, rng))
        path = tmp_path / f"case{i:03d}.docx"
        path.write_bytes(data)
        inputs.append((path, path.name))
    results = run_batch(inputs, extract_file, BatchOptions(jobs=2, timeout=30, max_memory_mb=1024))
    assert [r.file for r in results] == [name for _, name in inputs]
    for result in results:
        if result.status == "error":
            assert result.error is not None and result.error.code in CONTRACT_CODES
            assert result.error.code != "internal_error", result.error.message  # a bug of ours
    outcomes = {r.error.code if r.error else "ok" for r in results}
    assert "ok" in outcomes and "corrupt" in outcomes  # the mutations really did both
