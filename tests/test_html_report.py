"""The HTML report: self-contained, Danish, every finding with its picture, in a real browser.

The browser test opens the report of every sample in headless Chromium (Debian's
`chromium`; `.ci/run` installs it). A small script added to a copy of the report
reports, after load, which finding messages are visible, which pictures decoded,
and every request the page's security policy blocked; `--dump-dom` hands that back.
The messages it must find come from the extraction here, not from the page. When
the browser test fails, a screenshot is kept in `test-artifacts/`.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from extractor.api import extract_file
from extractor.cli import main
from extractor.export.html_report import to_html
from extractor.export.snips import wrong_places
from extractor.models import Evidence, ExtractionResult

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "samples").glob("*.pdf"))
ARTIFACTS = ROOT / "test-artifacts"  # git ignores it
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
_EXTERNAL = re.compile(r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']?(?!data:|#)[^"'\s>]""",
                       re.IGNORECASE)
_CSS_URL = re.compile(r"url\(|@import", re.IGNORECASE)

# Added to a copy of the report: what a reader would see, measured by the browser itself.
_PROBE = """<script>
var blocked = [];
document.addEventListener('securitypolicyviolation', function (e) {
  blocked.push(e.blockedURI + ' (' + e.violatedDirective + ')');
});
window.addEventListener('load', function () {
  function visible(el) {
    var r = el.getBoundingClientRect();
    var s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  }
  var findings = [];
  document.querySelectorAll('.finding').forEach(function (f) {
    var imgs = Array.prototype.slice.call(f.querySelectorAll('img'));
    findings.push({
      id: f.id,
      message: f.querySelector('.message').innerText,
      visible: visible(f.querySelector('.message')),
      total: imgs.length,
      pictures: imgs.filter(function (i) {
        return i.complete && i.naturalWidth > 0 && visible(i);
      }).length
    });
  });
  // the severity filter: untick "Fejl", and no error may stay visible
  var box = document.querySelector('#filters input[value=error]');
  box.checked = false;
  box.dispatchEvent(new Event('change'));
  var errorsLeft = Array.prototype.filter.call(
    document.querySelectorAll('.finding.error'), visible).length;
  box.checked = true;
  box.dispatchEvent(new Event('change'));
  var out = document.createElement('pre');
  out.id = 'browser-check';
  var filters = !document.getElementById('filters').hidden;
  out.textContent = JSON.stringify({findings: findings, blocked: blocked,
                                    errorsLeft: errorsLeft, filters: filters});
  document.body.appendChild(out);
});
</script>"""


@pytest.fixture(scope="module")
def result() -> ExtractionResult:
    return ExtractionResult(documents=[extract_file(pdf, str(pdf)) for pdf in PDFS])


@pytest.fixture(scope="module")
def report(result: ExtractionResult) -> str:
    return to_html(result)


def test_report_is_self_contained_danish_and_guarded(report: str) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert '<html lang="da">' in report
    assert "Content-Security-Policy" in report and "default-src 'none'" in report
    assert not _EXTERNAL.findall(report), _EXTERNAL.findall(report)[:5]
    assert not _CSS_URL.search(report)


def test_every_finding_is_in_the_report_errors_first_with_pictures(
        result: ExtractionResult, report: str) -> None:
    articles = re.findall(r'<article class="finding (\w+)" id="([^"]+)".*?</article>',
                          report, re.DOTALL)
    findings = [f for d in result.documents for p in d.proposals for f in p.findings]
    assert len(articles) == len(findings) >= 20
    for finding in findings:
        assert html.escape(finding.message) in report
    blocks = re.findall(r'<article class="finding.*?</article>', report, re.DOTALL)
    for block in blocks:
        assert 'src="data:image/png;base64,' in block, block[:300]
    for proposal_block in re.split(r'<section class="proposal"', report)[1:]:
        severities = re.findall(r'<article class="finding (\w+)"', proposal_block)
        order = ["error", "warning", "info"]
        assert severities == sorted(severities, key=order.index)


def test_flagged_cells_link_to_their_finding(report: str) -> None:
    ids = set(re.findall(r'<article class="finding \w+" id="([^"]+)"', report))
    links = re.findall(r'<td class="[^"]*flag-\w+"[^>]*><a href="#([^"]+)">', report)
    assert links
    assert set(links) <= ids
    # Forløbsprogram's -8.800 (Samlet økonomisk påvirkning 2030) links to its error
    assert re.search(r'flag-error" title="Samlet økonomisk påvirkning 2030[^"]*">'
                     r'<a href="#f\d+-\d+">-8.800</a>', report)


def test_document_text_is_escaped(report: str) -> None:
    assert '=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)' in report
    assert '=HYPERLINK("http://x"' not in report


