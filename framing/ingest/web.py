"""Fetching a news page and extracting the article from it.

Fetching is deliberately plain and polite: the standard library's ``urllib`` with a User-Agent
that names the tool, a timeout, a size cap (the body is read in chunks and abandoned past it),
at most five redirects, and no parallel requests — a :class:`Fetcher` waits ``delay`` seconds
between two requests to the same host. Anything that is not an HTML page (an error status, a PDF,
an image) is refused with one line saying what came back.

**robots.txt** is honoured (RFC 9309, see :mod:`framing.ingest.robots`): it is read once per host
(scheme, host and port), under the same timeout and delay as pages, before the first page of that
host, and again for the target of a redirect to another host. The rules for the User-Agent's product
token ``framing`` apply, else those for ``*``. A robots.txt answering 4xx (404: there is none) allows
everything. One answering 5xx or 429, or a host that cannot be reached, means, as RFC 9309 requires,
that nothing may be fetched for now: the page is refused with one line saying so. ``--ignore-robots``
(``Fetcher(respect_robots=False)``) skips all of this for a user who may fetch the page anyway.

**Extraction** uses trafilatura in its precision mode (main text without navigation, related links,
comments and promotion boxes), then repairs what that mode takes out *inside* a paragraph it keeps:
it deletes an inline element whose class says "link", "teaser" or "bottom" together with its
words ("support was especially high for <span class="link">Joe Biden</span> among" became
"especially high for among"), and drops the text after an empty element (an icon after a link).
So every paragraph trafilatura keeps is compared with the page's own block it came from and, when
the page's block holds more of the same words, the block's text is used (:func:`restore_words`).
Newsletter and sign-up promotions ("Sign up for our newsletter", "Get the … in your inbox") and
in-body pointers to other stories ("Read more: …") are dropped. Title, site name, authors and language are read as :mod:`framing.ingest.pagemeta` says.
"""

from __future__ import annotations

import copy
import datetime as dt
import http.client
import re
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, cast
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from .encoding import decode_text, looks_binary
from .pagemeta import clean_headline, date_in_title, normalise_language, people_only, read_page_meta
from .robots import RobotsRules

if TYPE_CHECKING:
    from trafilatura.settings import Document

__all__ = [
    "Page",
    "Extracted",
    "Fetcher",
    "fetch",
    "extract_article",
    "restore_words",
    "protect_inline_text",
    "is_promotion",
    "RobotsDisallowed",
    "USER_AGENT",
    "ROBOTS_AGENT",
    "MAX_BYTES",
    "ROBOTS_MAX_BYTES",
    "TIMEOUT",
    "MAX_REDIRECTS",
    "MIN_WORDS",
]

ROBOTS_AGENT = "framing"  # the product token robots.txt groups are matched against
USER_AGENT = (
    f"{ROBOTS_AGENT}/{__version__} (news framing research tool; "
    "fetches single pages on a user's request)"
)
MAX_BYTES = 5_000_000  # a news page is rarely over 1 MB; 5 MB leaves room for inline scripts
ROBOTS_MAX_BYTES = (
    512_000  # RFC 9309: at least 500 KiB of a robots.txt must be parsed; the rest is ignored
)
TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_REDIRECTS = 5
MIN_WORDS = 25  # fewer words than this is not an article (a login wall, an index page)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    """A fetched HTML page: the URL asked for, the URL it ended at, and its decoded HTML."""

    url: str
    final_url: str
    html: str
    encoding: str
    content_language: str = ""  # the HTTP Content-Language header, if any


class RobotsDisallowed(InputError):
    """The site's robots.txt does not allow fetching a URL."""


