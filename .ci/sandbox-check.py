#!/usr/bin/env python3
"""The report's "try your own weights" sandbox, in headless Chromium, against `dti rank`.

For each national page given, one Chromium run loads the page in several iframes of a harness:
- one per scenario, opened from a link's fragment (`#weights=…&aggregation=…&normalise=…`): the
  ranks and scores the page computes (`tr[data-code][data-rank]` and the score cell) must equal
  what `dti rank --format json` gives with the same options, for every unit;
- one that a reader works: a control is moved, a select changed, reset clicked; after each step
  the fragment must say the new state and the table must equal `dti rank` with those options;
- finding a unit by its name without diacritics shows it; sorting by name sorts; the table is
  read page by page (100 rows a page);
- the shared cases of Tests/DTIReportTests/Fixtures/sandbox-cases.json (ties, a constant column,
  one value, missing values, zero points, tiny weights), run by the page's own `DTISandbox`: the
  keys and ranks dti's Scenario gives, as SandboxScriptTests checks them under node;
- the time one recompute takes (set a control, dispatch its event, force layout), printed as a
  figure (median and worst of 20), not asserted: CI machines' timings vary (see
  Documentation/Performance.md for the target, 50 ms for 3,321 communes).

Usage: sandbox-check.py DTI DATABASE PAGE YEAR [RANK OPTIONS…]
  e.g. sandbox-check.py .build/debug/dti /tmp/h.sqlite Reports/vi/national.html 2024
       sandbox-check.py .build/debug/dti /tmp/c.sqlite /tmp/report/national.html 2025 --units communes
"""
import html as htmlcodec
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from headless import chromium

CHECK = "sandbox check"

# The cases SandboxScriptTests runs under node, with the answers of dti's Scenario.
CASES = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "DTIReportTests", "Fixtures",
                                    "sandbox-cases.json"), encoding="utf-8"))

# Fragment → `dti rank` options. Every scenario uses main indicators that the 2022–2024
# frameworks and the illustrative commune framework all have.
SCENARIOS = [
    ("weights=government_activity:400,awareness:50", ["--weights", "government_activity=400,awareness=50"]),
    ("aggregation=geometric", ["--aggregation", "geometric"]),
    ("normalise=minmax", ["--normalise", "minmax"]),
    ("normalise=zscore", ["--normalise", "zscore"]),
    ("normalise=rank", ["--normalise", "rank"]),
    ("weights=government_activity:0,economy_activity:300&aggregation=geometric&normalise=rank",
     ["--weights", "government_activity=0,economy_activity=300", "--aggregation", "geometric", "--normalise", "rank"]),
]

# Links with parts the page cannot use: (fragment, the `dti rank` options of the usable rest, a
# text the status line must show). The part is named, the rest kept, no script error.
BAD_LINKS = [
    ("weights=government_activity:400,awarenes:50", ["--weights", "government_activity=400"], "awarenes:50"),
    ("weights=government_activity:-5", [], "government_activity:-5"),
    ("weights=government_activity:400&aggregation=geometrc", ["--weights", "government_activity=400"], "aggregation=geometrc"),
    ("weights=government_activity:%E0%A4%A&normalise=rank", ["--normalise", "rank"], "weights=government_activity:%E0%A4%A"),
    ("weights=government_activity:0x10", [], "government_activity:0x10"),
]


def tiny_total_link(source):
    """Points that add up to 1e-320, too small to divide by: every element of the page at 0 but one."""
    data = json.loads(htmlcodec.unescape(re.search(r'id="sandbox-data"[^>]*>(.*?)</script>', source, re.S).group(1)))
    ids = [element["id"] for element in data["elements"]]
    return ("weights=" + ",".join(f"{id}:{'1e-320' if index == 0 else '0'}" for index, id in enumerate(ids)), [], "1e-320")

