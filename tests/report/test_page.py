"""The report page as a whole: one colour per outlet in every chart, outlets that share a point on
the map, the page's size, and thousands separators in every table and chart."""

from __future__ import annotations

import re
import urllib.parse
from collections import defaultdict

import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex

from framing import Report, analyse, figures, load_corpus

from ..conftest import BUNDLED_CORPUS, write_article, write_outlet
from ..corpus_factory import EXTRA_OUTLETS, OUTLETS, make_corpus


def render_capturing_figures(report: Report) -> tuple[str, list]:
    """The page's HTML and every Figure the sections turned into a chart, in page order."""
    captured = []
    original = figures.svg_data_uri

    def capture(fig):
        captured.append(fig)
        return original(fig)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(figures, "svg_data_uri", capture)
        html = report.to_html()
    return html, captured


def chart_svgs(html: str) -> list[str]:
    return [
        urllib.parse.unquote(u.split(",", 1)[1])
        for u in re.findall(r'src="(data:image/svg\+xml[^"]*)"', html)
    ]


@pytest.fixture(scope="module")
def wide_page(tmp_path_factory):
    root = make_corpus(tmp_path_factory.mktemp("wide") / "corpus", wide=True)
    corpus = load_corpus(root)
    return render_capturing_figures(Report(analyse(corpus), corpus=corpus))


def outlet_colours(fig) -> dict[str, set[str]]:
    """Colours of the artists a chart labels with an outlet's name (bars, markers)."""
    seen = defaultdict(set)
    for ax in fig.axes:
        for patch in ax.patches:
            if patch.get_label() and not patch.get_label().startswith("_"):
                # a hatched segment is a lighter fill, hatched in the outlet's own (edge) colour
                seen[patch.get_label()].add(to_hex(patch.get_edgecolor()).lower())
        for c in ax.collections:
            if (
                isinstance(c, PathCollection)
                and len(c.get_offsets())
                and not c.get_label().startswith("_")
            ):
                seen[c.get_label()].add(to_hex(c.get_facecolor()[0]).lower())
    return seen


def test_each_outlet_has_one_colour_in_every_chart(wide_page):
    html, charts = wide_page
    names = [m["name"] for m in {**OUTLETS, **EXTRA_OUTLETS}.values()]
    # the page order: most articles first (all have twelve), then by name
    expected = {o: figures.PALETTE[k].lower() for k, o in enumerate(sorted(names))}
    seen = defaultdict(set)
    charts_naming_outlets = 0
    for fig in charts:
        colours = outlet_colours(fig)
        if set(colours) & set(names):
            charts_naming_outlets += 1
        for outlet, found in colours.items():
            seen[outlet] |= found
    assert charts_naming_outlets >= 4  # the overview, two axis charts, the verb mix, the heat map
    assert dict(seen) == {o: {c} for o, c in expected.items()}
    # the map and the tree draw exactly those eight colours, one marker per outlet
    for fig in charts[-2:]:
        markers = [
            to_hex(f).lower()
            for ax in fig.axes
            for c in ax.collections
            if isinstance(c, PathCollection) and c.get_sizes().max() > 5
            for f in c.get_facecolors()
        ]
        assert sorted(markers) == sorted(expected.values())
    # the show/hide controls are the page's legend: the same colour beside each name
    for outlet, colour in expected.items():
        assert re.search(rf'background: {colour}"></span>{re.escape(outlet)}</label>', html, re.I)


def test_outlets_sharing_a_point_on_the_map_are_named_together(wide_page):
    html, charts = wide_page
    # Harbour Herald and Valley Voice are written alike: their profiles coincide
    outlet_map = chart_svgs(html)[-2]
    assert ">Harbour Herald (center), Valley Voice (center)<" in outlet_map


def test_the_bundled_two_article_page_is_small():
    # was 454 KB, with 110-118 KB charts (a dotted hatch drawn as thousands of tiny circles)
    html = Report(analyse(load_corpus(BUNDLED_CORPUS))).to_html()
    size = len(html.encode("utf-8"))
    charts = [len(u) for u in re.findall(r'src="(data:image/svg\+xml[^"]*)"', html)]
    assert len(charts) >= 6
    assert size < 160_000, f"{size:,} bytes"
    assert max(charts) < 25_000, charts
    # still self-contained: every chart inline
    assert not re.search(r'src="(?!data:)', html)


def test_the_wide_page_charts_stay_small(wide_page):
    html, _ = wide_page
    charts = [len(u) for u in re.findall(r'src="(data:image/svg\+xml[^"]*)"', html)]
    assert max(charts) < 30_000, charts


@pytest.fixture(scope="module")
def big_numbers_page(tmp_path_factory):
    """One article with 1,010 uses of 'occupation' (and 2,051 words), one with a few 'mission's."""
    root = tmp_path_factory.mktemp("big") / "corpus"
    write_outlet(root, "big", name="Big Daily")
    write_outlet(root, "small", name="Small Weekly")
    body = "\n\n".join(
        "Foreign troops continued the occupation" + ", the occupation" * 100 + "."
        for _ in range(10)
    )
    write_article(root, "big", "long", body, published="2021-08-01", story="s")
    write_article(
        root,
        "small",
        "short",
        "The troops' mission in Afghanistan continued, officials "
        "said. US troops completed their mission in Afghanistan.",
        published="2021-08-02",
        story="s",
    )
    return Report(analyse(load_corpus(root))).to_html()


def test_every_number_in_tables_has_thousands_separators(big_numbers_page):
    html = big_numbers_page
    assert '<td class="n">1,010</td>' in html  # the axis table's count and own-voice count
    assert '<td class="n">2,051</td>' in html  # words, in the articles table
    cells = re.findall(r'<td class="n">(.*?)</td>', html)
    assert cells and not [c for c in cells if re.search(r"(?<![\d.,])\d{4,}", c)]
    assert "(1,010 hits" in html  # the summary's finding


def test_every_number_on_charts_has_thousands_separators(big_numbers_page):
    texts = [
        t for svg in chart_svgs(big_numbers_page) for t in re.findall(r">([^<>]+)</text>", svg)
    ]
    assert "occupation 1,010" in texts  # the axis chart's segment
    assert "Big Daily (1,010)" in texts  # the overview's label
    assert not [t for t in texts if re.search(r"(?<![\d.,])\d{4,}", t)], texts
