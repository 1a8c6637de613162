"""Is a matched word a label here? Proper names, dates, hyphenated compounds and title case.

A lexicon term is a claim about what a text calls something. Three kinds of match make no such
claim, whatever the word:

* **Names.** A term inside a proper name ("the Resolute Support Mission", "Al Aqsa Martyrs
  Hospital", "the Cold War", "Rep. Louise Slaughter", the film "Parasite") names an organisation,
  a building, a war, a person or a work; it does not label the referent. The signal is
  capitalisation where the language does not require it: a term written with capitals in the
  middle of a sentence. At the start of a sentence (or of a quotation) capitals are required, so
  there only a following name head ("… Hospital", "… Brigade") marks a name. In a headline or
  other line in title case capitals carry no information, and again only a name head counts.
  A term the lexicon itself writes with capitals ("Islamic Emirate", "Kyiv") is a name that *is*
  the label; callers skip this test for it.
* **Dates.** A capitalised month or weekday ("March", "May") is a date, not a protest march.
* **Compounds.** A term joined by a hyphen to a word outside it ("war-ravaged", "anti-war",
  "post-war") is part of another word. Lexicons decide per term whether such a compound counts.

The tests are plain character tests around a match, so they cost nothing beside the matching;
``benchmarks/axis_precision.py`` measures what they remove on hand-checked real articles.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "NAME_HEADS",
    "is_title_case",
    "in_proper_name",
    "is_date_word",
    "in_compound",
    "has_capitals",
    "after_capitalised",
]

#: Month and weekday names: capitalised, these words are dates.
MONTHS: Final[frozenset[str]] = frozenset(
    "january february march april may june july august september october november december".split()
)
WEEKDAYS: Final[frozenset[str]] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)

#: Capitalised words that end the name of a place, body, building, event or operation: a term
#: followed by one of them is part of a name even where capitals tell nothing (headlines, the
#: start of a sentence): "Martyrs Hospital", "Mission Accomplished" is not one, "War College" is.
NAME_HEADS: Final[frozenset[str]] = frozenset(
    """
    hospital clinic school college university academy institute museum library church mosque
    synagogue temple cathedral square street avenue road bridge airport base camp stadium hall
    center centre building tower park memorial monument cemetery brigade brigades battalion
    regiment division corps army front movement party council committee commission foundation
    association society union league alliance coalition agency ministry department office bureau
    authority court tribunal act bill law fund trust company corporation group network project
    program programme day week month festival awards award prize medal cup series show
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_OPENING = set("\"'“‘«([{—–-:;")


def has_capitals(term: str) -> bool:
    """A lexicon term written with capitals is a name used as a label ("Islamic Emirate")."""
    return any(c.isupper() for c in term)


def is_title_case(sentence: str) -> bool:
    """Most words capitalised (a headline, a menu line) or the line is in capitals.

    >>> is_title_case("U.S. Troops Leave Afghanistan After 20 Years Of Occupation")
    True
    >>> is_title_case("The troops left Afghanistan after 20 years of occupation.")
    False
    >>> is_title_case("Bong Joon-ho's film Parasite won the top prize at the Oscars.")
    False
    """
    words = [w for w in _WORD.findall(sentence) if len(w) > 3]
    if len(words) < 3:
        return False
    # a news sentence full of names still writes its ordinary words in lower case ("Bong
    # Joon-ho's film Parasite won the top prize"); a title-case line has almost none
    lower = sum(1 for w in words if not w[0].isupper())
    return lower <= max(1, 0.15 * len(words))


def _at_sentence_start(text: str, start: int, sentence_start: int) -> bool:
    """Only opening marks and white space between the sentence start (or a colon, a dash, an
    opening quote) and ``start``: capitals are required there."""
    i = start - 1
    while i >= sentence_start and (text[i].isspace() or text[i] in _SENTENCE_OPENING):
        if text[i] in '"“‘«:;—–(' and (
            i == sentence_start or text[i - 1].isspace() or text[i] in ":;—–"
        ):
            return True
        i -= 1
    return i < sentence_start


def _next_word(text: str, end: int, limit: int) -> str:
    m = _WORD.search(text, end, min(limit, end + 40))
    if m is None or text[end : m.start()].strip(" -'’s"):
        return ""
    return m.group()


