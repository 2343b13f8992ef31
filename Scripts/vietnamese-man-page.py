#!/usr/bin/env python3
"""Writes the Vietnamese man page (share/man/vi/man1/dti.1) from the manual plugin's page of
`dti --lang vi`'s help, which dti gives with every non-ASCII character written QQ<hex>QQ
(DTI_MAN_ASCII=1): the plugin keeps ASCII only. This puts the characters back, names the
sections in Vietnamese and declares the page UTF-8, so man(1) renders it under any locale.
Usage: Scripts/vietnamese-man-page.py PLUGIN-OUTPUT OUT
"""
import re
import sys

SECTIONS = {"NAME": "TÊN", "SYNOPSIS": "CÚ PHÁP", "DESCRIPTION": "MÔ TẢ", '"EXIT STATUS"': '"MÃ THOÁT"'}

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="ascii") as handle:
    page = handle.read()
page = re.sub(r"QQ([0-9A-F]+)QQ", lambda m: chr(int(m.group(1), 16)), page)
page = re.sub(r"^\.Sh (.+)$", lambda m: ".Sh " + SECTIONS.get(m.group(1), m.group(1)), page, flags=re.M)
page = page.replace(".Ar subcommand", ".Ar lệnh-con")
# .Ex -std writes English ("The dti utility exits 0 on success…"): said in Vietnamese instead.
page = page.replace(".Ex -std", "dti thoát với mã 0 khi thành công, 1 khi có lỗi, 64 khi tuỳ chọn không hợp lệ.")
with open(target, "w", encoding="utf-8") as handle:
    handle.write('.\\" -*- coding: UTF-8 -*-\n' + page)
