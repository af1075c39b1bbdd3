"""A one-line progress display on stderr: files done/total, current file, elapsed, ETA.

Written by hand rather than with a progress-bar library: one line of `\\r`
output is all a batch needs, and it stays quiet when stderr is not a terminal
(CI logs, pipes), where a bar is only noise.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class ProgressLine:
    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._shown = False

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.enabled:
            return
        self.stream.write("\r" + self.render(done, total, name, time.monotonic() - self.started))
        self.stream.flush()
        self._shown = True

    def render(self, done: int, total: int, name: str, elapsed: float) -> str:
        width = shutil.get_terminal_size((100, 20)).columns
        eta = elapsed / done * (total - done) if done else 0.0
        bar_len = 20
        filled = round(bar_len * done / total) if total else bar_len
        head = (f"[{'#' * filled}{'.' * (bar_len - filled)}] {done}/{total} "
                f"{_clock(elapsed)} forløbet, ca. {_clock(eta)} tilbage  ")
        room = max(width - len(head) - 1, 10)
        tail = name if len(name) <= room else "…" + name[-(room - 1):]
        return (head + tail).ljust(width - 1)[: width - 1]

    def finish(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes:d}:{secs:02d}"
