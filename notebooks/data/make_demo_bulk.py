"""Write the demo bulk file of notebook 3: invented articles on immigration by invented outlets.

    python notebooks/data/make_demo_bulk.py        # rewrites notebooks/data/demo_immigration.jsonl

Every outlet, person, organisation and article here is made up, from the templates below, with a
fixed seed: the same file comes out every time (tests/test_notebooks.py checks that the shipped
file is this script's output). The outlets' leanings and wording habits are set below, so what
notebook 3 finds in this file is what was put in: the file is for learning the steps of a
many-outlet comparison on any machine, not evidence about real news. For that, use a real bulk
file (the notebook's first cell says how).

The records have the fields of the Article-Bias-Prediction data set (Baly et al., 2020), so the
notebook reads both with one ColumnMap. Domains end in ".example", a name reserved for examples.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = ["DemoOutlet", "OUTLETS", "SEED", "TARGET", "build_records", "render", "main"]

SEED = 16
TARGET = Path(__file__).with_name("demo_immigration.jsonl")
TOPIC = "immigration"


@dataclass(frozen=True)
class DemoOutlet:
    name: str
    domain: str
    leaning: str  # left / center / right, as the AllSides labels in the real data
    n_articles: int
    illegal: float  # how often its own prose labels people with the "illegal" pole
    undocumented: float  # … with the "undocumented" pole (the rest: neutral wording)
    amnesty: float  # how often it calls legalisation "amnesty" (else "path to citizenship")
    republican_quotes: float  # share of quoted politicians who are Republicans
    loaded: float  # chance of a charged sentence of its own per article
    doubt_verb: float  # chance that the other side "claimed" rather than "said"


OUTLETS: tuple[DemoOutlet, ...] = (
    DemoOutlet(
        "Harbour Gazette", "harbourgazette.example", "left", 9, 0.00, 0.85, 0.00, 0.45, 0.5, 0.5
    ),
    DemoOutlet(
        "The Lantern Daily", "lanterndaily.example", "left", 8, 0.05, 0.70, 0.05, 0.40, 0.4, 0.4
    ),
    DemoOutlet(
        "Riverside Ledger", "riversideledger.example", "left", 7, 0.10, 0.55, 0.10, 0.50, 0.2, 0.2
    ),
    DemoOutlet(
        "Meridian Wire", "meridianwire.example", "center", 10, 0.20, 0.35, 0.30, 0.50, 0.0, 0.0
    ),
    DemoOutlet(
        "The Civic Record", "civicrecord.example", "center", 8, 0.25, 0.30, 0.40, 0.50, 0.1, 0.1
    ),
    DemoOutlet(
        "Plainview Times", "plainviewtimes.example", "center", 7, 0.35, 0.25, 0.45, 0.55, 0.1, 0.1
    ),
    DemoOutlet(
        "Frontier Sentinel",
        "frontiersentinel.example",
        "right",
        9,
        0.80,
        0.00,
        0.95,
        0.65,
        0.6,
        0.6,
    ),
    DemoOutlet(
        "Liberty Beacon", "libertybeacon.example", "right", 8, 0.70, 0.05, 0.85, 0.60, 0.5, 0.4
    ),
    DemoOutlet(
        "Heartland Herald", "heartlandherald.example", "right", 7, 0.55, 0.10, 0.70, 0.55, 0.3, 0.3
    ),
)

# --- the words -----------------------------------------------------------------------------------

LABELS = {
    "illegal": ["illegal immigrants", "illegal aliens", "illegal migrants", "illegal immigrants"],
    "undocumented": [
        "undocumented immigrants",
        "undocumented migrants",
        "asylum seekers",
        "undocumented immigrants",
    ],
    "neutral": ["migrants", "immigrants", "new arrivals", "people crossing the border"],
}
POLICY = {"amnesty": "amnesty", "citizenship": "a path to citizenship"}
PLACES = [
    ("Yuma", "Arizona"),
    ("Nogales", "Arizona"),
    ("El Paso", "Texas"),
    ("Laredo", "Texas"),
    ("McAllen", "Texas"),
    ("Las Cruces", "New Mexico"),
    ("San Diego", "California"),
]
AUTHORS = [
    "Jordan Avery",
    "Sam Okafor",
    "Priya Raman",
    "Leo Marchetti",
    "Ana Duarte",
    "Chris Whitlock",
    "Nadia Haddad",
    "Tom Reyes",
    "Grace Lindqvist",
    "Ben Adeyemi",
]
REPUBLICANS = [
    "Sen. Dale Hartley, R-Texas",
    "Rep. Carla Brandt, R-Ariz.",
    "Rep. Mitch Olsen, R-Fla.",
]
DEMOCRATS = ["Sen. Maria Ochoa, D-N.M.", "Rep. Daniel Kwan, D-Calif.", "Rep. Alisha Grant, D-Ill."]
#: people neither party: each with the kind of thing they say
OTHERS = [
    (
        "Lucia Ferrer, who directs the Border Families Project, an advocacy group",
        [
            "Most of the people we meet are fleeing violence, and the courts are years behind",
            "Shelters in {town} are full, and volunteers are doing work the government should do",
        ],
    ),
    (
        "Helen Park, an immigration lawyer in {town}",
        [
            "My clients wait three or four years for a hearing, and they cannot plan anything",
            "The law gives people the right to ask for asylum; the question is how fast we decide",
        ],
    ),
    (
        "Victor Salas, a migration researcher at Southwest State University",
        [
            "The numbers rise and fall with the seasons; one month tells you very little",
            "Employers in {state} depend on this labor, whatever politicians say in public",
        ],
    ),
    (
        "a Border Patrol spokesman in {town}",
        [
            "Agents apprehended more people this month than last, mostly families and young adults",
            "We process everyone we encounter, and our stations are over capacity",
        ],
    ),
]

REPUBLICAN_SAYS = [
    "We have a crisis at the border, and {policy_r} for illegal aliens will only invite more",
    "Every week we wait, thousands more illegal immigrants cross into {state}",
    "Whatever Washington calls it, legalization without a secure border is {policy_r}",
    "Open borders are not compassion; they are chaos for the towns that take the strain",
    "Secure the border first, and then we can talk about everything else",
    "The law is the law, and illegal immigration undercuts American workers",
]
DEMOCRAT_SAYS = [
    "These are families who have lived here for years, and they deserve {policy_d}",
    "Undocumented workers pick our crops and build our homes; it is time to give them {policy_d}",
    "Dreamers grew up here, and sending them away would be cruel",
    "We can secure the border and still treat asylum seekers with dignity",
    "Nobody is talking about open borders; we are talking about a working asylum system",
    "Raids that separate parents from their children do not make anyone safer",
]

#: each story: headlines, opening sentences, details (one or two are used), and last lines
STORIES = [
    {  # border arrivals
        "titles": [
            "Border arrivals rise near {town} as shelters fill",
            "{state} towns strain as more {imm} cross near {town}",
            "Crossings near {town} climb for a third month",
        ],
        "lead": [
            "Border Patrol agents recorded {n:,} crossings near {town} last month, the third "
            "monthly rise in a row.",
            "More {imm} crossed the border near {town} in the past month than at any time "
            "this year, according to federal figures.",
            "The number of {imm} crossing into {state} near {town} rose again in {month}, "
            "federal data released on Monday show.",
        ],
        "detail": [
            "Local officials in {state} said shelters were at capacity and asked for "
            "federal help to house {imm}.",
            "Most of those arriving near {town} were families, officials said, and many "
            "asked for asylum.",
            "Churches and charities in {town} have opened gyms and halls as temporary "
            "shelters for {imm}.",
            "The figures count encounters, not people: some {imm} are stopped more than once.",
        ],
        "closings": [
            "The Department of Homeland Security did not respond to a request for comment.",
            "Officials expect the numbers to fall again in the summer heat.",
        ],
    },
    {  # legalisation bill
        "titles": [
            "Senate bill would offer {policy} to millions",
            "Immigration bill splits lawmakers over {policy}",
            "Lawmakers weigh {policy} in new immigration reform",
        ],
        "lead": [
            "A bipartisan group of senators unveiled an immigration bill on Tuesday that would "
            "offer {policy} to about {m} million {imm}.",
            "The Senate opened debate on an immigration bill that pairs border funding with "
            "{policy} for {imm} who arrived as children.",
        ],
        "detail": [
            "The bill would also add {n:,} Border Patrol agents and new technology at ports "
            "of entry in {state}.",
            "Supporters say the measure could pass the Senate, but its fate in the House "
            "is uncertain.",
            "Applicants would have to pass background checks and pay fines and back taxes, "
            "under a draft seen by reporters.",
            "Business groups in {state} have lobbied for the bill, saying farms and "
            "building sites are short of workers.",
        ],
        "closings": [
            "A vote on the measure is expected next month.",
            "Immigration is likely to remain a central issue in the next election in {state}.",
        ],
    },
    {  # court ruling
        "titles": [
            "Judge blocks new asylum rule at the border",
            "Court halts asylum limits for {imm}",
        ],
        "lead": [
            "A federal judge in {state} blocked a rule on Friday that would have limited "
            "asylum claims by {imm} at the southern border.",
            "A federal court halted new limits on asylum claims on Thursday, siding with "
            "groups representing {imm} in {state}.",
        ],
        "detail": [
            "The administration said it would appeal the immigration ruling.",
            "Lawyers for the {imm} said the decision would let thousands of families stay "
            "while their cases are heard.",
            "The judge wrote that the rule conflicted with the asylum law passed by Congress.",
        ],
        "closings": [
            "The case is expected to reach the Supreme Court.",
            "The Department of Justice said it was reviewing the decision.",
        ],
    },
    {  # DACA
        "titles": [
            "Appeals court rules on DACA protections",
            "Dreamers win a reprieve in DACA case",
        ],
        "lead": [
            "An appeals court ruled on Wednesday that the government may not end DACA, the "
            "program protecting {imm} brought to the country as children, without a new review.",
            "About {n:,} Dreamers in {state} can keep their work permits for now, after an "
            "appeals court upheld DACA on Wednesday.",
        ],
        "detail": [
            "Recipients must renew their permits every two years.",
            "Many DACA recipients have lived in the country for more than two decades.",
            "The program does not offer {policy}, which only Congress can create.",
        ],
        "closings": [
            "Advocates urged Congress to settle the question with a law.",
            "The administration has not said whether it will appeal.",
        ],
    },
    {  # enforcement
        "titles": [
            "Immigration raids in {state} lead to {n:,} arrests",
            "ICE operation in {town} detains {imm}",
            "Workplace raids spread fear among {imm} in {state}",
        ],
        "lead": [
            "Immigration agents arrested {n:,} {imm} in raids at food-processing plants "
            "across {state} this week.",
            "Federal immigration officers detained {imm} at several work sites near {town} "
            "on Wednesday.",
        ],
        "detail": [
            "Officials said most of those detained had no criminal record, and some were "
            "released to care for their children.",
            "The deportation cases will go before immigration courts that already face a "
            "backlog of more than a million cases.",
            "Schools in {town} reported that dozens of children did not come to class the "
            "next day.",
        ],
        "closings": [
            "ICE said further operations were planned.",
            "The companies said they had followed federal hiring rules.",
        ],
    },
]
MONTHS = ["January", "March", "April", "May", "October", "November"]

LOADED = {
    "left": [
        "Critics called the policy cruel and inhumane, a shameful way to treat families "
        "seeking safety.",
        "For the families caught in it, the crackdown has been a devastating nightmare.",
        "The outrageous treatment of children in detention has drawn condemnation from "
        "doctors and clergy.",
    ],
    "center": ["The debate has grown heated, and both sides accuse the other of bad faith."],
    "right": [
        "The border crisis is spiralling out of control, and the open-borders radicals in "
        "Washington refuse to act.",
        "It is a disastrous policy that rewards lawbreaking and leaves border towns overwhelmed.",
        "The reckless policy has turned border towns into a staggering humanitarian mess.",
    ],
}


# --- the articles --------------------------------------------------------------------------------


def _label(rng: random.Random, outlet: DemoOutlet) -> str:
    draw = rng.random()
    pole = (
        "illegal"
        if draw < outlet.illegal
        else "undocumented"
        if draw < outlet.illegal + outlet.undocumented
        else "neutral"
    )
    return rng.choice(LABELS[pole])


def _quote(rng: random.Random, outlet: DemoOutlet, speaker: str, words: str, own_side: bool) -> str:
    verb = (
        "said"
        if own_side or rng.random() >= outlet.doubt_verb
        else rng.choice(["claimed", "insisted"])
    )
    if rng.random() < 0.5:
        return f"\u201c{words},\u201d {verb} {speaker}" + ("" if speaker.endswith(".") else ".")
    # a speaker with a description takes a comma after it ("Rep. X, R-Ariz., said: …")
    return f"{speaker}{',' if ',' in speaker else ''} {verb}: \u201c{words}.\u201d"


def _article(rng: random.Random, outlet: DemoOutlet) -> dict:
    town, state = rng.choice(PLACES)
    story = rng.choice(STORIES)
    own_policy = POLICY["amnesty"] if rng.random() < outlet.amnesty else POLICY["citizenship"]
    fill = {
        "town": town,
        "state": state,
        "n": rng.randrange(300, 9000, 10),
        "m": rng.choice([2, 3, 8, 11]),
        "month": rng.choice(MONTHS),
        "policy": own_policy,
        "policy_r": "amnesty",
        "policy_d": "a path to citizenship",
    }

    def text(template: str) -> str:
        return template.format(imm=_label(rng, outlet), **fill)

    title = text(rng.choice(story["titles"]))
    title = title[0].upper() + title[1:]
    details = rng.sample(story["detail"], rng.choice([1, 2]))
    paragraphs = [
        " ".join([text(rng.choice(story["lead"])), text(details[0])]),
        *map(text, details[1:]),
    ]
    # the politicians: one or both parties, the first chosen by the outlet's mix
    republican_first = rng.random() < outlet.republican_quotes
    for is_republican in (republican_first, not republican_first)[: rng.choice([1, 2, 2])]:
        speaker = rng.choice(REPUBLICANS if is_republican else DEMOCRATS)
        words = text(rng.choice(REPUBLICAN_SAYS if is_republican else DEMOCRAT_SAYS))
        own_side = outlet.leaning == "center" or is_republican == (outlet.leaning == "right")
        paragraphs.append(_quote(rng, outlet, speaker, words, own_side))
    if rng.random() < 0.6:
        speaker, says = rng.choice(OTHERS)
        paragraphs.append(_quote(rng, outlet, text(speaker), text(rng.choice(says)), own_side=True))
    if rng.random() < outlet.loaded:
        paragraphs.append(rng.choice(LOADED[outlet.leaning]))
    paragraphs.append(text(rng.choice(story["closings"])))
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    slug = "-".join(w.strip(",.:").lower() for w in title.split()[:6])
    return {
        "ID": "",
        "topic": TOPIC,
        "source": outlet.name,
        "source_url": f"www.{outlet.domain}",
        "url": f"https://www.{outlet.domain}/{published:%Y/%m/%d}/{slug}-{rng.randrange(10**6):06d}",
        "date": published.isoformat(),
        "authors": rng.choice(AUTHORS),
        "title": title,
        "content_original": title + "\n\n" + "\n\n".join(paragraphs),
        "bias_text": outlet.leaning,
    }


def build_records(seed: int = SEED) -> list[dict]:
    """The demo articles, in a shuffled order (as the real file's random IDs order it)."""
    rng = random.Random(seed)
    records = [_article(rng, outlet) for outlet in OUTLETS for _ in range(outlet.n_articles)]
    rng.shuffle(records)
    for number, record in enumerate(records, 1):
        record["ID"] = f"demo-{number:04d}"
    return records


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main() -> None:
    TARGET.write_text(render(build_records()), encoding="utf-8", newline="\n")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
