"""Command line: `extractor extract FILE_OR_DIR... -o result.json`.

Exit codes (documented in the README): 0 = every document read,
2 = usage error, 3 = at least one document could not be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path

from extractor import __version__
from extractor.api import extract_file
from extractor.export_json import to_json, write_json
from extractor.models import ExtractionResult

_SUFFIXES = (".pdf",)


class ExitCode(IntEnum):
    OK = 0
    ERROR_FINDINGS = 1
    USAGE = 2
    UNREADABLE = 3


def expand_inputs(items: Sequence[str]) -> list[tuple[Path, str]]:
    """Files as given; directories → every PDF below them, in a stable (sorted) order."""
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
        description="Læser investeringsforslag (PDF) og skriver deres indhold som JSON.",
    )
    parser.add_argument("--version", action="version", version=f"extractor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser(
        "extract", help="Udtræk forslagene af PDF-filer eller mapper til JSON.",
        description="Udtræk forslagene af PDF-filer eller mapper (alle PDF'er i mappen) til JSON.",
    )
    extract.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR",
                         help="PDF-filer eller mapper med PDF-filer")
    extract.add_argument("-o", "--output", type=Path,
                         help="hvor resultatet skrives (.json); udeladt: standard output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
    if args.output is not None and args.output.suffix.lower() != ".json":
        parser.print_usage(sys.stderr)
        print(f"extractor: fejl: ukendt outputformat '{args.output.suffix}' (brug .json)",
              file=sys.stderr)
        return ExitCode.USAGE
    result = ExtractionResult(
        documents=[extract_file(path, name) for path, name in expand_inputs(args.inputs)])
    if args.output is None:
        sys.stdout.write(to_json(result))
    else:
        write_json(result, args.output)
    for doc in result.documents:
        if doc.error is not None:
            print(f"extractor: {doc.file}: {doc.error.message}", file=sys.stderr)
    if any(doc.status == "error" for doc in result.documents):
        return ExitCode.UNREADABLE
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
