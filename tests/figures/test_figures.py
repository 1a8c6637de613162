"""The charts themselves: text inside the figure, one colour per group, no hidden markers, small
SVG that leaves text alone, thousands separators."""

from __future__ import annotations

import re
import urllib.parse
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex as _to_hex
from matplotlib.text import Text

# attributes are looked up as each test runs, so every test stands or falls on its own
from framing.figures import core as figures
from framing.figures import profiles as stats_figures

PALETTE = [c.lower() for c in figures.PALETTE]


def group_styles(groups):
    """The page's styles, colours written as matplotlib reads them back (lower-case hex)."""
    return {g: s._replace(colour=s.colour.lower()) for g, s in figures.group_styles(groups).items()}


def to_hex(colour) -> str:
    return _to_hex(colour).lower()


def drawn(fig):
    """The figure laid out by Agg, and its renderer (for extents in display pixels)."""
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    fig.draw(renderer)
    return renderer


def texts_outside(fig) -> list[str]:
    """What reaches past the figure's edge, by more than 0.01 in: empty when all is inside.

    The test is the figure's tight bounding box (everything drawn: text, markers, legends);
    the texts named are those whose extent is outside, to say what went wrong.
    """
    renderer = drawn(fig)
    tight = fig.get_tightbbox(renderer)  # inches
    width, height = fig.get_size_inches()
    if (
        tight.x0 >= -0.01
        and tight.y0 >= -0.01
        and tight.x1 <= width + 0.01
        and tight.y1 <= height + 0.01
    ):
        return []
    out = [f"drawn {tight.bounds} in a {width:.2f} x {height:.2f} in figure"]
    for t in fig.findobj(Text):
        if t.get_visible() and t.get_text().strip():
            box = t.get_window_extent(renderer)
            if box.x0 < 0 or box.y0 < 0 or box.x1 > fig.bbox.width or box.y1 > fig.bbox.height:
                out.append(t.get_text())
    return out


def label_boxes(fig, *, contains: str = "") -> list:
    renderer = drawn(fig)
    return [
        (t.get_text(), t.get_window_extent(renderer))
        for t in fig.axes[0].texts
        if t.get_visible() and contains in t.get_text()
    ]


def marker_centres(fig) -> list[tuple[str, np.ndarray]]:
    """(colour, centre in display px) of every marker of the figure's scatter collections."""
    drawn(fig)
    out = []
    for ax in fig.axes:
        for c in ax.collections:
            if not isinstance(c, PathCollection) or not len(c.get_offsets()):
                continue
            if c.get_sizes().max() <= 5:  # the small dot at a spread cluster's true place
                continue
            colours = [to_hex(f) for f in c.get_facecolors()]
            for k, xy in enumerate(c.get_offset_transform().transform(c.get_offsets())):
                out.append((colours[k % len(colours)], np.asarray(xy)))
    return out


def overview_positions(outlets: dict[str, float], axis_total: int = 3) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "axis_label": "The foreign military presence",
                "left": "occupation",
                "right": "mission",
                "outlet_name": o,
                "position": p,
                "axis_total": axis_total,
            }
            for o, p in outlets.items()
        ]
    )


# 1. no text is cut off at a figure's edge -------------------------------------------------------


def test_the_heat_map_colour_bar_label_is_inside_the_figure():
    # regression: the bar's label, turned on its side at the right edge, was cut to
    # "r 1,000 words (own voice)"
    matrix = pd.DataFrame(
        [[1.8, 3.6, 0.0, 2.0], [0.0, 0.0, 2.0, 0.0]],
        index=["Latin Times", "Press TV"],
        columns=["emotive", "intensifier", "doubt attribution", "endorse attribution"],
    )
    fig = figures.heatmap_figure(matrix, colorbar_label="per 1,000 words (own voice)")
    assert texts_outside(fig) == []
    assert any(t.get_text() == "per 1,000 words (own voice)" for t in fig.findobj(Text))


@pytest.mark.parametrize("n_outlets", [2, 8, 30])
def test_no_chart_text_reaches_past_the_figure(n_outlets):
    names = [f"Outlet number {k} with a long name" for k in range(n_outlets)]
    positions = overview_positions({o: (-1) ** k for k, o in enumerate(names)})
    positions["left"], positions["right"] = "stabilization force abroad", "occupying forces abroad"
    assert texts_outside(figures.axis_overview_figure(positions)) == []
    table = pd.DataFrame(
        [
            {"outlet_name": o, "pole": p, "count": 5, "share": 0.5}
            for o in names
            for p in ("Doubt-casting", "Neutral")
        ]
    )
    assert (
        texts_outside(
            figures.axis_shares_figure(
                table,
                poles=["Doubt-casting", "Neutral", "Charged", "Endorsing", "Assertive"],
                outlets=names,
                title="Reporting verbs",
            )
        )
        == []
    )
    coords = pd.DataFrame(
        {
            "outlet": names,
            "x": np.linspace(0, 1, n_outlets),
            "y": np.linspace(1, 0, n_outlets),
            "n_articles": 5,
        }
    )
    assert texts_outside(stats_figures.outlet_map_figure(coords)) == []


