"""The TOML config: severities overridden, rules off, mistakes refused; the rule list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from checks_factory import proposal, set_value

from extractor.checks import RULES, run_checks
from extractor.checks.config import ConfigError, config_from_dict, load_check_config

DOCS = Path(__file__).resolve().parent.parent / "docs" / "checks.md"


def broken() -> list:
    p = proposal()
    set_value(p, "Samlet økonomisk påvirkning", 2029, 200)  # and no payback in the table
    p.innovation_proposal = None
    return [p]


def test_default_severities() -> None:
    [p] = broken()
    severities = {f.rule: f.severity for f in run_checks(p)}
    assert severities == {"economy.column_total": "error", "payback.differs": "warning",
                          "completeness.innovation_box": "warning"}


def test_config_overrides_severity_and_switches_rules_off(tmp_path: Path) -> None:
    path = tmp_path / "checks.toml"
    path.write_text('disabled = ["payback.differs"]\n\n[severity]\n'
                    '"economy.column_total" = "warning"\n', encoding="utf-8")
    config = load_check_config(path)
    [p] = broken()
    severities = {f.rule: f.severity for f in run_checks(p, config)}
    assert severities == {"economy.column_total": "warning",
                          "completeness.innovation_box": "warning"}


def test_empty_config_changes_nothing() -> None:
    [p] = broken()
    assert run_checks(p, config_from_dict({})) == run_checks(p)


@pytest.mark.parametrize("data", [
    {"disabled": ["no.such_rule"]},
    {"severity": {"economy.column_total": "fatal"}},
    {"severity": {"no.such_rule": "info"}},
    {"disabled": "payback.differs"},
    {"rules_off": []},
])
def test_invalid_config_is_refused(data: dict) -> None:
    with pytest.raises(ConfigError):
        config_from_dict(data)


def test_unreadable_config_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="findes ikke"):
        load_check_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("disabled = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML"):
        load_check_config(bad)


def test_every_rule_is_documented_with_a_danish_description() -> None:
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", DOCS.read_text(encoding="utf-8")))
    for rule in RULES.values():
        assert rule.id in documented, rule.id
        assert rule.description and rule.severity in ("error", "warning", "info")