def _prev_word_span(text: str, start: int, floor: int, skip: str = " \t-") -> tuple[int, int]:
    """Span of the word before ``start`` (letters, apostrophes, dots), past ``skip`` characters."""
    i = start
    while i > floor and text[i - 1] in skip:
        i -= 1
    j = i
    while j > floor and (text[j - 1].isalpha() or text[j - 1] in "'’."):
        j -= 1
    return j, i


def _prev_word(text: str, start: int, floor: int) -> str:
    j, i = _prev_word_span(text, start, floor)
    return text[j:i]


def in_proper_name(
    text: str,
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    title_case: bool = False,
) -> bool:
    """True when ``text[start:end]`` is (part of) a proper name, not a label.

    >>> t = "The Resolute Support Mission ended; the mission ended."
    >>> in_proper_name(t, 21, 28, 0, len(t)), in_proper_name(t, 40, 47, 0, len(t))
    (True, False)
    >>> t = "Mission accomplished, he said."
    >>> in_proper_name(t, 0, 7, 0, len(t))
    False
    >>> t = "Martyrs Hospital staff said."
    >>> in_proper_name(t, 0, 7, 0, len(t))
    True
    """
    words = _WORD.findall(text, start, end)
    if not words or not all(w[0].isupper() for w in words):
        return False
    following = _next_word(text, end, sentence_end)
    if following and following[0].isupper() and following.lower() in NAME_HEADS:
        return True
    if title_case:
        # capitals say nothing here; a name the rest of the text writes the same way still is one
        # (the headline's "Resolute Support Mission Ends" beside the body's "the Resolute Support
        # Mission guards …")
        prev = _prev_word(text, start, sentence_start)
        if prev[:1].isupper():
            phrase = text[start - len(prev) - 1 : end] if start > len(prev) else ""
            if phrase and phrase[: len(prev)] == prev:
                return text.count(phrase) > 1
        return False
    if _at_sentence_start(text, start, sentence_start):
        return False
    if words[0].isupper() and len(words[0]) > 1:
        # a word in capitals mid-sentence is emphasis or an acronym-styled line, not a name
        prev = _prev_word(text, start, sentence_start)
        if prev.isupper():
            return False
    return True


def is_date_word(text: str, start: int, end: int) -> bool:
    """A capitalised month or weekday: "in March", "March 3", "since May".

    >>> is_date_word("in March 2020", 3, 8), is_date_word("the march on Washington", 4, 9)
    (True, False)
    """
    word = text[start:end]
    return word[:1].isupper() and word.lower() in MONTHS | WEEKDAYS


def in_compound(text: str, start: int, end: int) -> bool:
    """Joined by a hyphen to a word outside the match: "war-ravaged", "anti-war", "post-war".

    >>> t = "the war-ravaged country, an anti-war march, the 20-year war"
    >>> [in_compound(t, m.start(), m.end()) for m in re.finditer("war", t)]
    [True, True, False]
    """
    if start >= 2 and text[start - 1] in "-\u2010\u2011" and text[start - 2].isalpha():
        return True
    return end + 1 < len(text) and text[end] in "-\u2010\u2011" and text[end + 1].isalpha()


def after_capitalised(text: str, start: int, sentence_start: int) -> bool:
    """The word before ``start`` is capitalised and is not the sentence's first: the match is the
    last word of a name written in sentence case ("the Iraq war", "the 1944 Warsaw uprising").
    Not after a possessive ("Syria's war") or an abbreviation in capitals ("the U.S. war").

    >>> t = "He opposed the Iraq war. Syria's war and the U.S. war go on."
    >>> [after_capitalised(t, t.index(w), s) for w, s in (("war.", 0), ("war and", 25),
    ...                                                   ("war go", 25))]
    [True, False, False]
    """
    j, i = _prev_word_span(text, start, sentence_start, skip=" \t")
    prev = text[j:i]
    if not prev[:1].isupper() or prev.replace(".", "").isupper() or prev.endswith(("'s", "’s")):
        return False
    return j > sentence_start and not _at_sentence_start(text, j, sentence_start)
