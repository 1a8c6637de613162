"""What a news page says about itself: publisher, headline, people, language.

trafilatura reads most of this, but three things it reports are not what a corpus wants:

* **the publisher** — it falls back to the host ("dw.com") or to the Twitter handle
  ("@timesofisrael" becomes "Timesofisrael"). Here the outlet's name is taken from the page's own
  declarations, in this order: ``og:site_name``, the JSON-LD publisher of the article (``@id``
  references inside an ``@graph`` are followed), ``<meta name="publisher">``,
  ``<meta name="application-name">``, the JSON-LD WebSite name. A value that is a domain
  ("DW.COM"), a URL or a handle is no name and is skipped; "Deutsche Welle (www.dw.com)" loses
  its parenthesis.
* **the headline** — pages append their name, section or date: "… | DW | 19.01.2020",
  "… - The Times of Israel", "… | CNN Politics". Only a leading or trailing segment that *is* the
  site (its declared name, its domain's name, or that name plus at most two words such as a
  section) or a date is removed, one segment at a time from the ends; a separator inside the
  headline ("Coalition crisis - Levi threatens to quit") stays.
* **the authors** — organisations are listed as authors ("Deutsche Welle", "CNN", "Reuters",
  "Associated Press", "Staff and agencies"). Names equal to the publisher, a JSON-LD author typed
  as an organisation, known news agencies and desk bylines ("Times of Israel Staff") are dropped;
  a news agency credited on another outlet's page is reported separately (:attr:`PageMeta.agencies`).

The language is the page's declaration, normalised to its primary ISO 639-1 subtag ("en-GB",
"en_US" → "en"): JSON-LD ``inLanguage`` of the article, ``<html lang>``, ``Content-Language``
(meta or HTTP header), ``<meta name="language">``, ``og:locale``. Nothing is guessed from the text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "PageMeta",
    "read_page_meta",
    "clean_headline",
    "date_in_title",
    "people_only",
    "normalise_language",
    "site_keys",
    "NEWS_AGENCIES",
]

#: News agencies whose name appears as an article's author (compared after :func:`_key`).
NEWS_AGENCIES: tuple[str, ...] = (
    "Associated Press",
    "The Associated Press",
    "AP",
    "Reuters",
    "Thomson Reuters",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "dpa",
    "Deutsche Presse-Agentur",
    "ANSA",
    "EFE",
    "Xinhua",
    "TASS",
    "Kyodo",
    "Kyodo News",
    "Yonhap",
    "PA",
    "PA Media",
    "Press Association",
    "UPI",
    "United Press International",
    "Bloomberg",
    "Bloomberg News",
    "Anadolu",
    "Anadolu Agency",
    "ANI",
    "PTI",
    "Press Trust of India",
    "IANS",
    "Interfax",
    "RIA Novosti",
    "WAFA",
    "KUNA",
    "Canadian Press",
    "The Canadian Press",
    "AAP",
    "Australian Associated Press",
    "Europa Press",
    "APA",
    "Belga",
    "Ritzau",
    "NTB",
    "TT",
    "Lusa",
    "Notimex",
    "CNA",
)
# Generic bylines that name a desk, not a person.
_DESK_BYLINE = re.compile(
    r"\b(?:staff|newsroom|news\s+desk|desk|editors?|editorial\s+board|agenc(?:y|ies)|wires?"
    r"|wire\s+services?|news\s+services?|correspondents?|reporters?|contributors?)\b",
    re.I,
)
# Other organisations pages list as authors, besides the publisher itself.
_ORGANISATIONS: tuple[str, ...] = (
    "CNN",
    "BBC",
    "BBC News",
    "Deutsche Welle",
    "DW",
    "Al Jazeera",
    "NPR",
    "Fox News",
    "Sky News",
    "NBC News",
    "CBS News",
    "ABC News",
    "France 24",
    "Euronews",
    "RT",
    "Press TV",
)
_ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
}
_ORG_TYPES = {
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "GovernmentOrganization",
    "NGO",
    "EducationalOrganization",
    "WebSite",
    "Brand",
}

# Separators between a headline and the site's name: a pipe (DW writes "Germany| News"), or a
# dash, bullet or guillemet with spaces on both sides (a hyphen inside a word is not one).
_TITLE_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-–—·•»]\s+|\s+::\s+")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    "june|july|august|september|october|november|december"
)
_DATE_SEGMENT = re.compile(
    rf"^(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}}?,?\s*\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}})$",
    re.I,
)
_DOMAIN_LIKE = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.I)
_PAREN_DOMAIN = re.compile(r"\s*\((?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\)\s*$", re.I)
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
# ISO 639-2 codes and withdrawn ISO 639-1 codes pages still declare, to their ISO 639-1 code.
_LANGUAGE_ALIASES = {
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "rus": "ru",
    "ara": "ar",
    "heb": "he",
    "zho": "zh",
    "chi": "zh",
    "nld": "nl",
    "dut": "nl",
    "pol": "pl",
    "tur": "tr",
    "ukr": "uk",
    "fas": "fa",
    "per": "fa",
    "jpn": "ja",
    "kor": "ko",
    "swe": "sv",
    "dan": "da",
    "nor": "no",
    "fin": "fi",
    "ell": "el",
    "gre": "el",
    "iw": "he",
    "in": "id",
    "ji": "yi",
}
_NOT_A_LANGUAGE = {"und", "mul", "zxx", "mis", "xx"}


def _key(name: str) -> str:
    """A name reduced for comparison: letters and digits only, case-folded, no leading "the".

    >>> _key("The Times of Israel"), _key("timesofisrael"), _key("DW.COM"), _key("the Guardian")
    ('timesofisrael', 'timesofisrael', 'dwcom', 'guardian')
    """
    text = unicodedata.normalize("NFKD", name).casefold()
    text = re.sub(r"^\s*the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


@dataclass
class PageMeta:
    """What the page declares about itself (empty strings and lists where it declares nothing)."""

    site_name: str = ""  # the outlet's name, see the module notes
    names: list[str] = field(default_factory=list)  # every name the site gives itself
    headlines: list[str] = field(default_factory=list)  # og:title, twitter:title, JSON-LD, <h1>
    language: str = ""
    organisation_authors: list[str] = field(
        default_factory=list
    )  # JSON-LD authors typed Organization
    agencies: list[str] = field(default_factory=list)  # filled by :func:`people_only`


def _meta(tree, attr: str, value: str) -> str:
    for el in tree.iterfind(".//meta"):
        if (el.get(attr) or "").strip().lower() == value:
            content = " ".join((el.get("content") or "").split())
            if content:
                return content
    return ""


def _jsonld_objects(tree) -> list[dict]:
    """Every JSON object in the page's JSON-LD blocks (``@graph`` and lists flattened), in order."""
    objects: list[dict] = []
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue  # a broken block is common; the page's other metadata still counts
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending[:0] = item
            elif isinstance(item, dict):
                objects.append(item)
                if isinstance(item.get("@graph"), list):
                    pending[:0] = item["@graph"]
    return objects


