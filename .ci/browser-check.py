#!/usr/bin/env python3
"""Loads report pages in headless Chromium, as a reader would, and fails on:
- a script error on the page,
- a page wider than the viewport at 390 px (a phone),
- a ranking table without one row per unit;
- a national map with fewer filled units than the unit set, or without either archipelago's label
  (in the page's language) when the page has a map;
- on a Vietnamese page (html lang="vi"), any of the English words the labels used to contain;
- a table wider than its box at 1280 px (cut at the right, or scrolled inside its box), or at
  390 px on a profile or comparison (a column such as the DTI out of sight);
- a chart wider than its box at 390 px on a profile or comparison (its end scrolled out of
  sight), or chart text cut off at its chart's edge at 390 or 1280 px;
- a table column of nothing but dashes or blanks; a list cut short with "; …";
- chart or map text rendered below 11 px at 390 px (an SVG scaled down to fit a phone).
Saves screenshots at 390 and 1280 px into the given folder.

- a comparison page (compare.html) that does not name every unit asked for (`--asked=A,B,…`): a
  former province asked for must be said to be part of the unit shown.

Usage: browser-check.py REPORT_DIR SCREENSHOT_DIR UNITS [--asked=NAMES] PAGE...
"""
import html as htmlcodec
import json
import os
import re
import subprocess
import sys
import tempfile

from headless import chromium

CHECK = "browser check"

PROBE_HEAD = "<script>window.__errors=[];addEventListener('error',function(e){__errors.push(String(e.message))});</script>"
# Headless Chromium will not make a window narrower than 500 px, so the page is measured inside a
# 390 px iframe of a harness page, which reads the page's errors and width once the harness has
# loaded (its load waits for both frames'; a frame's own load event could fire before the script).
HARNESS = """<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="PAGE" style="width:390px;height:900px;border:0"></iframe>
<iframe id="w" src="PAGE" style="width:1280px;height:900px;border:0"></iframe>
<script>
function fontSizes(d){return Array.from(d.querySelectorAll('svg text')).filter(function(t){var b=t.getBBox();return b.width>0&&t.textContent.trim()}).map(function(t){
  var m=t.getScreenCTM();return {size:parseFloat(d.defaultView.getComputedStyle(t).fontSize)*(m?Math.sqrt(m.a*m.a+m.b*m.b):1),text:t.textContent.trim().slice(0,30)}})}
function wideTables(d){return Array.from(d.querySelectorAll('table')).map(function(t){var box=t.closest('.scroll')||t.parentElement;
  return {width:Math.round(t.getBoundingClientRect().width),box:box.clientWidth,head:(t.querySelector('th')||{textContent:''}).textContent.slice(0,30)}}).filter(function(t){return t.width>t.box+1})}
function clippedText(d){return Array.from(d.querySelectorAll('svg')).flatMap(function(svg){var box=svg.getBoundingClientRect();
  return Array.from(svg.querySelectorAll('text')).filter(function(t){if(!t.textContent.trim())return false;var r=t.getBoundingClientRect();
    return r.width>0&&(r.left<box.left-1||r.right>box.right+1||r.top<box.top-1||r.bottom>box.bottom+1)}).map(function(t){return t.textContent.trim().slice(0,30)})})}
function wideCharts(d){return Array.from(d.querySelectorAll('figure>svg.chart')).filter(function(svg){return svg.getBoundingClientRect().width>svg.parentElement.clientWidth+1})
  .map(function(svg){return svg.getAttribute('class')+' ('+Math.round(svg.getBoundingClientRect().width)+' px in '+svg.parentElement.clientWidth+')'})}
function dashColumns(d){var out=[];Array.from(d.querySelectorAll('table')).forEach(function(t){var rows=Array.from(t.querySelectorAll('tbody tr'));if(rows.length<2)return;
  var n=Math.max.apply(null,rows.map(function(r){return r.cells.length}));for(var c=1;c<n;c++){if(rows.every(function(r){var x=r.cells[c];return x&&/^[\s\u2013\u2014\u00b7-]*$/.test(x.textContent)}))
  out.push(((t.querySelectorAll('thead th')[c]||{textContent:'column '+c}).textContent.trim()).slice(0,30))}});return out}
function done(){var f=document.getElementById('f'),w=f.contentWindow,d=w.document,W=document.getElementById('w').contentWindow.document;
var sizes=fontSizes(d);var smallest=sizes.reduce(function(a,b){return b.size<a.size?b:a},{size:99,text:''});
var p=document.createElement('pre');p.id='dti-check';p.textContent=JSON.stringify({errors:w.__errors,
scrollWidth:d.documentElement.scrollWidth,innerWidth:w.innerWidth,
rankingRows:(d.querySelector('table.sortable tbody')||{rows:[]}).rows.length,
lang:d.documentElement.lang,hasMap:!!d.querySelector('svg.map'),
mapFilled:Array.from(d.querySelectorAll('svg.map:not(.locator) path[data-code]:not(.arch)')).filter(function(p){return p.getAttribute('fill')!=='#f2f2f2'}).map(function(p){return p.dataset.code}),
archipelagoLabels:Array.from(d.querySelectorAll('svg.map text[data-archipelago]')).map(function(t){return t.textContent.replace(/\\s+/g,' ').trim()}),
smallestText390:Math.round(smallest.size*10)/10,smallestTextAt390:smallest.text,wideTables1280:wideTables(W),
wideTables390:wideTables(d),wideCharts390:wideCharts(d),clippedText390:clippedText(d),clippedText1280:clippedText(W),dashColumns:dashColumns(d),
text:d.body.innerText+' '+Array.from(d.querySelectorAll('svg text')).map(function(t){return t.textContent}).join(' ')});document.body.appendChild(p);}
addEventListener('load',done);</script>
</body></html>"""


