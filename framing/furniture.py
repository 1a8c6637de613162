"""Page furniture: the lines of a received article that are not the article.

Breadcrumbs ("News / Military / Afghanistan"), photo captions ("… (AFP photo)", "… via Getty
Images"), image identifiers ("GettyImages-1233765341"), copyright lines and site footers ("can
also be accessed at …") would otherwise be counted as the outlet's words. They are detected line
by line and kept aside (``Article.furniture``) so the report can show exactly what was left out;
the file on disk is never changed.
"""

from __future__ import annotations

import re

__all__ = ["split_furniture", "is_furniture_line", "link_runs", "strip_link_runs"]

_SEPARATORS = re.compile(r"\s[/>»›|]\s")
_CAPTION_END = re.compile(
    r"(\((?:[A-Z][\w.&-]*\s+)*(?:photo|photos|image|file photo|picture|video)\)"
    r"|\b(?:via|/)\s*(?:Getty Images|AP|Reuters|Shutterstock|EPA|AFP)"
    r"|\bPhoto(?:graph)?:\s*[\w .,&/-]+"
    r"|\((?:AP|Reuters|AFP|EPA|Getty Images)(?: Photo)?(?:/[\w .-]+)?\))\s*\.?$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(r"^(?:photo|image|picture|caption|credit|file photo)s?\s*[:|]", re.I)
_IMAGE_ID = re.compile(
    r"^(?:GettyImages|iStock|Shutterstock|AFP|EPA|IMG|DSC)[-_ ]?[\w-]*\d{3,}[\w.-]*$", re.I
)
# Copyright lines and site footers: the part anchored at the start is matched there only, the
# rest is a literal search (one regex with both would try every alternative at every position).
_COPYRIGHT_START = re.compile(r"(?:©|\(c\)\s|copyright\b)", re.I)
_COPYRIGHT_ANYWHERE = re.compile(r"all rights reserved", re.I)
_FOOTER_AT_START = re.compile(
    r"follow us on\b|sign up for\b|subscribe to\b|click here\b|read more\b|related:"
    r"|share this article|download our app",
    re.I,
)
_FOOTER_ANYWHERE = re.compile(r"can also be accessed at", re.I)
# a caption credit names one of these; most lines name none, and looking for them (substring
# tests on the lower-cased tail) costs a fraction of _CAPTION_END, which tries every position
_CAPTION_WORDS = (
    "photo",
    "image",
    "picture",
    "video",
    "getty",
    "reuters",
    "shutterstock",
    "epa",
    "afp",
)
_AP = re.compile(r"\bap\b")
# Embedded video players and photo galleries flatten into one line each: "JUST WATCHED <title>
# Replay More Videos ... MUST WATCH <title> 03:50" and "Photos: <gallery> – <caption> Hide Caption
# 1 of 22 Photos: …". A gallery line runs to hundreds of words, so it is tested before the length
# limit; the markers are the players' fixed labels (capitals as the sites print them).
_WIDGET = re.compile(
    r"^JUST WATCHED\b|\bReplay More Videos\b|^MUST WATCH\b|\bHide Caption \d+ of \d+\b"
)
_MAX_FURNITURE_WORDS = 60
_SENTENCE_END = re.compile(r"[.!?…\"”’]$")


# The Hill links a person's name to its topic page, which flattens into the text as the name, the
# full name glued to the page's latest headlines and a "MORE" link: "Paul Manafort Paul John
# ManafortManafort sought to hurt … Dustin Hoffman, others MORE and …". The headlines are no
# words of this article (their quotes, labels and loaded words are other stories').
_GLUED_NAME = re.compile(
    r"(?<![\w.])((?:[A-Z][\w.'’-]*[ \t]){1,3}?([A-Z][\w'’-]*[a-z]))[ \t]"
    r"((?:[A-Z][\w.'’()-]*[ \t]){0,4}?\2)(?=[A-Z0-9'‘“\"])"
)
_MORE = re.compile(r"[ \t]MORE\b")
_MAX_LINK_RUN = 700


def link_runs(line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` that are a linked name's headline run (the full name, the headlines and
    "MORE"; the name as first written stays).

    >>> t = "with Paul Manafort Paul John ManafortManafort sought to hurt Clinton MORE and Rick"
    >>> [t[s:e] for s, e in link_runs(t)]
    [' Paul John ManafortManafort sought to hurt Clinton MORE']
    """
    if "MORE" not in line:
        return []
    spans: list[tuple[int, int]] = []
    for m in _GLUED_NAME.finditer(line):
        if spans and m.start() < spans[-1][1]:
            continue
        more = _MORE.search(line, m.end(), m.end() + _MAX_LINK_RUN)
        if more is None:
            continue
        spans.append((m.start(3) - 1, more.end()))
    return spans


def strip_link_runs(line: str) -> tuple[str, list[str]]:
    """``line`` without its linked-name headline runs, and the runs taken out."""
    spans = link_runs(line)
    if not spans:
        return line, []
    out, removed, at = [], [], 0
    for s, e in spans:
        out.append(line[at:s])
        removed.append(line[s:e].strip())
        at = e
    out.append(line[at:])
    return "".join(out), removed


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def is_furniture_line(line: str) -> bool:
    """True for a breadcrumb, caption, image id or copyright line.

    >>> is_furniture_line("News \\u00a0 / \\u00a0 Military \\u00a0 / \\u00a0 Afghanistan")
    True
    >>> is_furniture_line("US soldiers board an aircraft in Kabul on August 30, 2021. (AFP photo)")
    True
    >>> is_furniture_line("JUST WATCHED Kabul airport Replay More Videos ... MUST WATCH Kabul airport 02:10")
    True
    >>> is_furniture_line("The Taliban said the US withdrawal meant they had made history.")
    False
    """
    if ("WATCH" in line or "Caption" in line or "Videos" in line) and _WIDGET.search(line):
        return True
    words = line.split()
    # every rule below is for short lines; a paragraph of prose is never furniture, and skipping
    # the regexes for it makes loading a large corpus several times faster
    if not words or len(words) > _MAX_FURNITURE_WORDS:
        return False
    text = " ".join(words)
    if len(words) <= 12 and _SEPARATORS.search(f" {text} ") and not _SENTENCE_END.search(text):
        return True
    if _IMAGE_ID.match(text) and len(words) <= 2:
        return True
    if len(words) <= 30 and (
        "©" in text or _COPYRIGHT_START.match(text) or _COPYRIGHT_ANYWHERE.search(text)
    ):
        return True
    if _CAPTION_START.match(text) and len(words) <= 40:
        return True
    # a caption credit sits at the end of the line: search only the tail, not every position
    tail = text[-90:]
    lower = tail.lower()
    if not any(w in lower for w in _CAPTION_WORDS) and not ("ap" in lower and _AP.search(lower)):
        return False
    return _CAPTION_END.search(tail) is not None


def _footer_start(line: str) -> bool:
    return _FOOTER_AT_START.match(line) is not None or _FOOTER_ANYWHERE.search(line) is not None


def split_furniture(body: str, *, title: str = "") -> tuple[str, tuple[str, ...]]:
    """Return ``(analysed body, furniture lines)`` for a body as received.

    Also drops a first line that repeats the title (the headline is analysed from the title) and a
    site footer with the short lines after it.
    """
    lines = body.splitlines()
    keep: list[str] = []
    dropped: list[str] = []
    title_key = _norm(title)
    seen_text = False
    in_footer = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            keep.append("")
            continue
        if in_footer and len(stripped.split()) <= 8 and not _SENTENCE_END.search(stripped):
            dropped.append(stripped)
            continue
        in_footer = False
        if not seen_text and title_key and _norm(stripped) == title_key:
            dropped.append(stripped)
            continue
        if is_furniture_line(stripped):
            dropped.append(stripped)
            continue
        if len(stripped.split()) <= 25 and _footer_start(stripped):
            dropped.append(stripped)
            in_footer = True
            continue
        seen_text = True
        line, runs = strip_link_runs(line)
        dropped.extend(runs)
        keep.append(line.rstrip())
    text = "\n".join(keep)
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.strip()
    return text, tuple(dropped)
