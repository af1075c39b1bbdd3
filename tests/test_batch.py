"""The batch runner: order, time limit, memory bound, crashes and the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from extractor.models import DocumentResult
from extractor.run.batch import BatchOptions, run_batch
from extractor.run.cache import ResultCache, file_digest

CALLS: list[str] = []


def _ok(path: Path, name: str) -> DocumentResult:
    return DocumentResult(file=name, sha256=file_digest(path), pages=len(path.read_bytes()))


def _misbehaving(path: Path, name: str) -> DocumentResult:
    kind = path.read_text()
    if kind == "slow":
        time.sleep(60)
    if kind == "hungry":
        blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GiB
        return DocumentResult(file=name, pages=len(blocks))
    if kind == "crash":
        os._exit(9)
    return _ok(path, name)


def _files(tmp_path: Path, kinds: list[str]) -> list[tuple[Path, str]]:
    out = []
    for i, kind in enumerate(kinds):
        path = tmp_path / f"{i:02d}-{kind}.pdf"
        path.write_text(kind)
        out.append((path, path.name))
    return out


def test_results_come_back_in_input_order_with_every_input(tmp_path: Path) -> None:
    inputs = _files(tmp_path, ["a" * n for n in (5, 1, 9, 3, 7, 2)])
    results = run_batch(inputs, _ok, BatchOptions(jobs=2))
    assert [r.file for r in results] == [name for _, name in inputs]
    assert [r.pages for r in results] == [5, 1, 9, 3, 7, 2]


@pytest.mark.slow
def test_slow_hungry_and_crashing_documents_cost_only_themselves(tmp_path: Path) -> None:
    inputs = _files(tmp_path, ["fine", "slow", "hungry", "crash", "also fine"])
    start = time.monotonic()
    results = run_batch(inputs, _misbehaving,
                        BatchOptions(jobs=2, timeout=8.0, max_memory_mb=512))
    assert time.monotonic() - start < 40
    codes = [r.error.code if r.error else "ok" for r in results]
    assert codes == ["ok", "timeout", "memory_limit", "internal_error", "ok"]
    assert all(r.file == name for r, (_, name) in zip(results, inputs, strict=True))
    assert "--timeout" in results[1].error.message
    assert "hukommelse" in results[2].error.message and "--max-memory" in results[2].error.message


def test_warm_cache_skips_the_work_and_survives_damaged_entries(tmp_path: Path) -> None:
    inputs = _files(tmp_path, ["one", "two"])
    cache = ResultCache(tmp_path / "cache", fingerprint="x")
    first = run_batch(inputs, _ok, BatchOptions(jobs=1), cache=cache)

    def _must_not_run(path: Path, name: str) -> DocumentResult:
        raise AssertionError("a cached file was parsed again")

    again = run_batch(inputs, _must_not_run, BatchOptions(jobs=1), cache=cache)
    assert again == first
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{ not json")
    repaired = run_batch(inputs, _ok, BatchOptions(jobs=1), cache=cache)
    assert repaired == first


def test_cache_is_keyed_by_content_and_settings(tmp_path: Path) -> None:
    (path, name), = _files(tmp_path, ["content"])
    cache = ResultCache(tmp_path / "c", fingerprint="a")
    digest = file_digest(path)
    assert digest is not None
    cache.put(digest, _ok(path, name))
    assert cache.get(digest, "other-name.pdf").file == "other-name.pdf"
    assert ResultCache(tmp_path / "c", fingerprint="b").get(digest, name) is None
    path.write_text("changed")
    assert cache.get(file_digest(path) or "", name) is None


@pytest.mark.parametrize("jobs", [1, 3])
def test_timeouts_are_not_cached(tmp_path: Path, jobs: int) -> None:
    inputs = _files(tmp_path, ["slow"])
    cache = ResultCache(tmp_path / "cache")
    run_batch(inputs, _misbehaving, BatchOptions(jobs=jobs, timeout=0.5), cache=cache)
    assert not list((tmp_path / "cache").rglob("*.json"))
