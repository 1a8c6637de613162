"""Page furniture: lines and in-line runs that are not the article's words."""

from __future__ import annotations

from framing.furniture import link_runs, split_furniture, strip_link_runs

HILL = (
    "Mueller obtained guilty pleas from two aides, Paul Manafort Paul John ManafortManafort "
    "sought to hurt Clinton 2016 campaign efforts in key states: NYT Ex-Trump official "
    "testifies Stone gave 'updates' on WikiLeaks MORE and Rick Gates."
)


def test_a_linked_names_headline_run_is_cut_and_the_name_kept():
    line, removed = strip_link_runs(HILL)
    assert line == "Mueller obtained guilty pleas from two aides, Paul Manafort and Rick Gates."
    assert removed == [
        "Paul John ManafortManafort sought to hurt Clinton 2016 campaign efforts "
        "in key states: NYT Ex-Trump official testifies Stone gave 'updates' on "
        "WikiLeaks MORE"
    ]


def test_split_furniture_keeps_the_run_aside():
    body, furniture = split_furniture(HILL + "\n\nThe case goes on.")
    assert "sought to hurt" not in body and "Rick Gates" in body
    assert any("sought to hurt" in line for line in furniture)


def test_names_and_capitals_that_are_no_link_run_stay():
    for line in (
        "President Donald Trump Donald said MORE than once that he would run.",
        "Paul Manafort, Paul Manafort's lawyer said, would MORE or less agree.",
        "The MORE Act passed the House on Friday.",
        "Sen. Bernie Sanders (I-Vt.) said the plan was a start.",
    ):
        assert link_runs(line) == [], line
