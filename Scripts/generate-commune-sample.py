#!/usr/bin/env python3
"""Generates SampleData/communes/bac-ninh-2025.csv: SYNTHETIC commune-level DTI data for the 99
real communes and wards of Bắc Ninh (code 24) from 1 July 2025, scored with the illustrative
commune framework (Indicators/commune-2025.yaml).

The communes are real (Indicators/units/communes-3321.csv); every value is made up with a fixed
seed: wards (phường) sit higher than communes (xã), as urban units do in the provincial DTI. Two
values are left out on purpose, so the outputs show how a missing value is flagged.

Run from the repository root:  python3 Scripts/generate-commune-sample.py
"""
import csv
import math
import os
import random

SEED = 20250701
PARENT = "24"
INDICATORS = [("awareness", 0.08), ("infrastructure", 0.05), ("human_resources", -0.02),
              ("government_activity", 0.03), ("economy_activity", -0.10), ("society_activity", -0.06)]
MISSING = {("Tam Sơn", "economy_activity"), ("Xuân Cẩm", "society_activity")}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def round4(x):
    return math.floor(x * 10000 + 0.5) / 10000


def main():
    with open(os.path.join(ROOT, "Indicators", "units", "communes-3321.csv"), encoding="utf-8") as handle:
        communes = [row for row in csv.DictReader(handle) if row["parent"] == PARENT]
    rng = random.Random(SEED)
    target = os.path.join(ROOT, "SampleData", "communes", "bac-ninh-2025.csv")
    with open(target, "w", encoding="utf-8", newline="") as out:
        out.write("# SYNTHETIC SAMPLE DATA: commune-level DTI 2025 for Bắc Ninh's 99 communes and wards. NOT official.\n")
        out.write("# The communes are real (1 July 2025); the values are made up by Scripts/generate-commune-sample.py,\n")
        out.write("# for the ILLUSTRATIVE commune framework Indicators/commune-2025.yaml.\n")
        out.write("# Import: dti import SampleData/communes/bac-ninh-2025.csv --units communes --parent 24\n")
        out.write(f"# Missing on purpose: {', '.join(f'{name} {entry}' for name, entry in sorted(MISSING))}.\n")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["unit", "year"] + [entry for entry, _ in INDICATORS] + ["status", "source"])
        for commune in sorted(communes, key=lambda row: row["code"]):
            urban = commune["full_name"].startswith("Phường")
            level = rng.gauss(0.66 if urban else 0.52, 0.07)
            values = []
            for entry, offset in INDICATORS:
                if (commune["name"], entry) in MISSING:
                    values.append("")
                    continue
                value = min(1.0, max(0.05, level + offset + rng.gauss(0, 0.06)))
                values.append(f"{round4(value):.4f}")
            writer.writerow([commune["name"], 2025] + values + ["synthetic", "synthetic sample (Scripts/generate-commune-sample.py)"])


if __name__ == "__main__":
    main()
