"""Damaged and hostile input: every case ends as a document entry, never a crash or a hang.

The fuzz cases are derived from the sample PDFs with a fixed seed (so a failure
can be replayed) and run through the real batch runner, whose time and memory
bounds are what keeps a pathological case from hanging the run.
"""

from __future__ import annotations

import functools
import random
import time
import zlib
from pathlib import Path

import pytest
from pdf_factory import write_pdf

from extractor.api import extract_file
from extractor.models import ErrorCode
from extractor.run.batch import BatchOptions, run_batch

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CONTRACT_CODES = set(ErrorCode.__args__)  # type: ignore[attr-defined]
SEED = 20261126
CASES = 240


def _mutations(data: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["truncate", "flip", "splice", "zero", "drop"])
    if kind == "truncate":
        return data[: rng.randrange(1, len(data))]
    out = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 40)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == "splice":
        a, b = sorted(rng.sample(range(len(out)), 2))
        out[a:a] = out[b: b + rng.randint(1, 4000)]
    elif kind == "zero":
        a = rng.randrange(len(out))
        out[a: a + rng.randint(1, 5000)] = bytes(min(5000, len(out) - a))
    else:
        a = rng.randrange(len(out))
        del out[a: a + rng.randint(1, 5000)]
    return bytes(out)


@pytest.mark.slow
def test_fuzzed_samples_always_yield_an_entry(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    sources = [SAMPLES / "skoler_budget2027.pdf", SAMPLES / "teknik_sidebrud.pdf"]
    inputs = []
    for i in range(CASES):
        source = sources[i % len(sources)]
        path = tmp_path / f"case{i:03d}.pdf"
        path.write_bytes(_mutations(source.read_bytes(), rng))
        inputs.append((path, path.name))
    start = time.monotonic()
    results = run_batch(inputs, extract_file, BatchOptions(jobs=2, timeout=20, max_memory_mb=1024))
    assert time.monotonic() - start < 900
    assert [r.file for r in results] == [name for _, name in inputs]
    for result in results:
        if result.status == "ok":
            assert result.error is None
        else:
            assert result.error is not None and result.error.code in CONTRACT_CODES, result
            assert result.error.code != "internal_error", result.error.message  # a bug of ours
            assert result.file.split(".")[0] in result.error.message or result.error.code in (
                "timeout", "memory_limit", "corrupt")
    outcomes = {r.error.code if r.error else "ok" for r in results}
    assert "ok" in outcomes and "corrupt" in outcomes  # the mutations really did both


def _bomb(path: Path, inflated_mb: int) -> None:
    """A valid one-page PDF whose content stream inflates to `inflated_mb` MiB of zeros."""
    packer = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    stream = b"".join(packer.compress(chunk) for _ in range(inflated_mb)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ]
    write_pdf(path, objects)


@pytest.mark.slow
def test_decompression_bomb_is_stopped_within_the_bounds(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    _bomb(bomb, inflated_mb=1536)
    assert bomb.stat().st_size < 4 * 1024 * 1024
    good = SAMPLES / "skoler_budget2027.pdf"
    start = time.monotonic()
    results = run_batch([(bomb, "bomb.pdf"), (good, "good.pdf")], extract_file,
                        BatchOptions(jobs=2, timeout=30, max_memory_mb=768))
    assert time.monotonic() - start < 60
    assert results[0].status == "error"
    assert results[0].error is not None
    assert results[0].error.code in ("memory_limit", "timeout")
    assert results[1].status == "ok" and results[1].proposals


@pytest.mark.slow
def test_pdfium_running_out_of_memory_is_the_memory_bound_not_a_crash(tmp_path: Path) -> None:
    """PDFium allocates outside Python: under RLIMIT_AS it aborts the worker, which
    must be reported as memory_limit (not corrupt, not a crash), the batch going on."""
    bomb = tmp_path / "bomb.pdf"
    _bomb(bomb, inflated_mb=1536)
    good = SAMPLES / "skoler_budget2027.pdf"
    results = run_batch([(bomb, "bomb.pdf"), (good, "good.pdf")],
                        functools.partial(extract_file, reader="pdfium"),
                        BatchOptions(jobs=1, timeout=60, max_memory_mb=768))
    assert results[0].error is not None
    assert results[0].error.code == "memory_limit"
    assert results[1].status == "ok" and results[1].proposals


def _text_mutation(lines: list[str], rng: random.Random) -> list[str]:
    """Line-level damage of the kind pasted text suffers, plus some that it should not."""
    out = list(lines)
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["drop", "duplicate", "swap", "numbers", "truncate", "junk", "split"])
        a = rng.randrange(len(out))
        if kind == "drop":
            del out[a: a + rng.randint(1, 40)]
        elif kind == "duplicate":
            out[a:a] = out[a: a + rng.randint(1, 30)]
        elif kind == "swap":
            b = rng.randrange(len(out))
            out[a], out[b] = out[b], out[a]
        elif kind == "numbers":
            for i in range(a, min(len(out), a + 60)):
                if rng.random() < 0.3:
                    out[i] += " " + rng.choice(["1.234", "-5", "−810", "0", "12,5", "9.999.999"])
        elif kind == "truncate":
            out = out[: a + 1]
        elif kind == "junk":
            out.insert(a, "".join(rng.choice("Tabel 1.2 Samlet Heraf ½§*-–\t ")
                                  for _ in range(rng.randint(1, 80))))
        else:
            line = out[a]
            cut = rng.randrange(len(line) + 1)
            out[a: a + 1] = [line[:cut] + "-", line[cut:]]
        if not out:
            out = [""]
    return out


@pytest.mark.slow
def test_fuzzed_text_always_yields_an_entry_and_never_a_bug(tmp_path: Path) -> None:
    """Damaged seed text through parsers and the column solver: ok or a contract error."""
    rng = random.Random(SEED + 1)
    lines = (SAMPLES.parent / "tests" / "data" / "seed_three_proposals.txt").read_text(
        encoding="utf-8").splitlines()
    inputs = []
    for i in range(60):
        path = tmp_path / f"text{i:03d}.txt"
        path.write_text("\n".join(_text_mutation(lines, rng)), encoding="utf-8")
        inputs.append((path, path.name))
    results = run_batch(inputs, extract_file, BatchOptions(jobs=2, timeout=30, max_memory_mb=1024))
    assert [r.file for r in results] == [name for _, name in inputs]
    for result in results:
        if result.status != "ok":
            assert result.error is not None and result.error.code in CONTRACT_CODES, result
            assert result.error.code not in ("internal_error", "timeout", "corrupt"), (
                result.error.message)
    assert sum(r.status == "ok" and len(r.proposals) >= 1 for r in results) > 30
