"""The public API (``framing.__all__``): every name resolves, is documented, and behaves."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pandas as pd
import pytest

import framing
from framing.errors import InputError

from .conftest import ROOT

#: Public functions whose docstrings still lack a runnable example (they live in modules other
#: engineers own). The list may only shrink: a new public function needs an example.
KNOWN_WITHOUT_EXAMPLES = {
    "summarise_axes",
    "loaded_profile",
    "top_loaded_sentences",
    "verb_mix",
    "quoted_actors",
    "quote_share",
    "actor_tone",
    "axis_intervals",
    "overview_chart",
    "build_report",
}


@pytest.fixture(scope="module")
def analysis():
    return framing.analyse(framing.load_corpus(ROOT / "corpus"))


# --- the list ----------------------------------------------------------------------------------


def test_every_public_name_resolves_and_is_listed_once():
    assert len(framing.__all__) == len(set(framing.__all__))
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name
    assert set(framing.__all__) <= set(dir(framing))


def test_star_import_gives_the_public_names():
    namespace: dict = {}
    exec("from framing import *", namespace)
    assert set(framing.__all__) <= set(namespace)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        framing.nonexistent  # noqa: B018
    assert not hasattr(framing, "nonexistent")


def test_import_is_lazy_about_charts_and_statistics():
    code = (
        "import sys, framing\n"
        "print(sorted(m for m in ('matplotlib', 'framing.figures', 'framing.stats') "
        "if m in sys.modules))\n"
        "framing.axis_chart\n"
        "print('framing.figures' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.split("\n")
    assert out[0] == "[]", f"`import framing` imported {out[0]}: keep `framing` quick to import"
    assert out[1] == "True"


def _public_functions():
    for name in framing.__all__:
        obj = getattr(framing, name)
        if inspect.isfunction(obj):
            yield name, obj


def test_every_public_name_has_a_docstring():
    undocumented = [
        n
        for n in framing.__all__
        if n != "__version__" and not (inspect.getdoc(getattr(framing, n)) or "").strip()
    ]
    assert not undocumented


def test_public_functions_have_runnable_examples():
    missing = {name for name, fn in _public_functions() if ">>>" not in (fn.__doc__ or "")}
    new = missing - KNOWN_WITHOUT_EXAMPLES
    assert not new, f"public functions without a doctest example: {sorted(new)}"
    assert KNOWN_WITHOUT_EXAMPLES <= set(framing.__all__)


# --- load_corpus --------------------------------------------------------------------------------


def test_load_corpus_opens_a_folder(bundled_corpus):
    corpus = framing.load_corpus(bundled_corpus)
    assert isinstance(corpus, framing.Corpus)
    assert sorted(corpus.outlets) == ["latin-times", "press-tv"]
    assert len(corpus) == 2


def test_load_corpus_from_a_dataframe_with_outlet_fields():
    df = pd.DataFrame(
        {
            "body": [
                "Foreign troops ended the occupation.",
                "The mission ended.",
                "Troops left.",
                "Rain.",
            ],
            "paper": ["Daily A", "Daily B", "Daily B", "Daily B"],
            "bias": ["left", "right", "center", None],
            "headline": ["A", "B", "C", "D"],
            "date": ["2021-08-30", "2021-08-31", "not a date", None],
        }
    )
    corpus = framing.load_corpus(
        df,
        text="body",
        outlet="paper",
        title="headline",
        published="date",
        outlet_fields={"leaning": "bias"},
        name="demo",
    )
    assert corpus.name == "demo"
    # the most common non-empty value per outlet; ties go to the first seen
    assert {o.id: o.leaning for o in corpus.outlets.values()} == {
        "daily-a": "left",
        "daily-b": "right",
    }
    articles = list(corpus)
    assert [a.title for a in articles] == ["A", "B", "C", "D"]
    assert [str(a.published) for a in articles] == ["2021-08-30", "2021-08-31", "None", "None"]
    table = framing.summarise_axes(framing.analyse(corpus), by="leaning")
    assert set(table["leaning"]) == {"left", "right"}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"outlet_fields": {"slant": "bias"}}, "'slant' is not an outlet field"),
        ({"outlet_fields": {"leaning": "nope"}}, "no column 'nope'"),
        ({"text": "body"}, "no column 'body'"),
    ],
)
def test_load_corpus_from_a_dataframe_says_what_is_wrong(kwargs, message):
    df = pd.DataFrame({"text": ["Troops left."], "outlet": ["A"], "bias": ["left"]})
    with pytest.raises(InputError, match=message):
        framing.load_corpus(df, **kwargs)


def test_load_corpus_outlet_fields_need_a_dataframe(bundled_corpus):
    with pytest.raises(InputError, match="DataFrame only"):
        framing.load_corpus(bundled_corpus, outlet_fields={"leaning": "bias"})


# --- compare_terms ------------------------------------------------------------------------------


def _two_sided_frame():
    towns = ["Kabul", "Herat", "Kandahar", "Mazar", "Kunduz", "Jalalabad", "Ghazni", "Bamyan"]
    return pd.DataFrame(
        {
            "text": [f"Foreign troops ended the occupation near {t}." for t in towns]
            + [f"Troops ended the mission near {t}." for t in towns],
            "outlet": ["A", "B"] * 4 + ["C", "D"] * 4,
            "story": ["first"] * 8 + ["second"] * 8,
            "bias": ["left", "left"] * 4 + ["right", "right"] * 4,
        }
    )


def test_compare_terms_groups_by_an_outlet_field_without_the_analysis():
    corpus = framing.load_corpus(_two_sided_frame(), outlet_fields={"leaning": "bias"})
    terms = framing.compare_terms(corpus, by="leaning", min_df=2, top=None)
    top = terms[terms["term"].isin(["occupation", "mission"])]
    assert top[["leaning", "term", "count_group", "count_rest"]].values.tolist() == [
        ["left", "occupation", 8, 0],
        ["right", "mission", 8, 0],
    ]


def test_compare_terms_by_story_needs_the_analysis():
    corpus = framing.load_corpus(_two_sided_frame())
    with pytest.raises(InputError, match="without the analysis"):
        framing.compare_terms(corpus, by="story", min_df=2)
    terms = framing.compare_terms(corpus, framing.analyse(corpus), by="story", min_df=2, top=None)
    assert set(terms.loc[terms["term"] == "occupation", "story"]) == {"first"}


# --- evidence -----------------------------------------------------------------------------------


def test_evidence_is_one_row_per_sentence_with_its_marks(analysis):
    ev = framing.evidence(analysis, "military-presence", n=None)
    hits = analysis.hits[analysis.hits["feature"] == "military-presence"]
    assert ev.total == len(ev) == hits.groupby(["article_id", "sentence_index"]).ngroups
    for row in ev.frame.itertuples():
        marked = [row.sentence[s:e].lower() for s, e in row.spans]
        assert marked and all(m in [t.lower() for t in row.terms] for m in marked)
        assert row.outlet_name in ("Press TV", "Latin Times")
    assert set(ev.frame["voice"]) <= {"own", "quoted", "mixed"}


def test_evidence_filters(analysis):
    mission = framing.evidence(analysis, "military-presence", "mission", n=None)
    assert set(mission.frame["outlet"]) == {"latin-times"}
    by_name = framing.evidence(analysis, "military-presence", outlet="latin times", n=None)
    assert by_name.frame.equals(mission.frame)
    quoted = framing.evidence(analysis, "military-presence", own_voice=False, n=None)
    assert set(quoted.frame["voice"]) == {"quoted"}
    private = framing.evidence(analysis, by="ownership", group="private", n=None)
    assert set(private.frame["group"]) == {"private"}
    assert set(private.frame["outlet"]) == {"latin-times"}
    limited = framing.evidence(analysis, n=3)
    assert len(limited) == 3 and limited.total > 3
    assert "3 shown" in repr(limited)
    # a short list takes each outlet's sentences in turn
    assert set(framing.evidence(analysis, "military-presence", n=2).frame["outlet"]) == {
        "latin-times",
        "press-tv",
    }


def test_evidence_names_what_is_unknown(analysis):
    with pytest.raises(InputError, match="nothing was counted as 'ocupation'"):
        framing.evidence(analysis, "ocupation")
    with pytest.raises(InputError, match="no outlet 'Nowhere Times'"):
        framing.evidence(analysis, outlet="Nowhere Times")
    # an axis of the lexicon that these articles never use: no sentences, not an error
    assert framing.evidence(analysis, "abortion-labels").total == 0
    assert "0 sentences" in framing.evidence(analysis, "abortion-labels")._repr_html_()


def test_evidence_html_escapes_corpus_text():
    df = pd.DataFrame(
        {
            "text": ["<script>alert(1)</script> Foreign troops ended the occupation & left."],
            "outlet": ["<b>Bad</b> Outlet"],
            "title": ['"><img src=x>'],
        }
    )
    a = framing.analyse(framing.load_corpus(df))
    page = framing.evidence(a, "military-presence")._repr_html_()
    assert "<mark>occupation</mark>" in page
    assert "<script>" not in page and "<img" not in page and "<b>Bad" not in page
    assert "&lt;script&gt;" in page and "&amp;" in page


# --- rich display ------------------------------------------------------------------------------


def test_analysis_and_report_display_in_a_notebook(analysis):
    assert "Analysis of corpus" in analysis._repr_html_()
    page = framing.Report(analysis)._repr_html_()
    assert page.startswith("<iframe srcdoc=") and "Press TV" in page
