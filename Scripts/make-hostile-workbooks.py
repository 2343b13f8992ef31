#!/usr/bin/env python3
"""Writes the hand-made hostile workbooks of Tests/Corpus (issue 25): each is the smallest .xlsx
that shows one fault no spreadsheet program writes but a crafted file can hold. Only the standard
library is used, with fixed entry times, so the bytes are the same on every run.

    python3 Scripts/make-hostile-workbooks.py     # rewrites Tests/Corpus/xlsx-*.xlsx listed below
"""
import os
import zipfile
from xml.sax.saxutils import escape, quoteattr

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Corpus")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def text_cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def workbook(path, sheet_name, rows, date_style=False):
    """rows: list of lists of raw <c> strings, one list per row (row numbers from 1)."""
    sheet = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}"><sheetData>'
    for number, cells in enumerate(rows, start=1):
        sheet += f'<row r="{number}">' + "".join(cells) + "</row>"
    sheet += "</sheetData></worksheet>"
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
              '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
              '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        f'<sheets><sheet name={quoteattr(sheet_name, {chr(10): "&#10;", chr(13): "&#13;"})} sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))


HEADER = [text_cell("A1", "province"), text_cell("B1", "year"), text_cell("C1", "indicator"), text_cell("D1", "value")]


def row(number, value_cell):
    return [text_cell(f"A{number}", "Hà Nội"), f'<c r="B{number}"><v>2022</v></c>', text_cell(f"C{number}", "awareness"), value_cell]


CASES = {
    # A date-styled cell holding 1e19 once trapped converting the serial to a date.
    "xlsx-date-serial-too-large.xlsx": ("Data", [HEADER, row(2, '<c r="D2" s="1"><v>1E+19</v></c>')]),
    # A hexadecimal float, which Swift's Double reads as 0.5 and the CSV reader refuses.
    "xlsx-hexadecimal-number.xlsx": ("Data", [HEADER, row(2, '<c r="D2"><v>0x1p-1</v></c>')]),
    # A number too small for a double, once stored as 0.
    "xlsx-number-too-small-to-store.xlsx": ("Data", [HEADER, row(2, '<c r="D2"><v>1e-400</v></c>')]),
    # The same cell twice: the last value was kept without a word.
    "xlsx-cell-given-twice.xlsx": ("Data", [HEADER, row(2, '<c r="D2"><v>0.5</v></c><c r="D2"><v>0.9</v></c>')]),
    # A column beyond XFD, once read as the next column (D).
    "xlsx-column-beyond-xfd.xlsx": ("Data", [HEADER, [text_cell("A2", "Hà Nội"), '<c r="B2"><v>2022</v></c>',
                                                      text_cell("C2", "awareness"), '<c r="XFE2"><v>0.5</v></c>']]),
    # A sheet name that would print a forged summary line under the real diagnostics.
    "xlsx-sheet-name-with-line-break.xlsx": ("Data\n0 errors, 0 warnings in 1 file\u2028", [HEADER, row(2, '<c r="D2"><v>1.5</v></c>')]),
}

if __name__ == "__main__":
    for name, (sheet_name, rows) in CASES.items():
        workbook(os.path.join(CORPUS, name), sheet_name, rows)
        print("wrote", name)
