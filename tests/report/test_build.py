"""The report: one self-contained file, every corpus string escaped, nothing fetched."""

from __future__ import annotations

import re

import pytest

from framing import Report, analyse, load_corpus
from framing.report import highlight, safe_url

from ..conftest import write_article, write_outlet

HOSTILE = '<script>document.title="PWNED"</script><img src=x onerror="document.title=\'PWNED\'">'


@pytest.fixture(scope="module")
def seed_html():
    from tests.conftest import BUNDLED_CORPUS

    return Report(analyse(load_corpus(BUNDLED_CORPUS))).to_html()


@pytest.fixture
def hostile_corpus(tmp_path):
    root = tmp_path / "hostile"
    write_outlet(root, "evil", name='Evil <b>News</b> "$x$"', country="<i>nowhere</i>")
    write_outlet(root, "fair", name="Fair Post")
    write_article(
        root,
        "evil",
        "a",
        f"""
        Foreign troops continue the occupation. {HOSTILE} The occupation of the city goes on.
        Readers wrote "</q><script>alert(1)</script>" in the comments about the occupation.
        """,
        title=f"Occupation {HOSTILE}",
        url="javascript:alert(1)",
        story="s",
    )
    write_article(
        root,
        "fair",
        "b",
        "The troops' mission continued, officials said.",
        url="https://example.org/story?a=1&b=<2>",
        story="s",
    )
    return root


def test_report_is_one_self_contained_file(seed_html):
    # nothing is loaded from anywhere: no external src/href for resources, no @import, no url(http
    assert not re.search(
        r'<(script|img|link|iframe|source|video|audio)[^>]+(src|href)="(?!data:)', seed_html
    )
    # url(...) only for data: and in-document references (an SVG clip-path: url(#id))
    assert "@import" not in seed_html and not re.search(r"url\((?!data:|#|%23)", seed_html)
    assert "Content-Security-Policy" in seed_html and "default-src 'none'" in seed_html
    assert seed_html.count("<html") == 1


def test_report_shows_the_seed_finding_with_sentences(seed_html):
    assert "The foreign military presence" in seed_html
    assert "<mark>occupation</mark>" in seed_html and "<mark>mission</mark>" in seed_html
    assert "Press TV uses only &#39;occupation&#39; terms" in seed_html
    assert "Latin Times uses only &#39;mission&#39; terms" in seed_html
    assert "Small sample" in seed_html and "a single article" in seed_html
    assert "20-year <mark>occupation</mark> of Afghanistan" in seed_html


def test_hostile_strings_are_escaped(hostile_corpus):
    html = Report(analyse(load_corpus(hostile_corpus))).to_html()
    assert "<script>document.title" not in html and "<script>alert(1)" not in html
    # no live element carries an event handler; the hostile <img> is shown as text
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", html, re.I)
    assert "&lt;img src=x onerror=" in html
    assert "&lt;script&gt;" in html
    assert "Evil &lt;b&gt;News&lt;/b&gt;" in html
    assert 'href="javascript:' not in html.lower()
    assert "&lt;i&gt;nowhere&lt;/i&gt;" in html
    # exactly one script element: ours, whose hash the CSP allows
    assert len(re.findall(r"<script\b", html)) == 1


def test_output_is_deterministic(bundled_corpus):
    one = Report(analyse(load_corpus(bundled_corpus))).to_html()
    two = Report(analyse(load_corpus(bundled_corpus))).to_html()
    assert one == two


def test_highlight_escapes_and_marks():
    assert (
        str(highlight('a <b> "x" & y', [(2, 5)])) == "a <mark>&lt;b&gt;</mark> &#34;x&#34; &amp; y"
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:x",
        "data:text/html,<script>",
        "vbscript:x",
        'https://a.b/"onmouseover=x',
        "//evil.example/x",
        "file:///etc/passwd",
        "",
    ],
)
def test_unsafe_urls_are_not_links(url):
    assert safe_url(url) is None


def test_report_file_is_written_atomically(bundled_corpus, tmp_path):
    out = tmp_path / "out" / "r.html"
    Report(analyse(load_corpus(bundled_corpus))).to_file(out)
    assert out.exists() and not list(out.parent.glob(".tmp-*"))