# 2. one colour per group, labels by pattern -----------------------------------------------------


def test_group_styles_give_eight_colours_then_grey():
    groups = [f"outlet-{k}" for k in range(200)]
    styles = group_styles(groups)
    assert [styles[g].colour for g in groups[:8]] == PALETTE
    assert {styles[g].colour for g in groups[8:]} == {
        figures.OTHER_COLOUR.lower()
    }  # 192 grey outlets
    assert len({styles[g].marker for g in groups[:8]}) == 8
    # a group's style depends on its place in the page order only, not on the chart
    assert group_styles(["b", "a", "b"]) == {"b": styles["outlet-0"], "a": styles["outlet-1"]}


def test_axis_bars_take_the_outlets_colour_and_tell_labels_by_pattern():
    styles = group_styles(["Latin Times", "Press TV", "Third"])
    table = pd.DataFrame(
        [
            {"outlet_name": "Press TV", "pole": "war", "count": 1, "share": 0.25},
            {"outlet_name": "Press TV", "pole": "conflict", "count": 1, "share": 0.25},
            {"outlet_name": "Press TV", "pole": "jihad", "count": 2, "share": 0.5},
            {"outlet_name": "Third", "pole": "war", "count": 3, "share": 1.0},
        ]
    )
    # Latin Times has no hits on this axis: Press TV keeps its own colour all the same
    fig = figures.axis_shares_figure(
        table, poles=["war", "conflict", "jihad"], outlets=["Press TV", "Third"], styles=styles
    )
    bars = [p for p in fig.axes[0].patches if p.get_label() in styles]
    by_outlet: dict = {}
    for bar in bars:
        by_outlet.setdefault(bar.get_label(), []).append(bar)
    assert set(by_outlet) == {"Press TV", "Third"}
    for outlet, segments in by_outlet.items():
        colour = styles[outlet].colour
        faces = {to_hex(b.get_facecolor()) for b in segments}
        assert faces <= {colour, to_hex(figures.tint(colour))}, outlet
    press = sorted(by_outlet["Press TV"], key=lambda b: b.get_x())
    assert len({b.get_hatch() for b in press}) == 3  # each label its own pattern
    assert to_hex(press[0].get_facecolor()) == styles["Press TV"].colour
    # the legend explains patterns in grey, never in an outlet's colour
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["war", "conflict", "jihad"]
    assert not {to_hex(h.get_facecolor()) for h in legend.legend_handles} & set(PALETTE)


def test_overview_draws_each_outlet_in_its_page_colour():
    styles = group_styles(["A", "B", "C"])
    fig = figures.axis_overview_figure(
        overview_positions({"C": 1.0, "B": -1.0}), outlet_order=["B", "C"], styles=styles
    )
    seen = {
        c.get_label(): to_hex(c.get_facecolor()[0])
        for c in fig.axes[0].collections
        if c.get_label() in styles
    }
    assert seen == {"B": styles["B"].colour, "C": styles["C"].colour}


def test_heat_map_values_are_grey_and_rows_carry_the_group_marker():
    styles = group_styles(["A", "B"])
    fig = figures.heatmap_figure(
        pd.DataFrame([[1.0, 2.0], [3.0, 0.0]], index=["A", "B"], columns=["emotive", "hedge"]),
        styles=styles,
    )
    image = fig.axes[0].images[0]
    rgba = image.cmap(np.linspace(0, 1, 16))
    assert np.allclose(rgba[:, 0], rgba[:, 1]) and np.allclose(rgba[:, 1], rgba[:, 2])  # no hue
    seen = {c.get_label(): to_hex(c.get_facecolor()[0]) for c in fig.axes[0].collections}
    assert seen == {"A": styles["A"].colour, "B": styles["B"].colour}


# 3. markers at the same place are spread, and named together ---------------------------------


