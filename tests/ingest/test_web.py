"""`framing add URL`: pages served by a local news site on 127.0.0.1, checked byte for byte."""

from __future__ import annotations

import hashlib

import pytest

from framing.cli import main
from framing.corpus import Corpus
from framing.errors import InputError
from framing.ingest import Fetcher, add_sources, extract_article
from framing.ingest.web import USER_AGENT

from ..fixtures.newsserver import PAGES, NewsServer

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
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _add(site, corpus, *paths, **options):
    return add_sources([site.url(p) for p in paths], corpus, delay=0, **options)


def test_article_lands_byte_for_byte_without_page_furniture(site, tmp_path):
    corpus = tmp_path / "c"
    outcome = _add(site, corpus, ARTICLE)
    assert not outcome.errors
    [result] = outcome.results
    assert result.status == "added" and result.new_outlet
    path = (
        corpus
        / "articles"
        / "the-daily-example"
        / "2024-03-05-dock-workers-strike-over-automation-plans.md"
    )
    assert result.path == path
    assert path.read_bytes() == EXPECTED_ARTICLE.encode("utf-8")
    assert (corpus / "outlets" / "the-daily-example.toml").read_bytes() == EXPECTED_OUTLET.encode()
    text = path.read_text(encoding="utf-8")
    for furniture in (
        "Subscribe",
        "Advertisement",
        "home insurance",
        "Related stories",
        "Solidarity",
        "Post comment",
        "All rights reserved",
        "cookies",
        "Share on",
    ):
        assert furniture not in text
    # and the corpus loads with the new outlet, whose missing metadata is reported
    corpus_obj = Corpus.load(corpus)
    [article] = list(corpus_obj)
    assert article.authors == ("Jane Harbour", "Tom Quay")
    assert corpus_obj.outlets["the-daily-example"].missing_fields() == [
        "country",
        "owner",
        "ownership",
        "language",
    ]


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
    first.path.write_text(
        first.path.read_text(encoding="utf-8").replace("Thursday", "Friday"), encoding="utf-8"
    )
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
    assert {pair.first, pair.second} == {
        str(result.path),
        str(next((corpus / "articles" / "the-daily-example").iterdir())),
    }
    assert pair.containment >= 0.9


def test_legacy_encoded_page_is_decoded(site, tmp_path):
    corpus = tmp_path / "c"
    [result] = _add(site, corpus, "/europe/paris-transport").results
    assert "decoded as cp1252" in result.notes
    text = result.path.read_text(encoding="utf-8")
    assert 'title = "Grève des transports à Paris"' in text
    assert "« Nous ne demandons que le respect des accords signés »" in text
    assert Corpus.load(corpus).outlets[result.outlet].name == "Le Quotidien d\u2019Exemple"


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/server-error", "HTTP 500"),
        ("/huge", "page is too large"),
        ("/huge-declared", "page is too large (6,000,000 bytes"),
        ("/report.pdf", "is not an HTML page (Content-Type: application/pdf)"),
        ("/image-as-html", "is not an HTML page (binary content)"),
        ("/section/business", "no article text found on the page"),
        ("/loop", "redirects in a loop or more than 5 times"),
        ("/to-ftp", "redirect to a ftp URL refused"),
    ],
)
def test_bad_pages_give_one_line_non_zero_exit_and_change_nothing(
    site, tmp_path, capsys, path, message
):
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
    assert (
        main(["add", "http://127.0.0.1:1/news", "--corpus", str(corpus), "--new", "--timeout", "2"])
        == 2
    )
    assert "cannot reach 127.0.0.1" in capsys.readouterr().err
    assert (
        main(["add", site.url("/slow"), "--corpus", str(corpus), "--new", "--timeout", "0.5"]) == 2
    )
    assert "timeout" in capsys.readouterr().err
    assert not corpus.exists()


