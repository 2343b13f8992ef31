#!/usr/bin/env python3
"""Prints report pages to PDF with headless Chromium, as a Department printing its report would,
and fails when a page is not A4, when the pages carry no page numbers ("2 / 15"), when a printed
national report lacks either archipelago's label or prints the sandbox (it needs a screen), or
when a section heading does not start a page. Renders every printed page to PNG (pdftoppm) into the given folder, for review.

Usage: print-check.py REPORT_DIR OUT_DIR PAGE...
"""
import os
import re
import subprocess
import sys

from headless import chromium, tool

CHECK = "print check"

ARCHIPELAGOS = {"vi": ["Quần đảo", "Hoàng Sa", "Trường Sa"], "en": ["Hoang Sa (Paracel)", "Truong Sa (Spratly)"]}



def main():
    report_dir, out, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    browser = chromium(CHECK)
    failures = []
    for page in pages:
        stem = os.path.splitext(page)[0]
        pdf = os.path.join(out, stem + ".pdf")
        source = os.path.abspath(os.path.join(report_dir, page))
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", "file://" + source], capture_output=True, timeout=120)
        if not os.path.exists(pdf):
            failures.append(f"{page}: no PDF was printed")
            continue
        info = subprocess.run([tool(CHECK, "pdfinfo"), pdf], capture_output=True, text=True).stdout
        count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
        width, height = float(size.group(1)), float(size.group(2))
        if abs(width - 595) > 2 or abs(height - 842) > 2:
            failures.append(f"{page}: pages are {width:.0f} x {height:.0f} pt, not A4 (595 x 842)")
        texts = []
        for number in range(1, count + 1):
            texts.append(subprocess.run([tool(CHECK, "pdftotext"), "-layout", "-f", str(number), "-l", str(number), pdf, "-"],
                                        capture_output=True, text=True).stdout)
        for number, text in enumerate(texts, 1):
            if not re.search(rf"\b{number} ?/ ?{count}\b", text):
                failures.append(f"{page}: page {number} has no page number '{number} / {count}'")
        html = open(source, encoding="utf-8").read()
        lang = re.search(r'<html lang="(\w+)"', html).group(1)
        if stem == "national":
            whole = "\n".join(texts)
            missing = [label for label in ARCHIPELAGOS.get(lang, []) if label not in whole]
            if missing:
                failures.append(f"{page}: the printed map lacks {missing}")
            # The sandbox needs a screen and a script: a printed page leaves it out.
            sandbox = re.search(r'<section id="sandbox"[^>]*><h2>(.*?)</h2>', html)
            if sandbox and any(sandbox.group(1) in text for text in texts):
                failures.append(f"{page}: the sandbox '{sandbox.group(1)}' is printed")
            printed = re.sub(r'<section id="sandbox".*?</section>', "", html, flags=re.S)
            # Every section (h2) starts a page, except the first, which follows the title.
            headings = re.findall(r"<h2>(.*?)</h2>", printed)[1:]
            for heading in headings:
                plain = re.sub(r"<[^>]+>", "", heading).replace("&amp;", "&")
                if not any(text.lstrip().startswith(plain) for text in texts):
                    failures.append(f"{page}: section '{plain}' does not start a printed page")
        subprocess.run([tool(CHECK, "pdftoppm"), "-r", "40", "-png", pdf, os.path.join(out, stem)], check=True)
        print(f"{page}: {count} pages printed")
    if failures:
        print("print check FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"print check passed: {len(pages)} pages; PDFs and page images in {out}")


if __name__ == "__main__":
    main()
