"""What one outlet's articles on a story do not mention that most of the others report.

For a story covered by at least ``min_outlets`` outlets, every outlet's articles are reduced to
items, each kept with the sentence it came from:

* **names**: runs of two or more capitalised words ("Frank McKenzie", "Hamid Karzai
  International Airport"), a person matched in other outlets by surname too ("McKenzie"); runs
  ending in an organisation word ("Ministry", "Council" …) are organisations;
* **numbers**: a figure with the noun it counts ("13 service members", "$2 billion", "170
  people"), matched on figure and noun;
* **dates**: days of a month ("August 31", also written "Aug. 31", "31 August" or "the 31st of
  August"); the same day told as a weekday ("on Saturday") or a span ("for 30 days") is not
  recognised, so fewer than half of the dates listed on NewsWCL50 were right and the report
  leaves them out;
* **quoted actors**: the speakers the attribution extractor found (who gets a voice);
* **reported content**: sentences whose content words recur in the others' articles (a sentence
  of each of them shares four or more content words, and half of the shorter sentence's) — the
  same fact told by several outlets, found without any language model.

An item is listed for an outlet when more than ``min_share`` of the *other* outlets covering the
story mention it and none of this outlet's articles on the story does. Each row says how many
of the others mention it and keeps one sentence from each as evidence.

The wording is deliberate: an item is "not mentioned in these articles". The outlet may have
reported it elsewhere, in a headline of another day, or in a piece not in the corpus; one
article per outlet is a sample of one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..errors import InputError
from ..referents import is_title_case
from ..text import split_sentences

__all__ = ["omissions", "article_items", "OMISSION_KINDS"]

OMISSION_KINDS = ("name", "organisation", "number", "date", "quoted", "content")

_MONTHS = {
    m: i
    for i, ms in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in ms
}
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
# "August 31", "Aug. 31, 2021", "31 August": a day of a month, which reports date an event by
_DATE = re.compile(
    r"\b(?:(?P<m1>"
    + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
    + r")\.?\s+(?P<d1>[12]?\d|3[01])(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\d|\.\d))"
    r"|(?P<d2>[12]?\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>"
    + "|".join(m.capitalize() for m in _MONTHS if len(m) > 3)
    + r")\b)"
)

# a capitalised word, or an initial ("Robert S. Mueller III")
_CAP = r"(?:[A-Z][\w'’.-]*[\w]|[A-Z]\.)"
# one particle may join two capitalised words ("Department of Justice", "Osama bin Laden")
_NAME = re.compile(rf"\b{_CAP}(?:\s+(?:(?:of|al|bin|de|von|van|la|le|du)\s+)?{_CAP})+")
_ORG_WORDS = frozenset(
    """Ministry Department Council Party Army Force Forces Agency Office
    Organization Organisation Association Union Committee Commission Court University Institute
    Bank Fund Corporation Company Group Inc Ltd Airport Embassy Navy Command Service Services
    Parliament Assembly Senate House Congress Police Guard Network News Times Post Press Agency
    Foundation Movement Front Alliance Coalition Taliban Pentagon Studies School
    Center Centre Hospital Church Club League Board Authority Review Journal Magazine
    Channel Television Radio Network Institute Administration""".split()
)
# names of laws, events and plans: named things, not bodies ("Korean War", "Iran Deal")
_THING_WORDS = frozenset(
    """Program Programme Project Initiative Act Bill Law Treaty Summit War
    Agreement Deal Plan Conference Accord Accords""".split()
)
# a run followed by one of these and a capital is cut from a longer name we cannot delimit
# ("House Committee on Oversight", "Federal District Court for the District of Columbia")
_CUT_TAIL = re.compile(r"\s+(?:on|for|of|and)\s+(?:the\s+)?[A-Z]")
# words that open a sentence or a headline and make a capitalised run no name
_NOT_NAME_START = frozenset(
    """The A An This That These Those It He She They We I In On At For
    But And Or As If When While After Before Since From By With Without Over Under Mr Mrs Ms Dr
    Gen Sen Rep President Prime Minister Secretary Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December
    Read More Related Also Photo Image Copyright Deputy Attorney General Vice Chairman Chairwoman
    Speaker Governor Gov Senator Judge Leader Special Counsel Former Director Chief Ambassador
    Mayor Earlier Later Last Next""".split()
)
# weekdays and months: a run ending in one is a name and a date ("White House Tuesday")
_TIME_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
) | frozenset(_MONTH_NAMES)
_NUMBER = re.compile(
    r"(?<![\w.,$])(\$?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,.]\d)"
    r"(\s*(?:%|percent|per cent))?(?:\s+(million|billion|thousand|trillion))?"
    r"((?:\s+[A-Za-z][A-Za-z.-]*){1,3})?"
)
_NUMBER_SKIP_NOUNS = frozenset(
    """years year months month days day weeks week hours hour minutes
    am pm a.m p.m times percent and or to of in on at the a an""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {
    "said",
    "says",
    "told",
    "according",
    "also",
    "would",
    "could",
    "year",
    "years",
    "new",
    "one",
    "two",
}
_SHARED_WORDS = 5  # content words two sentences must share to report the same thing …
_SHARED_SHARE = 0.5  # … and at least this share of the shorter one's
# An outlet *mentions* a fact on far less: a sentence sharing three of its content words and a
# third of them, or its articles holding three in five of them anywhere. Listing an omission is
# the claim; saying "mentioned" when unsure only shortens the list (measured in
# benchmarks/omissions_precision.py: most wrong content items were the fact in other words).
_MENTION_WORDS = 3
_MENTION_SHARE = 1 / 3
_MENTION_COVER = 0.6


