"""Before any reader opens an input: is it a regular file this process may read?

A FIFO or a device would block a reader (and the hashing before it) forever, and the
operating system's refusals (no rights, a symlink loop, a folder) are faults of the
file's place, not of extractor: each becomes an error entry with a clear message.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from extractor.errors import FileAccessError, NotFoundError, NotRegularFileError

_KINDS = (
    (stat.S_ISFIFO, "en navngiven pipe (FIFO)"),
    (stat.S_ISCHR, "en enhed (tegnenhed)"),
    (stat.S_ISBLK, "en enhed (blokenhed)"),
    (stat.S_ISSOCK, "en socket"),
)


def check_regular_file(path: Path) -> None:
    """Raise the ExtractorError that says why `path` cannot be read as a file, if any."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as exc:
        if os.path.islink(path):  # a dangling symlink: the link exists, its target not
            raise FileAccessError(path, exc) from exc
        raise NotFoundError(path) from exc
    except OSError as exc:
        raise FileAccessError(path, exc) from exc
    if stat.S_ISDIR(mode):
        raise FileAccessError(path, IsADirectoryError(21, "Is a directory"))
    for test, kind in _KINDS:
        if test(mode):
            raise NotRegularFileError(path, kind)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise FileAccessError(path, exc) from exc
    os.close(fd)


def is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
