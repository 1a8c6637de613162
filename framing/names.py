"""Given names and the gender they hint at, for resolving "he" and "she" to a person.

The list is ``data/given_names.tsv`` (the 1990 U.S. Census's first names, public domain; its
header says how it was cut). It is a hint: what the text itself says of a person (a title such
as "Mr." or "Ms.") overrules it, and a name the list does not hold has no gender here.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["given_name_gender", "is_given_name"]


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    text = resources.files("framing").joinpath("data/given_names.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name.lower()] = gender
    return out


def _key(word: str) -> str:
    return word.strip(".,'’\"“”").lower()


def is_given_name(word: str) -> bool:
    """Is ``word`` a given name in the list ("Hillary", "Kelly"; not "Manchester", "Equity")?"""
    return _key(word) in _given_names()


def given_name_gender(name: str) -> str:
    """ "f" or "m" when the first word of a person's name is a given name borne (in the source
    list) almost only by women or only by men; "" otherwise. "Hillary Clinton" → "f", "Bernie
    Sanders" → "" (the list holds Bernie for both), "Xi Jinping" → "" (not in the list).

    A one-word name has no gender here: alone, "Dean" or "Grant" is as likely a surname.
    """
    words = name.split()
    if len(words) < 2:
        return ""
    gender = _given_names().get(_key(words[0]), "")
    return gender if gender in ("f", "m") else ""
