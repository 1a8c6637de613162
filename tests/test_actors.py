"""The actor file: loading, its errors, mentions and speaker classification."""

from __future__ import annotations

import pytest

from framing.actors import OTHER, UNATTRIBUTED, PhraseMatcher, load_actors, parse_actors
from framing.errors import LexiconError

ACTORS = load_actors()


def test_built_in_actors_cover_the_bundled_story():
    ids = {a.id for a in ACTORS}
    assert {
        "taliban",
        "us-government",
        "afghan-government",
        "nato",
        "un",
        "pakistan",
        "iran",
    } <= ids
    assert {"police", "protesters", "democrats", "republicans"} <= ids
    assert {"official", "spokesperson", "expert", "witness", "source"} <= set(ACTORS.ids)
    assert ACTORS.ids[-2:] == [OTHER, UNATTRIBUTED]
    frame = ACTORS.to_frame()
    assert set(frame["what"]) == {"alias", "person", "exclude", "cue"}
    assert (frame.loc[frame["term"] == "Zabiullah Mojahid", "person"] == "Zabihullah Mujahid").all()


def test_aliases_in_capitals_match_only_in_capitals():
    text = "Tell us, said the US envoy; the UN and un-American acts; the U.S. and the U.N."
    found = [(a, text[s:e]) for a, s, e in ACTORS.find_mentions(text)]
    assert found == [("us-government", "US"), ("un", "UN"), ("us-government", "U.S"), ("un", "U.N")]


def test_capitalised_aliases_and_exclusions():
    text = (
        "Democrats said democratic norms matter. The Washington Post wrote that Washington "
        "agreed. Hamid Karzai International Airport closed."
    )
    assert [(a, text[s:e]) for a, s, e in ACTORS.find_mentions(text)] == [
        ("democrats", "Democrats"),
        ("us-government", "Washington"),
    ]


def test_people_spellings_and_plural_heads():
    text = "Zabiullah Mojahid thanked coalition forces and Afghan soldiers."
    assert [a for a, _, _ in ACTORS.find_mentions(text)] == ["taliban", "nato", "afghan-government"]
    assert ACTORS.find_person("zabihullah mujahed") == ("Zabihullah Mujahid", "taliban")
    assert ACTORS.find_person("Kenneth F. McKenzie Jr.") == ("Frank McKenzie", "us-government")
    assert ACTORS.find_person("Nobody Known") is None


def test_classify_speakers():
    assert ACTORS.classify("Taliban spokesman Zabiullah Mojahid", "Zabiullah Mojahid") == (
        "taliban",
        "person",
    )
    assert ACTORS.classify("a Taliban spokesman") == ("taliban", "description")
    assert ACTORS.classify("US ambassador to the UN") == ("us-government", "description")
    assert ACTORS.classify("defence ministry spokesman") == ("spokesperson", "role")
    # a governmental role takes the one state actor named around it, and no other
    assert ACTORS.classify("a senior official", context="the Pakistani army said") == (
        "pakistan",
        "context",
    )
    assert ACTORS.classify("a senior official", context="Iran and Pakistan agreed") == (
        "official",
        "role",
    )
    assert ACTORS.classify("an analyst", context="the U.S. left") == ("expert", "role")
    assert ACTORS.classify("a man") == (OTHER, "none")


def test_phrase_matcher_is_longest_first():
    m = PhraseMatcher(
        [("a", "Security Council"), ("b", "National Security Council"), ("c", "=Police")]
    )
    text = "The National Security Council and the Security Council; police and Police; Polices."
    assert [(k, text[s:e]) for k, s, e in m.finditer(text)] == [
        ("b", "National Security Council"),
        ("a", "Security Council"),
        ("c", "Police"),
    ]


# --- errors: one line, the file, the line, what to do -------------------------------------------


def error_of(raw: str) -> str:
    with pytest.raises(LexiconError) as info:
        parse_actors(raw, "my_actors.toml")
    message = str(info.value)
    assert "\n" not in message and message.startswith("my_actors.toml")
    return message


