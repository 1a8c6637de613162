"""`framing add URL`: pages served by a local news site on 127.0.0.1, checked byte for byte."""

from __future__ import annotations

import hashlib

import pytest

from framing.cli import main
from framing.corpus import Corpus
from framing.errors import InputError
from framing.ingest import Fetcher, add_sources, extract_article
from framing.ingest.web import USER_AGENT

from .fixtures.newsserver import PAGES, NewsServer

ARTICLE = "/business/2024/03/05/dock-workers-strike"

EXPECTED_ARTICLE = """+++
outlet = "the-daily-example"
title = "Dock workers strike over automation plans"
published = 2024-03-05
url = "https://www.dailyexample.co.uk/business/2024/03/05/dock-workers-strike"
authors = ["Jane Harbour", "Tom Quay"]
+++
Thousands of dock workers walked out on Tuesday in protest at plans to replace crane operators \
with remote-controlled systems, halting traffic at the country\u2019s two busiest ports.

The union said 4,300 members had joined the strike, the first at the ports since 1989. \
\u201cNobody asked the people who actually move the containers,\u201d said Maria Okonjo, the \
union\u2019s regional secretary.

The port operator said the new cranes would be introduced gradually over five years and that no \
compulsory redundancies were planned. It described the walkout as \u201cdisappointing and \
unnecessary\u201d.

Business groups warned that a long stoppage would disrupt supplies of fresh food and car parts \
within days. Ministers urged both sides to return to talks.

Talks are due to resume at the conciliation service on Thursday.
"""

EXPECTED_OUTLET = """name = "The Daily Example"
domain = "dailyexample.co.uk"
country = ""
owner = ""
ownership = ""
language = ""
leaning = ""
notes = ""
"""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    # requests go to 127.0.0.1 directly, never through a proxy configured on the machine
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def site():
    with NewsServer() as server:
        yield server


