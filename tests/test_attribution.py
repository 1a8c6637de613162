"""Reporting verbs, the attribution extractor and its per-outlet tables on the seed corpus."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing.attribution import (
    AttributionExtractor,
    actor_tone,
    find_reporting_verbs,
    load_reporting_verbs,
    parse_reporting_verbs,
    quote_share,
    quoted_actors,
    quoted_speakers,
    speaker_verbs,
    verb_mix,
)
from framing.errors import InputError, LexiconError
from framing.features import ArticleExtractor
from framing.text import Document
from framing.types import Article

VERBS = load_reporting_verbs()
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def verbs_in(text: str) -> list[tuple[str, str]]:
    doc = Document(Article("a", "o", "", text), text)
    return [(v.lemma, v.verb_class) for v in find_reporting_verbs(doc, VERBS)]


@pytest.fixture(scope="module")
def analysis():
    return framing.analyse(framing.load_corpus(CORPUS), extractors=[AttributionExtractor().fit()])


# --- the lexicon and the verbs --------------------------------------------------------------------


def test_lexicon_classes_and_forms():
    assert VERBS.class_ids == ["neutral", "doubt", "endorsing", "assertive", "charged"]
    lemma_class = VERBS.lemma_class
    assert [
        lemma_class[v]
        for v in (
            "say",
            "tell",
            "according to",
            "claim",
            "allege",
            "insist",
            "confirm",
            "reveal",
            "acknowledge",
            "note",
            "assert",
            "declare",
            "vow",
            "slam",
            "blast",
        )
    ] == [
        "neutral",
        "neutral",
        "neutral",
        "doubt",
        "doubt",
        "doubt",
        "endorsing",
        "endorsing",
        "endorsing",
        "endorsing",
        "assertive",
        "assertive",
        "assertive",
        "charged",
        "charged",
    ]
    forms = VERBS.to_frame()
    blast = set(forms.loc[forms["lemma"] == "blast", "form"])
    assert blast == {"blasted", "blasting"}  # "blasts" is the noun of the Kabul airport attack
    assert {"said", "says", "saying"} <= set(forms.loc[forms["lemma"] == "say", "form"])


def test_verbs_outside_quotes_only():
    assert verbs_in('"We maintained that they claimed it," he insisted.') == [("insist", "doubt")]


def test_nouns_and_adjectives_are_not_verbs():
    assert (
        verbs_in(
            "The deadly blasts killed 13; his claims and the alleged plot were dropped. "
            "There were 40 confirmed cases."
        )
        == []
    )
    assert verbs_in("Critics blasted the plan. Officials confirmed 40 deaths.") == [
        ("blast", "charged"),
        ("confirm", "endorsing"),
    ]


def test_in_speech_verbs_need_a_report_of_speech():
    assert verbs_in("The army added troops. The survey found gaps.") == []
    assert verbs_in(
        "The plan will fail, he added. She noted that it was late. "
        "The survey found that 40% agreed."
    ) == [("add", "neutral"), ("note", "endorsing"), ("find", "endorsing")]


def test_lexicon_errors(tmp_path):
    def error_of(raw):
        with pytest.raises(LexiconError) as info:
            parse_reporting_verbs(raw, "verbs.toml")
        return str(info.value)

    assert "no [[class]] tables" in error_of('not_after = ["the"]\n')
    message = error_of(
        '[[class]]\nid = "a"\nverbs = ["say"]\n[[class]]\nid = "b"\nverbs = ["said"]\n'
    )
    assert "'said'" in message and "both 'a' and 'b'" in message and "verbs.toml:5" in message
    assert "needs a lemma and its forms" in error_of('[[class]]\nid = "a"\nverbs = ["blast:"]\n')
    assert "has no verbs" in error_of('[[class]]\nid = "a"\n')
    assert "defined twice" in error_of(
        '[[class]]\nid = "a"\nverbs = ["x"]\n[[class]]\nid = "a"\nverbs = ["y"]\n'
    )
    assert "not valid TOML" in error_of("[[class]\n")
    with pytest.raises(LexiconError, match="reporting-verb file not found"):
        load_reporting_verbs(tmp_path / "nope.toml")


# --- the extractor ---------------------------------------------------------------------------------


def test_extractor_contract():
    ex = AttributionExtractor(tone=False)
    assert isinstance(ex, ArticleExtractor)
    assert ex.get_params() == {"actors": None, "tone": False, "verbs": None}
    names = list(ex.fit().get_feature_names_out())
    assert "verb:doubt" in names and "verb_term:according to" in names
    assert "actor_words:taliban" in names and not any(n.startswith("tone_") for n in names)
    X = ex.transform(['"We are out," Gen. Frank McKenzie said.', "Nothing was said."])
    assert X.shape == (2, len(names))
    assert X[0, names.index("actor_words:us-government")] == 3
    assert X[1, names.index("verb:neutral")] == 1 and X[1, names.index("quotes:direct")] == 0


def test_extraction_values_hits_and_records(bundled_corpus):
    article = next(a for a in framing.load_corpus(bundled_corpus) if a.outlet == "press-tv")
    extraction = AttributionExtractor().fit().extract(Document.from_article(article))
    values = extraction.values
    assert values["verb:neutral"] == 5 and values["verb:assertive"] == 4
    assert values["quotes:direct"] == 9 and values["quotes:indirect"] == 2
    assert values["actor_quotes:us-government"] == 7
    assert (
        values["quoted_words"]
        == values["actor_words:us-government"] + values["actor_words:taliban"]
    )
    # tone: counts and sums, so they pool; the sentences behind them are the ones naming the actor
    assert (
        values["tone_n:taliban"] > 0
        and -1 <= values["tone_sum:taliban"] / values["tone_n:taliban"] <= 1
    )
    asserted = [h for h in extraction.hits if h.term == "assert"]
    assert [(h.feature, h.label, h.matched, h.in_quote) for h in asserted] == [
        ("attribution", "assertive", "asserted", False)
    ]
    assert asserted[0].sentence[asserted[0].start : asserted[0].end] == "asserted"
    record = extraction.records[0]
    assert set(record) == {
        "kind",
        "speaker",
        "speaker_description",
        "actor",
        "verb",
        "verb_class",
        "text",
        "n_words",
        "sentence_index",
        "sentence",
        "speaker_by",
        "actor_by",
        "attributed_by",
    }
    assert record["sentence"].startswith("“I believe")


# --- the tables on the seed corpus ----------------------------------------------------------------


def test_verb_mix_per_outlet(analysis):
    mix = verb_mix(analysis, level="verb")
    got = {(r.outlet, r.verb): r.count for r in mix.itertuples()}
    assert got == {
        ("press-tv", "say"): 5,
        ("press-tv", "assert"): 1,
        ("press-tv", "condemn"): 1,
        ("press-tv", "urge"): 1,
        ("press-tv", "vow"): 1,
        ("latin-times", "say"): 2,
        ("latin-times", "tell"): 1,
        ("latin-times", "describe"): 1,
        ("latin-times", "confirm"): 2,
    }
    classes = verb_mix(analysis).set_index(["outlet", "verb_class"])
    assert classes.loc[("press-tv", "assertive"), "count"] == 4
    assert classes.loc[("press-tv", "assertive"), "share"] == pytest.approx(4 / 9)
    assert classes.loc[("latin-times", "endorsing"), "count"] == 2
    assert classes.loc[("latin-times", "endorsing"), "verbs"] == "confirm ×2"
    assert classes.loc[("latin-times", "doubt"), "count"] == 0  # every class has a row
    assert len(classes) == 2 * 5


def test_speaker_verbs(analysis):
    table = speaker_verbs(analysis)
    mckenzie = table[table["speaker"] == "Frank McKenzie"].set_index("verb")
    assert mckenzie.loc["assert", "n"] == 1 and mckenzie.loc["say", "n"] == 2
    assert mckenzie.loc["assert", "share"] == pytest.approx(1 / 3)
    assert (mckenzie["actor"] == "us-government").all()
    confirmers = table[table["verb"] == "confirm"]
    assert sorted(confirmers["speaker"]) == ["A U.S. defense official", "Two U.S. sources"]


def test_quoted_actors_and_shares(analysis):
    table = quoted_actors(analysis).set_index(["outlet", "actor"])
    assert table.loc[("press-tv", "us-government"), "n_direct"] == 7
    assert (
        table.loc[("press-tv", "us-government"), "speakers"]
        == "Frank McKenzie (5), Linda Thomas-Greenfield (2)"
    )
    assert table.loc[("latin-times", "taliban"), "n_quotes"] == 4
    assert table.loc[("latin-times", "us-government"), "quoted_words"] == 0  # indirect only
    shares = quote_share(analysis).set_index("outlet")
    words = analysis.articles.set_index("outlet")["n_words"]
    assert shares.loc["press-tv", "quoted_words"] == 257
    assert shares.loc["latin-times", "quoted_words"] == 112
    for outlet in ("press-tv", "latin-times"):
        assert shares.loc[outlet, "quote_share"] == pytest.approx(
            shares.loc[outlet, "quoted_words"] / words[outlet]
        )
    # Press TV's article is about half quotation, Latin Times's about a fifth
    assert (
        shares.loc["press-tv", "quote_share"]
        > 0.45
        > 0.25
        > shares.loc["latin-times", "quote_share"]
        > 0.15
    )
    assert table.loc[("press-tv", "us-government"), "share_of_quotes"] == pytest.approx(218 / 257)
    speakers = quoted_speakers(analysis)
    assert speakers.loc[speakers["speaker"] == "Zabihullah Mujahid", "n_quotes"].tolist() == [4]


def test_actor_tone_table(analysis):
    tone = actor_tone(analysis)
    assert list(tone.columns) == [
        "outlet",
        "actor",
        "actor_label",
        "kind",
        "n_sentences",
        "mean_tone",
        "sd",
        "se",
        "tone_sum",
        "n_articles",
    ]
    # one row per outlet for every actor mentioned anywhere
    assert len(tone) == 2 * tone["actor"].nunique()
    assert {"taliban", "us-government", "nato"} <= set(tone["actor"])
    rows = tone.set_index(["outlet", "actor"])
    assert rows.loc[("press-tv", "afghan-government"), "n_sentences"] == 0
    assert np.isnan(rows.loc[("press-tv", "afghan-government"), "mean_tone"])
    taliban = rows.loc[("latin-times", "taliban")]
    assert taliban["n_sentences"] > 0
    assert taliban["mean_tone"] == pytest.approx(taliban["tone_sum"] / taliban["n_sentences"])


def test_tables_group_by_outlet_metadata(analysis):
    mix = verb_mix(analysis, by="ownership")
    assert set(mix["ownership"]) == {"state-funded", "private"}
    assert set(quoted_actors(analysis, by="ownership")["ownership"]) == {"state-funded", "private"}
    with pytest.raises(InputError):
        verb_mix(analysis, by="no-such-field")
    with pytest.raises(InputError, match="level"):
        verb_mix(analysis, level="word")


def test_tables_need_the_extractor():
    bare = framing.analyse([Article("x", "o", "t", "Nothing.")], extractors=[])
    with pytest.raises(InputError, match="attribution extractor"):
        verb_mix(bare)


def test_empty_analysis_gives_empty_tables():
    a = framing.analyse(
        [Article("x", "o", "t", "No speech here.")], extractors=[AttributionExtractor().fit()]
    )
    assert speaker_verbs(a).empty and quoted_actors(a).empty and actor_tone(a).empty
    assert quote_share(a)["quoted_words"].tolist() == [0]
    assert isinstance(verb_mix(a), pd.DataFrame) and verb_mix(a)["count"].sum() == 0


# Tone toward an actor, worked out by hand. Each sentence below has at most one or two words in
# VADER's lexicon, and its compound score is VADER's normalisation of their summed valence v:
# v / sqrt(v² + 15), rounded to 4 places (vaderSentiment's polarity_scores gives the same):
#   "promised" 1.5 + "peaceful" 2.2 = 3.7 → +0.6908   "success" 2.7 → +0.5719
#   "accusations" −1.3 → −0.3182   "terrible" −2.1 → −0.4767   "fighters" −0.2 → −0.0516
#   "attacked" −2.0 → −0.4588   "withdrawal" 0.1 → +0.0258   "thanked" 1.9 → +0.4404
#   "celebrated" 2.7 → +0.5719
# ("defended", "met", "traded" and the names are not in the lexicon.)
TONE_ARTICLES = [
    Article(
        "daily-1",
        "daily",
        "Handover",
        "The Taliban promised a peaceful transition. "  # taliban         +0.6908
        "The Pentagon called the evacuation a success. "  # us-government   +0.5719
        "The Taliban and the Pentagon traded accusations. "  # both            −0.3182
        "The weather was terrible. "  # no actor        (−0.4767)
        "Taliban fighters met Taliban elders in Kandahar.",
    ),  # taliban, twice  −0.0516
    Article(
        "daily-2",
        "daily",
        "Checkpoint",
        "The Taliban attacked a checkpoint. "  # taliban         −0.4588
        "Biden defended the withdrawal.",
    ),  # us-government   +0.0258
    Article(
        "courier-1",
        "courier",
        "Kabul",
        "NATO thanked the soldiers. "  # nato            +0.4404
        "The Taliban celebrated in Kabul.",
    ),  # taliban         +0.5719
]


def test_actor_tone_on_sentences_scored_by_hand():
    # A sentence counts once for every actor it names, however often it names each: the
    # Taliban-and-Pentagon sentence is in both actors' tone, the sentence naming the Taliban twice
    # once; a sentence naming no actor in none. Per outlet, n is the number of such sentences,
    # tone_sum their scores' sum, mean_tone = tone_sum / n, sd the sample standard deviation
    # (n − 1), se = sd / sqrt(n), n_articles the articles with at least one.
    analysis = framing.analyse(TONE_ARTICLES, extractors=[AttributionExtractor().fit()])
    tone_n = analysis.values.filter(like=":tone_n:")
    per_article = [
        {column.rsplit(":", 1)[1]: n for column, n in row.items() if n}
        for _, row in tone_n.iterrows()
    ]
    assert per_article == [
        {"taliban": 3, "us-government": 2},
        {"taliban": 1, "us-government": 1},
        {"nato": 1, "taliban": 1},
    ]
    rows = actor_tone(analysis).set_index(["outlet", "actor"])
    got = {
        key: tuple(
            rows.loc[key, ["n_sentences", "tone_sum", "mean_tone", "sd", "se", "n_articles"]]
        )
        for key in rows.index
    }
    nan = float("nan")
    expected = {
        # daily, Taliban: +0.6908 − 0.3182 − 0.0516 − 0.4588 = −0.1378 over 4 sentences, mean
        # −0.03445; squared deviations 0.72525² + 0.28375² + 0.01715² + 0.42435² = 0.78686867,
        # / 3 → sd 0.512142, se 0.512142 / 2 = 0.256071
        ("daily", "taliban"): (4, -0.1378, -0.03445, 0.512142, 0.256071, 2),
        # daily, US government: +0.5719 − 0.3182 + 0.0258 = 0.2795 over 3, mean 0.093167;
        # 0.478733² + 0.411367² + 0.067367² = 0.402946, / 2 → sd 0.448858, se / sqrt(3) 0.259148
        ("daily", "us-government"): (3, 0.2795, 0.093167, 0.448858, 0.259148, 2),
        ("daily", "nato"): (0, 0.0, nan, nan, nan, 0),
        # courier: one sentence each, so no spread
        ("courier", "taliban"): (1, 0.5719, 0.5719, nan, nan, 1),
        ("courier", "nato"): (1, 0.4404, 0.4404, nan, nan, 1),
        ("courier", "us-government"): (0, 0.0, nan, nan, nan, 0),
    }
    assert got.keys() == expected.keys()
    for key, values in expected.items():
        assert got[key] == pytest.approx(values, abs=5e-7, nan_ok=True), key
