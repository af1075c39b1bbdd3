"""One proposal's old and new version → the list of changes, in the contract's kinds.

Tabel 1 rows are matched by group and label (the k-th row of a label with the k-th);
a row left over on both sides with the same values is one relabelled row, never a
removal plus an addition. Every changed cell is listed, totals included, in the new
table's order, so a reader sees the whole consequence of a change where it stands.
Findings are matched on what they say (rule, table, row, year, expected, found), not on
page numbers, which move when text is added.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator

from extractor.diff.sentences import changed_sentences
from extractor.models import (
    CellChange,
    Change,
    Economy,
    EconomyRow,
    FieldChange,
    Finding,
    FollowUp,
    FollowUpChange,
    Hearing,
    PaybackChange,
    Proposal,
    RowAdded,
    RowRelabelled,
    RowRemoved,
    TextChange,
)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def proposal_changes(old: Proposal, new: Proposal) -> list[Change]:
    return [*field_changes(old, new), *economy_changes(old.economy, new.economy),
            *text_changes(old, new), *follow_up_changes(old.follow_up, new.follow_up)]


def field_changes(old: Proposal, new: Proposal) -> Iterator[FieldChange]:
    pairs: list[tuple[str, str | bool | None, str | bool | None]] = [
        ("title", old.title, new.title),
        ("case", old.case, new.case),
        ("document_type", old.document_type, new.document_type),
        ("department", old.department, new.department),
        ("summary", old.summary, new.summary),
        ("risk.level", old.risk.level if old.risk else None,
         new.risk.level if new.risk else None),
        ("innovation_proposal", old.innovation_proposal, new.innovation_proposal),
    ]
    oe, ne = old.economy, new.economy
    pairs += [("economy.unit", oe and oe.unit, ne and ne.unit),
              ("economy.price_level", oe and oe.price_level, ne and ne.price_level)]
    for field, a, b in pairs:
        if _plain(a) != _plain(b):
            yield FieldChange(field=field, old=a, new=b)
    yield from hearing_changes(old.hearings, new.hearings)


def _plain(value: str | bool | None) -> str | bool | None:
    return _norm(value) if isinstance(value, str) else value


def hearing_changes(old: list[Hearing], new: list[Hearing]) -> Iterator[FieldChange]:
    """A hearing's answer and date, matched by table and body ("Tabel 4: Center for …")."""
    def keyed(hearings: list[Hearing]) -> dict[str, Hearing]:
        return {f"Tabel {h.table}: {_norm(h.body)}": h for h in hearings}
    a, b = keyed(old), keyed(new)
    for key in [*a, *(k for k in b if k not in a)]:
        ha, hb = a.get(key), b.get(key)
        if ha is None or hb is None:
            present = ha or hb
            assert present is not None
            text = f"{_answer(present.answer)}, {present.date or 'ingen dato'}"
            yield FieldChange(field=f"hearing {key}", old=text if ha else None,
                              new=text if hb else None)
            continue
        if ha.answer != hb.answer:
            yield FieldChange(field=f"hearing.answer {key}", old=ha.answer, new=hb.answer)
        if ha.date != hb.date:
            yield FieldChange(field=f"hearing.date {key}",
                              old=ha.date.isoformat() if ha.date else None,
                              new=hb.date.isoformat() if hb.date else None)


def _answer(answer: bool | None) -> str:
    return {True: "Ja", False: "Nej", None: "intet svar"}[answer]


def _keyed_rows(rows: list[EconomyRow]) -> dict[tuple[str, str, int], EconomyRow]:
    seen: Counter[tuple[str, str]] = Counter()
    out = {}
    for row in rows:
        base = (row.group, _norm(row.label))
        out[(*base, seen[base])] = row
        seen[base] += 1
    return out


def _values(row: EconomyRow, years: list[int]) -> dict[str, int | None]:
    return {str(y): row.value(y) for y in years}


def economy_changes(old: Economy | None, new: Economy | None) -> Iterator[Change]:
    years = sorted({*(old.years if old else []), *(new.years if new else [])})
    a = _keyed_rows(old.rows if old else [])
    b = _keyed_rows(new.rows if new else [])
    gone = [k for k in a if k not in b]
    came = [k for k in b if k not in a]
    relabelled: dict[tuple[str, str, int], tuple[str, str, int]] = {}
    for k in gone:
        match = next((n for n in came if n not in relabelled.values() and n[0] == k[0]
                      and _values(b[n], years) == _values(a[k], years)
                      and b[n].role == a[k].role), None)
        if match is not None:
            relabelled[k] = match
    yield from _in_table_order(a, b, relabelled, years)
    yield from payback_changes(old, new)


