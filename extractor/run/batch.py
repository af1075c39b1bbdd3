"""Many files: worker processes, a time limit and a memory bound per document, a cache.

Each document runs in a worker process, so a document that hangs or blows up
(a decompression bomb, a pathological page) costs only itself: the worker is
killed at the time limit, its memory is capped with RLIMIT_AS, and a fresh
worker takes its place. Results come back in input order whatever order the
workers finish in, and every input gets a document entry.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path

from extractor.errors import InternalError, shown, shown_name
from extractor.models import DocumentError, DocumentResult
from extractor.run.cache import ResultCache, file_digest

Process = Callable[[Path, str], DocumentResult]
Progress = Callable[[int, int, str], None]  # done, total, name of the file just finished

_POLL = 0.05  # s between looks at the workers
_MEMORY_EXIT = 86  # a worker's exit code: it ran out of memory under the bound
_NEAR_BOUND = 0.9  # a dead worker whose address space reached this share of the bound hit it
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class BatchOptions:
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float = 60.0  # s per document
    max_memory_mb: int = 2048  # per worker process; 0 = no bound


def run_batch(inputs: list[tuple[Path, str]], process: Process, options: BatchOptions,
              cache: ResultCache | None = None, progress: Progress | None = None,
              prepare: Callable[[], object] | None = None) -> list[DocumentResult]:
    """Process every input; cached results are reused, the rest go to the workers.

    No worker starts when every result is cached. `prepare` runs once before the
    first worker starts (e.g. to import the pipeline, so forked workers share it).
    """
    results: list[DocumentResult | None] = [None] * len(inputs)
    todo: list[tuple[int, Path, str, str | None]] = []
    done = 0
    for index, (path, name) in enumerate(inputs):
        digest = file_digest(path)
        cached = cache.get(digest, name) if cache is not None and digest else None
        if cached is not None:
            results[index] = cached
            done += 1
            if progress:
                progress(done, len(inputs), name)
        else:
            todo.append((index, path, name, digest))
    if not todo:
        return [r for r in results if r is not None]
    if prepare is not None:
        prepare()
    pool = _Pool(process, options, min(max(options.jobs, 1), max(len(todo), 1)))
    try:
        biggest_first = sorted(todo, key=lambda t: -_size(t[1]))  # long jobs must not come last
        for index, result in pool.run([(i, p, n) for i, p, n, _ in biggest_first]):
            results[index] = result
            done += 1
            digest = next(d for i, _, _, d in todo if i == index)
            if cache is not None and digest and cacheable(result):
                cache.put(digest, result)
            if progress:
                progress(done, len(inputs), result.file)
    finally:
        pool.close()
    return [r for r in results if r is not None]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def cacheable(result: DocumentResult) -> bool:
    """Limits depend on the run and bugs get fixed, not the file: never cache those."""
    return result.error is None or result.error.code not in (
        "timeout", "memory_limit", "internal_error")


@dataclass
class _Worker:
    process: BaseProcess
    conn: multiprocessing.connection.Connection
    task: tuple[int, Path, str] | None = None
    started: float = 0.0
    peak_kb: int = 0  # the worker's largest address space seen (VmPeak), for _died


class _Pool:
    def __init__(self, process: Process, options: BatchOptions, size: int) -> None:
        self._process = process
        self._options = options
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        self._context = multiprocessing.get_context(method)
        self._workers = [self._start() for _ in range(size)]

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        proc = self._context.Process(
            target=_work, args=(child, self._process, self._options.max_memory_mb, os.getpid()),
            daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def run(self, tasks: list[tuple[int, Path, str]]) -> Iterator[tuple[int, DocumentResult]]:
        queue = list(reversed(tasks))
        busy = 0
        while queue or busy:
            for worker in self._workers:
                if worker.task is None and queue:
                    worker.task = queue.pop()
                    worker.started = time.monotonic()
                    busy += 1
                    with contextlib.suppress(OSError):  # a dead worker: _collect says so
                        worker.conn.send(worker.task)
            ready = multiprocessing.connection.wait(
                [w.conn for w in self._workers if w.task is not None], timeout=_POLL)
            for i, worker in enumerate(self._workers):
                if worker.task is None:
                    continue
                index, path, name = worker.task
                outcome = self._collect(worker, ready, name, path)
                if outcome is None:
                    continue
                result, replace = outcome
                worker.task = None
                busy -= 1
                if replace:
                    self._stop(worker)
                    self._workers[i] = self._start()
                yield index, result

    def _collect(self, worker: _Worker, ready: list, name: str,
                 path: Path) -> tuple[DocumentResult, bool] | None:
        if worker.conn in ready:
            try:
                payload = worker.conn.recv()
            except (EOFError, OSError):
                return self._died(worker, name, path), True
            if isinstance(payload, str) and payload == "memory":
                return _failed(name, "memory_limit", _too_big(path, self._options)), True
            return DocumentResult.model_validate_json(payload), False
        if not worker.process.is_alive():
            return self._died(worker, name, path), True
        if time.monotonic() - worker.started > self._options.timeout:
            return _failed(name, "timeout", _too_slow(path, self._options)), True
        worker.peak_kb = max(worker.peak_kb, _vm_peak_kb(worker.process.pid))
        return None

    def _died(self, worker: _Worker, name: str, path: Path) -> DocumentResult:
        """A worker that ended without a result: the memory bound when it was hit (its
        own exit code says so, its address space had reached the bound, or it was
        killed by SIGABRT under the bound: PDFium aborts when RLIMIT_AS denies it
        memory), else a crash that says nothing about the file (kill -9, the OOM
        killer, a bug in a library)."""
        worker.process.join(timeout=1)
        limit_kb = self._options.max_memory_mb * 1024
        if worker.process.exitcode == _MEMORY_EXIT or (limit_kb and (
                worker.peak_kb >= _NEAR_BOUND * limit_kb
                or worker.process.exitcode == -signal.SIGABRT)):
            return _failed(name, "memory_limit", _too_big(path, self._options))
        return _failed(name, "internal_error", _crashed(path, worker.process.exitcode))

    def _stop(self, worker: _Worker) -> None:
        worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)

    def close(self) -> None:
        for worker in self._workers:
            if worker.task is None and worker.process.is_alive():
                with contextlib.suppress(BrokenPipeError, OSError):
                    worker.conn.send(None)
            self._stop(worker)


def _work(conn: multiprocessing.connection.Connection, process: Process,
          max_memory_mb: int, parent: int) -> None:
    """The worker's loop. Running out of memory anywhere (even while sending the result)
    ends the process with _MEMORY_EXIT, so the main process can tell the bound from a
    crash; a result that cannot be sent (a bug) is sent as an internal_error instead."""
    _detach_from_terminal_signals(parent)
    try:
        if max_memory_mb > 0:
            limit = max_memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            if task is None:
                return
            _, path, name = task
            conn.send(_serialised(process, path, name))
    except MemoryError:
        os._exit(_MEMORY_EXIT)


def _serialised(process: Process, path: Path, name: str) -> str:
    try:
        return process(path, name).model_dump_json()
    except MemoryError:
        return "memory"
    except Exception as exc:  # a result that cannot be serialised must still be a result
        message = InternalError(path, exc).message
        return _failed(shown(name), "internal_error", message).model_dump_json()


def _detach_from_terminal_signals(parent: int) -> None:
    """Ctrl-C and a closed terminal signal the whole process group; the main process
    decides and ends the workers itself. A worker also dies with the main process,
    however that ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the main process died before prctl took effect
        os._exit(1)