def _tree(root):
    """Every file under root with its bytes (what 'the corpus is unchanged' means)."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _add(site, corpus, *paths, **options):
    return add_sources([site.url(p) for p in paths], corpus, delay=0, **options)


def test_article_lands_byte_for_byte_without_page_furniture(site, tmp_path):
    corpus = tmp_path / "c"
    outcome = _add(site, corpus, ARTICLE)
    assert not outcome.errors
    [result] = outcome.results
    assert result.status == "added" and result.new_outlet
    path = corpus / "articles" / "the-daily-example" / "2024-03-05-dock-workers-strike-over-automation-plans.md"
    assert result.path == path
    assert path.read_bytes() == EXPECTED_ARTICLE.encode("utf-8")
    assert (corpus / "outlets" / "the-daily-example.toml").read_bytes() == EXPECTED_OUTLET.encode()
    text = path.read_text(encoding="utf-8")
    for furniture in ("Subscribe", "Advertisement", "home insurance", "Related stories",
                      "Solidarity", "Post comment", "All rights reserved", "cookies", "Share on"):
        assert furniture not in text
    # and the corpus loads with the new outlet, whose missing metadata is reported
    corpus_obj = Corpus.load(corpus)
    [article] = list(corpus_obj)
    assert article.authors == ("Jane Harbour", "Tom Quay")
    assert corpus_obj.outlets["the-daily-example"].missing_fields() == ["country", "owner", "ownership", "language"]


def test_redirect_is_followed_and_the_same_url_is_a_duplicate(site, tmp_path):
    corpus = tmp_path / "c"
    _add(site, corpus, ARTICLE)
    before = _tree(corpus)
    outcome = _add(site, corpus, "/old-link")  # redirects to the same page: same canonical URL
    [result] = outcome.results
    assert result.status == "duplicate" and result.reason == "same URL"
    assert _tree(corpus) == before


def test_update_replaces_deliberately(site, tmp_path):
    corpus = tmp_path / "c"
    [first] = _add(site, corpus, ARTICLE).results
    first.path.write_text(first.path.read_text(encoding="utf-8").replace("Thursday", "Friday"),
                          encoding="utf-8")
    [again] = _add(site, corpus, ARTICLE, update=True).results
    assert again.status == "updated" and again.path == first.path
    assert first.path.read_bytes() == EXPECTED_ARTICLE.encode("utf-8")
    assert len(list((corpus / "articles").rglob("*.md"))) == 1


def test_syndicated_copy_under_another_outlet_is_flagged_not_refused(site, tmp_path):
    corpus = tmp_path / "c"
    _add(site, corpus, ARTICLE)
    outcome = _add(site, corpus, "/wire/ports-strike")
    [result] = outcome.results
    assert result.status == "added" and result.outlet == "northern-courier"
    [pair] = outcome.near_duplicates
    assert {pair.first, pair.second} == {str(result.path), str(next((corpus / "articles" / "the-daily-example").iterdir()))}
    assert pair.containment >= 0.9


def test_legacy_encoded_page_is_decoded(site, tmp_path):
    corpus = tmp_path / "c"
    [result] = _add(site, corpus, "/europe/paris-transport").results
    assert "decoded as cp1252" in result.notes
    text = result.path.read_text(encoding="utf-8")
    assert 'title = "Grève des transports à Paris"' in text
    assert "« Nous ne demandons que le respect des accords signés »" in text
    assert Corpus.load(corpus).outlets[result.outlet].name == "Le Quotidien d\u2019Exemple"


@pytest.mark.parametrize("path, message", [
    ("/missing", "HTTP 404 Not Found"),
    ("/server-error", "HTTP 500"),
    ("/huge", "page is too large"),
    ("/huge-declared", "page is too large (6,000,000 bytes"),
    ("/report.pdf", "is not an HTML page (Content-Type: application/pdf)"),
    ("/image-as-html", "is not an HTML page (binary content)"),
    ("/section/business", "no article text found on the page"),
    ("/loop", "redirects in a loop or more than 5 times"),
    ("/to-ftp", "redirect to a ftp URL refused"),
])
def test_bad_pages_give_one_line_non_zero_exit_and_change_nothing(site, tmp_path, capsys, path, message):
    corpus = tmp_path / "c"
    assert main(["add", site.url(ARTICLE), "--corpus", str(corpus), "--new", "--delay", "0"]) == 0
    capsys.readouterr()
    before = _tree(corpus)
    assert main(["add", site.url(path), "--corpus", str(corpus), "--new", "--delay", "0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert message in err and site.url(path) in err
    assert _tree(corpus) == before


def test_unreachable_host_and_timeout(site, tmp_path, capsys):
    corpus = tmp_path / "c"
    assert main(["add", "http://127.0.0.1:1/news", "--corpus", str(corpus), "--new", "--timeout", "2"]) == 2
    assert "cannot reach 127.0.0.1" in capsys.readouterr().err
    assert main(["add", site.url("/slow"), "--corpus", str(corpus), "--new", "--timeout", "0.5"]) == 2
    assert "timeout" in capsys.readouterr().err
    assert not corpus.exists()


def test_one_bad_url_among_several_saves_nothing_unless_skip_bad(site, tmp_path, capsys):
    corpus = tmp_path / "c"
    args = ["add", site.url(ARTICLE), site.url("/missing"), site.url("/report.pdf"),
            "--corpus", str(corpus), "--new", "--delay", "0"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 3 and "nothing was saved" in err[-1]
    assert not corpus.exists()
    assert main(args + ["--skip-bad"]) == 2
    assert len(list((corpus / "articles").rglob("*.md"))) == 1


def test_polite_user_agent_and_delay_per_host(site, tmp_path):
    fetcher = Fetcher(delay=0.4)
    start = len(site.requests)
    fetcher.fetch(site.url(ARTICLE))
    fetcher.fetch(site.url("/wire/ports-strike"))
    (p1, ua1, t1), (p2, ua2, t2) = site.requests[start:start + 2]
    assert ua1 == ua2 == USER_AGENT and ua1.startswith("framing/")
    assert t2 - t1 >= 0.35


def test_page_without_canonical_link_uses_the_address_it_was_fetched_from(site, tmp_path):
    corpus = tmp_path / "c"
    [result] = _add(site, corpus, "/no-canonical", outlet="Town Crier").results
    meta = result.path.read_text(encoding="utf-8")
    assert f'url = "{site.url("/no-canonical")}"' in meta
    assert result.outlet == "town-crier"


def test_extract_article_refuses_a_page_without_text():
    html = (PAGES / "no-article.html").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        extract_article(html, url="https://www.dailyexample.co.uk/business")


def test_non_http_url_refused(tmp_path):
    with pytest.raises(InputError, match="not an http"):
        Fetcher().fetch("file:///etc/passwd")
