"""Command line: `extractor extract FILE_OR_DIR... -o result.json`, `extractor check …`,
`extractor rules`.

Exit codes (documented in the README): 0 = every document read (and, for `check`,
no error-severity finding), 1 = `check` found at least one error-severity finding,
2 = usage error (including an unusable --config file, no input file found, an output
that cannot be written), 3 = at least one document could not be read (this wins over 1).
A signal ends the run with 128 + its number, the workers stopped and no temporary file left.

The pipeline, the models (pydantic) and the writers are imported in the functions that
use them: `--version` and `--help` load none of them, only an .xlsx output loads
openpyxl, and the same `extract` run again (see cli_commands.py) loads no pydantic at all.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from extractor.argparse_da import danish
from extractor.cli_commands import COMMANDS, ExitCode
from extractor.read import READERS
from extractor.run.cache import default_cache_dir
from extractor.run.interrupt import Interrupted, ending_on_signals
from extractor.version import __version__

_INPUTS = "FIL_ELLER_MAPPE"


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
    from extractor.checks.config import ConfigError, parse_pool

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
            return COMMANDS[args.command](parser, args)
    except Interrupted as exc:
        print(f"extractor: afbrudt (signal {exc.signum}); intet resultat er skrevet",
              file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("extractor: afbrudt; intet resultat er skrevet", file=sys.stderr)
        return 128 + 2


if __name__ == "__main__":
    sys.exit(main())
