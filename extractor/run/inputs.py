"""The inputs a command line names: files as given, folders searched, each file once.

Checked here, before any worker starts, so a run that would read nothing can stop as a
usage error (and write nothing), and a folder that cannot be listed is reported instead
of silently contributing no files.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.errors import UnlistableFolderError, shown
from extractor.read import DOCX_SUFFIXES, TEXT_SUFFIXES

if TYPE_CHECKING:  # the models (pydantic) only for a folder that cannot be listed
    from extractor.models import DocumentResult

_SUFFIXES = (".pdf", *TEXT_SUFFIXES, *DOCX_SUFFIXES)  # text: see docs/text-input.md
_LOCK_FILE = "~$"  # Word's lock file beside an open document ("~$rslag.docx"): not a document


@dataclass
class Inputs:
    """What the arguments name: files to read (as (path, name shown)), folders that could
    not be listed (error entries), and why nothing was found when `files` is empty."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    unlistable: list[DocumentResult] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # Danish: one line per argument

    @property
    def found_any(self) -> bool:
        return bool(self.unlistable) or any(os.path.lexists(p) for p, _ in self.files)


def collect_inputs(items: Sequence[str]) -> Inputs:
    """Files as given; folders → every PDF, .txt and .docx below them, in a stable (sorted)
    order (Word's ~$ lock files skipped).

    A file named twice (or given both alone and inside a folder) is read once: inputs
    are de-duplicated by real path, the first naming wins. A name that is not valid
    UTF-8 keeps its bytes in the path (to open it) and is shown with replacement
    characters. A folder that cannot be listed becomes an error entry, not a silent gap.
    """
    inputs = Inputs()
    seen: set[str] = set()
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = _files_below(path, inputs)
            if not found and not inputs.unlistable:
                inputs.empty.append(f"mappen {shown(item)} indeholder ingen PDF-, .docx- eller "
                                    ".txt-filer")
            candidates = [(p, shown(str(p))) for p in found]
        else:
            if not os.path.lexists(path):
                inputs.empty.append(f"{shown(item)} findes ikke")
            candidates = [(path, shown(item))]
        for candidate in candidates:
            key = os.path.realpath(candidate[0])
            if key not in seen:
                seen.add(key)
                inputs.files.append(candidate)
    return inputs


def expand_inputs(items: Sequence[str]) -> list[tuple[Path, str]]:
    return collect_inputs(items).files


def _files_below(folder: Path, inputs: Inputs) -> list[Path]:
    """Every entry with a PDF, text or Word suffix that is not a folder nor a Word lock
    file: a FIFO or a broken link under such a name is listed too, and reported by the
    reader as what it is."""
    def unlistable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        inputs.unlistable.append(_error_entry(shown(str(where)),
                                              UnlistableFolderError(where, exc)))

    found: list[Path] = []
    for top, _, names in os.walk(folder, onerror=unlistable):
        for name in names:
            path = Path(top) / name
            if path.suffix.lower() in _SUFFIXES and not path.is_dir() \
                    and not name.startswith(_LOCK_FILE):
                found.append(path)
    return sorted(found)


def _error_entry(name: str, exc: UnlistableFolderError) -> DocumentResult:
    from extractor.models import DocumentError, DocumentResult

    return DocumentResult(file=name, status="error",
                          error=DocumentError(code=exc.code, message=exc.message))  # type: ignore[arg-type]
