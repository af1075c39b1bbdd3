"""Small inputs the hostile-input tests build for themselves, and ways to run the CLI.

`PROPOSAL` is a complete, tiny text proposal (reads in milliseconds, so the tests stay
quick); `run_cli` runs the installed command in a fresh process, for the cases that
can hang, kill or close file descriptors and must not take the test runner with them.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROPOSAL = """\
Et lille forslag om
bedre cykelstier
Kort resumé: Forvaltningen vil bygge cykelstier og spare på vedligehold af vejene.
Fremstillende
forvaltning:
Teknik- og Miljøforvaltningen
1. Beskrivelse af forslag (fremgangsmåde og effekt)
Forslaget øger antallet af cykelstier i hele byen.
 Overførselssagen 2025-2026 2/3
 Investeringsforslag
2. Økonomi
Effektiviseringen er på 1,0 mio. kr. ved fuld indfasning.
4. Risikovurdering
Forslagets samlede risiko vurderes som lav.
"""


def write_proposal(path: Path | bytes) -> Path | bytes:
    """A readable one-proposal text file at `path` (bytes: a name that need not be UTF-8)."""
    with open(path, "wb") as fh:
        fh.write(PROPOSAL.encode("utf-8"))
    return path


def run_cli(*args: str | os.PathLike[str] | bytes, timeout: float = 120,
            **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """`python -m extractor ARGS` in a fresh process; a hang fails the test, not the run."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "extractor", *map(os.fsencode, args)],
                          timeout=timeout, env=env, **kwargs)  # type: ignore[call-overload]


def refuse(monkeypatch: pytest.MonkeyPatch, target: Path, error: int = errno.EACCES,
           calls: tuple[str, ...] = ("open", "scandir")) -> None:
    """Make the operating system refuse `target` as it would for a user without rights.

    Tests run as root in CI, where chmod 000 refuses nothing; so the calls that open or
    list files answer with the errno a normal user gets (and forked workers inherit it).
    """
    import builtins
    import io

    wanted = os.path.realpath(target)

    def guard(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(path: object, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, str | bytes | os.PathLike) and (
                    os.path.realpath(os.fsdecode(path)) == wanted):
                raise OSError(error, os.strerror(error), os.fsdecode(path))
            return real(path, *args, **kwargs)
        return call

    if "open" in calls:
        monkeypatch.setattr(os, "open", guard(os.open))
        monkeypatch.setattr(builtins, "open", guard(builtins.open))
        monkeypatch.setattr(io, "open", guard(io.open))
    if "scandir" in calls:
        monkeypatch.setattr(os, "scandir", guard(os.scandir))
