"""``framing axes suggest|promote`` from the command line."""

import pytest

from framing.axes import load_axes
from framing.cli import main
from framing.commands.axes import promote
from framing.errors import InputError, LexiconError
from tests.conftest import write_article, write_outlet
from tests.stats.test_discovery import _corpus


def test_promote_starts_from_the_built_in_lexicon_and_adds_the_axis(tmp_path, capsys):
    target = tmp_path / "axes.toml"
    code = main(
        [
            "axes",
            "promote",
            "liberation",
            "takeover",
            "--axis-id",
            "kabul-fall",
            "--label",
            "The Taliban's entry into Kabul",
            "--context",
            "taliban",
            "kabul",
            "--more-b",
            "seizure",
            "--into",
            str(target),
        ]
    )
    assert code == 0 and "kabul-fall" in capsys.readouterr().out
    lexicon = load_axes(target)
    built_in = load_axes()
    assert len(lexicon) == len(built_in) + 1
    axis = lexicon["kabul-fall"]
    assert axis.pole_names == ("liberation", "takeover")
    assert axis.poles[1].terms == ("takeover", "seizure") and axis.context == ("taliban", "kabul")


def test_promote_never_writes_an_invalid_file(tmp_path, capsys):
    target = tmp_path / "mine.toml"
    promote("liberation", "takeover", axis_id="kabul-fall", into=target)
    before = target.read_bytes()
    assert (
        main(["axes", "promote", "a", "b", "--axis-id", "kabul-fall", "--into", str(target)]) == 2
    )
    assert "defined twice" in capsys.readouterr().err
    with pytest.raises(LexiconError, match="both"):
        promote("retreat", "retreats", axis_id="same-word", into=target)
    with pytest.raises(InputError, match="slug"):
        promote("a", "b", axis_id="Not A Slug", into=target)
    assert target.read_bytes() == before
    # quotes and backslashes in terms stay valid TOML
    promote('so-called "peace"', "peace\\talks", axis_id="quoted", into=target)
    assert load_axes(target)["quoted"].poles[0].terms == ('so-called "peace"',)


def test_promote_keeps_every_byte_of_the_users_file(tmp_path):
    # an axis whose pole and rule tables alternate, as in the built-in file: a tomlkit round trip
    # would gather the poles and move the comments between them, so the new axis is appended
    target = tmp_path / "mine.toml"
    mine = (
        '# my axes\r\n\r\n[[axis]]\r\nid = "exit"   # the troops\' exit\r\nlabel = "Exit"\r\n'
        'question = "?"\r\n\r\n[[axis.pole]]\r\nname = "withdrawal"\r\nterms = ["withdrawal"]\r\n'
        '\r\n[[axis.rule]]\r\n# only beside troops\r\nterms = ["withdrawal"]\r\nalso_near = ["troops"]\r\n'
        '\r\n[[axis.pole]]\r\nname = "retreat"\r\nterms = ["retreat"]\r\n\r\n# --- next topic ---\r\n'
    )
    target.write_bytes(mine.encode("utf-8"))
    promote("liberation", "takeover", axis_id="kabul-fall", into=target)
    written = target.read_bytes().decode("utf-8")
    assert written.startswith(mine.rstrip("\r\n") + '\r\n\r\n[[axis]]\r\nid = "kabul-fall"\r\n')
    assert "\n" not in written.replace("\r\n", "")  # the file's line endings throughout
    assert [a.id for a in load_axes(target)] == ["exit", "kabul-fall"]


def test_promote_into_a_broken_file_reports_it(tmp_path):
    target = tmp_path / "broken.toml"
    target.write_text("[[axis]\nid = ", encoding="utf-8")
    with pytest.raises(LexiconError):
        promote("a", "b", axis_id="x", into=target)
    assert target.read_text(encoding="utf-8") == "[[axis]\nid = "


def test_suggest_prints_the_planted_pair_with_evidence(tmp_path, capsys):
    texts, groups = _corpus(5, n_docs=25)
    root = tmp_path / "corpus"
    for outlet, leaning in (("a", "left"), ("b", "right")):
        write_outlet(root, outlet, leaning=leaning)
    for i, (text, group) in enumerate(zip(texts, groups)):
        write_article(root, group.lower(), f"story-{i}", text + ".")
    csv = tmp_path / "out.csv"
    code = main(
        [
            "axes",
            "suggest",
            "--corpus",
            str(root),
            "--by",
            "leaning",
            "--min-count",
            "10",
            "--components",
            "20",
            "--top",
            "3",
            "--csv",
            str(csv),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    first = out.split("\n  1. ")[1].splitlines()[0]
    assert "occupation" in first and "mission" in first
    assert "left 25:0" in out or "left 0:25" in out
    assert "framing axes promote" in out and csv.exists()


def test_suggest_needs_two_groups(tmp_path, capsys):
    root = tmp_path / "corpus"
    write_outlet(root, "a")
    write_article(root, "a", "one", "Troops left the country.")
    assert main(["axes", "suggest", "--corpus", str(root), "--by", "leaning"]) == 2
    assert "share one leaning" in capsys.readouterr().err
