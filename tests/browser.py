"""Open a page in headless Chromium: the rendered DOM, console messages, network requests, a screenshot.

Uses the plain ``chromium`` command (Debian package ``chromium``) rather than a driver library, so
the tests need nothing from the network. Tests using it skip with a reason where it is absent.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]
# Chromium's own background traffic (update checks, account probes), not the page's.
_BROWSER_HOSTS = re.compile(r"^https?://([\w.-]+\.)?(google\.com|googleapis\.com|gstatic\.com|"
                            r"googleusercontent\.com|chromium\.org)(/|$)")


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium); "
                    ".ci/run installs it")
    return path


@dataclass
class PageVisit:
    dom: str
    console: list[str]
    requests: list[str]
    screenshot: Path | None


def visit(page: Path, *, screenshot: Path | None = None, width: int = 1200,
          height: int = 2400) -> PageVisit:
    browser = require_chromium()
    url = page.resolve().as_uri()
    with tempfile.TemporaryDirectory() as profile:
        net_log = Path(profile) / "net.json"
        flags = _FLAGS + [f"--user-data-dir={profile}/p", f"--log-net-log={net_log}",
                          "--virtual-time-budget=3000", f"--window-size={width},{height}"]
        run = subprocess.run([browser, *flags, "--dump-dom", url], capture_output=True, text=True,
                             timeout=120)
        console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
        requests = _requests(net_log)
        if screenshot is not None:
            subprocess.run([browser, *_FLAGS, f"--user-data-dir={profile}/s",
                            f"--window-size={width},{height}", f"--screenshot={screenshot}", url],
                           capture_output=True, text=True, timeout=120)
    return PageVisit(dom=run.stdout, console=console, requests=requests,
                     screenshot=screenshot if screenshot and screenshot.exists() else None)


def _requests(net_log: Path) -> list[str]:
    if not net_log.exists():
        return []
    try:
        data = json.loads(net_log.read_text(encoding="utf-8", errors="replace"))
    except json.JSONDecodeError:  # the log is closed at exit; a truncated tail is still useful
        text = net_log.read_text(encoding="utf-8", errors="replace")
        return sorted(set(re.findall(r'"url":"([^"]+)"', text)))
    urls = {e["params"]["url"] for e in data.get("events", []) if "url" in e.get("params", {})}
    return sorted(u for u in urls if not u.startswith(("file:", "data:", "about:", "chrome"))
                  and not _BROWSER_HOSTS.match(u))
