#!/usr/bin/env python3
"""Prints scripts/benchmark's table from the results it collected.

Usage: report.py RESULTS_DIR

RESULTS_DIR holds `results` (key=value lines written by scripts/benchmark), the hyperfine
JSON exports hf-SIZE.json (commands named "scorecard cold", "scorecard warm", "hugo"),
hf-publish.json and hf-stats.json, and the `/usr/bin/time -v` reports rss-KIND-SIZE.txt.
The bars are issue 7's ("this issue" column) and issue 8's. Standard library only."""
import json
import os
import re
import statistics
import sys

d = sys.argv[1]
R = {}
with open(os.path.join(d, "results"), encoding="utf-8") as f:
    for line in f:
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            R[k] = v


def hf(name):
    """Command name -> hyperfine result, from hf-NAME.json (empty when it was not run)."""
    p = os.path.join(d, "hf-%s.json" % name)
    if not os.path.exists(p):
        return {}
    return {r["command"]: r for r in json.load(open(p))["results"]}


def rss_kib(kind, size):
    p = os.path.join(d, "rss-%s-%s.txt" % (kind, size))
    if not os.path.exists(p):
        return None
    found = re.findall(r"Maximum resident set size \(kbytes\): (\d+)", open(p).read())
    return max(int(k) for k in found) if found else None   # the largest over the runs


def mib(kib):
    return "%.0f MiB" % (kib / 1024) if kib < 1024 * 1024 else "%.2f GiB" % (kib / 1024 / 1024)


def verdict(ok):
    return "yes" if ok else "**no**"


sizes = [s for s in R.get("sizes", "").split(",") if s]
rows = []   # (measure, scorecard, hugo, ratio, bar, meets)
extra = []

per = {}
for s in sizes:
    h = hf(s)
    if not h:
        continue
    pages, hpages = int(R["pages_" + s]), int(R["hpages_" + s])
    c, w, g = h["scorecard cold"], h["scorecard warm"], h["hugo"]
    per[s] = dict(
        pages=pages, hpages=hpages,
        cold_ms=c["mean"] * 1000 / pages, hugo_ms=g["mean"] * 1000 / hpages,
        cold_cpu=(c["user"] + c["system"]) * 1000 / pages, hugo_cpu=(g["user"] + g["system"]) * 1000 / hpages,
        warm_pct=100 * w["mean"] / c["mean"], warm_ms=w["mean"] * 1000 / pages,
        cold_s=c["mean"], warm_s=w["mean"], hugo_s=g["mean"], runs=len(c["times"]),
        bytes=int(R["bytes_" + s]) / pages, hbytes=int(R["hbytes_" + s]) / hpages,
        rss_cold=rss_kib("cold", s), rss_warm=rss_kib("warm", s), rss_hugo=rss_kib("hugo", s),
    )

for s, p in per.items():
    ratio = p["cold_ms"] / p["hugo_ms"]
    bar = "≤ 2 × Hugo" if s == "1k" else "(≤ 2 × Hugo at 1k)"
    rows.append(("cold build, wall time per HTML page, %s site (%d pages; mean of %d: %.1f s)" % (s, p["pages"], p["runs"], p["cold_s"]),
                 "%.2f ms" % p["cold_ms"], "%.2f ms (%.2f s)" % (p["hugo_ms"], p["hugo_s"]), "%.1f ×" % ratio, bar,
                 verdict(ratio <= 2) if s == "1k" else ""))
for s, p in per.items():
    if s == "1k" and p["rss_cold"] and p["rss_hugo"]:
        ratio = p["rss_cold"] / p["rss_hugo"]
        rows.append(("peak RSS, cold build of the 1k site", mib(p["rss_cold"]), mib(p["rss_hugo"]), "%.2f ×" % ratio,
                     "≤ 0.25 × Hugo", verdict(ratio <= 0.25)))
    elif s != "1k" and p["rss_cold"]:
        rows.append(("peak RSS, cold build at %s pages (%.2f MB per page)" % (s, p["rss_cold"] * 1024 / 1e6 / p["pages"]),
                     mib(p["rss_cold"]), mib(p["rss_hugo"]) if p["rss_hugo"] else "—",
                     "%.2f ×" % (p["rss_cold"] / p["rss_hugo"]) if p["rss_hugo"] else "—",
                     "≤ 1 GiB" if s == "10k" else "", verdict(p["rss_cold"] <= 1024 * 1024) if s == "10k" else ""))
