"""A `DiffResult` → the readable Danish report `extractor diff` prints.

```
Sammenligning: samples/plejefamilier.pdf → plejefamilier_v2.pdf
Bedre vilkår for plejefamilier (Overførselssagen 2025-2026): ændret, 12 ændringer
    Tabel 1, Varige ændringer, 'Samlet varig ændring' 2028: -2.054 → -2.004
    Afsnit 1, ændret sætning:
        før: … cirka 27 pct.
        nu:  … cirka 28 pct.
    Fund løst: FEJL prose.amount_mismatch (…)
I alt: 1 ændret, 0 uændrede, 0 nye og 0 fjernede forslag.
```
"""

from __future__ import annotations

from extractor.export.report import LABEL, location_text
from extractor.models import (
    CellChange,
    Change,
    DiffResult,
    FieldChange,
    Finding,
    FollowUpChange,
    PaybackChange,
    ProposalDiff,
    RowAdded,
    RowRelabelled,
    RowRemoved,
    TextChange,
)
from extractor.numbers import format_table_amount

NO_DIFFERENCES = "ingen forskelle"
_STATUS = {"changed": "ændret", "unchanged": "uændret", "added": "nyt forslag (kun i den nye)",
           "removed": "fjernet (kun i den gamle)"}
_GROUP = {"permanent": "Varige ændringer", "implementation": "Implementeringsomkostninger",
          "overall": "Samlet"}
_FIELD = {"title": "titel", "case": "budgetrunde", "document_type": "dokumenttype",
          "department": "forvaltning", "summary": "resumé", "risk.level": "risikovurdering",
          "innovation_proposal": "innovationsforslag", "economy.unit": "Tabel 1's enhed",
          "economy.price_level": "Tabel 1's prisniveau"}
_IND = "    "


def _amount(value: int | None) -> str:
    return "tom" if value is None else format_table_amount(value)


def _value(value: object) -> str:
    if value is None:
        return "(intet)"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, int):
        return format_table_amount(value)
    return f"'{value}'"


def _years(values: dict[str, int | None]) -> str:
    return ", ".join(f"{year}: {_amount(v)}" for year, v in values.items())


def _field_name(field: str) -> str:
    if field.startswith("hearing.answer "):
        return f"svar i {field.removeprefix('hearing.answer ')}"
    if field.startswith("hearing.date "):
        return f"dato i {field.removeprefix('hearing.date ')}"
    if field.startswith("hearing "):
        return f"høring {field.removeprefix('hearing ')}"
    if field.startswith("steering_area "):
        return f"styringsområde for '{field.removeprefix('steering_area ')}'"
    return _FIELD.get(field, field)


def change_lines(change: Change) -> list[str]:
    if isinstance(change, CellChange):
        return [f"{_IND}Tabel 1, {_GROUP[change.group]}, '{change.row}' {change.year}: "
                f"{_amount(change.old)} → {_amount(change.new)}"]
    if isinstance(change, RowAdded):
        return [f"{_IND}Tabel 1, {_GROUP[change.group]}, ny række '{change.row}': "
                f"{_years(change.new)}"]
    if isinstance(change, RowRemoved):
        return [f"{_IND}Tabel 1, {_GROUP[change.group]}, fjernet række '{change.row}': "
                f"{_years(change.old)}"]
    if isinstance(change, RowRelabelled):
        return [f"{_IND}Tabel 1, {_GROUP[change.group]}, række omdøbt (samme beløb): "
                f"'{change.old}' → '{change.new}'"]
    if isinstance(change, PaybackChange):
        return [f"{_IND}{change.row}: {_value(change.old)} → {_value(change.new)} år"]
    if isinstance(change, FieldChange):
        return [f"{_IND}{_field_name(change.field).capitalize()}: {_value(change.old)} → "
                f"{_value(change.new)}"]
    if isinstance(change, TextChange):
        what = ("ny sætning" if change.old is None else
                "fjernet sætning" if change.new is None else "ændret sætning")
        lines = [f"{_IND}Afsnit {change.section}, {what}:"]
        if change.old is not None:
            lines.append(f"{_IND * 2}før: {change.old}")
        if change.new is not None:
            lines.append(f"{_IND * 2}nu:  {change.new}")
        return lines
    assert isinstance(change, FollowUpChange)
    if change.old is None:
        return [f"{_IND}Opfølgningsmål tilføjet: {change.new}"]
    if change.new is None:
        return [f"{_IND}Opfølgningsmål fjernet: {change.old}"]
    return [f"{_IND}Opfølgningsmål ændret:", f"{_IND * 2}før: {change.old}",
            f"{_IND * 2}nu:  {change.new}"]


def _finding_line(prefix: str, f: Finding) -> list[str]:
    where = location_text(f.location)
    return [f"{_IND}{prefix}: {LABEL[f.severity]} {f.rule}" + (f" ({where})" if where else ""),
            f"{_IND * 2}{f.message}"]


def proposal_lines(diff: ProposalDiff) -> list[str]:
    case = f" ({diff.case})" if diff.case else ""
    count = len(diff.changes)
    detail = f", {count} ændring{'er' if count != 1 else ''}" if diff.status == "changed" else ""
    lines = [f"{diff.title}{case}: {_STATUS[diff.status]}{detail}"]
    for change in diff.changes:
        lines += change_lines(change)
    for f in diff.findings_resolved:
        lines += _finding_line("Fund løst", f)
    for f in diff.findings_new:
        lines += _finding_line("Nyt fund", f)
    return lines


def render_diff(result: DiffResult) -> str:
    head = f"Sammenligning: {result.old.file} → {result.new.file}"
    blocks = ["\n".join(proposal_lines(p)) for p in result.proposals]
    n = {s: sum(p.status == s for p in result.proposals)
         for s in ("changed", "unchanged", "added", "removed")}
    if not n["changed"] and not n["added"] and not n["removed"]:
        summary = f"I alt: {NO_DIFFERENCES} ({n['unchanged']} forslag uændret)."
    else:
        summary = (f"I alt: {n['changed']} ændret, {n['unchanged']} uændrede, "
                   f"{n['added']} nye og {n['removed']} fjernede forslag.")
    return "\n\n".join([head, *blocks, summary]) + "\n"
