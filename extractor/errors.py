"""Errors that carry the contract's error code and a message the user can act on.

Messages are Danish: they end up in the JSON and Excel the economics centre reads.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def shown(path: Path | str) -> str:
    """A file name as text any output can carry: bytes that are not UTF-8 (a name from a
    Windows zip archive) arrive as surrogate escapes (os.fsdecode), which JSON, XML and
    a terminal cannot encode; they are shown as the replacement character instead."""
    text = os.fsdecode(path) if isinstance(path, Path) else path
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def shown_name(path: Path) -> str:
    return shown(path.name)


class ExtractorError(Exception):
    """A document could not be read; `code` is one of the contract's error codes."""

    code = "corrupt"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(ExtractorError):
    code = "not_found"

    def __init__(self, path: Path) -> None:
        super().__init__(f"{shown(path)}: filen findes ikke; kontrollér stien.")


class NotPdfError(ExtractorError):
    code = "not_pdf"

    def __init__(self, path: Path, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"{shown_name(path)}: filen er ikke en PDF{extra}; gem dokumentet som PDF og kør igen."
        )


class EncryptedError(ExtractorError):
    code = "encrypted"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{shown_name(path)}: PDF'en er krypteret med adgangskode; "
            "gem en kopi uden adgangskode og kør igen."
        )


class CorruptError(ExtractorError):
    code = "corrupt"

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{shown_name(path)}: PDF'en er beskadiget og kan ikke læses ({detail}); "
            "hent eller gem filen igen."
        )


class NoTextLayerError(ExtractorError):
    code = "no_text_layer"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{shown_name(path)}: PDF'en indeholder ingen tekst (formentlig en scanning); "
            "kør tekstgenkendelse (OCR) eller brug den originale PDF fra Word."
        )


class GarbledTextError(NoTextLayerError):
    """Text whose characters cannot be told: fonts with no way back to Unicode (a PDF that
    went through PostScript loses it). To a reader it is as good as no text."""

    def __init__(self, path: Path) -> None:
        ExtractorError.__init__(
            self,
            f"{shown_name(path)}: PDF'ens tekst kan ikke afkodes (skrifttyperne mangler "
            "tegnkodning, fx efter en omvej over PostScript); brug den originale PDF fra "
            "Word, eller kør tekstgenkendelse (OCR).",
        )


class NotAProposalError(ExtractorError):
    code = "not_a_proposal"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{shown_name(path)}: dokumentet kan læses, men ligner ikke et investeringsforslag "
            "(ingen titel med 'Kort resumé' fundet)."
        )


class FileAccessError(ExtractorError):
    """The operating system refused to open the input: a fault of the file's place or
    rights, not of its content nor of extractor."""

    code = "not_found"

    def __init__(self, path: Path, exc: OSError) -> None:
        reason = _ACCESS_REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
        super().__init__(f"{shown(path)}: filen kan ikke åbnes ({reason}).")


_ACCESS_REASONS = {
    errno.EACCES: "ingen læseadgang; ret filens rettigheder eller kopiér den til en mappe, "
                  "du kan læse",
    errno.EPERM: "ingen læseadgang; ret filens rettigheder",
    errno.ELOOP: "en symbolsk henvisning, der peger på sig selv i ring; ret henvisningen",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOENT: "filen findes ikke; kontrollér stien",
    errno.ENOTDIR: "en del af stien er en fil, ikke en mappe; kontrollér stien",
    errno.ENAMETOOLONG: "stien er for lang",
    errno.EIO: "læsefejl på disken eller netværksdrevet; prøv igen",
}


class NotRegularFileError(ExtractorError):
    """A FIFO, socket or device named as input: reading it could block forever."""

    code = "not_pdf"

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(
            f"{shown(path)}: er ikke en almindelig fil, men {kind}; kun almindelige PDF- og "
            "tekstfiler kan læses."
        )


class UnlistableFolderError(ExtractorError):
    """An input folder whose contents cannot be listed: its files would be missed silently."""

    code = "not_found"

    def __init__(self, path: Path, exc: OSError) -> None:
        reason = "ingen adgang" if exc.errno in (errno.EACCES, errno.EPERM) else (
            exc.strerror or type(exc).__name__)
        super().__init__(
            f"{shown(path)}: mappen kan ikke gennemsøges ({reason}); filerne i den er ikke "
            "læst. Ret mappens rettigheder og kør igen."
        )


class ParseError(ValueError):
    """A piece of text is not the value it should be (e.g. not a Danish amount)."""


class NotTextError(ExtractorError):
    """A .txt file whose bytes are not text (binary data under a text name)."""

    code = "not_pdf"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{shown_name(path)}: filen er ikke en tekstfil (den indeholder binære data); "
            "gem forslaget som PDF eller som ren tekst (UTF-8) og kør igen."
        )


class NotDocxError(ExtractorError):
    """A .docx name on something else: a legacy .doc (OLE2) or another format renamed."""

    code = "not_pdf"  # the contract's "unsupported type"

    def __init__(self, path: Path, legacy: bool = False) -> None:
        what = ("et ældre Word-dokument (.doc), som ikke kan læses" if legacy
                else "ikke et Word-dokument (.docx)")
        super().__init__(
            f"{path.name}: filen er {what}; åbn den i Word og gem den som Word-dokument "
            "(.docx) eller som PDF, og kør igen."
        )


class EncryptedDocxError(ExtractorError):
    code = "encrypted"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name}: Word-dokumentet er beskyttet med adgangskode; "
            "gem en kopi uden adgangskode og kør igen."
        )


class CorruptDocxError(ExtractorError):
    code = "corrupt"

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path.name}: Word-dokumentet er beskadiget og kan ikke læses ({detail}); "
            "hent eller gem filen igen."
        )


class InternalError(ExtractorError):
    """A bug in extractor, not a fault of the file: said so, so nobody re-saves a good file.

    The message names the exception and the innermost extractor source line, which
    is what a developer needs from the user's report.
    """

    code = "internal_error"

    def __init__(self, path: Path, exc: Exception) -> None:
        text = str(exc)
        text = f": {text[:200]}" if text else ""
        super().__init__(
            f"{shown_name(path)}: extractor fejlede internt under læsningen ({type(exc).__name__}"
            f"{text}{_where(exc)}); fejlen ligger i programmet, ikke nødvendigvis i filen. "
            "De øvrige filer er læst; send filen og denne besked til udviklerne."
        )


def _where(exc: BaseException) -> str:
    """' i extractor/parse/x.py:12' for the innermost frame inside the package, or ''."""
    package = Path(__file__).resolve().parent
    frame = None
    tb = exc.__traceback__
    while tb is not None:
        filename = Path(tb.tb_frame.f_code.co_filename).resolve()
        if filename.is_relative_to(package):
            frame = (filename.relative_to(package.parent).as_posix(), tb.tb_lineno)
        tb = tb.tb_next
    return f" i {frame[0]}:{frame[1]}" if frame else ""
