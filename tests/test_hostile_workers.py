"""Hostile inputs, part 2: workers that die and runs that are stopped (issue 12, items 2, 7).

A worker killed from outside (kill -9, the OOM killer) or stopped by the memory bound
says nothing about the file: it must not be reported `corrupt`, and never cached, so
a later run with more memory reads the file. SIGTERM or SIGINT to the main process
must end its workers and leave no temporary file.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_factory import ROOT, run_cli, write_proposal

from extractor.api import extract_file
from extractor.models import DocumentResult
from extractor.run.batch import BatchOptions, run_batch
from extractor.run.cache import ResultCache


def _killed(path: Path, name: str) -> DocumentResult:
    os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or a user's kill -9 would
    raise AssertionError("unreachable")


def _cache_entries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.json")] if folder.exists() else []


def test_killed_worker_is_internal_error_not_cached_and_read_next_time(tmp_path: Path) -> None:
    good = write_proposal(tmp_path / "god.txt")
    cache = ResultCache(tmp_path / "cache")

    [first] = run_batch([(good, "god.txt")], _killed, BatchOptions(jobs=1), cache=cache)

    assert first.error is not None and first.error.code == "internal_error"
    assert "signal 9" in first.error.message and "beskadiget" not in first.error.message.split(
        ";")[0]
    assert _cache_entries(tmp_path / "cache") == []
    [again] = run_batch([(good, "god.txt")], extract_file, BatchOptions(jobs=1), cache=cache)
    assert again.status == "ok" and again.proposals


def test_too_small_memory_bound_is_memory_limit_with_advice(tmp_path: Path) -> None:
    """In a fresh process, as a user runs it: a worker forked from the test runner would
    inherit its large, already allocated heap and need no new memory below the bound."""
    good = tmp_path / "god.pdf"
    shutil.copy(ROOT / "samples" / "plejefamilier.pdf", good)
    out = tmp_path / "r.json"
    cache = tmp_path / "cache"

    done = run_cli("extract", good, "-o", out, "--max-memory", "50", "-q", "--cache-dir", cache)

    assert done.returncode == 3, done.stderr
    [doc] = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert doc["error"]["code"] == "memory_limit"
    assert "--max-memory" in doc["error"]["message"]
    assert _cache_entries(cache) == []
    assert run_cli("extract", good, "-o", out, "-q", "--cache-dir", cache).returncode == 0


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _default_signals() -> None:
    """The extractor keeps a signal its starter ignores (nohup, a background job in a
    script): the suite run so would see the run ignore the test's signal."""
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_signal_to_the_main_process_ends_its_workers(tmp_path: Path, signum: int) -> None:
    bundle = ROOT / "samples" / "bundle_overfoerselssagen.pdf"  # seconds per copy
    for i in range(4):
        shutil.copy(bundle, tmp_path / f"runde{i}.pdf")
    out = tmp_path / "r.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    main_process = subprocess.Popen(
        [sys.executable, "-m", "extractor", "extract", str(tmp_path), "-o", str(out), "-q",
         "--no-cache", "--jobs", "2"], env=env, stderr=subprocess.PIPE,
        preexec_fn=_default_signals)
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(main_process.pid)) < 2:
            assert time.monotonic() < deadline, "no workers started"
            time.sleep(0.05)
        time.sleep(0.5)  # the workers are reading
        main_process.send_signal(signum)
        code = main_process.wait(timeout=30)
    finally:
        main_process.kill()
    time.sleep(0.2)
    assert [pid for pid in workers if _alive(pid)] == []
    assert code == 128 + signum
    assert "afbrudt" in main_process.stderr.read().decode()
    assert not out.exists()
    assert list(tmp_path.glob(".*.tmp")) == []


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    good = write_proposal(tmp_path / "god.txt")
    out = tmp_path / "rapport.xlsx"
    script = (
        "import os, signal, sys\n"
        "from extractor.cli import main\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGTERM)  # mid-write\n"
        f"sys.exit(main(['extract', {str(good)!r}, '-o', {str(out)!r}, '-q', '--no-cache']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})

    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["god.txt"]
