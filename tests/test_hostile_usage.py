"""Hostile inputs, part 6: mistakes a new user makes (issue 12, item 10).

The help is Danish throughout (argparse's own words too), a bad option value names
the option rather than an internal function, the rules are documented by the installed
tool itself, and a run says where it wrote its result.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_factory import ROOT, write_proposal

from extractor.cli import main
from extractor.rules import RULES

ENGLISH = re.compile(r"usage:|options|show this help|positional arguments|error:|"
                     r"invalid|expected|required|version number|docs/checks\.md")


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["check", "--help"],
                                  ["diff", "--help"], ["rules", "--help"]])
def test_help_is_danish_throughout(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("brug: extractor")
    assert ENGLISH.findall(out) == []


@pytest.mark.parametrize(("argv", "expected"), [
    (["extract", "x.pdf", "--timeout", "abc"], "--timeout: 'abc' er ikke et tal"),
    (["extract", "x.pdf", "--jobs", "to"], "-j/--jobs: 'to' er ikke et helt tal"),
    (["extract", "x.pdf", "--lang", "de"], "ugyldigt valg: 'de'"),
    (["extract"], "mangler: FIL_ELLER_MAPPE"),
    (["extract", "x.pdf", "--bogus"], "ukendte argumenter: --bogus"),
    (["udtræk", "x.pdf"], "ugyldigt valg: 'udtræk'"),
])
def test_usage_errors_are_danish_and_name_the_option(
        argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "_positive" not in err and ENGLISH.findall(err) == []


def test_rules_are_documented_by_the_installed_tool(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    severity = {"error": "fejl", "warning": "advarsel", "info": "info"}
    for rule in RULES.values():
        [line] = [ln for ln in out.splitlines() if ln.split()[:1] == [rule.id]]
        assert line.split()[1] == severity[rule.severity]
        assert line.endswith(rule.description)


def test_check_help_points_to_the_rules_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--help"]) == 0
    assert "extractor rules" in capsys.readouterr().out


def test_run_says_what_it_wrote_unless_quiet(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    good = write_proposal(tmp_path / "god.txt")
    bad = tmp_path / "forslag.pdf"
    bad.write_bytes(b"PK\x03\x04 a Word file")
    out = tmp_path / "rapport.xlsx"

    assert main(["extract", str(good), str(bad), "-o", str(out)]) == 3
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"extractor: skrev {out} (1 forslag, 1 fejl)")

    assert main(["extract", str(good), str(bad), "-o", str(out), "--quiet"]) == 3
    assert capsys.readouterr().err == ""


def test_readme_install_line_makes_a_virtual_environment_first() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme[readme.index("## Quick start"):readme.index("## Use")]
    install = next(line for line in quick_start.splitlines() if "pip install ." in line)
    assert install.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install .")
    assert "extractor extract samples -o rapport.xlsx" in install
