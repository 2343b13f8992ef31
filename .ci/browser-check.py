#!/usr/bin/env python3
"""Loads report pages in headless Chromium, as a reader would, and fails on:
- a script error on the page,
- a page wider than the viewport at 390 px (a phone),
- a ranking table without one row per unit.
Saves screenshots at 390 and 1280 px into the given folder.

Usage: browser-check.py REPORT_DIR SCREENSHOT_DIR UNITS PAGE...
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PROBE_HEAD = "<script>window.__errors=[];addEventListener('error',function(e){__errors.push(String(e.message))});</script>"
# Headless Chromium will not make a window narrower than 500 px, so the page is measured inside a
# 390 px iframe of a harness page, which reads the page's errors and width once it has loaded.
HARNESS = """<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="PAGE" style="width:390px;height:900px;border:0"></iframe>
<script>document.getElementById('f').addEventListener('load',function(){var w=this.contentWindow,d=w.document;
var p=document.createElement('pre');p.id='dti-check';p.textContent=JSON.stringify({errors:w.__errors,
scrollWidth:d.documentElement.scrollWidth,innerWidth:w.innerWidth,
rankingRows:(d.querySelector('table.sortable tbody')||{rows:[]}).rows.length});document.body.appendChild(p);});</script>
</body></html>"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("browser check: chromium is not installed")


def run(browser, args):
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=3000"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120)


def main():
    report_dir, shots, units, pages = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    os.makedirs(shots, exist_ok=True)
    browser = chromium()
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
            result = run(browser, ["--allow-file-access-from-files", "--window-size=800,900", "--dump-dom", "file://" + harness_path])
            match = re.search(r'<pre id="dti-check">(.*?)</pre>', result.stdout, re.S)
            if not match:
                failures.append(f"{page}: the page did not finish loading ({result.stderr.strip()[:300]})")
                continue
            check = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
            print(f"{page}: {check}")
            if check["errors"]:
                failures.append(f"{page}: script errors {check['errors']}")
            if check["scrollWidth"] > check["innerWidth"]:
                failures.append(f"{page}: {check['scrollWidth']} px wide in a {check['innerWidth']} px viewport")
            if page.startswith("national") and check["rankingRows"] != units:
                failures.append(f"{page}: {check['rankingRows']} ranking rows, expected {units}")
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
