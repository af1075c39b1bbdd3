"""Command line: `extractor extract FILE_OR_DIR... -o result.json` and `extractor check …`.

Exit codes (documented in the README): 0 = every document read (and, for `check`,
no error-severity finding), 1 = `check` found at least one error-severity finding,
2 = usage error (including an unusable --config file), 3 = at least one document
could not be read (this wins over 1).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path

from extractor import __version__
from extractor.api import extract_file
from extractor.checks.config import (
    DEFAULT_CONFIG,
    CheckConfig,
    ConfigError,
    load_check_config,
    parse_pool,
)
from extractor.diff.pairing import diff_documents, has_differences
from extractor.export.diff_report import render_diff
from extractor.export.html_report import write_html
from extractor.export.json_file import to_json, write_diff_json, write_json
from extractor.export.report import render_report
from extractor.export.workbook import write_xlsx
from extractor.export.xlsx.diff_workbook import write_diff_xlsx
from extractor.models import ExtractionResult
from extractor.read.text import TEXT_SUFFIXES
from extractor.round.appendix import round_with_appendix
from extractor.run.batch import BatchOptions, Progress, run_batch
from extractor.run.cache import ResultCache, default_cache_dir
from extractor.run.progress import ProgressLine

_SUFFIXES = (".pdf", *TEXT_SUFFIXES)  # text: already extracted, see docs/text-input.md


class ExitCode(IntEnum):
    OK = 0
    ERROR_FINDINGS = 1
    DIFFERENCES = 1  # `diff`, as diff(1)
    USAGE = 2
    UNREADABLE = 3


def expand_inputs(items: Sequence[str]) -> list[tuple[Path, str]]:
    """Files as given; directories → every PDF and .txt below them, in a stable (sorted) order."""
    out: list[tuple[Path, str]] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in _SUFFIXES)
            out += [(p, str(p)) for p in found]
        else:
            out.append((path, item))
    return out


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Læser investeringsforslag (PDF eller tekst) og skriver deres indhold "
                    "som JSON.",
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract", help="Udtræk forslagene af PDF- eller tekstfiler eller mapper til JSON.",
        description="Udtræk forslagene af PDF- eller tekstfiler (.txt) eller mapper (alle PDF- og "
                    ".txt-filer i mappen) til JSON.",
    )
    extract.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                         help="PDF- eller tekstfiler (.txt) eller mapper med sådanne filer")
    extract.add_argument("-o", "--output", type=Path,
                         help="hvor resultatet skrives: .json (kontrakten), .xlsx "
                              "(Excel-projektmappe) eller .html (rapport med billeder af "
                              "siderne); udeladt: JSON på standard output")
    _add_pool_option(extract)
    _add_batch_options(extract)
    check = sub.add_parser(
        "check", help="Kontrollér forslagenes tal og skabelon og skriv en rapport.",
        description="Læs forslagene i PDF- eller tekstfiler eller mapper, kør konsistenstjekkene "
                    "(Tabel 1's summer, tekst mod tabel, tilbagebetalingstid, skabelon) og "
                    "skriv en rapport pr. forslag med fejl først. Exitkode 0: ingen fejl; "
                    "1: mindst én fejl; 2: forkert brug; 3: et dokument kunne ikke læses. "
                    "Reglerne er beskrevet i docs/checks.md.",
    )
    check.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                       help="PDF- eller tekstfiler (.txt) eller mapper med sådanne filer")
    check.add_argument("--config", type=Path, metavar="FILE",
                       help="TOML-fil med [severity]-ændringer og 'disabled'-regler")
    check.add_argument("-o", "--output", type=Path,
                       help="skriv også resultatet hertil (.json, .xlsx eller .html)")
    _add_pool_option(check)
    _add_batch_options(check)
    diff = sub.add_parser(
        "diff", help="Sammenlign to versioner af de samme forslag.",
        description="Sammenlign to versioner af de samme forslag (en fil, et samlet bundt eller "
                    "en mappe på hver side); forslagene parres efter titel og budgetrunde. "
                    "Viser ændrede celler i Tabel 1, nye, fjernede og omdøbte rækker, "
                    "tilbagebetalingstid, felter, ændrede sætninger, opfølgningsmål, høringer og "
                    "løste og nye fund. Exitkode som diff(1): 0 ingen forskelle, 1 forskelle, "
                    "2 forkert brug, 3 en fil kunne ikke læses.",
    )
    diff.add_argument("old", metavar="OLD_FILE_OR_DIR",
                      help="den gamle version (PDF, tekst eller mappe)")
    diff.add_argument("new", metavar="NEW_FILE_OR_DIR",
                      help="den nye version (PDF, tekst eller mappe)")
    diff.add_argument("--config", type=Path, metavar="FILE",
                      help="TOML-fil med tjekkenes indstillinger (som ved 'check')")
    diff.add_argument("-o", "--output", type=Path,
                      help="skriv ændringerne hertil (.json eller .xlsx) i stedet for rapporten")
    _add_batch_options(diff)
    return parser


def _add_pool_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pool", type=_pool, metavar="MIO",
                        help="investeringspuljen i mio. kr. for alle forslagene i kørslen "
                             "(arket 'Bilag' stiller den op mod det ansøgte; en advarsel, når "
                             "der søges om mere); pr. budgetrunde: [pool] i --config")


def _pool(text: str) -> int:
    try:
        return parse_pool(text, "--pool")
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _add_batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("da", "en"), default="da",
                        help="sprog for Excel-arkenes navne og kolonner (standard: da)")
    parser.add_argument("--snips", action="store_true",
                        help="Excel: vis et billede af stedet i PDF'en ved hvert fund "
                             "på arket 'Fund'")
    group = parser.add_argument_group("kørsel")
    group.add_argument("-j", "--jobs", type=_positive_int, default=os.cpu_count() or 1,
                       help="antal parallelle arbejdsprocesser (standard: antal kerner)")
    group.add_argument("--timeout", type=_positive_float, default=60.0, metavar="SEKUNDER",
                       help="tidsgrænse pr. dokument (standard: 60)")
    group.add_argument("--max-memory", type=_positive_int, default=2048, metavar="MB",
                       help="hukommelsesgrænse pr. arbejdsproces i MB (standard: 2048)")
    group.add_argument("--no-cache", action="store_true",
                       help="læs alle filer forfra i stedet for at genbruge tidligere resultater")
    group.add_argument("--cache-dir", type=Path, metavar="MAPPE",
                       help=f"hvor tidligere resultater gemmes (standard: {default_cache_dir()})")
    noise = group.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true",
                       help="ingen fremdriftsvisning og ingen meddelelser undtagen fejl i brugen")
    noise.add_argument("-v", "--verbose", action="store_true",
                       help="en linje pr. fil på stderr med status og tid")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("skal være et helt tal på mindst 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("skal være større end 0")
    return value


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"extractor: fejl: {message}", file=sys.stderr)
    return ExitCode.USAGE


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
    writers = _DIFF_WRITERS if args.command == "diff" else _WRITERS
    if args.output is not None and args.output.suffix.lower() not in writers:
        known = ", ".join(sorted(writers)[:-1]) + " eller " + sorted(writers)[-1]
        return _usage_error(parser, f"ukendt outputformat '{args.output.suffix}' "
                                    f"(brug {known})")
    if args.command == "check":
        return _check(parser, args)
    if args.command == "diff":
        return _diff(parser, args)
    result = _extract_all(args, DEFAULT_CONFIG)
    if args.output is None:
        sys.stdout.write(to_json(result))
    else:
        _write(result, args.output, args)
    _print_unreadable(result, args.quiet)
    if any(doc.status == "error" for doc in result.documents):
        return ExitCode.UNREADABLE
    return ExitCode.OK


_WRITERS = {
    ".json": lambda result, path, args: write_json(result, path),
    ".xlsx": lambda result, path, args: write_xlsx(result, path, lang=args.lang,
                                                   snips=args.snips),
    ".html": lambda result, path, args: write_html(result, path),
}


def _write(result: ExtractionResult, path: Path, args: argparse.Namespace) -> None:
    """The output format follows the file's suffix."""
    _WRITERS[path.suffix.lower()](result, path, args)


