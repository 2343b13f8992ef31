#!/usr/bin/env python3
"""Opens the workbooks dti writes with openpyxl, as an analyst's script would, and fills in a
template as a Department would, then imports it.

    python3 .ci/xlsx-check.py .build/debug/dti WORKDIR

Fails (exit 1) when a score is not a number, a format or the frozen header is missing, a
Vietnamese name is mangled, the template has no input rules, or the filled template does not
import.
"""
import os
import subprocess
import sys

import openpyxl

dti, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
for name in ("history.sqlite", "template.sqlite"):
    if os.path.exists(os.path.join(work, name)):
        os.remove(os.path.join(work, name))
environment = dict(os.environ, DTI_DB=os.path.join(work, "history.sqlite"), LANG="C")
problems = []


def run(*arguments):
    result = subprocess.run([dti, *arguments], env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("dti %s failed:\n%s" % (" ".join(arguments), result.stderr))
    return result


def check(condition, message):
    if not condition:
        problems.append(message)


run("import", *sorted(os.path.join("SampleData", name) for name in os.listdir("SampleData") if name.endswith(".csv")))

rank_path = os.path.join(work, "rank.xlsx")
run("rank", "--year", "2022", "--format", "xlsx", "--out", rank_path, "--lang", "vi")
sheet = openpyxl.load_workbook(rank_path).active
header_row = next(row for row in range(1, 10) if sheet.cell(row, 1).value == "Hạng")
check(sheet.freeze_panes == "A%d" % (header_row + 1), "rank: header not frozen (%s)" % sheet.freeze_panes)
check("DỮ LIỆU MẪU" in (sheet.cell(2, 1).value or ""), "rank: no sample-data notice above the table")
first = [sheet.cell(header_row + 1, column) for column in range(1, 5)]
check(first[0].value == 1 and isinstance(first[0].value, int), "rank: rank is not a whole number: %r" % first[0].value)
check(first[2].value == "Đà Nẵng", "rank: name mangled: %r" % first[2].value)
check(isinstance(first[3].value, float) and abs(first[3].value - 0.800175) < 1e-12, "rank: DTI not a number: %r" % first[3].value)
check(first[3].number_format == "0.0000", "rank: DTI format is %r, not 0.0000" % first[3].number_format)
check(sheet.max_row == header_row + 63, "rank: %d rows, expected 63 units" % (sheet.max_row - header_row))

compare_path = os.path.join(work, "compare.xlsx")
run("compare", "Bắc Ninh", "Bắc Giang", "Vĩnh Phúc", "--year", "2022", "--format", "xlsx", "--out", compare_path)
book = openpyxl.load_workbook(compare_path)
check(book.sheetnames == ["Values", "Ranks"], "compare: sheets %r" % book.sheetnames)

template_path = os.path.join(work, "template.xlsx")
run("template", "--year", "2022", "--unit", "Bắc Ninh", "--out", template_path, "--lang", "vi")
book = openpyxl.load_workbook(template_path)
sheet = book.active
validations = sheet.data_validations.dataValidation
check(validations and validations[0].type == "decimal", "template: no decimal rule on the value cells")
header_row = next(row for row in range(1, 10) if sheet.cell(row, 1).value == "Tỉnh")
value_column = [cell.value for cell in sheet[header_row]].index("Giá trị") + 1
filled = 0
for row in range(header_row + 1, sheet.max_row + 1):
    sheet.cell(row, value_column, 0.25 + filled / 100)
    filled += 1
filled_path = os.path.join(work, "filled.xlsx")
book.save(filled_path)
result = run("import", "--db", os.path.join(work, "template.sqlite"), filled_path)
check("Imported %d values for 2022" % filled in result.stdout, "template: filled template did not import: %s %s" % (result.stdout, result.stderr))
check(result.stderr == "", "template: import of the filled template printed: %s" % result.stderr)

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("xlsx-check: rank, compare and template workbooks open in openpyxl; the filled template imports (%d values)" % filled)
