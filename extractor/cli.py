"""Command line: `extractor extract FILE_OR_DIR... -o result.json`, `extractor check …`,
`extractor rules`.

Exit codes (documented in the README): 0 = every document read (and, for `check`,
no error-severity finding), 1 = `check` found at least one error-severity finding,
2 = usage error (including an unusable --config file, no input file found, an output
that cannot be written), 3 = at least one document could not be read (this wins over 1).
A signal ends the run with 128 + its number, the workers stopped and no temporary file left.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path

from extractor import __version__
from extractor.api import extract_file
from extractor.argparse_da import danish
from extractor.checks.config import (
    DEFAULT_CONFIG,
    CheckConfig,
    ConfigError,
    load_check_config,
    parse_pool,
)
from extractor.diff.pairing import diff_documents, has_differences
from extractor.errors import shown
from extractor.export.diff_report import render_diff
from extractor.export.html_report import write_html
from extractor.export.json_file import to_json, write_diff_json, write_json
from extractor.export.report import render_report
from extractor.export.workbook import write_xlsx
from extractor.export.xlsx.diff_workbook import write_diff_xlsx
from extractor.models import ExtractionResult
from extractor.read import READERS
from extractor.round.appendix import round_with_appendix
from extractor.rules import RULES
from extractor.run.batch import BatchOptions, Progress, run_batch
from extractor.run.cache import ResultCache, default_cache_dir
from extractor.run.inputs import Inputs, collect_inputs
from extractor.run.interrupt import Interrupted, ending_on_signals
from extractor.run.output import (
    OutputError,
    output_problem,
    stdout_problem,
    write_failed,
    write_stdout,
)
from extractor.run.progress import ProgressLine

_INPUTS = "FIL_ELLER_MAPPE"
_SEVERITY_DA = {"error": "fejl", "warning": "advarsel", "info": "info"}


class ExitCode(IntEnum):
    OK = 0
    ERROR_FINDINGS = 1
    DIFFERENCES = 1  # `diff`, as diff(1)
    USAGE = 2
    UNREADABLE = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Læser investeringsforslag (PDF, Word eller tekst) og skriver deres indhold "
                    "som JSON eller Excel.",
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}",
                        help="vis programmets version og afslut")
    sub = parser.add_subparsers(dest="command", required=True, title="kommandoer",
                                metavar="{extract,check,diff,rules}")
    extract = sub.add_parser(
        "extract", help="Udtræk forslagene af PDF-, Word- eller tekstfiler eller mapper til JSON "
                        "eller Excel.",
        description="Udtræk forslagene af PDF-, Word- (.docx) eller tekstfiler (.txt) eller mapper "
                    "(alle PDF-, .docx- og .txt-filer i mappen) til JSON eller en "
                    "Excel-projektmappe.",
    )
    extract.add_argument("inputs", nargs="+", metavar=_INPUTS,
                         help="PDF-, Word- (.docx) eller tekstfiler (.txt) eller mapper med "
                            "sådanne filer")
    extract.add_argument("-o", "--output", type=Path, metavar="FIL",
                         help="hvor resultatet skrives: .json (kontrakten), .xlsx "
                              "(Excel-projektmappe) eller .html (rapport med billeder af "
                              "siderne); udeladt: JSON på standard output")
    _add_pool_option(extract)
    _add_batch_options(extract)
    check = sub.add_parser(
        "check", help="Kontrollér forslagenes tal og skabelon og skriv en rapport.",
        description="Læs forslagene i PDF-, Word- eller tekstfiler eller mapper, kør "
                    "konsistenstjekkene "
                    "(Tabel 1's summer, tekst mod tabel, tilbagebetalingstid, skabelon) og "
                    "skriv en rapport pr. forslag med fejl først. Exitkode 0: ingen fejl; "
                    "1: mindst én fejl; 2: forkert brug; 3: et dokument kunne ikke læses. "
                    "Reglerne vises med 'extractor rules'.",
    )
    check.add_argument("inputs", nargs="+", metavar=_INPUTS,
                       help="PDF-, Word- (.docx) eller tekstfiler (.txt) eller mapper med "
                            "sådanne filer")
    check.add_argument("--config", type=Path, metavar="FIL",
                       help="TOML-fil med [severity]-ændringer og 'disabled'-regler")
    check.add_argument("-o", "--output", type=Path, metavar="FIL",
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
    diff.add_argument("old", metavar=f"GAMMEL_{_INPUTS}",
                      help="den gamle version (PDF, tekst eller mappe)")
    diff.add_argument("new", metavar=f"NY_{_INPUTS}",
                      help="den nye version (PDF, tekst eller mappe)")
    diff.add_argument("--config", type=Path, metavar="FIL",
                      help="TOML-fil med tjekkenes indstillinger (som ved 'check')")
    diff.add_argument("-o", "--output", type=Path, metavar="FIL",
                      help="skriv ændringerne hertil (.json eller .xlsx) i stedet for rapporten")
    _add_batch_options(diff)
    sub.add_parser(
        "rules", help="Vis alle regler: id, alvor og beskrivelse.",
        description="Vis hver regel, som et fund kan nævne: dens id (til konfigurationsfilen "
                    "for 'check'), dens alvor (fejl, advarsel, info) og hvad den kontrollerer.",
    )
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
                       metavar="ANTAL",
                       help="antal parallelle arbejdsprocesser (standard: antal kerner)")
    group.add_argument("--timeout", type=_positive_float, default=60.0, metavar="SEKUNDER",
                       help="tidsgrænse pr. dokument (standard: 60)")
    group.add_argument("--max-memory", type=_positive_int, default=2048, metavar="MB",
                       help="hukommelsesgrænse pr. arbejdsproces i MB (standard: 2048)")
    group.add_argument("--no-cache", action="store_true",
                       help="læs alle filer forfra i stedet for at genbruge tidligere resultater")
    group.add_argument("--cache-dir", type=Path, metavar="MAPPE",
                       help=f"hvor tidligere resultater gemmes (standard: {default_cache_dir()})")
    group.add_argument("--reader", choices=READERS, default=READERS[0],
                       help="hvordan PDF-filer læses: pdfium (hurtig, standard) eller "
                            "pdfplumber (langsom reference; giver samme resultat)")
    noise = group.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true",
                       help="ingen fremdriftsvisning og ingen meddelelser undtagen fejl i brugen")
    noise.add_argument("-v", "--verbose", action="store_true",
                       help="en linje pr. fil på stderr med status og tid")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' er ikke et helt tal") from None
    if value < 1:
        raise argparse.ArgumentTypeError("skal være et helt tal på mindst 1")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' er ikke et tal (brug punktum som "
                                         "decimaltegn, f.eks. 2.5)") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("skal være et tal større end 0")
    return value


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    """The arguments parsed, but name something unusable: the message alone says what
    (a usage line above it would only hide it)."""
    print(f"extractor: fejl: {message}", file=sys.stderr)
    return ExitCode.USAGE


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stderr is None:  # started with 2>&-: messages go nowhere, never into the JSON
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the run)
    with danish():
        parser = _parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:
            return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
    try:
        with ending_on_signals():
            return _COMMANDS[args.command](parser, args)
    except Interrupted as exc:
        print(f"extractor: afbrudt (signal {exc.signum}); intet resultat er skrevet",
              file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("extractor: afbrudt; intet resultat er skrevet", file=sys.stderr)
        return 128 + 2


_WRITERS: dict[str, Callable[[ExtractionResult, Path, argparse.Namespace], None]] = {
    ".json": lambda result, path, args: write_json(result, path),
    ".xlsx": lambda result, path, args: write_xlsx(result, path, lang=args.lang,
                                                   snips=args.snips),
    ".html": lambda result, path, args: write_html(result, path),
}


def _extract(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    problem = _target_problem(args, report_on_stdout=False)
    if problem:
        return _usage_error(parser, problem)
    inputs = collect_inputs(args.inputs)
    if not inputs.found_any:
        return _usage_error(parser, _nothing_found(inputs))
    result = _extract_all(args, inputs, DEFAULT_CONFIG)
    _print_unreadable(result, args.quiet)
    try:
        if args.output is None:
            write_stdout(to_json(result))
        else:
            _deliver(result, args.output, args)
    except OutputError as exc:
        print(f"extractor: fejl: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if any(doc.status == "error" for doc in result.documents):
        return ExitCode.UNREADABLE
    return ExitCode.OK


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    config = DEFAULT_CONFIG
    if args.config is not None:
        try:
            config = load_check_config(args.config)
        except ConfigError as exc:
            return _usage_error(parser, str(exc))
    problem = _target_problem(args, report_on_stdout=True)
    if problem:
        return _usage_error(parser, problem)
    inputs = collect_inputs(args.inputs)
    if not inputs.found_any:
        return _usage_error(parser, _nothing_found(inputs))
    result = _extract_all(args, inputs, config)
    try:  # the file first: a closed pipe on the report must not cost it
        if args.output is not None:
            _deliver(result, args.output, args)
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
    config = DEFAULT_CONFIG
    if args.config is not None:
        try:
            config = load_check_config(args.config)
        except ConfigError as exc:
            return _usage_error(parser, str(exc))
    problem = (output_problem(args.output, _DIFF_WRITERS) if args.output is not None
               else stdout_problem())
    if problem:
        return _usage_error(parser, problem)
    both = [collect_inputs([item]) for item in (args.old, args.new)]
    sides = [_extract_all(args, inputs, config).documents for inputs in both]
    unreadable = [doc for side in sides for doc in side if doc.status == "error"]
    if unreadable or not all(sides):  # diff's own exit code 3: a side could not be read
        _print_unreadable(ExtractionResult(documents=unreadable))
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


_DIFF_WRITERS: dict[str, Callable[[object, Path, str], None]] = {
    ".json": lambda result, path, lang: write_diff_json(result, path),  # type: ignore[arg-type]
    ".xlsx": lambda result, path, lang: write_diff_xlsx(result, path, lang=lang),  # type: ignore[arg-type]
}


def _rules(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Every rule from extractor/rules.py, so an installed tool documents itself."""
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


