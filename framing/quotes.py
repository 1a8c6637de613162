"""Quotations and their speakers: direct quotes, partial quotes and indirect speech.

Rules, in the order news style uses them (no parser; regular expressions over one article):

* **Direct quotes** are the double-quoted stretches of :func:`framing.text.quote_spans` that start
  a sentence or follow a reporting verb or a colon. The speaker is in the attribution next to the
  quote: after it (``"…," Gen. Frank McKenzie said.`` or ``"…," said Anas Haqqani, a senior
  official.``) or before it (``McKenzie asserted that "…"``, ``He told CNN: "…"``).
* **Quotes split across the attribution** (``"…," McKenzie said. "Our desire …"``): a quote with
  no attribution of its own takes the speaker of the nearest attributed quote in its paragraph.
* **Continued quotes**: a paragraph that opens with an unattributed quote continues the last quote
  of the previous paragraph (or of the one before, when the paragraph between has no quote and no
  reporting verb). This is the news convention of carrying a speaker's words into the next
  paragraph; the record says ``attributed_by = "previous paragraph"``.
* **Partial quotes** are quoted phrases inside a sentence (``described by a Taliban spokesman as a
  "positive step."``); their speaker is the reporting verb's subject, or its agent after "by".
  Quoted phrases with no reporting verb in the sentence (scare quotes, titles) are not quotes of
  anyone and are only counted.
* **Indirect speech** is a reporting verb outside quotes with a subject and a reported content
  (``Taliban said the US withdrawal meant …``, ``Two U.S. sources confirmed to the Associated Press
  that …``, ``He said residents oppose …``), ``according to X``, ``…, reports The Washington
  Post.``, ``…, officials said.`` or ``The road, he said, was …``. Findings of polls, studies and
  records ("the survey found …", "records show …") are data, not speech; a short quoted term no
  one is said to have said is no quotation.
* A participle or a second verb speaks for the sentence's subject (``He provoked fury by falsely
  claiming that …``, ``Roe met the envoys and said …``).

Speakers are resolved to a name where the text gives one: the run of capitalised words that
heads the attribution, titles, descriptions and organisations stripped ("Central Command leader
Marine Corps Gen. Frank McKenzie" → Frank McKenzie; "Actress Alyssa Milano" → Alyssa Milano;
"Craig Aaron of Free Press" → Craig Aaron); a surname to the one full name with that surname the
article writes anywhere ("Milano said" → Alyssa Milano; none when two people share it); a
spelling to the actor file's name ("Zabiullah Mojahid" → Zabihullah Mujahid); a definite
description to the person the text introduced with that role ("the analyst" → "MKM analyst Bill
Kirk"); "it"/"they" to the organisation named in the sentence before; a description to the one
named speaker it describes elsewhere ("a Taliban spokesman" → the "Taliban spokesman Zabiullah
Mojahid" quoted later); a first name alone to the one speaker with that first name; an
organisation's name whole ("the International Organization for Migration"). "He"/"she" goes to
the last named speaker, within three paragraphs of prose, when no other person has since been
named as a sentence's subject (people named inside what was said, or as objects, do not count)
and no gender cue (Mr, Mrs, Ms) contradicts it; or else to the one person named in the sentence
before, or in the paragraph and the two before; otherwise it is left unresolved (``speaker_by =
"unresolved pronoun"``) rather than guessed. A determiner, weekday, title or connective alone is never a
speaker (:func:`is_fragment`), and a quoted title, name or headline is nobody's words
(:func:`is_title`). A person keeps the actor found for them earlier in the article.

No parser means errors a parser would not make: a clause before the verb can pass for its
subject, and a description for a name. How often the speakers are right is measured on
paragraphs of real news whose every quotation was labelled by hand (``benchmarks/quotes.py``,
``benchmarks/gold/quotes_*.jsonl``): on the latest sample, labelled without sight of this
version's errors (``quotes_fresh3``), 63% of the found quotations whose speaker the text settles
get that speaker (43% for the first version, 60% for the one before this), 76% of those given a
speaker rather than left unresolved; 98% of records are quotations, and 77% of quotations are
found (indirect speech least often, 59%).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .actors import UNATTRIBUTED, ActorLexicon
from .names import given_name_gender, is_given_name
from .text import Document, count_words, more_words_than

__all__ = ["ReportingVerb", "Quote", "find_quotes", "speaker_name", "QUOTE_KINDS"]

QUOTE_KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class ReportingVerb:
    """A reporting verb outside quotation marks: its span, lemma and class."""

    start: int
    end: int
    lemma: str
    verb_class: str
    matched: str = ""
    strong: bool = True  # from the lexicon's "verbs" list, not "in_speech" (found, added …)


@dataclass
class Quote:
    """One quotation or report of speech, with who said it.

    ``speaker`` is the resolved name where the text gives one, else the description as written;
    ``speaker_by`` says how it was resolved (``name``, ``surname``, ``spelling``, ``pronoun``,
    ``description``, or empty). ``attributed_by`` says where the attribution was found
    (``explicit``, ``same paragraph``, ``previous paragraph``, or ``none``).
    """

    kind: str
    start: int
    end: int
    text: str
    n_words: int
    speaker: str = ""
    speaker_description: str = ""
    speaker_by: str = ""
    actor: str = UNATTRIBUTED
    actor_by: str = "none"
    verb: str = ""
    verb_class: str = ""
    verb_start: int = -1
    attributed_by: str = "none"
    name: str = field(default="", repr=False)


# --- speaker phrases ---------------------------------------------------------------------------

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "those", "these"})
AUTHOR = "author"  # the speaker of the writer's own first-person speech
_WRITER_CUE = "the article's writer"  # (the cue of the writer role in data/actors.toml)
# Capitalised words that are not names even when they open a sentence.
_NOT_NAMES = frozenset(
    """a an the this that these those his her its their our my your he she they it we i you
    one two three four five six seven eight nine ten several some many most all both each
    another other former late but and or so yet however meanwhile also later earlier still then
    now in on at as after before when while if according during since for with from by of to
    what who why how where which even consider others here there though although because
    unless whereas until finally just called embed monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october november
    december today tonight yesterday tomorrow besides zero i've i'm i'd i'll""".split()
)
# a headline's verb in title case after a name ("Mitt Romney Refuses to Support Trump: “…”") is
# no part of the name; words that are also surnames ("Banks", "Mills") are not listed
_HEADLINE_VERBS = frozenset(
    """says refuses slams urges warns blasts rips tells admits vows defends calls claims denies
    responds reacts explains reveals insists accuses praises touts wants asks sues mocks
    endorses announces speaks pushes criticizes criticises condemns demands dismisses predicts
    suggests thinks believes agrees rejects doubles threatens fires backs hits""".split()
)
# a capitalised adverb opening a sentence ("Specifically, …", "Ultimately") is not a surname
_ADVERB_ENDINGS = (
    "ally",
    "ously",
    "ively",
    "fully",
    "lessly",
    "edly",
    "ingly",
    "ately",
    "ently",
    "antly",
    "arly",
)
# Titles and descriptive words stripped from the front of a run of capitalised words.
_TITLES = frozenset(
    """mr mrs ms miss dr prof professor gen general lt lieutenant col colonel maj major capt
    captain cpt sgt sergeant cpl corporal pvt private adm admiral cmdr commander cdr brig
    brigadier marshal field sen senator rep representative gov governor pres president vice
    deputy acting former secretary minister prime foreign defense defence interior state
    ambassador envoy spokesman spokeswoman spokesperson chief head leader director chairman
    chairwoman chair mayor judge justice attorney king queen prince princess sheikh shaikh
    mullah maulvi imam ayatollah rev reverend father pope sir lord dame marine marines corps army
    navy air force special representative supreme commander senior top official officer
    speaker majority minority whip house senate congressman congresswoman u.s us chancellor
    president-elect vice-president premier mp mep lawmaker legislator councilman councilwoman
    commissioner sheriff chief-of-staff superintendent provost dean ceo cfo coo cto founder
    co-founder cofounder executive analyst administrator economist strategist researcher
    scientist historian editor publisher manager adviser advisor aide consultant pollster
    organizer organiser""".split()
) | frozenset(
    # descriptions written like titles before a name ("Actress Alyssa Milano", "NASCAR driver
    # Bubba Wallace"): stripped the same way
    """actress actor singer rapper comedian author writer novelist host anchor reporter
    correspondent columnist commentator pundit billionaire businessman businesswoman
    entrepreneur candidate nominee hopeful activist lawyer doctor nurse coach player star model
    filmmaker producer pastor bishop cardinal rabbi cleric driver quarterback pitcher
    celebrity""".split()
)
# last words of an organisation's name (the run is not a person; "of" and "for" may continue it)
_ORG_HEADS = frozenset(
    """organization organisation bureau corps department institute office
    committee council association society union board center centre school university college
    league federation foundation agency commission administration service services court
    coalition alliance network party caucus""".split()
)
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|bin|ibn|abu|ben|bint)-[A-Z]")  # al-Assad
_PARTICLES = frozenset(
    "bin ibn al el de del della di da van von der den la le du dos das abu".split()
)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
# words that stand between a speaker and the verb, or open the clause, but are not the speaker
_TRAILING_WORDS = frozenset(
    """also has had have later previously earlier repeatedly reportedly once then now would will
    was were is are recently further again quickly publicly privately separately initially first
    last himself herself themselves however too not never ultimately simply subsequently
    flatly bluntly angrily proudly calmly only just both therefore thus though does did
    least at often always usually still already soon""".split()
)
# a finite verb inside a subject phrase ends it: "Mr Smollett also claimed the men" (a partial
# quote's clause read back past its verb)
_VERB_IN_SUBJECT = re.compile(
    r"\s+(?:said|says|claimed|claims|chanted|chants|wrote|writes|argued|argues|added|adds|"
    r"noted|notes|insisted|insists|included|includes|suggested|suggests)\b.*$",
    re.S,
)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|i|it)\b", re.I)
_LEADING_WORDS = frozenset(
    """and but so yet however meanwhile still later earlier also then now instead indeed moreover
    separately similarly elsewhere previously today yesterday even consider per while whereas
    although though besides specifically""".split()
)
# "Hours after", "Days later", "First the company": time and order before the subject
_LEADING_TIME = re.compile(
    r"^(?:(?:hours|days|weeks|months|years|minutes|moments|shortly|soon|not\s+long)\s+"
    r"(?:after|before|later|earlier)|(?:first|second|third|finally|next)(?=\s+[a-z]))\b[\s,]*",
    re.I,
)
_LY_NOUNS = frozenset(
    "family assembly rally supply reply monopoly anomaly daily weekly homily bully folly likely".split()
)
_LEADING_NOISE = re.compile(
    r"^(?:(?:and|but|so|yet|however|meanwhile|still|later|earlier|also|then|now|instead|indeed|"
    r"moreover|separately|similarly|elsewhere|previously|on\s+\w+day|today|yesterday)\b[\s,]*)+",
    re.I,
)
_CUT_AFTER_VERB = re.compile(
    r"\s+(?:in\s+(?:a|an|the|his|her|their)\b|on\s+(?:twitter|facebook|friday|monday|tuesday|"
    r"wednesday|thursday|saturday|sunday|tv|television)|at\s+(?:a|an|the)\b|during\b|after\b|"
    r"before\b|while\b|when\b|adding\b|told\b|speaking\b|according\b|who\b|which\b)",
    re.I,
)
# "to" after these is no infinitive: "ambassador to the Russian Federation Michael McFaul",
# "a source close to the White House"
_ROLE_TO = """ambassador ambassadors envoy adviser advisor aide counselor assistant representative
    delegate spokesman spokeswoman spokesperson secretary close ties""".split()
_NOT_SUBJECT = re.compile(
    r"\b(?:is|was|are|were|be|been|being|what|which|whether|if|because|than|"
    + "".join(f"(?<!{w} )" for w in _ROLE_TO)
    + r"to)\b",
    re.I,
)
_MAX_SPEAKER_WORDS = 14


def speaker_name(phrase: str, actors: ActorLexicon | None = None) -> str:
    """The person's name in an attribution phrase, titles and organisations stripped; or "".

    >>> speaker_name("Central Command leader Marine Corps Gen. Frank McKenzie")
    'Frank McKenzie'
    >>> speaker_name("US ambassador Linda Thomas-Greenfield"), speaker_name("Two U.S. sources")
    ('Linda Thomas-Greenfield', '')
    >>> speaker_name("Taliban spokesman Zabiullah Mojahid", actors=None)
    'Zabiullah Mojahid'
    """
    if actors is None:
        return _speaker_name(phrase, None)
    cache = actors.cache
    key = ("name", phrase)
    name = cache.get(key)
    if name is None:
        if len(cache) > 200_000:  # speakers repeat across a corpus; bound the memory anyway
            cache.clear()
        name = cache[key] = _speaker_name(phrase, actors)
    return name


def _is_title(token: str) -> bool:
    """A title, also hyphenated ("Gov.-elect", "President-designate")."""
    t = token.lower().strip(".")
    if t in _TITLES:
        return True
    head, _, tail = t.partition("-")
    if head == "co" and tail in _TITLES:
        return True  # "Co-Director"
    return bool(tail) and tail in ("elect", "designate") and head.strip(".") in _TITLES


_PREPOSITIONS = frozenset("of from at with for in on who".split())
_SHARE_BUTTONS = frozenset(
    "Facebook Twitter Pinterest LinkedIn WhatsApp Email Reddit Tumblr Print Share Copy".split()
)
# an unnamed person speaking for a body: "a spokesperson for Harvard", "an official at Google"
_ROLE_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person|people)|representatives?|officials?|lawyers?|attorneys?|"
    r"aides?|advis[eo]rs?|analysts?|economists?|researchers?|executives?|employees?|sources?)"
    r"\s+(?:for|at|with)\s+(?:the\s+)?$"
)
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_JOINED_RUNS = re.compile(r"\s+(?:and|on)\s+")  # what joins "Center on Budget and Policy …"


def _speaker_name(phrase: str, actors: ActorLexicon | None) -> str:
    if '"' in phrase or "“" in phrase or "‘" in phrase:
        phrase = _INNER_NICKNAME.sub(" ", phrase)  # Robert "Bob" Crandall → Robert Crandall
    # runs of capitalised words, each with the word after it ("" at the end of the phrase)
    runs: list[tuple[list[str], str]] = []
    run_spans: list[list[int]] = []  # [start, end] of each run in the phrase
    current: list[str] = []
    particle = ""  # "de Blasio said": a surname that opens with its particle
    particle_at = 0
    for m in _NAME_TOKEN.finditer(phrase):
        token = m.group().rstrip(",;:")
        if not current and particle and token[:1].isupper():
            current.append(particle)
            run_spans.append([particle_at, m.start()])
        particle = token if not current and token in _PARTICLES else ""
        particle_at = m.start()
        if (
            token[:1].isupper()
            or _PARTICLE_NAME.match(token)
            or (current and token.lower() in _PARTICLES)
            or (current and token in ("of", "for") and current[-1].lower() in _ORG_HEADS)
        ):
            if not current:
                run_spans.append([m.start(), m.end()])
            run_spans[-1][1] = m.end()  # (with a comma after it: "Norris, and …" is no join)
            current.append(token)
        else:
            if current:
                runs.append((current, token.lower()))
            current = []
    if current:
        runs.append((current, ""))
    # the name heads the phrase: a run at its end ("… Gen. Frank McKenzie") or before a
    # preposition ("Craig Aaron of Free Press"); not one that modifies a noun ("Arizona records")
    for k_run, (run, following) in enumerate(runs):
        if following and following not in _PREPOSITIONS:
            continue
        start = run_spans[k_run][0]
        if len(run) == 1 and _ROLE_BEFORE.search(phrase, 0, start):
            continue  # "a spokesperson for Harvard": the spokesperson speaks, unnamed
        joined = k_run > 0 and _JOINED_RUNS.fullmatch(phrase, run_spans[k_run - 1][1], start)
        if joined and not any(_is_title(t) for t in run) and not is_given_name(run[0]):
            # "Center on Budget and Policy Priorities", "US Customs and Border Protection": the
            # last words of one name, said as written, not a person ("Pippa Norris and Ronald
            # Inglehart" still gives the last of the two people)
            continue
        if run[-1].endswith(_POSSESSIVE):
            continue  # "Trump's opponents": Trump owns the speakers, he is not one
        for k in range(len(run) - 1, -1, -1):
            if run[k].endswith(_POSSESSIVE):
                run = run[k + 1 :]  # "NPR's Tamara Keith"
                break
        while run and (
            (run[-1].lower() in _PARTICLES and (run[-1].islower() or len(run) == 1))
            or run[-1] in ("of", "for")
            or run[-1].lower() in _NOT_NAMES
            or (len(run) > 1 and run[-1].lower() in _HEADLINE_VERBS)
        ):
            # (a particle written with a capital at the end is a surname: "Gurcharan Das")
            run = run[:-1]  # "George W. Bush Finally" (a headline's next word)
        if run and (run[-1].lower() in _ORG_HEADS or "of" in run or "for" in run):
            continue  # "International Organization for Migration", "House Armed Services
            # Committee": an organisation, said as written, not a person's name
        share = 0
        while share < len(run) and run[share] in _SHARE_BUTTONS:
            share += 1
        if share >= 2:
            run = run[share:]  # "Facebook Twitter Pinterest Kim": a page's share buttons
        # everything up to the last title goes: "Texas Sen. John Cornyn", "Marine Corps Gen. X"
        last_title = max((k for k, t in enumerate(run[:-1]) if _is_title(t)), default=-1)
        i = last_title + 1
        while i < len(run) and (
            _is_title(run[i])
            or run[i].lower().strip(".") in _NOT_NAMES
            or (run[i].lower() in _PARTICLES and i + 2 < len(run))
        ):
            i += 1  # (but "de Blasio" keeps its "de")
        run = run[i:]
        if actors is not None:
            run = _strip_organisations(run, actors)
        if len(run) >= 3 and not is_given_name(run[0]):
            # "the Russian Federation Michael McCaul", "Fox News Sean Hannity": a name that
            # opens with a given name, after capitalised words that are not one
            k = next((k for k in range(1, len(run) - 1) if is_given_name(run[k])), 0)
            if k and run[k - 1].lower() not in _PARTICLES and run[k].lower() not in _PARTICLES:
                run = run[k:]
        if not run:
            continue
        if len(run) == 1:
            word = run[0]
            letters = [c for c in word if c.isalpha()]
            if (
                word.lower().strip(".") in _NOT_NAMES
                or (len(letters) > 1 and word.isupper())
                or "." in word.rstrip(".")
                or len(letters) < 2
                or (len(word) > 6 and word.lower().endswith(_ADVERB_ENDINGS))
            ):
                # ("U" of "U.S. intelligence")
                continue
        return " ".join(run).rstrip(".")
    return ""


def _strip_organisations(run: list[str], actors: ActorLexicon) -> list[str]:
    """Drop leading words that name an organisation or a title ("Taliban", "Pentagon", "CNN")."""
    text = " ".join(run)
    if actors.find_person(text) is not None:
        return run
    cut = 0
    for s, e in actors.organisation_spans(text):
        if e >= len(text) - 1:
            return []  # "Ohio Republican", "Associated Press": an organisation, not a person
        if s <= cut + 1:
            cut = max(cut, e)
    if cut == 0:
        return run
    words = text[cut:].lstrip(" .").split()
    rest = [t for t in words if t.lower().strip(".") not in _TITLES]
    if len(rest) == 1 and len(words) == 1:
        # "Bloomberg Law", "ABC News", "Fox Business": one more capitalised word, no title
        # between, goes on with the organisation's name; a person after an organisation is
        # introduced by a role ("Taliban spokesman Zabihullah Mujahid")
        return []
    return rest if rest and rest[0][:1].isupper() else []


_STRIP = " \t\n,;:—–-\"'“”‘’"
# a share of a group before it: "61 percent of GOP insiders", "some 52% of likely voters", "most of
# the senators" (who gets to speak is the group; the share is the poll's finding)
_SHARE_OF = re.compile(
    r"^(?:(?:some|about|nearly|almost|roughly|around|only|just|over|more\s+than|fewer\s+than|"
    r"less\s+than)\s+)?(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|half|a\s+third|a\s+quarter|"
    r"two[- ]thirds|three[- ]quarters|a\s+majority|a\s+plurality|most|many)\s+of\s+(?:the\s+)?"
    r"(?=[\w“\"])",
    re.I,
)
_FINAL_STOP = re.compile(r"(?<![A-Z])(?<!\b(?:Jr|Sr|St|Co))\.$")


def _clean(phrase: str) -> str:
    """A speaker phrase without the words around it: "But the minister also" → "the minister",
    "Holder is expected to" → "Holder"."""
    phrase = phrase.strip(_STRIP)
    if phrase.endswith(" to"):
        phrase = _TO_BEFORE_VERB.sub("", phrase)
    m = _VERB_IN_SUBJECT.search(phrase)
    if m is not None and not _SUBJECT_PRONOUN.search(m.group()):
        phrase = phrase[: m.start()]  # (but "He said he had to": the verb's own clause)
    if not phrase:
        return phrase
    phrase = _LEADING_TIME.sub("", phrase)
    rest = _SHARE_OF.sub("", phrase, count=1)
    if rest != phrase and rest.split(" ", 1)[0].lower() not in _PRONOUNS | _OBJECT_PRONOUNS:
        phrase = rest  # "61 percent of GOP insiders": the group speaks (but "most of them")
    words = phrase.split()
    i, j = 0, len(words)
    while i < j:
        w = words[i].lower().rstrip(",")
        if w in _LEADING_WORDS or (
            i + 1 < j
            and words[i].islower()
            and w.endswith("ly")
            and len(w) > 4
            and w not in _LY_NOUNS
        ):
            # (a leading adverb: "recently science")
            i += 1
        elif w == "on" and i + 1 < j and words[i + 1].lower().rstrip(",").endswith("day"):
            i += 2
        else:
            break
    while j > i:
        w = words[j - 1]
        lw = w.lower()
        if lw in _TRAILING_WORDS or (
            w.islower() and lw.endswith("ly") and len(lw) > 4 and lw not in _LY_NOUNS
        ):
            j -= 1
        else:
            break
    if i or j < len(words):
        phrase = " ".join(words[i:j]).strip(_STRIP)
    if phrase.endswith("."):
        phrase = _FINAL_STOP.sub("", phrase)  # the sentence's full stop, not "Jr."
    return phrase.strip(_STRIP)


# "Holder is to say", "she is expected to tell", "he went on to say": the subject comes before
_TO_BEFORE_VERB = re.compile(
    r"\s+(?:(?:is|was|are|were)(?:\s+(?:expected|set|due|going|scheduled|slated|about|"
    r"prepared|likely))?|went\s+on|goes\s+on|go\s+on)\s+to$",
    re.I,
)
_PARENTHESES = re.compile(r"\([^()]*\)")
# the last clause boundary before a verb: "… when she said", "strategist and CNN contributor X said"
_CLAUSE_BOUNDARY = re.compile(
    r".*\b(when|while|who|whom|whose|which|that|because|after|before|as|and|but|if|although|"
    r"though|since|where|until|once|whereas|or|than|why|how|what|whether)\s+",
    re.S,
)
# "… Michael Hayden and former attorney general Michael Mukasey": a second person with a role
_ROLE_THEN_PERSON = re.compile(r"(?:[a-z][\w.'’-]*\s+){1,4}(?:[A-Z][\w.'’-]*\s+)+[A-Z][\w'’-]+$")
_JOINS_NAMES = re.compile(r"[A-Z][\w.'’-]*\s+(?:and|or)\s+$")  # ("… Budget and", then a capital)
_RELATIVE_END = re.compile(r"\s+(?:that|who|which)$")
_AFTER_OF = re.compile(r".*\b(?:of|by|among|in|on|at|with|from|for|to|about)\s+", re.S)
# an appositive describes ("a senior official", "the top Republican", "D-Calif.", "62"); a
# definite proper name is a head ("the Trevor Project")
_APPOSITIVE = re.compile(
    r"^(?![Tt]he\s+[A-Z](?![\w.]*(?:'s|’s)\s))(?:(?:[Aa]n?|[Tt]he|who|which|his|her|its|their)\b|[a-z]|[RDI]-[A-Z]|\d"
    r"|[A-Z][\w.&-]*(?:'s|’s)\s+[a-z]"  # "Veracode’s chief technology officer"
    r"|(?:Co-[a-z]+|(?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)[ \t]+(?:of|at|for)\s)"
)  # "Co-founder of DataTrek Research", "Chief Economist at Moody's"
_STARTS_WITH_PREPOSITION = re.compile(
    r"^(?:in|on|at|during|after|before|according|for|with|from|by|under|over|since|unlike|like|"
    r"as|amid|despite|following)\b",
    re.I,
)
_ENDS_WITH_PRONOUN = re.compile(r"\b(he|she|they|we|i|it)$", re.I)


def _last_clause(phrase: str) -> str:
    """The subject at the end of ``phrase``: after the last clause boundary, or a final pronoun."""
    relative = _RELATIVE_END.search(phrase)
    if relative:  # "dozens of local authorities that [declared]": the antecedent speaks
        phrase = phrase[: relative.start()]
        m = _AFTER_OF.match(phrase)
        if m and m.end() < len(phrase):
            phrase = phrase[m.end() :]
    m = _CLAUSE_BOUNDARY.match(phrase)
    while (
        m
        and m.group(1) in ("and", "or")
        and (
            phrase[m.end() : m.end() + 1].isupper()
            or _ROLE_THEN_PERSON.match(phrase, m.end()) is not None
        )
        and _JOINS_NAMES.search(phrase, 0, m.end())
    ):
        # "Center on Budget and Policy Priorities", "Pippa Norris and Ronald Inglehart": "and"
        # inside one title-case name or a joint speaker is no clause boundary; an earlier one is
        m = _CLAUSE_BOUNDARY.match(phrase, 0, m.start(1))
    if m and m.end() < len(phrase):
        phrase = phrase[m.end() :]
    p = _ENDS_WITH_PRONOUN.search(phrase)
    if p and p.start() > 0:
        return p.group(1)
    return phrase


def _subject_before(text: str, start: int, end: int) -> tuple[str, str] | None:
    """``(description, name part)`` of the subject in ``text[start:end]`` (the words before a
    verb), or None when it does not look like a speaker. Handles appositives between commas:
    ``Anas Haqqani, a senior official, said`` → ("Anas Haqqani, a senior official", "Anas Haqqani").
    """
    segment = text[start:end]
    if "(" in segment:
        segment = _PARENTHESES.sub(" ", segment)
    for stop in ("—", "–", ";", ":", "(", ")"):
        if stop in segment:
            segment = segment.rsplit(stop, 1)[1]
    parts = segment.split(",")
    last = _clean(parts[-1])
    if not last and len(parts) >= 3:
        k = len(parts) - 2
        appositives: list[str] = []
        while k >= 1 and _APPOSITIVE.match(_clean(parts[k]) or "a"):
            appositives.insert(0, _clean(parts[k]))
            k -= 1
        head = _last_clause(_clean(parts[k]))
        appositives = [a for a in appositives if a]
        if (
            not head
            or not appositives
            or len(head.split()) > 8
            or _NOT_SUBJECT.search(head)
            or _STARTS_WITH_PREPOSITION.match(head)
        ):
            return None
        description = ", ".join([head] + appositives)
        # a long chain is a clause, not a title: keep the head alone
        return (description if len(description.split()) <= _MAX_SPEAKER_WORDS else head), head
    if last.lower().split(" ", 1)[0] in ("who", "which", "that") and len(parts) >= 2:
        last = _clean(parts[-2])  # "the group, which claimed …"
    last = _last_clause(last)
    if (
        not last
        or len(last.split()) > _MAX_SPEAKER_WORDS
        or _NOT_SUBJECT.search(last)
        or _STARTS_WITH_PREPOSITION.match(last)
    ):
        return None  # "In a statement posted …" is no speaker
    if not (
        re.search(r"[A-Z]", last)
        or last.lower() in _PRONOUNS
        or len(last.split()) >= 2
        or _SHARE_OF.match(parts[-1].strip(_STRIP))  # "60 percent of respondents"
    ):
        return None  # one lower-case word ("officials" would pass as two: "the officials")
    return last, last


_NAME_THEN_COMMA = re.compile(r"\s*,?\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s*,")
_INVERTED_OPENERS = frozenset("a an the one another two three several some many".split())


def _subject_after(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The speaker after an inverted verb: ``said Anas Haqqani, a senior official.``"""
    segment = text[start:end]
    m = re.search(r"[;:—–(]", segment)
    if m:
        segment = segment[: m.start()]
    cut = _CUT_AFTER_VERB.search(segment)
    if cut:
        segment = segment[: cut.start()]
    parts = segment.split(",")
    head = _clean(parts[0])
    if not head or len(head.split()) > _MAX_SPEAKER_WORDS:
        return None
    first = head.split(" ", 1)[0]
    if not first[:1].isupper() and first.lower() not in _INVERTED_OPENERS:
        return None  # "…," adding that he …: no speaker follows the verb
    if not first[:1].isupper() and len(parts) > 1:
        # "said the boy's father, Mohammad Akram." / "said the chairman of the committee, Sen.
        # James Inhofe, R-Okla.": a description, then the name it describes
        named = _clean(parts[1])
        name = speaker_name(named) if named and named[:1].isupper() else ""
        if " " in name and not is_fragment(name) and len(named.split()) <= 5:
            return ", ".join([named, head]), named
    appositives = []
    for part in parts[1:]:
        appositive = _clean(part)
        if not appositive or not _APPOSITIVE.match(appositive) or len(appositive.split()) > 10:
            break
        if appositive.lower().startswith("who"):
            break
        appositives.append(appositive)
    return ", ".join([head] + appositives), head


