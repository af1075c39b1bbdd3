"""Documents → the round overview: each proposal counted once, and each case's totals.

The centre gets the same proposal more than once: as a single file and inside the
round's bundle (a duplicate: same title, case and Tabel 1), or revised after comments
(a version: same title and case, another Tabel 1). Summing the run as it comes would
count those twice, so the totals count one occurrence of each: a duplicate's first, and
the last version in the run's order (later files are usually the newer ones; the
overview names which one counted so nobody has to guess).

A case's totals are the sums of the printed grand totals, never recomputed from item
rows: the round's numbers are then exactly what the proposals print. A proposal that
lacks a grand-total row or has an unreadable cell in one is listed as incomplete (its
printed values still count), so a gap never hides in a plausible sum.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractor.economy_relations import overall_row, plain_total
from extractor.models import (
    CaseTotals,
    DepartmentTotals,
    DocumentResult,
    EconomyRow,
    Group,
    Occurrence,
    Proposal,
    RoundGroup,
    RoundOverview,
)

GRAND_TOTALS: tuple[Group, ...] = ("permanent", "implementation", "overall")
_UNREADABLE_RULES = {"economy.unreadable_cell", "economy.ambiguous_columns"}


@dataclass(frozen=True)
class Counted:
    """A proposal the round counts, with where it stands and its place in the run's order."""
    proposal: Proposal
    where: Occurrence
    order: int = 0


def identity(proposal: Proposal) -> tuple[str, str | None]:
    """Title and case, white space normalised: what makes two entries the same proposal."""
    return " ".join(proposal.title.split()), proposal.case and " ".join(proposal.case.split())


def table_content(proposal: Proposal) -> tuple[object, ...]:
    """Tabel 1 as comparable data: years and every row's kind, label, area and values."""
    economy = proposal.economy
    if economy is None:
        return ()
    return (tuple(economy.years), tuple(
        (r.group, r.role, " ".join(r.label.split()), r.steering_area,
         tuple(sorted(r.values.items()))) for r in economy.rows))


def occurrences(documents: Iterable[DocumentResult]) -> Iterator[Counted]:
    """Every proposal of the run, in the run's order (files as given, then in the file)."""
    order = 0
    for doc in documents:
        for index, proposal in enumerate(doc.proposals):
            yield Counted(proposal, Occurrence(file=doc.file, index=index), order)
            order += 1


def distinct_proposals(
        documents: Iterable[DocumentResult],
) -> tuple[list[Counted], list[RoundGroup], list[RoundGroup]]:
    """(the proposals to count, in run order; duplicates; versions)."""
    by_identity: dict[tuple[str, str | None], dict[tuple[object, ...], list[Counted]]] = {}
    for item in occurrences(documents):
        contents = by_identity.setdefault(identity(item.proposal), {})
        contents.setdefault(table_content(item.proposal), []).append(item)
    counted: list[Counted] = []
    duplicates: list[RoundGroup] = []
    versions: list[RoundGroup] = []
    for (title, case), contents in by_identity.items():
        clusters = list(contents.values())
        for n, same in enumerate(clusters):
            if len(same) > 1:  # an older version's duplicates: none of them counts
                duplicates.append(RoundGroup(
                    title=title, case=case, occurrences=[s.where for s in same],
                    counted=same[0].where if n == len(clusters) - 1 else None))
        if len(clusters) > 1:
            versions.append(RoundGroup(title=title, case=case,
                                       occurrences=[same[0].where for same in clusters],
                                       counted=clusters[-1][0].where))
        counted.append(clusters[-1][0])
    counted.sort(key=lambda item: item.order)
    return counted, duplicates, versions


def grand_total(proposal: Proposal, group: Group) -> EconomyRow | None:
    """The printed grand total of a group ("Samlet varig ændring", "Samlede
    implementeringsomkostninger") or "Samlet økonomisk påvirkning" for "overall"."""
    economy = proposal.economy
    if economy is None:
        return None
    if group == "overall":
        return overall_row(economy)
    return plain_total(economy, group)


def is_incomplete(proposal: Proposal) -> bool:
    """A grand-total row missing, or one of its cells unreadable (a parser finding on it)."""
    rows = [grand_total(proposal, g) for g in GRAND_TOTALS]
    if any(r is None for r in rows):
        return True
    labels = {r.label for r in rows if r is not None}
    return any(f.rule in _UNREADABLE_RULES and f.location.row in labels
               for f in proposal.findings)


def _sums(proposals: list[Proposal], years: list[int], group: Group) -> dict[str, int]:
    out = {str(y): 0 for y in years}
    for proposal in proposals:
        row = grand_total(proposal, group)
        if row is None:
            continue
        for year in years:
            out[str(year)] += row.value(year) or 0
    return out


def _totals(proposals: list[Proposal]) -> tuple[list[int], dict[str, dict[str, int]]]:
    years = sorted({y for p in proposals if p.economy for y in p.economy.years})
    return years, {g: _sums(proposals, years, g) for g in GRAND_TOTALS}


def case_totals(case: str | None, proposals: list[Proposal]) -> CaseTotals:
    years, sums = _totals(proposals)
    departments: dict[str | None, list[Proposal]] = {}
    for p in proposals:
        departments.setdefault(p.department, []).append(p)
    by_department = []
    for department, members in departments.items():
        _, dep_sums = _totals(members)
        # the case's years for every department, so the columns line up
        dep_sums = {g: {str(y): dep_sums[g].get(str(y), 0) for y in years} for g in dep_sums}
        by_department.append(DepartmentTotals(department=department, proposals=len(members),
                                              **dep_sums))
    return CaseTotals(case=case, proposals=len(proposals), years=years, **sums,
                      incomplete=[p.title for p in proposals if is_incomplete(p)],
                      by_department=by_department)


def round_overview(documents: list[DocumentResult]) -> RoundOverview:
    counted, duplicates, versions = distinct_proposals(documents)
    cases: dict[str | None, list[Proposal]] = {}
    for item in counted:
        cases.setdefault(item.proposal.case, []).append(item.proposal)
    return RoundOverview(proposals=len(counted), duplicates=duplicates, versions=versions,
                         cases=[case_totals(case, members) for case, members in cases.items()])
