#!/usr/bin/env python3
"""Opens every province's commune report (`dti report --units communes --parent P`, 34 of them) in
headless Chromium at 390 and 1280 px, as a commune officer would, and fails on:
- a page without its map, or a map that draws fewer of the province's communes than it has;
- a map wider than its box (or than the viewport);
- map text rendered below 11 px at 390 px.
Saves screenshots of the maps of Hà Nội, Hồ Chí Minh City, Đà Nẵng, Khánh Hòa, Lào Cai and An Giang
(and of a Hồ Chí Minh City ward's profile) at 390 and 1280 px, to be looked at.

Usage: commune-maps-check.py DTI DATABASE YEAR WORK_DIR SCREENSHOT_DIR
(DATABASE holds values for the communes, e.g. from Benchmarks/scale/generate.py.)
"""
import csv
import html as htmlcodec
import json
import os
import re
import subprocess
import sys

from headless import chromium

CHECK = "commune maps check"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_MAP_TEXT = 11
SHOWN = {"01": "ha-noi", "79": "ho-chi-minh", "48": "da-nang", "56": "khanh-hoa", "15": "lao-cai", "91": "an-giang"}

# A harness page holds provinces' pages twice (390 and 1280 px wide); once all have loaded it
# measures each map and writes the figures into the page, which --dump-dom returns.
HARNESS = """<!DOCTYPE html><html><body style="margin:0">FRAMES
<script>
function measure(f){var d=f.contentDocument,w=f.contentWindow,svg=d.querySelector('svg.map:not(.locator)');
  if(!svg)return {page:f.dataset.page,width:f.dataset.width,hasMap:false};
  var box=svg.parentElement,r=svg.getBoundingClientRect();
  var codes={};svg.querySelectorAll('path[data-code]:not(.arch)').forEach(function(p){var b=p.getBBox();if(b.width>0||b.height>0)codes[p.dataset.code]=1});
  var smallest={size:99,text:''};svg.querySelectorAll('text').forEach(function(t){if(!t.textContent.trim()||t.getBBox().width==0)return;
    var m=t.getScreenCTM(),s=parseFloat(w.getComputedStyle(t).fontSize)*(m?Math.sqrt(m.a*m.a+m.b*m.b):1);
    if(s<smallest.size)smallest={size:Math.round(s*10)/10,text:t.textContent.trim().slice(0,30)}});
  return {page:f.dataset.page,width:+f.dataset.width,hasMap:true,drawn:Object.keys(codes).length,svgWidth:Math.round(r.width),
    boxWidth:box.clientWidth,right:Math.round(r.right),viewport:w.innerWidth,smallest:smallest}}
// The window's load waits for every frame's: a frame's own load event may fire before this
// script runs (a race that once left a batch unmeasured), the window's cannot.
addEventListener('load',function(){var frames=Array.from(document.querySelectorAll('iframe'));
  var p=document.createElement('pre');p.id='dti-check';p.textContent=JSON.stringify(frames.map(measure));document.body.appendChild(p)});
</script></body></html>"""

# A screenshot of one page scrolled to its map, in a frame of the reader's width (headless
# Chromium will not make a window narrower than 500 px, so a 390 px reader is a frame).
SHOT = """<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="PAGE" style="width:WIDTHpx;height:HEIGHTpx;border:0"></iframe>
<script>addEventListener('load',function(){var f=document.getElementById('f'),d=f.contentDocument,
  m=d.querySelector('svg.map');if(m)f.contentWindow.scrollTo(0,m.getBoundingClientRect().top-60)});</script></body></html>"""


def measure(results, counts, failures):
    """Checks each frame's figures: a map, every commune drawn, no wider than its box, text size."""
    for m in results:
        where = f"{m['page']} at {m['width']} px"
        expected = counts[m["page"]]
        if not m["hasMap"]:
            failures.append(f"{where}: no map")
            continue
        if m["drawn"] < expected:
            failures.append(f"{where}: the map draws {m['drawn']} of the {expected} communes")
        if m["svgWidth"] > m["boxWidth"] + 1 or m["right"] > m["viewport"] + 1:
            failures.append(f"{where}: the map is {m['svgWidth']} px wide in a box of {m['boxWidth']} (viewport {m['viewport']})")
        if m["width"] == 390 and m["smallest"]["size"] < MIN_MAP_TEXT:
            failures.append(f"{where}: map text renders at {m['smallest']['size']} px ('{m['smallest']['text']}'), below {MIN_MAP_TEXT}")
        if m["width"] == 390:
            print(f"{m['page']}: {m['drawn']}/{expected} drawn, {m['svgWidth']} px in {m['boxWidth']}, smallest text {m['smallest']['size']} px")


