"""SIGINT, SIGTERM and SIGHUP to the main process end the run in an orderly way.

Python turns Ctrl-C into KeyboardInterrupt, but SIGTERM (what `kill`, a service manager
or a CI timeout sends) ends the process at once: no `finally` runs, so the workers
ran on without their time limit and a temporary file stayed beside the output. Inside
`ending_on_signals()` both signals raise `Interrupted`, which unwinds through the batch
runner (it kills its workers) and the atomic writer (it removes its temporary file).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)  # SIGHUP: the terminal closed


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; `exit_code` is the shell's 128 + signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def ending_on_signals() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; a caller there decides
        return
    # A signal ignored on purpose stays ignored (nohup ignores SIGHUP; a shell starts a
    # background job with SIGINT ignored).
    saved = {s: signal.signal(s, _raise) for s in _SIGNALS
             if signal.getsignal(s) is not signal.SIG_IGN}
    try:
        yield
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)