def _types(obj: dict) -> set[str]:
    value = obj.get("@type", ())
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return {str(v).rsplit("/", 1)[-1] for v in values}


def _resolve(value, by_id: dict[str, dict]) -> list[dict]:
    """A JSON-LD value as a list of objects, ``{"@id": …}`` references looked up."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append({"name": item})
        elif isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str) and item["@id"] in by_id:
                item = by_id[item["@id"]]
            out.append(item)
    return out


def _name_of(obj: dict) -> str:
    name = obj.get("name")
    if isinstance(name, list):
        name = next((n for n in name if isinstance(n, str)), "")
    return " ".join(name.split()) if isinstance(name, str) else ""


def clean_site_name(value: str) -> str:
    """A declared site name fit to be an outlet's name, or "" (a domain, URL or handle is none).

    >>> clean_site_name("Deutsche Welle (www.dw.com)"), clean_site_name("DW.COM"), clean_site_name("@cnn")
    ('Deutsche Welle', '', '')
    """
    value = " ".join((value or "").split())
    value = _PAREN_DOMAIN.sub("", value).strip()
    value = re.sub(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?", "", value, flags=re.I).strip()
    if (
        not value
        or len(value) > 80
        or value.startswith("@")
        or "://" in value
        or _DOMAIN_LIKE.match(value)
        or not re.search(r"[^\W\d_]", value)
    ):
        return ""
    return value


def _domain_names(domain: str) -> list[str]:
    """The names a domain spells: "www.timesofisrael.com" → ["timesofisrael.com", "timesofisrael"]."""
    host = domain.lower().strip(".").removeprefix("www.")
    if not host:
        return []
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2:
        name = labels[-3]  # dailyexample.co.uk, abc.net.au
    elif len(labels) >= 2:
        name = labels[-2]
    else:
        name = labels[0]
    return [host, name]


def site_keys(names: list[str], domain: str = "") -> set[str]:
    """Comparison keys of every name the site goes by, its domain's name included."""
    keys = {_key(n) for n in [*names, *_domain_names(domain)]}
    keys |= {k.removeprefix("the") for k in keys if k.startswith("the") and len(k) > 6}
    return {k for k in keys if k}