_COMMANDS: dict[str, Callable[[argparse.ArgumentParser, argparse.Namespace], int]] = {
    "extract": _extract,
    "check": _check,
    "diff": _diff,
    "rules": _rules,
}


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


def _deliver(result: ExtractionResult, path: Path, args: argparse.Namespace) -> None:
    """Write the result (format by suffix), unless no document could be read at all and
    a file is already there: an earlier good report must not give way to an error list."""
    proposals = sum(len(doc.proposals) for doc in result.documents)
    errors = sum(doc.status == "error" for doc in result.documents)
    if errors == len(result.documents) and os.path.lexists(path):
        print(f"extractor: ingen af filerne kunne læses; {shown(path)} er ikke overskrevet",
              file=sys.stderr)
        return
    try:
        _WRITERS[path.suffix.lower()](result, path, args)
    except OSError as exc:
        raise write_failed(path, exc) from exc
    if not args.quiet:
        print(f"extractor: skrev {shown(path)} ({proposals} forslag, {errors} fejl)",
              file=sys.stderr)


def _extract_all(args: argparse.Namespace, inputs: Inputs,
                 config: CheckConfig) -> ExtractionResult:
    """Every input through the batch runner: workers, time and memory bounds, cache.

    The reader is part of the cache key: a result read by one reader is never passed
    off as the other's (they should agree, and tests say they do).
    """
    options = BatchOptions(jobs=args.jobs, timeout=args.timeout, max_memory_mb=args.max_memory)
    cache = None if args.no_cache else ResultCache(args.cache_dir or default_cache_dir(),
                                                   fingerprint=f"{args.reader}\0{config!r}")
    progress = ProgressLine(enabled=False if args.quiet else None)
    documents = run_batch(inputs.files, functools.partial(extract_file, config=config,
                                                          reader=args.reader),
                          options, cache=cache,
                          progress=_verbose(progress) if args.verbose else progress)
    progress.finish()
    documents = [*documents, *inputs.unlistable]
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


if __name__ == "__main__":
    sys.exit(main())
