"""The proposal templates the tool knows, and which one a document follows.

A template (`model.Template`) is every word, number and pattern a proposal's layout
prints; the stages receive it instead of hard-coding the vocabulary. Adding a template
(next year's revision, another municipality) is a new module holding one `Template`
and an entry in `TEMPLATES`; `detect` then picks it for the documents that show its
landmarks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from extractor.template.copenhagen import COPENHAGEN
from extractor.template.model import Template

__all__ = ["COPENHAGEN", "TEMPLATES", "Template", "detect"]

TEMPLATES: tuple[Template, ...] = (COPENHAGEN,)


def detect(texts: Iterable[str], templates: Sequence[Template] = TEMPLATES) -> Template:
    """The template whose landmarks the document's lines show most; the first on a tie
    (so a document showing none is read with the first, and reported as not a proposal)."""
    lines = list(texts)
    return max(templates, key=lambda t: t.score(lines))
