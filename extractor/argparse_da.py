"""argparse's own words in Danish: "usage:", "options", "show this help message", its
error messages.

argparse translates its strings through gettext, looked up when a parser is built and
when it prints; the standard library ships no Danish catalogue, so the help and the
errors would mix English framework text into a Danish tool. `danish()` swaps argparse's
translation functions for the span of one command, leaving every other user of argparse
in the process (e.g. a test runner) as it was.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

DANISH = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "subcommands": "kommandoer",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis programmets version og afslut",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "ignored explicit argument %r": "værdien %r hører ikke til dette tilvalg",
    "the following arguments are required: %s": "mangler: %s",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "expected one argument": "mangler en værdi",
    "expected at most one argument": "tager højst én værdi",
    "expected at least one argument": "mangler mindst én værdi",
    "unexpected option string: %s": "uventet tilvalg: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydigt tilvalg: %(option)s kan betyde %(matches)s",
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "kan ikke åbne '%(filename)s': %(error)s",
}
_PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("mangler %s værdi", "mangler %s værdier"),
}


def gettext_da(text: str) -> str:
    return DANISH.get(text, text)


def ngettext_da(singular: str, plural: str, n: int) -> str:
    one, many = _PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextlib.contextmanager
def danish() -> Iterator[None]:
    """argparse speaks Danish inside the block (building, parsing, printing help/usage)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext_da, ngettext_da  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
