"""Two sides (each one or more documents) → one `ProposalDiff` per proposal.

Proposals are paired by title and case, so a bundle can be compared with its revision
and the unchanged proposals in it say "unchanged". When exactly one proposal is left
unpaired on each side, they are paired anyway: a renamed proposal is a changed title,
not one removed and one added proposal.
"""

from __future__ import annotations

from extractor.diff.compare import findings_delta, proposal_changes
from extractor.models import DiffResult, DiffSide, DocumentResult, Proposal, ProposalDiff
from extractor.round.overview import identity


def _proposals(docs: list[DocumentResult]) -> list[Proposal]:
    return [p for doc in docs for p in doc.proposals]


def pair_proposals(old: list[Proposal], new: list[Proposal],
                   ) -> list[tuple[Proposal | None, Proposal | None]]:
    """(old, new) pairs in the old side's order, then the new side's additions; the k-th
    occurrence of a title and case on one side pairs with the k-th on the other."""
    unused = list(range(len(new)))
    pairs: list[tuple[Proposal | None, Proposal | None]] = []
    for p in old:
        match = next((i for i in unused if identity(new[i]) == identity(p)), None)
        if match is not None:
            unused.remove(match)
        pairs.append((p, new[match] if match is not None else None))
    lonely_old = [i for i, (_, b) in enumerate(pairs) if b is None]
    if len(lonely_old) == 1 and len(unused) == 1:
        pairs[lonely_old[0]] = (pairs[lonely_old[0]][0], new[unused.pop()])
    pairs += [(None, new[i]) for i in unused]
    return pairs


def diff_pair(old: Proposal | None, new: Proposal | None) -> ProposalDiff:
    shown = new or old
    assert shown is not None
    if old is None or new is None:
        return ProposalDiff(title=shown.title, case=shown.case,
                            status="added" if old is None else "removed")
    changes = proposal_changes(old, new)
    resolved, added = findings_delta(old.findings, new.findings)
    changed = bool(changes or resolved or added)
    return ProposalDiff(title=new.title, case=new.case,
                        status="changed" if changed else "unchanged", changes=changes,
                        findings_resolved=resolved, findings_new=added)


def _side(docs: list[DocumentResult], name: str) -> DiffSide:
    sha = docs[0].sha256 if len(docs) == 1 else None
    return DiffSide(file=name, sha256=sha)


def diff_documents(old: list[DocumentResult], new: list[DocumentResult],
                   old_name: str, new_name: str) -> DiffResult:
    pairs = pair_proposals(_proposals(old), _proposals(new))
    return DiffResult(old=_side(old, old_name), new=_side(new, new_name),
                      proposals=[diff_pair(a, b) for a, b in pairs])


def has_differences(result: DiffResult) -> bool:
    return any(p.status != "unchanged" for p in result.proposals)
