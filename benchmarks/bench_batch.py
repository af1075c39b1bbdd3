"""Batch throughput: sequential vs. parallel, and a warm-cache re-run, measured in one run.

    python benchmarks/bench_batch.py [--copies N] [--jobs J]

Builds a folder of at least 100 proposal PDFs (variants of the samples: each copy
gets a unique trailing comment, so every file has its own content hash), then runs
the real command line over it: `--jobs 1 --no-cache`, `--jobs J --no-cache`, a cold
run into an empty cache and a warm re-run. Prints pages per second and the ratios;
the ratios are what to compare across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def make_folder(folder: Path, minimum: int) -> int:
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    n = 0
    while n < minimum:
        for pdf in pdfs:
            data = pdf.read_bytes() + f"\n% benchmark variant {n}\n".encode()
            (folder / f"{n:04d}_{pdf.name}").write_bytes(data)
            n += 1
    return n


def run(folder: Path, out: Path, *extra: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "extractor", "extract", str(folder), "-o", str(out), "-q"]
    done = subprocess.run([*command, *extra], env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"extractor exited with {done.returncode}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="at least this many PDFs")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "pdfs"
        folder.mkdir()
        files = make_folder(folder, args.copies)
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}
        out = tmp / "result.json"
        sequential = run(folder, out, "--jobs", "1", "--no-cache", env=env)
        pages = sum(d["pages"] or 0 for d in json.loads(out.read_text())["documents"])
        parallel = run(folder, out, "--jobs", str(args.jobs), "--no-cache", env=env)
        cold = run(folder, out, "--jobs", str(args.jobs), env=env)
        warm = run(folder, out, "--jobs", str(args.jobs), env=env)
    print(f"files: {files}  pages: {pages}  cores: {os.cpu_count()}")
    for name, seconds in [("sequential (--jobs 1)", sequential),
                          (f"parallel (--jobs {args.jobs})", parallel),
                          ("cold cache", cold), ("warm cache", warm)]:
        print(f"{name:22} {seconds:7.2f} s  {pages / seconds:8.1f} pages/s")
    print(f"speed-up parallel/sequential: {sequential / parallel:.2f}x  (target: at least 1.6x)")
    print(f"speed-up warm/cold cache:     {cold / warm:.1f}x  (target: at least 20x)")


if __name__ == "__main__":
    main()
