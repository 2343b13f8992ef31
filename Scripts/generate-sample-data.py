#!/usr/bin/env python3
"""Generates SampleData/dti-<year>.csv: SYNTHETIC DTI data for the 63 provinces.

The values are made up (deterministic seed) so that each edition's national mean and best value
are close to the published ones (shared/domain/METHOD.md). Two sets of rows are the real published
figures and are marked `official`: Bắc Ninh 2020 (pillars 0.4449, 0.3668, 0.4052; rank 3) and Đà
Nẵng 2022 (main indicators from dti.gov.vn/xep-hang-2022; rank 1). Every other row is marked
`synthetic`. A few values are left out (missing), and in 2022 two provinces tie at 4 decimals.

Run from the repository root:  python3 Scripts/generate-sample-data.py
"""
import csv
import math
import random

SEED = 20250701
MEANS = {2020: 0.3026, 2021: 0.4014, 2022: 0.5786, 2023: 0.6783, 2024: 0.6961}
BEST = {2020: 0.4874, 2021: 0.6419, 2022: 0.8002, 2023: 0.8340, 2024: 0.8241}
INDICATORS = [  # id, points
    ("awareness", 100), ("institutions", 100), ("infrastructure", 100), ("human_resources", 100),
    ("cybersecurity", 100), ("government_activity", 200), ("economy_activity", 150), ("society_activity", 150)]
# How each indicator sits relative to a province's overall level (foundation indicators score
# higher than activity indicators in the published data).
OFFSETS = {"awareness": 0.10, "institutions": 0.07, "infrastructure": 0.04, "human_resources": -0.02,
           "cybersecurity": 0.00, "government_activity": 0.02, "economy_activity": -0.08, "society_activity": -0.10}
# Provinces that lead in the published rankings get a higher latent level.
STRONG = {"01": 1.8, "79": 1.6, "48": 2.0, "22": 1.7, "46": 1.5, "27": 1.4, "31": 1.3, "26": 0.9, "24": 0.8,
          "74": 1.0, "92": 0.9, "56": 0.7, "37": 0.6, "40": 0.5, "38": 0.5}
DA_NANG_2022 = {"awareness": 1.0, "institutions": 0.9, "infrastructure": 0.8253, "human_resources": 0.8487,
                "cybersecurity": 0.7578, "government_activity": 0.8575, "economy_activity": 0.7836,
                "society_activity": 0.5197}
BAC_NINH_2020 = {"government": 0.4449, "economy": 0.3668, "society": 0.4052}
MISSING = {2021: [("12", "cybersecurity")], 2023: [("11", "society_activity"), ("95", "economy_activity")],
           2024: [("93", "institutions")]}
TIE_YEAR = 2022
SOURCE_SYNTHETIC = "synthetic sample (Scripts/generate-sample-data.py)"


def round4(x):
    return math.floor(x * 10000 + 0.5)


def dti_2022(values):
    return sum(points * values.get(i, 0.0) for i, points in INDICATORS) / 1000


def clamp(x, low=0.02, high=1.0):
    return max(low, min(high, x))


def read_codes():
    with open("Indicators/units/provinces-63.csv", encoding="utf-8") as f:
        return [(row["code"], row["name"]) for row in csv.DictReader(f)]


def latent_levels(codes, rng):
    return {code: STRONG.get(code, 0.0) + rng.gauss(0, 0.8) for code, _ in codes}


def fit(levels, mean, best, rng):
    """Province targets with the given mean whose maximum is just below `best`."""
    codes = list(levels)
    raw = [levels[c] for c in codes]
    mu = sum(raw) / len(raw)
    top = max(raw)
    scale = (best - 0.012 - mean) / (top - mu)
    return {c: clamp(mean + (levels[c] - mu) * scale + rng.gauss(0, 0.004)) for c in codes}


def indicator_values(target, rng):
    return {i: round(clamp(target + OFFSETS[i] + rng.gauss(0, 0.05)), 4) for i, _ in INDICATORS}


def calibrate(table, mean):
    """Shifts every synthetic value so that the mean DTI matches `mean`."""
    for _ in range(20):
        current = sum(dti_2022(v) for v in table.values()) / len(table)
        shift = mean - current
        if abs(shift) < 0.00005:
            break
        for values in table.values():
            for i in values:
                values[i] = round(clamp(values[i] + shift), 4)


def stretch(table, mean, best):
    """Widens or narrows the spread so the best synthetic DTI sits just below `best`."""
    for _ in range(30):
        calibrate(table, mean)
        scores = {c: dti_2022(v) for c, v in table.items()}
        top = max(scores.values())
        if abs(top - (best - 0.006)) < 0.0005:
            break
        factor = (best - 0.006 - mean) / (top - mean)
        for code, values in table.items():
            lift = (factor - 1) * (scores[code] - mean)
            for i in values:
                values[i] = round(clamp(values[i] + lift), 4)
    calibrate(table, mean)


