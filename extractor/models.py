"""The output contract (shared/docs/output-contract.md) as pydantic models.

These models are the source of truth for the JSON the tool writes; the JSON
Schema in `schemas/` is generated from them. Field names are public: add
fields freely, never rename or remove one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from extractor.version import __version__

if TYPE_CHECKING:
    import pandas

Group = Literal["permanent", "implementation", "overall"]
Role = Literal["item", "total", "of_which"]
Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}  # worst first
ErrorCode = Literal[
    "not_found",
    "not_pdf",
    "encrypted",
    "corrupt",
    "no_text_layer",
    "not_a_proposal",
    "timeout",
    "memory_limit",  # added to the contract's list: a document that needs more memory than allowed
    "internal_error",  # added too: a bug in extractor, not a fault of the file
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Section(_Model):
    number: str
    title: str
    text: str


class Box(_Model):
    """Where a printed value stands: cropping `page` to `bbox` gives back exactly `text`."""

    page: int = Field(description="Page (1-based) in the file.")
    bbox: list[float] = Field(
        min_length=4, max_length=4,
        description="[x0, top, x1, bottom] in PDF points, origin at the page's top-left corner.")
    text: str | None = Field(default=None, description="The token(s) as printed.")


class EconomyRow(_Model):
    group: Group
    label: str
    steering_area: str | None = None
    role: Role = "item"
    footnote: str | None = None
    values: dict[str, int | None] = Field(
        description="Amount per year (year as string key) in the table's unit; null = empty cell."
    )
    page: int | None = Field(default=None, description="Page (1-based) the row is printed on.")
    cells: dict[str, Box] = Field(
        default_factory=dict,
        description="Where each printed value stands, by year; a year with an empty cell has "
                    "no entry, and text input has none at all.")

    def value(self, year: int) -> int | None:
        return self.values.get(str(year))


class Payback(_Model):
    label: str
    years: int | float | None = Field(
        description="The stated payback time in years; null if unreadable.")
    text: str | None = Field(default=None, description="The value exactly as printed.")
    page: int | None = Field(default=None, description="Page of the printed value; null for text.")
    bbox: list[float] | None = Field(default=None, description="Box of the printed value.")


class Economy(_Model):
    unit: str | None = None
    price_level: str | None = None
    years: list[int]
    page: int | None = None
    header: Box | None = Field(
        default=None, description="The year header row, so a picture of a cell can show its "
                                  "year; null for text input.")
    rows: list[EconomyRow] = Field(default_factory=list)
    payback: list[Payback] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _every_row_has_every_year(self) -> Economy:
        expected = {str(y) for y in self.years}
        for row in self.rows:
            if set(row.values) != expected:
                raise ValueError(
                    f"row {row.label!r} has years {sorted(row.values)}, not {sorted(expected)}")
        return self


class CostItem(_Model):
    group: Literal["permanent", "implementation"]
    title: str
    amount_text: str
    text: str = ""
    page: int | None = None
    bbox: list[float] | None = Field(
        default=None, description="Box of the bold heading line(s) that state the amount, on "
                                  "`page`; null for text input.")


class FollowUp(_Model):
    group: str | None = None
    goal: str
    measure: str | None = None
    responsible: str | None = None
    deadline: str | None = None


class Risk(_Model):
    level: str | None = None
    text: str = ""


class Hearing(_Model):
    table: int
    body: str
    answer: bool | None = None
    date: dt.date | None = None


class Evidence(_Model):
    """A place a finding points at. Checks may name a place by its text alone (a prose
    sentence); `extractor.evidence.resolve` finds its box on the page or drops it."""

    page: int | None = None
    bbox: list[float] | None = None
    text: str


class Location(_Model):
    page: int | None = None
    table: str | None = None
    row: str | None = None
    year: int | None = None
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="Every place the finding points at, the one `page`/`row`/`year` name "
                    "(the wrong value) first; empty for text input.")


class Finding(_Model):
    rule: str
    severity: Severity
    message: str
    location: Location = Field(default_factory=Location)
    expected: int | float | None = None
    found: int | float | None = None


class Proposal(_Model):
    title: str
    case: str | None = None
    document_type: str | None = None
    department: str | None = None
    summary: str | None = None
    pages: list[int] | None = Field(
        description="First and last page (1-based) in the file; null for text input, "
                    "which does not say where a page ends.")
    sections: list[Section] = Field(default_factory=list)
    economy: Economy | None = None
    cost_items: list[CostItem] = Field(default_factory=list)
    follow_up: list[FollowUp] = Field(default_factory=list)
    risk: Risk | None = None
    innovation_proposal: bool | None = None
    hearings: list[Hearing] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)


class DocumentError(_Model):
    code: ErrorCode
    message: str


class DocumentResult(_Model):
    file: str
    sha256: str | None = None
    pages: int | None = None
    status: Literal["ok", "error"] = "ok"
    error: DocumentError | None = None
    proposals: list[Proposal] = Field(default_factory=list)


class ExtractionResult(_Model):
    extractor_version: str = __version__
    documents: list[DocumentResult] = Field(default_factory=list)
    round: RoundOverview | None = Field(
        default=None, description="Distinct proposals, duplicates, versions and each budget "
                                  "round's totals over every document of the run.")

    def tabel1_rows(self) -> list[dict[str, Any]]:
        """Every Tabel 1 cell of every proposal, one dict each (long format; empty cells
        with value None): file, proposal, group, row_number, row, steering_area, role,
        year, value. The workbook's "Tabel 1" sheet holds the same rows."""
        from extractor.export.rows import tabel1_rows
        return tabel1_rows(self.documents)

    def finding_rows(self) -> list[dict[str, Any]]:
        """Every finding, one dict each, errors first: severity, rule, file, proposal,
        page, table, row, year, expected, found, message. As the workbook's "Fund" sheet."""
        from extractor.export.rows import finding_rows
        return finding_rows(self.documents)

    def to_pandas(self, rows: Literal["tabel1", "findings"] = "tabel1") -> pandas.DataFrame:
        """`tabel1_rows()` (or `finding_rows()`) as a pandas DataFrame, values as nullable
        integers so an empty cell stays empty. Needs pandas: pip install 'extractor[pandas]'."""
        from extractor.export.rows import to_pandas
        return to_pandas(self.documents, rows)


