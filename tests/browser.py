"""Open a page in headless Chromium: the rendered DOM, console messages, network requests, a screenshot.

Uses the plain ``chromium`` command (Debian package ``chromium``) rather than a driver library, so
the tests need nothing from the network. Tests using it skip with a reason where it is absent.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]
# Chromium's own background traffic (update checks, account probes), not the page's.
_BROWSER_HOSTS = re.compile(
    r"^https?://([\w.-]+\.)?(google\.com|googleapis\.com|gstatic\.com|"
    r"googleusercontent\.com|chromium\.org)(/|$)"
)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.skip(
            "headless Chromium is not installed (Debian: apt-get install chromium); "
            ".ci/run installs it"
        )
    return path


@dataclass
class PageVisit:
    dom: str
    console: list[str]
    requests: list[str]
    screenshot: Path | None


def visit(
    page: Path, *, screenshot: Path | None = None, width: int = 1200, height: int = 2400
) -> PageVisit:
    browser = require_chromium()
    url = page.resolve().as_uri()
    with tempfile.TemporaryDirectory() as profile:
        net_log = Path(profile) / "net.json"
        flags = _FLAGS + [
            f"--user-data-dir={profile}/p",
            f"--log-net-log={net_log}",
            "--virtual-time-budget=3000",
            f"--window-size={width},{height}",
        ]
        run = subprocess.run(
            [browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120
        )
        console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
        requests = _requests(net_log)
        if screenshot is not None:
            subprocess.run(
                [
                    browser,
                    *_FLAGS,
                    f"--user-data-dir={profile}/s",
                    f"--window-size={width},{height}",
                    f"--screenshot={screenshot}",
                    url,
                ],
                capture_output=True,
                text=True,
                timeout=120,
            )
    return PageVisit(
        dom=run.stdout,
        console=console,
        requests=requests,
        screenshot=screenshot if screenshot and screenshot.exists() else None,
    )


def _requests(net_log: Path) -> list[str]:
    if not net_log.exists():
        return []
    try:
        data = json.loads(net_log.read_text(encoding="utf-8", errors="replace"))
    except json.JSONDecodeError:  # the log is closed at exit; a truncated tail is still useful
        text = net_log.read_text(encoding="utf-8", errors="replace")
        return sorted(set(re.findall(r'"url":"([^"]+)"', text)))
    urls = {e["params"]["url"] for e in data.get("events", []) if "url" in e.get("params", {})}
    return sorted(
        u
        for u in urls
        if not u.startswith(("file:", "data:", "about:", "chrome")) and not _BROWSER_HOSTS.match(u)
    )


#: What :func:`layout` measures once the page has loaded in a frame of the wanted width: the page's
#: scroll width, every element that reaches past the right edge without a sideways-scrolling box
#: around it, each table's scroll box and each chart's drawn and natural width.
_LAYOUT_SCRIPT = """
var frame = document.getElementById("page");
frame.addEventListener("load", function () {
  var win = frame.contentWindow, doc = frame.contentDocument;
  var view = doc.documentElement.clientWidth;
  function scroller(el) {
    for (var p = el.parentElement; p && p !== doc.body; p = p.parentElement) {
      var o = win.getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden") { return p; }
    }
    return null;
  }
  var loose = [];
  doc.querySelectorAll("body *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width && r.right > view + 0.5 && !scroller(el)) {
      loose.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") +
                 " right=" + Math.round(r.right));
    }
  });
  var tables = [].map.call(doc.querySelectorAll("main table"), function (t) {
    var box = scroller(t);
    return {width: t.getBoundingClientRect().width,
            box: box ? box.getBoundingClientRect().width : null,
            boxRight: box ? box.getBoundingClientRect().right : null};
  });
  var charts = [].map.call(doc.querySelectorAll("figure.chart img"), function (img) {
    var box = img.parentElement.getBoundingClientRect();
    return {width: img.getBoundingClientRect().width, natural: img.naturalWidth,
            src: img.getAttribute("src"), boxRight: box.right};
  });
  var out = document.createElement("pre");
  out.id = "layout-measure";
  out.textContent = JSON.stringify({
    view: view, scrollWidth: doc.documentElement.scrollWidth, loose: loose.slice(0, 20),
    tables: tables, charts: charts});
  document.body.appendChild(out);
});
"""


def layout(page: Path, *, width: int, height: int = 3000) -> dict:
    """Measure ``page`` as Chromium lays it out ``width`` CSS px wide.

    Headless Chromium keeps its window at least 500 px wide, so the page is loaded into a frame
    of exactly ``width`` (its own viewport: media queries and ``vw`` follow it), from a probe page
    whose script measures it. Returns a dict: ``view`` and ``scrollWidth`` (CSS px), ``loose``
    (elements past the right edge outside any scroll box), ``tables`` and ``charts`` (each
    chart's drawn ``width``, ``natural`` width and ``src``).
    """
    text = page.read_text(encoding="utf-8")
    probe = (
        f'<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="page" style="width:{width}px;height:{height}px;border:0" '
        f'srcdoc="{html.escape(text, quote=True)}"></iframe>'
        f"<script>{_LAYOUT_SCRIPT}</script></body></html>"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.html"
        path.write_text(probe, encoding="utf-8")
        seen = visit(path, width=max(width, 500) + 20, height=height)
    found = re.search(r'<pre id="layout-measure">(.*?)</pre>', seen.dom, re.S)
    assert found, f"the measuring script did not run: {seen.console[-5:]}"
    return json.loads(html.unescape(found.group(1)))