# "of" continues a name after these: "University of Texas", "Gulf of Mexico"
_PLACE_WORDS = frozenset(
    """University Gulf Bay Sea Republic Kingdom State States City Isle Port
    Cape Lake Mount Bank Church Museum Secretary Minister Ministry Duke Prince Princess King
    Queen""".split()
)
# a run ending in one of these is a role, not a name ("British Ambassador")
_ROLE_WORDS = frozenset(
    """Ambassador President Minister Secretary Chairman Chairwoman Chair
    Governor Senator Spokesman Spokeswoman Spokesperson Director Chief Officer Envoy Leader
    Leaders Official Officials Commander General Judge Mayor Representative""".split()
)
# "of" continues a name only after these ("Department of Justice"; not "Putin of Russia")
_OF_CONTINUES = _ORG_WORDS | _ROLE_WORDS | _PLACE_WORDS
# demonyms and other adjectives of place: "South Korean officials" names no one
_DEMONYM_END = ("an", "ese", "ish", "ic", "i")
_HYPHEN_SPACED = re.compile(r"(?<=\w) - (?=[a-z])")  # "Kim Jong - un" as some corpora tokenise


def _names(sentence: str) -> list[tuple[str, str]]:
    """``(kind, phrase)`` for the capitalised runs of a sentence."""
    out = []
    for m in _NAME.finditer(sentence):
        before = sentence[: m.start()].split()[-2:]
        if len(before) == 2 and before[1] in ("and", "of", "&") and before[0][:1].isupper():
            continue  # the tail of a longer name: "Customs and Border Protection"
        if sentence[: m.start()].endswith(("' ", "’ ")):
            continue  # the tail of "Workers' Party of Korea"
        words = m.group(0).split()
        if words[-1].rstrip(".,") in _ORG_WORDS and _CUT_TAIL.match(sentence, m.end()):
            continue
        roles = [k for k, w in enumerate(words[:-2]) if w.rstrip(".,") in _ROLE_WORDS]
        if roles:
            words = words[roles[-1] + 1 :]  # "House Intelligence Chairman Devin Nunes": the person
        if "of" in words:
            k = words.index("of")
            if k and words[k - 1].rstrip(".,") not in _OF_CONTINUES:
                words = words[:k]  # "Putin of Russia": a person, then a place
        while words and words[-1].rstrip(".,") in _TIME_WORDS:
            words = words[:-1]  # "White House Tuesday"
        stripped = False
        while words and (words[0].rstrip(".") in _NOT_NAME_START or words[0].islower()):
            stripped = stripped or words[0].islower()
            words = words[1:]  # "Secretary of State" leaves no "of State" …
            if stripped and words and words[0][:1].isupper() and len(words) > 2:
                words = words[1:]  # … and "Secretary of State Mike Pompeo" no "State Mike"
                stripped = False
        while words and words[-1].islower():
            words = words[:-1]
        if len(words) < 2 or all(w.isupper() for w in words):
            continue  # one word, or a capitalised dateline ("WEST PALM BEACH")
        if words[-1].rstrip(".,") in _ROLE_WORDS:
            continue  # a role ("British Ambassador", "House Intelligence Chairman")
        after = sentence[m.end() : m.end() + 2]
        if words[-1].endswith(_DEMONYM_END) and after[:1] == " " and after[1:].islower():
            continue  # an adjective of place before a noun ("South Korean officials")
        phrase = " ".join(words)
        kind = (
            "organisation"
            if any(w.rstrip(".,") in _ORG_WORDS for w in words)
            and not (words[-1].rstrip(".,") in _THING_WORDS or roles)
            else "name"
        )
        out.append((kind, phrase))
    return out


