"""robots.txt rules as RFC 9309 (the Robots Exclusion Protocol) defines them.

The standard library's ``urllib.robotparser`` is not used: it applies the first rule that matches
instead of the longest, ignores the ``*`` and ``$`` wildcards, and matches user-agent names by
substring. Here:

* the group whose ``User-agent`` equals our product token (case-insensitive) applies, all such
  groups merged; else the ``*`` groups; with neither, everything is allowed;
* of the ``Allow`` and ``Disallow`` rules matching a path, the longest pattern wins, and ``Allow``
  wins a tie; ``*`` matches any characters, a final ``$`` anchors the end; an empty ``Disallow``
  allows everything;
* ``/robots.txt`` itself is always allowed.

What a fetcher does when robots.txt cannot be read is the fetcher's business (see
:mod:`framing.ingest.web`): RFC 9309 says a 4xx answer means no rules, and a 5xx answer or an
unreachable server means "disallow everything" until it can be read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

__all__ = ["RobotsRules"]

_SAFE = "/?&=;:@!$'()*+,~-._%"  # characters kept as they are when a pattern is percent-encoded


def _normalise(path: str) -> str:
    """Percent-encode what needs it and upper-case the hex digits, so "%2f" and "%2F" compare equal."""
    encoded = quote(path, safe=_SAFE)
    return re.sub(r"%[0-9a-fA-F]{2}", lambda m: m.group(0).upper(), encoded)


@dataclass(frozen=True)
class _Rule:
    allow: bool
    pattern: str
    regex: re.Pattern = field(compare=False)

    @classmethod
    def make(cls, allow: bool, pattern: str) -> _Rule:
        pattern = _normalise(pattern)
        anchored = pattern.endswith("$")
        body = pattern[:-1] if anchored else pattern
        regex = ".*".join(re.escape(part) for part in body.split("*")) + ("$" if anchored else "")
        return cls(allow, pattern, re.compile(regex, re.S))


class RobotsRules:
    """The rules of one robots.txt for one user-agent token.

    >>> rules = RobotsRules.parse("User-agent: *\\nDisallow: /\\nAllow: /news/", "framing")
    >>> rules.allows("/news/a"), rules.allows("/private")
    (True, False)
    """

    def __init__(self, rules: list[_Rule] | None = None):
        self.rules = rules or []

    @classmethod
    def allow_all(cls) -> RobotsRules:
        return cls([])

    @classmethod
    def disallow_all(cls) -> RobotsRules:
        return cls([_Rule.make(False, "/")])

    @classmethod
    def parse(cls, text: str, agent: str) -> RobotsRules:
        agent = agent.strip().lower()
        groups: list[tuple[list[str], list[_Rule]]] = []
        agents: list[str] | None = None  # the user-agent lines of the group being read
        had_rules = False  # the group has a rule line (even an empty one)
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            key = key.lower()
            if key in ("user-agent", "useragent", "user agent"):
                if agents is None or had_rules:
                    agents, had_rules = [], False
                    groups.append((agents, []))
                agents.append(value.lower())
            elif key in ("allow", "disallow") and agents is not None:
                had_rules = True
                if value:  # "Disallow:" with nothing after it allows everything: no rule
                    groups[-1][1].append(_Rule.make(key == "allow", value))
        mine = [r for names, rules in groups if agent in names for r in rules]
        if not any(agent in names for names, _ in groups):
            mine = [r for names, rules in groups if "*" in names for r in rules]
        return cls(mine)

    def allows(self, path: str) -> bool:
        """Whether ``path`` (path and query of a URL, or a whole URL) may be fetched."""
        if "://" in path:
            parts = urlsplit(path)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        path = _normalise(path or "/")
        if not path.startswith("/"):
            path = "/" + path
        if path == "/robots.txt":
            return True
        best: _Rule | None = None
        for rule in self.rules:
            if rule.regex.match(path):
                if (
                    best is None
                    or len(rule.pattern) > len(best.pattern)
                    or (len(rule.pattern) == len(best.pattern) and rule.allow)
                ):
                    best = rule
        return best is None or best.allow
