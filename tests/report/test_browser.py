"""The report as a browser shows it: headless Chromium, skipped where it is not installed."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from framing import Report, analyse, load_corpus

from ..browser import layout, visit
from ..conftest import BUNDLED_CORPUS
from ..corpus_factory import make_corpus
from .test_build import hostile_corpus  # noqa: F401  (fixture)

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


# -- the page on a phone and on a desktop screen ---------------------------------------------------


def _smallest_text(uri: str) -> tuple[float, float]:
    """(smallest font size, viewBox width) of a chart's SVG, both in its own units."""
    svg = urllib.parse.unquote(uri.split(",", 1)[1])
    sizes = [float(v) for v in re.findall(r"font-size: ?([\d.]+)px", svg)]
    return min(sizes), float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The bundled two-article page and an eight-outlet page with every section."""
    folder = tmp_path_factory.mktemp("pages")
    bundled = folder / "bundled.html"
    Report(analyse(load_corpus(BUNDLED_CORPUS))).to_file(bundled)
    wide_corpus = load_corpus(make_corpus(folder / "wide", wide=True))
    wide = folder / "wide.html"
    Report(analyse(wide_corpus), corpus=wide_corpus).to_file(wide)
    return {"bundled": bundled, "wide": wide}


@pytest.mark.parametrize("name", ["bundled", "wide"])
def test_at_400px_only_tables_and_charts_scroll_sideways_not_the_page(pages, name):
    seen = layout(pages[name], width=400)
    assert seen["view"] == 400
    assert seen["scrollWidth"] <= seen["view"], "the page scrolls sideways"
    assert seen["loose"] == []  # nothing reaches past the screen outside a scroll box
    assert seen["tables"]
    for table in seen["tables"]:
        # each table that is wider than the screen scrolls inside its own box, which fits
        assert table["box"] is not None and table["boxRight"] <= seen["view"] + 0.5, table
    assert all(c["boxRight"] <= seen["view"] + 0.5 for c in seen["charts"])


@pytest.mark.parametrize("name", ["bundled", "wide"])
def test_at_400px_chart_text_stays_readable(pages, name):
    # regression: charts shrank to the screen's width and their text to about 5 px
    seen = layout(pages[name], width=400)
    assert seen["charts"]
    for chart in seen["charts"]:
        size, view_box = _smallest_text(chart["src"])
        drawn_px = size * chart["width"] / view_box
        assert drawn_px >= 9.0, f"chart text drawn at {drawn_px:.1f} px"


@pytest.mark.parametrize("name", ["bundled", "wide"])
def test_at_1280px_charts_are_drawn_at_their_own_size_and_nothing_scrolls(pages, name):
    seen = layout(pages[name], width=1280, height=4000)
    assert seen["scrollWidth"] <= seen["view"] and seen["loose"] == []
    for chart in seen["charts"]:
        assert abs(chart["width"] - chart["natural"]) < 1, chart["width"]
        size, view_box = _smallest_text(chart["src"])
        assert size * chart["width"] / view_box >= 11.0
    for table in seen["tables"]:
        assert table["width"] <= table["box"] + 1  # a desktop table fits its column