def _in_table_order(a: dict[tuple[str, str, int], EconomyRow],
                    b: dict[tuple[str, str, int], EconomyRow],
                    relabelled: dict[tuple[str, str, int], tuple[str, str, int]],
                    years: list[int]) -> list[Change]:
    """The row changes in the new table's order; a removed row where it stood, after the
    row that preceded it in the old table."""
    position = {k: j for j, k in enumerate(b)}
    events: list[tuple[tuple[int, int], Change]] = []
    last = -1
    for k, row in a.items():
        if k in b:
            last = position[k]
            events += [((last, 0), c) for c in _cell_changes(row, b[k], years)]
        elif k in relabelled:
            last = position[relabelled[k]]
            events.append(((last, 0), RowRelabelled(group=row.group, old=row.label,
                                                    new=b[relabelled[k]].label)))
        else:
            events.append(((last, 1), RowRemoved(group=row.group, row=row.label,
                                                 old=_values(row, years))))
    taken = set(relabelled.values())
    events += [((position[k], 0), RowAdded(group=row.group, row=row.label,
                                           new=_values(row, years)))
               for k, row in b.items() if k not in a and k not in taken]
    events.sort(key=lambda event: event[0])  # stable: a row's cells stay in year order
    return [change for _, change in events]


def _cell_changes(old: EconomyRow, new: EconomyRow, years: list[int]) -> Iterator[Change]:
    if _norm(old.steering_area) != _norm(new.steering_area):
        yield FieldChange(field=f"steering_area {old.label}", old=old.steering_area,
                          new=new.steering_area)
    for year in years:
        if old.value(year) != new.value(year):
            yield CellChange(group=old.group, row=old.label, year=year,
                             old=old.value(year), new=new.value(year))


def payback_changes(old: Economy | None, new: Economy | None) -> Iterator[PaybackChange]:
    a = {_norm(p.label): p for p in (old.payback if old else [])}
    b = {_norm(p.label): p for p in (new.payback if new else [])}
    for label in [*a, *(k for k in b if k not in a)]:
        pa, pb = a.get(label), b.get(label)
        va = None if pa is None else (pa.years if pa.years is not None else pa.text)
        vb = None if pb is None else (pb.years if pb.years is not None else pb.text)
        if va != vb or (pa is None) != (pb is None):
            yield PaybackChange(row=(pa or pb).label, old=va, new=vb)  # type: ignore[union-attr]


def text_changes(old: Proposal, new: Proposal) -> Iterator[TextChange]:
    """Changed sentences per section (matched by number); a section title as a sentence."""
    a = {s.number: s for s in old.sections}
    b = {s.number: s for s in new.sections}
    for number in [*a, *(n for n in b if n not in a)]:
        sa, sb = a.get(number), b.get(number)
        title_a, title_b = (sa.title if sa else None), (sb.title if sb else None)
        if _norm(title_a) != _norm(title_b):
            yield TextChange(section=number, old=title_a, new=title_b)
        for was, now in changed_sentences(sa.text if sa else "", sb.text if sb else ""):
            yield TextChange(section=number, old=was, new=now)


def _goal_line(goal: FollowUp) -> str:
    details = "; ".join(_norm(x) for x in (goal.measure, goal.responsible, goal.deadline) if x)
    return f"{_norm(goal.goal)} ({details})" if details else _norm(goal.goal)


def follow_up_changes(old: list[FollowUp], new: list[FollowUp]) -> Iterator[FollowUpChange]:
    """Goals added, removed or changed, in table order (a changed goal names both)."""
    a = [(_norm(g.group), _goal_line(g)) for g in old]
    b = [(_norm(g.group), _goal_line(g)) for g in new]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = old[i1:i2], new[j1:j2]
        paired = min(len(olds), len(news))
        for g_old, g_new in zip(olds[:paired], news[:paired], strict=True):
            same_goal = _norm(g_old.goal) == _norm(g_new.goal)
            yield FollowUpChange(old=_goal_line(g_old) if same_goal else _norm(g_old.goal),
                                 new=_goal_line(g_new) if same_goal else _norm(g_new.goal))
        for g in olds[paired:]:
            yield FollowUpChange(old=_norm(g.goal), new=None)
        for g in news[paired:]:
            yield FollowUpChange(old=None, new=_norm(g.goal))


def finding_key(f: Finding) -> tuple[object, ...]:
    """What a finding says, without where the page breaks fell."""
    where = f.location
    return (f.rule, f.severity, where.table, _norm(where.row), where.year, f.expected, f.found)


def findings_delta(old: list[Finding], new: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(resolved: in old, not in new; new: in new, not in old), as multisets."""
    left = Counter(finding_key(f) for f in new)
    resolved = []
    for f in old:
        if left[finding_key(f)]:
            left[finding_key(f)] -= 1
        else:
            resolved.append(f)
    right = Counter(finding_key(f) for f in old)
    added = []
    for f in new:
        if right[finding_key(f)]:
            right[finding_key(f)] -= 1
        else:
            added.append(f)
    return resolved, added