def _numbers(sentence: str) -> list[str]:
    """Figures with what they count, as ``"13 members"``, ``"$2 billion"``, ``"40%"``: the
    figure and the last word of the noun run after it (durations, dates and years left out)."""
    out = []
    for m in _NUMBER.finditer(sentence):
        dollar, figure, pct, scale, after = m.groups()
        value = dollar + figure.replace(",", "")
        if pct:
            out.append(f"{value}%")
            continue
        if scale:
            out.append(f"{value} {scale}")
            continue
        run: list[str] = []
        for word in (after or "").split():
            w = word.lower().strip(".")
            if w in ("us", "u.s", "uk"):
                continue  # "13 US service members": a modifier, not a stop word here
            if (
                ((w in _STOP or w in _NUMBER_SKIP_NOUNS or w.endswith(("ed", "ing"))) and run)
                or w in _STOP
                or w in _NUMBER_SKIP_NOUNS
            ):
                break  # the noun run ends at a function word or a verb ("members died")
            run.append(w)
        if not run or (not dollar and len(figure) == 4 and 1900 <= float(figure) <= 2100):
            continue  # a bare figure, a duration or a year is context, not a reported figure
        out.append(f"{value} {run[-1]}")
    return out


def _content(sentence: str) -> frozenset[str]:
    return frozenset(
        w.lower() for w in _WORD.findall(sentence) if len(w) > 2 and w.lower() not in _STOP
    )


def article_items(text: str) -> list[tuple[str, str, str]]:
    """``(kind, item, sentence)`` for the names, organisations and figures of one text."""
    items = []
    for s, e in split_sentences(text):
        sentence = _HYPHEN_SPACED.sub("-", " ".join(text[s:e].split()))
        # a headline in title case capitalises every word: its runs are no names
        names = [] if is_title_case(sentence) else _names(sentence)
        for kind, phrase in names:
            items.append((kind, phrase, sentence))
        for figure in _numbers(sentence):
            items.append(("number", figure, sentence))
        for day in _dates(sentence):
            items.append(("date", day, sentence))
    return items


@lru_cache(maxsize=256)
def _dates_in(text: str) -> frozenset[str]:
    """The days of a month a text names, case-folded (an outlet's whole text is tested against
    every date the others report: computed once per text)."""
    return frozenset(d.casefold() for d in _dates(text))


def _dates(sentence: str) -> list[str]:
    """Days of a month, as ``"August 31"`` ("Aug. 31", "31 August" and "August 31st" alike)."""
    out = []
    for m in _DATE.finditer(sentence):
        month = (m.group("m1") or m.group("m2")).lower()
        day = int(m.group("d1") or m.group("d2"))
        if day >= 1:
            out.append(f"{_MONTH_NAMES[_MONTHS[month] - 1]} {day}")
    return out


