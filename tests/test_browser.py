"""The report as a browser shows it: headless Chromium, skipped where it is not installed."""

from __future__ import annotations

import pytest

from framing import Report, analyse, load_corpus

from .browser import visit
from .test_report import hostile_corpus  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def test_seed_report_renders_offline_with_a_screenshot(bundled_corpus, tmp_path):
    page = tmp_path / "seed.html"
    Report(analyse(load_corpus(bundled_corpus))).to_file(page)
    shot = tmp_path / "seed.png"
    seen = visit(page, screenshot=shot)
    assert seen.requests == []
    assert not [c for c in seen.console if "rror" in c], seen.console
    assert "The foreign military presence" in seen.dom
    assert "<mark>occupation</mark>" in seen.dom
    assert seen.screenshot is not None and shot.stat().st_size > 10_000


def test_hostile_article_is_shown_as_text_not_run(hostile_corpus, tmp_path):  # noqa: F811
    page = tmp_path / "hostile.html"
    Report(analyse(load_corpus(hostile_corpus))).to_file(page)
    seen = visit(page)
    assert "PWNED" not in seen.dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;document.title" in seen.dom  # shown as text
    assert seen.requests == []
