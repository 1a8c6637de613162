"""Fetching a news page and extracting the article from it.

Fetching is deliberately plain and polite: the standard library's ``urllib`` with a User-Agent
that names the tool, a timeout, a size cap (the body is read in chunks and abandoned past it),
at most five redirects, and no parallel requests — a :class:`Fetcher` waits ``delay`` seconds
between two requests to the same host. Anything that is not an HTML page (an error status, a PDF,
an image) is refused with one line saying what came back.

Extraction uses trafilatura (main text without navigation, ads, related links and comments; title,
date, authors, canonical URL and site name from the page's metadata).
"""

from __future__ import annotations

import datetime as dt
import http.client
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from .encoding import decode_text, looks_binary

__all__ = ["Page", "Extracted", "Fetcher", "fetch", "extract_article", "USER_AGENT",
           "MAX_BYTES", "TIMEOUT", "MAX_REDIRECTS", "MIN_WORDS"]

USER_AGENT = (f"framing/{__version__} (news framing research tool; "
              "fetches single pages on a user's request)")
MAX_BYTES = 5_000_000        # a news page is rarely over 1 MB; 5 MB leaves room for inline scripts
TIMEOUT = 20.0               # seconds, for connecting and for each read
MAX_REDIRECTS = 5
MIN_WORDS = 25               # fewer words than this is not an article (a login wall, an index page)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    """A fetched HTML page: the URL asked for, the URL it ended at, and its decoded HTML."""

    url: str
    final_url: str
    html: str
    encoding: str


@dataclass
class Extracted:
    """An article found in a page."""

    text: str
    title: str = ""
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    url: str = ""          # the canonical URL when the page gives one
    site_name: str = ""
    language: str = ""


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"redirect to a {scheme or 'relative'} URL "
                                         "refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Fetches pages one at a time, waiting ``delay`` seconds between requests to one host."""

    def __init__(self, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
                 delay: float = 1.0, user_agent: str = USER_AGENT):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self._last: dict[str, float] = {}
        self._opener = urllib.request.build_opener(_LimitedRedirects())

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
            raise InputError(url, "is not an http(s) URL", hint="give a full address such as https://…")
        host = parts.hostname.lower()
        self._wait(host)
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "identity",
        })
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                final_url = response.geturl()
                ctype = response.headers.get_content_type()
                declared = response.headers.get_content_charset()
                length = response.headers.get("Content-Length")
                if ctype not in _HTML_TYPES:
                    raise InputError(url, f"is not an HTML page (Content-Type: {ctype})",
                                     hint="save the text and add the file with --outlet/--title")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise InputError(url, f"page is too large ({int(length):,} bytes; the cap is "
                                          f"{self.max_bytes:,})", hint="raise it with --max-bytes")
                data = self._read_capped(response, url)
        except InputError:
            raise
        except urllib.error.HTTPError as exc:
            reason = exc.reason if isinstance(exc.reason, str) else str(exc.reason)
            if 300 <= exc.code < 400:
                why = (f"redirects in a loop or more than {MAX_REDIRECTS} times"
                       if "loop" in reason or "redirect" not in reason else reason)
                raise InputError(url, f"{why} (HTTP {exc.code})",
                                 hint="open it in a browser and add the address it ends at") from None
            raise InputError(url, f"the server answered HTTP {exc.code} {reason}".rstrip(),
                             hint="check the address" if exc.code in (404, 410) else
                                  "the page is not available; try again later") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, socket.timeout | TimeoutError):
                raise InputError(url, f"no answer within {self.timeout:g} s (timeout)",
                                 hint="try again later or raise --timeout") from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise InputError(url, f"cannot reach {host}: {text}",
                             hint="check the address and your connection") from None
        except (socket.timeout, TimeoutError):
            raise InputError(url, f"no answer within {self.timeout:g} s (timeout)",
                             hint="try again later or raise --timeout") from None
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            raise InputError(url, f"the connection failed ({exc.__class__.__name__}: {exc})",
                             hint="try again later") from None
        finally:
            self._last[host] = time.monotonic()
        if looks_binary(data):
            raise InputError(url, "is not an HTML page (binary content)", hint="check the address")
        if not declared:
            m = _META_CHARSET.search(data[:4096])
            declared = m.group(1).decode("ascii", "replace") if m else None
        decoded = decode_text(data, declared=declared, source=url)
        return Page(url=url, final_url=final_url, html=decoded.text, encoding=decoded.encoding)

    def _read_capped(self, response, url: str) -> bytes:
        chunks, size = [], 0
        while True:
            chunk = response.read(65536)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError(url, f"page is too large (over {self.max_bytes:,} bytes)",
                                 hint="raise the cap with --max-bytes")
            chunks.append(chunk)


def fetch(url: str, **options) -> Page:
    """Fetch one page with a fresh :class:`Fetcher` (see it for the options)."""
    return Fetcher(**options).fetch(url)


def _parse_date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def extract_article(html: str, *, url: str = "", source: str | None = None,
                    min_words: int = MIN_WORDS) -> Extracted:
    """The article in an HTML page: main text (paragraphs separated by a blank line) and metadata.

    ``url`` is where the page came from (used to resolve a relative canonical link).
    :class:`InputError` when the page holds no article text.
    """
    import trafilatura  # imported here: it takes a second to load and only add needs it

    source = source or url or "page"
    try:
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False,
            include_tables=True, favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(source, f"cannot parse the page ({exc.__class__.__name__})",
                         hint="is it an HTML page?") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    words = sum(len(p.split()) for p in paragraphs)
    if words < min_words:
        raise InputError(source, f"no article text found on the page ({words} words)",
                         hint="is it an index, login or error page? Save the text and add the file")
    canonical = (doc.url or "").strip()
    if canonical and url:
        canonical = urljoin(url, canonical)
    if canonical and urlsplit(canonical).scheme not in ("http", "https"):
        canonical = ""
    authors = [a.strip() for a in re.split(r";|\s+and\s+", doc.author or "") if a.strip()]
    site = (doc.sitename or "").strip()
    if re.fullmatch(r"[\w.-]+\.[\w-]+(:\d+)?", site):
        site = ""  # trafilatura falls back to the host name; that is not a name
    return Extracted(text="\n\n".join(paragraphs), title=" ".join((doc.title or "").split()),
                     published=_parse_date(doc.date), authors=authors, url=canonical,
                     site_name=site, language=(doc.language or "").strip())