# Words that English labels, notes and flags used to put on Vietnamese pages; none may return.
ENGLISH_ON_VI = ["top 10", "Tile map", "Map boundaries", "missing:", "no value", "counted as", "no data", "PROVISIONAL",
                 "Decision", "does not publish", "Islands", "Rank", "Province", "Flags", "Points left", "Why it moved",
                 "Generated", "Back to the index", "Location", "SAMPLE DATA", "mean of the main indicators"]
# The smallest chart or map text a phone reader should be given, in CSS pixels as rendered at 390 px.
MIN_CHART_TEXT = 11
ARCHIPELAGOS = {"vi": ["Quần đảo Hoàng Sa", "Quần đảo Trường Sa"],
                "en": ["Hoang Sa (Paracel) Islands", "Truong Sa (Spratly) Islands"]}



def run(browser, args):
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=3000"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120)


def main():
    report_dir, shots, units = sys.argv[1], sys.argv[2], int(sys.argv[3])
    asked = [name.strip() for arg in sys.argv[4:] if arg.startswith("--asked=") for name in arg[len("--asked="):].split(",")]
    pages = [arg for arg in sys.argv[4:] if not arg.startswith("--asked=")]
    os.makedirs(shots, exist_ok=True)
    browser = chromium(CHECK)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        for page in pages:
            source = os.path.join(report_dir, page)
            html = open(source, encoding="utf-8").read()
            probed = html.replace("<head>", "<head>" + PROBE_HEAD, 1)
            probe_path = os.path.join(work, page)
            with open(probe_path, "w", encoding="utf-8") as f:
                f.write(probed)
            harness_path = os.path.join(work, "harness-" + page)
            with open(harness_path, "w", encoding="utf-8") as f:
                f.write(HARNESS.replace("PAGE", page))
            result = run(browser, ["--allow-file-access-from-files", "--window-size=1800,1000", "--dump-dom", "file://" + harness_path])
            match = re.search(r'<pre id="dti-check">(.*?)</pre>', result.stdout, re.S)
            if not match:
                failures.append(f"{page}: the page did not finish loading ({result.stderr.strip()[:300]})")
                continue
            check = json.loads(htmlcodec.unescape(match.group(1)))

            if check["errors"]:
                failures.append(f"{page}: script errors {check['errors']}")
            if check["scrollWidth"] > check["innerWidth"]:
                failures.append(f"{page}: {check['scrollWidth']} px wide in a {check['innerWidth']} px viewport")
            # At 390 px a table or chart may scroll inside its box only on the analysts' pages (the
            # national ranking, a column per pillar and a row per unit; the audit's matrices, a column
            # per indicator); a profile's or a comparison's must show every column and the end of
            # every chart (the last year of a history, a bar's value, a radar's names).
            analysts = page.startswith("national") or page.startswith("audit")
            if check["wideTables390"] and not analysts:
                failures.append(f"{page}: tables wider than their box at 390 px: {check['wideTables390']}")
            if check["wideCharts390"] and not analysts:
                failures.append(f"{page}: charts wider than their box at 390 px: {check['wideCharts390']}")
            for width in (390, 1280):
                if check[f"clippedText{width}"]:
                    failures.append(f"{page}: chart text cut off at the chart's edge at {width} px: {check[f'clippedText{width}']}")
            # A list cut short leaves the reader to guess the rest (the uncertain groups once
            # stopped after five of twelve with "; …").
            if "; …" in check["text"]:
                failures.append(f"{page}: a list cut short with '; …'")
            if page.startswith("compare"):
                unnamed = [name for name in asked if name not in check["text"]]
                if unnamed:
                    failures.append(f"{page}: asked for {unnamed}, which the page never names")
            if check["dashColumns"]:
                failures.append(f"{page}: columns of dashes only: {check['dashColumns']}")
            if check["wideTables1280"]:
                failures.append(f"{page}: tables wider than their box at 1280 px: {check['wideTables1280']}")
            if check["smallestText390"] < MIN_CHART_TEXT:
                failures.append(
                    f"{page}: chart text renders at {check['smallestText390']} px at 390 px ('{check['smallestTextAt390']}'), below {MIN_CHART_TEXT}")
            if page.startswith("national") and check["rankingRows"] != units:
                failures.append(f"{page}: {check['rankingRows']} ranking rows, expected {units}")
            if page.startswith("national") and not check["hasMap"]:
                failures.append(f"{page}: no map (the unit sets reported in CI all have boundaries)")
            if page.startswith("national") and check["hasMap"] and len(set(check["mapFilled"])) != units:
                failures.append(f"{page}: the map fills {len(set(check['mapFilled']))} units, expected {units}")
            # The country's maps (63 or 34 units) show both archipelagos; a province's communes do not.
            if check["hasMap"] and units in (63, 34):
                for label in ARCHIPELAGOS.get(check["lang"], []):
                    if label not in check["archipelagoLabels"]:
                        failures.append(f"{page}: the map has no label '{label}' (labels: {check['archipelagoLabels']})")
            if check["lang"] == "vi":
                found = [word for word in ENGLISH_ON_VI if word in check["text"]]
                if found:
                    failures.append(f"{page}: English on a Vietnamese page: {found}")
            summary = {key: value for key, value in check.items() if key not in ("text", "mapFilled")}
            summary["mapFilled"] = len(set(check["mapFilled"]))
            print(f"{page}: {summary}")
            for width, height in ((390, 2400), (1280, 1600)):
                shot = os.path.join(shots, f"{os.path.splitext(page)[0]}-{width}.png")
                run(browser, [f"--window-size={width},{height}", f"--screenshot={shot}", "file://" + os.path.abspath(source)])
                if not os.path.exists(shot):
                    failures.append(f"{page}: no screenshot at {width} px")
    if failures:
        print("browser check FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"browser check passed: {len(pages)} pages; screenshots in {shots}")


if __name__ == "__main__":
    main()