def test_cli_writes_the_report_for_extract_and_check(tmp_path: Path) -> None:
    pdf = str(ROOT / "samples" / "forloebsprogram.pdf")
    out = tmp_path / "rapport.html"
    assert main(["extract", pdf, "-o", str(out), "-q", "-j", "1"]) == 0
    assert "Forløbsprogram for unge" in out.read_text(encoding="utf-8")
    out.unlink()
    assert main(["check", pdf, "-o", str(out), "-q", "-j", "1"]) == 1
    # 7: the summary's and section 2's one effect discrepancy are one finding
    assert out.read_text(encoding="utf-8").count('<article class="finding') == 7
    out.unlink()
    assert main(["diff", pdf, pdf, "-o", str(out), "-q", "-j", "1"]) == 2  # diff has no report
    assert not out.exists()


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("EXTRACTOR_REQUIRE_BROWSER"):
            pytest.fail("chromium is not installed, and .ci/run requires it")
        pytest.skip("chromium is not installed (.ci/run installs it)")
    return found


def _browse(chromium: str, page: Path, profile: Path, *extra: str) -> str:
    run = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    return run.stdout


def test_report_in_headless_chromium(result: ExtractionResult, report: str,
                                     tmp_path: Path) -> None:
    chromium = _chromium()
    page = tmp_path / "rapport.html"
    page.write_text(report.replace("</body>", f"{_PROBE}</body>"), encoding="utf-8")
    dom = _browse(chromium, page, tmp_path / "profile", "--virtual-time-budget=20000",
                  "--dump-dom")
    try:
        m = re.search(r'<pre id="browser-check">(.*?)</pre>', dom, re.DOTALL)
        assert m, f"the browser gave no result: {dom[:500]!r}"
        seen = json.loads(html.unescape(m.group(1)))
        assert seen["blocked"] == [], "the report tried to load something"
        assert seen["filters"], "the filter script did not run"
        assert seen["errorsLeft"] == 0, "errors still shown with 'Fejl' unticked"
        expected = [f.message for d in result.documents for p in d.proposals
                    for f in p.findings]
        shown = {f["message"]: f for f in seen["findings"]}
        assert sorted(shown) == sorted(set(expected))
        for message in expected:
            assert shown[message]["visible"], message
            pictures = shown[message]["pictures"]
            assert pictures >= 1, f"no picture shown for: {message}"
            assert pictures == shown[message]["total"], f"a picture not shown for: {message}"
    except AssertionError:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / "html-report-failure.png"
        _browse(chromium, page, tmp_path / "profile-shot", "--window-size=1280,8000",
                f"--screenshot={shot}")
        (ARTIFACTS / "html-report-failure.html").write_text(report, encoding="utf-8")
        print(f"screenshot of the failing report: {shot}")
        raise


def test_a_total_row_over_the_years_is_marked_wrong_as_a_whole(report: str) -> None:
    """Samlede implementeringsomkostninger 2026-2031 is the wrong place as a row: its four
    printed cells are marked, the sentence it was compared with is not."""
    row = [Evidence(page=5, bbox=[x, 300.0, x + 20, 310.0], text=t)
           for x, t in ((300.0, "2.725"), (340.0, "11.160"), (380.0, "5.770"))]
    below = Evidence(page=5, bbox=[300.0, 330.0, 320.0, 340.0], text="-8.800")
    sentence = Evidence(page=3, bbox=[60.0, 100.0, 400.0, 110.0], text="For at kunne …")
    assert wrong_places([*row, sentence]) == 3
    assert wrong_places([row[0], below, *row[1:]]) == 1
    assert wrong_places([sentence, *row]) == 1
    assert ("Markeret:</span> '2.725', '11.160', '5.770', '1.315' (side 5); "
            '<span class="key-compared">sammenlignet med:</span> '
            "'For at kunne realisere besparelsen") in report


def test_a_pdf_that_cannot_be_rendered_again_costs_only_its_pictures(
        result: ExtractionResult, tmp_path: Path) -> None:
    """The report renders the PDFs again: one that is gone or damaged by then leaves its
    findings without pictures (and says so), the rest of the report as usual."""
    docs = [d.model_copy() for d in result.documents if d.proposals][:2]
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(Path(docs[0].file).read_bytes()[:2000])
    docs[0] = docs[0].model_copy(update={"file": str(damaged)})
    text = to_html(ExtractionResult(documents=docs))
    sections = text.split('<section class="proposal"')[1:]
    assert len(sections) == len(docs[0].proposals) + len(docs[1].proposals)
    for damaged_proposal in sections[:len(docs[0].proposals)]:
        assert "<img" not in damaged_proposal
    assert "Intet billede" in sections[0]
    assert "<img" in sections[-1]