# --- the article pass ----------------------------------------------------------------------------

_QUOTE_MARKS = '"“”«»„'
_INTRO_GAP = re.compile(r"^[^.!?\"“”]{0,60}$")
_INTRO_END = re.compile(r"(?:\bthat|:|,)\s*$|^\s*$")
_BY_AGENT = re.compile(r"^\s*by\s+(.+?)(?=\s+as\b|,|$|\s+in\b|\s+on\b|\s+to\b)", re.S)
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
# (a full stop after a capital is an initial's: "according to U.S. intelligence, …")
_ACCORDING = re.compile(r"\s*(.+?)(?=[,;:]|(?<!(?<![A-Za-z])[A-Z])\.|$)", re.S)
_ADVERBIAL = (
    r"also|again|later|publicly|privately|late\s+\w+day|\w+day|on\s+\w+day|"
    r"in\s+a\s+(?:statement|tweet|post|interview|briefing|letter|speech|video)"
    r"(?:\s+(?:on|to|with)\s+(?:the\s+)?(?:[A-Z][\w.'’&-]*\s*)+)?|"
    r"on\s+(?:Twitter|Facebook|Telegram|X|television|TV|state\s+television)"
)
_NAMED = r"(?:the\s+)?[\"“]?(?:[A-Z][\w.'’&-]*\s*){1,5}[\"”]?\s*"
_PEOPLE = r"reporters|journalists|lawmakers|parliament|me|us|him|her|them"
# what may stand between a verb and its reported content: "confirmed to the Associated Press
# that", "said on Twitter that"; verbs that take the hearer as object also "told CNN that"
_RECIPIENT = re.compile(rf"^\s*(?:(?:{_ADVERBIAL}|to\s+(?:{_NAMED}|{_PEOPLE}))\s*,?\s*)*")
_RECIPIENT_OBJECT = re.compile(
    rf"^\s*(?:(?:{_ADVERBIAL}|(?:to\s+)?(?:{_NAMED}|{_PEOPLE}))\s*,?\s*)*"
)
_TAKES_HEARER = frozenset("tell ask inform warn urge assure remind brief".split())
# what opens a reported clause: "that", a determiner or pronoun, or a capitalised word or a
# number ("said Americans should …", "said 10 students were held"); the capital is tested case-
# sensitively (under re.I, [A-Z] would match any word)
_CLAUSE_START = re.compile(
    r"^\s*(?:that\s+|(?=(?:(?:the|a|an|it|he|she|they|we|i|there|his|her|their|its|this|these|"
    r"those|no|all|some|many|most|more|both|each|every|neither|either|none|nobody|everyone|"
    r"several|few)\b|(?-i:[A-Z0-9\"“]))))",
    re.I,
)


