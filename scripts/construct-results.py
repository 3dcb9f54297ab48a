#!/usr/bin/env python3
"""Construct a DTI results file for a plan's year from the plan itself (NOT published data).

Used once to make tests/fixtures/draft/gia-lai-2023-results.yaml, the input of the
`kehoach next` example (Gia Lai 2023 -> 2024 draft). The rule, per indicator (leaf rows):
- a task serving it says "Đã hoàn thành", "Thường xuyên" or "... hàng năm": full points;
- its tasks' deadlines are all in a later year: the baseline (2022) points are kept;
- otherwise (e.g. "Thống kê số liệu"): half-way from the baseline points to the maximum.
Parents (indicators with sub-indicators, main indices) are the sums of their children; the
total is the sum of the main indices. No ranks: they cannot be derived.

usage: scripts/construct-results.py plans/gia-lai-2023.yaml > results.yaml
"""
import re
import sys

import yaml

plan = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
cat = yaml.safe_load(open("lints/dti-922-2022.yaml", encoding="utf-8"))
year = plan["document"]["year"]
base = {i["code"]: i.get("points") for i in plan["baseline"].get("indicators", [])}
deadlines = {}
for t in plan["tasks"]:
    for c in t.get("indicators", []):
        deadlines.setdefault(c, []).append((t.get("deadline") or "").strip())


def num(v):
    if isinstance(v, (int, float)):
        return float(v)
    return None


def leaf_points(code, mx):
    ds = deadlines.get(code, [])
    b = num(base.get(code))
    if any(d == "Đã hoàn thành" or d.startswith("Thường xuyên") or "hàng năm" in d.lower() for d in ds):
        return mx
    years = [int(y) for d in ds for y in re.findall(r"\b(20\d\d)\b", d)]
    if b is None:
        return None
    b = min(b, mx)  # a baseline figure above the maximum (Gia Lai 4.2: 100 of 10) is a slip
    if ds and years and min(years) > year:
        return b
    return round(b + (mx - b) / 2, 2)


out = []


def walk(e):
    mx = e.get("max_points")
    kids = e.get("children", [])
    if kids:
        pts = [walk(k) for k in kids]
        p = round(sum(pts), 2) if pts and all(x is not None for x in pts) else None
    else:
        p = leaf_points(e["code"], mx) if mx is not None else None
    if p is not None:
        out.append((e["code"], p))
    return p


total = 0.0
for idx in cat["indices"]:
    p = walk(idx)
    if p is not None:
        total += p
order = {}
def number(e):
    order[e["code"]] = len(order)
    for k in e.get("children", []):
        number(k)
for idx in cat["indices"]:
    number(idx)
out.sort(key=lambda cp: order[cp[0]])

print("# CONSTRUCTED, NOT PUBLISHED: DTI results for %s %d made by scripts/construct-results.py" % (plan["document"]["place"], year))
print("# from the plan's own deadlines (see the script for the rule); the ministry's real figures")
print("# for %d are not used. Input of the `kehoach next` example and tests." % year)
print("year: %d" % year)
print('province: "%s"' % plan["document"]["place"])
print('source: "số liệu dựng từ kế hoạch năm %d, không phải kết quả công bố"' % year)
print("total: %s" % round(total, 2))
print("scores:")
for c, p in out:
    print('  - code: "%s"' % c)
    print("    points: %s" % (int(p) if float(p).is_integer() else p))
