"""Which URLs from a corpus may become links."""

from __future__ import annotations

from urllib.parse import urlparse

__all__ = ["safe_url"]


def safe_url(url: str) -> str | None:
    """The URL if it is an http(s) link, else None (``javascript:``, ``data:`` … are never links).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)"), safe_url(" JaVaScRiPt:x")
    ('https://example.org/a', None, None)
    """
    url = (url or "").strip()
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    if (
        parsed.scheme.lower() in ("http", "https")
        and parsed.netloc
        and not any(c in url for c in "\x00\n\r\t<>\"'`\\ ")
    ):
        return url
    return None