@dataclass
class _Context:
    doc: Document
    actors: ActorLexicon
    verbs: list[ReportingVerb]
    verb_starts: list[int]
    quote_spans: list[tuple[int, int]]
    quote_starts: list[int]
    names: dict[str, str] = field(default_factory=dict)  # surname → full name, this article
    first_names: dict[str, set] = field(default_factory=dict)  # first name → full names
    last_person: str = ""
    last_person_at: int = -1  # where the last named speaker was attributed
    # the last speaker named by one word the article never writes out ("Huckabee remarked"):
    # who "he continued" is in the same paragraph, with no one else named between
    last_lone: tuple[str, int] = ("", -1)
    gender: dict[str, str] = field(default_factory=dict)  # name → "m" / "f" where the text says
    person_actor: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (actor, how)
    person_cache: dict[int, list] = field(default_factory=dict)  # paragraph start → people
    # paragraph start → (len(names) when found, people named by a lone surname): the surnames
    # known grow as speakers resolve, so these are found again only after they have grown
    surname_person_cache: dict[int, tuple[int, list]] = field(default_factory=dict)
    surname_cache: dict[str, str | None] = field(default_factory=dict)
    organisation_cache: dict[str, str] = field(default_factory=dict)  # "Post" → "Washington Post"
    surname_fulls: dict[str, set] = field(default_factory=dict)  # surname → the full names seen
    lower_seen: dict[str, bool] = field(default_factory=dict)
    title_spans: dict[int, bool] = field(default_factory=dict)  # quote start → is a title

    def paragraph_start(self, offset: int) -> int:
        """Start of the paragraph holding ``offset`` (paragraphs end at line breaks)."""
        return self.doc.text.rfind("\n", 0, offset) + 1

    def previous_paragraph(self, p_start: int) -> tuple[int, int] | None:
        """``(start, end)`` of the paragraph before the one starting at ``p_start``."""
        text = self.doc.text
        end = p_start
        while end > 0 and text[end - 1] in "\n\r \t":
            end -= 1
        if end <= 0:
            return None
        return text.rfind("\n", 0, end) + 1, end

    def verbs_between(self, start: int, end: int) -> list[ReportingVerb]:
        i = bisect.bisect_left(self.verb_starts, start)
        j = bisect.bisect_left(self.verb_starts, end)
        return self.verbs[i:j]

    def quotes_between(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.quote_starts, start)
        j = bisect.bisect_left(self.quote_starts, end)
        return self.quote_spans[i:j]

    def outside_quotes(self, start: int, end: int) -> str:
        """``text[start:end]`` with quoted stretches left out: the narrator's words only."""
        text = self.doc.text
        i = max(0, bisect.bisect_left(self.quote_starts, start) - 1)
        j = bisect.bisect_left(self.quote_starts, end)
        pieces, pos = [], start
        for s, e in self.quote_spans[i:j]:
            if e <= start:
                continue
            pieces.append(text[pos : max(pos, s)])
            pos = max(pos, e)
        pieces.append(text[pos:end] if pos < end else "")
        return " ".join(pieces)


def find_quotes(doc: Document, verbs: list[ReportingVerb], actors: ActorLexicon) -> list[Quote]:
    """Every direct quote, partial quote and report of indirect speech in ``doc``, with speakers.

    ``verbs`` are the reporting verbs outside quotes, sorted by position (see
    :func:`framing.attribution.find_reporting_verbs`).

    >>> from framing.attribution import find_reporting_verbs, load_reporting_verbs
    >>> from framing.actors import load_actors
    >>> from framing.types import Article
    >>> text = ('“We are out,” Marine Corps Gen. Frank McKenzie said. “It is over.”\\n'
    ...         'Taliban said the withdrawal meant they had won.')
    >>> doc = Document(Article("a", "o", "", text), text)
    >>> quotes = find_quotes(doc, find_reporting_verbs(doc, load_reporting_verbs()), load_actors())
    >>> [(q.kind, q.text, q.speaker, q.actor, q.attributed_by) for q in quotes]  # doctest: +NORMALIZE_WHITESPACE
    [('direct', 'We are out', 'Frank McKenzie', 'us-government', 'explicit'),
     ('direct', 'It is over.', 'Frank McKenzie', 'us-government', 'same paragraph'),
     ('indirect', 'the withdrawal meant they had won', 'Taliban', 'taliban', 'explicit')]
    """
    spans = doc.quotes
    ctx = _Context(
        doc=doc,
        actors=actors,
        verbs=verbs,
        verb_starts=[v.start for v in verbs],
        quote_spans=spans,
        quote_starts=[s for s, _ in spans],
    )
    quotes: list[Quote] = []
    for i in range(len(spans)):
        quote = _read_quote(ctx, i)
        if quote is not None:
            quotes.append(quote)
    used = {q.verb_start for q in quotes if q.verb_start >= 0}
    quotes.extend(_indirect(ctx, used))
    quotes.sort(key=lambda q: q.start)
    _carry_speakers(ctx, quotes)
    _resolve(ctx, quotes)
    # a partial quote or a report of speech with no speaker is nobody's words, and so is a
    # short quoted phrase on its own that no one is said to have said ("Experts", "stock up")
    text = doc.text
    return [
        q
        for q in quotes
        if q.attributed_by != "none"
        or (
            q.kind == "direct"
            and (
                q.n_words > _SHORT_UNATTRIBUTED
                or (
                    q.n_words == _SHORT_UNATTRIBUTED  # a paragraph of its own: "Nobody stayed."
                    and not text[text.rfind("\n", 0, q.start) + 1 : q.start].strip()
                )
            )
        )
    ]


def _read_quote(ctx: _Context, i: int) -> Quote | None:
    text = ctx.doc.text
    qs, qe = ctx.quote_spans[i]
    inner = text[qs:qe].strip(_QUOTE_MARKS + " ")
    if text.endswith("''", qs, qe):  # closed in typewriter style
        inner = inner[:-2]
    inner = inner.rstrip(",;: ")
    n_words = count_words(inner)
    if n_words == 0 or _title_span(ctx, qs, qe):
        return None  # a title, a name or a headline is nobody's words ("Meet the Press")
    si = ctx.doc.sentence_index(qs)
    s_start, s_end = ctx.doc.sentence_spans[si]
    s_end = max(s_end, qe)
    # the narrator's words before the quote in this sentence, after any earlier quote
    prev_end = s_start
    if i > 0 and ctx.quote_spans[i - 1][1] > s_start:
        prev_end = max(s_start, ctx.quote_spans[i - 1][1])
    before = text[prev_end:qs]
    next_start = s_end
    if i + 1 < len(ctx.quote_spans):
        j = i + 1
        while j < len(ctx.quote_spans) and _is_nickname(text, *ctx.quote_spans[j]):
            j += 1  # said Robert "Bob" Crandall: the name goes on past the nickname
        if j < len(ctx.quote_spans):
            next_start = min(s_end, ctx.quote_spans[j][0])
    quote = Quote(kind="direct", start=qs, end=qe, text=inner, n_words=n_words)

    # 1. attribution before the quote: McKenzie asserted that "…" / He told CNN: "…"
    candidates = ctx.verbs_between(prev_end, qs)
    if candidates:
        v = candidates[-1]
        gap = text[v.end : qs]
        if _INTRO_GAP.match(gap) and _INTRO_END.search(gap) and len(gap.split()) <= 6:
            clause_start = prev_end if prev_end > s_start else s_start
            if not v.strong and len(candidates) > 1:
                # "Tillerson … said his visit showed “…”": what "showed" introduces is part of
                # what the reporting verb before it reports
                earlier = candidates[-2]
                if (
                    earlier.strong
                    and earlier.verb_class == "neutral"
                    and not more_words_than(text[earlier.end : qs], 8)
                ):
                    found = _speaker_of_verb(ctx, earlier, clause_start)
                    if found is not None:
                        return _attribute(quote, earlier, found)
            found = _speaker_of_verb(ctx, v, clause_start)
            if found is not None:
                return _attribute(quote, v, found)
    stripped = before.strip(" ([—–-")
    starts_sentence = not stripped or stripped.endswith(":") or before.endswith("\n")
    if not starts_sentence and stripped[-1:] not in ".!?…":
        quote.kind = "partial"
        quote.text = quote.text.rstrip(".")

    # 2. attribution after the quote: "…," X said. / "…," said X, a senior official.
    for v in ctx.verbs_between(qe, next_start):
        between = text[qe : v.start]
        if quote.kind == "partial" and (
            more_words_than(between, 4) or re.search(r"\b(?:and|that|to)\b", between)
        ):
            break  # a phrase quoted mid-sentence: a verb further on belongs to another clause
        limit = 40 if _NAME_THEN_COMMA.match(between) else _MAX_SPEAKER_WORDS + 2
        if between.count(",") > 3 or len(between.split()) > limit:
            break  # (a name and a long title between commas may stand between quote and verb)
        if _is_participle(text, v) or _COORDINATED.search(between):
            # "…," adding that …; "…," and said …: the sentence's subject speaks
            found = _speaker_of_verb(ctx, v, s_start)
        elif not between.strip(" ,"):  # inverted: said X
            found = _subject_after(text, v.end, next_start)
        else:
            found = _subject_before(text, qe, v.start)
            if found is None and between.rstrip().endswith(","):
                # "“…” into later-stage trials, said Daniel Salmon": inverted after the quote's
                # own closing words
                found = _subject_after(text, v.end, next_start)
        if found is not None:
            return _attribute(quote, v, found)
        if not between.strip(" ,") or _NOT_SUBJECT.search(between):
            continue

    # 2b. a quotation ending on "!" or "?" ends its sentence, so the attribution after it opens
    # the next one: “… Democrats!” Trump wrote in a tweet.
    if quote.kind == "direct" and inner[-1:] in "!?." and not text[qe:s_end].strip():
        # (a full stop is the same slip when the next sentence is only the attribution:
        # “… we need.” Gillibrand said.)
        found_next = _attribution_opening_next(ctx, si, bare=inner[-1:] == ".")
        if found_next is not None:
            return _attribute(quote, *found_next)

    # 3. a partial quote's speaker: the sentence's reporting verb (its subject, or its agent)
    if quote.kind == "partial":
        candidates = ctx.verbs_between(s_start, qs)[::-1]
        # "He said …, the crisis shows why it is “unwise”": "said" reports, "shows" argues; but a
        # verb right before the quote governs it ("claimed …, calling it “misleading”")
        close = [
            v
            for v in candidates[:1]
            if not more_words_than(text[v.end : qs], 4) and (v.strong or v.lemma in _NAMING_VERBS)
        ]
        for v in (
            close
            + [v for v in candidates if v.strong and v not in close]
            + [v for v in candidates if not v.strong and v not in close]
        ):
            found = _speaker_of_verb(ctx, v, s_start)
            if found is not None:
                return _attribute(quote, v, found)

    # 4. no reporting verb: a name that opens the clause a colon closes ("Kelly set the record
    # straight: “…”", "As Gov.-elect Terry McAuliffe put it: “…”"), or a dash and a name after
    # the quote ("“…” — David Chalian, CNN")
    if quote.kind == "direct" and not before.strip():
        # a block quotation whose introduction ends the paragraph before on a colon ("James
        # fired back at the comment after the game:" / "“I will not shut up and dribble …”")
        found_before = _introduced_by_previous_paragraph(ctx, qs)
        if found_before is not None:
            v, found = found_before
            if v is not None:
                return _attribute(quote, v, found)
            quote.speaker_description, quote.name = found
            quote.attributed_by = "explicit"
            return quote
    if quote.kind == "direct" and before.rstrip(" " + _QUOTE_MARKS).endswith(":"):
        # "Michael Bennet’s latest campaign pledge: “…”", "Horace's Latin depiction: “…”"
        own = _POSSESSED_WORDS.search(text, prev_end, qs)
        if own is not None:
            name = speaker_name(own.group(1), ctx.actors)
            if name and _known_name(ctx, own.group(1)):
                quote.speaker_description, quote.name = own.group(1), own.group(1)
                quote.attributed_by = "explicit"
                return quote
        # "CNN reported that the committee is prepared to vote next week …: “…”": the colon
        # ends the reporting clause, however long
        strong = [v for v in ctx.verbs_between(prev_end, qs) if v.strong]
        if strong:
            found = _speaker_of_verb(ctx, strong[0], prev_end)
            if found is not None and speaker_name(found[1], ctx.actors):
                return _attribute(quote, strong[0], found)
    if quote.kind == "direct":
        found = _colon_speaker(ctx, prev_end, qs) or _dash_speaker(text, qe)
        if found is not None and not _known_name(ctx, found[0]):
            found = None
        if found is not None:
            quote.speaker_description, quote.name = found
            quote.attributed_by = "explicit"
            verbs = ctx.verbs_between(prev_end, qs)
            if verbs:  # "Michael McFaul, US ambassador to Russia until 2014, tweeted: “…”"
                v = verbs[-1]
                quote.verb, quote.verb_class, quote.verb_start = v.lemma, v.verb_class, v.start
    return quote


# a speaker's words named by a noun before a colon: "Michael Bennet’s latest campaign pledge:"
_POSSESSED_WORDS = re.compile(
    r"((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]*?)(?:'s|’s)[ \t]+(?:[a-z-]+[ \t]+){0,3}"
    r"(?:pledge|statement|words|remarks|response|depiction|motto|slogan|tweet|post|message|"
    r"argument|warning|explanation|answer|reply|promise|vow|verdict|description|advice|view|"
    r"line|quip|retort|conclusion|summary|comment|comments|reasoning|rationale)[ \t]*:[ \t]*"
    r"[\"“‘']?$"
)
_INNER_NICKNAME = re.compile(r"(?<=\w)\s+[\"“‘'][A-Z][a-z]+[\"”’']\s+(?=[A-Z])")
_NICKNAME = re.compile(r"[\"“‘'][A-Z][a-z]+[\"”’']")


def _is_nickname(text: str, qs: int, qe: int) -> bool:
    """A quoted first name between two names: Robert "Bob" Crandall."""
    return (
        bool(_NICKNAME.fullmatch(text, qs, qe))
        and qs >= 2
        and text[qs - 1] == " "
        and text[qs - 2].isalpha()
        and text[qe : qe + 1] == " "
        and text[qe + 1 : qe + 2].isupper()
    )


def _introduced_by_previous_paragraph(ctx: _Context, qs: int):
    """``(verb or None, (description, name))`` for a quotation that opens its paragraph when the
    paragraph before ends on a colon and its last sentence names the speaker: by a reporting
    verb ("…, he went on to say:") or as the subject of the clause the colon closes."""
    text = ctx.doc.text
    p_start = ctx.paragraph_start(qs)
    if text[p_start:qs].strip(" \t" + _QUOTE_MARKS):
        return None
    previous = ctx.previous_paragraph(p_start)
    if previous is None or not text[previous[0] : previous[1]].endswith(":"):
        return None
    p_end = previous[1]
    s_start = max(previous[0], ctx.doc.sentence_spans[ctx.doc.sentence_index(p_end - 1)][0])
    verbs = ctx.verbs_between(s_start, p_end)
    if verbs and not ctx.quotes_between(verbs[-1].end, p_end):
        v = verbs[-1]
        if len(text[v.end : p_end].split()) <= 12:
            found = _speaker_of_verb(ctx, v, s_start)
            if found is not None:
                return v, found
    found = _colon_speaker(ctx, s_start, p_end)
    if found is not None and _known_name(ctx, found[0]):
        return None, found
    return None


def _attribution_opening_next(ctx: _Context, si: int, bare: bool = False):
    """``(verb, (description, name))`` when sentence ``si + 1`` opens with a speaker and a
    reporting verb and quotes nothing before it ("Trump wrote in a tweet Monday."), else None.
    ``bare``: the sentence must be little more than that ("Gillibrand said.")."""
    spans = ctx.doc.sentence_spans
    if si + 1 >= len(spans):
        return None
    n0, n1 = spans[si + 1]
    text = ctx.doc.text
    if "\n" in text[spans[si][1] : n0]:
        return None  # a new paragraph is not an attribution
    for v in ctx.verbs_between(n0, min(n1, n0 + 80))[:1]:
        head = text[n0 : v.start]
        if more_words_than(head, 5) or any(c in head for c in _QUOTE_MARKS):
            return None
        if bare and (more_words_than(text[v.end : n1], 3) or ctx.quotes_between(v.end, n1)):
            return None
        found = _subject_before(text, n0, v.start)
        if found is None or is_fragment(found[1]):
            return None
        return v, found
    return None


_CLAUSE_OPENERS = re.compile(
    r"^(?:(?:and|but|so|or|as|the\s+way|here\s+is\s+how|in\s+\w+\s+words)\s*,?\s+"
    # a leading adverbial: "In 1998, Vice President Al Gore made a statement to the NAACP:"
    r"|(?:in|on|at|during|after|before|since|later|earlier|then|now|today|yesterday)\b[^,:;\"“”]{0,30},\s+)+",
    re.I,
)
_DASH_NAME = re.compile(r"[ \t]*[—–][ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]+)")


