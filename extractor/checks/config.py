"""The checks' settings from a small TOML file: severities overridden, rules switched off.

```toml
# extractor-checks.toml
disabled = ["prose.unmatched_row", "economy.rounding_gap"]

[severity]
"payback.differs" = "info"
"completeness.cfo_approval" = "error"
```

Unknown keys, unknown rule ids and unknown severities are errors (a typo must not
silently keep a rule on); `ConfigError` carries a Danish message and the CLI turns
it into exit code 2.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from extractor.models import Finding, Severity
from extractor.rules import RULES

_SEVERITIES: tuple[str, ...] = get_args(Severity)
_KEYS = {"disabled", "severity"}


class ConfigError(ValueError):
    """The config file cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class CheckConfig:
    severity: dict[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """Drop findings of disabled rules and give the others their configured severity."""
        out = []
        for f in findings:
            if f.rule in self.disabled:
                continue
            wanted = self.severity.get(f.rule)
            out.append(f if wanted is None else f.model_copy(update={"severity": wanted}))
        return out


DEFAULT_CONFIG = CheckConfig()


def load_check_config(path: Path) -> CheckConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: konfigurationsfilen findes ikke.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: konfigurationsfilen kan ikke læses ({exc}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: ikke gyldig TOML ({exc}).") from exc
    return config_from_dict(data, str(path))


def config_from_dict(data: dict[str, Any], source: str = "konfigurationen") -> CheckConfig:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{source}: ukendte nøgler {unknown}; brug 'disabled' og [severity].")
    disabled = data.get("disabled", [])
    if not isinstance(disabled, list) or not all(isinstance(r, str) for r in disabled):
        raise ConfigError(f"{source}: 'disabled' skal være en liste af regel-id'er.")
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{source}: [severity] skal være en tabel: \"regel\" = \"error\".")
    for rule in [*disabled, *severity]:
        if rule not in RULES:
            raise ConfigError(f"{source}: ukendt regel '{rule}' (se docs/checks.md).")
    for rule, level in severity.items():
        if level not in _SEVERITIES:
            raise ConfigError(f"{source}: '{rule}' = '{level}' er ikke en gyldig alvorlighed; "
                              f"brug en af {', '.join(_SEVERITIES)}.")
    return CheckConfig(severity=dict(severity), disabled=frozenset(disabled))
