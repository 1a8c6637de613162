"""A term counts only where it labels the axis's referent: each false-positive class found on real
news, pinned with a realistic sentence, beside a true use that must still count."""

from __future__ import annotations

import pytest

from framing.axes import AxisCounter, parse_axes
from framing.errors import LexiconError
from framing.loaded import score_sentences
from framing.referents import in_compound, in_proper_name, is_date_word, is_title_case
from framing.text import Document
from framing.types import Article


@pytest.fixture(scope="module")
def counter():
    return AxisCounter().fit()


def counted(counter, text: str, title: str = "") -> list[tuple[str, str, str]]:
    """``(axis, pole, matched words)`` of every counted hit."""
    doc = Document.from_article(Article(id="a", outlet="o", title=title, text=text))
    return [(h.feature, h.label, h.matched) for h in counter.extract(doc).hits]


def axes_of(counter, text: str, title: str = "") -> set[str]:
    return {a for a, _, _ in counted(counter, text, title)}


# --- names are not labels -----------------------------------------------------------------------


def test_a_mission_in_a_name_is_not_a_mission(counter):
    hits = counted(
        counter,
        "The airport is guarded by the Resolute Support Mission, made up of "
        "U.S. and Turkish soldiers. The NATO mission in Afghanistan ends.",
    )
    assert ("military-presence", "mission", "mission") in hits
    assert not any(m == "Mission" for _, _, m in hits)


def test_a_hospital_named_for_martyrs_is_not_martyrdom(counter):
    text = (
        "Seven people were killed in an Israeli airstrike near Al Aqsa Martyrs Hospital in "
        "central Gaza, the health ministry said."
    )
    hits = counted(counter, text)
    assert ("deaths", "killed", "killed") in hits
    assert not any(p == "martyred" for _, p, _ in hits)


def test_a_surname_and_a_named_war_are_not_labels(counter):
    text = (
        "Rep. Louise Slaughter said the Cold War ended decades ago, but the war in Afghanistan, "
        "where U.S. troops fought the Taliban, did not."
    )
    hits = counted(counter, text)
    assert not any(m in ("Slaughter", "War") for _, _, m in hits)
    assert ("war-naming", "war", "war") in hits


def test_the_us_mission_in_benghazi_is_a_diplomatic_post(counter):
    assert "military-presence" not in axes_of(
        counter, "Gunmen attacked the U.S. Mission in Benghazi, Libya, where troops were absent."
    )


def test_a_name_that_is_the_label_still_counts(counter):
    hits = counted(
        counter,
        "Taliban leaders said the Islamic Emirate would respect the rights of "
        "women, a spokesman for the armed group said.",
    )
    assert ("armed-group-labels", "fighters", "Islamic Emirate") in hits


def test_title_case_headlines_neither_hide_labels_nor_names(counter):
    # capitals in a headline say nothing: the occupation still counts there ...
    hits = counted(
        counter,
        "The last U.S. troops left Kabul on Monday.",
        title="US Troops Leave Afghanistan, Ending 20 Years Of Occupation",
    )
    assert ("military-presence", "occupation", "Occupation") in hits
    # ... and a name the body writes the same way is a name in the headline too
    hits = counted(
        counter,
        "The airport was guarded by the Resolute Support Mission, made up of "
        "U.S. and Turkish soldiers.",
        title="Resolute Support Mission Ends In Afghanistan",
    )
    assert not any(m == "Mission" for _, _, m in hits)


# --- months and weekdays --------------------------------------------------------------------------


def test_the_month_march_is_not_a_protest_march(counter):
    assert "protest-labels" not in axes_of(
        counter, "In March, police arrested hundreds of people in the streets after the vote."
    )
    assert ("protest-labels", "protest", "march") in counted(
        counter, "Thousands joined the march outside the Capitol as police watched."
    )


def test_the_womens_march_is_a_name(counter):
    hits = counted(counter, "Organizers of the Women's March said police were expected downtown.")
    assert not any(m == "March" for _, _, m in hits)


# --- the right word for another referent ----------------------------------------------------------