# verbs whose object is an act or a thing more often than a statement ("announced the bill",
# "denied the allegations"): they report speech only with "that". ("Confirmed the departure of
# the forces" does report what a source said, so "confirm" is not among them.)
_NEEDS_THAT = frozenset("announce deny unveil release cite".split())
_SMALL_WORDS = frozenset(
    "a an the of and or for to in on at by with from vs vs. & de la le".split()
)


def _title_span(ctx: _Context, qs: int, qe: int) -> bool:
    found = ctx.title_spans.get(qs)
    if found is None:
        inner = ctx.doc.text[qs:qe].strip(_QUOTE_MARKS + " ").rstrip(",;:. ")
        # the anchored match first: it almost always fails, and costs less than counting words
        found = ctx.title_spans[qs] = is_title(inner) or (
            inner[:1].isupper()
            and _WORK_AFTER.match(ctx.doc.text, qe) is not None
            and not more_words_than(inner, 4)
        )  # NBC's "Today" show
    return found


# what follows a quoted name of a work: NBC's "Today" show, the "Daily" podcast
_WORK_AFTER = re.compile(
    r"\s+(?:show|program|programme|podcast|series|broadcast|segment|"
    r"newsletter|column|documentary|film|movie|book|novel|album|song|"
    r"campaign|app|website|blog)s?\b"
)


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s+\S")


def is_title(inner: str) -> bool:
    """A quoted title, name or headline rather than somebody's words: every word capitalised
    (small words aside) in eight words or fewer without a sentence's end inside ("Meet the
    Press", "My Share of the Task: A Memoir", "The Resistance"), or three words or more in
    capitals ("TONIGHT: TRUMP VS. WORLD.").

    >>> [is_title(t) for t in ("Meet the Press", "Face the Nation", "We are out", "I")]
    [True, True, False, False]
    """
    if len(inner) > 90:
        return False  # longer than a title
    words = _TITLE_WORD.findall(inner)
    if not words:
        return False
    if len(words) >= 3 and inner.isupper():  # every cased character a capital
        return True
    if len(words) < 2 or len(words) > 8 or _SENTENCE_INSIDE.search(inner.strip()):
        return False
    if words[0].lower() in _PRONOUNS:
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][0].isupper()


def _colon_speaker(ctx: _Context, clause_start: int, qs: int) -> tuple[str, str] | None:
    text = ctx.doc.text
    before = text[clause_start:qs].rstrip(" \t" + _QUOTE_MARKS)
    if not before.endswith(":") or "\n" in before.strip():
        return None
    clause = before[:-1].strip()
    if ":" in clause:  # "FROM THE WHITE HOUSE: White House spokesman Josh Earnest:"
        clause = clause[clause.rfind(":") + 1 :].strip()
    clause = _CLAUSE_OPENERS.sub("", clause)
    if clause.isupper() and clause.isalpha() and len(clause) > 2:
        # a transcript's "CLINTON:": the person the article names with that surname
        full = _full_name(ctx, clause.title())
        return (full, full) if full else None
    m = re.match(r"((?:[A-Z][\w.'’-]*[ \t]+){0,5}[A-Z][\w'’-]+)", clause)
    name = speaker_name(m.group(1), ctx.actors) if m is not None else ""
    if (
        m is None or not name or is_fragment(name) or not _known_name(ctx, m.group(1))
    ) and not more_words_than(clause, 8):
        # "Substitute host Mo Rocca began:": a short clause whose name follows a role
        m = next(
            (
                r
                for r in _CAPITAL_RUN.finditer(clause)
                if r.start() > 0 and " " in speaker_name(r.group(), ctx.actors)
            ),
            None,
        )
        if m is None:
            return None
        name = speaker_name(m.group(), ctx.actors)
    if m is None or not name or is_fragment(name) or name.split()[-1].lower() in _PLACE_HEADS:
        return None  # (m is None only where name is "")
    return m.group(0), m.group(0)


def _known_name(ctx: _Context, phrase: str) -> bool:
    """A speaker found without a reporting verb must be a name of two words or more, or one the
    article writes in full elsewhere or the actor file lists ("Kelly" after "Megyn Kelly")."""
    name = speaker_name(phrase, ctx.actors)
    if not name:
        return False
    if " " in name:
        return True
    return _full_name(ctx, name) is not None or ctx.actors.find_person(name) is not None


def _dash_speaker(text: str, qe: int) -> tuple[str, str] | None:
    m = _DASH_NAME.match(text, qe, min(len(text), qe + 80))
    if m is None or is_fragment(m.group(1)):
        return None
    return m.group(1), m.group(1)


def _speaker_of_verb(ctx: _Context, v: ReportingVerb, clause_start: int):
    """The speaker a reporting verb attributes to: its agent ("described by X"), the phrase after
    "according to", or its subject."""
    text = ctx.doc.text
    if v.lemma == "according to":
        m = _ACCORDING.match(
            text, v.end, ctx.doc.sentence_spans[ctx.doc.sentence_index(v.start)][1]
        )
        if m:
            phrase = _clean(m.group(1))
            if phrase and len(phrase.split()) <= _MAX_SPEAKER_WORDS:
                return phrase, phrase
        return None
    if _PASSIVE_AUX.search(text, max(0, v.start - 30), v.start):
        m = _BY_AGENT.match(
            text[v.end : ctx.doc.sentence_spans[ctx.doc.sentence_index(v.start)][1]]
        )
        if m:
            phrase = _clean(m.group(1))
            return (phrase, phrase) if phrase else None
        return None
    if _is_participle(text, v) or _COORDINATED.search(
        text, max(clause_start, v.start - 40), v.start
    ):
        # a participle ("…, saying", "by falsely claiming") or a second verb ("X met them and
        # said") belongs to the sentence's subject
        s_start = ctx.doc.sentence_spans[ctx.doc.sentence_index(v.start)][0]
        # "“…,” USA Today’s Will Peebles wrote, adding “…”": the subject follows the quotation
        before = [e for _, e in ctx.quotes_between(s_start, v.start) if e <= v.start]
        if before and text[s_start : v.start].lstrip()[:1] in _QUOTE_MARKS:
            s_start = before[-1]
        head = _LEADING_NOISE.sub("", text[s_start : v.start].lstrip(" ,\"“‘'"))
        head = _LEADING_ADVERBIAL.sub("", head)  # "In 2012, Rush Limbaugh …, calling her …"
        m = _SENTENCE_SUBJECT.match(head)
        if (
            m is None
            or _STARTS_WITH_PREPOSITION.match(m.group(1))
            or m.group(1).split()[0].lower() in ("to", "it's", "there")
        ):
            return None
        subject = m.group(1)
        more = _ROLE_THEN_NAME.match(head, m.end(1))
        if more is not None and not _NOT_ROLE_WORDS & set(more.group(1).lower().split()):
            # "Chinese president Xi Jinping has warned …", "A Democratic veep candidate Tim
            # Kaine saying": the capitalised word was the name's modifier, not the subject
            longer = subject + more.group()
            name = speaker_name(longer, ctx.actors)
            if (
                " " in name
                and name.split()[-1].lower() not in _NOT_PERSON_WORDS
                and name.split()[0] not in _PLACE_OPENERS
            ):
                subject = longer
        return subject, subject
    return _subject_before(text, clause_start, v.start)


_ROLE_THEN_NAME = re.compile(
    r"((?:\s+[a-z][\w'’-]*){1,4})\s+(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]+(?=[\s,])"
)
# words between a capitalised modifier and a name that show a clause, not a role
_NOT_ROLE_WORDS = frozenset(
    """has have had was were is are be been will would could can may might should did does do
    and or but who which that then also said says told and with to of in on at by for from as
    than after before when while if""".split()
)


def _is_participle(text: str, v: ReportingVerb) -> bool:
    return v.matched.split()[0].lower().endswith("ing") and not _PROGRESSIVE_AUX.search(
        text, max(0, v.start - 12), v.start
    )


# verbs that name what was said: the quoted words right after them are their object
_NAMING_VERBS = frozenset("call dub term label brand describe dismiss".split())
# Phrases before a sentence's subject, one or several ("There, alongside Colombian President
# Juan Manuel Santos, Mr. Trump …"; "Starting today, President Obama …"); a participle
# opener needs a lower-case word after it, so "Sterling Brown, …" stays a name
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:(?:in|on|at|after|before|during|since|by|earlier|later|last|this|that|for|over|"
    r"under|amid|despite|following|alongside|with|without|across|throughout)\b[^,;:\"“”]{0,50}|"
    r"(?:while|although|though|because|if|when|as|whereas|unless|once)\b[^,;:\"“”]{0,90}|"
    r"(?:there|here|then|now|today|yesterday|again|instead|afterward|afterwards)|"
    r"(?-i:(?![Aa]ccording\b)[A-Z]?[a-z]+ing\s+[a-z][^,;:\"“”]{0,50})),\s*)+",
    re.I,
)
_COORDINATED = re.compile(r"\s(?:and|but|or)(?:\s+[a-z]+ly)?\s+$")
_PROGRESSIVE_AUX = re.compile(r"\b(?:is|are|was|were|been|be|am|'s|’s)\s+$", re.I)
_SENTENCE_SUBJECT = re.compile(
    r"((?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)|(?:(?:[Tt]he|[Aa]n?)\s+)?[A-Z][\w.'’-]*"
    r"(?:\s+(?:(?:of|for)(?:\s+the)?\s+)?[A-Z][\w.'’-]*){0,5}"
    r"|(?:[Tt]he|[Aa]n?)\s+[a-z]+(?:\s+[a-z]+)?)\b(?=[\s,])"
)


def _attribute(quote: Quote, v: ReportingVerb, found: tuple[str, str]) -> Quote:
    description, name_part = found
    quote.speaker_description = description
    quote.name = name_part
    quote.verb, quote.verb_class, quote.verb_start = v.lemma, v.verb_class, v.start
    quote.attributed_by = "explicit"
    return quote


# an unattributed direct quotation of this many words or fewer is a term, not somebody's words
_SHORT_UNATTRIBUTED = 3  # (kept when it opens its paragraph)
# polls, studies and data "find" and "show": findings stated as data, not speech ("according to"
# a poll or the records does attribute, in how the gold was labelled)
_DATA_SOURCE = re.compile(
    r"\b(?:polls?|polling|surveys?|study|studies|data|analysis|analyses|research|census|"
    r"figures|statistics|estimates|numbers|results|average|records|report|reports|findings|"
    r"review|audit|tally|count|video|videos|footage|images|photos|photographs|pictures|"
    r"recording|recordings|surveillance|x-rays?|scans?|tests?)\b",
    re.I,
)
_DATA_VERBS = frozenset("find show suggest indicate reveal prove".split())
_POLL_SOURCE = re.compile(
    r"\b(?-i:polls?|polling|surveys?|data|estimates|figures|statistics|census|averages?)\b"
)
# what no one speaks for: "a philosophy that says …", "conventional wisdom says …", and
# "according to this metric" (a measure, not a source)
_NOT_SPEAKER_HEAD = re.compile(
    r"\b(?:philosophy|wisdom|adage|maxim|proverb|saying|motto|logic|thinking|notion|idea|"
    r"theory|metric|measure|measurement|definition|standard|yardstick|calculation|"
    r"calculations|formula|rule of thumb)$",
    re.I,
)


def _data_finding(v: ReportingVerb, description: str) -> bool:
    """ "The survey found 41 percent …", "records show …", "video showed …": a finding, not
    speech; and what no one speaks for ("a philosophy that says", "according to this metric")."""
    if _NOT_SPEAKER_HEAD.search(description.strip(" ,.")):
        return True
    if v.lemma in ("according to", "confirm") and _POLL_SOURCE.search(description):
        # "according to a Survey USA poll", "Gallup data", "Other polls confirm": survey
        # results stated as findings are data; "according to the report" still quotes it
        return True
    return v.lemma in _DATA_VERBS and bool(_DATA_SOURCE.search(description))


def _indirect(ctx: _Context, used: set[int]) -> list[Quote]:
    """Reports of speech without quotation marks: X said (that) …, according to X, …"""
    text = ctx.doc.text
    out = []
    for v in ctx.verbs:
        if v.start in used:
            continue
        si = ctx.doc.sentence_index(v.start)
        s_start, s_end = ctx.doc.sentence_spans[si]
        quoted = [
            (qs, qe)
            for qs, qe in ctx.quotes_between(s_start, s_end)
            if not _title_span(ctx, qs, qe)
        ]
        if any(qs >= v.end for qs, _ in quoted):
            # a quotation after the verb is what the verb reports (a quote it did not get is an
            # unattributed one, not indirect speech); one before it leaves the verb its own
            # clause ("“…,” she said, and McCabe told investigators that …")
            continue
        after_comma = text[v.end : v.end + 1] == ","  # "The road, he said, was …"
        closes = len(text[v.end : s_end].split()) <= 4 and text[s_end - 1 : s_end] in ".!?"
        if v.lemma == "according to":
            found = _speaker_of_verb(ctx, v, s_start)
            if found is None:
                continue
            m = _ACCORDING.match(text, v.end, s_end)
            assert m is not None  # _speaker_of_verb found the speaker with this very match
            content = (text[s_start : v.start] + " " + text[m.end() : s_end]).strip(" ,.;")
        elif (as_form := _as_speaker_says(text, s_start, v, s_end)) is not None:
            # "As Georgetown Law professor Adam Levitin points out, the political power …"
            found, content = as_form
        elif (
            text[v.start - 2 : v.start] == ", "
            and len(text[v.end : s_end].split()) <= 6
            and not _FINITE.search(text, v.end, s_end)
            and (found := _subject_after(text, v.end, s_end)) is not None
        ):
            content = text[s_start : v.start - 2]  # "…, reports The Washington Post."
        elif (
            (after_comma or closes)
            and (closing := _closing_speaker(text, s_start, v.start)) is not None
            and ((aside := after_comma and closing[0] > s_start) or closes)
        ):
            # "The road to moderation, he said, was a road to defeat." / "…, Gonzalez said."
            comma, found = closing
            content = text[s_start:comma] + (text[v.end + 1 : s_end] if aside else "")
        else:
            found = _speaker_of_verb(ctx, v, s_start)
            if found is None:
                continue
            rest = text[v.end : s_end]
            if _PASSIVE_AUX.search(text, max(0, v.start - 30), v.start):
                content = text[s_start : v.start]
                content = _PASSIVE_AUX.sub("", content)
            else:
                r = (_RECIPIENT_OBJECT if v.lemma in _TAKES_HEARER else _RECIPIENT).match(rest)
                rest = rest[r.end() :] if r else rest
                m = _CLAUSE_START.match(rest)
                if m is None and v.lemma in _SAY_LIKE:
                    # "said residents oppose …", "says increased emissions are good": after
                    # "say", a lower-case word opens the reported clause unless it is the verb's
                    # object ("said goodbye", "said nothing") or the clause breaks off (",")
                    m = _BARE_CLAUSE_START.match(rest)
                if m is None:
                    continue
                if (
                    v.lemma in _NEEDS_THAT
                    and rest[m.start() : m.end()].strip().lower() != "that"
                    and not re.match(r"\s*\w+ing\b", rest[m.end() :])
                ):
                    continue  # "announced the bill", "denied the allegations": an act, no content
                content = rest[m.end() :]
                if _no_reported_content(content.strip(" ,.;:"), v):
                    continue  # "disclosed their finances", "wrote best-selling books": an object
        content = content.strip(" ,.;:").strip()
        n_words = count_words(content)
        if n_words < 2 or _data_finding(v, found[0]):
            continue
        if v.lemma == "call" and _PHONE_CALL.match(content):
            continue  # "called Libyan President Mohammed Magariaf the same night": a phone call
        quote = Quote(kind="indirect", start=v.start, end=s_end, text=content, n_words=n_words)
        out.append(_attribute(quote, v, found))
    return out


# A few words without a verb after a reporting verb are its object, not what was said
# ("disclosed their finances", "added his name to the letter", "said rash things all the time");
# except for the speech acts whose object is the content ("warned of war", "called for calm")
# and pro-forms ("said the same").
_SHORT_CONTENT = 5
_FINITE_OR_SUBJECT = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|"
    r"does|did|isn't|wasn't|won't|can't|don't)\b|[’']s\b|^(?:he|she|they|it|we|i|you|there)\b",
    re.I,
)
_CONTENT_OBJECT_ACTS = frozenset(
    """warn urge demand call blame dismiss accuse criticise criticize
    condemn denounce praise promise pledge vow threaten predict""".split()
)
_PRO_FORMS = re.compile(r"^(?:the\s+same|so|otherwise|as\s+much|likewise)\b", re.I)


