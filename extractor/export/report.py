"""Results → a readable text report: per document, per proposal, errors first.

```
samples/forloebsprogram.pdf
  Forløbsprogram for unge på midlertidigt botilbud (side 1-8): 6 fejl, 3 advarsler, 0 info
    FEJL      economy.column_total  side 5, Tabel 1, række 'Samlet økonomisk påvirkning', 2030
              Samlet økonomisk påvirkning 2030: summen af … er -10.480, tabellen siger -8.800 …
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from extractor.checks import by_severity
from extractor.models import (
    DocumentResult,
    ExtractionResult,
    Finding,
    Location,
    Occurrence,
    Proposal,
    RoundOverview,
)
from extractor.numbers import format_table_amount

LABEL = {"error": "FEJL", "warning": "ADVARSEL", "info": "INFO"}
_INDENT = " " * 14


def location_text(location: Location, table_page: int | None = None) -> str:
    """'side 5, Tabel 1, række …, 2030'. A finding that starts from a heading on another
    page than its table names the table's page too ('side 4, Tabel 1 (side 5), …'), so
    'side 4, Tabel 1' never reads as if Tabel 1 were on page 4."""
    parts = []
    if location.page is not None:
        parts.append(f"side {location.page}")
    if location.table:
        elsewhere = table_page is not None and table_page != location.page
        parts.append(f"{location.table} (side {table_page})" if elsewhere else location.table)
    if location.row:
        parts.append(f"række '{location.row}'")
    if location.year is not None:
        parts.append(str(location.year))
    return ", ".join(parts)


def counts_text(findings: Iterable[Finding]) -> str:
    n = Counter(f.severity for f in findings)
    warnings = "advarsel" if n["warning"] == 1 else "advarsler"
    return f"{n['error']} fejl, {n['warning']} {warnings}, {n['info']} info"


def finding_lines(finding: Finding, table_page: int | None = None) -> list[str]:
    head = f"    {LABEL[finding.severity]:<9} {finding.rule}"
    where = location_text(finding.location, table_page_of(finding, table_page))
    return [f"{head}  {where}" if where else head, f"{_INDENT}{finding.message}"]


def table_page_of(finding: Finding, table1_page: int | None) -> int | None:
    """The page of the table a finding names, where known (Tabel 1's from the proposal)."""
    return table1_page if finding.location.table == "Tabel 1" else None


def proposal_lines(proposal: Proposal) -> list[str]:
    pages = proposal.pages
    span = f" (side {pages[0]}-{pages[-1]})" if pages else ""
    lines = [f"  {proposal.title}{span}: {counts_text(proposal.findings)}"]
    for finding in by_severity(proposal.findings):
        lines += finding_lines(finding, proposal.economy.page if proposal.economy else None)
    return lines


def document_lines(doc: DocumentResult) -> list[str]:
    lines = [doc.file]
    if doc.error is not None:
        lines.append(f"  KAN IKKE LÆSES ({doc.error.code}): {doc.error.message}")
    for proposal in doc.proposals:
        lines += proposal_lines(proposal)
    return lines


def render_report(result: ExtractionResult) -> str:
    blocks = ["\n".join(document_lines(doc)) for doc in result.documents]
    findings = [f for doc in result.documents for p in doc.proposals for f in p.findings]
    proposals = sum(len(doc.proposals) for doc in result.documents)
    unreadable = sum(doc.status == "error" for doc in result.documents)
    summary = (f"I alt: {len(result.documents)} dokument(er), {proposals} forslag, "
               f"{counts_text(findings)}"
               + (f"; {unreadable} dokument(er) kunne ikke læses" if unreadable else "") + ".")
    tail = [] if result.round is None else ["\n".join(round_lines(result.round))]
    return "\n\n".join([*blocks, summary, *tail]) + "\n"


_TOTAL_NAMES = (("permanent", "Samlet varig ændring"),
                ("implementation", "Samlede implementeringsomkostninger"),
                ("overall", "Samlet økonomisk påvirkning"))


def _where(o: Occurrence) -> str:
    return f"{o.file} nr. {o.index + 1}"


def round_lines(overview: RoundOverview) -> list[str]:
    """The round summary that ends the report: proposals counted once, duplicates and
    versions named, each case's sums of the printed grand totals per year."""
    lines = [f"Runden: {overview.proposals} forskellige forslag; "
             f"{len(overview.duplicates)} optræder flere gange (talt én gang), "
             f"{len(overview.versions)} findes i flere versioner."]
    for group in overview.duplicates:
        counted = (f" (talt: {_where(group.counted)})" if group.counted
                   else " (ikke talt: en anden version tælles)")
        lines.append(f"  Dublet: {group.title}: "
                     + ", ".join(_where(o) for o in group.occurrences) + counted)
    for group in overview.versions:
        counted = f" (talt: {_where(group.counted)})" if group.counted else ""
        lines.append(f"  Versioner: {group.title}: "
                     + ", ".join(_where(o) for o in group.occurrences) + counted
                     + "; sammenlign dem med 'extractor diff'")
    for f in overview.findings:
        lines.append(f"  {LABEL[f.severity]}: {f.message}")
    for case in overview.cases:
        lines.append(f"  {case.case or 'Ukendt budgetrunde'}: {case.proposals} forslag, "
                     "summen af de trykte totaler (tabellernes enhed, normalt 1.000 kr.)")
        width = max(len(name) for _, name in _TOTAL_NAMES) + 6
        lines.append(" " * width + "".join(f"{y:>10}" for y in case.years))
        for key, name in _TOTAL_NAMES:
            values = getattr(case, key)
            lines.append(f"      {name:<{width - 6}}" + "".join(
                f"{format_table_amount(values.get(str(y), 0)):>10}" for y in case.years))
        for title in case.incomplete:
            lines.append(f"      Ufuldstændig (mangler en totalrække eller har en ulæselig celle "
                         f"i en): {title}")
    return lines