def test_summary_findings_link_to_their_sentences_and_state_measured_precision(seed_html):
    summary = seed_html[seed_html.index('<section id="summary">') :]
    summary = summary[: summary.index("</section>")]
    first = re.search(r"<li>(.*?)</li>", summary, re.S).group(1)
    # the first finding is the one with most evidence: the foreign presence, linked to its sentences
    assert first.startswith("On the foreign military presence")
    assert '<a href="#axis-military-presence">The sentences</a>' in first
    assert re.search(r"on hand-checked news, \d+% of this axis's counted terms were right", first)
    method = seed_html[seed_html.index('<section id="method">') :]
    assert re.search(r"How often a count is right.</strong> On \d+ counted axis terms", method)


def test_method_says_a_users_axis_file_is_unmeasured(tmp_path):
    from framing.axes import AxisCounter
    from tests.conftest import BUNDLED_CORPUS

    mine = tmp_path / "axes.toml"
    mine.write_text((BUNDLED_CORPUS.parent / "framing" / "data" / "axes.toml").read_text())
    corpus = load_corpus(BUNDLED_CORPUS)
    html = Report(analyse(corpus, extractors=[AxisCounter(axes=mine).fit()])).to_html()
    assert "has been measured for the built-in axes only" in html
    assert "of this axis's counted terms were right" not in html


def test_quote_counts_in_a_caption_add_up_to_its_actor_rows(seed_html):
    # each outlet's "Who is quoted" caption counts every kind of quote, partial ones included,
    # so it agrees with the quotes column of the actor rows under it (when every actor is shown)
    tables = re.findall(
        r"<caption>([^<]*?): [^<]*? (\d+) quotes \((\d+) direct, (\d+) partial, "
        r"(\d+) indirect\)</caption>.*?<tbody>(.*?)</tbody>",
        seed_html,
        re.S,
    )
    assert tables, "no quote captions found"
    for group, total, direct, partial, indirect, body in tables:
        assert int(total) == int(direct) + int(partial) + int(indirect)
        rows = re.findall(r"<tr><td>[^<]*</td><td class=\"n\">(\d+)</td>", body)
        assert sum(map(int, rows)) == int(total), group


def test_method_states_the_measured_speaker_accuracy(seed_html):
    from framing.precision import measured_precision

    quotes = measured_precision()["quotes"]
    assert f"{100 * quotes['speaker']['value']:.0f}% of the quotations found" in seed_html
    assert "benchmarks/quotes.py" in seed_html


def test_method_states_how_many_evidence_sentences_the_page_shows(seed_html):
    import re

    text = " ".join(re.sub(r"<[^>]+>", " ", seed_html).split())
    # two outlets: the page lists up to 10 a cell (the analysis keeps 50 for the tables)
    assert "Evidence lists show up to 10 sentences" in text
    assert "keeps up to 50" in text


def test_the_header_line_separates_every_part(seed_html):
    import re

    meta = seed_html[
        seed_html.index('class="meta"') : seed_html.index("</p>", seed_html.index('class="meta"'))
    ]
    text = " ".join(re.sub(r"<[^>]+>", " ", meta.split(">", 1)[1]).split())
    # regression: block tags ate the spaces ("2021-08-30· 1 story")
    assert re.search(r"\S·|·\S", text) is None, text
    assert text.startswith("2 articles from 2 outlets · ") and "· corpus corpus" in text


def test_dates_in_tables_do_not_wrap(seed_html):
    import re

    dates = re.findall(r'<td class="date">(\d{4}-\d{2}-\d{2})</td>', seed_html)
    assert len(dates) >= 2  # the articles table and the stories table
    assert re.search(r"td\.date[^{]*\{\s*white-space:\s*nowrap", seed_html)
    assert '<span class="date">2021-07-02</span>' in seed_html  # the header's dates too


def test_a_findings_axis_label_keeps_the_capital_of_a_name():
    from framing.report.sections.summary import _in_sentence

    assert _in_sentence("The troops' exit") == "the troops' exit"
    assert _in_sentence("Social programmes") == "social programmes"
    assert _in_sentence("Ukraine's capital") == "Ukraine's capital"
    assert _in_sentence("Palestinian armed groups") == "Palestinian armed groups"