def _no_reported_content(content: str, v: ReportingVerb) -> bool:
    if v.lemma in _CONTENT_OBJECT_ACTS or v.lemma == "according to":
        return False
    if more_words_than(content, _SHORT_CONTENT) or any(c in content for c in _QUOTE_MARKS):
        return False
    return not _FINITE_OR_SUBJECT.search(content) and not _PRO_FORMS.match(content)


_AS_OPENING = re.compile(r"\s*(?:(?:And|But|So|Yet),?\s+)?[Aa]s\s+(?=[A-Z])")


def _as_speaker_says(text: str, s_start: int, v: ReportingVerb, s_end: int):
    """``((description, name), content)`` for "As X points out, CONTENT." / "As McChrystal tells
    ABC's Martha Raddatz, it's still painful.", else None."""
    m = _AS_OPENING.match(text, s_start, v.start)
    if m is None:
        return None
    found = _subject_before(text, m.end(), v.start)
    if found is None or not found[1][:1].isupper():
        return None
    rest = text[v.end : s_end]
    r = (_RECIPIENT_OBJECT if v.lemma in _TAKES_HEARER else _RECIPIENT).match(rest)
    after = rest[r.end() :] if r else rest
    if not after.startswith(","):
        return None
    content = after[1:]
    if not _CLAUSE_START.match(content) or not more_words_than(content, 2):
        return None
    return found, content


# "called" a person and then when or why: a telephone call, not what someone was called
_PHONE_CALL = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+(?:\s+(?:on|in|at|to|from|after|before|during|"
    r"last|this|that|early|late|yesterday|today|tonight|again|back|twice|the\s+(?:same|next|"
    r"following|previous|night|day|morning|evening|afternoon))\b|\s*[,;.]|\s*$)"
)


# a finite verb after "said" means a reported clause follows ("…, said the problems were
# elementary"), not an inverted subject ("…, reports The Washington Post.")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|"
    r"must|do|does|did|isn't|wasn't|won't)\b"
)
# ", Gonzalez said." / ", the official added." / ", officials said." closing a sentence of
# reported content (the words between are checked as a subject by _subject_before)
_CLOSING_SUBJECT = re.compile(r",\s+(?:[\w.'’()-]+\s+){0,5}[\w.'’()-]+\s+$")
# people who speak as a group, written as one lower-case word: "…, officials said."
_PLURAL_SOURCES = frozenset(
    """officials authorities police sources experts analysts witnesses
    residents investigators prosecutors aides lawmakers legislators diplomats critics organizers
    organisers activists doctors scientists researchers economists officers spokesmen
    protesters demonstrators voters respondents participants observers""".split()
)


def _closing_speaker(text: str, s_start: int, verb_start: int):
    """``(offset of the comma, (description, name))`` when a comma and a speaker stand right
    before the verb at ``verb_start`` ("…, Gonzalez said", "…, officials said"), else None."""
    m = _CLOSING_SUBJECT.search(text, max(s_start, verb_start - 60), verb_start)
    if m is None:
        return None
    found = _subject_before(text, m.start() + 1, verb_start)
    if found is None:
        word = text[m.start() + 1 : verb_start].strip()
        found = (word, word) if word in _PLURAL_SOURCES else None
    if found is None or is_fragment(found[1]):
        return None
    return m.start(), found


_SAY_LIKE = frozenset("say tell write add".split())
_BARE_CLAUSE_START = re.compile(
    r"^\s*(?!(?:goodbye|hello|yes|no|so|nothing|little|much|something|anything|everything|"
    r"enough|thanks|sorry|grace|prayers|otherwise|later|earlier|during|after|before|through|"
    r"of|about|to|in|on|at|for|with|from|by|as|and|or|but)\b)(?=[a-z])",
    re.I,
)


def _carry_speakers(ctx: _Context, quotes: list[Quote]) -> None:
    """Unattributed quotes: a roundup's byline after them; for direct ones, then the same
    paragraph, then the previous paragraph(s)."""
    for q in quotes:
        if q.kind == "indirect":
            continue
        if (
            q.attributed_by == "explicit"
            and is_fragment(q.speaker_description)
            and not speaker_name(q.name, ctx.actors)
            and not _title_as_surname(ctx, q)
        ):
            _drop_attribution(q)  # "It’s worth noting that “…”": the writer's aside
        if q.attributed_by == "none":
            found = _byline_after(ctx, ctx.paragraph_start(q.start))
            if found is not None:
                q.speaker_description = q.name = found
                q.attributed_by = "byline"
            elif q.kind == "direct":
                label = _SPEAKER_LABEL.fullmatch(
                    ctx.doc.text, ctx.paragraph_start(q.start), q.start
                )
                if label is not None and label.group(1) not in _NOT_SPEAKER_LABELS:
                    # a fact check's claim line: 'CLINTON: "What I did was allowed." — AP
                    # interview': the capitals before the colon name who said it
                    name = " ".join(w.capitalize() for w in label.group(1).split())
                    if " " not in name:
                        name = _full_name(ctx, name) or name
                    q.speaker_description = q.name = name
                    q.attributed_by = "explicit"
    if all(q.attributed_by != "none" or q.kind != "direct" for q in quotes):
        return
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        by_paragraph.setdefault(ctx.paragraph_start(q.start), []).append(q)
    for p_start, items in sorted(by_paragraph.items()):
        for i, q in enumerate(items):
            if q.kind != "direct" or q.attributed_by != "none":
                continue
            donor = next(
                (
                    o
                    for o in reversed(items[:i])
                    if o.kind != "indirect" and o.attributed_by == "explicit"
                ),
                None,
            ) or next(
                (
                    o
                    for o in items[i + 1 :]
                    if o.kind != "indirect" and o.attributed_by == "explicit"
                ),
                None,
            )
            if (
                donor is None
                and i
                and items[i - 1].kind == "indirect"
                and items[i - 1].attributed_by == "explicit"
                and items[i - 1].name[:1].isupper()
            ):
                # Pence suggested both he and Trump would go on. “Look, …”: the report's speaker
                # goes on in his own words
                donor = items[i - 1]
            if donor is not None:
                _copy_speaker(q, donor, "same paragraph")
                continue
            if ctx.doc.text[p_start : q.start].strip():
                continue  # only a quote that opens its paragraph continues an earlier one
            back = p_start
            for _ in range(2):  # the paragraph before, or the one before that
                span = ctx.previous_paragraph(back)
                if span is None:
                    break
                back = span[0]
                earlier = [o for o in by_paragraph.get(back, []) if o.kind != "indirect"]
                if earlier:
                    if earlier[-1].attributed_by != "none":
                        _copy_speaker(q, earlier[-1], "previous paragraph")
                    break
                reported = by_paragraph.get(back, [])
                if (
                    back == span[0]
                    and reported
                    and reported[-1].attributed_by == "explicit"
                    and _named_person(ctx, reported[-1].name)
                    and reported[-1].verb != "according to"  # (a document, not a voice)
                    and not ctx.verbs_between(reported[-1].end, span[1])
                    and not _narrator_words(ctx, p_start, _paragraph_end(ctx, p_start))
                ):
                    # "Douglas Wigdor, a lawyer …, said that Ailes’ passing would not affect
                    # the case. ¶ “In terms of our cases, …”": the one reported goes on in his
                    # own words
                    _copy_speaker(q, reported[-1], "previous paragraph")
                    break
                if by_paragraph.get(back) or ctx.verbs_between(*span):
                    break  # someone else speaks in between


# a speaker's name in capitals opening a paragraph, then a colon and the quote (AP's fact checks:
# 'TRUMP: "…"'); an interview transcript's 'KING: …' has no quotation marks and is no quote
_SPEAKER_LABEL = re.compile(r"\s*(?:[—–-]\s*)?([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2})\s*:\s*")
_NOT_SPEAKER_LABELS = frozenset(
    {
        "THE FACTS",
        "FACTS",
        "FACT",
        "CLAIM",
        "THE CLAIM",
        "VERDICT",
        "THE VERDICT",
        "QUESTION",
        "Q",
        "A",
        "UPDATE",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "WHY IT MATTERS",
        "WHAT'S NEXT",
        "WHAT’S NEXT",
        "BACKGROUND",
        "CORRECTION",
        "RELATED",
        "READ MORE",
        "WATCH",
        "LISTEN",
        "PHOTOS",
        "VIDEO",
        "BREAKING",
        "OPINION",
        "ANALYSIS",
        "QUOTE",
    }
)


# A roundup's excerpt is followed by a line naming its writer and outlet ("Tom Rogan, Washington
# Examiner"; "Editorial Board, Wall Street Journal"): the excerpt is the writer's words.
_BYLINE = re.compile(
    r"(?P<who>[A-Z][\w.'’-]*(?:(?:,?\s+(?:and\s+)?|\s+(?:de|van|von|al|bin|da|del|di|le)\s+)"
    r"[A-Z][\w.'’-]*){0,12}?),\s*(?P<outlet>(?:The\s+)?[A-Z][\w.'’&-]*(?:\s+(?:[A-Z&][\w.'’&-]*|"
    r"of|for|and|the|on|in))*)\s*"
)
_JOINT = re.compile(r",|\sand\s")
_EDITORS = frozenset(
    {
        "editorial board",
        "the editorial board",
        "editors",
        "the editors",
        "editorial staff",
        "editorial",
    }
)
_EXCERPT_NARRATION = 8  # narrator's words an excerpt's paragraph may have ("Others argue that")


def _named_person(ctx: _Context, phrase: str) -> bool:
    """Does a speaker phrase name a person: in full, or by a surname the article gives in full
    ("Cooper" after "Laura Cooper"), not a group ("Officials")?"""
    name = speaker_name(phrase, ctx.actors)
    return bool(name) and (" " in name or _full_name(ctx, name) is not None)


def _paragraph_end(ctx: _Context, p_start: int) -> int:
    end = ctx.doc.text.find("\n", p_start)
    return len(ctx.doc.text) if end < 0 else end


def _narrator_words(ctx: _Context, start: int, end: int) -> int:
    return count_words(ctx.outside_quotes(start, end))


def _byline_after(ctx: _Context, p_start: int) -> str | None:
    """The writer a roundup names on the line after an unattributed excerpt (and after any
    further paragraphs of the same excerpt), or None when narration comes first."""
    text = ctx.doc.text
    p_end = text.find("\n", p_start)
    p_end = len(text) if p_end < 0 else p_end
    if _narrator_words(ctx, p_start, p_end) > _EXCERPT_NARRATION:
        return None
    pos = p_end
    for _ in range(4):
        while pos < len(text) and text[pos] in "\n\r \t":
            pos += 1
        if pos >= len(text):
            return None
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        m = _BYLINE.fullmatch(line)
        if m is not None and not more_words_than(line, 12):
            who = m.group("who").strip()
            if who.lower() in _EDITORS:
                return m.group("outlet").strip()
            if who.isupper() and len(who.split()) > 2:
                return None  # "TRUMP COMMUTES ROGER STONE'S SENTENCE, …": a headline
            if " " in who and not is_fragment(who) and speaker_name(who, ctx.actors):
                return who
            return None
        if not ctx.quotes_between(pos, end) or _narrator_words(ctx, pos, end) > _EXCERPT_NARRATION:
            return None  # narration: the excerpt, if any, ended without a byline
        pos = end
    return None


def _drop_attribution(q: Quote) -> None:
    """What was read as the speaker is none ("The", "It’s"): the quote is unattributed."""
    q.attributed_by, q.speaker_description, q.name = "none", "", ""
    q.verb = q.verb_class = ""
    q.verb_start = -1


def _title_as_surname(ctx: _Context, q: Quote) -> str:
    """A lone title word that is the surname of someone the article names in full ("Dean
    added" after "Howard Dean"), else ""."""
    word = q.speaker_description.strip(" .,")
    if (
        word[:1].isupper()
        and " " not in word
        and _is_title(word)
        and _full_name(ctx, word) is not None
    ):
        return word
    return ""


def _copy_speaker(q: Quote, donor: Quote, how: str) -> None:
    q.speaker_description, q.name = donor.speaker_description, donor.name
    q.verb, q.verb_class = donor.verb, donor.verb_class
    q.attributed_by = how


def _unresolved(q: Quote) -> None:
    """A speaker the text does not settle: no name and no actor, rather than a guess."""
    q.speaker, q.speaker_by = "", "unresolved pronoun"
    q.actor, q.actor_by = UNATTRIBUTED, "none"