def read_page_meta(tree, *, domain: str = "", content_language: str = "") -> PageMeta:
    """Read the declarations of a parsed page (an ``lxml.html`` tree)."""
    objects = _jsonld_objects(tree)
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
    articles = [o for o in objects if _types(o) & _ARTICLE_TYPES]
    publishers: list[str] = []
    org_authors: list[str] = []
    headlines: list[str] = []
    json_language = ""
    for article in articles:
        publishers += [_name_of(p) for p in _resolve(article.get("publisher"), by_id)]
        for author in _resolve(article.get("author"), by_id):
            if _types(author) & _ORG_TYPES:
                org_authors.append(_name_of(author))
        if isinstance(article.get("headline"), str):
            headlines.append(article["headline"])
        language = article.get("inLanguage")
        if isinstance(language, dict):
            language = language.get("alternateName") or language.get("name")
        if isinstance(language, str) and not json_language:
            json_language = normalise_language(language)
    websites = [_name_of(o) for o in objects if "WebSite" in _types(o)]
    declared = [
        _meta(tree, "property", "og:site_name"),
        *publishers,
        _meta(tree, "name", "publisher"),
        _meta(tree, "name", "application-name"),
        *websites,
    ]
    names = [n for n in (clean_site_name(d) for d in declared) if n]
    for attr, key in (
        ("property", "og:title"),
        ("name", "twitter:title"),
        ("property", "twitter:title"),
    ):
        if _meta(tree, attr, key):
            headlines.append(_meta(tree, attr, key))
    headlines += [" ".join(h.text_content().split()) for h in tree.iterfind(".//h1")][:2]
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    language = json_language
    for candidate in (
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        _meta(tree, "http-equiv", "content-language"),
        content_language,
        _meta(tree, "name", "language"),
        _meta(tree, "property", "og:locale"),
    ):
        if language:
            break
        language = normalise_language(candidate or "")
    return PageMeta(
        site_name=names[0] if names else "",
        names=names,
        headlines=[" ".join(h.split()) for h in headlines if h and h.strip()],
        language=language,
        organisation_authors=[a for a in org_authors if a],
    )


def normalise_language(value: str) -> str:
    """The primary language subtag of a declaration, lower-case, ISO 639-1 where one exists.

    >>> [normalise_language(v) for v in ("en-GB", "de_DE", "EN", "deu", "iw", "x-default", "en, de")]
    ['en', 'de', 'en', 'de', 'he', '', 'en']
    """
    value = (value or "").split(",")[0].strip()
    m = _LANGUAGE.match(value)
    if not m:
        return ""
    code = m.group(1).lower()
    code = _LANGUAGE_ALIASES.get(code, code)
    return "" if code in _NOT_A_LANGUAGE else code


def _is_site_segment(segment: str, keys: set[str]) -> bool:
    """True when a title segment is the site: its name, its domain, or its name and a section."""
    if _DOMAIN_LIKE.match(segment.strip()):
        return True
    words = segment.split()
    if not words:
        return True
    if _key(segment) in keys:
        return True
    # "CNN Politics", "BBC News - World": the site's name followed (or preceded) by two words at most
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:])
        if _key(head) in keys and len(words) - i <= 2:
            return True
        if _key(tail) in keys and i <= 2:
            return True
    return False


def _split_title(title: str) -> tuple[list[str], list[str]]:
    segments, separators, at = [], [], 0
    for m in _TITLE_SEPARATOR.finditer(title):
        segments.append(title[at : m.start()])
        separators.append(m.group(0))
        at = m.end()
    segments.append(title[at:])
    return segments, separators


