"""On-disk cache of document results, keyed by the file's content and the extractor version.

A re-run after one new file arrives should take seconds: an unchanged file
(same bytes, same extractor version, same check settings) is not parsed again.
A damaged cache entry is treated as a miss, never as an error. A whole `extract`
run's JSON is kept too (RunOutput), keyed by its inputs (names and contents) and
options: the same run again writes it without building a model. pydantic and the
models are imported only when a result goes through them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.run.atomic import write_atomically
from extractor.version import __version__

if TYPE_CHECKING:
    from extractor.models import DocumentResult

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

        The models' source is part of the key too: a development build that adds a
        field (still the same version number) must not serve entries lacking it. Its
        hash, not the pydantic schema, so that building the key imports no pydantic;
        the built-in check settings' source too, which 'default' in a fingerprint names.
        """
        models = _sources_digest()
        key = hashlib.sha256(f"{__version__}\0{fingerprint}\0{models}".encode()).hexdigest()[:16]
        self.directory = directory / key

    def _entry(self, digest: str) -> Path:
        return self.directory / digest[:2] / f"{digest}.json"

    def get(self, digest: str, name: str) -> DocumentResult | None:
        """The cached result for the file with this sha256, or None for anything doubtful:
        not a regular file (a FIFO would block), not the model's shape, no or another
        file's sha256 (`{"file": "x"}` is valid for the model and would pass as a read
        document without proposals), or a status that contradicts its error."""
        from pydantic import ValidationError

        from extractor.models import DocumentResult

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


def _sources_digest() -> str:
    """sha256 of the source that shapes a result besides the pipeline's logic: models.py
    (its fields) and the built-in check settings (checks/config.py, rules.py), read as
    files so that the key imports no pydantic."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for source in ("models.py", "checks/config.py", "rules.py"):
        try:
            digest.update((package / source).read_bytes())
        except OSError:  # not installed as files (a zip): the version alone must do
            digest.update(b"unknown")
    return digest.hexdigest()


@dataclass(frozen=True)
class KeptRun:
    """A run's JSON as written then, and what its report on stderr needs."""

    text: str
    documents: int
    proposals: int
    failures: list[tuple[str, str]]  # (file as given, Danish message) per unreadable file


def get_run(cache: ResultCache, key: str) -> KeptRun | None:
    """The run kept under `key` (see run_key), or None; an entry whose text does not
    match its sha256 (damaged, half-written) is none."""
    entry = _run_entry(cache, key)
    meta = read_regular(entry.with_suffix(".meta"), follow=False)
    data = read_regular(entry, follow=False)
    if meta is None or data is None:
        return None
    digest, documents, proposals, *fields = meta.decode("utf-8", "surrogateescape").split("\0")
    if (digest != hashlib.sha256(data).hexdigest() or len(fields) % 2
            or not documents.isdigit() or not proposals.isdigit()):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return KeptRun(text, int(documents), int(proposals),
                   list(zip(fields[::2], fields[1::2], strict=True)))


def put_run(cache: ResultCache, key: str, run: KeptRun) -> None:
    """Kept as the text and a line of plain fields (its sha256, the counts, then file and
    message of each failure, NUL-separated): reading it back needs no JSON parser."""
    with contextlib.suppress(OSError, UnicodeEncodeError):  # not kept: no harm done
        data = run.text.encode("utf-8")
        fields = [hashlib.sha256(data).hexdigest(), str(run.documents), str(run.proposals),
                  *(f for pair in run.failures for f in pair)]
        write_atomically(_run_entry(cache, key), data)
        write_atomically(_run_entry(cache, key).with_suffix(".meta"),
                         "\0".join(fields).encode("utf-8", "surrogateescape"))


def _run_entry(cache: ResultCache, key: str) -> Path:
    return cache.directory / "runs" / f"{key}.json"


def run_key(inputs: Sequence[tuple[str, str]], options: str) -> str:
    """A run's key: its inputs in order, each (name as shown, sha256), and whatever else
    shapes its output (`options`); the cache directory adds version and settings."""
    text = "\0".join([options, *(f"{name}\0{digest}" for name, digest in inputs)])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