def _resolve(ctx: _Context, quotes: list[Quote]) -> None:
    """Names, surnames, pronouns and descriptions to speakers; speakers to actors."""
    actors = ctx.actors
    descriptions: dict[str, set[str]] = {}  # "taliban spokesman" → {"Zabihullah Mujahid"}
    unnamed: list[tuple[int, str]] = []  # (offset, description) of the unnamed sources so far
    # first pass: names written out in full, so later surnames and descriptions can find them
    names = {}
    for q in quotes:
        if q.attributed_by == "none":
            continue
        name = names[id(q)] = speaker_name(q.name, actors)
        if q.attributed_by == "byline" and _JOINT.search(q.name):
            names[id(q)] = q.name  # a byline's co-writers are the excerpt's one joint speaker
            continue
        if name and " " in name and not _place_or_body(ctx, name):
            # (a place's or a body's last word is no one's surname: "Korea" alone is not
            # "North Korea" the person, "Boston-based Veracode" is a company)
            person = actors.find_person(name)
            full = person[0] if person else name
            for token in name.split()[1:]:
                ctx.names.setdefault(token.lower(), full)
            if _FAMILY_NAME_FIRST.fullmatch(name):
                ctx.names.setdefault(name.split()[0].lower(), full)  # "Song said" is Song Young-moo
            ctx.first_names.setdefault(name.split()[0].lower(), set()).add(full)
            core = _core_description(q.speaker_description.replace(name, " "))
            if core:
                descriptions.setdefault(core, set()).add(full)
    for q in quotes:
        if q.attributed_by != "none" and not names.get(id(q)):
            names[id(q)] = _title_as_surname(ctx, q)
        single = names.get(id(q), "")
        if single and single.lower() in _FRAGMENTS_NOT_TITLES:
            names[id(q)] = ""  # "Hours later, …", "Today": a word of the clause, no one's name
        elif (
            single
            and " " not in single
            and _written_lower(ctx, single)
            and actors.find_person(single) is None
            and _full_name(ctx, single) is None
        ):
            # "Called …", "Just …": a capitalised word the text also writes in lower case is
            # a sentence's first word, not a name
            names[id(q)] = ""
            if q.speaker_description.strip(" .") == single:
                q.speaker_description = single.lower()
        if q.attributed_by != "none" and not names[id(q)] and is_fragment(q.speaker_description):
            _drop_attribution(q)  # "The", "Friday", "Dr", "towards a run and": no speaker after all
        if q.attributed_by == "none":
            q.actor, q.actor_by = UNATTRIBUTED, "none"
            continue
        description = q.speaker_description
        name = names[id(q)]
        here = q.verb_start if q.verb_start >= 0 else q.start
        how = ""
        joint = _joint_speaker(ctx, description)
        if joint:
            # "Jack Goldsmith and Matthew Waxman wrote", "Thrush and Haberman reported": one
            # joint speaker, each person by the full name the article gives
            q.speaker, q.speaker_by = joint, "name"
            q.actor, q.actor_by = actors.classify(description, joint.split(" and ")[-1], "")
            continue
        if name:
            written = name
            person = actors.find_person(name)
            if person is not None:
                name, how = (
                    person[0],
                    "actor file" if normalise(person[0]) != normalise(name) else "name",
                )
            elif " " not in name and (
                (full_name := _full_name(ctx, name)) is not None
                or (full_name := _surname_by_gender(ctx, name, q)) is not None
            ):
                name, how = full_name, "surname"
                person = actors.find_person(name)
                if person is not None:
                    name = person[0]
            else:
                how = "name"
                if " " not in name and name.lower() in _NOT_PERSON_HEADS:
                    name = _organisation_in_full(ctx, name)  # "the Post" → "Washington Post"
                    written = name  # (a body: its last word is no person's surname)
            if " " not in written and " " in name and written.lower() not in ctx.names:
                # "Sanders said" resolved to Bernie Sanders: his lone surname in the narrator's
                # words is now a person too ("But Sanders is keen …, and he …")
                ctx.names[written.lower()] = name
        elif description.lower() in _PRONOUNS:
            if description.lower() in ("he", "she"):
                name = _pronoun_antecedent(ctx, description.lower(), here)
                if name:
                    how = "pronoun"
                else:
                    _unresolved(q)  # the text does not settle who "he" is: say so, not guess
                    continue
            elif description.lower() in ("it", "they"):
                group = _group_antecedent(ctx, q.verb_start if q.verb_start >= 0 else q.start)
                if group is not None:
                    q.speaker, q.speaker_by = group[1], "pronoun"
                    q.actor, q.actor_by = group[0], "pronoun"
                    continue
            elif description == "I":
                # "“Be brave,” I said": the narrator's own "I" outside quotation marks is the
                # article's writer, by name where the article has one author
                authors = ctx.doc.article.authors
                q.speaker = authors[0] if len(authors) == 1 and authors[0] else AUTHOR
                q.speaker_by = "pronoun"
                q.actor, q.actor_by = actors.classify(_WRITER_CUE)
                continue
            if not name:
                _unresolved(q)  # "they", "it", "we" the text does not settle
                continue
        else:
            candidates = descriptions.get(_core_description(description), set())
            if len(candidates) == 1:
                name, how = next(iter(candidates)), "description"
            else:
                # "the analyst wrote" after "MKM analyst Bill Kirk raised …"
                found_name = _description_antecedent(ctx, description, here)
                if found_name:
                    name, how = found_name, "description"
            if not name:
                earlier = _earlier_description(ctx, description, here, unnamed)
                if earlier:
                    # "the official" after "a US official with close ties to the campaign
                    # said": the same unnamed source, as the text first described it
                    q.speaker, q.speaker_by = earlier, "description"
                    si = ctx.doc.sentence_index(here)
                    context = ctx.outside_quotes(*ctx.doc.sentence_spans[si])
                    q.actor, q.actor_by = actors.classify(earlier, "", context)
                    continue
                unnamed.append((here, _as_written(description)))
        if (
            name
            and how == "name"
            and re.fullmatch(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?", name)
            and _clean(description).split()[-1:] == [name]  # (not "Hours after", "R-Ky.")
            and not _written_lower(ctx, name)
            and not _place_or_body(ctx, name)
        ):
            ctx.last_lone = (name, here)
        if name and (" " in name or how == "actor file" or _titled(description, name)):
            ctx.last_person = name  # "he" and "she" go back to a full name, not to "Florida"
            ctx.last_person_at = here
            g = _gender_of(description, name)
            if g:
                ctx.gender.setdefault(name, g)
        q.speaker = name or _as_written(description)
        q.speaker_by = how
        si = ctx.doc.sentence_index(q.verb_start if q.verb_start >= 0 else q.start)
        s_start, s_end = ctx.doc.sentence_spans[si]
        context = ctx.outside_quotes(s_start, s_end)
        q.actor, q.actor_by = actors.classify(description, name, context)
        if name and how in ("name", "actor file") and q.actor_by != "none":
            ctx.person_actor.setdefault(name, (q.actor, q.actor_by))
        elif (
            how in ("surname", "pronoun", "description")
            and name in ctx.person_actor
            and q.actor_by in ("none", "role")
        ):
            # "Roe said" after "Gen. Jane Roe said": the person keeps the group found before
            q.actor, q.actor_by = ctx.person_actor[name]


_JOINT_PARTS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _joint_speaker(ctx: _Context, description: str) -> str:
    """ "Pippa Norris and Ronald Inglehart" for "the political scientists Pippa Norris and
    Ronald Inglehart": people named together as one speaker, each a name of two words or a
    surname the article names in full; "" when any part is not a person's name."""
    if " and " not in description or len(description.split()) > _MAX_SPEAKER_WORDS:
        return ""
    parts = [p.strip(" .") for p in _JOINT_PARTS.split(description)]
    if len(parts) < 2 or len(parts) > 4:
        return ""
    names = []
    for k, part in enumerate(parts):
        words = part.split()
        if not words or not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words[-2:]):
            return ""
        name = speaker_name(part, ctx.actors)
        if k > 0 and not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
            if " " not in name or not is_given_name(name.split()[0]):
                return ""  # "Trump and other Republicans": one person and a group
        if not name or is_fragment(name) or name.split()[-1].lower() in _NOT_PERSON_WORDS:
            return ""
        if " " not in name:
            full = _full_name(ctx, name)
            if full is None:
                return ""
            name = full
        person = ctx.actors.find_person(name)
        if person is None and ctx.actors.organisation_spans(name):
            return ""  # "Fox News and CNN": bodies, each its own speaker or none
        names.append(person[0] if person else name)
    if len(set(names)) < len(names):
        return ""
    return ", ".join(names[:-1]) + " and " + names[-1]


_NEXT_PRONOUN = re.compile(r"[\s\"“”‘’']*(?:(?:But|And|So|Yet|Then|Later)\s+)?(he|she)\b", re.I)


def _surname_by_gender(ctx: _Context, surname: str, q: Quote) -> str | None:
    """The one of two people with this surname ("Bill Clinton", "Hillary Clinton") whose gender
    the words after the attribution show: "Clinton told the FBI that she relied …", "… ,"
    Clinton said. She added …". None when the text shows no gender or both fit."""
    _full_name(ctx, surname)  # (fills ctx.surname_fulls)
    fulls = ctx.surname_fulls.get(surname.lower(), set())
    if len(fulls) < 2:
        return None
    text = ctx.doc.text
    si = ctx.doc.sentence_index(max(q.end - 1, q.verb_start))
    cues = [q.text] if q.kind == "indirect" else []  # (its span opens at the verb)
    if si + 1 < len(ctx.doc.sentence_spans):
        s0, s1 = ctx.doc.sentence_spans[si + 1]
        if "\n" not in text[q.end : s0]:
            cues.append(text[s0:s1])  # the next sentence, in the same paragraph
    for cue in cues:
        m = _NEXT_PRONOUN.match(cue)
        if m is None:
            continue
        gender = "f" if m.group(1).lower() == "she" else "m"
        fitting = {f for f in fulls if given_name_gender(f) == gender}
        return next(iter(fitting)) if len(fitting) == 1 else None
    return None


_SENTENCE_END_IN = re.compile(r"[a-z]{2}\.\s")  # "Miller. The Washington Post": two sentences


def _organisation_in_full(ctx: _Context, word: str) -> str:
    """ "Washington Post" for "the Post reports" where the article names it so (and names no
    other "… Post"); else ``word``."""
    found = ctx.organisation_cache.get(word)
    if found is None:
        title = ctx.doc.article.title
        names = set()
        pattern = re.compile(rf"\b((?:[A-Z][\w.&'’-]*[ \t]+){{1,3}}){re.escape(word)}\b")
        for m in pattern.finditer(ctx.doc.text, len(title) + 2 if title else 0):
            before = m.group(1).split()
            if before[0] in ("The", "A", "An"):
                before = before[1:]  # "The Washington Post"
            name = " ".join([*before, word])
            if before and not _SENTENCE_END_IN.search(name):
                names.add(name)
        found = ctx.organisation_cache[word] = next(iter(names)) if len(names) == 1 else word
    return found


_BARE_DEFINITE = re.compile(r"^(?:[Tt]he|[Tt]his|[Tt]hat)\s+([a-z]{3,})$")
_EARLIER_REACH = 6  # paragraphs back to the unnamed source "the official" stands for


def _earlier_description(
    ctx: _Context, description: str, offset: int, unnamed: list[tuple[int, str]]
) -> str:
    """The fuller description of the unnamed source a bare "the official", "the source" or
    "the report" takes up: the last one before it, within ``_EARLIER_REACH`` paragraphs, whose
    words include that noun ("a GOP source close to the White House" for "the source"). ""
    when there is none."""
    m = _BARE_DEFINITE.match(description.strip())
    if m is None:
        return ""
    head = m.group(1).lower()
    for at, earlier in reversed(unnamed):
        words = [w.strip(",.").lower() for w in earlier.split()]
        if head not in words or len(words) < 2 or _BARE_DEFINITE.match(earlier):
            continue
        k = words.index(head)
        if k and words[k - 1] in _PREPOSITIONS | {"the", "this", "that"} and k > 1:
            continue  # "the text of the resolution": the resolution is not who speaks there
        if _prose_paragraphs(ctx.doc.text, at, offset) > _EARLIER_REACH:
            return ""
        return earlier
    return ""


def _titled(description: str, name: str) -> bool:
    """ "Mr. Xi", "Sen. Cruz": a one-word name after a title is a person's."""
    words = description.split()
    return any(
        _is_title(words[i - 1]) for i in range(1, len(words)) if words[i].strip(",.") == name
    )


_CONTRACTIONS = frozenset(
    "it's that's there's here's what's he's she's they're we're i'm you're let's".split()
)
# "advance excerpts released by the Justice Department", "a statement from Biden's office": the
# source of a document speaks through it
_DOCUMENT_SOURCE = re.compile(
    r"^.{0,60}?\b(?:released|issued|published|obtained|provided|posted|sent|written|prepared|"
    r"conducted|commissioned|filed)\s+by\s+(.+)$|^(?:a|an|the)\s+(?:\w+\s+)?(?:statement|letter|"
    r"report|memo|release|tweet|post|filing|brief|complaint|study|analysis|survey|poll)\s+"
    r"(?:from|by)\s+(.+)$",
    re.I,
)
_QUANTIFIER = re.compile(r"^(?:some|many|most|several|few|numerous|one)\s+(?=[a-z])", re.I)
_TRAILING_WHEN = re.compile(
    r"\s+(?:(?:on|late|early)\s+)?(?:last|this|next)?\s*(?:week|month|year|night|weekend|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening)$"
    r"|\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$|\s+(?-i:yesterday|today|tonight)$",
    re.I,
)
_TRAILING_PARTICIPLE = re.compile(
    r"(?<=\w)\s+(?:related\s+to|published|released|issued|filed|posted|obtained|seen|reviewed|"
    r"dated|sent)\b.*$"
)


def _as_written(description: str) -> str:
    """A speaker without a person's name, as the text describes it, less what is not the
    speaker: the appositive after a named organisation ("The PVH Corporation, the clothing
    conglomerate …" → "The PVH Corporation"), the document a source issued, a quantifier
    ("Many open internet activists" → "open internet activists")."""
    m = _DOCUMENT_SOURCE.match(description)
    if m:
        description = (m.group(1) or m.group(2)).strip()
    head, comma, _ = description.partition(",")
    if comma and re.search(r"\b[A-Z]", head) and not is_fragment(head):
        description = head.strip()
    description = _QUANTIFIER.sub("", description)
    # "Mumbai's municipal authority last week", "a policy brief published last week",
    # "federal court documents related to his indictment": the speaker, less when and what about
    description = _TRAILING_WHEN.sub("", description)
    description = _TRAILING_PARTICIPLE.sub("", description)
    first, _, rest = description.partition(" ")
    if first in ("The", "A", "An") and rest[:1].islower():
        # "The minister" opening a sentence and "the minister" inside one are one speaker (a
        # name keeps its article: "The Washington Post")
        description = description[0].lower() + description[1:]
    return description


_FRAGMENT_WORDS = (
    frozenset(
        """the a an this that these those some many most others other another all both each either
    neither one none nobody everyone someone anyone when while if as after before since then
    there here what which who whom whose how why where monday tuesday wednesday thursday friday
    saturday sunday today yesterday tonight january february march april may june july august
    september october november december mr mrs ms miss dr prof sir madam consider among just
    only also even still hours days weeks months years minutes moments""".split()
    )
    | _TITLES
)
_NOUNS_IN_ED_ING = frozenset(
    """wing being offspring ring king thing things clothing building
    hearing briefing meeting reading ruling filing warning proceeding feed breed creed seed
    offspring sibling darling underling hireling""".split()
)
_DANGLING = frozenset(
    """and or but nor of to for with from by in on at into onto towards toward
    about than as a an the""".split()
)

# built once, not at every call
_PRONOUNS_AND_CONTRACTED = frozenset(_PRONOUNS | {"it's", "he's", "she's", "they're"})
_DANGLING_NOT_ARTICLES = _DANGLING - {"a", "an", "the"}
_FRAGMENTS_NOT_TITLES = _FRAGMENT_WORDS - _TITLES


def is_fragment(description: str) -> bool:
    """A determiner, weekday, month, title or connective alone, or a phrase that starts or ends
    mid-clause ("towards a run and"): words left over from a clause, never a speaker.

    >>> [is_fragment(d) for d in ("The", "Friday", "Dr", "towards a run and", "a senior official")]
    [True, True, True, True, False]
    """
    words = [w.strip(".,;:'\"“”‘’()") for w in description.split()]
    words = [w for w in words if w]
    if not words:
        return True
    low = [w.lower() for w in words]
    if len(words) == 1:
        return (
            low[0] in _FRAGMENT_WORDS
            or low[0].replace("’", "'") in _CONTRACTIONS
            or (len(low[0]) <= 2 and low[0] not in _PRONOUNS)
            or (
                words[0].islower()
                and len(low[0]) > 4
                and low[0].endswith(("ed", "ing", "ly"))
                and low[0] not in _NOUNS_IN_ED_ING
            )
        )
    if low[-1] in _DANGLING:
        return True
    if low[0] in ("no", "nobody") or low[:2] == ["not", "one"]:
        return True  # "no one says …": nobody is reported as saying it
    if low[0].replace("’", "'") in _PRONOUNS_AND_CONTRACTED:
        return True  # "It even …", "he answered when": a clause, the pronoun alone speaks
    if words[0].islower() and (low[0].endswith(("ing", "ed")) or low[0] in ("said", "says")):
        return True  # "said his visit", "noticing a sign": a verb, not a speaker
    last = words[-1]
    if (
        last.endswith(_POSSESSIVE)
        or last[:1].isdigit()
        or (words[0][:1].isdigit() and not words[0].isdigit())
    ):
        return True  # "segment of Obama’s", "000 jobs claim …": a clause cut in two
    if (
        last.islower()
        and len(last) > 4
        and last.endswith(("ed", "ing"))
        and last not in _NOUNS_IN_ED_ING
    ):
        return True  # "the incident concluded", "The most embarrassing"
    return words[0].islower() and low[0] in _DANGLING_NOT_ARTICLES


_MALE_CUES = re.compile(r"\b(?:Mr|Sir|King|Prince|Lord|Father|Brother)\b\.?")
_FEMALE_CUES = re.compile(r"\b(?:Mrs|Ms|Miss|Madam|Dame|Queen|Princess|Sister|Lady)\b\.?")


def _gender_of(description: str, name: str = "") -> str:
    """ "f" or "m" from a title before the speaker's own name ("Ms. Woods"), not before someone
    else's in the same description ("Diane Woods, who dislikes Mr. Trump")."""
    words = {w for w in name.split() if len(w) > 1}
    for cues, gender in ((_FEMALE_CUES, "f"), (_MALE_CUES, "m")):
        for m in cues.finditer(description):
            after = description[m.end() :].lstrip(" .").split(None, 2)[:2]
            if not words or words & {
                w.rstrip(",;:").removesuffix("'s").removesuffix("’s") for w in after
            }:
                return gender  # the title of this speaker (or of one word before the name)
    return ""