def _extract_all(args: argparse.Namespace, config: CheckConfig,
                 items: Sequence[str] | None = None) -> ExtractionResult:
    """Every input (or `items`) through the batch runner: workers, time and memory bounds,
    cache."""
    inputs = expand_inputs(args.inputs if items is None else items)
    options = BatchOptions(jobs=args.jobs, timeout=args.timeout, max_memory_mb=args.max_memory)
    cache = None if args.no_cache else ResultCache(args.cache_dir or default_cache_dir(),
                                                   fingerprint=repr(config))
    progress = ProgressLine(enabled=False if args.quiet else None)
    documents = run_batch(inputs, functools.partial(extract_file, config=config), options,
                          cache=cache, progress=_verbose(progress) if args.verbose else progress)
    progress.finish()
    overview = round_with_appendix(documents, config.committees, config.pools,
                                   getattr(args, "pool", None))
    overview.findings = config.apply(overview.findings)
    return ExtractionResult(documents=documents, round=overview)


def _verbose(progress: ProgressLine) -> Progress:
    started = time.monotonic()

    def report(done: int, total: int, name: str) -> None:
        print(f"[{done}/{total}] {time.monotonic() - started:6.1f}s {name}", file=sys.stderr)

    return report


def _print_unreadable(result: ExtractionResult, quiet: bool = False) -> None:
    """One stderr line per unreadable file, named by its path as given (the message names
    only the file's name), so a run written to a file still says what failed."""
    if quiet:
        return
    for doc in result.documents:
        if doc.error is not None:
            message = doc.error.message
            name = Path(doc.file).name
            if message.startswith(f"{name}: "):
                message = message[len(name) + 2:]
            print(f"extractor: {doc.file}: {message}", file=sys.stderr)


