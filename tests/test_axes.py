"""Axis lexicon loading, and the axis scores on the seed corpus."""

import pytest

from framing import analyse, load_corpus, summarise_axes
from framing.axes import AxisCounter, load_axes, parse_axes
from framing.errors import LexiconError


@pytest.fixture(scope="module")
def seed_analysis():
    from tests.conftest import BUNDLED_CORPUS

    return analyse(load_corpus(BUNDLED_CORPUS))


def _row(table, outlet, axis, pole):
    rows = table[(table.outlet == outlet) & (table.axis == axis) & (table.pole == pole)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_presence_axis_press_tv_occupation_latin_times_mission(seed_analysis):
    table = summarise_axes(seed_analysis)
    press_occ = _row(table, "press-tv", "military-presence", "occupation")
    press_mis = _row(table, "press-tv", "military-presence", "mission")
    latin_occ = _row(table, "latin-times", "military-presence", "occupation")
    latin_mis = _row(table, "latin-times", "military-presence", "mission")
    # Press TV: headline, lead, the Haqqani quote ("20-year occupation") and "the invasion"
    assert (press_occ["count"], press_occ["own_voice"], press_occ["quoted"]) == (4, 3, 1)
    assert press_mis["count"] == 0 and press_occ["position"] == 1.0
    # Latin Times: "foreign mission", "NATO-led mission", "end of its mission", "military
    # operations", and two quoted ("coalition forces", "The presence of foreign forces"). Not the
    # name "Resolute Support Mission", nor "longest mission" in a sentence about the base's
    # restaurants that names no forces.
    assert (latin_mis["count"], latin_mis["own_voice"]) == (6, 4)
    assert latin_occ["count"] == 0 and latin_mis["position"] == -1.0
    assert press_occ["rate_per_1k"] == pytest.approx(1000 * 4 / press_occ["n_words"])


def test_every_count_keeps_its_sentences(seed_analysis):
    hits = seed_analysis.hits
    occ = hits[(hits.outlet == "press-tv") & (hits.feature == "military-presence")]
    assert len(occ) == 4
    assert "20 years of occupation" in occ.iloc[0]["sentence"]
    quoted = occ[occ.in_quote]
    assert len(quoted) == 1 and "Anas Haqqani" in quoted.iloc[0]["sentence"]
    for row in occ.itertuples():
        assert row.sentence[row.start : row.end].lower() == row.matched.lower()
    mission = hits[(hits.outlet == "latin-times") & (hits.label == "mission")]
    assert any("foreign mission" in s for s in mission.sentence)


def test_evacuation_flight_is_not_counted_as_retreat(seed_analysis):
    table = summarise_axes(seed_analysis)
    assert _row(table, "press-tv", "troop-exit", "retreat")["count"] == 0
    assert _row(table, "press-tv", "troop-exit", "withdrawal")["count"] > 0


def test_context_gates_an_axis():
    counter = AxisCounter().fit()
    names = list(counter.get_feature_names_out())
    X = counter.transform(
        ["NASA's mission to Mars launched.", "The troops' mission in Afghanistan ended."]
    )
    col = names.index("military-presence:mission")
    assert X[0, col] == 0 and X[1, col] == 1
    # without the article gate the sentence gate still finds no forces near "mission"; without
    # both, every occurrence counts (the word count of earlier versions)
    assert AxisCounter(use_context=False).fit().transform(["NASA's mission to Mars."])[0, col] == 0
    plain = AxisCounter(use_context=False, use_referents=False).fit()
    assert plain.transform(["NASA's mission to Mars."])[0, col] == 1


def test_grouping_by_outlet_metadata(seed_analysis):
    table = summarise_axes(seed_analysis, by="ownership")
    assert set(table["ownership"]) == {"state-funded", "private"}
    assert (
        _row(
            table.rename(columns={"ownership": "outlet"}),
            "state-funded",
            "military-presence",
            "occupation",
        )["count"]
        == 4
    )


def test_builtin_lexicon_covers_the_requested_topics():
    lexicon = load_axes()
    topics = {a.topic for a in lexicon}
    for topic in (
        "war and intervention",
        "immigration",
        "abortion",
        "taxes and the economy",
        "protest and policing",
        "Israel–Palestine",
        "Russia–Ukraine",
    ):
        assert topic in topics
    frame = lexicon.to_frame()
    assert {
        "occupation",
        "mission",
        "withdrawal",
        "retreat",
        "martyr",
        "jihad",
        "Islamic Emirate",
    } <= set(frame.term)


def test_custom_axis_file(tmp_path):
    path = tmp_path / "axes.toml"
    path.write_text(
        '[[axis]]\nid = "k"\nlabel = "Capital"\n'
        '[[axis.pole]]\nname = "old"\nterms = ["kiev"]\n'
        '[[axis.pole]]\nname = "new"\nterms = ["kyiv"]\n',
        encoding="utf-8",
    )
    counter = AxisCounter(axes=str(path)).fit()
    assert list(counter.get_feature_names_out()) == ["k:old", "k:new"]
    assert counter.transform(["Kyiv, not Kiev; Kyiv again."]).tolist() == [[1.0, 2.0]]


@pytest.mark.parametrize(
    "text, message",
    [
        ("[[axis]]\nid = 'a'\n[[axis.pole]]\nname='x'\nterms=['t']\n", "at least two"),
        (
            "[[axis]]\nid = 'a'\n[[axis.pole]]\nname='x'\nterms=['war']\n"
            "[[axis.pole]]\nname='y'\nterms=['wars']\n",
            "'wars' is a term of both",
        ),
        ("[[axis]]\nlabel = 'no id'\n", "has no id"),
        (
            "[[axis]]\nid = 'a'\n[[axis.pole]]\nname='x'\nterms='t'\n[[axis.pole]]\nname='y'\nterms=['u']\n",
            "must be a list",
        ),
        ("[[axis]\n", "not valid TOML"),
        ("title = 'nothing'\n", "no [[axis]] tables"),
    ],
)
def test_bad_axis_files_give_one_clear_error(text, message):
    with pytest.raises(LexiconError, match=message.replace("[", r"\[")):
        parse_axes(text, "my_axes.toml")


def test_missing_axis_file():
    with pytest.raises(LexiconError, match="axis file not found"):
        load_axes("/nonexistent/axes.toml")


def test_axis_file_syntax_error_names_its_line():
    with pytest.raises(LexiconError) as info:
        parse_axes('[[axis]]\nid = "a"\nlabel = "unclosed\n', "my_axes.toml")
    assert info.value.line == 3 and "my_axes.toml:3: not valid TOML" in str(info.value)
