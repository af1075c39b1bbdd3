"""Results → flat rows for analysis: one dict per Tabel 1 cell, one dict per finding.

The long format a pivot table or a DataFrame wants, instead of the nested contract
(`documents[].proposals[].economy.rows[].values`). The workbook's long sheets are
written from these same rows (`export/workbook.py`), so a notebook and the Excel file
the economics centre opens cannot disagree. Plain data, no openpyxl or pandas here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from extractor.models import SEVERITY_ORDER, DocumentResult, Finding, Proposal

if TYPE_CHECKING:
    import pandas

TABEL1_COLUMNS = ("file", "proposal", "group", "row_number", "row", "steering_area", "role",
                  "year", "value")
FINDING_COLUMNS = ("severity", "rule", "file", "proposal", "page", "table", "row", "year",
                   "expected", "found", "message")


def proposals(documents: Iterable[DocumentResult]) -> Iterator[tuple[DocumentResult, Proposal]]:
    for doc in documents:
        for proposal in doc.proposals:
            yield doc, proposal


def tabel1_rows(documents: Iterable[DocumentResult]) -> list[dict[str, Any]]:
    """One dict per Tabel 1 cell (every row × every year of its table), empty cells with
    value None; rows numbered from 1 in printed order within their proposal."""
    out = []
    for doc, proposal in proposals(documents):
        if proposal.economy is None:
            continue
        for number, row in enumerate(proposal.economy.rows, start=1):
            for year in proposal.economy.years:
                out.append(dict(zip(TABEL1_COLUMNS, (
                    doc.file, proposal.title, row.group, number, row.label, row.steering_area,
                    row.role, year, row.value(year)), strict=True)))
    return out


def findings_in_order(
        documents: Iterable[DocumentResult]) -> list[tuple[DocumentResult, Proposal, Finding]]:
    """Every finding with its document and proposal: errors first, then warnings, then
    info, in reading order within a severity."""
    found = [(doc, p, f) for doc, p in proposals(documents) for f in p.findings]
    return sorted(found, key=lambda t: SEVERITY_ORDER[t[2].severity])


def finding_row(doc: DocumentResult, proposal: Proposal, f: Finding) -> dict[str, Any]:
    where = f.location
    return dict(zip(FINDING_COLUMNS, (
        f.severity, f.rule, doc.file, proposal.title, where.page, where.table, where.row,
        where.year, f.expected, f.found, f.message), strict=True))


def finding_rows(documents: Iterable[DocumentResult]) -> list[dict[str, Any]]:
    """One dict per finding of every proposal, in `findings_in_order`."""
    return [finding_row(*found) for found in findings_in_order(documents)]


def to_pandas(documents: Iterable[DocumentResult],
              rows: Literal["tabel1", "findings"] = "tabel1") -> pandas.DataFrame:
    """The rows as a DataFrame; amounts as pandas' nullable Int64, so None stays missing
    instead of turning every amount into a float."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError("to_pandas() kræver pandas: pip install 'extractor[pandas]'") from exc
    if rows == "tabel1":
        frame = pandas.DataFrame(tabel1_rows(documents), columns=list(TABEL1_COLUMNS))
        return frame.astype({"row_number": "Int64", "year": "Int64", "value": "Int64"})
    if rows == "findings":
        frame = pandas.DataFrame(finding_rows(documents), columns=list(FINDING_COLUMNS))
        return frame.astype({"page": "Int64", "year": "Int64"})
    raise ValueError(f"rows must be 'tabel1' or 'findings', not {rows!r}")