def _diff(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Both sides through the batch runner (limits, cache), then paired and compared."""
    config = DEFAULT_CONFIG
    if args.config is not None:
        try:
            config = load_check_config(args.config)
        except ConfigError as exc:
            return _usage_error(parser, str(exc))
    sides = [_extract_all(args, config, [item]).documents for item in (args.old, args.new)]
    unreadable = [doc for side in sides for doc in side if doc.status == "error"]
    if unreadable or not all(sides):
        _print_unreadable(ExtractionResult(documents=unreadable))
        if not all(sides):
            empty = args.old if not sides[0] else args.new
            print(f"extractor: {empty}: ingen PDF- eller tekstfiler at sammenligne",
                  file=sys.stderr)
        return ExitCode.UNREADABLE
    result = diff_documents(sides[0], sides[1], args.old, args.new)
    if args.output is None:
        sys.stdout.write(render_diff(result))
    else:
        _DIFF_WRITERS[args.output.suffix.lower()](result, args.output, args.lang)
    return ExitCode.DIFFERENCES if has_differences(result) else ExitCode.OK


_DIFF_WRITERS = {
    ".json": lambda result, path, lang: write_diff_json(result, path),
    ".xlsx": lambda result, path, lang: write_diff_xlsx(result, path, lang=lang),
}


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    config = DEFAULT_CONFIG
    if args.config is not None:
        try:
            config = load_check_config(args.config)
        except ConfigError as exc:
            return _usage_error(parser, str(exc))
    result = _extract_all(args, config)
    sys.stdout.write(render_report(result))  # lists the unreadable files too
    if args.output is not None:
        _write(result, args.output, args)
    if any(doc.status == "error" for doc in result.documents):
        return ExitCode.UNREADABLE
    if any(f.severity == "error" for doc in result.documents
           for p in doc.proposals for f in p.findings):
        return ExitCode.ERROR_FINDINGS
    if result.round and any(f.severity == "error" for f in result.round.findings):
        return ExitCode.ERROR_FINDINGS  # e.g. round.pool_exceeded raised to error in --config
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
