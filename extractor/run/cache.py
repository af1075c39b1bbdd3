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
from pathlib import Path

from pydantic import ValidationError

from extractor import __version__
from extractor.models import DocumentResult
from extractor.run.atomic import write_atomically

_CHUNK = 1 << 20


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "extractor"


def file_digest(path: Path) -> str | None:
    """sha256 of the file's bytes; None when it cannot be read (the worker reports why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


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
        try:
            data = self._entry(digest).read_bytes()
            result = DocumentResult.model_validate_json(data)
        except (OSError, ValueError, ValidationError):
            return None
        if result.sha256 not in (digest, None):
            return None
        return result.model_copy(update={"file": name})

    def put(self, digest: str, result: DocumentResult) -> None:
        with contextlib.suppress(OSError):  # a read-only or full cache must not fail the run
            write_atomically(self._entry(digest), result.model_dump_json().encode("utf-8"))