def omissions(
    corpus: Iterable,
    analysis=None,
    *,
    story: str | None = None,
    min_outlets: int = 3,
    min_share: float = 0.5,
    top: int | None = 10,
    kinds: Iterable[str] = OMISSION_KINDS,
) -> pd.DataFrame:
    """Per story and outlet, what most of the other outlets on the story report and it does not.

    corpus : the articles (a :class:`~framing.corpus.Corpus` or any iterable of articles with
        ``story`` set); their texts are read here.
    analysis : the analysis of the same corpus, for quoted actors (its attribution records);
        without it, quoted actors are not compared.
    story : one story id; None compares every story covered by at least ``min_outlets`` outlets.
    min_share : more than this share of the *other* outlets must mention an item (0.5: most).
    top : at most this many items per (story, outlet, kind), the most widely reported first.

    Returns ``story, outlet, kind, item, n_others_mentioning, n_others, share, n_articles``
    (this outlet's articles on the story), ``evidence`` (a list of ``(outlet, sentence)``, one
    per other outlet mentioning it) and ``wording`` ("not mentioned in these N articles").

    >>> from framing import Article
    >>> texts = {"a": "The blast killed 13 service members, Frank McKenzie said.",
    ...          "b": "Gen. Frank McKenzie said 13 service members died.",
    ...          "c": "A blast struck the airport."}
    >>> arts = [Article(id=o, outlet=o, title="", text=t, story="s") for o, t in texts.items()]
    >>> t = omissions(arts, kinds=["name", "number"])
    >>> t[["outlet", "kind", "item", "n_others_mentioning"]].values.tolist()
    [['c', 'name', 'Frank McKenzie', 2], ['c', 'number', '13 service members', 2]]
    """
    kinds = set(kinds)
    bad = kinds - set(OMISSION_KINDS)
    if bad:
        raise InputError(
            None,
            f"unknown omission kind {sorted(bad)[0]!r}",
            hint=f"kinds are {', '.join(OMISSION_KINDS)}",
        )
    by_story: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for article in corpus:
        if not article.story or (story is not None and article.story != story):
            continue
        by_story[article.story][article.outlet].append(article)
    if story is not None and story not in by_story:
        raise InputError(
            None,
            f"no articles of story {story!r}",
            hint="framing stories list shows the stories of a corpus",
        )
    speakers = _speakers(analysis) if analysis is not None and "quoted" in kinds else {}
    rows = []
    for story_id, outlets in sorted(by_story.items()):
        if len(outlets) < min_outlets:
            continue
        rows.extend(_story_omissions(story_id, outlets, speakers, kinds, min_share, top))
    columns = [
        "story",
        "outlet",
        "kind",
        "item",
        "n_others_mentioning",
        "n_others",
        "share",
        "n_articles",
        "evidence",
        "wording",
    ]
    out = pd.DataFrame(rows, columns=columns)
    out.attrs.update(
        min_outlets=min_outlets,
        min_share=min_share,
        stories_compared=sum(len(o) >= min_outlets for o in by_story.values()),
        stories_too_few_outlets=sum(len(o) < min_outlets for o in by_story.values()),
    )
    return out


def _speakers(analysis) -> dict[str, list[tuple[str, str]]]:
    """article id -> [(speaker, sentence)] of its named speakers (descriptions left out)."""
    records = analysis.records.get("attribution")
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if records is None or records.empty:
        return out
    for art, speaker, sentence in records[["article_id", "speaker", "sentence"]].itertuples(
        index=False
    ):
        if isinstance(speaker, str) and len(speaker.split()) >= 2 and speaker[:1].isupper():
            out[art].append((speaker, " ".join(str(sentence).split())))
    return out


