from __future__ import annotations

from pathlib import Path

import pytest

from extractor.api import extract_file
from extractor.models import DocumentResult

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output (check them by hand!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def samples() -> dict[str, DocumentResult]:
    """Every sample PDF extracted once per test run, by stem, named by its file name (as
    in the golden files). Shared by many tests: read it, never change it (alter a
    `model_copy(deep=True)`)."""
    return {pdf.stem: extract_file(pdf, pdf.name) for pdf in sorted(SAMPLES.glob("*.pdf"))}


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real result cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
