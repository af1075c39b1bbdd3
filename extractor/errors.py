"""Errors that carry the contract's error code and a message the user can act on.

Messages are Danish: they end up in the JSON and Excel the economics centre reads.
"""

from __future__ import annotations

from pathlib import Path


class ExtractorError(Exception):
    """A document could not be read; `code` is one of the contract's error codes."""

    code = "corrupt"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(ExtractorError):
    code = "not_found"

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: filen findes ikke; kontrollér stien.")


class NotPdfError(ExtractorError):
    code = "not_pdf"

    def __init__(self, path: Path, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            f"{path.name}: filen er ikke en PDF{extra}; gem dokumentet som PDF og kør igen."
        )


class EncryptedError(ExtractorError):
    code = "encrypted"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name}: PDF'en er krypteret med adgangskode; "
            "gem en kopi uden adgangskode og kør igen."
        )


class CorruptError(ExtractorError):
    code = "corrupt"

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path.name}: PDF'en er beskadiget og kan ikke læses ({detail}); "
            "hent eller gem filen igen."
        )


class NoTextLayerError(ExtractorError):
    code = "no_text_layer"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name}: PDF'en indeholder ingen tekst (formentlig en scanning); "
            "kør tekstgenkendelse (OCR) eller brug den originale PDF fra Word."
        )


class NotAProposalError(ExtractorError):
    code = "not_a_proposal"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name}: dokumentet kan læses, men ligner ikke et investeringsforslag "
            "(ingen titel med 'Kort resumé' fundet)."
        )


class ParseError(ValueError):
    """A piece of text is not the value it should be (e.g. not a Danish amount)."""


class NotTextError(ExtractorError):
    """A .txt file whose bytes are not text (binary data under a text name)."""

    code = "not_pdf"

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name}: filen er ikke en tekstfil (den indeholder binære data); "
            "gem forslaget som PDF eller som ren tekst (UTF-8) og kør igen."
        )
