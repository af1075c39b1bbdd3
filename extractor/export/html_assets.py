"""The HTML report's fixed parts: its style sheet, its filter script and its security policy.

Everything is inline, so the report is one file that can be mailed and opened offline;
the Content-Security-Policy forbids the browser to fetch anything at all (only inline
style and script and `data:` pictures are allowed), so a report never calls out, even
if a document's text held a URL.
"""

from __future__ import annotations

CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
       "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'")

STYLE = """
:root { --error: #b42318; --warning: #b54708; --info: #475467; --line: #d0d5dd; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1rem 1.5rem 4rem; color: #101828; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-top: 3px solid #101828; padding-top: .8rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.meta, .muted { color: #475467; font-size: .9rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; }
th { background: #f2f4f7; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; }
.overview { width: 100%; }
.overview td:first-child { overflow-wrap: anywhere; }
.sev { display: inline-block; min-width: 5.5rem; padding: 0 .4rem; border-radius: 3px;
       color: #fff; font-size: .8rem; font-weight: 600; text-align: center; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); }
.sev-info { background: var(--info); }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 4px;
           padding: .6rem .8rem; margin: .7rem 0; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding:target { outline: 3px solid #2e90fa; }
.finding .message { font-weight: 600; margin: .3rem 0; }
.finding .where, .finding .evidence { font-size: .85rem; color: #344054; margin: .2rem 0; }
.finding code { font-size: .8rem; color: #475467; }
figure { margin: .5rem 0 0; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); display: block; }
figcaption { font-size: .8rem; color: #475467; }
.key-wrong { color: #d62728; font-weight: 600; } .key-compared { color: #1f77b4; font-weight: 600; }
td.flag-error { background: #fee4e2; } td.flag-warning { background: #fef0c7; }
td.flag-info { background: #eaecf0; }
td a { color: inherit; }
#filters { position: sticky; top: 0; background: #fff; padding: .5rem 0; z-index: 1;
           border-bottom: 1px solid var(--line); display: flex; gap: 1rem; flex-wrap: wrap;
           align-items: center; }
#filters input[type=search] { min-width: 18rem; padding: .25rem .4rem; }
.doc-error { color: var(--error); font-weight: 600; }
@media print { #filters { display: none; } .finding { break-inside: avoid; } }
"""

# Without the script every finding shows; with it, the severity boxes and the search
# field hide the findings that do not match (the text of a finding and its location).
SCRIPT = """
(function () {
  var bar = document.getElementById('filters');
  if (!bar) return;
  bar.hidden = false;
  var boxes = bar.querySelectorAll('input[type=checkbox]');
  var search = document.getElementById('search');
  var count = document.getElementById('shown');
  var findings = document.querySelectorAll('.finding');
  function apply() {
    var wanted = {};
    boxes.forEach(function (b) { wanted[b.value] = b.checked; });
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    findings.forEach(function (f) {
      var text = f.textContent.toLowerCase();
      var ok = wanted[f.dataset.severity] && words.every(function (w) {
        return text.indexOf(w) >= 0;
      });
      f.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = 'Viser ' + shown + ' af ' + findings.length + ' fund';
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  apply();
})();
"""