def test_an_officials_departure_is_not_the_troops_exit(counter):
    assert "troop-exit" not in axes_of(
        counter, "Aides said the chief of staff's departure from the White House was planned."
    )
    assert ("troop-exit", "withdrawal", "departure") in counted(
        counter, "A defense official confirmed the departure of the armed forces from Bagram."
    )


def test_civilians_who_flee_are_not_troops_in_retreat(counter):
    assert "troop-exit" not in axes_of(
        counter, "Thousands of civilians flee the north of Gaza as Israeli troops advance."
    )
    assert ("troop-exit", "retreat", "fled") in counted(
        counter, "Afghan army soldiers fled their posts as the Taliban advanced on Kabul."
    )


def test_a_police_presence_is_not_a_military_one(counter):
    assert "military-presence" not in axes_of(
        counter, "There was a heavy police presence outside the stadium, officers said."
    )
    assert ("military-presence", "mission", "presence") in counted(
        counter, "The presence of foreign forces in Afghanistan was a reason for the fighting."
    )


def test_the_invasion_of_iraq_is_no_immigrant_label(counter):
    text = (
        "The 2003 invasion of Iraq by U.S. troops was debated again as migrants "
        "waited at the border."
    )
    hits = counted(counter, text)
    assert not any(a == "immigrant-labels" for a, _, _ in hits)
    assert ("military-presence", "occupation", "invasion") in hits


def test_animals_killed_and_deaths_from_illness_are_not_war_dead(counter):
    assert "deaths" not in axes_of(
        counter, "Wolves killed dozens of cattle near the army base, ranchers said."
    )
    assert "deaths" not in axes_of(
        counter, "The former soldier died of cancer in 2019, his family said."
    )
    assert ("deaths", "killed", "killed") in counted(
        counter, "A suicide bomber killed 13 U.S. troops at the Kabul airport."
    )


# --- another sense of the word --------------------------------------------------------------------


def test_figurative_wars_are_not_wars(counter):
    for text in (
        "The administration's trade war with China escalated, troops or not.",
        "Critics called it a war on religion while the military stayed out of it.",
        "The senator has a large war chest for the campaign against the army's plan.",
    ):
        assert "war-naming" not in axes_of(counter, text), text
    assert ("war-naming", "war", "war") in counted(
        counter, "The war in Syria has killed hundreds of thousands, and troops remain."
    )


def test_resigning_in_protest_dead_wrong_and_riot_gear(counter):
    assert "protest-labels" not in axes_of(
        counter, "The minister resigned in protest after police raided the office."
    )
    assert "deaths" not in axes_of(counter, "He was dead wrong about the attack, the general said.")
    hits = counted(counter, "Police in riot gear fired tear gas at protesters in the square.")
    assert not any(m.startswith("riot") for _, _, m in hits)
    assert ("protest-labels", "protest", "protesters") in hits


def test_a_campaign_rally_is_not_a_street_protest(counter):
    assert "protest-labels" not in axes_of(
        counter, "Trump spoke to supporters at a campaign rally in Ohio as crowds gathered."
    )
    assert ("protest-labels", "protest", "rally") in counted(
        counter, "Protesters held a rally outside city hall, chanting and waving signs."
    )


# --- compounds ---------------------------------------------------------------------------------------


def test_hyphenated_compounds_are_other_words(counter):
    hits = counted(
        counter,
        "The war-ravaged country saw an anti-war rally as troops left; the "
        "war in Afghanistan was over.",
    )
    assert [m for a, _, m in hits if a == "war-naming"] == ["war"]
    # a compound the lexicon allows counts: "trickle-down" is itself a term
    assert ("tax-cuts", "giveaway", "trickle-down") in counted(
        counter, "Democrats called the tax cuts trickle-down economics."
    )


# --- one sentence, one axis ---------------------------------------------------------------------------


def test_a_word_shared_by_axes_counts_on_the_axis_the_sentence_is_about(counter):
    cases = {
        "Russia's invasion of Ukraine was condemned by Kyiv and the West.": "russia-ukraine-war",
        "The invasion of Iraq by U.S. troops began in March 2003.": "military-presence",
        "Trump called the caravan of migrants at the border an invasion.": "immigrant-labels",
    }
    for text, axis in cases.items():
        invasion = [a for a, _, m in counted(counter, text) if m.lower() == "invasion"]
        assert invasion == [axis], (text, invasion)


