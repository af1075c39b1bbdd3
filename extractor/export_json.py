"""Results → the contract JSON, written atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from extractor.models import ExtractionResult


def to_json(result: ExtractionResult) -> str:
    return result.model_dump_json(indent=2) + "\n"


def write_json(result: ExtractionResult, path: Path) -> None:
    write_atomically(path, to_json(result).encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Never leave a half-written file where the old one was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a result is not
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
