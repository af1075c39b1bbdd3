"""Start-up stays cheap; cached runs start no worker; the reader reaches the cache key.

`extractor --version` and `--help` (of every command) load no PDF library, no
openpyxl and no pydantic; the same `extract` run again loads none of them either.
(Their speed is measured in benchmarks/bench_startup.py, not here.)
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.run import batch

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "skoler_budget2027.pdf"
DATA = Path(__file__).resolve().parent / "data"
HEAVY = ("pdfplumber", "pdfminer", "pypdfium2", "openpyxl", "pydantic", "regex", "docx", "lxml",
         "extractor.api", "extractor.models")


def _heavy_loaded(argv: list[str]) -> set[str]:
    """The heavy modules a fresh interpreter has loaded after `python -m extractor argv`
    (run with runpy as -m does, then sys.modules printed; exit status as the CLI's)."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['extractor', *{argv!r}]\n"
        "try:\n"
        "    runpy.run_module('extractor', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "print(repr(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert "extractor.cli" in loaded  # the CLI did run: an empty answer means something
    return {name for name in HEAVY if name in loaded or any(
        m.startswith(name + ".") for m in loaded)}


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["extract", "--help"],
                                  ["check", "--help"], ["diff", "--help"],
                                  ["rules", "--help"]])
def test_version_and_help_load_nothing_heavy(argv: list[str]) -> None:
    assert _heavy_loaded(argv) == set()


def test_the_probe_sees_heavy_modules_when_they_load() -> None:
    """The check above can fail: a real extraction imports the pipeline and pydantic."""
    assert {"pydantic", "extractor.api", "extractor.models"} <= _heavy_loaded(
        ["extract", "--no-cache", "-q", str(DATA / "seed_three_proposals.txt")])


def test_the_same_run_again_writes_the_kept_json_without_models(tmp_path: Path) -> None:
    """The second run is served from the cache without building a model (no pydantic),
    and writes byte for byte what the first run wrote through the models; a damaged
    kept run is not used."""
    folder = tmp_path / "in"
    folder.mkdir()
    for source in (SAMPLE, DATA / "seed_three_proposals.txt",
                   DATA / "bad_inputs" / "krypteret.pdf"):
        (folder / source.name).write_bytes(source.read_bytes())
    args = ["extract", str(folder), "-q", "--cache-dir", str(tmp_path / "cache"), "-o"]
    assert main([*args, str(tmp_path / "first.json")]) == 3  # krypteret.pdf: unreadable
    assert _heavy_loaded([*args, str(tmp_path / "second.json")]) == set()
    first = (tmp_path / "first.json").read_bytes()
    assert (tmp_path / "second.json").read_bytes() == first
    documents = json.loads(first)["documents"]
    assert [d["status"] for d in documents] == ["error", "ok", "ok"]
    assert all(d["proposals"] for d in documents[1:])
    kept = list((tmp_path / "cache").rglob("runs/*.json"))
    assert len(kept) == 1
    kept[0].write_bytes(kept[0].read_bytes()[:-100] + b" " * 100)  # damaged: not used
    assert main([*args, str(tmp_path / "third.json")]) == 3
    assert (tmp_path / "third.json").read_bytes() == first


def test_a_kept_run_reports_like_the_first(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The unreadable file is named on stderr and the summary line counts the same,
    whether the run was read or kept."""
    folder = tmp_path / "in"
    folder.mkdir()
    for source in (DATA / "seed_three_proposals.txt", DATA / "bad_inputs" / "krypteret.pdf"):
        (folder / source.name).write_bytes(source.read_bytes())
    args = ["extract", str(folder), "--cache-dir", str(tmp_path / "cache"), "-o",
            str(tmp_path / "out.json")]
    assert main(args) == 3
    first = capsys.readouterr().err
    assert main(args) == 3
    assert capsys.readouterr().err == first
    assert "krypteret.pdf" in first and "(3 forslag, 1 fejl)" in first


def test_a_run_of_cached_results_starts_no_worker(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run over the same files takes every result from the cache and starts no
    worker process; the output is the same."""
    files = [tmp_path / "a.pdf", tmp_path / "b.txt"]
    files[0].write_bytes(SAMPLE.read_bytes())
    files[1].write_bytes((DATA / "seed_three_proposals.txt").read_bytes())
    args = ["-q", "--cache-dir", str(tmp_path / "cache"), "-o"]
    assert main(["extract", *map(str, files), *args, str(tmp_path / "first.json")]) == 0

    def no_pool(*_: object, **__: object) -> None:
        raise AssertionError("a worker started although every result was cached")

    monkeypatch.setattr(batch, "_Pool", no_pool)
    assert main(["extract", *map(str, files), *args, str(tmp_path / "second.json")]) == 0
    first = json.loads((tmp_path / "first.json").read_bytes())["documents"]
    second = json.loads((tmp_path / "second.json").read_bytes())["documents"]
    assert second == first and all(d["proposals"] for d in first)


def test_the_reader_is_part_of_the_cache_key(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    outputs = []
    for reader in ("pdfium", "pdfplumber"):
        out = tmp_path / f"{reader}.json"
        assert main(["extract", str(SAMPLE), "-q", "--reader", reader, "--cache-dir",
                     str(cache), "-o", str(out)]) == 0
        outputs.append(out.read_bytes())
    assert len([d for d in cache.iterdir() if d.is_dir()]) == 2  # one key per reader
    assert outputs[0] == outputs[1]  # and the readers agree