def test_outlets_at_identical_coordinates_are_spread_and_named_together():
    coords = pd.DataFrame(
        {
            "outlet": ["Harbour Herald", "Valley Voice", "Capital Courier"],
            "x": [0.5, 0.5, -1.0],
            "y": [0.2, 0.2, 1.0],
            "n_articles": [12, 12, 8],
        }
    )
    fig = stats_figures.outlet_map_figure(coords)
    centres = marker_centres(fig)
    # by default each outlet has its own colour, by size (most articles first) as on the page
    assert sorted(c for c, _ in centres) == sorted(PALETTE[:3])
    for (_, a), (_, b) in combinations(centres, 2):
        assert np.hypot(*(a - b)) >= 12, "two markers drawn on top of each other"
    labels = [t for t, _ in label_boxes(fig)]
    assert "Harbour Herald, Valley Voice" in labels and "Capital Courier" in labels
    # the spread markers keep a line to the true (shared) place
    lines = fig.axes[0].lines
    assert len(lines) == 2 and all(np.allclose(ln.get_xydata()[0], [0.5, 0.2]) for ln in lines)


def test_map_labels_do_not_overlap_each_other():
    rng = np.random.default_rng(3)
    coords = pd.DataFrame(
        {
            "outlet": [f"Outlet {k}" for k in range(25)],
            "x": rng.normal(size=25),
            "y": rng.normal(size=25),
            "n_articles": rng.integers(5, 50, size=25),
        }
    )
    boxes = [b for _, b in label_boxes(stats_figures.outlet_map_figure(coords))]
    assert len(boxes) >= 10
    overlaps = [
        (a, b)
        for a, b in combinations(boxes, 2)
        if min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1
    ]
    assert overlaps == []


@pytest.mark.parametrize("n_outlets", [2, 10])
def test_overview_stacks_outlets_at_the_same_position(n_outlets):
    # with more than eight outlets the points are not labelled: they overlapped completely
    positions = overview_positions({f"Outlet {k}": 1.0 for k in range(n_outlets)})
    centres = [xy for _, xy in marker_centres(figures.axis_overview_figure(positions))]
    assert len(centres) == n_outlets
    for a, b in combinations(centres, 2):
        assert np.hypot(*(a - b)) >= 8, "two markers drawn on top of each other"


def test_dendrogram_leaves_carry_the_outlet_marker():
    profiles = pd.DataFrame(
        {"f1": [0.0, 0.1, 1.0, 1.1], "f2": [1.0, 0.9, 0.0, 0.2], "n_articles": [9, 7, 5, 5]},
        index=["A", "B", "C", "D"],
    )
    styles = group_styles(["A", "B", "C", "D"])
    fig = stats_figures.dendrogram_figure(profiles, styles=styles)
    colours = sorted(c for c, _ in marker_centres(fig))
    assert colours == sorted(s.colour for s in styles.values())
    assert texts_outside(fig) == []


# 5. small SVG, text untouched --------------------------------------------------------------------


def svg_of(uri: str) -> str:
    return urllib.parse.unquote(uri.split(",", 1)[1])


def test_svg_post_pass_leaves_text_exactly_as_drawn():
    outlet, pole = 'x="3.14159" d="1.2345" <b>&', "font-family: X;"
    table = pd.DataFrame([{"outlet_name": outlet, "pole": pole, "count": 2, "share": 1.0}])
    svg = figures.to_svg(figures.axis_shares_figure(table, poles=[pole], outlets=[outlet]))
    assert '>x="3.14159" d="1.2345" &lt;b&gt;&amp;<' in svg
    assert f">{pole}<" in svg
    # …while coordinates are rounded and the font stack is one rule, not one per text
    assert not re.search(r'<path d="[^"]*\d\.\d\d', svg)
    assert not re.search(r"<[^>]*font-family", svg)  # in no tag …
    assert svg.count("text{font-family: " + figures.FONT_STACK + "}") == 1  # … but in one rule


def test_hatches_are_lines_not_hundreds_of_dots():
    table = pd.DataFrame(
        [
            {"outlet_name": o, "pole": p, "count": 1, "share": 1 / 8}
            for o in ("A", "B")
            for p in "abcdefgh"
        ]
    )
    svg = figures.to_svg(
        figures.axis_shares_figure(table, poles=list("abcdefgh"), outlets=["A", "B"])
    )
    patterns = re.findall(r"<pattern\b.*?</pattern>", svg, re.S)
    assert len(patterns) >= 7
    assert not any(" C " in p for p in patterns)  # a dotted hatch is drawn with Bézier circles
    assert len(svg) < 40_000