for s, p in per.items():
    rows.append(("second build, nothing changed, all published, %s site (%.1f s)" % (s, p["warm_s"]),
                 "%.0f %% of cold" % p["warm_pct"], "— (every build is full)", "", "≤ 10 % of cold", verdict(p["warm_pct"] <= 10)))

pub = hf("publish")
if pub:
    r = next(iter(pub.values()))
    rows.append(("`publish` of one visit of the %s site (mean of %d)" % (R.get("publish_size", "1k"), len(r["times"])), "%.2f s" % r["mean"], "—", "",
                 "≤ 1 s", verdict(r["mean"] <= 1)))
    extra.append("Publishing all %s visits of the %s site one by one would take about %.0f s (%s × that); "
                 "the benchmark writes the same record with scripts/bench/publish_all.py instead (%s)."
                 % (R.get("publish_visits", "?"), R.get("publish_size", "1k"), r["mean"] * int(R.get("publish_visits", "0")),
                    R.get("publish_visits", "?"), R.get("publish_check", "not verified")))

if "serve_latencies" in R:
    lat = [float(x) for x in R["serve_latencies"].split(",") if x and x != "timeout"]
    timeouts = R["serve_latencies"].split(",").count("timeout")
    polls = [float(x) for x in R.get("serve_polls", "").split(",") if x]
    stalls = sum(1 for x in polls if x > 1.0)
    med = statistics.median(lat) if lat else float("nan")
    text = "median %.0f ms, max %.0f ms (%d edits%s); %d of %d requests stalled > 1 s (longest %.1f s)" % (
        med, max(lat) if lat else float("nan"), len(lat) + timeouts, ", %d timed out" % timeouts if timeouts else "",
        stalls, len(polls), max(polls) if polls else 0)
    rows.append(("`serve`: one narrative edit until the page shows it (%s site + 1 draft)" % R.get("serve_size", "1k"),
                 text, "—", "", "≤ 300 ms median; no stall", verdict(lat and med <= 300 and stalls == 0 and not timeouts)))
elif "serve_skipped" in R:
    rows.append(("`serve`: one narrative edit until the page shows it", "not measured: " + R["serve_skipped"], "—", "", "≤ 300 ms median; no stall", ""))

for s, p in per.items():
    rows.append(("CPU (user + sys) per HTML page, cold build, %s site" % s, "%.2f ms" % p["cold_cpu"], "%.2f ms" % p["hugo_cpu"],
                 "%.1f ×" % (p["cold_cpu"] / p["hugo_cpu"]), "", ""))
for s, p in per.items():
    rows.append(("output bytes per HTML page (all files), %s site" % s, "%.0f B" % p["bytes"], "%.0f B" % p["hbytes"],
                 "%.1f ×" % (p["bytes"] / p["hbytes"]), "", ""))
for s, p in per.items():
    if p["rss_warm"]:
        rows.append(("peak RSS, second build, %s site" % s, mib(p["rss_warm"]), "—", "", "", ""))

st = hf("stats")
if st:
    base, full = st["check, no statistics"], st["check, with the statistics file"]
    cost = full["mean"] - base["mean"]
    rows.append(("reading a %s-row open-data file (`check` with it minus without; issue 8)" % R.get("stats_rows", "300,000"),
                 "%.2f s" % cost, "—", "", "< 1 s", verdict(cost < 1)))
elif "stats_skipped" in R:
    rows.append(("reading a 300,000-row open-data file (issue 8)", "skipped: " + R["stats_skipped"], "—", "", "< 1 s", ""))

print("scorecard benchmark, %s" % R.get("date", "?"))
print()
print("- commit: %s; binary: %s" % (R.get("commit", "?"), R.get("binary", "?")))
print("- load average (1, 5, 15 min) at start: %s; at end: %s; %s cores" % (R.get("load_start", "?"), R.get("load_end", "?"), R.get("cores", "?")))
print("- cold build: `%s`; warm build: `scorecard build` again with nothing changed; Hugo %s" % (R.get("cold_command", "?"), R.get("hugo_version", "?")))
print("- everything on tmpfs (%s); hyperfine runs per command: %s" % (R.get("bench_root", "/dev/shm"), R.get("runs", "?")))
print()
print("| measure | scorecard | Hugo | scorecard ÷ Hugo | bar | meets bar |")
print("|---|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
for s in sizes:
    if "identical_" + s in R:
        print("- %s site: cold and warm output %s; output digest %s" % (s, R["identical_" + s], R.get("digest_" + s, "?")))
for e in extra:
    print("- " + e)