# --- Version 2: the round overview (`extract`/`check` over many files) -------------------


class Occurrence(_Model):
    """Where a proposal stands: its file (as given) and its 0-based index in `proposals`."""
    file: str
    index: int


class RoundGroup(_Model):
    """One proposal met more than once: a duplicate or a set of versions."""
    title: str
    case: str | None = None
    occurrences: list[Occurrence]
    counted: Occurrence | None = Field(
        default=None, description="The occurrence the round's totals count: a duplicate's "
                                  "first, a proposal's last version in the run's order; "
                                  "null for the duplicates of an older version.")


class DepartmentTotals(_Model):
    department: str | None
    proposals: int
    permanent: dict[str, int] = Field(default_factory=dict)
    implementation: dict[str, int] = Field(default_factory=dict)
    overall: dict[str, int] = Field(default_factory=dict)


class CaseTotals(_Model):
    """A budget round's sums per year of its proposals' printed grand totals."""
    case: str | None
    proposals: int
    years: list[int] = Field(default_factory=list)
    permanent: dict[str, int] = Field(
        default_factory=dict, description="Sum of the printed 'Samlet varig ændring' per year.")
    implementation: dict[str, int] = Field(
        default_factory=dict,
        description="Sum of the printed 'Samlede implementeringsomkostninger' per year.")
    overall: dict[str, int] = Field(
        default_factory=dict, description="Sum of the printed 'Samlet økonomisk påvirkning'.")
    incomplete: list[str] = Field(
        default_factory=list,
        description="Titles of proposals lacking a grand-total row or with an unreadable "
                    "cell in one; their printed values still count where present.")
    by_department: list[DepartmentTotals] = Field(default_factory=list)
    pool: int | None = Field(
        default=None, description="The case's investment pool in 1.000 kr. (from the config), "
                                  "or null.")


class RoundOverview(_Model):
    proposals: int = Field(description="Distinct proposals in the run (duplicates counted once).")
    duplicates: list[RoundGroup] = Field(default_factory=list)
    versions: list[RoundGroup] = Field(default_factory=list)
    cases: list[CaseTotals] = Field(default_factory=list)
    findings: list[Finding] = Field(
        default_factory=list, description="Round-level findings, e.g. the pool exceeded.")
    committees: dict[str, str] = Field(
        default_factory=dict, description="Department → committee, as used for the appendix.")
    pool: int | None = Field(
        default=None, description="The run's pool for all cases together in 1.000 kr. "
                                  "(--pool), or null.")


# --- Version 2: `extractor diff OLD NEW` ---------------------------------------------------


class CellChange(_Model):
    kind: Literal["cell"] = "cell"
    group: Group
    row: str
    year: int
    old: int | None
    new: int | None


class RowAdded(_Model):
    kind: Literal["row_added"] = "row_added"
    group: Group
    row: str
    new: dict[str, int | None]


class RowRemoved(_Model):
    kind: Literal["row_removed"] = "row_removed"
    group: Group
    row: str
    old: dict[str, int | None]


class RowRelabelled(_Model):
    kind: Literal["row_relabelled"] = "row_relabelled"
    group: Group
    old: str
    new: str


class PaybackChange(_Model):
    kind: Literal["payback"] = "payback"
    row: str
    old: int | float | str | None
    new: int | float | str | None


class FieldChange(_Model):
    kind: Literal["field"] = "field"
    field: str
    old: str | bool | None
    new: str | bool | None


class TextChange(_Model):
    kind: Literal["text"] = "text"
    section: str
    old: str | None
    new: str | None


class FollowUpChange(_Model):
    kind: Literal["follow_up"] = "follow_up"
    old: str | None
    new: str | None


Change = Annotated[
    CellChange | RowAdded | RowRemoved | RowRelabelled | PaybackChange | FieldChange
    | TextChange | FollowUpChange,
    Field(discriminator="kind")]


class DiffSide(_Model):
    file: str
    sha256: str | None = None


class ProposalDiff(_Model):
    title: str
    case: str | None = None
    status: Literal["changed", "unchanged", "added", "removed"]
    changes: list[Change] = Field(default_factory=list)
    findings_resolved: list[Finding] = Field(default_factory=list)
    findings_new: list[Finding] = Field(default_factory=list)


class DiffResult(_Model):
    extractor_version: str = __version__
    old: DiffSide
    new: DiffSide
    proposals: list[ProposalDiff] = Field(default_factory=list)


ExtractionResult.model_rebuild()  # `round` refers to RoundOverview, defined after it
