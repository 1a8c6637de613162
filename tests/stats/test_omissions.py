"""Omissions: what most other outlets on a story report and one outlet's articles do not mention."""

from __future__ import annotations

import pytest

from framing.analysis import analyse
from framing.attribution import AttributionExtractor
from framing.errors import InputError
from framing.stats.omissions import article_items, omissions
from framing.types import Article

STORY = "kabul-airport-attack"
TEXTS = {
    "courier": (
        "The attack at Kabul airport killed 13 US service members and scores of Afghans. "
        '"We will hunt them down," Gen. Frank McKenzie said. '
        "The Islamic State group claimed the bombing near the Abbey Gate on Thursday."
    ),
    "herald": (
        "Thirteen soldiers died. The bombing killed 13 American service members at the "
        'airport, officials said. "The threat is real," Gen. Frank McKenzie told reporters. '
        "The Islamic State group claimed the bombing near the Abbey Gate that evening."
    ),
    "gazette": (
        "An explosion struck crowds outside Kabul airport on Thursday. "
        "Witnesses described chaos as families tried to reach the gates."
    ),
}


def _articles(texts=TEXTS, story=STORY):
    return [
        Article(id=f"{o}-1", outlet=o, title=f"Blast at airport ({o})", text=t, story=story)
        for o, t in texts.items()
    ]


@pytest.fixture(scope="module")
def analysis():
    return analyse(_articles(), extractors=[AttributionExtractor(tone=False).fit()])


def test_a_planted_death_toll_and_quoted_actor_are_listed_for_the_third_outlet(analysis):
    table = omissions(_articles(), analysis)
    gazette = table[table["outlet"] == "gazette"]
    number = gazette[gazette["kind"] == "number"]
    assert "13 US service members" in number["item"].tolist()
    row = number[number["item"] == "13 US service members"].iloc[0]
    assert row["n_others_mentioning"] == 2 and row["n_others"] == 2
    assert [o for o, _ in row["evidence"]] == ["courier", "herald"]
    assert "killed 13 US service members" in dict(row["evidence"])["courier"]
    assert row["wording"] == "not mentioned in this article"
    quoted = gazette[gazette["kind"] == "quoted"]
    general = quoted[quoted["item"].str.casefold() == "frank mckenzie"]
    assert len(general) == 1 and general.iloc[0]["wording"] == "not quoted in this article"
    assert any("Frank McKenzie" in s for _, s in general.iloc[0]["evidence"])
    names = gazette[gazette["kind"] == "name"]["item"].tolist()
    assert "Frank McKenzie" in names and "Abbey Gate" in names


def test_what_an_outlet_does_mention_is_not_listed(analysis):
    table = omissions(_articles(), analysis)
    # courier and herald each report the toll, the general and the gate: nothing of that missing
    for outlet in ("courier", "herald"):
        rows = table[table["outlet"] == outlet]
        assert not rows["item"].str.contains("McKenzie|13 ", regex=True).any()
    # "Kabul airport" is in all three: never an omission (as a name; it is in reported content)
    named = table[table["kind"].isin(["name", "organisation"])]
    assert not named["item"].str.contains("Kabul").any()


def test_content_echoed_by_the_others_is_found_by_shared_words(analysis):
    table = omissions(_articles(), analysis, kinds=["content"])
    gazette = table[table["outlet"] == "gazette"]
    assert any("Islamic State group claimed the bombing" in item for item in gazette["item"])
    assert (gazette["n_others_mentioning"] == 2).all()


def test_a_surname_alone_counts_as_a_mention():
    texts = dict(TEXTS)
    texts["gazette"] += " McKenzie gave no details."
    table = omissions(_articles(texts), kinds=["name"])
    gazette = table[table["outlet"] == "gazette"]
    assert "Frank McKenzie" not in gazette["item"].tolist()


def test_stories_with_fewer_than_three_outlets_are_not_compared():
    two = {k: TEXTS[k] for k in ("courier", "gazette")}
    table = omissions(_articles(two))
    assert table.empty and table.attrs["stories_too_few_outlets"] == 1
    with pytest.raises(InputError, match="no articles of story"):
        omissions(_articles(), story="no-such-story")


def test_items_of_a_text():
    items = article_items("Gen. Frank McKenzie said 170 Afghans died in 2021. The Pentagon agreed.")
    assert ("name", "Frank McKenzie") in [(k, i) for k, i, _ in items]
    assert ("number", "170 afghans") in [(k, i) for k, i, _ in items]
    assert not any(i.startswith("2021") for _, i, _ in items)  # a year is context


