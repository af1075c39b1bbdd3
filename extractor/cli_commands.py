"""The commands behind `extractor extract|check|diff|rules`, once the arguments parsed.

Apart from cli.py so the parser stays small; like it, this module imports the
pipeline, the models (pydantic) and the writers only in the functions that use them.
`extract` keeps its JSON in the cache under the run's inputs and options
(run/cache.py: KeptRun): the same run again writes it with no worker, no model and
no pydantic.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.errors import shown
from extractor.run.cache import default_cache_dir
from extractor.run.output import (
    OutputError,
    output_problem,
    stdout_problem,
    write_failed,
    write_stdout,
)

if TYPE_CHECKING:
    from extractor.checks.config import CheckConfig
    from extractor.models import DiffResult, DocumentResult, ExtractionResult
    from extractor.run.batch import Progress
    from extractor.run.cache import KeptRun, ResultCache
    from extractor.run.inputs import Inputs
    from extractor.run.progress import ProgressLine

_SEVERITY_DA = {"error": "fejl", "warning": "advarsel", "info": "info"}


class ExitCode(IntEnum):
    OK = 0
    ERROR_FINDINGS = 1
    DIFFERENCES = 1  # `diff`, as diff(1)
    USAGE = 2
    UNREADABLE = 3


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    """The arguments parsed, but name something unusable: the message alone says what
    (a usage line above it would only hide it)."""
    print(f"extractor: fejl: {message}", file=sys.stderr)
    return ExitCode.USAGE


def _write_json(result: ExtractionResult, path: Path, args: argparse.Namespace) -> None:
    from extractor.export.json_file import write_json

    write_json(result, path)


def _write_xlsx(result: ExtractionResult, path: Path, args: argparse.Namespace) -> None:
    from extractor.export.workbook import write_xlsx  # openpyxl: only when asked for

    write_xlsx(result, path, lang=args.lang, snips=args.snips)


def _write_html(result: ExtractionResult, path: Path, args: argparse.Namespace) -> None:
    from extractor.export.html_report import write_html

    write_html(result, path)


_WRITERS: dict[str, Callable[[ExtractionResult, Path, argparse.Namespace], None]] = {
    ".json": _write_json, ".xlsx": _write_xlsx, ".html": _write_html,
}


def _extract(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """JSON output comes from the kept run when the same run was made before (no
    worker, no model, no pydantic); otherwise through the pipeline, and kept."""
    from extractor.run.cache import get_run

    inputs = _inputs(parser, args, report_on_stdout=False)
    if isinstance(inputs, int):
        return inputs
    json_out = args.output is None or args.output.suffix.lower() == ".json"
    where = _kept_run(args, inputs) if json_out else None
    run = get_run(*where) if where is not None else None
    if run is None:
        result = _extract_all(args, inputs, None)
        if not json_out:
            return _extract_written(result, args)
        run = _as_kept(result, where)
    _print_unreadable(run.failures, args.quiet)
    try:
        if args.output is None:
            write_stdout(run.text)
        else:
            _deliver(args.output, args, run.documents, run.proposals, len(run.failures),
                     functools.partial(_write_text, args.output, run.text))
    except OutputError as exc:
        print(f"extractor: fejl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.UNREADABLE if run.failures else ExitCode.OK


def _extract_written(result: ExtractionResult, args: argparse.Namespace) -> int:
    """An .xlsx or .html output: written from the result itself."""
    _print_unreadable(_failures(result.documents), args.quiet)
    try:
        _deliver_result(result, args.output, args)
    except OutputError as exc:
        print(f"extractor: fejl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if any(doc.status == "error" for doc in result.documents):
        return ExitCode.UNREADABLE
    return ExitCode.OK


def _kept_run(args: argparse.Namespace, inputs: Inputs) -> tuple[ResultCache, str] | None:
    """Where this run's JSON is kept: the cache of the default check settings and this
    reader, under the inputs in order (name shown, content) and the pool. None without
    a cache, or when an input is not a readable file (the batch runner says why)."""
    from extractor.run.cache import ResultCache, file_digest, run_key

    if args.no_cache or inputs.unlistable:
        return None
    names = []
    for path, name in inputs.files:
        digest = file_digest(path)
        if digest is None:
            return None
        names.append((name, digest))
    cache = ResultCache(args.cache_dir or default_cache_dir(), fingerprint=_fingerprint(args))
    return cache, run_key(names, f"pool={getattr(args, 'pool', None)}")


def _as_kept(result: ExtractionResult, where: tuple[ResultCache, str] | None) -> KeptRun:
    """The result as JSON text, kept for the same run again unless a document hit a
    limit or a bug (those depend on the run, not the files)."""
    from extractor.export.json_file import to_json
    from extractor.run.batch import cacheable
    from extractor.run.cache import KeptRun, put_run

    run = KeptRun(to_json(result), len(result.documents),
                  sum(len(doc.proposals) for doc in result.documents),
                  _failures(result.documents))
    if where is not None and all(cacheable(doc) for doc in result.documents):
        put_run(*where, run)
    return run


def _write_text(path: Path, text: str) -> None:
    from extractor.run.atomic import write_atomically

    write_atomically(path, text.encode("utf-8"))


def _config(args: argparse.Namespace) -> CheckConfig | str:
    """The checks' settings of `--config`, or the message saying why the file is unusable."""
    from extractor.checks.config import DEFAULT_CONFIG, ConfigError, load_check_config

    if args.config is None:
        return DEFAULT_CONFIG
    try:
        return load_check_config(args.config)
    except ConfigError as exc:
        return str(exc)


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from extractor.export.report import render_report

    config = _config(args)
    if isinstance(config, str):
        return _usage_error(parser, config)
    inputs = _inputs(parser, args, report_on_stdout=True)
    if isinstance(inputs, int):
        return inputs
    result = _extract_all(args, inputs, config)
    try:  # the file first: a closed pipe on the report must not cost it
        if args.output is not None:
            _deliver_result(result, args.output, args)
        write_stdout(render_report(result))  # lists the unreadable files too
    except OutputError as exc:
        print(f"extractor: fejl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if any(doc.status == "error" for doc in result.documents):
        return ExitCode.UNREADABLE
    if any(f.severity == "error" for doc in result.documents
           for p in doc.proposals for f in p.findings):
        return ExitCode.ERROR_FINDINGS
    if result.round and any(f.severity == "error" for f in result.round.findings):
        return ExitCode.ERROR_FINDINGS  # e.g. round.pool_exceeded raised to error in --config
    return ExitCode.OK


def _diff(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Both sides through the batch runner (limits, cache), then paired and compared."""
    from extractor.diff.pairing import diff_documents, has_differences
    from extractor.export.diff_report import render_diff
    from extractor.run.inputs import collect_inputs

    config = _config(args)
    if isinstance(config, str):
        return _usage_error(parser, config)
    problem = (output_problem(args.output, _DIFF_WRITERS) if args.output is not None
               else stdout_problem())
    if problem:
        return _usage_error(parser, problem)
    both = [collect_inputs([item]) for item in (args.old, args.new)]
    sides = [_extract_all(args, inputs, config).documents for inputs in both]
    unreadable = [doc for side in sides for doc in side if doc.status == "error"]
    if unreadable or not all(sides):  # diff's own exit code 3: a side could not be read
        _print_unreadable(_failures(unreadable))
        if not all(sides):
            empty = args.old if not sides[0] else args.new
            print(f"extractor: {shown(empty)}: ingen PDF-, Word- eller tekstfiler at sammenligne",
                  file=sys.stderr)
        return ExitCode.UNREADABLE
    result = diff_documents(sides[0], sides[1], args.old, args.new)
    try:
        if args.output is None:
            write_stdout(render_diff(result))
        else:
            try:
                _DIFF_WRITERS[args.output.suffix.lower()](result, args.output, args.lang)
            except OSError as exc:
                raise write_failed(args.output, exc) from exc
    except OutputError as exc:
        print(f"extractor: fejl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.DIFFERENCES if has_differences(result) else ExitCode.OK


def _write_diff_json(result: DiffResult, path: Path, lang: str) -> None:
    from extractor.export.json_file import write_diff_json

    write_diff_json(result, path)


def _write_diff_xlsx(result: DiffResult, path: Path, lang: str) -> None:
    from extractor.export.xlsx.diff_workbook import write_diff_xlsx

    write_diff_xlsx(result, path, lang=lang)


_DIFF_WRITERS: dict[str, Callable[[DiffResult, Path, str], None]] = {
    ".json": _write_diff_json, ".xlsx": _write_diff_xlsx,
}


def _rules(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Every rule from extractor/rules.py, so an installed tool documents itself."""
    from extractor.rules import RULES

    width = max(len(rule_id) for rule_id in RULES)
    lines = [f"{'regel':<{width}}  {'alvor':<8}  beskrivelse"]
    lines += [f"{rule.id:<{width}}  {_SEVERITY_DA[rule.severity]:<8}  {rule.description}"
              for rule in RULES.values()]
    lines.append("")
    lines.append("Alvor og slåede-fra regler kan ændres med 'extractor check --config FIL' "
                 "(TOML: [severity] regel = \"warning\", disabled = [\"regel\"]).")
    try:
        write_stdout("\n".join(lines) + "\n")
    except OutputError as exc:
        print(f"extractor: fejl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.OK


COMMANDS: dict[str, Callable[[argparse.ArgumentParser, argparse.Namespace], int]] = {
    "extract": _extract,
    "check": _check,
    "diff": _diff,
    "rules": _rules,
}


def _inputs(parser: argparse.ArgumentParser, args: argparse.Namespace, *,
            report_on_stdout: bool) -> Inputs | int:
    """The run's input files, or the usage error's exit code: an unusable output target
    or no input file at all ends the run before any document is read."""
    from extractor.run.inputs import collect_inputs

    problem = _target_problem(args, report_on_stdout=report_on_stdout)
    if problem:
        return _usage_error(parser, problem)
    inputs = collect_inputs(args.inputs)
    if not inputs.found_any:
        return _usage_error(parser, _nothing_found(inputs))
    return inputs


def _target_problem(args: argparse.Namespace, *, report_on_stdout: bool) -> str | None:
    """Checked before any document is read: a run must not fail after all its work."""
    if args.output is not None:
        problem = output_problem(args.output, _WRITERS)
        if problem or not report_on_stdout:
            return problem
    return stdout_problem()


def _nothing_found(inputs: Inputs) -> str:
    return "ingen PDF-, Word- eller tekstfil at læse: " + "; ".join(inputs.empty) + (
        ". Intet er skrevet.")


def _deliver_result(result: ExtractionResult, path: Path, args: argparse.Namespace) -> None:
    """Write the result, its format by the file's suffix."""
    _deliver(path, args, len(result.documents),
             sum(len(doc.proposals) for doc in result.documents),
             sum(doc.status == "error" for doc in result.documents),
             functools.partial(_WRITERS[path.suffix.lower()], result, path, args))


def _deliver(path: Path, args: argparse.Namespace, documents: int, proposals: int,
             errors: int, write: Callable[[], None]) -> None:
    """Write, unless no document could be read at all and a file is already there: an
    earlier good report must not give way to an error list."""
    if errors == documents and os.path.lexists(path):
        print(f"extractor: ingen af filerne kunne læses; {shown(path)} er ikke overskrevet",
              file=sys.stderr)
        return
    try:
        write()
    except OSError as exc:
        raise write_failed(path, exc) from exc
    if not args.quiet:
        print(f"extractor: skrev {shown(path)} ({proposals} forslag, {errors} fejl)",
              file=sys.stderr)


def _extract_all(args: argparse.Namespace, inputs: Inputs,
                 config: CheckConfig | None) -> ExtractionResult:
    """Every input through the batch runner: workers, time and memory bounds, cache.

    `config` None: the default check settings. The reader is part of the cache key: a
    result read by one reader is never passed off as the other's (they should agree,
    and tests say they do).
    """
    from extractor.checks.config import DEFAULT_CONFIG
    from extractor.models import ExtractionResult
    from extractor.round.appendix import round_with_appendix
    from extractor.run.batch import BatchOptions, run_batch
    from extractor.run.cache import ResultCache
    from extractor.run.progress import ProgressLine

    options = BatchOptions(jobs=args.jobs, timeout=args.timeout, max_memory_mb=args.max_memory)
    cache = None if args.no_cache else ResultCache(args.cache_dir or default_cache_dir(),
                                                   fingerprint=_fingerprint(args, config))
    progress = ProgressLine(enabled=False if args.quiet else None)
    documents = run_batch(inputs.files, functools.partial(_extract_file, config=config,
                                                          reader=args.reader),
                          options, cache=cache,
                          progress=_verbose(progress) if args.verbose else progress,
                          prepare=functools.partial(_import_pipeline, args.reader))
    progress.finish()
    documents = [*documents, *inputs.unlistable]
    config = config or DEFAULT_CONFIG
    overview = round_with_appendix(documents, config.committees, config.pools,
                                   getattr(args, "pool", None))
    overview.findings = config.apply(overview.findings)
    return ExtractionResult(documents=documents, round=overview)


def _fingerprint(args: argparse.Namespace, config: CheckConfig | None = None) -> str:
    """What besides the file, the version and the models shapes a cached result: the
    reader and the check settings ('default' names the built-in ones, whose source is
    in the cache key; see ResultCache)."""
    if config is not None:
        from extractor.checks.config import DEFAULT_CONFIG

        if config is not DEFAULT_CONFIG:
            return f"{args.reader}\0{config!r}"
    return f"{args.reader}\0default"


def _extract_file(path: Path, name: str, config: CheckConfig | None,
                  reader: str) -> DocumentResult:
    from extractor.api import extract_file
    from extractor.checks.config import DEFAULT_CONFIG

    return extract_file(path, name, config=config or DEFAULT_CONFIG, reader=reader)


def _import_pipeline(reader: str) -> None:
    """Load the pipeline, and PDFium when it reads, once before the workers start: forked
    workers share it, and none maps the PDFium library under its memory bound (where a
    failed mapping would be an OSError, not the bound). Never called when every result
    comes from the cache."""
    import extractor.api

    if reader == "pdfium":
        import extractor.read.pdfium  # noqa: F401


def _verbose(progress: ProgressLine) -> Progress:
    started = time.monotonic()

    def report(done: int, total: int, name: str) -> None:
        print(f"[{done}/{total}] {time.monotonic() - started:6.1f}s {name}", file=sys.stderr)

    return report


def _failures(documents: list[DocumentResult]) -> list[tuple[str, str]]:
    """(file as given, message) of each unreadable document."""
    return [(doc.file, doc.error.message) for doc in documents if doc.error is not None]


def _print_unreadable(failures: list[tuple[str, str]], quiet: bool = False) -> None:
    """One stderr line per unreadable file, named by its path as given (the message names
    only the file's name), so a run written to a file still says what failed."""
    if quiet:
        return
    for file, message in failures:
        name = Path(file).name
        if message.startswith(f"{name}: "):
            message = message[len(name) + 2:]
        print(f"extractor: {file}: {message}", file=sys.stderr)
