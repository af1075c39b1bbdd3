"""What a proposal template prints, as data: the words, numbers and patterns the stages look for.

Every stage that recognises a part of a proposal by its printed words (the segmenter's
"Kort resumé" and "Tabel 1.", the parsers' group headings, the checks' "Center for
Økonomi") reads them from one `Template`, handed down from `extractor.api`. Next year's
revised template is then one new instance (`dataclasses.replace` of the old one names
only what changed), and two templates can be read in the same run.

The fields are the vocabulary, as regular-expression fragments (module `regex`,
matched case-insensitively where the documents vary in case) or plain values; the
properties below compile them once into the patterns the stages match with, so a
fragment is written once however many stages use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import regex

_I = regex.IGNORECASE
GroupName = Literal["permanent", "implementation"]


class _Pattern:
    """A pattern built from a template's fields, compiled on first use and kept on the
    template (which is frozen, hence the direct `__dict__` write)."""

    def __init__(self, source: Callable[[Any], str], flags: int = _I) -> None:
        self.source = source
        self.flags = flags
        self.key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = f"_compiled_{name}"

    def __get__(self, template: Any, owner: type | None = None) -> regex.Pattern[str]:
        if template is None:
            raise AttributeError(f"{self.key[10:]} is a pattern of a Template instance")
        compiled = template.__dict__.get(self.key)
        if compiled is None:
            compiled = regex.compile(self.source(template), self.flags)
            template.__dict__[self.key] = compiled
        return compiled


@dataclass(frozen=True, eq=False)
class Template:
    """One template's vocabulary (see the module docstring); compared by identity."""

    name: str

    # The front-page table and the proposal's start
    summary_label: str  # the label a proposal starts at ("Kort resumé:")
    department_label: tuple[str, str]  # a label that wraps: ("Fremstillende", "forvaltning")

    # Headings: numbered sections, captions, annex, figures
    section_titles: Mapping[str, str]  # number → the template's title (regex prefix)
    economy_section: str  # the section whose cost items face Tabel 1
    risk_section: str  # the section with the risk assessment
    risk_title: str  # its title (regex prefix), also when misnumbered
    caption_word: str  # "Tabel" N. …
    annex_title: str
    figure_word: str

    # Table numbers
    economy_table: int
    follow_up_table: int
    approval_table: int  # where the economics centre signs off
    hearing_tables: tuple[int, ...]

    # Page headers and footers
    page_number: str  # "4/7", "side 4 af 7"
    document_type: str  # "Investeringsforslag"
    year: str  # a year as the documents print one

    # Tabel 1
    steering_header: str  # prefix of the "Styringsområde" header word
    steering_word: str  # the whole header word, lower case: its tail ends a hyphenated header
    steering_areas: tuple[str, ...]  # as printed with a capital, in text input
    permanent_group: str
    implementation_group: str
    overall_label: str  # "Samlet økonomisk påvirkning": it and the rows after it are overall
    total_label: str
    of_which_label: str
    net_word: str  # a "Heraf netto…" row covers every item of its group
    saving_word: str  # a "Heraf effektivisering…" row covers the saving items
    saving_row: str  # a row that must not have a positive amount
    payback_label: str
    service_area: str  # the steering area a "… serviceeffektivisering" payback is computed from
    payback_total: str  # a payback label naming this is computed from the overall row
    years_word: str  # "3 år"
    unit: str  # "1.000 kr."
    price_level: str  # "2027 p/l"
    notes_start: str  # a line that starts the notes under Tabel 1
    first_column: Mapping[str, int]  # the column a group's rows usually start in (text input)

    # Annex, hearings, completeness
    innovation_label: str
    yes: str
    no: str
    approver: str  # the body that must answer yes in the approval table, as printed
    risk_levels: tuple[str, ...]

    # The round's appendix ("Bilag"): the departments' committees, the areas it reports
    committees: Mapping[str, str]  # department → committee (udvalg)
    investment_areas: tuple[str, ...]
    effect_areas: tuple[str, ...]

    # Compiled patterns: one compile per template, shared by every stage.

    resume = _Pattern(lambda t: rf"^\s*{t.summary_label}\b")
    # the summary label with its colon, stripped from the summary's first line in text
    resume_prefix = _Pattern(lambda t: rf"^\s*{t.summary_label}\s*:?\s*")
    department = _Pattern(lambda t: rf"^\s*{t.department_label[0]}\b")
    department_prefix = _Pattern(
        lambda t: rf"^\s*{t.department_label[0]}\b(?:\s+{t.department_label[1]}\s*:?)?\s*")
    department_label_end = _Pattern(lambda t: rf"^\s*{t.department_label[1]}\s*:\s*")
    section = _Pattern(lambda t: r"^\s*(\d)\.\s+(\p{Lu}.*)$", 0)
    # a caption in a PDF, where bold tells it from prose: the dot is optional
    caption = _Pattern(lambda t: rf"^\s*{t.caption_word}\s+(\d+)\.?\s+(.*)$", 0)
    # in plain text the dot is required: a wrapped prose line may start "Tabel 1 viser …"
    strict_caption = _Pattern(lambda t: rf"^\s*{t.caption_word}\s+(\d+)\.\s+(\S.*)$", 0)
    annex = _Pattern(lambda t: rf"^\s*{t.annex_title}\b")
    figure = _Pattern(lambda t: rf"^\s*{t.figure_word}\s+\d+\b", 0)
    risk_heading = _Pattern(lambda t: rf"^{t.risk_title}")
    # a line ending in a page number; group 1 is the text before it
    page_number_line = _Pattern(lambda t: rf"^(.*?)\s*{t.page_number}$")
    page_number_end = _Pattern(lambda t: rf"(?:^|\s){t.page_number}\s*$")
    document_type_line = _Pattern(lambda t: rf"^{t.document_type}$")
    # round and document type on one header line: "Overførselssagen 2025-2026 | Investeringsforslag"
    # (or only spaces between them); the type is the last word
    type_at_end = _Pattern(
        lambda t: rf"^(?P<case>.*?)\s*(?:[|·•–—]\s*)?(?P<type>{t.document_type})$")
    # a running header naming the budget round: "<Word> <year or span of years>"
    case_line = _Pattern(
        lambda t: rf"^\p{{Lu}}\p{{L}}+\s+{t.year}(?:\s*[-–]\s*{t.year})?$", 0)
    # the budget round inside a header text: a year or a span of years, maybe named
    case_in = _Pattern(
        lambda t: rf"\b(?:\p{{Lu}}\p{{L}}+\s+)?{t.year}(?:\s*[-–]\s*{t.year})?\b", 0)
    year_word = _Pattern(lambda t: rf"^{t.year}$", 0)
    unit_pattern = _Pattern(lambda t: t.unit, 0)
    price_level_pattern = _Pattern(lambda t: t.price_level, 0)
    # a part of the steering-area header hyphenated over lines ("Styrings-" / "område")
    steering_part = _Pattern(
        lambda t: rf"\b{t.steering_header}\S*|\b{t.steering_word[len(t.steering_header):]}\b")
    notes = _Pattern(lambda t: rf"^{t.notes_start}")
    permanent = _Pattern(lambda t: rf"^{t.permanent_group}\b")
    implementation = _Pattern(lambda t: rf"^{t.implementation_group}\b")
    # a group heading inside running text: where section 2's opening ends
    group_heading_in_text = _Pattern(
        lambda t: rf"\b(?:{t.permanent_group}|{t.implementation_group})\s*\(", 0)
    overall = _Pattern(lambda t: rf"^{t.overall_label}")
    total = _Pattern(lambda t: rf"^{t.total_label}\b")
    of_which = _Pattern(lambda t: rf"^{t.of_which_label}\b")
    net = _Pattern(lambda t: rf"\b{t.net_word}")
    saving = _Pattern(lambda t: rf"\b{t.saving_word}")
    saving_row_label = _Pattern(lambda t: rf"^\s*{t.saving_row}\b")
    payback = _Pattern(lambda t: rf"^{t.payback_label}")
    service_payback = _Pattern(lambda t: regex.escape(t.service_area))
    total_payback = _Pattern(lambda t: t.payback_total)
    payback_value = _Pattern(lambda t: rf"^(\d+(?:,\d+)?)(?:\s*{t.years_word})?$", 0)
    innovation = _Pattern(lambda t: rf"{t.innovation_label}\s*:?")
    yes_answer = _Pattern(lambda t: rf"^{t.yes}\b")
    no_answer = _Pattern(lambda t: rf"^{t.no}\b")
    approver_pattern = _Pattern(lambda t: r"\s+".join(regex.escape(w) for w in t.approver.split()))
    risk_level = _Pattern(lambda t: rf"\b{t.risk_level_word}\b")

    @property
    def risk_level_word(self) -> str:
        return "(?:" + "|".join(self.risk_levels) + ")"

    def caption_of(self, number: int) -> regex.Pattern[str]:
        """The caption of table `number` at a line start ("Tabel 1." or "Tabel 1 …")."""
        return regex.compile(rf"^\s*{self.caption_word}\s+{number}\b")

    def has_section_title(self, number: str, title: str) -> bool:
        pattern = self.section_titles.get(number)
        return pattern is not None and regex.match(pattern, title, _I) is not None

    def group_heading(self, text: str) -> GroupName | None:
        """The group a heading opens ("Varige ændringer …" → permanent), else None."""
        if self.permanent.match(text):
            return "permanent"
        if self.implementation.match(text):
            return "implementation"
        return None

    def score(self, texts: Iterable[str]) -> int:
        """How many of the template's landmarks the lines show (its summary label, its two
        group headings, its Tabel 1 caption); detection picks the best-scoring template."""
        economy_caption = self.caption_of(self.economy_table)
        seen: set[str] = set()
        for text in texts:
            text = text.strip()
            if self.resume.match(text):
                seen.add("resume")
            if (group := self.group_heading(text)) is not None:
                seen.add(group)
            if economy_caption.match(text):
                seen.add("caption")
        return len(seen)