def test_one_bad_url_among_several_saves_nothing_unless_skip_bad(site, tmp_path, capsys):
    corpus = tmp_path / "c"
    args = [
        "add",
        site.url(ARTICLE),
        site.url("/missing"),
        site.url("/report.pdf"),
        "--corpus",
        str(corpus),
        "--new",
        "--delay",
        "0",
    ]
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
    (_, ua0, t0), (p1, ua1, t1), (p2, ua2, t2) = site.requests[start : start + 3]
    assert ua0 == ua1 == ua2 == USER_AGENT and ua1.startswith("framing/")
    assert (p1, p2) == (ARTICLE, "/wire/ports-strike")
    assert t1 - t0 >= 0.35 and t2 - t1 >= 0.35  # robots.txt counts as a request to the host


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


# --- what `framing add` records (issue 16) ---------------------------------------------------------

DW = "/en/berlin-renames-streets-honoring-colonial-officials/a-52060881"
DW_DE = "/de/libyen-konferenz-berlin/a-52051100"
REUTERS = "/business/european-ports-weigh-remote-cranes-2024-03-04/"
GUARDIAN = "/environment/2024/apr/28/farmers-count-cost-spring-heatwave-southern-europe"
TOI = "/coalition-crisis-levi-threatens-to-quit-over-reservists-bill/"
CNN = "/2024/09/27/politics/senate-stopgap-bill-shutdown/index.html"

# Per page: the XPath of its article body (paragraphs, subheadings) and phrases of its furniture
# (navigation, related links, promotions, comments, captions, footer) that must stay out.
BODIES = {
    DW: (
        "dw-street-names.html",
        "//p[@class='intro'] | //div[@class='longText']/p[normalize-space()]"
        "[not(.//a[contains(@class,'intern')])][not(starts-with(normalize-space(),'Read more'))]",
        [
            "We use cookies",
            "Choose from 30 Languages",
            "TOP STORIES",
            "Advertisement",
            "Read more",
            "Sign up for the newsletter",
            "DW recommends",
            "Dibobe Petition",
            "Related content",
            "Send us your feedback",
            "Print this page",
            "Permalink",
            "Privacy Policy",
            "campaigned for the new names",
        ],
    ),
    DW_DE: (
        "dw-de-libyen.html",
        "//p[@class='intro'] | //div[@class='longText']/p[not(a[contains(@class,'intern')])]",
        ["Newsletter abonnieren", "Datenschutz", "THEMEN", "Permalink", "Impressum"],
    ),
    REUTERS: (
        "reuters-ports.html",
        "//div[@class='article-body__content']/p[starts-with(@data-testid,'paragraph')]"
        " | //div[@class='article-body__content']/h2",
        [
            "Daily Briefing",
            "Sign up here",
            "Our Standards",
            "Read Next",
            "Shipping rates climb",
            "Most Popular",
            "Advertisement",
            "All quotes delayed",
            "Register",
            "Breakingviews",
        ],
    ),
    GUARDIAN: (
        "guardian-heatwave.html",
        "//div[contains(@class,'article-body-commercial-selector')]/p"
        " | //div[contains(@class,'article-body-commercial-selector')]/h2",
        [
            "skip past newsletter",
            "Sign up to Down to Earth",
            "Free weekly newsletter",
            "Privacy Notice",
            "after newsletter promotion",
            "Explore more on these topics",
            "Reuse this content",
            "More on this story",
            "Catalonia declares",
            "Comments (312)",
            "allotment",
            "Most viewed",
            "Support the Guardian",
            "Share on Facebook",
            "Photograph:",
        ],
    ),
    TOI: (
        "toi-coalition.html",
        "//h2[@class='underline'] | //div[@class='the-content']/p | //div[@class='the-content']/h3",
        [
            "Daily Edition",
            "Newsletter email address",
            "By signing up",
            "dedicated reader",
            "Join Our Community",
            "Read more about",
            "Related posts",
            "Knesset advances",
            "respectful discourse",
            "Finally someone",
            "Trending",
            "ALL RIGHTS RESERVED",
            "Flash90",
        ],
    ),
    CNN: (
        "cnn-stopgap.html",
        "//div[@class='article__content']/p | //div[@class='article__content']/h2",
        [
            "Ad Feedback",
            "Related article",
            "House passes spending bill",
            "CNN Politics newsletter",
            "Sign up here",
            "Paid Partner Content",
            "credit cards",
            "More from CNN",
            "Most read",
            "Hurricane live updates",
            "Terms of Use",
            "Cable News Network",
            "Link Copied",
        ],
    ),
}


