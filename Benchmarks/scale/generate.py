#!/usr/bin/env python3
"""Generates the inputs of the scale benchmark (issue 14) in a work folder:

  Indicators/             the project's Indicators folder plus a framework `bench-100` (3 pillars,
                          10 main indicators of 10 components each: 100 components) and
                          unit-set-editions.csv scoring the set `units-10000` with it in 2015–2024;
  units-10000.csv         10,000 units (code,name,parent), parents spread over the 34 provinces;
  values.csv              10,000 units × 100 components × 10 years = 10,000,000 values in the long
                          layout (unit,year,indicator,value), about 250 MB;
  communes-2025.csv       the 3,321 real communes × the 6 main indicators of the illustrative
                          commune framework, for the commune report.

Every value is SYNTHETIC (fixed seed). Usage: generate.py WORK [UNITS] [YEARS]
"""
import csv
import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    work = sys.argv[1]
    units = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    first_year = 2015
    rng = random.Random(14)
    indicators = shutil.copytree(os.path.join(ROOT, "Indicators"), os.path.join(work, "Indicators"), dirs_exist_ok=True)

    # A framework of 100 components: 10 main indicators × 10 components, 100 points each.
    mains = [f"m{i:02d}" for i in range(10)]
    pillars = ["government", "economy", "society"]
    lines = ["# SYNTHETIC benchmark framework: 10 main indicators of 10 components each (Benchmarks/scale).",
             "version: 1", "framework: bench-100", "title: Benchmark framework (synthetic)",
             "illustrative_note: a synthetic framework for the scale benchmark, not a DTI framework.",
             "index:", "  id: dti", "  name_vi: Chỉ số thử", "  name_en: Benchmark index", "  points: 1000", "pillars:"]
    pillar_points = {p: 0 for p in pillars}
    for index, main_id in enumerate(mains):
        pillar_points[pillars[index % 3]] += 100
    for pillar in pillars:
        lines += [f"  - id: {pillar}", f"    name_vi: {pillar}", f"    name_en: {pillar}", f"    points: {pillar_points[pillar]}"]
    lines.append("indicators:")
    for index, main_id in enumerate(mains):
        lines += [f"  - id: {main_id}", f"    name_vi: Chỉ số {index}", f"    name_en: Indicator {index}", "    points: 100",
                  f"    counts_in: [dti, {pillars[index % 3]}]"]
    lines.append("components:")
    components = []
    for main_id in mains:
        for j in range(10):
            component = f"{main_id}_c{j}"
            components.append(component)
            lines += [f"  - id: {component}", f"    name_vi: Thành phần {component}", f"    name_en: Component {component}",
                      f"    counts_in: {main_id}", "    points: 10", "    rule: ratio", "    target: 1"]
    with open(os.path.join(indicators, "bench-100.yaml"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    with open(os.path.join(indicators, "unit-set-editions.csv"), "a", encoding="utf-8") as out:
        for year in range(first_year, first_year + years):
            out.write(f"{year},bench-100,units-{units},,synthetic benchmark\n")

    with open(os.path.join(ROOT, "Indicators", "units", "provinces-34.csv"), encoding="utf-8") as handle:
        provinces = [row["code"] for row in csv.DictReader(handle)]
    codes = [f"U{n:05d}" for n in range(1, units + 1)]
    with open(os.path.join(work, f"units-{units}.csv"), "w", encoding="utf-8") as out:
        out.write("code,name,parent\n")
        for n, code in enumerate(codes):
            out.write(f"{code},Đơn vị {n + 1},{provinces[n % len(provinces)]}\n")

    # Values: a level per unit, noise per value, four decimals as published figures are.
    levels = [rng.random() * 0.6 + 0.2 for _ in codes]
    noise = [f"{min(1.0, max(0.0, x)):.4f}" for x in (rng.gauss(0.5, 0.2) for _ in range(100_003))]
    with open(os.path.join(work, "values.csv"), "w", encoding="utf-8") as out:
        out.write("unit,year,indicator,value\n")
        position = 0
        for year in range(first_year, first_year + years):
            for n, code in enumerate(codes):
                prefix = f"{code},{year},"
                rows = []
                for component in components:
                    rows.append(f"{prefix}{component},{noise[position % 100_003]}\n")
                    position += 7
                out.write("".join(rows))

    with open(os.path.join(ROOT, "Indicators", "units", "communes-3321.csv"), encoding="utf-8") as handle:
        communes = [row["code"] for row in csv.DictReader(handle)]
    entries = ["awareness", "infrastructure", "human_resources", "government_activity", "economy_activity", "society_activity"]
    with open(os.path.join(work, "communes-2025.csv"), "w", encoding="utf-8") as out:
        out.write("# SYNTHETIC values for the 3,321 communes (Benchmarks/scale/generate.py): not official.\n")
        out.write("unit,year," + ",".join(entries) + ",status\n")
        for code in communes:
            level = rng.random() * 0.5 + 0.3
            values = [f"{min(1.0, max(0.0, level + rng.gauss(0, 0.08))):.4f}" for _ in entries]
            out.write(f"{code},2025," + ",".join(values) + ",synthetic\n")


if __name__ == "__main__":
    main()
