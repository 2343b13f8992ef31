#!/usr/bin/env python3
"""Writes SampleData/components/dti-2022-components.csv: SYNTHETIC component-level sample data for
the 63 provinces, for the ILLUSTRATIVE catalogue Indicators/illustrative/dti-2022-components.yaml.

The file is written the way a provincial department's Excel exports it in a Vietnamese locale:
wide layout, ';' delimiter, decimal comma, '.' thousands, percentages, a/b fractions and có/không.
Bắc Ninh, Bắc Giang and Vĩnh Phúc carry the real figures of shared/domain/seed-facts.csv where
they exist (listed in each row's note); everything else is made up. Deterministic: run it again
and the file is byte-identical.
"""
import csv
import random

SEED = 20221
COMPONENTS = [
    # id, kind, low, high  (kind: share | count | yesno | fraction)
    ("awareness_plan", "yesno", 0, 0),
    ("awareness_tasks_done", "share", 0.55, 1.0),
    ("institutions_policies", "yesno", 0, 0),
    ("institutions_architecture", "yesno", 0, 0),
    ("dedicated_network_points", "count", 40, 260),
    ("agencies_lan_internet", "share", 0.7, 1.0),
    ("video_conference_points", "count", 30, 300),
    ("bts_stations", "count", 400, 3600),
    ("commune_staff_computers", "share", 0.5, 1.0),
    ("community_tech_teams", "share", 0.4, 1.0),
    ("four_layer_protection", "yesno", 0, 0),
    ("systems_security_rated", "share", 0.2, 1.0),
    ("documents_signed", "share", 0.6, 1.0),
    ("procedures_synchronised", "fraction", 0.5, 1.0),
    ("open_datasets", "count", 10, 320),
    ("official_email_agencies", "share", 0.7, 1.0),
    ("digital_economy_grdp", "share", 0.04, 0.3),
    ("e_invoice_enterprises", "share", 0.8, 1.0),
    ("online_tax_enterprises", "share", 0.85, 1.0),
    ("digital_signatures_in_use", "count", 1500, 16000),
    ("schools_digital", "share", 0.5, 1.0),
    ("fixed_broadband_households", "share", 0.3, 0.95),
]

# Real figures from shared/domain/seed-facts.csv, as written in the sources.
SEED_FACTS = {
    "Bắc Ninh": {
        "awareness_tasks_done": "100%",        # 2023: 100% of registered tasks completed
        "dedicated_network_points": "177",     # 2022-04-06
        "agencies_lan_internet": "100%",       # 2022-04-06
        "video_conference_points": "160",      # 2022-04-06
        "commune_staff_computers": "80%",      # 2022-04-06 ("trên 80%")
        "digital_economy_grdp": "56,83%",      # 2023, first in the country
    },
    "Bắc Giang": {
        "bts_stations": "1.417",               # 2021-06-25
        "video_conference_points": "267",      # 2021-06-25
        "documents_signed": "97%",             # 2021-06-25, provincial level
        "procedures_synchronised": "1591/2003",  # 2021-06-25
        "digital_signatures_in_use": "5.700",  # 2021-06-25, certificates issued
    },
    "Vĩnh Phúc": {
        "bts_stations": "3.100",
        "agencies_lan_internet": "100%",
        "dedicated_network_points": "169",
        "documents_signed": "99%",
        "official_email_agencies": "100%",
        "digital_signatures_in_use": "15.000",
        "e_invoice_enterprises": "100%",
        "online_tax_enterprises": "100%",
        "schools_digital": "100%",
        "open_datasets": "206",
    },
}


def vietnamese_number(value, decimals):
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def cell(kind, low, high, rng):
    if kind == "yesno":
        return rng.choices(["có", "một phần", "không"], weights=[6, 3, 1])[0]
    if kind == "share":
        value = rng.uniform(low, high)
        return vietnamese_number(value * 100, 1) + "%" if rng.random() < 0.5 else vietnamese_number(value, 3)
    if kind == "count":
        return vietnamese_number(rng.randint(low, high), 0)
    total = rng.randint(1200, 2400)
    return f"{round(total * rng.uniform(low, high))}/{total}"


def main():
    rng = random.Random(SEED)
    with open("Indicators/units/provinces-63.csv", encoding="utf-8") as f:
        names = [row["name"] for row in csv.DictReader(f)]
    with open("SampleData/components/dti-2022-components.csv", "w", encoding="utf-8", newline="") as f:
        f.write("# SYNTHETIC SAMPLE DATA at component level for the DTI 2022 edition: NOT official figures.\n")
        f.write("# For the ILLUSTRATIVE catalogue Indicators/illustrative/dti-2022-components.yaml (not the official 98 components).\n")
        f.write("# Made by Scripts/generate-component-sample.py. Bắc Ninh, Bắc Giang and Vĩnh Phúc carry real published\n")
        f.write("# figures (shared/domain/seed-facts.csv) in the cells their note lists; every other value is made up.\n")
        f.write("# Written as Vietnamese Excel exports it: ';' delimiter, decimal comma, '.' for thousands.\n")
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(["tỉnh", "năm"] + [c[0] for c in COMPONENTS] + ["nguồn", "ghi chú", "trạng thái"])
        for name in names:
            facts = SEED_FACTS.get(name, {})
            row = [name, "2022"]
            for component, kind, low, high in COMPONENTS:
                generated = cell(kind, low, high, rng)
                row.append(facts.get(component, generated))
            note = ("real: " + ", ".join(facts) + " (seed-facts.csv); others synthetic") if facts else ""
            row += ["synthetic sample (Scripts/generate-component-sample.py)", note, "synthetic"]
            writer.writerow(row)


if __name__ == "__main__":
    main()
