"""A folder of good and bad files through the CLI, as a budget round's batch run would be."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
BAD = Path(__file__).resolve().parent / "data" / "bad_inputs"
EXPECTED_CODES = {
    "afbrudt_download.pdf": "corrupt",
    "ikke_et_forslag.pdf": "not_a_proposal",
    "krypteret.pdf": "encrypted",
    "scannet.pdf": "no_text_layer",
    "postscript_omvej.pdf": "no_text_layer",  # fonts with no way back to Unicode
    "word_omdoebt.pdf": "not_pdf",
}


def test_folder_with_samples_and_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "runde"
    (folder / "underafdeling").mkdir(parents=True)
    for pdf in SAMPLES.glob("*.pdf"):
        shutil.copy(pdf, folder / pdf.name)
    for pdf in BAD.glob("*.pdf"):
        shutil.copy(pdf, folder / "underafdeling" / pdf.name)
    missing = tmp_path / "mangler.pdf"
    out = tmp_path / "result.json"

    code = main(["extract", str(folder), str(missing), "-o", str(out), "--jobs", "2", "-q"])

    assert code == 3
    documents = json.loads(out.read_text(encoding="utf-8"))["documents"]
    names = [Path(d["file"]).name for d in documents]
    assert names == [*sorted(names[:-1], key=lambda n: (n in EXPECTED_CODES, n)), "mangler.pdf"]
    by_name = {Path(d["file"]).name: d for d in documents}
    assert by_name["mangler.pdf"]["error"]["code"] == "not_found"
    for name, expected in EXPECTED_CODES.items():
        assert by_name[name]["status"] == "error"
        assert by_name[name]["error"]["code"] == expected, name
        assert name in by_name[name]["error"]["message"]
    for pdf in SAMPLES.glob("*.pdf"):
        golden = json.loads(pdf.with_suffix(".expected.json").read_text(encoding="utf-8"))
        actual = by_name[pdf.name]
        assert {**actual, "file": None} == {**golden, "file": None}, pdf.name


def test_time_limit_is_reported_as_timeout(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    sample = SAMPLES / "forloebsprogram.pdf"
    assert main(["extract", str(sample), "-o", str(out), "--timeout", "0.01", "--no-cache",
                 "-q"]) == 3
    error = json.loads(out.read_text())["documents"][0]["error"]
    assert error["code"] == "timeout"
    assert "--timeout" in error["message"]


@pytest.mark.parametrize("option", ["--jobs", "--timeout", "--max-memory"])
def test_batch_options_reject_nonsense(option: str, tmp_path: Path) -> None:
    assert main(["extract", str(SAMPLES), option, "0", "-o", str(tmp_path / "r.json")]) == 2
