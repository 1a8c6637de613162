"""Given names and the gender they hint at (framing/data/given_names.tsv)."""

from __future__ import annotations

from framing.names import given_name_gender, is_given_name


def test_gender_of_a_name_by_its_given_name():
    assert given_name_gender("Hillary Clinton") == "f"
    assert given_name_gender("Donald Trump") == "m"
    assert given_name_gender("HILLARY CLINTON") == "f"  # a headline's capitals


def test_no_gender_where_the_list_does_not_settle_it():
    assert given_name_gender("Kelly Ayotte") == ""  # borne by women and men
    assert given_name_gender("Xi Jinping") == ""  # not in the list
    assert given_name_gender("Andrea Bocelli") == ""  # male in Italy: left without a gender
    assert given_name_gender("Kim Jong Un") == ""  # a Korean surname first
    assert given_name_gender("Grant") == ""  # one word may be a surname


def test_given_names_are_names_with_or_without_a_gender():
    assert is_given_name("Kelly") and is_given_name("Hillary") and is_given_name("Michael")
    assert not is_given_name("Manchester") and not is_given_name("Equity")


def test_the_list_cites_its_source_and_is_well_formed():
    from importlib import resources

    text = resources.files("framing").joinpath("data/given_names.tsv").read_text("utf-8")
    assert "U.S. Census Bureau" in text and "public domain" in text
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) > 2500
    assert all(len(r) == 2 and r[1] in ("f", "m", "-") for r in rows)
