#!/usr/bin/env python3
"""Deterministic synthetic open-data file in the Explore Education Statistics (EES) shape, for
timing issue 8's reader ("reading a 300,000-row open-data file costs under a second").

Usage: make_statistics_file.py OUT.csv [ROWS] [--seed S] [--financial-years]

Columns: time_period, time_identifier, geographic_level, country_code, country_name,
region_code, region_name, old_la_code, new_la_code, la_name, the filter columns
population_group and characteristic, and the indicator columns number, rate_per_10000 and
percent. One row per period x filter combination x geography (England, 9 regions, 150 local
authorities: 160 geographies), periods outermost, so the default 300,000 rows are exactly
25 periods (1999 to 2023) x 75 filter combinations (5 x 15) x 160 geographies. With another
ROWS the file stops after ROWS rows (the last period may then be partial).

About 3% of indicator cells hold a GSS symbol: c (confidential), x (not available),
z (not applicable), low (rounds to zero) or u (low reliability). The authority
E08000032 and its ten statistical neighbours E08000033 to E08000042 are always present, as
is the filter combination population_group=All, characteristic=Total; the last line of
standard error says so, as JSON, for a benchmark that builds a site around the file.
--financial-years writes time_period as 201920 with time_identifier "Financial year"
instead of 2019 with "Reporting year". Standard library only."""
import argparse
import json
import random
import sys

REGIONS = [
    ("E12000001", "North East"), ("E12000002", "North West"), ("E12000003", "Yorkshire and The Humber"),
    ("E12000004", "East Midlands"), ("E12000005", "West Midlands"), ("E12000006", "East of England"),
    ("E12000007", "London"), ("E12000008", "South East"), ("E12000009", "South West"),
]
POPULATION_GROUPS = ["All", "Boys", "Girls", "Under 10", "10 and over"]
CHARACTERISTICS = ["Total", "White", "Mixed", "Asian", "Black", "Other ethnic group", "Unknown ethnicity",
                   "Disabled", "Not disabled", "Unaccompanied asylum seeking", "Not unaccompanied asylum seeking",
                   "Entered care in year", "Left care in year", "Placed in authority", "Placed outside authority"]
SYMBOLS = ["c", "x", "z", "low", "u"]
AUTHORITY = "E08000032"
NEIGHBOURS = ["E080000%02d" % n for n in range(33, 43)]


def geographies():
    """England, the regions, then 150 authorities (E08000001-60, E06000001-60, E09000001-30)."""
    out = [("National", "", "", "", "", "")]
    out += [("Regional", code, name, "", "", "") for code, name in REGIONS]
    k = 0
    for prefix, count in (("E08", 60), ("E06", 60), ("E09", 30)):
        for n in range(1, count + 1):
            code, name = REGIONS[k % 9]
            out.append(("Local authority", code, name, str(800 + k), "%s%06d" % (prefix, n), "Authority %s%06d" % (prefix, n)))
            k += 1
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("rows", nargs="?", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--financial-years", action="store_true")
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    geos = geographies()
    written = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
                "old_la_code,new_la_code,la_name,population_group,characteristic,number,rate_per_10000,percent\n")
        year = 1999
        while written < a.rows:
            if a.financial_years:
                period, ident = "%d%02d" % (year, (year + 1) % 100), "Financial year"
            else:
                period, ident = str(year), "Reporting year"
            for group in POPULATION_GROUPS:
                for ch in CHARACTERISTICS:
                    for level, rcode, rname, old, new, name in geos:
                        if written >= a.rows:
                            break
                        number = rng.randint(0, 5000) if level == "Local authority" else rng.randint(5000, 90000)
                        rate = "%.1f" % rng.uniform(20, 140)
                        percent = "%.1f" % rng.uniform(0, 100)
                        cells = [str(number), rate, percent]
                        for j in range(3):
                            if rng.random() < 0.03:
                                cells[j] = rng.choice(SYMBOLS)
                        name_q = '"%s"' % rname if "," in rname else rname
                        f.write(",".join([period, ident, level, "E92000001", "England", rcode, name_q, old, new, name,
                                          group, ch] + cells) + "\n")
                        written += 1
            year += 1
    print(json.dumps({"rows": written, "authority-code": AUTHORITY, "statistical-neighbours": NEIGHBOURS,
                      "filters": {"population_group": "All", "characteristic": "Total"},
                      "measures": ["number", "rate_per_10000", "percent"]}), file=sys.stderr)


if __name__ == "__main__":
    main()
