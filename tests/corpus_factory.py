"""A generated multi-outlet corpus with planted framing differences, for report and statistics tests.

Four outlets cover the same six stories. "Tehran Daily" and "Left Ledger" call the troops'
presence an occupation; "Capital Courier" and "Right Review" a mission. Left Ledger quotes the
Taliban and writes "claimed"; Right Review uses loaded words ("disastrous", "utterly"). Texts are
built from templates with a seeded random generator, so the corpus is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

OUTLETS = {
    "tehran-daily": dict(
        name="Tehran Daily", country="Iran", ownership="state-funded", leaning="state"
    ),
    "left-ledger": dict(
        name="Left Ledger", country="United States", ownership="private", leaning="left"
    ),
    "capital-courier": dict(
        name="Capital Courier", country="United States", ownership="private", leaning="center"
    ),
    "right-review": dict(
        name="Right Review", country="United States", ownership="private", leaning="right"
    ),
}
PRESENCE = {
    "tehran-daily": "occupation",
    "left-ledger": "occupation",
    "capital-courier": "mission",
    "right-review": "mission",
}
#: four more outlets for ``make_corpus(..., wide=True)``: eight in all, as many as the page's
#: palette has colours; "Harbour Herald" and "Valley Voice" are written alike (same words, same
#: quote), so their framing profiles coincide and they share a point on the outlet map
EXTRA_OUTLETS = {
    "harbour-herald": dict(
        name="Harbour Herald", country="Canada", ownership="private", leaning="center"
    ),
    "valley-voice": dict(
        name="Valley Voice", country="Canada", ownership="private", leaning="center"
    ),
    "metro-monitor": dict(
        name="The Metropolitan Evening Monitor and Gazette",
        country="United Kingdom",
        ownership="public",
        leaning="left",
    ),
    "steppe-star": dict(
        name="Steppe Star", country="Kazakhstan", ownership="state-funded", leaning="state"
    ),
}
PRESENCE.update(
    {
        "harbour-herald": "mission",
        "valley-voice": "mission",
        "metro-monitor": "occupation",
        "steppe-star": "occupation",
    }
)

_OPENERS = {
    "occupation": [
        "The {n}-year occupation of Afghanistan came to an end as the last troops left.",
        "Foreign troops ended two decades of occupation in the country.",
        "The occupying forces withdrew from the base overnight.",
    ],
    "mission": [
        "The {n}-year mission in Afghanistan came to an end as the last troops left.",
        "NATO troops completed their mission in the country after two decades.",
        "The military deployment at the base ended overnight.",
    ],
}
_MIDDLES = [
    "Officials said the handover of the airfield went ahead without ceremony.",
    "The withdrawal of troops was agreed in talks last year.",
    "Kabul's airport remained open for evacuation flights, officials said.",
    "Thousands of people gathered near the gates of the airport on {weekday}.",
    "The Pentagon said about {k},000 people had been evacuated so far.",
]
_QUOTES = {
    "left-ledger": '"We have ended the occupation of our land," Taliban spokesman Zabihullah Mujahid claimed.',
    "tehran-daily": '"This is a historic day for our nation," said Anas Haqqani, a senior Taliban official.',
    "capital-courier": '"Our mission was to deny safe haven to terrorists," Gen. Frank McKenzie said.',
    "right-review": '"It was a disastrous and utterly chaotic exit," Senator Lindsey Graham said.',
    "harbour-herald": '"The evacuation was orderly," a Canadian official said.',
    "valley-voice": '"The evacuation was orderly," a Canadian official said.',
    "metro-monitor": '"We have ended the occupation of our land," Taliban spokesman Zabihullah Mujahid claimed.',
    "steppe-star": '"This is a historic day for our nation," said Anas Haqqani, a senior Taliban official.',
}
_LOADED = {
    "right-review": "The disastrous retreat was a massive humiliation, critics said.",
    "left-ledger": "Reportedly, the troops left before dawn.",
}


def _article(rng: random.Random, outlet: str, story: int, day: dt.date) -> tuple[str, str]:
    pole = PRESENCE[outlet]
    n = rng.choice([19, 20])
    title_word = "occupation" if pole == "occupation" else "mission"
    name = {**OUTLETS, **EXTRA_OUTLETS}[outlet]["name"]
    title = f"Story {story}: end of the {title_word} in Afghanistan ({name})"
    paragraphs = [rng.choice(_OPENERS[pole]).format(n=n)]
    middles = rng.sample(_MIDDLES, 3)
    paragraphs += [m.format(weekday=day.strftime("%A"), k=rng.randint(60, 120)) for m in middles]
    paragraphs.append(_QUOTES[outlet])
    if outlet in _LOADED and rng.random() < 0.8:
        paragraphs.append(_LOADED[outlet])
    paragraphs.append(rng.choice(_OPENERS[pole]).format(n=n))
    return title, "\n\n".join(paragraphs)


def make_corpus(
    root: Path, *, stories: int = 6, seed: int = 7, hostile: bool = False, wide: bool = False
) -> Path:
    """Write the corpus under ``root`` (outlets/ and articles/) and return ``root``.

    wide : eight outlets (:data:`OUTLETS` and :data:`EXTRA_OUTLETS`) instead of four.
    """
    rng = random.Random(seed)
    outlets = {**OUTLETS, **EXTRA_OUTLETS} if wide else OUTLETS
    for outlet_id, meta in outlets.items():
        path = root / "outlets" / f"{outlet_id}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "\n".join(f"{k} = {json.dumps(v)}" for k, v in meta.items()) + "\n", encoding="utf-8"
        )
    start = dt.date(2021, 8, 1)
    for story in range(1, stories + 1):
        day = start + dt.timedelta(days=5 * story)
        for outlet_id in outlets:
            for copy in (1, 2):
                title, body = _article(rng, outlet_id, story, day)
                if hostile and outlet_id == "right-review" and story == 1 and copy == 1:
                    title += ' <script>document.title="PWNED"</script>'
                    body += "\n\n<img src=x onerror=\"document.title='PWNED'\"> The occupation."
                meta = {
                    "outlet": outlet_id,
                    "title": title,
                    "story": f"story-{story}",
                    "url": f"https://{outlet_id}.example/{story}/{copy}",
                }
                lines = ["+++"] + [f"{k} = {json.dumps(v)}" for k, v in meta.items()]
                lines.append(f"published = {(day + dt.timedelta(days=copy - 1)).isoformat()}")
                lines.append("+++")
                path = root / "articles" / outlet_id / f"story-{story}-{copy}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("\n".join(lines) + "\n" + body + "\n", encoding="utf-8")
    return root
