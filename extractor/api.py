"""One file in, one DocumentResult out: read → segment → parse → check, with errors as data.

A document that cannot be read gets an entry with the contract's error code
and a Danish message; it never raises past this function (a bug in a parser
becomes `internal_error`; only MemoryError passes, for the batch worker to report),
so one bad file never costs the results of the others. Every parsed proposal is then checked
(`extractor.checks`); the checks' findings follow the parser's own on the proposal,
and the config (severities, rules off) applies to both.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from extractor.checks import run_checks
from extractor.checks.config import DEFAULT_CONFIG, CheckConfig
from extractor.errors import (
    ExtractorError,
    FileAccessError,
    InternalError,
    NotAProposalError,
    NoTextLayerError,
)
from extractor.evidence import resolve as resolve_evidence
from extractor.models import DocumentError, DocumentResult, Finding, Proposal
from extractor.parse.proposal import parse_proposal
from extractor.parse.text.proposal import parse_text_proposal
from extractor.read import READERS
from extractor.read.page import Page
from extractor.read.source import check_regular_file
from extractor.read.text import is_text_file, line_top, load_text, raw_lines, text_to_pages
from extractor.rules import finding
from extractor.segment.furniture import remove_furniture
from extractor.segment.layout import Position, ProposalLayout, Region, all_lines, segment
from extractor.segment.text import segment_text
from extractor.template import TEMPLATES, Template, detect

_MIN_TEXT_WORDS = 20  # fewer words in the whole file: a scan without a text layer


def extract_file(path: Path, display_name: str | None = None,
                 config: CheckConfig = DEFAULT_CONFIG, reader: str = READERS[0],
                 templates: Sequence[Template] = TEMPLATES) -> DocumentResult:
    name = display_name if display_name is not None else str(path)
    result = DocumentResult(file=name)
    try:
        check_regular_file(path)
        result.sha256 = _sha256(path)
        if is_text_file(path):
            result.proposals = _extract_text(path, config, templates)
            return result
        pages = _read_pdf(path, reader)
        result.pages = len(pages)
        if sum(len(p.words) for p in pages) < _MIN_TEXT_WORDS:
            raise NoTextLayerError(path)
        template = detect((ln.text for ln in all_lines(pages)), templates)
        remove_furniture(pages, template)
        layouts = segment(pages, template)
        if not layouts:
            raise NotAProposalError(path)
        result.proposals = [_checked(parse_proposal(layout), layout, config)
                            for layout in layouts]
    except ExtractorError as exc:
        _fail(result, exc)
    except MemoryError:
        raise  # the batch worker reports it as memory_limit
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


def _checked(proposal: Proposal, layout: ProposalLayout, config: CheckConfig, *,
             paged: bool = True) -> Proposal:
    """The proposal with the checks' findings after the parser's, both under `config`.

    Text input (`paged=False`) has one synthetic page: its lines go to the checks
    without a page, so no finding names a page the document never had, and no
    finding gets evidence boxes (`extractor.evidence`).
    """
    start = layout.title_lines[0] if layout.title_lines else layout.resume_line
    printed = Region(Position(start.page, start.top), layout.end, layout.pages).lines()
    lines = [(ln.page if paged else None, ln.text) for ln in printed]
    findings = [*proposal.findings, *run_checks(proposal, lines=lines,
                                                         template=layout.template)]
    findings = resolve_evidence(config.apply(findings), proposal, printed if paged else None)
    return proposal.model_copy(update={"findings": findings})


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:  # gone or locked since check_regular_file looked
        raise FileAccessError(path, exc) from exc