def test_data_uri_needs_no_html_escaping():
    uri = figures.svg_data_uri(
        figures.axis_overview_figure(overview_positions({"O'Brien & <Co>": 1.0}))
    )
    assert not set(uri) & set("\"'<>&")
    assert "O'Brien &amp; &lt;Co&gt;" in svg_of(uri)


# 6. thousands separators on charts ---------------------------------------------------------------


def chart_texts(fig) -> list[str]:
    drawn(fig)
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible()]


def test_chart_numbers_have_thousands_separators():
    table = pd.DataFrame(
        [
            {"outlet_name": "A", "pole": "occupation", "count": 12345, "share": 0.6},
            {"outlet_name": "A", "pole": "mission", "count": 8230, "share": 0.4},
        ]
    )
    assert {"occupation 12,345", "mission 8,230"} <= set(
        chart_texts(
            figures.axis_shares_figure(table, poles=["occupation", "mission"], outlets=["A"])
        )
    )
    assert "A (2,500)" in chart_texts(
        figures.axis_overview_figure(overview_positions({"A": 0.2}, 2500))
    )
    heat = chart_texts(
        figures.heatmap_figure(
            pd.DataFrame([[1234.5]], index=["A"], columns=["emotive"]),
            colorbar_label="per 1,000 words",
        )
    )
    assert "1,234.5" in heat
    assert all(not re.fullmatch(r"\d{4,}(\.\d+)?", t) for t in heat), heat
    iv = pd.DataFrame(
        {
            "outlet": ["A"],
            "estimate": [0.5],
            "ci_low": [0.4],
            "ci_high": [0.6],
            "n_articles": [1500],
        }
    )
    assert "A (n=1,500)" in chart_texts(stats_figures.intervals_figure(iv))


def test_notebook_charts_use_the_pages_colours():
    import framing
    from framing.figures import axis_chart, overview_chart
    from tests.conftest import BUNDLED_CORPUS

    a = framing.analyse(framing.load_corpus(BUNDLED_CORPUS))
    bars = {
        p.get_label(): to_hex(p.get_edgecolor())
        for p in axis_chart(a, "military-presence").axes[0].patches
        if not p.get_label().startswith("_")
    }
    dots = {
        c.get_label(): to_hex(c.get_facecolor()[0])
        for c in overview_chart(a).axes[0].collections
        if not c.get_label().startswith("_")
    }
    # as on the page: Latin Times first (one article each, then by name), Press TV second
    assert bars == dots == {"Latin Times": PALETTE[0], "Press TV": PALETTE[1]}


def test_notebook_charts_drawn_from_a_comparison_are_the_analysis_charts(tmp_path):
    # a chart from framing.compare's tables reads them, and matches the one computed afresh
    import framing
    from framing.figures import axis_chart, overview_chart
    from framing.loaded import LoadedLanguage

    from ..corpus_factory import make_corpus

    corpus = framing.load_corpus(make_corpus(tmp_path / "corpus", stories=2))
    a = framing.analyse(corpus)
    c = framing.compare(a, by="leaning")
    assert figures.to_svg(axis_chart(c, "military-presence")) == figures.to_svg(
        axis_chart(a, "military-presence", by="leaning")
    )
    overview = overview_chart(c)
    assert figures.to_svg(overview) == figures.to_svg(overview_chart(a, by="leaning"))
    texts = " ".join(chart_texts(overview))
    assert all(group in texts for group in ("state", "left", "center", "right")), texts
    with pytest.raises(KeyError, match="no framing axes"):
        axis_chart(framing.compare(framing.analyse(corpus, extractors=[LoadedLanguage()])), "x")


def test_a_panel_with_one_period_keeps_a_narrow_time_axis(caplog):
    # one period drawn (the other has no share): matplotlib would widen the axis to four years
    # and a locator fitted to the data then asked for thousands of ticks, printing warnings
    import logging

    import matplotlib.dates

    table = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2020-01-06", "2020-01-13"]),
            "group": ["A", "A"],
            "axis": ["x", "x"],
            "label": ["y", "y"],
            "share": [0.4, np.nan],
            "share_low": [0.2, np.nan],
            "share_high": [0.6, np.nan],
        }
    )
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        fig = figures.over_time_figure(table, panels=[("x", "y", "X")], groups=["A"])
        figures.to_svg(fig)
    assert not [r for r in caplog.records if "MAXTICKS" in r.getMessage()]
    low, high = fig.axes[0].get_xlim()
    assert 30 <= high - low <= 50  # days
    assert matplotlib.dates.num2date(low).year == 2019 or matplotlib.dates.num2date(low).month == 12
