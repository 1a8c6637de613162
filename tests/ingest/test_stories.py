"""Stories: suggestions by similarity within a date window; accepting changes metadata only."""

from __future__ import annotations

import pytest

from framing.cli import main
from framing.corpus import Corpus
from framing.errors import InputError
from framing.ingest import apply_story, list_stories, set_article_metadata, suggest_stories

from ..conftest import write_article, write_outlet

STRIKE = (
    "Dock workers walked out at the two busiest ports on Tuesday over plans for remote-controlled "
    "cranes. The union said {n} members joined the strike, the first since 1989, and the port "
    "operator called the walkout unnecessary while ministers urged talks."
)
FLOOD = (
    "Heavy rain flooded homes in the river valley overnight and rescuers used boats to reach "
    "stranded residents. The weather service warned of more storms {n} and opened shelters."
)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "c"
    for o in ("daily", "courier", "herald"):
        write_outlet(root, o, o.title())
    write_article(
        root,
        "daily",
        "strike",
        STRIKE.format(n="4,300"),
        published="2024-03-05",
        url="https://daily.example/strike",
    )
    write_article(
        root,
        "courier",
        "walkout",
        STRIKE.format(n="about 4,000") + " Shares fell.",
        published="2024-03-06",
    )
    write_article(
        root,
        "herald",
        "ports",
        "Ports strike: " + STRIKE.format(n="thousands of"),
        published="2024-03-20",
    )  # same event words, but outside the 3-day window
    write_article(root, "herald", "flood", FLOOD.format(n="tonight"), published="2024-03-05")
    write_article(
        root, "daily", "flood", FLOOD.format(n="this week"), published="2024-03-05"
    )  # same outlet
    write_article(root, "courier", "undated", FLOOD.format(n="later"))
    return root


def test_suggest_groups_different_outlets_within_the_window(corpus):
    groups = suggest_stories(corpus, window=3, threshold=0.3)
    # ordered by first date, then file path: deterministic numbers for --accept
    assert [sorted(m.outlet for m in g.members) for g in groups] == [
        ["daily", "herald"],
        ["courier", "daily"],
    ]
    flood, strike = groups
    assert [g.number for g in groups] == [1, 2]
    assert strike.story == "2024-03-05-strike" and flood.story == "2024-03-05-flood"
    assert {m.title for m in flood.members} == {"Flood"}
    # a wider window brings in the herald's later article
    wide = suggest_stories(corpus, window=20, threshold=0.3)
    assert sorted(m.outlet for m in wide[1].members) == ["courier", "daily", "herald"]


def test_accept_writes_the_story_only_and_keeps_the_text_byte_for_byte(corpus, capsys):
    files = sorted((corpus / "articles").rglob("*.md"))
    before = {p: p.read_bytes() for p in files}
    assert main(["stories", "--corpus", str(corpus), "suggest", "--threshold", "0.3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. ") and "accept with --accept" in out
    assert {p: p.read_bytes() for p in files} == before  # suggesting writes nothing
    assert (
        main(["stories", "--corpus", str(corpus), "suggest", "--threshold", "0.3", "--accept", "2"])
        == 0
    )
    story = suggest_stories(corpus, threshold=0.3)  # the accepted group is no longer suggested
    assert len(story) == 1 and {m.title for m in story[0].members} == {"Flood"}
    changed = {p for p in files if p.read_bytes() != before[p]}
    assert {p.parent.name + "/" + p.name for p in changed} == {
        "daily/strike.md",
        "courier/walkout.md",
    }
    for p in changed:
        old, new = before[p].decode(), p.read_bytes().decode()
        old_head, old_body = old.split("+++\n", 2)[1:]
        new_head, new_body = new.split("+++\n", 2)[1:]
        assert new_body == old_body  # the text, byte for byte
        assert new_head.startswith(old_head) and new_head[len(old_head) :].startswith("story = ")
    stories = {a.story for a in Corpus.load(corpus) if a.title in ("Strike", "Walkout")}
    assert len(stories) == 1 and stories != {""}


def test_assign_by_hand_and_clear(corpus, capsys):
    path = corpus / "articles" / "herald" / "ports.md"
    assert main(["stories", "assign", "ports-strike-2024", str(path)]) == 0
    assert 'story = "ports-strike-2024"' in path.read_text(encoding="utf-8")
    rows, unassigned = list_stories(corpus)
    assert [(r.story, r.articles) for r in rows] == [("ports-strike-2024", 1)] and unassigned == 5
    apply_story([path], "")
    assert "story" not in path.read_text(encoding="utf-8")
    with pytest.raises(InputError, match="not a lower-case slug"):
        apply_story([path], "Ports Strike!")


def test_existing_story_is_extended_and_conflicts_are_left_alone(corpus):
    daily = corpus / "articles" / "daily" / "strike.md"
    set_article_metadata(daily, story="ports-strike")
    [strike] = [g for g in suggest_stories(corpus, threshold=0.3) if "ports-strike" in g.story]
    assert strike.story == "ports-strike" and [m.outlet for m in strike.unassigned] == ["courier"]
    set_article_metadata(corpus / "articles" / "courier" / "walkout.md", story="other-story")
    [conflict] = [g for g in suggest_stories(corpus, threshold=0.3) if g.conflict]
    assert conflict.conflict == ("other-story", "ports-strike") and conflict.story == ""


def test_set_metadata_refuses_to_break_a_file(corpus):
    path = corpus / "articles" / "daily" / "strike.md"
    with pytest.raises(InputError, match="cannot set 'outlet'"):
        set_article_metadata(path, outlet="other")
    path.write_text("no metadata here\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no metadata block"):
        set_article_metadata(path, story="x")


def test_set_metadata_keeps_comments_key_order_and_line_endings(tmp_path):
    # the block is edited with tomlkit: the story line is replaced where it is, a removed key
    # takes only its own line, comments and the order of the other keys stay
    path = tmp_path / "a.md"
    head = (
        '+++\n# checked by hand, 2024-03-07\ntitle = "Strike"\n'
        'story = "old"   # was: ports\noutlet = "daily"\nnotes = "x"\n+++\n'
    )
    path.write_text(head + "Body.\n\nMore body.\n", encoding="utf-8")
    set_article_metadata(path, story="ports-strike", notes=None, language="en")
    assert path.read_text(encoding="utf-8") == (
        '+++\n# checked by hand, 2024-03-07\ntitle = "Strike"\n'
        'story = "ports-strike"   # was: ports\noutlet = "daily"\nlanguage = "en"\n+++\n'
        "Body.\n\nMore body.\n"
    )
    crlf = tmp_path / "b.md"
    crlf.write_bytes(b'+++\r\noutlet = "daily"\r\ntitle = "T"\r\n+++\r\nBody.\r\n')
    set_article_metadata(crlf, story="s")
    assert (
        crlf.read_bytes()
        == b'+++\r\noutlet = "daily"\r\ntitle = "T"\r\nstory = "s"\r\n+++\r\nBody.\r\n'
    )
    bad = tmp_path / "c.md"
    bad.write_text('+++\noutlet = "daily"\ntitle = \n+++\nBody.\n', encoding="utf-8")
    with pytest.raises(
        InputError, match=r"c\.md:3: cannot change the metadata: it is not valid TOML"
    ):
        set_article_metadata(bad, story="s")
