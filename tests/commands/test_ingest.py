"""The command line of growing a corpus: add, import, outlets, check, stories."""

from __future__ import annotations

import json

from framing.cli import COMMANDS, build_parser, main

from ..conftest import write_article, write_outlet

BODY = (
    "Councillors voted on Monday to close the old swimming baths, despite a petition signed "
    "by 3,000 residents.\n\nThe council said repairs would cost more than a new pool."
)


def test_commands_are_registered_in_order():
    assert [c for c in COMMANDS if c in ("add", "import_cmd", "outlets", "check", "stories")] == [
        "add",
        "import_cmd",
        "outlets",
        "check",
        "stories",
    ]
    help_text = build_parser().format_help()
    for name in ("add", "import", "outlets", "check", "stories"):
        assert f"    {name} " in help_text


def test_add_then_outlets_shows_what_is_missing_then_edit(tmp_path, capsys):
    corpus = tmp_path / "c"
    src = tmp_path / "baths.txt"
    src.write_text("Baths to close\n\n" + BODY, encoding="utf-8")
    assert (
        main(
            [
                "add",
                str(src),
                "--corpus",
                str(corpus),
                "--new",
                "--outlet",
                "Town Crier",
                "--date",
                "2024-02-05",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith(
        f"added {corpus / 'articles' / 'town-crier' / '2024-02-05-baths-to-close.md'}"
    )
    assert "new outlet 'town-crier'" in out
    assert main(["outlets", "--corpus", str(corpus)]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert lines[1].split() == [
        "town-crier",
        "1",
        "2024-02-05",
        "2024-02-05",
        "domain,",
        "country,",
        "owner,",
        "ownership,",
        "language",
    ]
    assert (
        main(
            [
                "outlets",
                "--corpus",
                str(corpus),
                "edit",
                "town-crier",
                "--country",
                "United Kingdom",
                "--ownership",
                "private",
                "--owner",
                "Crier Ltd",
                "--language",
                "en",
                "--domain",
                "crier.example",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["outlets", "--corpus", str(corpus), "--missing"]) == 0
    assert "0 outlets" in capsys.readouterr().out


def test_outlets_edit_errors_are_one_line(tmp_path, capsys):
    write_outlet(tmp_path, "daily", "Daily")
    assert main(["outlets", "--corpus", str(tmp_path), "edit", "nope", "--country", "X"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no outlet 'nope'" in err
    assert main(["outlets", "--corpus", str(tmp_path), "edit", "daily"]) == 2
    assert "nothing to set" in capsys.readouterr().err


def test_outlets_on_a_missing_corpus(tmp_path, capsys):
    assert main(["outlets", "--corpus", str(tmp_path / "none")]) == 2
    assert "corpus folder not found" in capsys.readouterr().err


def test_check_lists_every_problem_and_exits_non_zero(tmp_path, capsys):
    root = tmp_path / "c"
    write_outlet(root, "daily", "Daily")
    write_outlet(root, "herald", "Herald")
    write_article(root, "daily", "ok", BODY, url="https://daily.example/a")
    write_article(
        root,
        "daily",
        "same-url",
        "Another text entirely, about roads.",
        url="https://www.daily.example/a/",
    )
    write_article(root, "herald", "same-text", BODY.replace("\n\n", "\n"))
    write_article(root, "daily", "ghost", "Text.", outlet="ghost-outlet")
    write_article(root, "herald", "misfiled", "A different story about trains.", outlet="daily")
    (root / "articles" / "daily" / "no-title.md").write_text(
        '+++\noutlet = "daily"\n+++\nText\n', encoding="utf-8"
    )
    (root / "articles" / "daily" / "empty-body.md").write_text(
        '+++\noutlet = "daily"\ntitle = "T"\n+++\n\n', encoding="utf-8"
    )
    (root / "articles" / "daily" / "latin1.md").write_bytes(
        '+++\noutlet = "daily"\ntitle = "Caf\xe9"\n+++\nCaf\xe9\n'.encode("latin-1")
    )
    (root / "articles" / "daily" / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "articles" / "daily" / "notes.txt").write_text("stray", encoding="utf-8")
    (root / "outlets" / "broken.toml").write_text('name = "Unclosed\n', encoding="utf-8")
    assert main(["check", "--corpus", str(root), "--quiet"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    text = captured.out

    def has(name, words):
        return any(name in line and words in line for line in lines)

    assert has("broken.toml", "not valid TOML")
    assert has("same-url.md", "duplicate of") and has("same-url.md", "same URL")
    assert has("same-text.md", "same text")
    assert has("ghost.md", "unknown outlet 'ghost-outlet'")
    assert has("no-title.md", "lacks the required field 'title'")
    assert has("empty-body.md", "empty") or has("empty-body.md", "no article text")
    assert has("latin1.md", "not UTF-8")
    assert has("binary.md", "binary")
    assert has("misfiled.md", "warning: filed under articles/herald/")
    assert has("notes.txt", "warning: not an article file")
    assert text.index(": error:") < text.index(": warning:")
    assert "9 articles, 2 outlets: 8 errors, 2 warnings" in captured.err


def test_check_passes_on_the_bundled_corpus(bundled_corpus, capsys):
    assert main(["check", "--corpus", str(bundled_corpus), "--quiet"]) == 0
    assert "2 articles, 2 outlets: 0 errors" in capsys.readouterr().out


def test_import_cli_prints_a_summary_and_is_idempotent(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(
        "".join(
            json.dumps(
                {
                    "text": f"Story {i}. " + BODY,
                    "outlet": "Daily",
                    "title": f"T {i}",
                    "published": f"2024-01-0{i + 1}",
                }
            )
            + "\n"
            for i in range(3)
        ),
        encoding="utf-8",
    )
    args = ["import", str(src), "--corpus", str(tmp_path / "c"), "--new", "--quiet"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "3 articles added; 0 duplicates skipped; 1 new outlets" in out
    assert main(args) == 0
    assert "0 articles added; 3 duplicates skipped; 0 new outlets" in capsys.readouterr().out
    assert main(["stories", "--corpus", str(tmp_path / "c")]) == 0
    assert "0 stories; 3 articles in none" in capsys.readouterr().out


def test_import_bad_arguments(tmp_path, capsys):
    assert (
        main(["import", str(tmp_path / "missing.jsonl"), "--corpus", str(tmp_path / "c"), "--new"])
        == 2
    )
    assert "file not found" in capsys.readouterr().err
    (tmp_path / "a.xml").write_text("<x/>", encoding="utf-8")
    assert main(["import", str(tmp_path / "a.xml"), "--corpus", str(tmp_path / "c"), "--new"]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    (tmp_path / "a.jsonl").write_text('{"text": "x", "outlet": "y"}\n', encoding="utf-8")
    assert main(["import", str(tmp_path / "a.jsonl"), "--map-outlet", "no-equals-sign"]) == 2
    assert "is not NAME=VALUE" in capsys.readouterr().err


def test_stories_accept_rejects_unknown_numbers(tmp_path, capsys):
    write_outlet(tmp_path, "daily", "Daily")
    write_article(tmp_path, "daily", "a", BODY, published="2024-01-01")
    assert main(["stories", "--corpus", str(tmp_path), "suggest", "--accept", "3"]) == 2
    assert "no suggestion numbered 3 (there are 0)" in capsys.readouterr().err
    assert main(["stories", "--corpus", str(tmp_path), "suggest"]) == 0
    assert "no suggestions" in capsys.readouterr().out


def test_a_temporary_file_left_by_an_interrupted_write_is_removed_by_the_next_write(
    bundled_corpus, tmp_path, capsys
):
    import os
    import shutil
    import time

    corpus = tmp_path / "c"
    shutil.copytree(bundled_corpus, corpus)
    left = corpus / "articles" / "latin-times" / ".tmp-k2j3h4.part"
    left.write_text("half an artic", encoding="utf-8")
    old = time.time() - 60
    os.utime(left, (old, old))
    # check: a warning (nothing was lost), not a failure
    assert main(["check", "--corpus", str(corpus)]) == 0
    assert "interrupted write" in capsys.readouterr().out
    # the next add removes it
    src = tmp_path / "a.txt"
    src.write_text("The foreign mission in Afghanistan ended this week.", encoding="utf-8")
    assert (
        main(
            [
                "add",
                str(src),
                "--corpus",
                str(corpus),
                "--new",
                "--outlet",
                "latin-times",
                "--title",
                "Mission over",
            ]
        )
        == 0
    )
    assert not left.exists()
    capsys.readouterr()
    assert main(["check", "--corpus", str(corpus)]) == 0
    assert "interrupted write" not in capsys.readouterr().out


def test_a_mistyped_corpus_is_refused_and_a_new_one_needs_new(tmp_path, capsys):
    src = tmp_path / "note.txt"
    src.write_text(
        "The harbour strike ended on Monday after dock workers accepted a new pay offer "
        "from the port authority, union leaders said at a rally in the city centre.",
        encoding="utf-8",
    )
    typo = tmp_path / "corpsu"
    base = ["add", str(src), "--outlet", "Town Crier", "--title", "Strike ends"]
    assert main(base + ["--corpus", str(typo)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "corpsu: no such corpus folder" in err and "--new" in err
    assert not typo.exists()
    (tmp_path / "notes").mkdir()
    assert main(base + ["--corpus", str(tmp_path / "notes")]) == 2
    assert "is not a corpus (it has no outlets/ folder)" in capsys.readouterr().err
    assert list((tmp_path / "notes").iterdir()) == []
    data = tmp_path / "a.jsonl"
    data.write_text(
        f'{{"text": "{src.read_text()}", "outlet": "Town Crier", "title": "Strike"}}\n',
        encoding="utf-8",
    )
    assert main(["import", str(data), "--corpus", str(typo), "--quiet"]) == 2
    assert "no such corpus folder" in capsys.readouterr().err and not typo.exists()
    # --new starts one; afterwards the folder is a corpus and needs no flag
    real = tmp_path / "corpus"
    assert main(base + ["--corpus", str(real), "--new"]) == 0
    assert "new corpus" in capsys.readouterr().out
    second = tmp_path / "note2.txt"
    second.write_text(
        src.read_text().replace("Monday", "Tuesday and the port reopened"), encoding="utf-8"
    )
    assert (
        main(
            [
                "add",
                str(second),
                "--outlet",
                "Town Crier",
                "--title",
                "Port reopens",
                "--corpus",
                str(real),
            ]
        )
        == 0
    )
    assert len(list((real / "articles" / "town-crier").glob("*.md"))) == 2


def test_one_bad_file_among_several_says_the_good_ones_were_not_saved_either(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Baths to close\n\n" + BODY, encoding="utf-8")
    corpus = tmp_path / "c"
    assert (
        main(
            [
                "add",
                str(good),
                str(tmp_path / "missing.txt"),
                "--corpus",
                str(corpus),
                "--new",
                "--outlet",
                "Town Crier",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err.strip().split("\n")
    assert err[0].endswith("missing.txt: file not found")
    assert (
        "1 of 2 inputs could not be added; nothing was saved (--skip-bad saves the others)"
        in err[-1]
    )
    assert not corpus.exists()