def _vm_peak_kb(pid: int | None) -> int:
    """The process's largest address space so far (what RLIMIT_AS bounds), 0 if unknown."""
    return _proc_status_kb(pid, "VmPeak:")


def _vm_size_kb(pid: int | None) -> int:
    return _proc_status_kb(pid, "VmSize:")


def _proc_status_kb(pid: int | None, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _failed(name: str, code: str, message: str) -> DocumentResult:
    return DocumentResult(file=name, status="error",
                          error=DocumentError(code=code, message=message))  # type: ignore[arg-type]


def _too_slow(path: Path, options: BatchOptions) -> str:
    return (f"{shown_name(path)}: læsningen tog mere end {options.timeout:g} sekunder og blev "
            "stoppet; kontrollér filen, eller kør igen med en højere --timeout.")


def _too_big(path: Path, options: BatchOptions) -> str:
    own_mb = _vm_size_kb(os.getpid()) // 1024
    if options.max_memory_mb < 2 * own_mb:
        return (f"{shown_name(path)}: --max-memory {options.max_memory_mb} MB er for lidt "
                "hukommelse; "
                f"extractor bruger selv ca. {own_mb} MB, før en fil er læst. Kør igen med en "
                "højere --max-memory (standard: 2048).")
    return (f"{shown_name(path)}: læsningen krævede mere end {options.max_memory_mb} MB "
            "hukommelse og blev stoppet (muligvis en PDF med en udpakningsbombe); kontrollér "
            "filen, eller kør igen med en højere --max-memory.")


def _crashed(path: Path, exitcode: int | None) -> str:
    how = (f"signal {-exitcode}" if exitcode is not None and exitcode < 0
           else f"afslutningskode {exitcode}")
    return (f"{shown_name(path)}: læseprocessen stoppede uventet ({how}) under læsningen af "
            "filen; det siger intet om, at filen er beskadiget (processen kan være stoppet "
            "udefra, f.eks. af systemet ved mangel på hukommelse). Kør igen; sker det igen, "
            "så send filen og denne besked til udviklerne.")