def browser_run(browser, args):
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=300)


def main():
    dti, database, year, work, shots = sys.argv[1:6]
    os.makedirs(shots, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    browser = chromium(CHECK)
    with open(os.path.join(ROOT, "Indicators", "units", "communes-3321.csv"), encoding="utf-8") as f:
        rows = [row for row in csv.reader(line for line in f if not line.startswith("#"))]
    header = rows[0]
    parent = header.index("parent") if "parent" in header else len(header) - 1
    counts = {}
    for row in rows[1:]:
        counts[row[parent]] = counts.get(row[parent], 0) + 1
    if len(counts) != 34 or sum(counts.values()) != 3321:
        sys.exit(f"{CHECK}: expected 34 provinces and 3,321 communes, read {len(counts)} and {sum(counts.values())}")

    failures = []
    frames = []
    for code in sorted(counts):
        out = os.path.join(work, code)
        result = subprocess.run([dti, "report", "--db", database, "--units", "communes", "--parent", code, "--year", year,
                                 "--format", "html", "--out", out], capture_output=True, text=True)
        if result.returncode != 0:
            failures.append(f"{code}: dti report failed: {result.stderr.strip()[:300]}")
            continue
        for width in (390, 1280):
            frames.append(f'<iframe data-page="{code}" data-width="{width}" src="{code}/national.html" '
                          f'style="width:{width}px;height:900px;border:0"></iframe>')
    # The pages are measured a few provinces at a time (a harness of 68 frames did not always
    # finish loading on a loaded machine), each batch tried twice before it counts as a failure.
    batch = 12
    for start in range(0, len(frames), batch):
        harness = os.path.join(work, f"harness-{start // batch}.html")
        with open(harness, "w", encoding="utf-8") as f:
            f.write(HARNESS.replace("FRAMES", "\n".join(frames[start:start + batch])))
        match = None
        for _ in range(2):
            result = browser_run(browser, ["--window-size=1800,1000", "--virtual-time-budget=30000", "--dump-dom", "file://" + harness])
            match = re.search(r'<pre id="dti-check">(.*?)</pre>', result.stdout, re.S)
            if match:
                break
        if not match:
            failures.append(f"pages {start // 2 + 1}–{min(len(frames), start + batch) // 2} did not finish loading ({result.stderr.strip()[-300:]})")
            continue
        measure(json.loads(htmlcodec.unescape(match.group(1))), counts, failures)

    # Screenshots, to be looked at: the named provinces' maps, and a ward's profile in the city.
    ward = next((name for name in sorted(os.listdir(os.path.join(work, "79"))) if name.startswith("profile-")), None)
    pages = [(code, f"{code}/national.html", name) for code, name in SHOWN.items()]
    if ward:
        pages.append(("79", f"79/{ward}", "ho-chi-minh-" + ward[:-5]))
    for code, page, name in pages:
        for width, height in ((390, 1100), (1280, 1000)):
            shot_page = os.path.join(work, f"shot-{name}-{width}.html")
            with open(shot_page, "w", encoding="utf-8") as f:
                f.write(SHOT.replace("PAGE", page).replace("WIDTH", str(width)).replace("HEIGHT", str(height)))
            shot = os.path.abspath(os.path.join(shots, f"{name}-{width}.png"))
            browser_run(browser, [f"--window-size={max(width, 500)},{height}", "--virtual-time-budget=5000", f"--screenshot={shot}",
                                  "file://" + shot_page])
            if not os.path.exists(shot):
                failures.append(f"{page}: no screenshot at {width} px")
    if failures:
        print(f"{CHECK} FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"{CHECK} passed: {len(counts)} provinces at 390 and 1280 px; screenshots in {shots}")


if __name__ == "__main__":
    main()