def _story_omissions(story_id, outlets, speakers, kinds, min_share, top):
    # per outlet: item -> first sentence; the outlet's whole text for mentions
    items: dict[str, dict[tuple[str, str], str]] = {}
    texts: dict[str, str] = {}
    sentences: dict[str, list[tuple[str, frozenset]]] = {}
    voiced: dict[str, dict[str, str]] = {}
    for outlet, articles in outlets.items():
        found: dict[tuple[str, str], str] = {}
        sents = []
        for article in articles:
            text = article.analysed_text
            for kind, item, sentence in article_items(text):
                found.setdefault((kind, item), sentence)
            body = article.text  # reported content: the body, not the headline
            for s, e in split_sentences(body):
                sentence = " ".join(body[s:e].split())
                sents.append((sentence, _content(sentence)))
        items[outlet] = found
        texts[outlet] = " ".join(" ".join(a.analysed_text.split()) for a in articles)
        sentences[outlet] = sents
        voiced[outlet] = {
            sp.casefold(): sent for a in articles for sp, sent in speakers.get(a.id, [])
        }
    rows = []
    names = sorted(outlets)
    for outlet in names:
        others = [o for o in names if o != outlet]
        # "most of the others": more than min_share of them (with two others, both)
        need = min(len(others), int(min_share * len(others) + 1e-9) + 1)
        n_art = len(outlets[outlet])
        these = "this article" if n_art == 1 else f"these {n_art} articles"
        wording = f"not mentioned in {these}"
        candidates: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        surnames: dict[str, str] = {}
        for other in others:
            for (kind, item), sentence in items[other].items():
                if kind in kinds:
                    candidates[(kind, _canonical(kind, item))].setdefault(other, sentence)
                    if kind == "name":
                        surnames[_canonical(kind, item)] = item.split()[-1]
            if "quoted" in kinds:
                for speaker, sentence in voiced[other].items():
                    candidates[("quoted", speaker)].setdefault(other, sentence)
        found_rows = []
        for (kind, key), evidence in candidates.items():
            mentioning = [
                o
                for o in others
                if o in evidence or (kind != "quoted" and _mentioned(kind, key, texts[o]))
            ]
            with_sentence = {o: evidence[o] for o in mentioning if o in evidence}
            if len(mentioning) < need or not with_sentence:
                continue
            if kind == "quoted":
                if _voiced_in(key, voiced[outlet], texts[outlet]):
                    continue  # quoted here too
            elif _mentioned(kind, key, texts[outlet], surnames.get(key)):
                continue
            label = _display(kind, key, evidence)
            found_rows.append(
                dict(
                    story=story_id,
                    outlet=outlet,
                    kind=kind,
                    item=label,
                    n_others_mentioning=len(mentioning),
                    n_others=len(others),
                    share=len(mentioning) / len(others),
                    n_articles=n_art,
                    evidence=sorted(with_sentence.items()),
                    wording=wording if kind != "quoted" else f"not quoted in {these}",
                )
            )
        if "content" in kinds:
            found_rows.extend(
                _content_omissions(story_id, outlet, others, sentences, need, n_art, wording)
            )
        by_kind = defaultdict(list)
        for r in found_rows:
            by_kind[r["kind"]].append(r)
        for kind in OMISSION_KINDS:
            ranked = sorted(by_kind[kind], key=lambda r: (-r["n_others_mentioning"], r["item"]))
            rows.extend(ranked[:top] if top else ranked)
    return rows


def _canonical(kind: str, item: str) -> str:
    return item.casefold()


def _number_pattern(key: str) -> str:
    """A figure followed, within three words, by the noun it counts ("13 US service members")."""
    value, _, noun = key.partition(" ")
    figure = re.escape(value).replace(r"\$", r"\$?")
    if value.endswith("%"):
        return rf"(?<![\w.]){re.escape(value[:-1])}\s*(?:%|percent|per cent)"
    digits = value.lstrip("$")
    if len(digits) > 3 and "." not in digits:  # 13000 is also written 13,000
        grouped = f"{int(digits):,}"
        figure = (
            rf"\$?(?:{digits}|{re.escape(grouped)})"
            if value.startswith("$")
            else rf"(?:{digits}|{re.escape(grouped)})"
        )
    return rf"(?<![\w.,]){figure}(?:\s+[\w.-]+){{0,2}}?\s+{re.escape(noun)}(?!\w)"


_ALIAS_STOP = frozenset("of the for and in on at to".split())


def _initials(key: str) -> str:
    """ "United States" -> "US", "Democratic National Committee" -> "DNC"."""
    return "".join(w[0] for w in key.split() if w not in _ALIAS_STOP).upper()