@dataclass
class Extracted:
    """An article found in a page."""

    text: str
    title: str = ""
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    url: str = ""  # the canonical URL when the page gives one
    site_name: str = ""  # the publisher's name as the page declares it ("" when it does not)
    language: str = ""  # ISO 639-1 code the page declares ("" when it declares none)
    agencies: list[str] = field(default_factory=list)  # news agencies credited as authors


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def __init__(self, check=None):
        super().__init__()
        self.check = check  # called with each redirect target (robots.txt); raises to refuse it

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise urllib.error.HTTPError(
                newurl, code, f"redirect to a {scheme or 'relative'} URL refused", headers, fp
            )
        if self.check is not None:
            self.check(urljoin(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Fetches pages one at a time, waiting ``delay`` seconds between requests to one host, and
    only where the host's robots.txt allows it (unless ``respect_robots`` is false)."""

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        delay: float = 1.0,
        user_agent: str = USER_AGENT,
        respect_robots: bool = True,
    ):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self.respect_robots = respect_robots
        self.robots_agent = (
            user_agent.split("/", 1)[0].split()[0] if user_agent.strip() else ROBOTS_AGENT
        )
        self._last: dict[str, float] = {}
        # per origin (scheme://host:port): the rules, or the error that robots.txt could not be read
        self._robots: dict[str, RobotsRules | InputError] = {}
        self._opener = urllib.request.build_opener(
            _LimitedRedirects(self._check_robots if respect_robots else None)
        )
        self._robots_opener = urllib.request.build_opener(_LimitedRedirects())

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None and self.delay > 0:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)

    def fetch(self, url: str) -> Page:
        """Fetch one HTML page; :class:`InputError` with one line for anything else."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise InputError(
                url, "is not an http(s) URL", hint="give a full address such as https://…"
            )
        host = parts.hostname.lower()
        if self.respect_robots:
            self._check_robots(url)
        self._wait(host)
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Encoding": "identity",
            },
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                final_url = response.geturl()
                ctype = response.headers.get_content_type()
                declared = response.headers.get_content_charset()
                length = response.headers.get("Content-Length")
                if ctype not in _HTML_TYPES:
                    raise InputError(
                        url,
                        f"is not an HTML page (Content-Type: {ctype})",
                        hint="save the text and add the file with --outlet/--title",
                    )
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise InputError(
                        url,
                        f"page is too large ({int(length):,} bytes; the cap is {self.max_bytes:,})",
                        hint="raise it with --max-bytes",
                    )
                data = self._read_capped(response, url)
                language = response.headers.get("Content-Language", "")
        except RobotsDisallowed as exc:
            if exc.path == url:
                raise
            raise RobotsDisallowed(
                url, f"redirects to {exc.path}, but {exc.message}", hint=exc.hint
            ) from None
        except InputError:
            raise
        except urllib.error.HTTPError as exc:
            reason = exc.reason if isinstance(exc.reason, str) else str(exc.reason)
            if 300 <= exc.code < 400:
                why = (
                    f"redirects in a loop or more than {MAX_REDIRECTS} times"
                    if "loop" in reason or "redirect" not in reason
                    else reason
                )
                raise InputError(
                    url,
                    f"{why} (HTTP {exc.code})",
                    hint="open it in a browser and add the address it ends at",
                ) from None
            raise InputError(
                url,
                f"the server answered HTTP {exc.code} {reason}".rstrip(),
                hint="check the address"
                if exc.code in (404, 410)
                else "the page is not available; try again later",
            ) from None
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            raise self._network_error(url, host, exc) from None
        finally:
            self._last[host] = time.monotonic()
        if looks_binary(data):
            raise InputError(url, "is not an HTML page (binary content)", hint="check the address")
        if not declared:
            m = _META_CHARSET.search(data[:4096])
            declared = m.group(1).decode("ascii", "replace") if m else None
        decoded = decode_text(data, declared=declared, source=url)
        return Page(
            url=url,
            final_url=final_url,
            html=decoded.text,
            encoding=decoded.encoding,
            content_language=language,
        )

    def _network_error(
        self, url: str, host: str, exc: Exception, *, reading: str = ""
    ) -> InputError:
        """One line for a failure below HTTP (no connection, timeout, broken connection)."""
        where = f" (reading {reading})" if reading else ""
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if isinstance(reason, socket.timeout | TimeoutError):
            return InputError(
                url,
                f"no answer within {self.timeout:g} s (timeout){where}",
                hint="try again later or raise --timeout",
            )
        if isinstance(exc, urllib.error.URLError):
            text = getattr(reason, "strerror", None) or str(reason)
            return InputError(
                url,
                f"cannot reach {host}: {text}{where}",
                hint="check the address and your connection",
            )
        return InputError(
            url,
            f"the connection failed ({exc.__class__.__name__}: {exc}){where}",
            hint="try again later",
        )

    def _check_robots(self, url: str) -> None:
        """Raise :class:`RobotsDisallowed` unless the robots.txt of ``url``'s host allows it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        robots_url = f"{origin}/robots.txt"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(url, robots_url)
        rules = self._robots[origin]
        if isinstance(rules, InputError):
            raise RobotsDisallowed(url, rules.message, hint=rules.hint)
        if not rules.allows(url):
            raise RobotsDisallowed(
                url,
                f"{robots_url} does not allow {self.robots_agent} to fetch it",
                hint="--ignore-robots fetches it anyway (if you have the right "
                "to, e.g. the site's permission); or save the page from "
                "a browser and add the file",
            )

    def _read_robots(self, url: str, robots_url: str) -> RobotsRules | InputError:
        host = (urlsplit(url).hostname or "").lower()
        self._wait(host)
        request = urllib.request.Request(
            robots_url,
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/plain,*/*;q=0.5",
                "Accept-Encoding": "identity",
            },
        )
        unreadable = (
            "until it can be read, RFC 9309 counts every page of the site as disallowed",
            "try again later, or fetch anyway with --ignore-robots",
        )
        try:
            with self._robots_opener.open(request, timeout=self.timeout) as response:
                data = response.read(ROBOTS_MAX_BYTES)
        except urllib.error.HTTPError as exc:
            if 400 <= exc.code < 500 and exc.code != 429:
                return RobotsRules.allow_all()  # RFC 9309 2.3.1.3: no robots.txt, no rules
            if 300 <= exc.code < 400:
                return RobotsRules.allow_all()  # more than five redirects: "unavailable" (2.3.1.2)
            # 5xx, and 429 "too many requests" (as Google treats it): the server cannot answer now
            return InputError(
                None,
                f"{robots_url} could not be read (HTTP {exc.code}); {unreadable[0]}",
                hint=unreadable[1],
            )
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            return self._network_error(url, host, exc, reading=robots_url)
        finally:
            self._last[host] = time.monotonic()
        text = data.decode("utf-8", "replace").lstrip("\ufeff")
        return RobotsRules.parse(text, self.robots_agent)

    def _read_capped(self, response, url: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read(65536)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError(
                    url,
                    f"page is too large (over {self.max_bytes:,} bytes)",
                    hint="raise the cap with --max-bytes",
                )
            chunks.append(chunk)


def fetch(url: str, **options) -> Page:
    """Fetch one page with a fresh :class:`Fetcher` (see it for the options)."""
    return Fetcher(**options).fetch(url)


# --- extraction --------------------------------------------------------------------------------

# Elements that hold text blocks; a "leaf" block (one without another block inside) is what a
# paragraph of trafilatura's output is compared with.
_LEAF_TAGS = frozenset(
    """p h1 h2 h3 h4 h5 h6 li blockquote dd dt td th pre figcaption caption div address
    summary""".split()
)
_BLOCK_TAGS = _LEAF_TAGS | frozenset(
    """section article aside header footer main ul ol dl table tr tbody thead figure details
    form nav hr""".split()
)
# Never text of the article: their words do not appear on the rendered page.
_SILENT_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "head",
        "title",
    }
)
_MIN_RESTORE_WORDS = 3  # shorter paragraphs are not matched (a word or two matches anywhere)
# Blocks whose inline markup is protected before extraction, and the inline elements concerned.
_TEXT_BLOCK_TAGS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "dd",
    "dt",
    "td",
    "th",
    "figcaption",
)
_INLINE_TAGS = frozenset(
    {
        "a",
        "span",
        "i",
        "b",
        "em",
        "strong",
        "u",
        "s",
        "small",
        "big",
        "font",
        "abbr",
        "cite",
        "q",
        "sub",
        "sup",
        "mark",
        "code",
        "time",
        "del",
        "ins",
        "label",
        "bdi",
        "bdo",
        "var",
        "kbd",
        "samp",
        "tt",
    }
)

# Newsletter and sign-up promotions: short lines that ask the reader to subscribe.
_PROMOTION = re.compile(
    r"^(?:sign\s+up|subscribe|register)\b[^.!?]{0,120}\b(?:newsletters?|inbox|e-?mails?|alerts|briefing)\b"
    r"|\bsign\s+up\s+(?:here|now|today|for\s+free)\b"
    r"|\b(?:in|to)\s+your\s+inbox\b"
    r"|\bnewsletters?\b[^.!?]{0,120}\b(?:sign\s+up|subscribe)\b"
    r"|\b(?:sign\s+up|subscribe)\b[^.!?]{0,60}\bnewsletters?\b"
    r"|^get\s+(?:the|our)\b[^.!?]{0,80}\b(?:newsletter|by\s+e-?mail|daily\s+edition)\b"
    r"|^(?:free\s+)?(?:daily|weekly|monthly)\s+newsletter\.?$"
    r"|\bnewsletter\s+(?:abonnieren|email\s+address)\b|^by\s+signing\s+up\b"
    r"|\bskip\s+past\s+newsletter\s+promotion\b|^after\s+newsletter\s+promotion$",
    re.I,
)
_SHORT_SIGN_UP = re.compile(r"^sign\s+up\s+(?:to|for)\s", re.I)
# An in-body pointer to another story ("Read more: <headline>", DW's form between paragraphs).
# It is not the article; left in, furniture.py's footer rule at load would also take the short
# line after it, which on these pages is the next subheading.
_STORY_POINTER = re.compile(
    r"^(?:read\s+more|read\s+also|also\s+read|see\s+also|related|more\s+on\s+this)\s*:\s*\S", re.I
)
_MAX_PROMOTION_WORDS = 45


def is_promotion(line: str) -> bool:
    """True for a newsletter or sign-up promotion, or a pointer to another story ("Read more: …");
    never for a long paragraph.

    >>> is_promotion("Get the CNN Politics newsletter in your inbox every weekday. Sign up here")
    True
    >>> is_promotion("Read more: Recognizing Germany colonial crimes: Work in progress")
    True
    >>> is_promotion("The union said members had signed up for the strike fund in their thousands.")
    False
    """
    words = line.split()
    if not words or len(words) > _MAX_PROMOTION_WORDS:
        return False
    if _STORY_POINTER.match(line) and len(words) <= 25:
        return True
    return bool(_PROMOTION.search(line) or (_SHORT_SIGN_UP.match(line) and len(words) <= 12))


def _hidden(el) -> bool:
    return (
        el.get("hidden") is not None
        or "display:none" in (el.get("style") or "").replace(" ", "").lower()
    )


def protect_inline_text(root) -> None:
    """Rewrite inline markup inside text blocks so that trafilatura cannot take words out of them.

    trafilatura judges ``<span>`` elements by their class and id as it judges blocks: a span
    whose class contains "link", "teaser", "bottom", "meta", "bar", "author" … is deleted with its
    words, though inside a paragraph it only styles a name. And its precision mode deletes an
    empty element (an icon after a link) together with the text that follows it. So inside each
    paragraph, heading, list item, quotation and table cell: empty inline elements are removed
    (their following text kept), hidden spans are removed, and the other spans are unwrapped.
    """
    from lxml import etree

    for block in root.iter(*_TEXT_BLOCK_TAGS):
        for el in list(block.iterdescendants()):
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if tag not in _INLINE_TAGS or el.getparent() is None:
                continue
            if len(el) == 0 and not (el.text or "").strip():
                if el.text:  # "for<span> </span>Joe": keep the space between the words
                    el.tail = " " + (el.tail or "")
                el.drop_tree()
            elif tag == "span" and _hidden(el):
                el.drop_tree()
        etree.strip_tags(block, "span")


def _unit_texts(block) -> list[str]:
    """The lines of text a block shows (``<br>`` breaks a line), whitespace collapsed."""
    parts: list[str] = [block.text or ""]

    def walk(node) -> None:
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else None
            if tag == "br":
                parts.append("\n")
            elif tag is not None and tag not in _SILENT_TAGS and not _hidden(child):
                parts.append(child.text or "")
                walk(child)
            parts.append(child.tail or "")

    walk(block)
    return [" ".join(seg.split()) for seg in "".join(parts).split("\n") if seg.strip()]


def _page_units(root) -> list[tuple[list[str], str]]:
    """Every line of every leaf block of the page, in page order: (lower-cased words, text)."""
    units = []
    for el in root.iter():
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag not in _LEAF_TAGS or _hidden(el):
            continue
        if any(
            isinstance(d.tag, str) and d.tag.lower() in _BLOCK_TAGS for d in el.iterdescendants()
        ):
            continue
        if any(
            isinstance(a.tag, str) and a.tag.lower() in _SILENT_TAGS for a in el.iterancestors()
        ):
            continue
        for text in _unit_texts(el):
            units.append(([w.casefold() for w in text.split()], text))
    return units


def restore_words(paragraphs: list[str], root) -> list[str]:
    """``paragraphs`` with each one that lost words inside it replaced by its whole block.

    A paragraph is matched with the page block (a line of a leaf element) sharing most of its word
    pairs; the block replaces it when nearly all (90 %) of the paragraph's words are the block's, in
    order, and either the two begin alike (words lost after an element) or the paragraph is at least
    half the block (words lost in the middle). A paragraph found in no block, or in two blocks
    equally well, is kept as it is; two paragraphs from one block become one. This is the second
    line of defence, for losses :func:`protect_inline_text` does not prevent.
    """
    units = _page_units(root)
    index: dict[tuple[str, str], list[int]] = {}
    for i, (words, _) in enumerate(units):
        for pair in set(zip(words, words[1:])):
            index.setdefault(pair, []).append(i)
    whole = {text for _, text in units}
    out: list[str] = []
    restored_from = None  # the block the previous paragraph was replaced by
    for paragraph in paragraphs:
        words = [w.casefold() for w in paragraph.split()]
        if paragraph in whole or len(words) < _MIN_RESTORE_WORDS:
            out.append(paragraph)  # a whole block (the usual case), or too short to place
            restored_from = None
            continue
        votes = Counter(i for pair in set(zip(words, words[1:])) for i in index.get(pair, ()))
        fits = []
        for i, _ in votes.most_common(4):
            unit_words = units[i][0]
            if len(unit_words) <= len(words):
                continue  # nothing more in it than in the paragraph
            matched = sum(
                b.size
                for b in SequenceMatcher(
                    None, words, unit_words, autojunk=False
                ).get_matching_blocks()
            )
            head = min(3, len(words))
            if matched >= 0.9 * len(words) and (
                unit_words[:head] == words[:head] or matched >= 0.5 * len(unit_words)
            ):
                fits.append((matched, i))
        fits.sort(reverse=True)
        best = fits[0][1] if fits else None
        if (
            len(fits) > 1
            and fits[1][0] >= fits[0][0] - 1
            and units[fits[1][1]][1] != units[fits[0][1]][1]
        ):
            best = (
                None  # two blocks fit as well (a caption repeating the paragraph's start): unsure
            )
        if best is None:
            out.append(paragraph)
            restored_from = None
        elif restored_from is not None and units[best][1] == units[restored_from][1]:
            continue  # the rest of a block trafilatura split in two: restored with its first part
        else:
            out.append(units[best][1])
            restored_from = best
    return out


def _parse_date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def extract_article(
    html: str,
    *,
    url: str = "",
    source: str | None = None,
    min_words: int = MIN_WORDS,
    content_language: str = "",
) -> Extracted:
    """The article in an HTML page: main text (paragraphs separated by a blank line) and metadata.

    ``url`` is where the page came from (used to resolve a relative canonical link);
    ``content_language`` is the HTTP Content-Language header, a last resort for the language.
    :class:`InputError` when the page holds no article text.
    """
    import trafilatura  # imported here: it takes a second to load and only add needs it
    from trafilatura.utils import load_html

    source = source or url or "page"
    try:
        tree = load_html(html)
        root = tree.getroottree().getroot() if tree is not None else None
        if root is not None:
            protect_inline_text(root)
        # trafilatura prunes the tree it is given: it gets a copy, the page stays whole for
        # restore_words and the metadata
        # a Document or None: a dict only with as_dict=True
        doc = cast(
            "Document | None",
            trafilatura.bare_extraction(
                copy.deepcopy(root) if root is not None else html,
                url=url or None,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                favor_precision=True,
                date_extraction_params={"extensive_search": False, "original_date": True},
            ),
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(
            source, f"cannot parse the page ({exc.__class__.__name__})", hint="is it an HTML page?"
        ) from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if root is not None and paragraphs:
        paragraphs = restore_words(paragraphs, root)
    paragraphs = [p for p in paragraphs if not is_promotion(p)]
    words = sum(len(p.split()) for p in paragraphs)
    if words < min_words or doc is None:  # no document, no words (min_words=0 included)
        raise InputError(
            source,
            f"no article text found on the page ({words} words)",
            hint="is it an index, login or error page? Save the text and add the file",
        )
    canonical = (doc.url or "").strip()
    if canonical and url:
        canonical = urljoin(url, canonical)
    if canonical and urlsplit(canonical).scheme not in ("http", "https"):
        canonical = ""
    domain = _host(canonical or url)
    meta = (
        read_page_meta(root, domain=domain, content_language=content_language)
        if root is not None
        else read_page_meta(load_html("<html></html>"))
    )
    raw_title = doc.title or next(iter(meta.headlines), "")
    title = clean_headline(raw_title, names=meta.names, domain=domain, headlines=meta.headlines)
    # a date the title ends with ("… | DW | 19.01.2020") when the page states none elsewhere
    published = _parse_date(doc.date) or date_in_title(raw_title)
    authors = [a.strip() for a in re.split(r";|\s+and\s+", doc.author or "") if a.strip()]
    authors = people_only(authors, meta, domain=domain)
    language = meta.language or normalise_language(doc.language or "")
    return Extracted(
        text="\n\n".join(paragraphs),
        title=title,
        published=published,
        authors=authors,
        url=canonical,
        site_name=meta.site_name,
        language=language,
        agencies=list(meta.agencies),
    )