def _body_blocks(name: str, xpath: str) -> list[str]:
    import lxml.html

    tree = lxml.html.fromstring((PAGES / name).read_bytes())
    return [
        " ".join(e.text_content().split()) for e in tree.xpath(xpath) if e.text_content().strip()
    ]


def _saved(site, corpus, path, **options):
    [result] = _add(site, corpus, path, **options).results
    assert result.status == "added"
    return result, result.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", list(BODIES))
def test_every_paragraph_and_subheading_is_saved_whole_and_furniture_stays_out(
    site, tmp_path, path
):
    name, xpath, furniture = BODIES[path]
    _, saved = _saved(site, tmp_path / "c", path)
    body = saved.split("+++\n", 2)[2]
    paragraphs = body.strip("\n").split("\n\n")
    for block in _body_blocks(name, xpath):
        assert block in paragraphs, f"{block!r} is not a paragraph of the saved article"
    for phrase in furniture:
        assert phrase not in body


def test_linked_names_keep_their_words():
    # the sentence: the name is a link styled by a span of class "link", and an icon
    # (an empty element) follows it; trafilatura's precision mode dropped both the name and the
    # words after the icon
    filler = (
        "<p>"
        + "The poll was taken among registered voters across the state last week. " * 3
        + "</p>"
    )
    html = (
        f"<html lang='en'><head><title>Poll</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Poll</h1>{filler}<p>According to the poll, support was especially high "
        "for <a href='/topics/joe-biden'><span class='link'>Joe Biden</span></a><i class='icon'></i>"
        f" among older voters.</p>{filler}</article></body></html>"
    )
    text = extract_article(html, url="https://news.example/poll").text
    assert "support was especially high for Joe Biden among older voters." in text


def test_a_caption_repeating_a_paragraphs_start_is_not_taken_for_it():
    import lxml.html

    from framing.ingest.web import restore_words

    root = lxml.html.fromstring(
        "<html><body><div class='caption'>Defense Minister Yair Levi speaks in Tel Aviv (Flash90)</div>"
        "<p>Defense Minister Yair Levi threatened on Tuesday to leave the government.</p></body></html>"
    )
    # both blocks begin with the words kept: which one lost words cannot be told, nothing is changed
    assert restore_words(["Defense Minister Yair Levi"], root) == ["Defense Minister Yair Levi"]
    assert restore_words(["Defense Minister Yair Levi threatened on Tuesday"], root) == [
        "Defense Minister Yair Levi threatened on Tuesday to leave the government."
    ]


def test_repeated_paragraphs_are_not_merged():
    import lxml.html

    from framing.ingest.web import restore_words

    root = lxml.html.fromstring(
        "<html><body><p>The hearing was adjourned until Monday.</p><p>Witnesses "
        "were heard.</p><p>The hearing was adjourned until Monday.</p></body></html>"
    )
    paragraphs = [
        "The hearing was adjourned until Monday.",
        "The hearing was adjourned until Monday.",
    ]
    assert restore_words(paragraphs, root) == paragraphs


