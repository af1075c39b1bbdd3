"""Hostile inputs, part 4: where the result goes (issue 12, items 5 and 10).

The output target is checked before any document is read (a folder, a parent that is
a file, a folder the user cannot write): a Danish message and exit 2, not a traceback
after all the work. A write that still fails (a full disk), a closed or full standard
output end the same way. An earlier output is never replaced by a run that read nothing.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hostile_factory import ROOT, run_cli, write_proposal

from extractor.cli import main


def _never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The target is refused before any document is read: reading one fails the test."""
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("documents were read before the output target was checked")
    monkeypatch.setattr("extractor.run.batch.run_batch", boom)


def test_output_that_is_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    good = write_proposal(tmp_path / "god.txt")
    folder = tmp_path / "ud.json"
    folder.mkdir()
    _never_read(monkeypatch)

    assert main(["extract", str(good), "-o", str(folder)]) == 2

    err = capsys.readouterr().err
    assert f"{folder} er en mappe" in err and "Traceback" not in err


def test_output_under_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    good = write_proposal(tmp_path / "god.txt")
    _never_read(monkeypatch)

    assert main(["extract", str(good), "-o", str(good / "sub" / "r.xlsx")]) == 2

    assert f"{good} er en fil, ikke en mappe" in capsys.readouterr().err


def test_output_in_a_folder_the_user_cannot_write(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    good = write_proposal(tmp_path / "god.txt")
    locked = tmp_path / "laast"
    locked.mkdir()
    locked.chmod(0o555)
    real_mkstemp = tempfile.mkstemp

    def refused(*args: object, dir: str | os.PathLike[str] | None = None,
                **kwargs: object) -> tuple[int, str]:
        if dir is not None and Path(dir) == locked:  # as for a user without rights (CI is root)
            raise PermissionError(errno.EACCES, "Permission denied", str(locked))
        return real_mkstemp(*args, dir=dir, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    _never_read(monkeypatch)

    assert main(["extract", str(good), "-o", str(locked / "r.json")]) == 2

    err = capsys.readouterr().err
    assert "kan ikke skrives i (ingen skriveadgang)" in err and str(locked) in err


def test_full_disk_is_a_message_and_the_old_file_stays(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    good = write_proposal(tmp_path / "god.txt")
    out = tmp_path / "rapport.xlsx"
    out.write_bytes(b"last week's report")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)

    assert main(["extract", str(good), "-o", str(out)]) == 2

    err = capsys.readouterr().err
    assert "disken er fuld" in err and "rapport.xlsx" in err
    assert out.read_bytes() == b"last week's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["god.txt", "rapport.xlsx"]


def test_stdout_full_is_detected(tmp_path: Path) -> None:
    good = write_proposal(tmp_path / "god.txt")
    with open("/dev/full", "wb") as full:
        done = run_cli("extract", good, "--no-cache", stdout=full)

    assert done.returncode == 2
    assert b"standard output kunne ikke skrives (disken er fuld)" in done.stderr
    assert b"Traceback" not in done.stderr


def test_closed_stdout_is_a_usage_error_before_the_work(tmp_path: Path) -> None:
    good = write_proposal(tmp_path / "god.txt")
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", str(good)], capture_output=False,
        stderr=subprocess.PIPE, timeout=120, preexec_fn=lambda: os.close(1),
        env={**os.environ, "PYTHONPATH": str(ROOT)})

    assert done.returncode == 2
    assert b"standard output er lukket" in done.stderr and b"Traceback" not in done.stderr


def test_run_that_reads_nothing_leaves_an_existing_report(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    out = tmp_path / "rapport.xlsx"
    out.write_bytes(b"last week's report")
    broken = tmp_path / "forslag.pdf"
    broken.write_bytes(b"PK\x03\x04 a Word file under a PDF name")

    assert main(["extract", str(broken), "-o", str(out)]) == 3

    assert out.read_bytes() == b"last week's report"
    assert "rapport.xlsx er ikke overskrevet" in capsys.readouterr().err


def test_mistyped_path_is_a_usage_error_and_writes_nothing(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    out = tmp_path / "rapport.xlsx"
    out.write_bytes(b"last week's report")

    assert main(["extract", str(tmp_path / "forslag.pfd"), "-o", str(out)]) == 2

    assert out.read_bytes() == b"last week's report"
    err = capsys.readouterr().err
    assert "forslag.pfd findes ikke" in err and "Intet er skrevet" in err


def test_empty_folder_is_a_usage_error_and_writes_nothing(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    (tmp_path / "runde").mkdir()
    (tmp_path / "runde" / "noter.odt").write_bytes(b"PK")  # .docx is read since issue 13
    out = tmp_path / "rapport.xlsx"

    assert main(["extract", str(tmp_path / "runde"), "-o", str(out)]) == 2

    assert not out.exists()
    assert "indeholder ingen PDF-, .docx- eller .txt-filer" in capsys.readouterr().err


def test_closed_stderr_keeps_messages_out_of_the_json(tmp_path: Path) -> None:
    good = write_proposal(tmp_path / "god.txt")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(  # closing fd 2 in the child is the point
            [sys.executable, "-m", "extractor", "extract", *args, "--no-cache"],
            stdout=subprocess.PIPE, timeout=120, preexec_fn=lambda: os.close(2), env=env)

    done = run(str(good), str(tmp_path / "mangler.pdf"))
    assert done.returncode == 3
    assert json.loads(done.stdout)["documents"][1]["error"]["code"] == "not_found"
    missing = run(str(tmp_path / "mangler.pdf"))
    assert (missing.returncode, missing.stdout) == (2, b"")
