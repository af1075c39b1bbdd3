"""On-disk cache of document results, keyed by the file's content and the extractor version.

A re-run after one new file arrives should take seconds: an unchanged file
(same bytes, same extractor version, same check settings) is not parsed again.
A damaged cache entry is treated as a miss, never as an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from extractor.models import DocumentResult
from extractor.run.atomic import write_atomically
from extractor.version import __version__

_CHUNK = 1 << 20


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "extractor"


def file_digest(path: Path) -> str | None:
    """sha256 of a regular file's bytes; None for anything else (the worker reports why).

    Opened without blocking and checked to be a regular file before reading: a FIFO
    or a device would block here, before any time limit applies.
    """
    digest = hashlib.sha256()
    for chunk in _regular_chunks(path, follow=True):
        if chunk is None:
            return None
        digest.update(chunk)
    return digest.hexdigest()


def read_regular(path: Path, *, follow: bool) -> bytes | None:
    """The bytes of a regular file, or None (missing, unreadable, FIFO, device; with
    follow=False also a symlink)."""
    chunks = list(_regular_chunks(path, follow=follow))
    return None if None in chunks else b"".join(chunks)  # type: ignore[arg-type]


def _regular_chunks(path: Path, *, follow: bool) -> Iterator[bytes | None]:
    """The file's bytes in chunks; a final None when it is not a readable regular file."""
    flags = os.O_RDONLY | os.O_NONBLOCK | (0 if follow else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError:
        yield None
        return
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            yield None
            return
        while chunk := os.read(fd, _CHUNK):
            yield chunk
    except OSError:
        yield None
    finally:
        os.close(fd)


class ResultCache:
    def __init__(self, directory: Path, fingerprint: str = "") -> None:
        """`fingerprint` names whatever else shapes a result (e.g. the check settings).

        The result's schema is part of the key too: a development build that adds a
        field (still the same version number) must not serve entries lacking it.
        """
        schema = json.dumps(DocumentResult.model_json_schema(), sort_keys=True)
        key = hashlib.sha256(f"{__version__}\0{fingerprint}\0{schema}".encode()).hexdigest()[:16]
        self.directory = directory / key

    def _entry(self, digest: str) -> Path:
        return self.directory / digest[:2] / f"{digest}.json"

    def get(self, digest: str, name: str) -> DocumentResult | None:
        """The cached result for the file with this sha256, or None for anything doubtful:
        not a regular file (a FIFO would block), not the model's shape, no or another
        file's sha256 (`{"file": "x"}` is valid for the model and would pass as a read
        document without proposals), or a status that contradicts its error."""
        data = read_regular(self._entry(digest), follow=False)
        if data is None:
            return None
        try:
            result = DocumentResult.model_validate_json(data)
        except (ValueError, ValidationError):
            return None
        if result.sha256 != digest or not _plausible(result):
            return None
        return result.model_copy(update={"file": name})

    def put(self, digest: str, result: DocumentResult) -> None:
        with contextlib.suppress(OSError):  # a read-only or full cache must not fail the run
            write_atomically(self._entry(digest), result.model_dump_json().encode("utf-8"))


def _plausible(result: DocumentResult) -> bool:
    """A read document has no error, an unreadable one an error and no proposals."""
    if result.status == "ok":
        return result.error is None
    return result.error is not None and not result.proposals