def test_the_report_lists_each_outlets_gaps_per_story_escaped(tmp_path):
    from framing.corpus import Corpus
    from framing.report.build import Report
    from tests.conftest import write_article, write_outlet

    hostile = {**TEXTS, "courier": TEXTS["courier"] + " <script>alert(1)</script> Officials left."}
    for outlet, text in hostile.items():
        write_outlet(tmp_path, outlet, name=f"The {outlet.title()}")
        write_article(tmp_path, outlet, "blast", text, story=STORY, published="2021-08-26")
    corpus = Corpus.load(tmp_path)
    report = Report(analyse(corpus, extractors=[AttributionExtractor().fit()]), corpus=corpus)
    story = report.context()["sections"]["stories"]["stories"][0]
    gazette = next(g for g in story["gaps"] if g["outlet"] == "The Gazette")
    assert gazette["wording"] == "not mentioned in this article"
    items = [(it["kind"], it["item"]) for it in gazette["items"]]
    assert ("number", "13 US service members") in items or ("quoted", "Frank McKenzie") in items
    html = report.to_html()
    assert "What most of the other outlets report" in html
    assert "<script>alert(1)" not in html
    # the page says how often a listed item was right when checked by hand
    measured = report.context()["precision"]["omissions"]["overall"]
    assert f"{measured['n']} listed items" in html and "were right" in html


@pytest.mark.parametrize(
    "wording",
    [
        "U.S. officials said the talks would go on.",
        "US officials said the talks would go on.",
        "The United States' envoy said the talks would go on.",
    ],
)
def test_a_country_written_another_common_way_counts_as_mentioned(wording):
    texts = {
        "a": "The United States said the talks with North Korea would go on.",
        "b": "The United States and North Korea will meet again in June.",
        "c": wording,
    }
    table = omissions(_articles(texts, "talks"), kinds=["name"])
    assert "United States" not in table[table["outlet"] == "c"]["item"].tolist()


def test_a_person_named_by_surname_with_a_title_counts_as_mentioned():
    texts = {
        "a": "James Comey wrote the memos in 2017.",
        "b": "The memos James Comey wrote were released.",
        "c": "Mr. Comey's closely guarded memos were sent to Congress.",
    }
    table = omissions(_articles(texts, "memos"), kinds=["name"])
    assert table[table["outlet"] == "c"].empty


def test_a_titled_person_is_a_name_and_a_cut_organisation_no_item():
    items = article_items(
        "On Tuesday, House Intelligence Chairman Devin Nunes said the memo would "
        "be released, and the House Committee on Oversight met later that week."
    )
    assert ("name", "Devin Nunes") in [(k, i) for k, i, _ in items]
    assert not [i for k, i, _ in items if i.startswith("House Intelligence")]
    assert "House Committee" not in [i for _, i, _ in items]


def test_a_voice_counts_as_given_when_a_sentence_reports_the_persons_speech():
    from framing.stats.omissions import _voiced_in

    # the attribution extractor found no quote here ({}), but the sentence reports his speech
    assert _voiced_in("frank mckenzie", {}, "Later, McKenzie told reporters it was over.")
    assert _voiced_in("frank mckenzie", {}, 'It is over, "McKenzie" wrote.')
    assert not _voiced_in("frank mckenzie", {}, "McKenzie was at the airport. Officials said so.")


def test_the_report_lists_no_reported_content():
    from framing.comparison import REPORT_OMISSION_KINDS

    assert "content" not in REPORT_OMISSION_KINDS and "name" in REPORT_OMISSION_KINDS


def test_a_date_most_others_report_is_listed_and_another_spelling_counts_as_mentioned():
    texts = {
        "a": "The last troops left on August 30, officials said.",
        "b": "The final flight left Kabul on Aug. 30.",
        "c": "The last troops left Kabul, officials said.",
        "d": "On 30 August the last plane took off.",
    }
    table = omissions(_articles(texts, "exit"), kinds=["date"])
    assert table["outlet"].tolist() == ["c"]
    assert table["item"].tolist() == ["August 30"] and table["n_others_mentioning"].tolist() == [3]
    assert [k for k, _, _ in article_items("Turnout rose 5.5% in May 2021.") if k == "date"] == []