@pytest.mark.parametrize(
    "path, title",
    [
        (DW, "Berlin renames streets honoring colonial officials"),  # "| DW | 19.01.2020"
        (DW_DE, "Libyen-Konferenz: Waffenruhe soll in Berlin gesichert werden"),
        (
            TOI,
            "Coalition crisis - Levi threatens to quit over reservists bill",
        ),  # " - " inside stays
        (CNN, "Senate passes stopgap bill hours before shutdown deadline"),  # "| CNN Politics"
        (GUARDIAN, "Farmers count cost of record spring heatwave across southern Europe"),
        (REUTERS, "Exclusive: European ports weigh remote cranes as labour shortage bites"),
    ],
)
def test_site_names_sections_and_dates_leave_the_title(site, tmp_path, path, title):
    _, saved = _saved(site, tmp_path / "c", path)
    assert f'title = "{title}"' in saved


def test_a_headline_with_dashes_keeps_every_part():
    from framing.ingest.pagemeta import clean_headline

    names = ["The Times of Israel"]
    assert (
        clean_headline(
            "Israel - Hamas talks resume in Cairo", names=names, domain="timesofisrael.com"
        )
        == "Israel - Hamas talks resume in Cairo"
    )
    assert (
        clean_headline(
            "Israel - Hamas talks resume - The Times of Israel",
            names=names,
            domain="timesofisrael.com",
        )
        == "Israel - Hamas talks resume"
    )
    # a last part that merely mentions the site is the headline's
    assert (
        clean_headline("Trump sues the network - CNN's lawyers respond", names=["CNN"])
        == "Trump sues the network - CNN's lawyers respond"
    )


def test_the_date_a_title_ends_with_is_used_when_the_page_states_none(site, tmp_path):
    result, saved = _saved(site, tmp_path / "c", DW_DE)
    assert "published = 2020-01-19" in saved and result.path.name.startswith("2020-01-19-")


@pytest.mark.parametrize(
    "path, outlet_id, name",
    [
        (DW, "deutsche-welle", "Deutsche Welle"),  # og:site_name "DW.COM", publisher meta
        (
            TOI,
            "the-times-of-israel",
            "The Times of Israel",
        ),  # application-name (was the handle "Timesofisrael")
        (CNN, "cnn", "CNN"),
    ],
)
def test_the_outlet_is_the_publisher_the_page_names(site, tmp_path, path, outlet_id, name):
    corpus = tmp_path / "c"
    result, _ = _saved(site, corpus, path)
    assert result.outlet == outlet_id
    assert Corpus.load(corpus).outlets[outlet_id].name == name


def test_a_json_ld_publisher_given_by_reference_is_followed():
    import lxml.html

    from framing.ingest.pagemeta import read_page_meta

    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "publisher": {"@id": "https://x.example/#org"},'
        ' "author": [{"@id": "https://x.example/#ap"}], "inLanguage": "en-GB"},'
        '{"@type": "Organization", "@id": "https://x.example/#org", "name": "The Example Times"},'
        '{"@type": "Organization", "@id": "https://x.example/#ap", "name": "Wire Desk"}]}'
    )
    root = lxml.html.fromstring(
        f'<html><head><meta property="og:site_name" content="X.EXAMPLE">'
        f'<script type="application/ld+json">{graph}</script></head>'
        f"<body><p>text</p></body></html>"
    )
    meta = read_page_meta(root, domain="x.example")
    assert meta.site_name == "The Example Times"  # og:site_name is a domain: no name
    assert meta.organisation_authors == ["Wire Desk"] and meta.language == "en"


def test_an_existing_outlet_keeps_its_id_by_domain(site, tmp_path):
    # a corpus made before, whose DW outlet was named after the domain, keeps getting DW articles
    corpus = tmp_path / "c"
    (corpus / "outlets").mkdir(parents=True)
    (corpus / "outlets" / "dw-com.toml").write_text(
        'name = "dw.com"\ndomain = "dw.com"\n', encoding="utf-8"
    )
    result, _ = _saved(site, corpus, DW)
    assert result.outlet == "dw-com" and not result.new_outlet


