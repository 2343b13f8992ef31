#!/usr/bin/env python3
"""The baseline an analyst would write: the same Monte Carlo as `dti sensitivity --weights 25%
--aggregation sum,geometric`, vectorised with numpy, on the same edition.

It reads what an analyst has: `dti rank --format csv` (each unit's main-indicator shares and its
DTI). The official weights are recovered exactly from those columns by least squares (the DTI is
linear in the shares), so the script needs no catalogue. Prints each unit's nominal rank, median
and 5-95 interval (nearest-rank percentiles, ranks shared at 4 decimals, as dti does).

    python3 sensitivity_numpy.py RANK.csv [RUNS] [SEED]
"""
import csv
import sys

import numpy as np

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
elements = ["awareness", "institutions", "infrastructure", "human_resources", "cybersecurity",
            "government_activity", "economy_activity", "society_activity"]

with open(path, encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(line for line in f if not line.startswith("#")) if r["dti"]]
codes = [r["code"] for r in rows]
shares = np.array([[float(r[e]) for e in elements] for r in rows])
dti = np.array([float(r["dti"]) for r in rows])
weights, *_ = np.linalg.lstsq(shares, dti, rcond=None)
total = weights.sum()

rng = np.random.default_rng(seed)
factors = rng.uniform(0.75, 1.25, size=(runs, len(elements)))
w = weights * factors
w *= (total / w.sum(axis=1))[:, None]
geometric = rng.integers(0, 2, size=runs).astype(bool)
sums = w @ shares.T
logs = np.log(np.maximum(shares, 0.001))
geo = total * np.exp((w @ logs.T) / total)
scores = np.where(geometric[:, None], geo, sums)
keys = np.round(scores * 10_000).astype(np.int64)
# Competition ranks: 1 + the number of units strictly ahead.
ranks = (keys[:, None, :] > keys[:, :, None]).sum(axis=2) + 1
nominal = (np.round(dti * 10_000)[None, :] > np.round(dti * 10_000)[:, None]).sum(axis=1) + 1
p05, median, p95 = np.percentile(ranks, [5, 50, 95], axis=0, method="inverted_cdf").astype(int)
order = np.argsort(nominal, kind="stable")
print("code,rank,median,p05,p95")
for unit in order:
    print(f"{codes[unit]},{nominal[unit]},{median[unit]},{p05[unit]},{p95[unit]}")
