"""The headline claims of the summary and section 2 against Tabel 1's totals.

Effect claims — "Effektiviseringen på 1,6 mio. kr. i 2027 stiger til 4,1 mio. kr.
årligt ved fuld indfasning i 2030", "Besparelsen på 4,1 mio. kr. ved fuld
indfasning", "en varig effektivisering på 5,4 mio. kr." — are compared with the net
effect, the "Samlet varig ændring" row, by size: the prose states savings as positive
amounts while the table prints them negative. A claim without a period means the full
effect (the last year). Amounts chained by "stigende til"/"stiger til"/"og" belong to
the same claim.

Investment claims — "behov for 21,1 mio. kr. i investeringsmidler", "en investering
på 10,4 mio. kr." — are compared with the sum of "Samlede implementeringsomkostninger"
over all years (or over the stated years: "… i 2026-2029").

Only section 2's opening text is read (up to the first cost-group heading), so the
cost items' own paragraphs are not mistaken for headlines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from extractor.checks.claims import Claim, chained_claims, claims_in, fits
from extractor.economy_relations import group_value, plain_total
from extractor.evidence import cell, quote, row_cells
from extractor.models import Economy, Finding, Group, Proposal
from extractor.rules import TABLE_1, against_table, finding
from extractor.template import Template

_EFFECT = regex.compile(
    r"\b(?:effektiviserings\w*|effektivisering\w*|besparelse\w*)\s*(?:\(netto\)\s*)?"
    r"(?:er\s+|udgør\s+)?(?:på\s+)?(?=-?\d)", regex.IGNORECASE)
_INVEST_BEFORE = regex.compile(r"\binvestering(?:en)?\s+(?:på\s+)(?=\d)", regex.IGNORECASE)
_INVEST_AFTER = regex.compile(r"^\s*i\s+investeringsmidler\b", regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"\.\s+(?=[\p{Lu}])")


def headline_texts(proposal: Proposal, template: Template) -> list[tuple[str, str]]:
    """(where, text): the summary and section 2's opening paragraphs."""
    out = []
    if proposal.summary:
        out.append(("resuméet", proposal.summary))
    number = template.economy_section
    section = next((s for s in proposal.sections if s.number == number), None)
    if section is not None:
        opening = template.group_heading_in_text.split(section.text, maxsplit=1)[0]
        out.append((f"afsnit {number}", opening))
    return out


def sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


def effect_claims(sentence: str, years: list[int]) -> list[Claim]:
    """The amounts of every effect claim in one sentence."""
    out: list[Claim] = []
    for m in _EFFECT.finditer(sentence):
        chain = chained_claims(sentence[m.end():], years)
        if not chain or not sentence[m.end():].lstrip().startswith(chain[0].amount.text.strip()):
            continue
        for claim in chain:
            if _INVEST_AFTER.match(claim.qualifier):
                break
            out.append(claim)
    return _unique(out)


def investment_claims(sentence: str, years: list[int]) -> list[Claim]:
    out = []
    for claim in claims_in(sentence, years):
        if _INVEST_AFTER.match(claim.qualifier):
            out.append(claim)
    for m in _INVEST_BEFORE.finditer(sentence):
        chain = claims_in(sentence[m.end():], years)
        if chain:
            out.append(chain[0])
    return _unique(out)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        key = (c.amount.text, c.period)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


@dataclass
class _Mismatch:
    """One headline amount that disagrees with Tabel 1, said in one or more places."""

    rule: str
    wheres: list[str]  # "resuméet", "afsnit 2"
    says: str  # "en effekt på 10,1 mio. kr. ved fuld indfasning"
    table: str  # "'Samlet varig ændring' 2031 er -11.960 t. kr. = …"
    location: dict[str, Any]
    expected: int | float
    found: int

    def to_finding(self) -> Finding:
        who = " og ".join(self.wheres)
        text = f"{who[0].upper()}{who[1:]} siger {self.says}; {self.table}"
        return finding(self.rule, text if text.endswith(".") else f"{text}.",
                       **self.location, expected=self.expected, found=self.found)


def check_headlines(proposal: Proposal, template: Template) -> Iterator[Finding]:
    """One finding per discrepancy: the summary and section 2 repeating the same wrong
    amount is one error, said in both places (both sentences in its evidence), not two."""
    economy = proposal.economy
    if economy is None or not economy.years:
        return
    grouped: dict[tuple[object, ...], _Mismatch] = {}
    for where, text in headline_texts(proposal, template):
        for sentence in sentences(text):
            mismatches = [*(m for claim in effect_claims(sentence, economy.years)
                            for m in _check_effect(claim, where, economy, sentence)),
                          *(m for claim in investment_claims(sentence, economy.years)
                            for m in _check_investment(claim, where, economy, sentence))]
            for m in mismatches:
                key = (m.rule, m.location["year"], m.expected, m.found)
                if key not in grouped:
                    grouped[key] = m
                    continue
                first = grouped[key]
                if where not in first.wheres:
                    first.wheres.append(where)
                evidence = first.location["evidence"]
                evidence += [e for e in m.location["evidence"] if e not in evidence]
    for m in grouped.values():
        yield m.to_finding()


def _location(economy: Economy, group: Group, year: int | None,
              sentence: str) -> dict[str, Any]:
    """The total row (its cell, or every cell for a sum over the years), then the sentence."""
    row = plain_total(economy, group)
    printed = [] if row is None else cell(row, year) if year is not None else row_cells(row)
    return dict(page=(row.page if row else None) or economy.page, table=TABLE_1,
                row=row.label if row else None, year=year,
                evidence=[*printed, *quote(sentence)])


def _check_effect(claim: Claim, where: str, economy: Economy,
                  sentence: str) -> Iterator[_Mismatch]:
    years = claim.years if claim.kind == "each" else (economy.years[-1],)
    amount = claim.amount
    for year in years:
        if year not in economy.years:
            continue
        actual, n = group_value(economy, "permanent", year)
        if not fits(abs(amount.value), amount.half_step, abs(actual), n):
            name = _total_name(economy, "permanent", "summen af de varige ændringer")
            yield _Mismatch(
                "prose.headline_effect", [where],
                f"en effekt på {amount.text.strip()} {claim.period or 'ved fuld indfasning'}",
                f"{name} {year} i Tabel 1 er "
                f"{against_table(amount.value, actual, by_size=True)}",
                _location(economy, "permanent", year, sentence), _number(amount.value), actual)


def _check_investment(claim: Claim, where: str, economy: Economy,
                      sentence: str) -> Iterator[_Mismatch]:
    years = claim.years if claim.kind == "each" and claim.years else tuple(economy.years)
    values = [group_value(economy, "implementation", y) for y in years if y in economy.years]
    actual = sum(v for v, _ in values)
    n = sum(k for _, k in values)
    amount = claim.amount
    if not fits(abs(amount.value), amount.half_step, abs(actual), n):
        name = _total_name(economy, "implementation", "implementeringsomkostningerne")
        span = f"{years[0]}-{years[-1]}"
        yield _Mismatch(
            "prose.headline_investment", [where],
            f"et investeringsbehov på {amount.text.strip()}",
            f"{name} {span} i Tabel 1 er i alt "
            f"{against_table(amount.value, actual, by_size=True)}",
            _location(economy, "implementation", None, sentence), _number(amount.value), actual)


def _total_name(economy: Economy, group: Group, otherwise: str) -> str:
    """The group's printed total row, quoted, for a message; else what it adds up."""
    total = plain_total(economy, group)
    return f"'{total.label}'" if total else otherwise


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