@pytest.mark.parametrize(
    "path, authors, agencies",
    [
        (DW, None, None),  # "Deutsche Welle (www.dw.com)" is the publisher
        (CNN, '["Priya Desai", "Sam Ortiz"]', None),  # JSON-LD Organization "CNN" dropped
        (REUTERS, '["Anna Ruiz"]', None),
        (TOI, '["Tamar Shalev"]', '["AFP"]'),  # an agency on another outlet's page is kept apart
        ("/wire/ports-strike", None, None),  # "Staff and agencies"
    ],
)
def test_only_people_are_authors(site, tmp_path, path, authors, agencies):
    _, saved = _saved(site, tmp_path / "c", path)
    meta = saved.split("+++\n")[1]
    assert (f"authors = {authors}\n" in meta) if authors else "authors =" not in meta
    assert (f"agencies = {agencies}\n" in meta) if agencies else "agencies =" not in meta


def test_organisations_and_agencies_are_told_from_people():
    from framing.ingest.pagemeta import PageMeta, people_only

    meta = PageMeta(site_name="The Daily Example", names=["The Daily Example"])
    assert people_only(
        [
            "Jane Harbour",
            "Associated Press",
            "The Daily Example",
            "Reuters",
            "Daily Example Staff",
            "Deutsche Welle",
        ],
        meta,
        domain="dailyexample.co.uk",
    ) == ["Jane Harbour"]
    assert meta.agencies == ["Associated Press", "Reuters"]


def test_the_declared_language_is_saved(site, tmp_path):
    corpus = tmp_path / "c"
    result, saved = _saved(site, corpus, DW_DE)
    assert 'language = "de"' in saved
    assert next(iter(Corpus.load(corpus))).language == "de"
    # English is the corpus's default language, so the file of an English page does not repeat it
    english = extract_article((PAGES / "toi-coalition.html").read_text(encoding="utf-8"))
    assert english.language == "en"


@pytest.mark.parametrize(
    "head, header, language",
    [
        ('<html lang="pt-BR"><head>', "", "pt"),
        ('<html><head><meta property="og:locale" content="fr_FR">', "", "fr"),
        ('<html><head><meta http-equiv="Content-Language" content="es">', "", "es"),
        (
            '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "it-IT"}</script>',
            "",
            "it",
        ),
        ("<html><head>", "nl", "nl"),  # only the HTTP header says it
        ("<html><head>", "", ""),  # nothing declared: nothing guessed
    ],
)
def test_language_declarations_are_normalised(head, header, language):
    html = (
        f"{head}<title>Nieuws</title></head><body><article><h1>Nieuws</h1><p>"
        + "Words of an article that is long enough to be one. " * 6
        + "</p></article></body></html>"
    )
    assert extract_article(html, content_language=header).language == language


def test_subheadings_stay_text_and_newsletter_promotions_go(site, tmp_path):
    corpus = tmp_path / "c"
    for path in (DW, REUTERS, CNN):
        _add(site, corpus, path)
    articles = {a.outlet: a for a in Corpus.load(corpus)}
    # DW writes "Read more: <headline>" just before a subheading; once that pointer is kept out,
    # the subheading is not taken for the footer that follows a "Read more" line
    assert "\nFreedom fighters replace colonial officials\n" in articles["deutsche-welle"].text
    assert "\nResidents divided\n" in articles["deutsche-welle"].text
    assert "\nUnions want guarantees\n" in articles["reuters"].text
    assert "\nA fight postponed\n" in articles["cnn"].text
    for article in articles.values():
        assert not any(("Sign up" in f or "newsletter" in f) for f in article.furniture)
        assert "newsletter" not in article.raw_text.lower()


# --- robots.txt --------------------------------------------------------------------------------------


