"""Cached runs start no worker, and the reader choice reaches the cache key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.run import batch

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "skoler_budget2027.pdf"
DATA = Path(__file__).resolve().parent / "data"


def test_a_run_of_cached_results_starts_no_worker(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run over the same files takes every result from the cache and starts no
    worker process; the output is the same."""
    files = [tmp_path / "a.pdf", tmp_path / "b.txt"]
    files[0].write_bytes(SAMPLE.read_bytes())
    files[1].write_bytes((DATA / "seed_three_proposals.txt").read_bytes())
    args = ["-q", "--cache-dir", str(tmp_path / "cache"), "-o"]
    assert main(["extract", *map(str, files), *args, str(tmp_path / "first.json")]) == 0

    def no_pool(*_: object, **__: object) -> None:
        raise AssertionError("a worker started although every result was cached")

    monkeypatch.setattr(batch, "_Pool", no_pool)
    assert main(["extract", *map(str, files), *args, str(tmp_path / "second.json")]) == 0
    first = json.loads((tmp_path / "first.json").read_bytes())["documents"]
    second = json.loads((tmp_path / "second.json").read_bytes())["documents"]
    assert second == first and all(d["proposals"] for d in first)


def test_the_reader_is_part_of_the_cache_key(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    outputs = []
    for reader in ("pdfium", "pdfplumber"):
        out = tmp_path / f"{reader}.json"
        assert main(["extract", str(SAMPLE), "-q", "--reader", reader, "--cache-dir",
                     str(cache), "-o", str(out)]) == 0
        outputs.append(out.read_bytes())
    assert len([d for d in cache.iterdir() if d.is_dir()]) == 2  # one key per reader
    assert outputs[0] == outputs[1]  # and the readers agree
