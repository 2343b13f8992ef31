#!/usr/bin/env python3
"""Copies the communes' boundaries of every province from the shared domain data
(../shared/domain/map-communes-NN.geojson, or the folder given) into Indicators/maps/communes-NN.geojson,
the name the unit set `communes-NN` (`--units communes --parent NN`) finds its map by.

The features are copied as they are. Only the file's notes change: the English note names the
province ("of Hà Nội (province code 01)" for "of province 01"), and a Vietnamese note (`note_vi`) is
added for Vietnamese reports, saying the same. Each note keeps the source and licence.

Usage: Scripts/import-commune-maps.py [FOLDER]   then Scripts/embed-indicators.py
"""
import csv
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "domain")
TARGET = os.path.join(ROOT, "Indicators", "maps")


def main():
    with open(os.path.join(ROOT, "Indicators", "units", "provinces-34.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = {row["code"]: row["name"] for row in rows}
    # "tỉnh Bắc Ninh", "thành phố Hà Nội": the full name as it reads inside a sentence.
    full_names = {row["code"]: row["full_name"][:1].lower() + row["full_name"][1:] for row in rows}
    paths = sorted(glob.glob(os.path.join(SOURCE, "map-communes-*.geojson")))
    if len(paths) != len(names):
        sys.exit(f"{SOURCE}: {len(paths)} commune maps, but {len(names)} provinces")
    for path in paths:
        code = re.search(r"map-communes-(\d\d)\.geojson$", path).group(1)
        name = names[code]
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        count = len(data["features"])
        note = data["note"].replace(f"of province {code} ", f"of {name} (province code {code}) ")
        if name not in note:
            sys.exit(f"{path}: the note does not name the province: {note[:80]}")
        data["note"] = note
        data["note_vi"] = (
            f"{count} xã, phường của {full_names[code]} (mã {code}) từ ngày 1/7/2025, ranh giới đã giản lược cho bản đồ báo cáo "
            "(Douglas–Peucker 0,001 độ, bỏ các phần dưới 0,00001 độ vuông; toạ độ làm tròn 4 chữ số). "
            "Nguồn: github.com/thanglequoc/vietnamese-provinces-database (giấy phép MIT), "
            "theo dữ liệu tham chiếu đơn vị hành chính quốc gia."
        )
        ordered = {"type": data["type"], "note": data["note"], "note_vi": data["note_vi"], "features": data["features"]}
        text = json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))
        with open(os.path.join(TARGET, f"communes-{code}.geojson"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text + "\n")
    print(f"wrote {len(paths)} commune maps into {os.path.relpath(TARGET, ROOT)}")


if __name__ == "__main__":
    main()
