#!/usr/bin/env python3
"""Writes content/published.yaml for every visit of a site made by make_scorecard_site.py,
as `scorecard publish VISIT` would write it after publishing each visit in turn.

Usage: publish_all.py ROOT

Why: `scorecard publish` checks the whole site before it records one visit, so publishing the
1,000 visits of the 10k site one by one costs 1,000 full builds. The record is only hashes
(see Sources/ScorecardContent/PublishRecord.swift), so this writes the same bytes directly.
scripts/benchmark proves that on every run: it publishes a small generated site with
`scorecard publish`, visit by visit, and compares the two records byte for byte before it
trusts this script with the big sites.

It reads only the shapes make_scorecard_site.py writes (site.yaml with scorecards,
population and disclosure; visit.yaml without overrides) and refuses anything else.
Standard library only."""
import hashlib
import os
import re
import sys

HEADER = (
    "# The publish record, written by `scorecard publish` and `scorecard reopen`.\n"
    "# Do not edit it by hand: it holds a SHA-256 hash of every file of each published\n"
    "# visit and of the site settings in force for it. `scorecard check` and\n"
    "# `scorecard build` fail if any of them changes while the visit is published.\n"
)


def digest(data: bytes) -> str:
    """SHA-256 in hex, a byte-order mark dropped and CRLF read as LF (PublishRecord.hash)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def quoted(s: str) -> str:
    """YAMLText.quoted: a double-quoted scalar, backslashes and quotes escaped."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_site(root):
    """Scorecards (id, title) in order, population {year: n} and suppress-below."""
    text = open(os.path.join(root, "site.yaml"), encoding="utf-8").read()
    cards, population, suppress = [], {}, None
    section = None
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line and not line.startswith(" "):
            section = line.split(":", 1)[0]
        elif section == "scorecards" and line.startswith("  - id: "):
            cid = line[len("  - id: "):].strip()
            nxt = lines[i + 1]
            if not nxt.startswith("    title: "):
                sys.exit("publish_all.py: unexpected site.yaml shape near %r" % nxt)
            cards.append((cid, nxt[len("    title: "):].strip()))
            i += 1
        elif section == "population" and re.match(r"^  \d+: \d+$", line):
            y, n = line.strip().split(": ")
            population[int(y)] = int(n)
        elif section == "disclosure" and line.startswith("  suppress-below: "):
            suppress = int(line.split(": ")[1])
        elif line.strip():
            sys.exit("publish_all.py: unexpected site.yaml line %r (not made by make_scorecard_site.py?)" % line)
        i += 1
    if suppress is None:
        sys.exit("publish_all.py: site.yaml has no disclosure threshold (the maker always writes one)")
    return cards, population, suppress


def visit_files(folder):
    """Every file under the visit folder, hidden ones excluded: relative path -> hash."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, folder).replace(os.sep, "/")
            with open(full, "rb") as f:
                out[rel] = digest(f.read())
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    cards, population, suppress = read_site(root)
    visits_dir = os.path.join(root, "content", "visits")
    pop_text = "\n".join("%d=%d" % (y, population[y]) for y in sorted(population))
    settings_common = {
        "population": digest(pop_text.encode()),
        "disclosure": digest(str(suppress).encode()),
    }
    body = []
    for vid in sorted(os.listdir(visits_dir)):
        folder = os.path.join(visits_dir, vid)
        if vid.startswith(".") or not os.path.isdir(folder):
            continue
        vyaml = open(os.path.join(folder, "visit.yaml"), encoding="utf-8").read()
        if re.search(r"^(population|disclosure):", vyaml, re.M) or "status: published" not in vyaml:
            sys.exit("publish_all.py: %s/visit.yaml overrides settings or is not published; use scorecard publish" % vid)
        present = {d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d))}
        titles = "\n".join("%s=%s" % (cid, title) for cid, title in cards if cid in present)
        settings = dict(settings_common, **{"scorecard-titles": digest(titles.encode())})
        body.append("  %s:\n    settings:\n" % vid)
        body.extend("      %s: %s\n" % (k, settings[k]) for k in sorted(settings))
        body.append("    files:\n")
        files = visit_files(folder)
        body.extend("      %s: %s\n" % (quoted(k), files[k]) for k in sorted(files))
    text = HEADER + ("visits:\n" + "".join(body) if body else "visits: {}\n")
    with open(os.path.join(root, "content", "published.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
