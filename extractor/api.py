"""The library's entry points: one file → a DocumentResult, many files → an ExtractionResult.

`extract_file` runs read → segment → parse → check on one file, with errors as data:
a document that cannot be read gets an entry with the contract's error code and a
Danish message; it never raises past this function (an OSError on the input is a file
error; a bug in extractor becomes `internal_error`; only MemoryError passes, for the
batch worker to report), so one bad file never costs the results of the others. Every
parsed proposal is then checked (`extractor.checks`); the checks' findings follow the
parser's own on the proposal, and the config (severities, rules off) applies to both.

`extract` is the same over many files through the batch runner (worker processes,
time and memory bounds, the cache), as the command line runs it.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from extractor.checks import run_checks
from extractor.checks.config import DEFAULT_CONFIG, CheckConfig, load_check_config
from extractor.errors import (
    ExtractorError,
    FileAccessError,
    GarbledTextError,
    InternalError,
    NotAProposalError,
    NoTextLayerError,
)
from extractor.evidence import resolve as resolve_evidence
from extractor.models import DocumentError, DocumentResult, ExtractionResult, Finding, Proposal
from extractor.parse.docx_proposal import parse_docx_proposal
from extractor.parse.proposal import parse_proposal
from extractor.parse.text.proposal import parse_text_proposal
from extractor.read import READERS
from extractor.read.docx import is_docx_file, read_docx
from extractor.read.docx_pages import docx_pages
from extractor.read.page import Page
from extractor.read.source import check_regular_file
from extractor.read.text import is_text_file, line_top, load_text, raw_lines, text_to_pages
from extractor.rules import finding
from extractor.run.batch import BatchOptions, run_batch
from extractor.run.cache import ResultCache, default_cache_dir
from extractor.run.inputs import expand_inputs
from extractor.segment.furniture import remove_furniture
from extractor.segment.layout import Position, ProposalLayout, Region, all_lines, segment
from extractor.segment.text import segment_text
from extractor.template import TEMPLATES, Template, detect

StrPath = str | os.PathLike[str]

_MIN_TEXT_WORDS = 20  # fewer words in the whole file: a scan without a text layer
_MIN_LETTER_SHARE = 0.5  # of printed characters; Danish prose has about 0.8


def extract(paths: StrPath | Iterable[StrPath], *, jobs: int | None = None,
            cache: bool | StrPath = True, config: CheckConfig | StrPath | None = None,
            timeout: float = 60.0, max_memory_mb: int = 2048) -> ExtractionResult:
    """Read every proposal in `paths` (files, or folders searched for .pdf and .txt files).

    Runs like `extractor extract`: `jobs` worker processes (default: one per core), each
    document under `timeout` seconds and `max_memory_mb`; a file that cannot be read
    gets a document entry with an error, the others are read as usual. `cache` is True
    (the default cache folder), False, or a folder. `config` is a CheckConfig or the path
    of a TOML file (see docs/checks.md). The result keeps the input order and offers
    `tabel1_rows()`, `finding_rows()` and `to_pandas()`.
    """
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    if config is None:
        config = DEFAULT_CONFIG
    elif not isinstance(config, CheckConfig):
        config = load_check_config(Path(config))
    options = BatchOptions(jobs=jobs or os.cpu_count() or 1, timeout=timeout,
                           max_memory_mb=max_memory_mb)
    store = None
    if cache is not False:
        folder = default_cache_dir() if cache is True else Path(cache)
        store = ResultCache(folder, fingerprint=repr(config))
    documents = run_batch(expand_inputs([os.fspath(p) for p in items]),
                          functools.partial(extract_file, config=config), options, cache=store)
    return ExtractionResult(documents=documents)


def extract_file(path: StrPath, display_name: str | None = None,
                 config: CheckConfig = DEFAULT_CONFIG, reader: str = READERS[0],
                 templates: Sequence[Template] = TEMPLATES) -> DocumentResult:
    """Read one PDF or .txt file into a DocumentResult; never raises for a bad file.

    `display_name` is the name the result carries (default: the path as given);
    `templates` are the templates the file may follow (the best match is used).
    """
    path = Path(path)
    name = display_name if display_name is not None else str(path)
    result = DocumentResult(file=name)
    try:
        check_regular_file(path)
        result.sha256 = _sha256(path)
        if is_text_file(path):
            result.proposals = _extract_text(path, config, templates)
            return result
        if is_docx_file(path):
            result.proposals = _extract_docx(path, config, templates)
            return result
        pages = _read_pdf(path, reader)
        result.pages = len(pages)
        if sum(len(p.words) for p in pages) < _MIN_TEXT_WORDS:
            raise NoTextLayerError(path)
        template = detect((ln.text for ln in all_lines(pages)), templates)
        remove_furniture(pages, template)
        layouts = segment(pages, template)
        if not layouts:
            raise GarbledTextError(path) if _garbled(pages) else NotAProposalError(path)
        result.proposals = [_checked(parse_proposal(layout), layout, config)
                            for layout in layouts]
    except ExtractorError as exc:
        _fail(result, exc)
    except MemoryError:
        raise  # the batch worker reports it as memory_limit
    except OSError as exc:  # the input could not be read (permissions, I/O): the file's fault
        _fail(result, FileAccessError(path, exc))
    except Exception as exc:  # a bug must cost this file's result only, and say it is a bug
        _fail(result, InternalError(path, exc))
    return result


def _read_pdf(path: Path, reader: str) -> list[Page]:
    """PDFium (fast) or pdfplumber (the reference, and PDFium's own fallback); imported
    here, so a run that reads no PDF never loads a PDF library."""
    if reader == "pdfplumber":
        from extractor.read.pdf import read_pdf
    elif reader == "pdfium":
        from extractor.read.pdfium import read_pdf
    else:
        raise ValueError(f"unknown reader {reader!r}; one of {READERS}")
    return read_pdf(path)


def _garbled(pages: list[Page]) -> bool:
    """True when under half the printed characters are letters: text drawn in fonts that
    map their codes to no characters (what a PostScript round trip leaves: "!\"# $%")."""
    printed = "".join(w.text for p in pages for w in p.words)
    return sum(ch.isalpha() for ch in printed) < _MIN_LETTER_SHARE * len(printed)


def _fail(result: DocumentResult, exc: ExtractorError) -> None:
    result.status = "error"
    result.error = DocumentError(code=exc.code, message=exc.message)  # type: ignore[arg-type]
    result.proposals = []


def _extract_text(path: Path, config: CheckConfig,
                  templates: Sequence[Template]) -> list[Proposal]:
    """A .txt file (see read_text.py): one page without page numbers, pages null."""
    decoded = load_text(path)
    template = detect(raw_lines(decoded.text), templates)
    pages = text_to_pages(decoded.text, template)
    fallback_lines = decoded.fallback_lines
    layouts = segment_text(pages, template)
    if not layouts:
        raise NotAProposalError(path)
    proposals = [parse_text_proposal(layout) for layout in layouts]
    for index, lines in _by_proposal(fallback_lines, layouts).items():
        p = proposals[index]
        p.findings = [*p.findings, *(encoding_finding(n) for n in lines)]
    return [_checked(p, layout, config, paged=False)
            for p, layout in zip(proposals, layouts, strict=True)]


def encoding_finding(line: int) -> Finding:
    return finding("text.encoding", f"Linje {line} i tekstfilen er ikke gyldig UTF-8 som resten "
                   "af filen og er læst som Windows-1252; kontrollér dens æ, ø og å.")


def _by_proposal(lines: tuple[int, ...], layouts: list[ProposalLayout]) -> dict[int, list[int]]:
    """Each 1-based text line → the proposal it stands in (lines before the first: the first)."""
    starts = [(lay.title_lines[0] if lay.title_lines else lay.resume_line).top
              for lay in layouts]
    out: dict[int, list[int]] = {}
    for n in lines:
        top = line_top(n - 1)
        index = max([i for i, start in enumerate(starts) if start <= top], default=0)
        out.setdefault(index, []).append(n)
    return out


def _extract_docx(path: Path, config: CheckConfig,
                  templates: Sequence[Template]) -> list[Proposal]:
    """A Word file: laid out as pages for the PDF stages (see read/docx_pages.py), pages null."""
    document = read_docx(path)
    pages = docx_pages(document)
    template = detect((ln.text for ln in all_lines(pages)), templates)
    layouts = segment(pages, template)
    if not layouts:
        raise NotAProposalError(path)
    return [_checked(parse_docx_proposal(layout, document.tracked_changes), layout, config,
                     paged=False) for layout in layouts]


def _checked(proposal: Proposal, layout: ProposalLayout, config: CheckConfig, *,
             paged: bool = True) -> Proposal:
    """The proposal with the checks' findings after the parser's, both under `config`.

    Text and Word input (`paged=False`) have synthetic pages: their lines go to the checks
    without a page, so no finding names a page the document never had, and no
    finding gets evidence boxes (`extractor.evidence`).
    """
    start = layout.title_lines[0] if layout.title_lines else layout.resume_line
    printed = Region(Position(start.page, start.top), layout.end, layout.pages).lines()
    lines = [(ln.page if paged else None, ln.text) for ln in printed]
    checked = run_checks(proposal, lines=lines, template=layout.template)
    findings = [*proposal.findings, *checked]
    findings = resolve_evidence(config.apply(findings), proposal, printed if paged else None)
    return proposal.model_copy(update={"findings": findings})


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:  # gone or locked since check_regular_file looked
        raise FileAccessError(path, exc) from exc
