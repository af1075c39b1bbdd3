"""The consistency checks: one function per rule, grouped by theme, findings as data.

`run_checks(proposal, config)` runs every check on a parsed proposal and returns its
findings (the parser's own findings are read, e.g. `follow_up.not_read`, but not
returned; the caller keeps those). Rules,
their ids and default severities are in `extractor/rules.py`; `docs/checks.md` documents them.

| module | theme |
|---|---|
| `arithmetic.py` | Tabel 1 totals, "Heraf" rows, "Samlet økonomisk påvirkning" |
| `prose.py` (+ `claims.py`, `matching.py`) | section 2's cost-item headings against their rows |
| `headline.py` | the summary's and section 2's effect and investment claims |
| `payback.py` | the payback time recomputed beside the stated one |
| `completeness.py` | sections, tables, risk, approval, checkbox, template text, signs |

Checks never raise on odd data: a check that cannot decide says so with an `info`
finding, or stays quiet when a part is missing (completeness reports the missing part).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from extractor.checks.arithmetic import check_arithmetic
from extractor.checks.completeness import check_completeness
from extractor.checks.headline import check_headlines
from extractor.checks.payback import check_payback
from extractor.checks.prose import check_cost_items
from extractor.models import SEVERITY_ORDER, Finding, Proposal
from extractor.rules import RULES, Rule
from extractor.template import COPENHAGEN, Template

if TYPE_CHECKING:
    from extractor.checks.config import CheckConfig

__all__ = ["RULES", "Rule", "run_checks"]


def _economy_checks(proposal: Proposal, template: Template) -> Iterable[Finding]:
    if proposal.economy is None:
        return ()
    economy = proposal.economy
    return [*check_arithmetic(economy, template), *check_payback(economy, template)]


def _cost_item_checks(proposal: Proposal, template: Template) -> Iterable[Finding]:
    return check_cost_items(proposal)


_CHECKS: tuple[Callable[[Proposal, Template], Iterable[Finding]], ...] = (
    _economy_checks,
    _cost_item_checks,
    check_headlines,
)


def run_checks(proposal: Proposal, config: CheckConfig | None = None, *,
               lines: Sequence[tuple[int | None, str]] | None = None,
               template: Template = COPENHAGEN) -> list[Finding]:
    """Every check's findings for one proposal, with the config's severities and rules off.

    `lines` are the proposal's printed lines as (page, text); when given, template
    leftovers are searched there (they include table captions, which the parsed fields
    leave out), else in the parsed fields.
    """
    findings = [f for check in _CHECKS for f in check(proposal, template)]
    findings += check_completeness(proposal, template, lines)
    if config is not None:
        findings = config.apply(findings)
    return findings


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; stable within a severity."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