def test_file_errors(tmp_path):
    with pytest.raises(LexiconError, match="actor file not found"):
        load_actors(tmp_path / "missing.toml")
    with pytest.raises(LexiconError, match="folder"):
        load_actors(tmp_path)
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('[[actor]]\nid = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(LexiconError, match="UTF-8"):
        load_actors(bad)


def test_syntax_error_names_the_line():
    assert "my_actors.toml:3: not valid TOML" in error_of('[[actor]]\nid = "a"\naliases = [\n')
    assert "my_actors.toml:2: not valid TOML" in error_of("[[actor]]\nid = a\naliases = []\n")


def test_content_errors():
    assert "no [[actor]] tables" in error_of('title = "x"\n')
    assert "has no valid id" in error_of('[[actor]]\nid = "Bad Id"\naliases = ["x"]\n')
    message = error_of(
        '[[actor]]\nid = "a"\naliases = ["x"]\n\n[[actor]]\nid = "a"\naliases = ["y"]\n'
    )
    assert "used twice" in message and "my_actors.toml:2" in message
    assert "reserved" in error_of('[[actor]]\nid = "other"\naliases = ["x"]\n')
    assert "neither aliases nor people" in error_of('[[actor]]\nid = "a"\n')
    assert "must be a list of non-empty strings" in error_of('[[actor]]\nid = "a"\naliases = "x"\n')
    message = error_of(
        '[[actor]]\nid = "a"\naliases = ["Taliban"]\n[[actor]]\nid = "b"\naliases = ["taliban"]\n'
    )
    assert "'taliban' is listed for both 'a' and 'b'" in message and ":5:" in message
    message = error_of(
        '[[actor]]\nid = "a"\npeople = [["Jane Roe"]]\n'
        '[[actor]]\nid = "b"\npeople = ["Jane  Roe"]\n'
    )
    assert "listed for both" in message
    assert "neither a name nor a list" in error_of('[[actor]]\nid = "a"\npeople = [3]\n')
    assert "not a valid regular expression" in error_of(
        "[[actor]]\nid = \"a\"\npatterns = ['(unclosed']\n"
    )
    assert "has no cues" in error_of('[[actor]]\nid = "a"\naliases = ["x"]\n[[role]]\nid = "r"\n')
    assert "governmental must be true or false" in error_of(
        '[[actor]]\nid = "a"\naliases = ["x"]\n[[role]]\nid = "r"\ncues = ["x"]\ngovernmental = "yes"\n'
    )
    assert "unknown table" in error_of(
        '[[actor]]\nid = "a"\naliases = ["x"]\n[[actors]]\nid = "b"\n'
    )


def test_user_file_replaces_the_built_ins(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[actor]]\nid = "mayor"\nlabel = "City hall"\naliases = ["City Hall"]\n'
        'people = [["Ann Lee", "Anne Lee"]]\n',
        encoding="utf-8",
    )
    actors = load_actors(path)
    assert actors.ids == ["mayor", OTHER, UNATTRIBUTED]
    assert actors.label("mayor") == "City hall" and actors.source == str(path)
    assert actors.classify("Mayor Anne Lee", "Anne Lee") == ("mayor", "person")


def test_a_phrase_as_written_wins_over_an_inflection():
    m = PhraseMatcher([("pakistan", "ISI"), ("islamic-state", "ISIS"), ("x", "coalition force")])
    text = "ISIS and the ISI met coalition forces."
    assert [(k, text[s:e]) for k, s, e in m.finditer(text)] == [
        ("islamic-state", "ISIS"),
        ("pakistan", "ISI"),
        ("x", "coalition forces"),
    ]
    assert [a for a, _, _ in ACTORS.find_mentions("ISIS struck.")] == ["islamic-state"]


def test_titles_give_the_group_named_or_not():
    # the cases: named office-holders are government officials, not "unnamed"; an MP is
    # a legislator; a newspaper whose name holds "Spokesman" is not a spokesperson
    assert ACTORS.classify("Vice-President Mike Pence", "Mike Pence") == ("official", "role")
    assert {r.id: r.label for r in ACTORS.roles}["official"] == "Government official"
    assert ACTORS.classify("Labour MP Jess Phillips", "Jess Phillips") == ("legislator", "role")
    assert ACTORS.classify("Judge Amy Berman Jackson", "Amy Berman Jackson") == ("court", "role")
    assert ACTORS.classify("Tim Cook, the chief executive of Apple", "Tim Cook") == (
        "company",
        "role",
    )
    assert ACTORS.classify("the Spokesman-Review")[0] != "spokesperson"
    assert ACTORS.classify("a columnist for the Boston Globe")[0] == "media"