# a run of capitalised words on one line ("Senate Majority Leader Mitch McConnell")
_CAPITAL_RUN = re.compile(
    r"\b[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|da|del|di))+"
)
# abbreviations that end in a full stop inside a name ("Gen. Frank McKenzie", "John F. Kennedy")
_NAME_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen sen rep gov lt col maj capt sgt adm rev st jr sr prof pres u.s".split()
)
# last words that make a run an organisation, a law or a place, not a person
_NOT_PERSON_HEADS = frozenset(
    """act committee institute county department party council court
    house senate university college agency foundation center centre association union times
    post news group project campaign administration office commission bureau service force
    army navy democracy caucus network company inc corp corporation city state states
    republic kingdom street avenue road square hall bank fund organization organisation
    review journal magazine press tribune daily television radio tv media club league team
    school hospital church ministry bill amendment order plan program programme
    initiative coalition alliance movement conference summit forum report study presidency
    era regime government museum library stadium airport station prison""".split()
)
# last words that make a run a place: US states and regions of the world
_PLACE_HEADS = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware
    florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire
    jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania island tennessee texas
    utah vermont virginia washington wisconsin wyoming africa america americas asia europe
    east west north south kingdom emirates arabia korea islands valley county""".split()
)
_NOT_PERSON_WORDS = _NOT_PERSON_HEADS | _PLACE_HEADS
_PLACE_OPENERS = frozenset(
    """San Santa Los Las New Fort Saint St. North South East West United
    El Port Mount Lake Cape Puerto Rio Hong Sri Costa Saudi""".split()
)
_PRONOUN_REACH = 2  # paragraphs back that "he" may reach for the one person in view
_SPEAKER_REACH = 3  # paragraphs of prose (not "AD", captions) back to the last speaker


def _persons_in(ctx: _Context, start: int, end: int) -> list[tuple[int, str]]:
    """``(offset, full name)`` of the people the narrator names in ``[start, end)`` (found once
    per article by :func:`_find_persons`)."""
    # found a paragraph at a time, once each: the windows asked for overlap heavily
    text = ctx.doc.text
    out: list[tuple[int, str]] = []
    p_start = ctx.paragraph_start(start)
    end = min(end, len(text))
    while p_start < end:
        p_end = text.find("\n", p_start)
        p_end = len(text) if p_end < 0 else p_end
        found = ctx.person_cache.get(p_start)
        if found is None:
            found = ctx.person_cache[p_start] = _find_persons(ctx, p_start, p_end)
        out.extend(f for f in found if start <= f[0] < end)
        if ctx.names:
            version, lone = ctx.surname_person_cache.get(p_start, (-1, []))
            if version != len(ctx.names):
                lone = _lone_surname_persons(ctx, p_start, p_end)
                ctx.surname_person_cache[p_start] = (len(ctx.names), lone)
            out.extend(f for f in lone if start <= f[0] < end)
        p_start = p_end + 1
    out.sort()
    return out


def _written_lower(ctx: _Context, word: str) -> bool:
    """Does the text also write ``word`` in lower case (so it is a word, not a first name)?"""
    found = ctx.lower_seen.get(word)
    if found is None:
        low, text = word.lower(), ctx.doc.text
        # most words asked about are names, whose lower case is nowhere in the text: one search
        found = ctx.lower_seen[word] = low in text and any(
            f"{a}{low}{b}" in text for a in (" ", "\n", "(") for b in (" ", ",", ".", "\n")
        )
    return found


def _find_persons(ctx: _Context, start: int, end: int) -> list[tuple[int, str]]:
    """Runs of capitalised words on one line, cut at sentence ends, that :func:`speaker_name`
    reads as a name of two words or more and that do not end in an organisation's or a place's
    word. The headline is skipped (title case makes every word look like a name)."""
    out = []
    text = ctx.doc.text
    title = ctx.doc.article.title
    body_start = len(title) + 2 if title else 0
    for m in _CAPITAL_RUN.finditer(text, max(start, body_start), end):
        for piece in _sentence_pieces(text, m.start(), m.end()):
            found = _person_of(ctx, piece) if len(piece) > 1 else _surname_person(ctx, piece[0])
            if found is not None:
                out.append(found)
    return out


def _lone_surname_persons(ctx: _Context, start: int, end: int) -> list[tuple[int, str]]:
    """Lone surnames of people the article names in full, in one paragraph."""
    title = ctx.doc.article.title
    body_start = len(title) + 2 if title else 0
    out = []
    for m in _LONE_CAPITAL.finditer(ctx.doc.text, max(start, body_start), end):
        found = _surname_person(ctx, (m.start(), m.group()))
        if found is not None:
            out.append(found)
    return out


_LONE_CAPITAL = re.compile(
    r"(?<![A-Z][\w'’.-] )(?<![\w'’.-])[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b(?! [A-Z])"
)


def _surname_person(ctx: _Context, token: tuple[int, str]) -> tuple[int, str] | None:
    """``(offset, full name)`` for a lone surname of a person the article names in full
    ("In his speech, Obama …" after "Barack Obama")."""
    at, word = token
    full = ctx.names.get(word.lower())
    if full is None:
        return None  # (checked first: most capitalised words are no quoted person's surname)
    if word.endswith(("’s", "'s")):
        return None  # "Veracode’s chief technology officer": no subject, and often no person
    if (
        len(word) < 3
        or not word[:1].isupper()
        or not word[1:].islower()
        or ctx.doc.in_quote(at, at + len(word))
        or _written_lower(ctx, word)
    ):
        return None
    return at, full


def _sentence_pieces(text: str, start: int, end: int) -> list[list[tuple[int, str]]]:
    """The words of ``text[start:end]`` as ``(offset, word)``, cut where a sentence ends inside
    ("Florida. Sanders said": two pieces; "Gen. Frank McKenzie", "John F. Kennedy": one)."""
    pieces, piece, pos = [], [], start
    for word in text[start:end].split():
        pos = text.index(word, pos)
        piece.append((pos, word))
        pos += len(word)
        if (
            word.endswith(".")
            and word[:-1].lower() not in _NAME_ABBREVIATIONS
            and not (len(word) == 2 and word[0].isupper())
        ):
            pieces.append(piece)
            piece = []
    if piece:
        pieces.append(piece)
    return pieces


def _person_of(ctx: _Context, piece: list[tuple[int, str]]) -> tuple[int, str] | None:
    """``(offset, name)`` when a run of capitalised words ``[(offset, word), …]`` names a
    person; None for an organisation, a place, a sentence's opening word, or a single word."""
    if len(piece) < 2:
        return None
    at = piece[0][0]
    if ctx.doc.in_quote(at, piece[-1][0] + len(piece[-1][1])):
        return None
    words = [w for _, w in piece]
    s_start = ctx.doc.sentence_spans[ctx.doc.sentence_index(at)][0]
    if at <= s_start + 1 and _written_lower(ctx, words[0]):
        # a sentence's first word that the text also writes in lower case is a word, not a
        # first name ("Promoting Sanders …", "Actress Alyssa Milano …")
        words = words[1:]
        at = piece[1][0]
    last = words[-1]
    for mark in _POSSESSIVE:
        if last.endswith(mark):
            # "Gov. Gretchen Whitmer’s authority"; "Rob Jenkins' life" keeps its s
            words[-1] = last[:-1] if mark[0] == "s" else last[: -len(mark)]
            break
    name = speaker_name(" ".join(words), ctx.actors)
    if (
        name
        and " " not in name
        and len(words) == 2
        and words[0].lower().rstrip(".") in _PERSONAL_TITLES
        and name.lower() not in _NOT_NAMES
        and name[1:].islower()
        and not piece[-1][1].endswith(_POSSESSIVE)  # ("President Trump’s order": no subject)
    ):
        # "President Obama", "Mr. Trump": a title before one name is a person, named in full
        # where the article gives the full name
        return at, ctx.names.get(name.lower(), name)
    if not name or " " not in name or name.split()[0].lower() in _FRAGMENT_WORDS:
        return None
    if _place_or_body(ctx, name):
        return None
    return at, name


# titles that stand only before a person's name ("General" and "Major" may open a company's)
_PERSONAL_TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep gov governor president secretary pope".split()
)


# "Amazon-owned AMZN", "Boston-based Veracode"; not a Korean given name ("Song Young-moo")
_HYPHENATED_MODIFIER = re.compile(r"-(?:[a-z]{2,}ed|based|run|born|made|era|style)\b")
# a family name first, then a hyphenated given name: "Moon Jae-in", "Song Young-moo"
_FAMILY_NAME_FIRST = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")


def _place_or_body(ctx: _Context, name: str) -> bool:
    """Does a name of two words or more name a place or a body, not a person ("San Francisco",
    "North Korea", "Amazon-owned AMZN", an organisation the actor file knows)?"""
    if (
        name.split()[-1].lower().strip(".") in _NOT_PERSON_WORDS
        or name.split()[0] in _PLACE_OPENERS
        or _HYPHENATED_MODIFIER.search(name)
    ):
        return True
    cache = ctx.actors.cache
    key = ("organisation", name)
    is_org = cache.get(key)
    if is_org is None:  # names recur across a corpus: look each one up once
        is_org = cache[key] = ctx.actors.find_person(name) is None and bool(
            ctx.actors.organisation_spans(name)
        )
    return is_org


_RUN_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]+){1,5}$")


_ROLE_FORMS = {
    "governor": "governor|gov",
    "senator": "senator|sen",
    "representative": "representative|rep|congressman|congresswoman",
    "congressman": "congressman|rep",
    "congresswoman": "congresswoman|rep",
    "general": "general|gen",
    "president": "president",
    "justice": "justice",
    "secretary": "secretary",
    "minister": "minister",
    "mayor": "mayor",
}
_DEFINITE = re.compile(r"^(?:the|this|that)\s+(?:[\w'’.-]+\s+){0,3}?([a-z][a-z-]+)$", re.I)
_OF_PHRASE = re.compile(r"\s+(?:of|for|at|in)\s+(?:the\s+)?[A-Z][\w.'’ -]*$")
_ANTECEDENT_REACH = 4000  # characters back that "the analyst" may look for the analyst named


@lru_cache(maxsize=1024)
def _role_patterns(role: str) -> tuple[re.Pattern, re.Pattern]:
    """The role written before a name ("analyst Bill Kirk") and after it in an appositive."""
    forms = _ROLE_FORMS.get(role, re.escape(role))
    name_run = r"((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]+)"
    before = re.compile(
        rf"(?i:\b(?:{forms}))\.?,?[ \t]+{name_run}"
    )  # (", ": "The reporter, Serge F Kovaleski")
    after = re.compile(
        rf"([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)+),[ \t]+(?:an?|the)[ \t]+"
        rf"(?:[\w'’.-]+[ \t]+){{0,5}}?(?i:(?:{forms}))\b"
    )
    return before, after


def _description_antecedent(ctx: _Context, description: str, offset: int) -> str:
    """The person a definite description stands for ("the analyst", "the Massachusetts
    governor"): the last one the text introduced with that role before ``offset``, written
    before the name ("MKM analyst Bill Kirk", "Gov. Charlie Baker") or after it in an appositive
    ("Bill Kirk, an analyst at MKM"). "" when the text names no one so."""
    description = _OF_PHRASE.sub("", description.strip())  # "the chairman of the … Committee"
    m = _DEFINITE.match(description)
    if not m:
        return ""
    if not m.group(1).islower():
        return ""  # "the Times": a name, not a role
    role = m.group(1)
    if (
        role in _PRONOUNS
        or role in _FRAGMENTS_NOT_TITLES
        or not (role in _TITLES or role in ctx.actors.role_words or role in _PERSON_ROLES)
    ):
        return ""  # "the analyst" and "the governor" stand for people; "the report" does not
    if role == "lady" and not description.lower().endswith("first lady"):
        return ""
    best = _role_bearer(
        ctx, role, description, max(0, offset - _ANTECEDENT_REACH), offset
    ) or _role_bearer(ctx, role, description, 0, max(0, offset - _ANTECEDENT_REACH))
    if not best:
        if role not in _IDENTITY_ROLES and role not in _PROMINENT_ROLES:
            return ""  # "the official", "the source": unnamed on purpose, not whoever is near
        # "Ilene Graff, who famously played …" / "“…,” the actress explained": no one is
        # introduced with the role, but the one person in view is who the role stands for
        gender = _ROLE_GENDER.get(role, "")
        best = _only_person_in_view(ctx, gender, offset)
        if best or role not in _PROMINENT_ROLES:
            return best
        # "Putin said … “…,” the Russian president said", "… at the request of Sen. Bernie
        # Sanders. “…,” the former Democratic presidential candidate said": a story's
        # prominent person, the last speaker of this paragraph or the one before, else the
        # last person the narrator names there
        start = ctx.paragraph_start(offset)
        prev = ctx.previous_paragraph(start)
        lo = prev[0] if prev else start
        if ctx.last_person and lo <= ctx.last_person_at < offset:
            return ctx.last_person if " " in ctx.last_person else ""
        named = _persons_in(ctx, lo, offset)
        return named[-1][1] if named and " " in named[-1][1] else ""
    if " " not in best and ctx.actors.find_person(best) is None:
        # "first lady Melania": her full name where the text writes it
        m = re.search(rf"\b{re.escape(best)}[ \t]+[A-Z][\w'’-]+", ctx.doc.text)
        full = speaker_name(m.group(), ctx.actors) if m is not None else ""
        if " " in full and full.split()[-1].lower() not in _NOT_PERSON_WORDS:
            best = full
    person = ctx.actors.find_person(best)
    return person[0] if person else best


# person nouns a definite description may use that are not titles before a name
_PERSON_ROLES = frozenset(
    "lady journalist tycoon billionaire mogul magnate candidate nominee frontrunner".split()
)
# what a story's prominent person is called on second mention ("the Russian president", "the
# tycoon", "the former Democratic presidential candidate"), never an unnamed source
_PROMINENT_ROLES = frozenset(
    """president tycoon billionaire mogul magnate candidate nominee frontrunner premier
    chancellor""".split()
)
# what a person is rather than the post a source holds: "the actress" is the article's subject,
# "the official" is someone the text does not name
_IDENTITY_ROLES = frozenset(
    """actress actor singer rapper comedian author novelist star
    filmmaker model athlete""".split()
)
_ROLE_GENDER = {
    w: "she"
    for w in """actress chairwoman spokeswoman congresswoman businesswoman
                lady queen princess""".split()
} | {
    w: "he"
    for w in """actor chairman spokesman
                congressman businessman king prince""".split()
}


def _role_bearer(ctx: _Context, role: str, description: str, lo: int, offset: int) -> str:
    """The last person the text introduces with ``role`` in ``[lo, offset)``, or ""."""
    if lo >= offset:
        return ""
    if (
        role not in _ROLE_FORMS
        and ctx.doc.lower.find(role, lo, max(lo, offset - len(description) - 2)) < 0
    ):
        return ""  # the role is written nowhere before this description: no one introduced so
    before, after = _role_patterns(role)
    best_at, best = -1, ""
    for pattern in (before, after):
        for found in pattern.finditer(ctx.doc.text, lo, offset):
            if ctx.doc.in_quote(found.start(), found.end()) or found.start() < best_at:
                continue
            name = speaker_name(found.group(1), ctx.actors)
            if not name or name.split()[-1].lower() in _NOT_PERSON_HEADS:
                continue
            if " " not in name:
                name = _full_name(ctx, name) or name  # "President Trump": the surname
            best_at, best = found.start(), name
    return best


def _full_name(ctx: _Context, surname: str) -> str | None:
    """The full name a surname stands for in this article: a quoted speaker's, else the one
    person the narrator names in full with that surname anywhere ("Actress Alyssa Milano …"
    for "Milano said"); None when no one or two different people are named so."""
    key = surname.lower()
    if key in ctx.names:
        return ctx.names[key]
    if key in ctx.surname_cache:
        return ctx.surname_cache[key]
    text = ctx.doc.text
    fulls: set[str] = set()
    # only the runs that end in this surname are read, not every capitalised run of the article
    title = ctx.doc.article.title
    at = text.find(surname, len(title) + 2 if title else 0)  # not the headline's title case
    while at >= 0:
        end = at + len(surname)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")) and (
            end >= len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            # the capitalised words right before this occurrence, on its line
            line_start = max(text.rfind("\n", 0, at) + 1, at - 80)
            m = _RUN_BEFORE.search(text, line_start, at)
            if m is not None:
                tail = end
                while tail < len(text) and text[tail] in "'’s" and tail < end + 2:
                    tail += 1  # "Whitmer’s"
                # the words after the last sentence end ("Florida. Sanders")
                found = _person_of(ctx, _sentence_pieces(text, m.start(), tail)[-1])
                if found is not None:
                    found_name = found[1].rstrip("'’")  # "Rob Jenkins' life"
                    if " " in found_name and found_name.split()[-1].lower() == key:
                        person = ctx.actors.find_person(found_name)
                        fulls.add(person[0] if person else found_name)
        at = text.find(surname, end)
    if not fulls and surname[:1].isupper():
        # "Song said" after "Minister of Defense Song Young-moo": the family name comes first
        for m in re.finditer(rf"\b{re.escape(surname)} [A-Z][a-z]+-[a-z]+\b", text):
            if not ctx.doc.in_quote(m.start(), m.end()):
                fulls.add(m.group())
    ctx.surname_fulls[key] = fulls
    # "Mitt Romney" and "Defending Romney" (a sentence's first word): the one with a given
    # name first is the person, and a verb's "-ing" or "-ed" form is no given name
    given = {n for n in fulls if is_given_name(n.split()[0])}
    if given:
        fulls = given | {n for n in fulls if "." in n.split()[0]}  # (and "J. David Cox")
    else:
        fulls = {n for n in fulls if not n.split()[0].endswith(("ing", "ed"))} or fulls
    # "Joe Biden" and "President Joe Biden Jr." are one person; "Bill" and "Hillary Clinton" two
    best = None
    for name in sorted(fulls, key=len, reverse=True):
        if best is None:
            best = name
        elif not best.endswith(name) and not name.endswith(best):
            best = None
            break
    if best is None and len(ctx.first_names.get(key, ())) == 1:
        best = next(iter(ctx.first_names[key]))  # "Fred said" after "Fred Gaudelli said"
    ctx.surname_cache[key] = best
    return best


