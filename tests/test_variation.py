"""The seeded style randomiser draws every border style issue 10 asks for, rule-less too."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "samples" / "generator"))

from variation import variation


def test_borders_full_grid_rules_only_and_none_with_padding_for_gaps() -> None:
    looks = [variation(seed) for seed in range(60)]
    assert {v.borders for v in looks} == {"grid", "rules", "none"}
    assert {v.producer for v in looks if v.borders == "none"} == {"reportlab", "html", "docx"}
    # without rules only the padding keeps rows apart
    assert all(3.0 <= v.padding_pt <= 5.0 for v in looks if v.borders == "none")


def test_a_seed_replays_its_look() -> None:
    assert [variation(seed) for seed in range(20)] == [variation(seed) for seed in range(20)]