@lru_cache(maxsize=256)  # an outlet's text is tested against every candidate item of the story
def _plain(text: str) -> str:
    """Lower case, possessives, dots and hyphens as spaces: "Kim Jong-un's" -> "kim jong un"."""
    text = re.sub(r"['’]s\b", " ", text.casefold())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _mentioned(kind: str, key: str, text: str, surname: str | None = None) -> bool:
    """Is the item in ``text`` (the outlet's articles), in any common wording? Whole words, any
    case, ignoring possessives, dots and hyphens ("Kim Jong-un", "Kim Jong Un"); a name by its
    initials ("US", "U.S.", "DNC"); a person also by the surname as written, capitalised
    ("McKenzie", not the word "program"); an organisation when every one of its words is in
    the text ("the Justice Department" for "Department of Justice"). When in doubt, an item
    counts as mentioned: a listed omission is a claim about the text."""
    if kind == "number":
        return re.search(_number_pattern(key), text, flags=re.IGNORECASE) is not None
    if kind == "date":
        return key.casefold() in _dates_in(text)
    if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text, flags=re.IGNORECASE):
        return True
    plain_key, plain_text = _plain(key), _plain(text)
    if plain_key and re.search(rf"(?<!\w){re.escape(plain_key)}(?!\w)", plain_text):
        return True
    initials = _initials(key)
    if len(initials) >= 2 and re.search(
        r"(?<![\w.])" + r"\.?".join(map(re.escape, initials)) + r"\.?(?![\w])", text
    ):
        return True
    words = [w for w in plain_key.split() if w not in _ALIAS_STOP]
    if (
        kind == "organisation"
        and words
        and all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", plain_text) for w in words)
    ):
        return True
    if kind == "name":
        # any distinctive word of it, capitalised: "Comey Memos" is in "Mr. Comey's memos"
        for w in key.split():
            w = w.strip(".,")
            if (
                len(w) >= 5
                and w.capitalize() not in _COMMON_CAPS
                and re.search(rf"(?<!\w){re.escape(w.capitalize())}(?!\w)", text)
            ):
                return True
    return bool(surname and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", text) is not None)


# capitalised words shared by many different names: finding one says nothing about the item
_COMMON_CAPS = (
    frozenset(
        """United States North South East West New National American Central
    International Federal General Great Republican Democratic White Royal Saint Street Avenue
    Square Island Islands Middle Eastern Western Northern Southern""".split()
    )
    | _ORG_WORDS
    | _ROLE_WORDS
)


_SPEECH = re.compile(
    r"[\"“”]|\b(?:said|says|told|tells|according|added|stated|wrote|tweeted|"
    r"asked|argued|claimed|insisted|warned|declared|announced)\b"
)


def _voiced_in(speaker: str, voiced: dict[str, str], text: str) -> bool:
    """Is ``speaker`` quoted in ``text``? Found by the attribution extractor, or a sentence with
    the surname and a quotation mark or a speech verb (the extractor misses some quotes; a
    voice listed as missing must be missing)."""
    if speaker in voiced:
        return True
    surname = speaker.split()[-1]
    pattern = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)", re.IGNORECASE)
    return any(pattern.search(sentence) for sentence in _speech_sentences(text))


@lru_cache(maxsize=256)
def _speech_sentences(text: str) -> tuple[str, ...]:
    """The sentences of a text with a quotation mark or a speech verb (once per outlet's text,
    not once per voice the others give)."""
    sentences = (text[s:e] for s, e in split_sentences(text))
    return tuple(sentence for sentence in sentences if _SPEECH.search(sentence))


def _display(kind: str, key: str, evidence: dict[str, str]) -> str:
    """The item as the others wrote it (its most common spelling in their sentences)."""
    if kind == "date":
        return key.title()
    spellings: Counter = Counter()
    pattern = _number_pattern(key) if kind == "number" else rf"(?<!\w){re.escape(key)}(?!\w)"
    for sentence in evidence.values():
        m = re.search(pattern, sentence, flags=re.IGNORECASE)
        if m:
            spellings[m.group(0)] += 1
    return spellings.most_common(1)[0][0] if spellings else key


def _content_omissions(story_id, outlet, others, sentences, need, n_art, wording):
    """Sentences of one other outlet whose content is echoed by enough others, and by none of
    this outlet's sentences: the same fact told across the others' articles."""

    def same(a, b):
        shared = len(a & b)
        return shared >= _SHARED_WORDS and shared >= _SHARED_SHARE * min(len(a), len(b))

    def echoes(words, outlet_sents):
        return next((s for s, w in outlet_sents if same(words, w)), None)

    def mentions(words, outlet_sents, outlet_words):
        if len(words & outlet_words) >= _MENTION_COVER * len(words):
            return True
        need = max(_MENTION_WORDS, _MENTION_SHARE * len(words))
        return any(len(words & w) >= need for _, w in outlet_sents)

    here = frozenset().union(*(w for _, w in sentences[outlet]))

    rows, seen = [], []
    for source in others:
        for sentence, words in sentences[source]:
            if len(words) < _SHARED_WORDS or any(same(words, w) for w in seen):
                continue
            evidence = {source: sentence}
            for other in others:
                if other != source:
                    match = echoes(words, sentences[other])
                    if match:
                        evidence[other] = match
            if len(evidence) < need:
                continue
            seen.append(words)
            if mentions(words, sentences[outlet], here):
                continue
            rows.append(
                dict(
                    story=story_id,
                    outlet=outlet,
                    kind="content",
                    item=sentence,
                    n_others_mentioning=len(evidence),
                    n_others=len(others),
                    share=len(evidence) / len(others),
                    n_articles=n_art,
                    evidence=sorted(evidence.items()),
                    wording=wording,
                )
            )
    return rows