def _pronoun_antecedent(ctx: _Context, pronoun: str, offset: int) -> str:
    """The person "he" or "she" at ``offset`` means, or "" when the text does not settle it:
    never a body ("A Border Patrol agent ordered …: “…” … “…,” he told her" is not the Border
    Patrol's)."""
    found = _pronoun_antecedent_of(ctx, pronoun, offset)
    if found and pronoun in ("he", "she") and _is_body(ctx, found):
        other = _antecedent_nearby(ctx, pronoun, offset)
        return other if other and not _is_body(ctx, other) else ""
    return found


# the last word of a body's name: what no person's name ends in, and a few more bodies
_BODY_HEADS = (
    _ORG_HEADS
    | _NOT_PERSON_HEADS
    | frozenset("patrol police military government ministry congress parliament".split())
)


def _is_body(ctx: _Context, name: str) -> bool:
    """An organisation, not a person: the actor file's organisation spans all of it, or its
    last word is a body's ("Border Patrol", "Office of Legal Counsel")."""
    words = name.split()
    if not words or ctx.actors.find_person(name) is not None:
        return False
    if words[-1].lower() in _BODY_HEADS or "of" in words:
        return True
    return any(s == 0 and e >= len(name) - 1 for s, e in ctx.actors.organisation_spans(name))


def _pronoun_antecedent_of(ctx: _Context, pronoun: str, offset: int) -> str:
    """The person "he" or "she" at ``offset`` means, or "" when the text does not settle it.

    It is the last named speaker when no other person is named in the narrator's words since
    (Marco Rubio criticised Barack Obama. "…," he said: two people, so not settled), within two
    paragraphs, and when what the text says of that speaker's gender does not contradict it.
    """
    parenthetical = _PARENTHETICAL_SUBJECT.search(ctx.doc.text, max(0, offset - 80), offset)
    if parenthetical is not None and _PARENTHETICAL_VERB.match(ctx.doc.text, offset + len(pronoun)):
        # "Mr Kerry, he said, had …": the name is the reported clause's subject, not the one
        # "he" is; "he" is read from before it
        offset = parenthetical.start()
    lone, lone_at = ctx.last_lone
    if (
        lone
        and ctx.last_person_at < lone_at < offset
        and ctx.paragraph_start(lone_at) == ctx.paragraph_start(offset)
        and not any(_opens_sentence(ctx, at) for at, _ in _persons_in(ctx, lone_at, offset))
    ):
        return lone  # "Huckabee remarked, “…” … “…,” he continued"
    name = ctx.last_person
    if not name or ctx.last_person_at < 0 or ctx.last_person_at > offset:
        return _antecedent_nearby(ctx, pronoun, offset)
    if _previous_opens_with(ctx, pronoun, offset):
        chained = _subject_chain(ctx, pronoun, offset)
        if chained:
            return (
                chained  # the run of "He …" sentences names its subject: that, not the last speaker
            )
    if _gender_clashes(ctx, name, pronoun):
        return _antecedent_nearby(ctx, pronoun, offset)
    if _prose_paragraphs(ctx.doc.text, ctx.last_person_at, offset) > _SPEAKER_REACH:
        return _antecedent_nearby(ctx, pronoun, offset)
    own = {t.lower() for t in name.split()}
    for at, other in _persons_in(ctx, ctx.last_person_at, offset):
        if {t.lower() for t in other.split()} & own:
            continue  # the same person ("President Joe Biden", "Biden")
        if _gender_clashes(ctx, other, pronoun):
            continue  # "… Nancy Pelosi …" does not stand between "he said" and the last man
        if not _opens_sentence(ctx, at):
            # "Moon said Kim expressed …", "met with Kim": a person named inside what the
            # speaker said, or as an object, is not who the next "he said" is about
            continue
        return _antecedent_nearby(ctx, pronoun, offset)
    return name


_PARENTHETICAL_SUBJECT = re.compile(r"(?<![\w,])(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*\s*,\s*$")
_PARENTHETICAL_VERB = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+\s*,")


def _antecedent_nearby(ctx: _Context, pronoun: str, offset: int) -> str:
    # (a subject that opens the sentence before outranks the one full name further back)
    if _previous_opens_with(ctx, pronoun, offset):
        # "But Mr. Bennett denied … He said that when he told Mr. Carson …, Mr. Carson asked
        # him to reconsider. “My job was not in jeopardy,” he said": the "he" that goes on is
        # the subject the run began with, not the person named as an object on the way
        chained = _subject_chain(ctx, pronoun, offset)
        if chained:
            return chained
    return (
        _person_nearby(ctx, pronoun, offset)
        or _subject_surname(ctx, pronoun, offset)
        or _subject_chain(ctx, pronoun, offset)
        or _only_person_in_view(ctx, pronoun, offset)
    )


def _previous_opens_with(ctx: _Context, pronoun: str, offset: int) -> bool:
    """Does the sentence before the one at ``offset`` open with ``pronoun`` ("He said …")?"""
    si = ctx.doc.sentence_index(offset)
    if si == 0:
        return False
    s0, s1 = ctx.doc.sentence_spans[si - 1]
    opening = _CHAIN_OPENING.match(ctx.doc.text, s0, s1)
    at = opening.end() if opening is not None else s0
    return bool(re.match(rf"{pronoun}\b", ctx.doc.text[at:s1], re.I))


_CHAIN_REACH = 5  # sentences back along a run of "He …" sentences to the name that began it
_CHAIN_OPENING = re.compile(
    r"[\s\"“‘'(]*(?:(?:But|And|So|Yet|Still|Now|Then|Rather|Instead|Later|Earlier|Also|Indeed|"
    r"However|Meanwhile),?\s+)?"
)


def _known_person(ctx: _Context, name: str, at: int) -> bool:
    """Does more than capitals say ``name`` is a person: a given name first ("Hillary …"), a
    speaker quoted by that name, the actor file, or a title before it ("Sen. …")? A run of
    capitals alone may be a place or a body ("Manchester Arena", "Equity Forward")."""
    if name in ctx.gender or (is_given_name(name.split()[0]) and len(name.split()) <= 4):
        return True  # ("Gerald R Ford Presidential Museum" is a building's name)
    if name in ctx.names.values() or ctx.actors.find_person(name) is not None:
        return True
    before = ctx.doc.text[max(0, at - 12) : at].split()
    return bool(before) and _is_title(before[-1].strip(","))


def _subject_chain(ctx: _Context, pronoun: str, offset: int) -> str:
    """The person a run of sentences about one subject began with: "Cruz didn't bash Trump. He
    didn't call for delegates to vote for him. There were no pleas. Rather, he asked …" is Cruz.

    Walks back from the pronoun's sentence over sentences that open with the same pronoun or
    name no person, to the first that opens with a person's name (the subject the pronouns
    continue, whoever else that sentence names as an object); stops at a sentence about someone
    else, at a quotation, after
    ``_CHAIN_REACH`` sentences or ``_PRONOUN_REACH`` paragraphs, and where gender clashes.
    """
    text = ctx.doc.text
    spans = ctx.doc.sentence_spans
    si = ctx.doc.sentence_index(offset)
    for k in range(si - 1, max(-1, si - 1 - _CHAIN_REACH), -1):
        s0, s1 = spans[k]
        if _prose_paragraphs(text, s0, offset) > _PRONOUN_REACH:
            return ""
        opening = _CHAIN_OPENING.match(text, s0, s1)
        at = opening.end() if opening is not None else s0
        head = _LEADING_ADVERBIAL.match(text[at:s1])
        if head is not None:
            at += head.end()  # "In 2015, Masuko founded …"
        if at >= s1 or text[at] in _QUOTE_MARKS or ctx.doc.in_quote(at, at + 1):
            return ""  # a quotation: who speaks there is the last speaker's business
        word = text[at : at + len(pronoun)]
        if word.lower() == pronoun and text[at : at + len(pronoun) + 1][-1:] in " ,’'":
            continue  # "He didn't call …": the same subject goes on
        people = [
            (p_at, name)
            for p_at, name in _persons_in(ctx, s0, s1)
            if not ctx.doc.in_quote(p_at, p_at + 1)
        ]
        people = [(p_at, name) for p_at, name in people if _known_person(ctx, name, p_at)]
        if people and people[0][0] < at:
            people = [(p_at, name) for p_at, name in people if p_at >= at] or people
        if people and people[0][0] == at:
            name = people[0][1]
            if _gender_clashes(ctx, name, pronoun):
                return ""
            # the sentence's subject, though it names others ("Mr. Biden has pointed to … the
            # norms established under Mr. Obama. He has labeled himself …": Biden)
            return name if " " in name else _full_name(ctx, name) or name
        m = _SUBJECT_WORD.match(text, at, s1)
        if (
            m is not None
            and _TITLE_ONLY.fullmatch(text, at, m.start(1))
            and m.group(1).lower() not in _NOT_NAMES
        ):
            full = _full_name(ctx, m.group(1))
            if full is not None:
                return "" if _gender_clashes(ctx, full, pronoun) else full
        if people:
            return ""  # a sentence about someone else: the run is broken
    return ""


_TITLE_ONLY = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?")
_SUBJECT_WORD = re.compile(
    r"[\s\"“‘']*(?:(?:But|And|So|Yet|Still|Now|Then)\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?"
    r"([A-Z][a-z]{2,})\b(?![\s-]+[A-Z])"
)


def _subject_surname(ctx: _Context, pronoun: str, offset: int) -> str:
    """The person whose lone surname opens the sentence before the pronoun or the pronoun's own
    sentence ("Barnhardt, who has taught for 25 years, remembers …" / "“…,” she says"), when
    the article names that person in full somewhere and nothing says the gender differs."""
    si = ctx.doc.sentence_index(offset)
    text = ctx.doc.text
    for k in (si, si - 1):
        if k < 0:
            break
        s0, s1 = ctx.doc.sentence_spans[k]
        if s0 >= offset:
            continue
        m = _SUBJECT_WORD.match(text, s0, min(s1, offset))
        if m is None or m.group(1).lower() in _NOT_NAMES or ctx.doc.in_quote(m.start(1), m.end(1)):
            continue
        full = _full_name(ctx, m.group(1))
        if full is None:
            continue
        return "" if _gender_clashes(ctx, full, pronoun) else full
    return ""


def _prose_paragraphs(text: str, start: int, end: int) -> int:
    """Paragraph breaks between ``start`` and ``end``, not counting the ones around lines of
    fewer than five words ("AD", a photo credit)."""
    n = 0
    for line in text[start:end].split("\n")[1:]:
        if len(line.split()) >= 5:
            n += 1
    return n


def _person_nearby(ctx: _Context, pronoun: str, offset: int) -> str:
    """The one person named in the sentence before the pronoun and its own sentence up to it
    ("… fellow Democrats like Rep. Juan Vargas is preposterous. Yesterday he tweeted …"), if
    the gender the text shows does not contradict it; "" for none or several."""
    si = ctx.doc.sentence_index(offset)
    return _the_one_person(ctx, pronoun, ctx.doc.sentence_spans[max(0, si - 1)][0], offset)


_AFTER_PREPOSITION = re.compile(r"\b(?:of|with|against|to|for|by|about|on|from|at|like)\s+$")


def _the_one_person(ctx: _Context, pronoun: str, start: int, end: int) -> str:
    """The one person (by surname) the narrator names in ``[start, end)``, if the gender the
    text shows does not contradict ``pronoun``; "" for none or several."""
    people: dict[str, str] = {}
    speaking: set[str] = set()
    text = ctx.doc.text
    for at, name in _persons_in(ctx, start, end):
        if _AFTER_PREPOSITION.search(text, max(0, at - 12), at):
            continue  # "Against a backdrop of Donald Trump engaging …, he said": not the subject
        if _gender_clashes(ctx, name, pronoun):
            continue  # "Hillary Clinton … Joe Biden …, she said": one of them is "she"
        if not _known_person(ctx, name, at):
            continue  # "Manchester Arena reopened …": capitals, not a person "he" can be
        key = name.split()[-1].lower()
        if key not in people or len(name) > len(people[key]):
            people[key] = name
        # "…, said Jessica Levinson" / "Levinson said": the one who speaks there ("of Canadian
        # Cartoonists", part of a body's name, was left out above)
        if any(
            v.strong
            for v in ctx.verbs_between(max(start, at - 12), at)
            if not text[v.end : at].strip(" ,")
        ) or any(
            v.strong
            for v in ctx.verbs_between(at, at + len(name) + 12)
            if not text[at : v.start].replace(name, "", 1).strip(" ,")
        ):
            speaking.add(key)
    if len(people) > 1 and len(speaking) == 1:
        people = {k: people[k] for k in speaking}
    if len(people) != 1:
        return ""
    name = next(iter(people.values()))
    return "" if _gender_clashes(ctx, name, pronoun) else name


def _gender_clashes(ctx: _Context, name: str, pronoun: str) -> bool:
    """Does ``name``'s gender contradict "he" or "she"? ("" never does.) What the text says
    (a title: "Ms. Woods") decides; else the given name, where it is borne almost only by women
    or only by men ("Hillary Clinton" is not "he"); else nothing clashes."""
    if not pronoun or pronoun not in ("he", "she"):
        return False
    g = ctx.gender.get(name) or given_name_gender(name)
    return bool(g and g != ("m" if pronoun == "he" else "f"))


_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+\s*(?:\([^)]*\))?\s*[—–-]+\s*")


def _opens_sentence(ctx: _Context, offset: int) -> bool:
    """Is the name at ``offset`` its sentence's subject, as far as position tells: at most
    one lower-case word before it ("On Tuesday, however, Vice President Mike Pence …",
    "SEOUL — South Korean President Moon Jae-in …")?"""
    text = ctx.doc.text
    s0 = ctx.doc.sentence_spans[ctx.doc.sentence_index(offset)][0]
    head = _DATELINE.sub("", text[s0:offset].lstrip(" \"“‘'"))
    head = _LEADING_ADVERBIAL.sub("", head)  # "In his speech, Obama did not …"
    return sum(1 for w in head.split() if w[:1].islower()) <= 1


def _only_person_in_view(ctx: _Context, pronoun: str, offset: int) -> str:
    """The one person the narrator names in this paragraph and the two before, up to
    ``offset``; "" when there are none or several."""
    start = ctx.paragraph_start(offset)
    for _ in range(_PRONOUN_REACH):
        prev = ctx.previous_paragraph(start)
        if prev is None:
            break
        start = prev[0]
    return _the_one_person(ctx, pronoun, start, offset)


def _group_antecedent(ctx: _Context, offset: int) -> tuple[str, str] | None:
    """The actor "it" or "they" most likely stands for: the first organisation the narrator
    names in the sentence before (or earlier in this one)."""
    si = ctx.doc.sentence_index(offset)
    s_start = ctx.doc.sentence_spans[si][0]
    spans = [(s_start, offset)]
    if si > 0:
        spans.insert(0, ctx.doc.sentence_spans[si - 1])
    for start, end in spans:
        narrator = ctx.outside_quotes(start, end)
        for actor, ms, me in ctx.actors.find_mentions(narrator):
            if ctx.actors.find_person(narrator[ms:me]) is None:
                return actor, narrator[ms:me]
    return None


def normalise(name: str) -> str:
    return " ".join(name.lower().replace(".", " ").split())


_DETERMINERS = re.compile(r"^(?:a|an|the|one|another|two|three|several|some|other)\s+", re.I)


def _core_description(description: str) -> str:
    """ "a Taliban spokesman" → "taliban spokesman"; "" unless at least two words remain."""
    core = _DETERMINERS.sub("", _clean(description.replace(",", " ")))
    core = " ".join(core.lower().split())
    return core if len(core.split()) >= 2 else ""