# --- loaded language: the same guards ----------------------------------------------------------------


def test_a_film_title_is_not_a_delegitimising_label():
    df = score_sentences(
        [
            "Bong Joon-ho's film Parasite won the top prize at the Oscars.",
            "He called the migrants a parasite on the nation.",
        ]
    )
    assert df.loc[0, "label"] == 0
    assert df.loc[1, "label"] == 1


def test_a_quoted_phrase_with_its_own_punctuation_is_speech_not_scare_quotes(quoted_words_lexicon):
    df = score_sentences(
        [
            'Rush Limbaugh found the hearing "very frustrating."',
            'The "reforms" have left the city in ruins.',
        ],
        lexicon=quoted_words_lexicon,
    )
    assert df.loc[0, "scare_quote"] == 0
    assert df.loc[1, "scare_quote"] == 1


# --- the helpers and the file format ---------------------------------------------------------------------


def test_character_tests():
    assert is_title_case("Troops Leave Afghanistan After Twenty Years")
    assert not is_title_case("Troops leave Afghanistan after twenty years.")
    t = "In March the march went on."
    assert is_date_word(t, 3, 8) and not is_date_word(t, 13, 18)
    t = "a war-torn land and a war"
    assert in_compound(t, 2, 5) and not in_compound(t, 22, 25)
    t = "They met at Kabul Military Hospital."
    assert in_proper_name(t, 18, 26, 0, len(t))


AXIS = """
[cues]
forces = ["troops", "soldiers"]
abroad = ["@forces", "afghanistan"]

[[axis]]
id = "presence"
label = "Presence"
near = ["@abroad"]

[[axis.pole]]
name = "occupation"
terms = ["occupation"]

[[axis.pole]]
name = "mission"
terms = ["mission"]

[[axis.rule]]
terms = ["mission"]
not_near = ["nasa"]
window = 3
"""


def test_axis_rules_in_a_users_file():
    lexicon = parse_axes(AXIS, "mine.toml")
    rule = lexicon["presence"].rule_for("mission")
    assert set(rule.near) == {"troops", "soldiers", "afghanistan"} and rule.window == 3
    counter = AxisCounter(axes=lexicon).fit()
    X = counter.transform(
        ["The mission of the troops ended.", "NASA's mission with soldiers.", "The mission ended."]
    )
    assert list(X[:, 1]) == [1, 0, 0]
    explained = counter.explain(
        Document.from_article(Article(id="x", outlet="o", title="", text="The mission ended."))
    )
    assert list(explained["reason"]) == ["nothing near"]


def test_axis_rule_errors_name_the_problem():
    with pytest.raises(LexiconError, match="no cue set 'nowhere'"):
        parse_axes(AXIS.replace('near = ["@abroad"]', 'near = ["@nowhere"]'), "mine.toml")
    with pytest.raises(LexiconError, match="not a term of any pole"):
        parse_axes(
            AXIS.replace('terms = ["mission"]\nnot_near', 'terms = ["misson"]\nnot_near'),
            "mine.toml",
        )
    with pytest.raises(LexiconError, match="window must be a whole number"):
        parse_axes(AXIS.replace("window = 3", "window = 0"), "mine.toml")
    with pytest.raises(LexiconError, match="includes itself"):
        parse_axes(
            AXIS.replace('forces = ["troops", "soldiers"]', 'forces = ["@abroad"]'), "mine.toml"
        )


def test_a_war_named_in_sentence_case_is_a_name(counter):
    hits = counted(
        counter,
        "He opposed the Iraq war, but the war in Afghanistan, where U.S. troops "
        "fought, went on; Syria's war killed thousands.",
    )
    assert [m for a, _, m in hits if a == "war-naming"] == ["war", "war"]  # not "Iraq war"


def test_not_in_sentence_vetoes_beyond_the_window():
    lexicon = parse_axes(
        AXIS.replace(
            'not_near = ["nasa"]\nwindow = 3',
            'not_near = ["nasa"]\nnot_in_sentence = ["budget"]\nwindow = 3',
        ),
        "mine.toml",
    )
    X = (
        AxisCounter(axes=lexicon)
        .fit()
        .transform(
            [
                "The mission of the troops ended, whatever the long and winding budget said.",
                "The mission of the troops ended, whatever the long and winding nasa report said.",
            ]
        )
    )
    assert list(X[:, 1]) == [0, 1]


