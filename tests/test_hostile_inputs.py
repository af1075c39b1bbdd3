"""Hostile inputs, part 1: what the file arguments are (issue 12, items 1, 4, 6, 8, 10).

Each test builds its own small files. A name that is not UTF-8, a FIFO, a device, a
symlink loop, a file without read rights, a folder that cannot be listed, a damaged
cache entry: each must end as a clear error entry (or be read), never as a crash,
a hang, an `internal_error` or a silently missing file.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import openpyxl
import pytest
from hostile_factory import refuse, run_cli, write_proposal

from extractor.api import extract_file
from extractor.checks.config import DEFAULT_CONFIG
from extractor.cli import main
from extractor.run.cache import ResultCache, file_digest

NOT_UTF8 = b"pl\xe6jefamilier.txt"  # "plæjefamilier.txt" in Windows-1252, from a zip archive
SHOWN = "pl\ufffdjefamilier.txt"


def _documents(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


# 1. A file name that is not valid UTF-8


def test_name_not_utf8_in_a_folder_is_read_and_shown_with_replacement_characters(
        tmp_path: Path) -> None:
    folder = tmp_path / "runde"
    folder.mkdir()
    write_proposal(os.fsencode(folder) + b"/" + NOT_UTF8)
    write_proposal(folder / "god.txt")
    out = tmp_path / "r.json"

    assert main(["extract", str(folder), "-o", str(out), "--jobs", "1", "-q"]) == 0

    docs = _documents(out)
    assert [Path(d["file"]).name for d in docs] == ["god.txt", SHOWN]
    assert all(d["status"] == "ok" and d["proposals"] for d in docs)


def test_name_not_utf8_as_argument_reaches_the_workbook(tmp_path: Path) -> None:
    name = write_proposal(os.fsencode(tmp_path) + b"/" + NOT_UTF8)
    out = tmp_path / "rapport.xlsx"

    assert main(["extract", os.fsdecode(name), "-o", str(out), "--jobs", "1", "-q"]) == 0

    wb = openpyxl.load_workbook(out)  # the workbook reopens
    overview = wb["Oversigt"]  # its header row sits below the intro and the colour legend
    top = next(c.row for c in overview["A"] if c.value == "Fil")
    files = [c.value for c in wb["Tabel 1"]["A"][1:]] + [overview.cell(top + 1, 1).value]
    assert files and all(f.endswith(SHOWN) for f in files)


def test_name_not_utf8_that_cannot_be_read_gets_a_named_error(tmp_path: Path) -> None:
    bad = os.fsencode(tmp_path) + b"/" + NOT_UTF8.replace(b".txt", b".pdf")
    with open(bad, "wb") as fh:
        fh.write(b"PK\x03\x04 a Word file")
    write_proposal(tmp_path / "god.txt")
    out = tmp_path / "r.json"

    assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == 3

    by_name = {Path(d["file"]).name: d for d in _documents(out)}
    error = by_name[SHOWN.replace(".txt", ".pdf")]["error"]
    assert error["code"] == "not_pdf" and SHOWN.replace(".txt", ".pdf") in error["message"]
    assert by_name["god.txt"]["status"] == "ok"


# 4. A FIFO or a device as a file argument


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_fifo_or_device_is_an_error_entry_not_a_hang(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        special = tmp_path / "forslag.pdf"
        os.mkfifo(special)
    else:
        special = Path("/dev/zero")  # reading it never ends: hashing it would hang the run
    good = write_proposal(tmp_path / "god.txt")
    out = tmp_path / "r.json"

    done = run_cli("extract", special, good, "-o", out, "-q", "--no-cache", timeout=60)

    assert done.returncode == 3, done.stderr
    bad, ok = _documents(out)
    assert bad["error"]["code"] == "not_pdf"
    assert "ikke en almindelig fil" in bad["error"]["message"]
    assert ok["status"] == "ok" and ok["proposals"]


def test_fifo_inside_a_folder_is_reported_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    write_proposal(tmp_path / "god.txt")
    out = tmp_path / "r.json"

    done = run_cli("extract", tmp_path, "-o", out, "-q", "--no-cache", timeout=60)

    assert done.returncode == 3, done.stderr
    by_name = {Path(d["file"]).name: d for d in _documents(out)}
    assert "FIFO" in by_name["pipe.txt"]["error"]["message"]
    assert by_name["god.txt"]["status"] == "ok"


# 6. Permission, loop and folder errors on an input are file errors


def test_symlink_loop_is_a_file_error(tmp_path: Path) -> None:
    loop = tmp_path / "ring.pdf"
    loop.symlink_to(loop)

    result = extract_file(loop)

    assert result.status == "error" and result.error is not None
    assert result.error.code == "not_found"
    assert "ring.pdf" in result.error.message and "i ring" in result.error.message


def test_folder_given_as_a_file_is_a_file_error(tmp_path: Path) -> None:
    folder = tmp_path / "mappe.pdf"
    folder.mkdir()

    result = extract_file(folder)

    assert result.error is not None and result.error.code == "not_found"
    assert "er en mappe" in result.error.message


def test_file_without_read_rights_is_a_file_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write_proposal(tmp_path / "laast.txt")
    os.chmod(locked, 0)
    refuse(monkeypatch, locked)

    result = extract_file(locked)

    assert result.error is not None
    assert result.error.code == "not_found"  # a file error, not internal_error
    assert "laast.txt" in result.error.message and "ingen læseadgang" in result.error.message


def test_folder_that_cannot_be_listed_is_reported(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    hidden = tmp_path / "runde" / "lukket"
    hidden.mkdir(parents=True)
    write_proposal(hidden / "skjult.txt")
    write_proposal(tmp_path / "runde" / "god.txt")
    os.chmod(hidden, 0)
    refuse(monkeypatch, hidden, errno.EACCES, calls=("scandir",))
    out = tmp_path / "r.json"

    try:
        code = main(["extract", str(tmp_path / "runde"), "-o", str(out), "-q", "--jobs", "1"])
    finally:
        os.chmod(hidden, 0o755)

    assert code == 3
    docs = _documents(out)
    assert docs[0]["status"] == "ok"
    [unlisted] = [d for d in docs if d["status"] == "error"]
    assert unlisted["file"] == str(hidden)
    assert "kan ikke gennemsøges" in unlisted["error"]["message"]


# 10. The same file twice is read once


def test_same_file_twice_or_inside_a_given_folder_is_read_once(tmp_path: Path) -> None:
    good = write_proposal(tmp_path / "god.txt")
    (tmp_path / "link.txt").symlink_to(good)
    out = tmp_path / "r.json"

    assert main(["extract", str(good), str(tmp_path), str(good), "-o", str(out), "-q"]) == 0

    assert [d["file"] for d in _documents(out)] == [str(good)]


# 8. The cache accepts only an entry of the right shape, for this file


def _entry(cache_dir: Path, good: Path) -> Path:
    digest = file_digest(good)
    assert digest is not None
    entry = ResultCache(cache_dir, fingerprint=repr(DEFAULT_CONFIG))._entry(digest)
    entry.parent.mkdir(parents=True, exist_ok=True)
    return entry


@pytest.mark.parametrize("content", [
    b'{"file": "x"}',  # valid for the model, but not a result extract_file can produce
    b'{"file": "x", "sha256": null, "status": "ok", "proposals": []}',
    b'{"file": "x", "sha256": "' + b"0" * 64 + b'", "status": "error", '
    b'"error": {"code": "corrupt", "message": "gammel"}}',  # another file's result
])
def test_cache_entry_of_the_wrong_shape_is_ignored(tmp_path: Path, content: bytes) -> None:
    good = write_proposal(tmp_path / "god.txt")
    _entry(tmp_path / "cache", good).write_bytes(content)
    out = tmp_path / "r.json"

    code = main(["extract", str(good), "-o", str(out), "-q", "--cache-dir",
                 str(tmp_path / "cache")])

    assert code == 0
    [doc] = _documents(out)
    assert doc["status"] == "ok" and len(doc["proposals"]) == 1


def test_fifo_in_the_cache_directory_is_ignored(tmp_path: Path) -> None:
    good = write_proposal(tmp_path / "god.txt")
    os.mkfifo(_entry(tmp_path / "cache", good))
    out = tmp_path / "r.json"

    done = run_cli("extract", good, "-o", out, "-q", "--cache-dir", tmp_path / "cache",
                   timeout=60)

    assert done.returncode == 0, done.stderr
    assert _documents(out)[0]["proposals"]