# The reader's steps: (what to do, the fragment expected after it, its `dti rank` options).
STEPS = [
    ("open", "", []),
    ("input government_activity 400", "#weights=government_activity:400", ["--weights", "government_activity=400"]),
    ("change normalise rank", "#weights=government_activity:400&normalise=rank",
     ["--weights", "government_activity=400", "--normalise", "rank"]),
    ("change aggregation geometric", "#weights=government_activity:400&aggregation=geometric&normalise=rank",
     ["--weights", "government_activity=400", "--aggregation", "geometric", "--normalise", "rank"]),
    ("reset", "", []),
    # Vietnamese number habits in a field: a decimal comma, dots between thousands.
    ("input government_activity 250,5", "#weights=government_activity:250.5", ["--weights", "government_activity=250.5"]),
    ("input government_activity 1.000.000", "#weights=government_activity:1000000", ["--weights", "government_activity=1000000"]),
    ("reset", "", []),
]

# Steps the page must refuse visibly: (what to do, a text the status line must show); the table
# then keeps the official points for that indicator.
REFUSED_STEPS = [("input government_activity 1.000", "1.000"), ("input government_activity 0x10", "0x10")]

HARNESS = """<!DOCTYPE html><html><body>FRAMES<script>
var frames=Array.from(document.querySelectorAll('iframe')),loaded=0;
function shown(R){return Array.from(R.querySelectorAll('tbody tr[data-code]')).map(function(tr){
  return [tr.dataset.code,+tr.dataset.rank,tr.cells[2].textContent,tr.querySelector('th').textContent]})}
// Every row, page by page (100 rows a page), back on the first page afterwards.
function rows(d){var R=d.getElementById('sandbox'),prev=R.querySelector('.sandbox-pager [data-step="-1"]'),next=R.querySelector('.sandbox-pager [data-step="1"]'),out=[],guard=0;
  while(!prev.disabled&&guard++<1000)prev.click();
  for(;;){out=out.concat(shown(R));if(next.disabled||guard++>1000)break;next.click()}
  while(!prev.disabled&&guard++<2000)prev.click();return out}
var finished=false;
function done(){if(finished||++loaded<frames.length)return;finish()}
function finish(){if(finished)return;finished=true;var out={scenarios:[],steps:[],refused:[],times:[],errors:[]};try{run(out)}catch(e){out.errors.push('harness: '+e.message)}write(out)}
function run(out){
frames.forEach(function(f){out.errors=out.errors.concat(f.contentWindow.__errors||[])});
frames.slice(0,-1).forEach(function(f){var d=f.contentWindow.document;out.scenarios.push({hash:f.contentWindow.location.hash,rows:rows(d),
  status:d.querySelector('#sandbox .sandbox-status').textContent})});
var w=frames[frames.length-1].contentWindow,d=w.document,R=d.getElementById('sandbox');
if(!R){out.errors.push('no #sandbox section');return}
out.cases=w.DTISandbox?w.DTISandbox.answer(CASES):null;
var F=R.querySelector('form');
function fire(el,type){el.dispatchEvent(new w.Event(type,{bubbles:true}))}
STEPS.forEach(function(step){var p=step.split(' ');
  if(p[0]==='input'){F.elements[p[1]].value=p[2];fire(F.elements[p[1]],'input')}
  else if(p[0]==='change'){F.elements[p[1]].value=p[2];fire(F.elements[p[1]],'change')}
  else if(p[0]==='reset'){R.querySelector('.sandbox-reset').click()}
  out.steps.push({step:step,hash:w.location.hash,rows:rows(d),link:R.querySelector('a.sandbox-link').getAttribute('href'),
    status:R.querySelector('.sandbox-status').textContent})});
REFUSED.forEach(function(step){var p=step.split(' ');F.elements[p[1]].value=p[2];fire(F.elements[p[1]],'input');
  out.refused.push({step:step,hash:w.location.hash,rows:rows(d),status:R.querySelector('.sandbox-status').textContent})});
R.querySelector('.sandbox-reset').click();
// Find a unit by its name without diacritics; sort by name; back to rank order.
var all=rows(d),target=all[Math.min(4,all.length-1)],Q=R.querySelector('input.sandbox-find');
Q.value=target[3].normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/[\u0111\u0110]/g,'d').toLowerCase();fire(Q,'input');
var found=shown(R);if(!found.some(function(r){return r[0]===target[0]}))out.errors.push('finding "'+Q.value+'" does not show '+target[0]);
if(found.length>=all.length)out.errors.push('finding "'+Q.value+'" shows every unit');
Q.value='';fire(Q,'input');var heads=R.querySelectorAll('thead th');heads[1].click();
var names=shown(R).map(function(r){return r[3]}),collator=new Intl.Collator(d.documentElement.lang);
if(names.some(function(x,i){return i>0&&collator.compare(names[i-1],x)>0}))out.errors.push('sorting by name does not sort by name');
heads[0].click();if(JSON.stringify(rows(d))!==JSON.stringify(all))out.errors.push('sorting by rank again does not give the table back');
var control=F.elements.government_activity,body=R.querySelector('tbody');
for(var i=0;i<20;i++){var t0=w.performance.now();control.value=String(150+i*10);fire(control,'input');void body.offsetHeight;
  out.times.push(w.performance.now()-t0)}}
function write(out){var p=document.createElement('pre');p.id='dti-check';p.textContent=JSON.stringify(out);document.body.appendChild(p)}
frames.forEach(function(f){f.addEventListener('load',done)});
// A frame that loaded before this script ran sent its load event to no one, and the count would
// never be reached: the window's own load comes after every frame's, so it finishes then.
addEventListener('load',finish);
</script></body></html>"""