def make_tie(table, rng):
    """Adjusts one province so that it ties with another at 4 decimals but not exactly."""
    ordered = sorted(table, key=lambda c: -dti_2022(table[c]))
    a, b = ordered[14], ordered[15]
    target = round4(dti_2022(table[a]))
    original = table[b]["government_activity"]
    for step in sorted(range(-4000, 4001), key=abs):
        table[b]["government_activity"] = round(original + step / 10000, 4)
        value = dti_2022(table[b])
        if round4(value) == target and abs(value - dti_2022(table[a])) > 1e-9 and abs(value * 10000 - target) < 0.4:
            return a, b
    raise SystemExit("could not make a tie")


def write(year, codes, rows, note):
    with open(f"SampleData/dti-{year}.csv", "w", encoding="utf-8", newline="") as f:
        f.write(f"# SYNTHETIC SAMPLE DATA for the DTI {year} edition: NOT official DTI results.\n")
        f.write("# Made by Scripts/generate-sample-data.py; rows with status 'official' are published figures.\n")
        if note:
            f.write(f"# {note}\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["province", "year", "indicator", "value", "source", "status"])
        for row in rows:
            writer.writerow(row)


def main():
    rng = random.Random(SEED)
    codes = read_codes()
    names = dict(codes)
    levels = latent_levels(codes, rng)

    # 2020: pillar values (Decision 1726); Bắc Ninh carries its published pillars and ranks third.
    targets = fit(levels, MEANS[2020], BEST[2020], rng)
    ordered = sorted(targets, key=lambda c: -targets[c])
    leaders = [c for c in ordered if c != "27"][:2]
    # Compress the others so that only the two leaders are above Bắc Ninh's published 0.4096.
    others = [c for c in targets if c not in leaders and c != "27"]
    top_other = max(targets[c] for c in others)
    for c in others:
        targets[c] = MEANS[2020] + (targets[c] - MEANS[2020]) * (0.3990 - MEANS[2020]) / (top_other - MEANS[2020])
    rows = []
    for code, name in codes:
        if code == "27":
            for pillar, value in BAC_NINH_2020.items():
                rows.append([name, 2020, pillar, f"{value:.4f}", "Bắc Ninh provincial news (en.dangcongsan.vn)", "official"])
            continue
        target = targets[code]
        if code == leaders[0]:
            target = BEST[2020]
        elif code == leaders[1]:
            target = 0.4350
        pillars = {"government": clamp(target + rng.gauss(0.01, 0.03)), "economy": clamp(target + rng.gauss(-0.02, 0.03))}
        pillars["society"] = clamp((target - 0.4 * pillars["government"] - 0.3 * pillars["economy"]) / 0.3)
        for pillar, value in pillars.items():
            rows.append([name, 2020, pillar, f"{value:.4f}", SOURCE_SYNTHETIC, "synthetic"])
    write(2020, codes, rows, "Pillar values (framework dti-2020): DTI = 0.4 government + 0.3 economy + 0.3 society.")

    for year in (2021, 2022, 2023, 2024):
        for code in levels:
            levels[code] += rng.gauss(0, 0.25)
        targets = fit(levels, MEANS[year], BEST[year], rng)
        table = {code: indicator_values(targets[code], rng) for code, _ in codes}
        if year == 2022:
            del table["48"]
        stretch(table, MEANS[year] if year != 2022 else (MEANS[year] * 63 - dti_2022(DA_NANG_2022)) / 62, BEST[year])
        note = ""
        if year == TIE_YEAR:
            a, b = make_tie(table, rng)
            note = (f"Tie: {names[a]} and {names[b]} are equal at 4 decimals "
                    f"({round4(dti_2022(table[a])) / 10000:.4f}) and share a rank.")
        if year in MISSING:
            gaps = ", ".join(f"{names[c]} {i}" for c, i in MISSING[year])
            note = (note + " " if note else "") + f"Missing on purpose: {gaps}."
        rows = []
        for code, name in codes:
            if year == 2022 and code == "48":
                for i, _ in INDICATORS:
                    rows.append([name, year, i, f"{DA_NANG_2022[i]:.4f}", "dti.gov.vn/xep-hang-2022", "official"])
                continue
            for i, _ in INDICATORS:
                if (code, i) in MISSING.get(year, []):
                    continue
                rows.append([name, year, i, f"{table[code][i]:.4f}", SOURCE_SYNTHETIC, "synthetic"])
        write(year, codes, rows, note)
        values = [dti_2022(table[c]) for c in table]
        print(year, "mean", round(sum(values) / len(values), 4), "max", round(max(values), 4), note)


if __name__ == "__main__":
    main()
