"""What the benchmark scripts share: the wall time of extracting files, failing loudly.

A script here runs as `python benchmarks/<name>.py`, so this folder is on its path.
"""

from __future__ import annotations

import time
from pathlib import Path

from extractor.api import extract_file
from extractor.read import READERS


def seconds(paths: list[Path], reader: str = READERS[0]) -> float:
    """Seconds to extract `paths` one after another; a file that fails ends the benchmark."""
    start = time.perf_counter()
    for path in paths:
        result = extract_file(path, reader=reader)
        if result.status != "ok":
            raise SystemExit(f"{path}: {result.error}")
    return time.perf_counter() - start