PROBE_HEAD = "<script>window.__errors=[];addEventListener('error',function(e){__errors.push(String(e.message))});</script>"



def key(value):
    """The published-precision key (units of 0.0001, half away from zero), as dti and the page rank by."""
    scaled = abs(value) * 10000
    whole = int(scaled)
    rounded = whole + 1 if scaled - whole >= 0.5 else whole
    return -rounded if value < 0 else rounded


def cell_key(text):
    """`0,8312`, `0.8312` or `-0,1234` as its key; the text itself when it is no number (`NaN`)."""
    try:
        return int(text.replace(",", "").replace(".", "").replace("\u2212", "-"))
    except ValueError:
        return text


def dti_rank(dti, database, year, options, extra):
    command = [dti, "rank", "--db", database, "--year", year, "--format", "json", *extra, *options]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "LANG": "C"})
    if result.returncode != 0:
        sys.exit(f"sandbox check: {' '.join(command)} failed: {result.stderr.strip()}")
    document = json.loads(result.stdout)
    index = document["rankedBy"]
    return {row["code"]: (row["rank"], key(row[index])) for row in document["rows"] if row.get("rank") is not None}


def compare(label, page_rows, expected, failures):
    got = {code: (rank, cell_key(score)) for code, rank, score, _ in page_rows}
    if len(page_rows) != len(got):
        failures.append(f"{label}: a unit appears twice in the table")
    if set(got) != set(expected):
        failures.append(f"{label}: the table has {len(got)} units, dti rank {len(expected)}; "
                        f"only on the page: {sorted(set(got) - set(expected))[:5]}, only in dti: {sorted(set(expected) - set(got))[:5]}")
        return
    wrong = [(code, got[code], expected[code]) for code in sorted(expected) if got[code] != expected[code]]
    if wrong:
        failures.append(f"{label}: {len(wrong)} units differ from dti rank, e.g. (code, (rank, score key) page, dti): {wrong[:3]}")
    ranks = [rank for _, rank, _, _ in page_rows]
    if ranks != sorted(ranks):
        failures.append(f"{label}: the table is not in rank order")


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    dti, database, page, year, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
    browser = chromium(CHECK)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        # The page, with an error probe, next to its own files (profiles, charts) in a copy.
        folder = os.path.join(work, "report")
        shutil.copytree(os.path.dirname(os.path.abspath(page)), folder)
        name = os.path.basename(page)
        source = open(page, encoding="utf-8").read()
        BAD_LINKS.append(tiny_total_link(source))
        with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
            handle.write(source.replace("<head>", "<head>" + PROBE_HEAD, 1))
        frames = "".join(f'<iframe src="{name}#{htmlcodec.escape(fragment)}" style="width:1280px;height:600px"></iframe>'
                         for fragment, _ in SCENARIOS + [(link, options) for link, options, _ in BAD_LINKS])
        frames += f'<iframe src="{name}" style="width:1280px;height:600px"></iframe>'
        harness = HARNESS.replace("FRAMES", frames).replace("STEPS", json.dumps([step for step, _, _ in STEPS])).replace(
            "REFUSED.", json.dumps([step for step, _ in REFUSED_STEPS]) + ".")
        # Last: the cases' names are free text.
        harness = harness.replace("answer(CASES)", "answer(" + json.dumps(CASES) + ")")
        harness_path = os.path.join(folder, "sandbox-harness.html")
        with open(harness_path, "w", encoding="utf-8") as handle:
            handle.write(harness)
        # No virtual time: it would stop performance.now() while the page computes. Headless
        # Chromium now and then dumps a page before its frames have loaded: try again then.
        for _ in range(3):
            result = subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--window-size=1400,1000",
                 "--dump-dom", "file://" + harness_path], capture_output=True, text=True, timeout=300)
            match = re.search(r'<pre id="dti-check">(.*?)</pre>', result.stdout, re.S)
            if match:
                break
        if not match:
            sys.exit(f"sandbox check FAILED: {page} did not finish loading ({result.stderr.strip()[:300]})")
        check = json.loads(htmlcodec.unescape(match.group(1)))

    if check["errors"]:
        failures.append(f"script errors: {check['errors']}")
    if check.get("cases") is None:
        failures.append("the page has no DTISandbox to answer the shared cases")
    else:
        for case, answer in zip(CASES["cases"], check["cases"]):
            expected = {key: value for key, value in case["expected"].items() if value is not None}
            if {key: value for key, value in answer.items() if value is not None} != expected:
                failures.append(f"shared case '{case['name']}': the page gives {answer}, dti {expected}")
    for (fragment, options), opened in zip(SCENARIOS, check["scenarios"]):
        compare(f"#{fragment}", opened["rows"], dti_rank(dti, database, year, options, extra), failures)
        if opened["hash"] != "#" + fragment:
            failures.append(f"#{fragment}: the page rewrote its fragment to '{opened['hash']}'")
        if opened["status"]:
            failures.append(f"#{fragment}: the status line says '{opened['status']}'")
    official = dti_rank(dti, database, year, [], extra)
    for (fragment, options, said), opened in zip(BAD_LINKS, check["scenarios"][len(SCENARIOS):]):
        compare(f"#{fragment} (a part it cannot use)", opened["rows"], dti_rank(dti, database, year, options, extra) if options else official,
                failures)
        if said not in opened["status"]:
            failures.append(f"#{fragment}: the status line does not name '{said}': '{opened['status']}'")
    for (step, said), seen in zip(REFUSED_STEPS, check["refused"]):
        compare(f"after '{step}' (refused)", seen["rows"], official, failures)
        if said not in seen["status"]:
            failures.append(f"after '{step}': the status line does not name '{said}': '{seen['status']}'")
    for (step, fragment, options), seen in zip(STEPS, check["steps"]):
        compare(f"after '{step}'", seen["rows"], dti_rank(dti, database, year, options, extra), failures)
        if seen["hash"] != fragment:
            failures.append(f"after '{step}': the fragment is '{seen['hash']}', expected '{fragment}'")
        if seen["link"] != (fragment or "#"):
            failures.append(f"after '{step}': the link is '{seen['link']}', expected '{fragment or '#'}'")
    times = sorted(check["times"])
    units = len(check["steps"][0]["rows"]) if check["steps"] else 0
    print(f"{page}: {len(CASES['cases'])} shared cases, {len(SCENARIOS)} linked scenarios, {len(BAD_LINKS)} links with parts it cannot use, {len(REFUSED_STEPS)} refused inputs and {len(STEPS) - 1} reader's steps against dti rank, {units} units; "
          f"one recompute (score, rank, table, layout): median {times[len(times) // 2]:.1f} ms, worst {times[-1]:.1f} ms")
    if failures:
        print("sandbox check FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("sandbox check passed")


if __name__ == "__main__":
    main()