def test_admitted_to_hospital_is_no_reporting_verb():
    from framing.attribution import find_reporting_verbs, load_reporting_verbs

    lexicon = load_reporting_verbs()

    def verbs(text):
        doc = Document.from_article(Article(id="a", outlet="o", title="", text=text))
        return [(v.lemma, v.verb_class) for v in find_reporting_verbs(doc, lexicon)]

    assert verbs("The senator was admitted to hospital on Friday with chest pains.") == []
    assert verbs("ISIS claimed responsibility for the attack on the market.") == []
    assert verbs("The senator admitted that she had misled voters.") == [("admit", "endorsing")]


# --- classes found on the seventh fresh sample ------------------------------------------------------


def test_a_deployment_at_home_is_no_foreign_presence(counter):
    home = (
        "Sixty percent said it was inappropriate to deploy the U.S. military to handle the "
        "demonstrations in American cities."
    )
    abroad = "The Pentagon will deploy 3,000 more troops to Afghanistan this spring."
    assert "military-presence" not in axes_of(counter, home)
    assert ("military-presence", "mission", "deploy") in counted(counter, abroad)


def test_expelled_diplomats_are_not_an_army_driven_out(counter):
    text = (
        "European Union nations on Monday expelled 30 people, and Ukraine ordered 13 Russians "
        "to leave after the attack on the British military base."
    )
    assert "troop-exit" not in axes_of(counter, text)


def test_a_war_named_in_lower_case_is_a_name(counter):
    text = (
        "We were able to end the cold war, but not build peace, the ambassador said of U.S. "
        "and Russian troops in Syria."
    )
    assert ("war-naming", "war", "war") not in counted(counter, text)


def test_kneeling_for_the_anthem_is_not_a_street_protest(counter):
    text = (
        "Players protesting police violence by kneeling during the national anthem drew "
        "crowds of critics."
    )
    street = "Thousands of protesters marched through the streets as police fired tear gas."
    assert "protest-labels" not in axes_of(counter, text)
    assert "protest-labels" in axes_of(counter, street)


def test_israeli_interests_do_not_make_terrorism_palestinian(counter):
    generic = (
        "A strike on Syria would unleash a new wave of terrorism and undermine the "
        "Israeli-backed talks, Putin warned."
    )
    palestinian = "Hamas terrorists fired rockets from Gaza at Israeli towns."
    assert "israel-palestine-violence" not in axes_of(counter, generic)
    assert "israel-palestine-violence" in axes_of(counter, palestinian)


def test_the_troops_must_be_the_ones_leaving(counter):
    # the troops are in the sentence, but what is withdrawn or handed over is something else
    invitation = (
        "Days after the Pentagon withdrew an invitation to China for a naval drill, "
        "U.S. troops sailed past the islands."
    )
    hearts = (
        "The president stood with his hands over his heart as a Marine bugler played Taps "
        "for the soldiers killed in Afghanistan."
    )
    true_exit = "The United States will withdraw its remaining troops from Afghanistan by May."
    assert "troop-exit" not in axes_of(counter, invitation)
    assert "troop-exit" not in axes_of(counter, hearts)
    assert ("troop-exit", "withdrawal", "withdraw") in counted(counter, true_exit)


def test_near_window_in_a_users_axis_file():
    raw = """
[[axis]]
id = "exit"
label = "Exit"
near = ["troops"]
[[axis.pole]]
name = "withdrawal"
terms = ["withdrawal"]
[[axis.pole]]
name = "retreat"
terms = ["retreat"]
[[axis.rule]]
terms = ["withdrawal"]
near_window = 3
"""
    c = AxisCounter(axes=parse_axes(raw)).fit()
    far = "The withdrawal was announced on Monday in a long speech about the troops."
    close = "The withdrawal of the troops was announced on Monday."
    assert not c.extract(Document.from_article(Article("a", "o", "", far))).hits
    assert len(c.extract(Document.from_article(Article("a", "o", "", close))).hits) == 1
