"""`extractor check`: the report, its order, and the exit codes 0/1/2/3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CLEAN = str(SAMPLES / "skoler_budget2027.pdf")
BROKEN = str(SAMPLES / "plejefamilier.pdf")


def test_clean_proposal_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", CLEAN]) == 0
    out = capsys.readouterr().out
    assert "skoler_budget2027.pdf" in out and "0 fejl" in out


def test_error_finding_exits_1_and_is_reported_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SAMPLES / "forloebsprogram.pdf")]) == 1
    out = capsys.readouterr().out
    labels = [line.split()[0] for line in out.splitlines()
              if line.startswith("    ") and not line.startswith("     ")]
    assert labels[0] == "FEJL"
    assert labels == sorted(labels, key=["FEJL", "ADVARSEL", "INFO"].index)
    assert "side 5, Tabel 1, række 'Samlet økonomisk påvirkning', 2030" in out


def test_unreadable_document_exits_3_and_others_are_still_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.pdf"), BROKEN]) == 3
    out = capsys.readouterr().out
    assert "KAN IKKE LÆSES (not_found)" in out and "plejefamilier" in out


@pytest.mark.parametrize("argv", [["check"], ["check", "--nope", CLEAN],
                                  ["check", CLEAN, "-o", "r.csv"]])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert main(argv) == 2


def test_invalid_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text('disabled = ["no.such_rule"]\n', encoding="utf-8")
    assert main(["check", CLEAN, "--config", str(config)]) == 2
    assert "no.such_rule" in capsys.readouterr().err
    assert main(["check", CLEAN, "--config", str(tmp_path / "missing.toml")]) == 2


def test_config_turns_the_error_into_a_warning(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[severity]\n"prose.amount_mismatch" = "warning"\n', encoding="utf-8")
    assert main(["check", BROKEN, "--config", str(config)]) == 0
    assert "ADVARSEL  prose.amount_mismatch" in capsys.readouterr().out


def test_config_switches_a_rule_off_and_json_is_written(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('disabled = ["prose.amount_mismatch"]\n', encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", BROKEN, "--config", str(config), "-o", str(out)]) == 0
    [doc] = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert all(f["rule"] != "prose.amount_mismatch" for f in doc["proposals"][0]["findings"])


def test_extract_keeps_its_exit_code_despite_error_findings(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["extract", BROKEN, "-o", str(out)]) == 0
    [doc] = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert any(f["rule"] == "prose.amount_mismatch" for f in doc["proposals"][0]["findings"])
