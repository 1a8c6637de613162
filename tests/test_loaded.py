"""Loaded language: lexicon, sentence scores, the extractor, aggregation and the BABE check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

import framing
from framing.errors import InputError, LexiconError
from framing.loaded import (
    LOADED_CATEGORIES,
    MAX_CHARS,
    LoadedLanguage,
    LoadedLexicon,
    load_loaded_lexicon,
    loaded_profile,
    parse_loaded_lexicon,
    score_sentences,
    summarise_loaded,
    top_loaded_sentences,
)
from framing.text import Document, split_sentences
from framing.types import Article


@pytest.fixture(scope="module")
def seed_analysis():
    return framing.analyse(
        framing.load_corpus("corpus"), extractors=[LoadedLanguage().fit()], evidence_per_cell=None
    )


def _hits(analysis, outlet, label=None):
    h = analysis.hits
    h = h[(h.outlet == outlet) & (h.feature == "loaded")]
    return h if label is None else h[h.label == label]


# --- the seed corpus, pinned ------------------------------------------------------------------


def test_press_tv_heartbreak_is_emotive_and_quoted(seed_analysis):
    hit = _hits(seed_analysis, "press-tv", "emotive").set_index("matched").loc["heartbreak"]
    assert hit.sentence.startswith("“There’s a lot of heartbreak associated with this departure.")
    assert bool(hit.in_quote)  # McKenzie's words, not Press TV's
    assert hit.sentence[hit.start : hit.end] == "heartbreak"


def test_press_tv_reportedly_is_a_hedge_in_its_own_voice(seed_analysis):
    hit = _hits(seed_analysis, "press-tv", "hedge").set_index("matched").loc["reportedly"]
    assert hit.sentence == (
        "The US and its allies have reportedly evacuated over 123,000 people since the end of July."
    )
    assert not bool(hit.in_quote)


def test_press_tv_taliban_made_history_is_the_talibans_words_not_scare_quotes(seed_analysis):
    # the subheading "Taliban 'made history'" quotes Haqqani ("We made history again"): a quoted
    # phrase is somebody's words, so Press TV distances itself from no word here
    assert _hits(seed_analysis, "press-tv", "scare_quote").empty


def test_latin_times_horrific_and_massive(seed_analysis):
    emotive = _hits(seed_analysis, "latin-times", "emotive").set_index("matched")
    assert emotive.loc["horrific"].sentence.startswith(
        "As part of an emergency response to the horrific 11 September 2001 assaults"
    )
    massive = _hits(seed_analysis, "latin-times", "intensifier").set_index("matched").loc["massive"]
    assert massive.sentence.startswith("The massive facility of the airbase")


def test_attributed_short_quote_is_not_a_scare_quote(seed_analysis):
    # 'described by a Taliban spokesman as a "positive step."' quotes a source, with attribution
    assert _hits(seed_analysis, "latin-times", "scare_quote").empty


def test_every_hit_points_at_its_words(seed_analysis):
    h = seed_analysis.hits
    assert len(h) > 10
    for row in h.itertuples():
        assert row.sentence[row.start : row.end] == row.matched


def test_no_page_furniture_or_event_words_are_flagged(seed_analysis):
    matched = set(seed_analysis.hits.matched.str.lower())
    assert not matched & {"killed", "blasts", "deadly", "war", "occupation", "withdrawal"}


# --- score_sentences ----------------------------------------------------------------------------


def test_score_sentences_shape_order_and_columns():
    texts = [
        "The council met on Tuesday.",
        "The regime's brutal, utterly shameful crackdown was a horrific disgrace.",
        "Officials reportedly disagreed.",
    ]
    df = score_sentences(texts)
    assert len(df) == 3 and list(df.index) == [0, 1, 2]
    for column in (
        "loaded",
        "lexical",
        "emotion",
        "sentiment",
        "n_tokens",
        "terms",
        *LOADED_CATEGORIES,
    ):
        assert column in df
    assert df.loaded.dtype == float
    assert df.loaded[1] > df.loaded[2] > df.loaded[0] == 0
    assert df.loc[1, "label"] == 1 and df.loc[1, "emotive"] >= 3
    assert df.loc[2, "terms"] == ["reportedly"]
    # order is kept: reversing the input reverses the output
    rev = score_sentences(texts[::-1])
    assert rev.loaded.tolist() == df.loaded.tolist()[::-1]


def test_score_is_the_documented_formula():
    lexicon = load_loaded_lexicon()
    df = score_sentences(
        [
            "A brutal, massive and utterly absurd plan, critics claimed.",
            "Hopes rose; sadly the talks collapsed in chaos.",
        ],
        lexicon=lexicon,
    )
    weights = pd.Series({c.id: c.weight for c in lexicon})
    lexical = df[list(weights.index)].to_numpy() @ weights.to_numpy()
    assert np.allclose(df.lexical, lexical)
    expected = (
        (df.lexical + df.emotion) * lexicon.per_words / np.maximum(df.n_tokens, lexicon.min_words)
    )
    assert np.allclose(df.loaded, expected)
    assert (df.emotion > 0).all()


def test_series_index_is_kept():
    s = pd.Series(["A horrific day.", "Rain."], index=["a", "b"])
    assert list(score_sentences(s).index) == ["a", "b"]


def test_empty_and_blank_strings_score_zero():
    df = score_sentences(["", "   ", "\n"])
    assert (df.loaded == 0).all() and (df.n_tokens == 0).all()
    assert df.terms.tolist() == [[], [], []]


@pytest.mark.parametrize(
    "bad, what", [(None, "NoneType"), (3, "int"), (float("nan"), "NaN"), (b"bytes", "bytes")]
)
def test_non_strings_are_refused_naming_the_item(bad, what):
    with pytest.raises(InputError, match=rf"item 2 .*{what}") as info:
        score_sentences(["fine", "also fine", bad])
    assert "\n" not in str(info.value)


def test_one_string_instead_of_a_list_is_refused():
    with pytest.raises(InputError, match="not one string"):
        score_sentences("A horrific day.")


def test_a_huge_string_gets_a_defined_result():
    text = ("The horrific plan was utterly absurd. " * 30_000)[:1_000_000]  # 1 MB
    df = score_sentences([text])  # (its speed is benchmarks/extraction_throughput.py's to measure)
    assert df.loc[0, "emotive"] >= 50_000 and np.isfinite(df.loc[0, "loaded"])


def test_an_absurdly_huge_string_is_refused():
    with pytest.raises(InputError, match="item 0 has 10,000,001 characters"):
        score_sentences(["x" * (MAX_CHARS + 1)])


@pytest.mark.parametrize(
    "text", ['He said "this is horrific', "the 'so-called plan", "”", "'", "“ ” ‘ ’", '""', "''"]
)
def test_unbalanced_quote_marks_are_fine(text):
    df = score_sentences([text])
    assert df.loc[0, "scare_quote"] <= 1 and np.isfinite(df.loc[0, "loaded"])


def test_unbalanced_quotes_never_make_scare_quotes():
    df = score_sentences(['The "peace deal was signed', "The 'peace deal was signed"])
    assert (df.scare_quote == 0).all()


# --- scare quotes -------------------------------------------------------------------------------


def test_the_builtin_lexicon_counts_scare_quote_cues_not_lone_quoted_words():
    # a lone quoted word was a distancing quote in about half of the hand-checked hits, and
    # "so-called" (8 of 21) and "self-described" (1 of 10) were mostly not distancing
    df = score_sentences(
        [
            'The "experts" did nothing for the villages.',
            'The so-called "payroll tax" would fund it.',
            "Sanders, a self-described democratic socialist, spoke.",
            "The self-styled experts disagreed.",  # a cue that needs no quotes
        ]
    )
    assert df.scare_quote.tolist() == [0, 0, 0, 1]


def test_quoted_words_only_on_the_scare_quote_category():
    from framing.loaded import parse_loaded_lexicon

    with pytest.raises(LexiconError, match="only the scare_quote category") as info:
        parse_loaded_lexicon(
            '[[category]]\nid = "hedge"\nweight = 1\nterms = ["perhaps"]\nquoted_words = true\n'
        )
    assert info.value.line == 5


def test_scare_quotes_found_from_the_text(quoted_words_lexicon):
    df = score_sentences(
        [
            'The "experts" did nothing for the villages.',  # double quotes
            "The ‘reforms’ changed nothing.",  # curly single quotes
            'The so-called "peace deal" did nothing.',  # cue and quote: one hit
            "The self-styled experts disagreed.",  # a cue that needs no quotes
        ],
        lexicon=quoted_words_lexicon,
    )
    assert df.scare_quote.tolist() == [1, 1, 1, 1]
    assert df.terms[2] == ['so-called "peace deal"']


def test_not_scare_quotes(quoted_words_lexicon):
    df = score_sentences(
        [
            'He called the deal "a disaster for everyone involved here."',  # long quotation
            'The deal was "a disaster," he said.',  # attributed
            'She watches "Jeopardy" every night.',  # a title
            "The Taliban's fighters didn't stop.",  # apostrophes
            "They played rock 'n' roll.",
            '"Disaster."',  # the whole sentence
            'The "peace deal" did nothing for the villages.',  # a phrase: mostly somebody's words
            "The so-called sequester cut spending.",  # "so-called" alone: "known as"
            'Rush Limbaugh found the hearing "frustrating."',  # closes on its own punctuation
        ],
        lexicon=quoted_words_lexicon,
    )
    assert df.scare_quote.tolist() == [0] * 9


# --- the lexicon file ---------------------------------------------------------------------------


def test_builtin_lexicon_has_the_required_categories():
    lexicon = load_loaded_lexicon()
    assert isinstance(lexicon, LoadedLexicon)
    assert lexicon.ids == LOADED_CATEGORIES
    for example, category in [
        ("horrific", "emotive"),
        ("brutal", "emotive"),
        ("heartbreak", "emotive"),
        ("massive", "intensifier"),
        ("utterly", "intensifier"),
        ("regime", "label"),
        ("puppet", "label"),
        ("thug", "label"),
        ("reportedly", "hedge"),
        ("apparently", "hedge"),
        ("clearly", "certainty"),
        ("undeniably", "certainty"),
        ("claimed", "doubt_attribution"),
        ("acknowledged", "endorse_attribution"),
    ]:
        assert score_sentences([f"It was {example}."]).loc[0, category] == 1, example
    frame = lexicon.to_frame()
    assert set(frame.category) == set(LOADED_CATEGORIES) and len(frame) > 1000


def _write(tmp_path, text):
    path = tmp_path / "loaded.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = '[[category]]\nid = "hedge"\nweight = 0.5\nterms = ["reportedly"]\n'


@pytest.mark.parametrize(
    "text, message, line",
    [
        (
            '[[category]]\nid = "hedge"\nweight = = 0.5\nterms = ["reportedly"]\n',
            "not valid TOML",
            3,
        ),
        ('[[category]]\nid = "hedge"\nterms = ["reportedly"]\n', "has no weight", 2),
        ('[[category]]\nid = "hedge"\nweight = "high"\nterms = ["reportedly"]\n', "a number", 3),
        (GOOD + GOOD.replace('"reportedly"', '"allegedly"'), "defined twice", 6),
        (
            GOOD + '[[category]]\nid = "doubt"\nweight = 1\nterms = ["claim", "reportedly"]\n',
            "'reportedly' .* both 'hedge' and 'doubt'",
            8,
        ),
        (
            '[[category]]\nid = "hedge"\nweight = 1\nterms = ["reportedly", "!!!"]\n',
            "no letters",
            4,
        ),
        ('[[category]]\nid = "Hedge Words"\nweight = 1\nterms = ["reportedly"]\n', "lower-case", 2),
        ("[score]\nper_word = 20\n" + GOOD, "unknown setting 'per_word'", 2),
        ("[score]\nper_words = 0\n" + GOOD, "greater than 0", 2),
        ('title = "x"\n' + GOOD, "unknown table 'title'", 1),
        ('[exclude]\nterms = ["reportedly"]\n' + GOOD, "also a term of 'hedge'", 2),
        ("", r"no \[\[category\]\]", None),
    ],
)
def test_lexicon_errors_name_file_line_and_problem(tmp_path, text, message, line):
    path = _write(tmp_path, text)
    with pytest.raises(LexiconError, match=message) as info:
        load_loaded_lexicon(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert "\n" not in str(info.value)


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_loaded_lexicon(tmp_path / "nope.toml")


def test_a_custom_lexicon_with_its_own_category(tmp_path):
    path = _write(
        tmp_path,
        GOOD + '[[category]]\nid = "sports_cliche"\nweight = 2\n'
        'terms = ["game changer", "=giant killers"]\n',
    )
    lexicon = load_loaded_lexicon(path)
    df = score_sentences(["Reportedly the game changers were giant killers."], lexicon=lexicon)
    assert df.loc[0, "sports_cliche"] == 2 and df.loc[0, "hedge"] == 1
    assert df.loc[0, "lexical"] == pytest.approx(4.5)
    ll = LoadedLanguage(lexicon=str(path)).fit()
    assert "sports_cliche:own" in ll.get_feature_names_out()


def test_exclude_phrases_mask_terms():
    df = score_sentences(
        ["The group claimed responsibility for the attack.", "The group claimed it was innocent."]
    )
    assert df.doubt_attribution.tolist() == [0, 1]


def test_inflections_and_exact_terms():
    df = score_sentences(
        ["Critics slammed the regimes.", "A bomb blast shook the city.", "He blasted the plan."]
    )
    assert df.emotive.tolist() == [1, 0, 1]  # "=blasted" is exact: a blast is an explosion
    assert df.label[0] == 1


def test_parse_defaults():
    lexicon = parse_loaded_lexicon(GOOD)
    assert (lexicon.per_words, lexicon.min_words, lexicon.emotion_weight) == (20.0, 10.0, 0.5)


# --- the extractor ------------------------------------------------------------------------------


def test_extractor_contract_and_pipeline():
    ll = LoadedLanguage()
    assert ll.name == "loaded"
    names = list(ll.fit().get_feature_names_out())
    for c in LOADED_CATEGORIES:
        assert c in names and f"{c}:own" in names
    docs = [
        "A horrific, brutal and utterly shameful regime. It was a disgrace.",
        "The committee met on Tuesday and approved the budget.",
    ] * 4
    X = LoadedLanguage().fit().transform(docs)
    assert X.shape == (8, len(names))
    pipe = Pipeline([("loaded", LoadedLanguage()), ("clf", LogisticRegression())])
    pipe.fit(docs, [1, 0] * 4)
    assert pipe.predict(docs).tolist() == [1, 0] * 4
    assert clone(LoadedLanguage(lexicon=None)).get_params() == {"lexicon": None}


def test_extract_counts_own_voice_and_quotes():
    text = (
        'Critics called it a brutal regime. "It is a horrific, shameful regime," one said. '
        "The plan was reportedly drafted."
    )
    doc = Document.from_article(Article(id="a1", outlet="x", title="", text=text))
    ex = LoadedLanguage().fit().extract(doc)
    v = ex.values
    assert v["label"] == 2 and v["label:own"] == 1
    assert v["emotive"] == 3 and v["emotive:own"] == 1
    assert v["hedge"] == v["hedge:own"] == 1
    assert {h.label for h in ex.hits} == {"label", "emotive", "hedge"}
    assert all(h.feature == "loaded" and h.article_id == "a1" for h in ex.hits)
    assert [h.sentence_index for h in ex.hits if h.matched == "reportedly"] == [2]


def test_extractor_sentence_scores_match_score_sentences():
    text = (
        "A horrific and brutal crackdown. The council met on Tuesday. Officials reportedly "
        "clearly knew. It was an utterly absurd, shameful plan!"
    )
    doc = Document.from_article(Article(id="a", outlet="x", title="", text=text))
    values = LoadedLanguage().fit().extract(doc).values
    sentences = [text[s:e] for s, e in split_sentences(text)]
    df = score_sentences(sentences)
    assert values["loaded_sum"] == pytest.approx(df.loaded.sum())
    assert values["sentiment_sum"] == pytest.approx(df.sentiment.sum())
    assert values["n_sentences_loaded"] == (df.loaded >= 1.0).sum()
    assert values["neg_sentences"] == (df.sentiment <= -0.05).sum()
    for c in LOADED_CATEGORIES:
        assert values[c] == df[c].sum()


# --- aggregation --------------------------------------------------------------------------------


def test_summarise_loaded_rates(seed_analysis):
    table = summarise_loaded(seed_analysis)
    assert set(table.outlet) == {"press-tv", "latin-times"}
    assert set(table.category) == set(LOADED_CATEGORIES)
    hits = seed_analysis.hits
    for row in table.itertuples():
        n = ((hits.outlet == row.outlet) & (hits.label == row.category)).sum()
        assert row.count == n  # evidence_per_cell=None keeps every hit
        assert row.own_voice + row.quoted == row.count
        assert row.rate_per_1k == pytest.approx(1000 * row.count / row.n_words)
        assert row.rate_per_sentence == pytest.approx(row.count / row.n_sentences)
    press = table[(table.outlet == "press-tv") & (table.category == "emotive")].iloc[0]
    assert press["count"] >= 1 and press["own_voice"] == 0  # Press TV's emotive words are quotes


def test_summarise_by_another_grouping(seed_analysis):
    table = summarise_loaded(seed_analysis, by="country")
    assert "country" in table and len(table) == len(LOADED_CATEGORIES) * table.country.nunique()


def test_loaded_profile(seed_analysis):
    p = loaded_profile(seed_analysis).set_index("outlet")
    assert set(p.index) == {"press-tv", "latin-times"}
    assert ((p.share_loaded >= 0) & (p.share_loaded <= 1)).all()
    assert (p.share_negative + p.share_positive <= 1).all()


def test_top_loaded_sentences(seed_analysis):
    top = top_loaded_sentences(seed_analysis, n=2)
    assert top.groupby("outlet").size().max() <= 2
    for _outlet, group in top.groupby("outlet"):
        assert group.loaded.is_monotonic_decreasing
    own = top_loaded_sentences(seed_analysis, n=10, own_voice=True)
    assert (own.own_voice > 0).all()
    # Press TV's own-voice loaded sentences: its "reportedly" hedge is among them
    assert any("reportedly evacuated" in t for t in own[own.outlet == "press-tv"].sentence)


def test_summaries_need_the_extractor():
    a = framing.analyse(framing.load_corpus("corpus"), extractors=[framing.AxisCounter().fit()])
    with pytest.raises(InputError, match="without the loaded-language extractor"):
        summarise_loaded(a)


# --- validation on labels nobody here wrote -----------------------------------------------------


def test_babe_roc_auc_floor(shared_data):
    """BABE (Spinde et al. 2021) expert labels: measured ROC-AUC 0.766; floor with margin 0.74."""
    from sklearn.metrics import roc_auc_score

    path = shared_data / "babe" / "final_labels_SG2.csv"
    if not path.is_file():
        pytest.skip(f"needs {path}")
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    frame = frame[frame.label_bias.isin(["Biased", "Non-biased"])]
    scores = score_sentences(frame.text.tolist())
    y = frame.label_bias.eq("Biased").to_numpy()
    assert roc_auc_score(y, scores.loaded) >= 0.74
    # it generalises: no outlet with enough of both labels falls to chance
    for outlet, idx in frame.reset_index(drop=True).groupby("outlet").indices.items():
        if y[idx].sum() >= 10 and (~y[idx]).sum() >= 10:
            assert roc_auc_score(y[idx], scores.loaded.to_numpy()[idx]) >= 0.6, outlet


def test_words_mentioned_rather_than_distanced_are_not_scare_quotes(quoted_words_lexicon):
    df = score_sentences(
        [
            "The idea of a divine Nemesis (“reckoning”) was well known.",  # a gloss
            "We ask whether Kavanaugh believes something “can’t” happen.",  # a function word
            'The question is whether "electorate" or "voters" is the word.',  # quoted alternatives
            '[embedtweet id="394907027991846912"] The vote failed.',  # an embed code
            'The "reforms" have left the city in ruins.',  # still scare quotes
        ],
        lexicon=quoted_words_lexicon,
    )
    assert df.scare_quote.tolist() == [0, 0, 0, 0, 1]


def test_senses_added_after_the_fourth_fresh_sample_are_not_loaded():
    df = score_sentences(
        [
            "They attack the law, which explains why enrolment lagged.",  # explains = accounts for
            "As noted, some states still have filing deadlines.",  # the writer's own note
            "The results could be confirmed by other experts.",  # verified, no speaker
            "From the very start, activists planned protests.",  # the emphatic "very"
            "He said he was entitled to due process as a citizen.",  # a right
            "Asylum seekers are fleeing persecution at home.",  # the legal term
            "A man was arrested near a historic church in Charleston.",  # literal
            "The White House refuted it in no uncertain terms.",  # an idiom
            "The day after he uttered the remark, aides tried to soften it.",  # utter = say
            "Critics say the senator's speech was utterly absurd.",  # still loaded
        ]
    )
    assert (df.lexical[:9] == 0).all(), df.loc[df.lexical > 0, "terms"].tolist()
    assert df.lexical[9] > 0


def test_a_quoted_word_that_a_speech_act_in_the_sentence_attributes_is_no_scare_quote(
    quoted_words_lexicon,
):
    df = score_sentences(
        [
            "Lawmakers accused the administration of paying a “ransom” to the regime.",
            "Cuomo slams the stimulus package as ‘terrible’ for New York",
            "She was promising to “unload” on the law.",
            'The "reforms" have left the city in ruins.',  # still scare quotes
        ],
        lexicon=quoted_words_lexicon,
    )
    assert df.scare_quote.tolist() == [0, 0, 0, 1]


def test_senses_told_apart_after_the_fifth_fresh_sample():
    # each sentence a false hit class of benchmarks/gold/loaded_fresh5.jsonl or before
    df = score_sentences(
        [
            "The testimony was incorrect, but not misleading.",  # a negated doubt word
            "The report says he never lied about it.",  # … defends
            "There are no obvious reasons for suspecting him.",  # negated certainty
            "The White House originally insisted the interview be off the record.",  # a demand
            "Democrats need 23 seats to claim majorities in each chamber.",  # to win
            "Fewer itemizers means fewer people able to claim the deduction.",
            "Still, it's worth noting that the countries are not on the list.",  # the writer's aside
            "At 10 p.m., the child was observed to be lethargic.",  # perception
            "Her closest opponent all but conceded.",  # an act
            "We put an awful lot of effort into it.",  # much
            "The rifle has a muzzle brake.",  # a gun part
        ]
    )
    assert (df.lexical == 0).all(), df.loc[df.lexical > 0, "terms"].tolist()


def test_the_same_words_in_their_loaded_sense_still_count():
    df = score_sentences(
        [
            "The ad was misleading.",  # not negated
            "She lied about her source.",
            "Holder insisted it would stay public.",  # reported, no demand
            "It is absurd to claim that the vote was rigged.",  # a claim, with its clause
            "He was claiming the vote was rigged.",
            "Noting that the tests failed, he resigned.",  # noting as reporting
            "The senator conceded that the bill would fail.",
            "It was clearly wrong.",
        ]
    )
    assert df.doubt_attribution.tolist()[:5] == [1, 1, 1, 1, 1], df.terms.tolist()
    assert df.endorse_attribution.tolist()[5:7] == [1, 1] and df.certainty[7] == 1


def test_loaded_names_for_policies_are_apart_from_labels_for_people():
    df = score_sentences(
        [
            "The bill would end chain migration and the death tax.",
            "Protesters called the senators radicals and traitors.",
        ]
    )
    assert df.loaded_name.tolist() == [2, 0]
    assert df.label.tolist() == [0, 2]


def test_a_negated_degree_adverb_understates_and_fixed_phrases_are_no_hits():
    df = score_sentences(
        [
            "Four years, it's not very long.",
            "But it's not entirely clear how much those safeguards mean.",
            "The needs are not tremendous, but they are real.",  # a negated adjective amplifies
            "We were planning for a worst-case scenario.",
            "The poll of likely voters shows a tie.",
        ]
    )
    assert df.intensifier.tolist() == [0, 0, 1, 0, 0]
    assert df.hedge.tolist()[-1] == 0


def test_conspiracy_theories_are_loaded_names_and_an_industry_of_people_a_label():
    df = score_sentences(["Internet conspiracy theories spread.", "The abortion industry refuses."])
    assert df.loaded_name.tolist() == [1, 0] and df.label.tolist() == [0, 1]


def test_senses_told_apart_after_the_eighth_fresh_sample():
    # each sentence a false hit class of benchmarks/gold/loaded_fresh8.jsonl or before
    df = score_sentences(
        [
            "The Taliban said it was resuming offensive operations against Afghan forces.",
            "Their campaign ads look more like horror movies.",
            "He shored up support within the left wing of the party.",
            "Realizing that he is being observed, he sits up.",  # perception
            "In other words, we observed a denial of the relevance of facts.",
            "An official letter of admission would have come from the Army.",
            "She is focused on getting the website working correctly.",
            "The group is composed almost entirely of his supporters.",  # a plain measure
            "Only a radical shift in procedures can change that.",  # of a thing, not people
            "The press has stunted his momentum.",  # the verb, not a stunt
            "A motorcycle rigged with a bomb exploded.",
            "Whitaker is not a Senate-confirmed official.",
            "The confirmed number of deaths is about 80,000.",
            "When the unlikely billionaire secured the nomination, he won.",
            "You can hear that from Sanders and other self-proclaimed socialists.",
            "How can they possibly manage the health care system?",
            "Trump is also contending with the special counsel.",
            "Mr. Nadler made false allegations against our team.",
            "He was gravely wounded in the attack.",
        ]
    )
    assert (df.lexical == 0).all(), df.loc[df.lexical > 0, "terms"].tolist()


def test_the_loaded_senses_of_those_words_still_count():
    df = score_sentences(
        [
            "It was an entirely false alarm.",
            "The protesters were too radical, he said.",
            "Airstrikes hit the capital of the self-proclaimed Islamic State.",
            "The offensive remarks drew a rebuke.",
            "It was a publicity stunt.",
            "They said the election was rigged.",
            "The senator confirmed that the bill would pass.",
        ]
    )
    assert df.intensifier[0] == 1 and df.label[1] == 1 and df.scare_quote[2] == 1
    assert df.emotive[3] == 1 and df.loaded_name[4] == 1 and df.loaded_name[5] == 1
    assert df.endorse_attribution[6] == 1


def test_senses_told_apart_after_the_ninth_fresh_sample():
    # each sentence a false hit class of benchmarks/gold/loaded_fresh9.jsonl or before
    df = score_sentences(
        [
            "More than 26 million people have claimed unemployment benefits.",
            "If confirmed by the Senate, Nauert will replace Nikki Haley.",
            "Wages are rising slowly but surely.",
            "He wasn't terribly careful about whom he confronted.",  # a negated degree word
            "And Trump's reputed mob contacts didn't stop there.",  # organised crime
            "Cruz accused the editorial board of shilling for Rubio.",  # the act, not the label
            "On racial discrimination, there is partisan polarization.",  # the neutral word
        ]
    )
    assert (df.lexical == 0).all(), df.loc[df.lexical > 0, "terms"].tolist()


def test_partisan_with_a_pejorative_head_and_the_plain_senses_still_count():
    df = score_sentences(
        [
            "Frum accused partisan pundits of cheerleading for the GOP.",
            "Democrats call the inquiry a partisan witch hunt.",
            "The mob stormed the building.",
            "He is a shill for the industry.",
            "The ruling was terribly unfair.",
        ]
    )
    assert df.label.tolist()[:4] == [1, 0, 1, 1] and df.loaded_name[1] == 1
    assert df.emotive[4] == 2, df.terms[4]


def test_a_label_adjective_before_words_acts_or_ideas_labels_no_person():
    # the commonest false label hits over the gold sets: the adjective describes a thing
    df = score_sentences(
        [
            "Amid headlines about racist tweets, his approval dipped.",
            "The orders led to anti-Trump mobilization across the country.",
            "The department cited jihadist ideology.",
            "The statement applauds critical pro-life protections.",
            "Democrats call them racist groups.",  # people: still a label
            "The attacker held extremist views.",  # judged a label of the people behind them
            "Anti-Trump protesters marched.",
        ]
    )
    assert df.label.tolist() == [0, 0, 0, 0, 1, 1, 1], df.terms.tolist()


def test_senses_told_apart_after_the_tenth_fresh_sample():
    df = score_sentences(
        [
            "She took a number of courses on law.",  # "of course" does not inflect
            "The tour passes the city's landmarks.",
            "Russia launched new military offensives.",
            "Lead made the apartments toxic waste sites.",
            "It is the likely nominee of the party.",
            "He sees it as a struggle between good and evil.",
            "They are trying to put the cease-fire back together.",
            "There is no sign of any sort of deal.",
        ]
    )
    assert (df.lexical == 0).all(), df.loc[df.lexical > 0, "terms"].tolist()


def test_senses_told_apart_after_the_eleventh_and_twelfth_fresh_samples():
    df = score_sentences(
        [
            "As I pointed out earlier, there is an exception under Miranda.",  # the writer's aside
            "He effectively voids the legitimacy of his claim to power.",
            "He boasts a staff that includes a former spokesman.",  # has
            "A large share of the population remains at the fringes of the labour market.",
            "Believing what we are told is a fool's errand.",
            "Hollande began a diplomatic offensive to persuade allies.",
            "As the campaign raged in August, Brennan briefed Congress.",
            "Manafort lied to the government, the charges say.",  # an act, no statement
            "They are going to be mobbed this summer.",
        ]
    )
    assert (df.lexical == 0).all(), df.loc[df.lexical > 0, "terms"].tolist()
    still = score_sentences(["She lied about her source.", "A mob stormed the hall."])
    assert still.doubt_attribution[0] == 1 and still.label[1] == 1


def test_words_right_in_at_most_half_their_checked_hits_after_the_fourteenth_sample():
    # the coin-flip words of benchmarks/gold/loaded_*.jsonl count nowhere, in either sense;
    # the phrases that keep the judgement ("outright lie", "medical tyranny") still count
    df = score_sentences(
        [
            "Voters revoked the standards outright.",
            "There is no evidence she ever fell for the hoax.",
            "The documents describe strange speeding aircraft.",
            "The two women are ideologically poles apart.",
            "Reminding you that socialism does not work.",
            "It is the beginning of tyranny.",
            "Stories about people being wrongly convicted.",
            "The result was somewhat higher than expected.",
            "The pressures are thoroughly known.",
            "You want to do it correctly.",
            "Presidential in name only.",
            "He called it distortion toward the middle.",
            "Pressed about the anti-Trump dossier, he declined.",  # a document, not a person
            "The agents sent anti-Trump text messages.",
        ]
    )
    assert (df.lexical == 0).all(), df.loc[df.lexical > 0, "terms"].tolist()
    still = score_sentences(["That is an outright lie.", "They decry medical tyranny."])
    assert still.doubt_attribution[0] == 1 and still.loaded_name[1] == 1