def test_robots_txt_disallows_a_page_with_one_line_naming_it_and_the_override(
    site, tmp_path, capsys
):
    corpus = tmp_path / "c"
    start = len(site.requests)
    assert (
        main(
            [
                "add",
                site.url("/private/leaked-memo"),
                "--corpus",
                str(corpus),
                "--new",
                "--delay",
                "0",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert site.url("/private/leaked-memo") in err and site.url("/robots.txt") in err
    assert "--ignore-robots" in err
    assert "/private/leaked-memo" not in [r[0] for r in site.requests[start:]]  # never fetched
    assert not corpus.exists()


def test_ignore_robots_fetches_it_anyway_without_reading_robots_txt(site, tmp_path, capsys):
    corpus = tmp_path / "c"
    start = len(site.requests)
    assert (
        main(
            [
                "add",
                site.url("/private/leaked-memo"),
                "--corpus",
                str(corpus),
                "--new",
                "--delay",
                "0",
                "--ignore-robots",
            ]
        )
        == 0
    )
    assert [r[0] for r in site.requests[start:]] == ["/private/leaked-memo"]
    assert len(list((corpus / "articles").rglob("*.md"))) == 1


def test_robots_txt_is_read_once_per_host_with_the_tools_user_agent(site):
    fetcher = Fetcher(delay=0)
    start = len(site.requests)
    fetcher.fetch(site.url(ARTICLE))
    fetcher.fetch(site.url("/wire/ports-strike"))
    fetcher.fetch(site.url("/private/open-letter"))  # a longer Allow wins over Disallow: /private/
    with pytest.raises(InputError, match="does not allow framing"):
        fetcher.fetch(site.url("/business/2024/03/05/dock-workers-strike/print"))  # /*/print$
    requests = site.requests[start:]
    assert [r[0] for r in requests].count("/robots.txt") == 1 and requests[0][0] == "/robots.txt"
    assert requests[0][1] == USER_AGENT


def test_a_redirect_into_a_disallowed_path_is_refused(site, tmp_path, capsys):
    assert (
        main(
            [
                "add",
                site.url("/memo-link"),
                "--corpus",
                str(tmp_path / "c"),
                "--new",
                "--delay",
                "0",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "redirects to " + site.url("/private/leaked-memo") in err and "robots.txt" in err


def test_a_missing_robots_txt_allows_everything(tmp_path):
    with NewsServer(robots=404) as bare:
        outcome = add_sources([bare.url("/private/leaked-memo")], tmp_path / "c", delay=0)
        assert not outcome.errors and outcome.results[0].status == "added"


@pytest.mark.parametrize("status", [500, 503, 429])
def test_an_unreadable_robots_txt_refuses_the_site_for_now(tmp_path, capsys, status):
    # RFC 9309 2.3.1.4: a server error on robots.txt means "assume complete disallow"
    with NewsServer(robots=status) as broken:
        corpus = tmp_path / "c"
        assert (
            main(["add", broken.url(ARTICLE), "--corpus", str(corpus), "--new", "--delay", "0"])
            == 2
        )
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and f"could not be read (HTTP {status})" in err
        assert "--ignore-robots" in err and not corpus.exists()
        assert ARTICLE not in [r[0] for r in broken.requests]


def test_robots_rules_follow_rfc_9309():
    from framing.ingest.robots import RobotsRules

    text = """
    User-agent: otherbot
    Disallow: /

    User-agent: FRAMING        # product tokens match case-insensitively
    User-agent: somebot
    Disallow: /search
    Allow: /search/about
    Disallow: /*.json$
    Disallow:

    User-agent: *
    Disallow: /
    """
    rules = RobotsRules.parse(text, "framing")
    assert rules.allows("/") and rules.allows("/news/a")  # the * group is not ours
    assert not rules.allows("/search?q=x") and rules.allows("/search/about")  # longest wins
    assert not rules.allows("/data/feed.json") and rules.allows("/data/feed.json?x=1")  # $ anchors
    assert rules.allows("/robots.txt")
    everyone = RobotsRules.parse(text, "unknownbot")
    assert not everyone.allows("/news/a")
    assert RobotsRules.parse("User-agent: *\nDisallow: /a\nAllow: /a", "x").allows(
        "/a"
    )  # tie: allow
    assert RobotsRules.parse("", "framing").allows("/anything")