def clean_headline(
    title: str, *, names: Sequence[str] = (), domain: str = "", headlines: Sequence[str] = ()
) -> str:
    """``title`` without the site's name, section or date before or after it.

    >>> clean_headline("Berlin renames streets | DW | 19.01.2020", domain="dw.com")
    'Berlin renames streets'
    >>> clean_headline("Coalition crisis - Levi quits - The Times of Israel", domain="timesofisrael.com")
    'Coalition crisis - Levi quits'
    >>> clean_headline("Senate passes stopgap bill | CNN Politics", names=["CNN"])
    'Senate passes stopgap bill'
    >>> clean_headline("Israel - Hamas talks resume in Cairo", names=["The Times of Israel"])
    'Israel - Hamas talks resume in Cairo'
    """
    title = " ".join((title or "").split())
    keys = site_keys(list(names), domain)
    segments, separators = _split_title(title)
    if len(segments) == 1:
        return title
    start, end = 0, len(segments)
    while end - start > 1 and (
        _DATE_SEGMENT.match(segments[end - 1].strip()) or _is_site_segment(segments[end - 1], keys)
    ):
        end -= 1
    while end - start > 1 and (
        _key(segments[start]) in keys or _DOMAIN_LIKE.match(segments[start].strip())
    ):
        start += 1

    def joined(a: int, b: int) -> str:
        out = segments[a]
        for i in range(a + 1, b):
            out += separators[i - 1] + segments[i]
        return out.strip()

    # What is left may still carry a section or tagline ("… | Germany| News and in-depth reporting
    # from Berlin and beyond"): when the page states its headline elsewhere (og:title, JSON-LD,
    # <h1>) and it is the first segments of this title, those segments are the headline.
    stated = (
        {
            _key(clean_headline(h, names=names, domain=domain))
            for h in headlines
            if _key(h) != _key(title)
        }
        if headlines
        else set()
    )
    for b in range(end - 1, start, -1):
        if _key(joined(start, b)) in stated:
            return joined(start, b)
    return joined(start, end)


_MONTH_NUMBER = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}


def date_in_title(title: str) -> dt.date | None:
    """The date a title ends with ("… | DW | 19.01.2020"), for a page that states none elsewhere.

    Day-first with dots (as European sites write it) or ISO; "January 19, 2020" and "19 January
    2020"; a slashed date, which could be either order, is not read.

    >>> date_in_title("Libyen-Konferenz | DW | 19.01.2020"), date_in_title("Ports strike 2024")
    (datetime.date(2020, 1, 19), None)
    """
    segments, _ = _split_title(" ".join((title or "").split()))
    for segment in reversed(segments[1:]):
        text = segment.strip().rstrip(".").lower()
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text) or re.fullmatch(
            r"(\d{4})-(\d{2})-(\d{2})", text
        )
        try:
            if m and "-" in text:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            if m:
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
            m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text)
            if m and m[1] in _MONTH_NUMBER:
                return dt.date(int(m[3]), _MONTH_NUMBER[m[1]], int(m[2]))
            m = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", text)
            if m and m[2] in _MONTH_NUMBER:
                return dt.date(int(m[3]), _MONTH_NUMBER[m[2]], int(m[1]))
        except ValueError:
            return None
    return None


def people_only(authors: list[str], meta: PageMeta, *, domain: str = "") -> list[str]:
    """The authors that are people: no publisher, organisation, news agency or desk byline.

    A news agency that is not the publisher itself is added to ``meta.agencies``.

    >>> m = PageMeta(site_name="CNN", names=["CNN"])
    >>> people_only(["Priya Desai", "CNN", "Associated Press", "CNN Staff"], m), m.agencies
    (['Priya Desai'], ['Associated Press'])
    """
    keys = site_keys(meta.names, domain)
    organisations = {_key(o) for o in (*_ORGANISATIONS, *meta.organisation_authors)}
    agencies = {_key(a) for a in NEWS_AGENCIES}
    people = []
    for name in authors:
        name = " ".join(_PAREN_DOMAIN.sub("", name).split()).strip(" ,;")
        key = _key(name)
        if not key:
            continue
        if key in agencies:
            if key not in keys and name not in meta.agencies:
                meta.agencies.append(name)
            continue
        if key in keys or key in organisations or _DESK_BYLINE.search(name):
            continue
        if name not in people:
            people.append(name)
    return people
