#!/usr/bin/env python3
"""Makes the Excel workbooks the tests read, as the programs users have write them.

    python3 Scripts/make-xlsx-fixtures.py          # needs openpyxl; LibreOffice and msoffcrypto-tool for some

Writes Tests/dtiTests/Fixtures/xlsx/:
- equivalent-2022.csv: four provinces of SampleData/dti-2022.csv (SYNTHETIC values), the
  reference every workbook below must import to;
- openpyxl-long.xlsx: long layout under a merged title row, each province written once and
  merged down its rows, numbers shown with four decimals, one value typed as text with a
  decimal comma;
- openpyxl-wide.xlsx: wide layout under a two-row header (province and year merged down,
  pillar headings merged across), the year as a date; a second sheet '2022' without a year
  column, and a third sheet 'Notes' first in no way that matters;
- libreoffice-long.xlsx: the CSV opened and saved by LibreOffice (shared strings, its styles);
- libreoffice-formulas.xlsx: openpyxl formulas saved by LibreOffice, which stores their results;
- handmade-cells.xlsx: XML written by hand: inline strings, rich-text runs, a 1904 date system,
  cells without `r` attributes, `_x000D_` escapes;
- formula-without-value.xlsx: an openpyxl formula never calculated (an error dti must report);
- hostile workbooks: zip-bomb.xlsx, zip-bomb-lying-size.xlsx, path-traversal.xlsx,
  encrypted.xlsx, old-binary.xls, corrupt.xlsx, last-row.xlsx, billion-laughs.xlsx,
  external-entity.xlsx, not-a-zip.xlsx.

Everything is generated, so re-running gives workbooks with the same content; review a diff of
their content (for example with `unzip -p`), not of their bytes, which carry tool timestamps.
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "dtiTests", "Fixtures", "xlsx")
PROVINCES = ["Hà Nội", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc"]
BANNER = "SYNTHETIC SAMPLE DATA: NOT official DTI results (from SampleData/dti-2022.csv)"


def sample_rows():
    with open(os.path.join(ROOT, "SampleData", "dti-2022.csv"), encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    return [row for row in rows if row["province"] in PROVINCES]


def write_equivalent_csv(rows):
    with open(os.path.join(OUT, "equivalent-2022.csv"), "w", encoding="utf-8", newline="") as handle:
        handle.write("# " + BANNER + "\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["province", "year", "indicator", "value", "source", "status"])
        for row in rows:
            writer.writerow([row["province"], row["year"], row["indicator"], row["value"], row["source"], row["status"]])


def openpyxl_long(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Dữ liệu"
    sheet["A1"] = BANNER
    sheet.merge_cells("A1:F1")
    header = ["Tỉnh", "Năm", "Chỉ số", "Giá trị", "Nguồn", "Trạng thái"]
    for column, name in enumerate(header, start=1):
        sheet.cell(row=2, column=column, value=name).font = Font(bold=True)
    row_number = 3
    for province in PROVINCES:
        first = row_number
        for row in [r for r in rows if r["province"] == province]:
            if row_number == first:
                sheet.cell(row=row_number, column=1, value=province)
            sheet.cell(row=row_number, column=2, value=int(row["year"]))
            sheet.cell(row=row_number, column=3, value=row["indicator"])
            if province == "Bắc Giang" and row["indicator"] == "awareness":
                # Typed as text, the Vietnamese way: a decimal comma.
                sheet.cell(row=row_number, column=4, value=row["value"].replace(".", ","))
            else:
                cell = sheet.cell(row=row_number, column=4, value=float(row["value"]))
                cell.number_format = "0.0000"
            sheet.cell(row=row_number, column=5, value=row["source"])
            sheet.cell(row=row_number, column=6, value=row["status"])
            row_number += 1
        sheet.merge_cells(start_row=first, start_column=1, end_row=row_number - 1, end_column=1)
        # An empty row between provinces, as people leave them.
        row_number += 1
    book.save(os.path.join(OUT, "openpyxl-long.xlsx"))


def openpyxl_wide(rows):
    import datetime

    indicators = []
    for row in rows:
        if row["indicator"] not in indicators:
            indicators.append(row["indicator"])
    groups = [("Chính quyền số", ["awareness", "institutions", "infrastructure", "human_resources", "cybersecurity"]),
              ("Hoạt động", ["government_activity", "economy_activity", "society_activity"])]
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Dữ liệu rộng"
    sheet = notes
    sheet["A1"] = "Tỉnh"
    sheet.merge_cells("A1:A2")
    sheet["B1"] = "Năm"
    sheet.merge_cells("B1:B2")
    column = 3
    order = []
    for title, ids in groups:
        sheet.cell(row=1, column=column, value=title)
        sheet.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + len(ids) - 1)
        for offset, indicator in enumerate(ids):
            sheet.cell(row=2, column=column + offset, value=indicator)
            order.append(indicator)
        column += len(ids)
    for index, province in enumerate(PROVINCES):
        row_number = 3 + index
        sheet.cell(row=row_number, column=1, value=province)
        date = sheet.cell(row=row_number, column=2, value=datetime.date(2022, 12, 31))
        date.number_format = "dd/mm/yyyy"
        values = {r["indicator"]: r["value"] for r in rows if r["province"] == province}
        for offset, indicator in enumerate(order):
            sheet.cell(row=row_number, column=3 + offset, value=float(values[indicator]))
    # The same values on a sheet named after the edition, with no year column.
    edition = book.create_sheet("2022")
    edition.append(["province"] + order)
    for province in PROVINCES:
        values = {r["indicator"]: r["value"] for r in rows if r["province"] == province}
        edition.append([province] + [float(values[i]) for i in order])
    book.save(os.path.join(OUT, "openpyxl-wide.xlsx"))


def libreoffice(source, target_name, filter_options=None):
    soffice = shutil.which("soffice")
    if not soffice:
        print("LibreOffice not found: keeping the committed", target_name, file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        profile = "-env:UserInstallation=file://" + os.path.join(work, "profile")
        command = [soffice, profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work]
        if filter_options:
            command += ["--infilter=" + filter_options]
        subprocess.run(command + [source], check=True, capture_output=True)
        produced = os.path.join(work, os.path.splitext(os.path.basename(source))[0] + ".xlsx")
        shutil.copy(produced, os.path.join(OUT, target_name))


def openpyxl_formulas(rows, path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Công thức"
    sheet.append(["province", "year", "indicator", "value", "source", "status"])
    for row in rows:
        # value = the published figure written as a formula, e.g. =0.5+0.0789
        whole = float(row["value"])
        sheet.append([row["province"], int(row["year"]), row["indicator"], "=%r+%r" % (0.5, round(whole - 0.5, 10)),
                      row["source"], row["status"]])
    book.save(path)


def formula_without_value(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["province", "year", "indicator", "value"])
    sheet.append(["Hà Nội", 2022, "awareness", "=0.5+0.0789"])
    sheet.append(["Hà Nội", 2022, "institutions", 0.61])
    book.save(os.path.join(OUT, "formula-without-value.xlsx"))


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def package(parts, path, extra=None):
    """A minimal workbook from raw part texts; `extra` adds (name, bytes) entries as they are."""
    content_types = ('<?xml version="1.0" encoding="UTF-8"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
                     '</Relationships>')
    workbook = parts.get("workbook") or (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN_NS, REL_NS))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/worksheets/sheet1.xml", parts["sheet"])
        for name, data in extra or []:
            archive.writestr(name, data)


def inline(text):
    return '<c t="inlineStr"><is><t>%s</t></is></c>' % text


def handmade_cells():
    # Cells without r attributes (allowed), inline strings with rich-text runs, a phonetic
    # guide that is not text, a `_x000D_` escape in a note, and the 1904 date system (the
    # year column holds 31 Dec 2022 as 1904-based serial 43464).
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>'
             '<row>%s%s%s%s%s</row>'
             '<row>%s<c><v>43464</v></c>%s<c><v>0.5789</v></c><c t="inlineStr"><is><r><t>Sở </t></r><r><rPr><b/></rPr><t>TT&amp;TT</t></r><rPh><t>x</t></rPh></is></c></row>'
             '<row>%s<c s="0"><v>2022</v></c>%s<c t="str"><f>0.4+0.2074</f><v>0.6074</v></c>%s</row>'
             '</sheetData></worksheet>') % (
        MAIN_NS,
        inline("province"), inline("year"), inline("indicator"), inline("value"), inline("note"),
        inline("Hà Nội"), inline("awareness"),
        inline("Hà Nội"), inline("institutions"), inline("line one_x000D_ two"))
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-42A]d mmmm yyyy"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>') % MAIN_NS
    sheet = sheet.replace("<c><v>43464</v></c>", '<c s="1"><v>43464</v></c>')
    workbook = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><workbookPr date1904="1"/><sheets>'
                '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>') % (MAIN_NS, REL_NS)
    path = os.path.join(OUT, "handmade-cells.xlsx")
    package({"sheet": sheet, "workbook": workbook}, path)
    # The styles part needs its relationship: rewrite the rels with it.
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries["xl/styles.xml"] = styles.encode()
    entries["xl/_rels/workbook.xml.rels"] = entries["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)


SIMPLE_SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s"><sheetData>'
                '<row r="1">%s%s%s%s</row><row r="2">%s<c><v>2022</v></c>%s<c><v>0.5</v></c></row>'
                '</sheetData></worksheet>') % (MAIN_NS, inline("province"), inline("year"), inline("indicator"), inline("value"),
                                               inline("Hà Nội"), inline("awareness"))


def hostile():
    # 129 MiB of spaces inside the sheet: about 130 KB compressed, over the 128 MiB part limit.
    bomb = os.path.join(OUT, "zip-bomb.xlsx")
    padding = " " * (129 << 20)
    package({"sheet": SIMPLE_SHEET.replace("<sheetData>", "<sheetData>" + padding)}, bomb)
    # The same, with the sizes in the ZIP headers rewritten to claim 1 KB.
    with open(bomb, "rb") as handle:
        data = bytearray(handle.read())
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    real = info.file_size.to_bytes(4, "little")
    fake = (1024).to_bytes(4, "little")
    data = data.replace(real, fake)
    with open(os.path.join(OUT, "zip-bomb-lying-size.xlsx"), "wb") as handle:
        handle.write(bytes(data))

    package({"sheet": SIMPLE_SHEET}, os.path.join(OUT, "path-traversal.xlsx"), extra=[("../../evil.sh", b"#!/bin/sh\necho owned\n")])

    # A row at Excel's last row number: a tiny file that claims 1,048,576 rows.
    last_row = SIMPLE_SHEET.replace("</sheetData>", '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')
    package({"sheet": last_row}, os.path.join(OUT, "last-row.xlsx"))

    laughs = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
              '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
              '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
              '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&h;</t></is></c></row></sheetData></worksheet>') % MAIN_NS
    package({"sheet": laughs}, os.path.join(OUT, "billion-laughs.xlsx"))
    external = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
                '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData></worksheet>') % MAIN_NS
    package({"sheet": external}, os.path.join(OUT, "external-entity.xlsx"))

    with open(os.path.join(OUT, "libreoffice-long.xlsx"), "rb") as handle:
        whole = handle.read()
    with open(os.path.join(OUT, "corrupt.xlsx"), "wb") as handle:
        handle.write(whole[: len(whole) // 2])
    with open(os.path.join(OUT, "not-a-zip.xlsx"), "wb") as handle:
        handle.write("province,year,indicator,value\nHà Nội,2022,awareness,0.5\n".encode())

    try:
        import msoffcrypto  # noqa: F401
        from msoffcrypto.format.ooxml import OOXMLFile
        with open(os.path.join(OUT, "openpyxl-long.xlsx"), "rb") as plain, open(os.path.join(OUT, "encrypted.xlsx"), "wb") as out:
            OOXMLFile(plain).encrypt("dti", out)
    except ImportError:
        print("msoffcrypto-tool not installed: keeping the committed encrypted.xlsx", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = sample_rows()
    write_equivalent_csv(rows)
    openpyxl_long(rows)
    openpyxl_wide(rows)
    libreoffice(os.path.join(OUT, "equivalent-2022.csv"), "libreoffice-long.xlsx", "CSV:44,34,76,1")
    with tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, "source"))
        formulas = os.path.join(work, "source", "libreoffice-formulas.xlsx")
        openpyxl_formulas(rows, formulas)
        libreoffice(formulas, "libreoffice-formulas.xlsx")
        soffice = shutil.which("soffice")
        if soffice:
            profile = "-env:UserInstallation=file://" + os.path.join(work, "profile")
            subprocess.run([soffice, profile, "--headless", "--convert-to", "xls", "--outdir", OUT,
                            "--infilter=CSV:44,34,76,1", os.path.join(OUT, "equivalent-2022.csv")], check=True, capture_output=True)
            os.replace(os.path.join(OUT, "equivalent-2022.xls"), os.path.join(OUT, "old-binary.xls"))
    formula_without_value(rows)
    handmade_cells()
    hostile()
    for name in sorted(os.listdir(OUT)):
        print("%-28s %9d bytes" % (name, os.path.getsize(os.path.join(OUT, name))))


if __name__ == "__main__":
    main()
