"""The checks' settings from a small TOML file: severities overridden, rules switched off.

```toml
# extractor-checks.toml
disabled = ["prose.unmatched_row", "economy.rounding_gap"]

[severity]
"payback.differs" = "info"
"completeness.cfo_approval" = "error"

[committees]            # department → committee for the "Bilag" sheet (adds to the seven)
"Københavns Ejendomme" = "Økonomiudvalget"

[pool]                  # the investment pool per budget round, in mio. kr.
"Budget 2027" = 375
```

Unknown keys, unknown rule ids and unknown severities are errors (a typo must not
silently keep a rule on); `ConfigError` carries a Danish message and the CLI turns
it into exit code 2.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, get_args

from extractor.models import Finding, Severity
from extractor.rules import RULES

_SEVERITIES: tuple[str, ...] = get_args(Severity)
_KEYS = {"disabled", "severity", "committees", "pool"}


class ConfigError(ValueError):
    """The config file cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class CheckConfig:
    severity: dict[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    committees: dict[str, str] = field(default_factory=dict)  # department → committee
    pools: dict[str, int] = field(default_factory=dict)  # case → pool in 1.000 kr.

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
        raise ConfigError(f"{source}: ukendte nøgler {unknown}; brug 'disabled', [severity], "
                          "[committees] og [pool].")
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
    committees = data.get("committees", {})
    if not isinstance(committees, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip()
            for k, v in committees.items()):
        raise ConfigError(f"{source}: [committees] skal være en tabel: "
                          "\"Forvaltning\" = \"Udvalg\".")
    pools = data.get("pool", {})
    if not isinstance(pools, dict):
        raise ConfigError(f"{source}: [pool] skal være en tabel: \"Budgetrunde\" = mio. kr.")
    return CheckConfig(severity=dict(severity), disabled=frozenset(disabled),
                       committees=dict(committees),
                       pools={case: parse_pool(mio, f"{source}: [pool] '{case}'")
                              for case, mio in pools.items()})


def parse_pool(mio: object, where: str) -> int:
    """A pool in mio. kr. (TOML number or Danish text "375,5") → 1.000 kr., exactly."""
    text = str(mio).strip().replace(",", ".") if isinstance(mio, int | float | str) else ""
    if isinstance(mio, bool) or not text:
        raise ConfigError(f"{where}: puljen skal være et beløb i mio. kr., fx 375.")
    try:
        value = Decimal(text) * 1000
    except InvalidOperation as exc:
        raise ConfigError(f"{where}: '{mio}' er ikke et beløb i mio. kr., fx 375.") from exc
    if value < 0 or value != value.to_integral_value():
        raise ConfigError(f"{where}: puljen skal være et ikke-negativt beløb i mio. kr. med "
                          "højst tre decimaler.")
    return int(value)
