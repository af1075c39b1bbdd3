"""Where a run's result goes: checked before any document is read, written without a traceback.

A run over a budget round takes minutes; finding only afterwards that `-o` names a
folder, sits under a file, or lies in a folder the user cannot write would throw that
work away. Each check answers with a Danish message naming the target (None = fine).
A write that still fails (a full disk) or standard output that is closed or short are
reported the same way, as `OutputError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from extractor.errors import shown


class OutputError(Exception):
    """The result could not be written; the message is Danish and names the target."""


def output_problem(path: Path, suffixes: Iterable[str]) -> str | None:
    """Why the result cannot be written to `path` (format by suffix), or None."""
    allowed = sorted(suffixes)
    target = shown(path)
    try:
        mode: int | None = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None  # the folder check below says which part of the path is wrong
    except OSError as exc:
        return f"{target}: kan ikke skrives ({_reason(exc)})"
    if mode is not None and stat.S_ISDIR(mode):
        example = shown(path / "rapport") + allowed[-1]
        return f"{target} er en mappe; angiv et filnavn, f.eks. {example}"
    if path.suffix.lower() not in allowed:
        names = ", ".join(allowed[:-1]) + f" eller {allowed[-1]}" if len(allowed) > 1 else (
            allowed[0])
        return f"ukendt outputformat '{shown(path.suffix) or target}' (brug {names})"
    if mode is not None and not stat.S_ISREG(mode):
        return f"{target} er ikke en almindelig fil; angiv et filnavn i en mappe"
    folder = _nearest_existing(path.parent)
    if not folder.is_dir():
        return f"{target}: {shown(folder)} er en fil, ikke en mappe; kontrollér stien"
    return _unwritable(folder, target)


def _nearest_existing(folder: Path) -> Path:
    """The folder itself, or its nearest ancestor that exists (the rest is created)."""
    folder = Path(os.path.abspath(folder))
    while not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    return folder


def _unwritable(folder: Path, target: str) -> str | None:
    """Try what the write will do (a temporary file in that folder): permissions alone do
    not say whether a read-only file system or a quota will refuse it."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".extractor-test.", dir=folder)
    except OSError as exc:
        return f"{target}: mappen {shown(folder)} kan ikke skrives i ({_reason(exc)})"
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)
    return None


def stdout_problem() -> str | None:
    """Standard output closed (`>&-`): say so before the work, not after it."""
    closed = "standard output er lukket; angiv en fil med -o"
    if sys.stdout is None or sys.stdout.closed:
        return closed
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return None  # not a file descriptor (captured in a test): writing will tell
    try:
        os.fstat(fd)
    except OSError:
        return closed
    return None


def write_stdout(text: str) -> None:
    """All of `text` to standard output, or OutputError (closed pipe, full disk, short write)."""
    if sys.stdout is None:
        raise OutputError("standard output er lukket; resultatet er ikke skrevet")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError as exc:
        _silence_stdout()
        raise OutputError("standard output blev lukket undervejs (f.eks. af 'head'); "
                          "resultatet er kun skrevet delvist") from exc
    except OSError as exc:
        _silence_stdout()
        raise OutputError(f"standard output kunne ikke skrives ({_reason(exc)}); "
                          "resultatet er kun skrevet delvist") from exc


def _silence_stdout() -> None:
    """Python flushes stdout again at exit and would print a traceback for the same fault."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def write_failed(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"{shown(path)} kunne ikke skrives ({_reason(exc)}); en tidligere fil "
                       "med samme navn er urørt")


def _reason(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: "disken er fuld",
        errno.EDQUOT: "din diskkvote er brugt op",
        errno.EACCES: "ingen skriveadgang",
        errno.EPERM: "ingen skriveadgang",
        errno.EROFS: "drevet er skrivebeskyttet",
        errno.EISDIR: "det er en mappe",
        errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
        errno.EIO: "skrivefejl på disken eller netværksdrevet",
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)
