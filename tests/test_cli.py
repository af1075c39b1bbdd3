from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import _parser, main


def test_every_command_has_help_text(capsys: pytest.CaptureFixture[str]) -> None:
    parser = _parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in commands.items():
        assert sub.description, name
        assert main([name, "--help"]) == 0
        out = capsys.readouterr().out
        assert out.startswith("brug: extractor " + name), name
        if name != "rules":
            assert "FIL_ELLER_MAPPE" in out


def test_missing_file_gets_an_entry_and_exit_code_3(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    sample = Path(__file__).parent.parent / "samples" / "plejefamilier.pdf"
    code = main(["extract", str(tmp_path / "nope.pdf"), str(sample), "-o", str(out)])
    assert code == 3
    doc = json.loads(out.read_text())["documents"][0]
    assert doc["status"] == "error"
    assert doc["error"]["code"] == "not_found"
    assert doc["file"] == str(tmp_path / "nope.pdf")


def test_word_file_renamed_to_pdf_is_not_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "forslag.pdf"
    fake.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    out = tmp_path / "r.json"
    assert main(["extract", str(fake), "-o", str(out)]) == 3
    error = json.loads(out.read_text())["documents"][0]["error"]
    assert error["code"] == "not_pdf"
    assert "forslag.pdf" in error["message"]


def test_truncated_pdf_is_corrupt_and_does_not_cost_the_others(tmp_path: Path) -> None:
    sample = sorted((Path(__file__).parent.parent / "samples").glob("*.pdf"))[0]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(sample.read_bytes()[:2000])
    out = tmp_path / "r.json"
    assert main(["extract", str(broken), str(sample), "-o", str(out)]) == 3
    docs = json.loads(out.read_text())["documents"]
    assert docs[0]["status"] == "error" and docs[0]["error"]["code"] == "corrupt"
    assert docs[1]["status"] == "ok" and docs[1]["proposals"]


def test_unknown_output_suffix_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["extract", "x.pdf", "-o", str(tmp_path / "r.csv")]) == 2


def test_no_arguments_is_a_usage_error() -> None:
    assert main([]) == 2


@pytest.mark.parametrize("lang", ["da", "en"])
def test_xlsx_suffix_writes_a_workbook_in_the_chosen_language(tmp_path: Path, lang: str) -> None:
    from openpyxl import load_workbook

    sample = Path(__file__).parent.parent / "samples" / "skoler_budget2027.pdf"
    out = tmp_path / "rapport.xlsx"
    assert main(["extract", str(sample), "-o", str(out), "--lang", lang, "-q"]) == 0
    first = load_workbook(out).sheetnames[0]
    assert first == {"da": "Oversigt", "en": "Overview"}[lang]


def test_a_bug_costs_only_its_file_and_says_it_is_a_bug(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A parser exception on one file: that file gets internal_error, the others are read.

    The workers are forked, so the patched parser is what they run too.
    """
    import extractor.api as api
    from extractor.models import Proposal
    from extractor.segment.layout import ProposalLayout

    real = api.parse_proposal

    def buggy(layout: ProposalLayout) -> Proposal:
        if any("plejefamilier" in ln.text for ln in layout.title_lines):
            return [][0]  # IndexError, as a real bug would raise
        return real(layout)

    monkeypatch.setattr(api, "parse_proposal", buggy)
    samples = Path(__file__).resolve().parent.parent / "samples"
    out = tmp_path / "r.json"
    code = main(["extract", str(samples / "plejefamilier.pdf"),
                 str(samples / "forloebsprogram.pdf"), "-o", str(out), "--no-cache", "-j", "2"])
    assert code == 3
    bad, good = json.loads(out.read_text())["documents"]
    assert bad["error"]["code"] == "internal_error"
    assert "plejefamilier.pdf" in bad["error"]["message"]
    assert "IndexError" in bad["error"]["message"] and "test_cli.py" not in bad["error"]["message"]
    assert good["status"] == "ok" and len(good["proposals"]) == 1


def test_unreadable_files_are_named_once_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "forslag.pdf"
    fake.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert main(["extract", str(fake), "-o", str(tmp_path / "r.json")]) == 3
    line, written = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"extractor: {fake}: filen er ikke en PDF")
    assert line.count("forslag.pdf") == 1
    assert written == f"extractor: skrev {tmp_path / 'r.json'} (0 forslag, 1 fejl)"
    # check lists the unreadable file in its report (stdout), not a second time on stderr
    assert main(["check", str(fake)]) == 3
    out, err = capsys.readouterr()
    assert "KAN IKKE LÆSES (not_pdf)" in out and err == ""
