"""The command line, called as a function."""

import os
import re
import sys

from framing.cli import main

from .conftest import write_outlet


def test_report_writes_one_file_and_prints_its_path(bundled_corpus, tmp_path, capsys):
    # --quiet: the page's path on stdout and nothing else, nothing on stderr
    out = tmp_path / "r.html"
    assert main(["report", "--corpus", str(bundled_corpus), "-o", str(out), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{out}\n" and captured.err == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_report_default_output_is_reports_corpus_html(bundled_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--corpus", str(bundled_corpus), "--quiet"]) == 0
    assert (tmp_path / "reports" / "corpus.html").is_file()


def test_bad_corpus_gives_one_line_and_non_zero_exit(tmp_path, capsys):
    root = tmp_path / "c"
    write_outlet(root, "daily")
    bad = root / "articles" / "daily" / "x.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("no metadata\n", encoding="utf-8")
    assert main(["report", "--corpus", str(root), "-o", str(tmp_path / "r.html"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(bad) in err and "metadata block" in err
    assert not (tmp_path / "r.html").exists()


def test_bad_axis_file(bundled_corpus, tmp_path, capsys):
    axes = tmp_path / "a.toml"
    axes.write_text("[[axis]\n", encoding="utf-8")
    assert (
        main(
            [
                "report",
                "--corpus",
                str(bundled_corpus),
                "--axes",
                str(axes),
                "--quiet",
                "-o",
                str(tmp_path / "r.html"),
            ]
        )
        == 2
    )
    assert "a.toml" in capsys.readouterr().err


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "report" in capsys.readouterr().out


def test_axes_explain_says_why_each_term_counted_or_not(bundled_corpus, capsys):
    assert (
        main(
            [
                "axes",
                "explain",
                "latin-times",
                "--corpus",
                str(bundled_corpus),
                "--axis",
                "military-presence",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "6 of 8 axis terms counted" in out
    assert "- military-presence:mission  'Mission'  name" in out  # Resolute Support Mission
    assert "+ military-presence:mission  'presence'  counted" in out
    assert (
        main(["axes", "explain", "latin-times", "--corpus", str(bundled_corpus), "--counted-only"])
        == 0
    )
    assert " name" not in capsys.readouterr().out


def test_axes_explain_unknown_article_or_axis(bundled_corpus, capsys):
    assert main(["axes", "explain", "nope", "--corpus", str(bundled_corpus)]) == 2
    err = capsys.readouterr().err
    assert "no article 'nope'" in err and len(err.strip().splitlines()) == 1
    assert (
        main(
            ["axes", "explain", "press", "--corpus", str(bundled_corpus), "--axis", "no-such-axis"]
        )
        == 2
    )
    assert "no axis 'no-such-axis'" in capsys.readouterr().err


# --- rough edges a new user hit (issue 16): one line, never a traceback -------------------------


def _one_line_error(capsys, code, *needles):
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert "Traceback" not in err, err
    err = err.splitlines()[-1]  # (a progress bar may come first)
    assert err.startswith("framing "), err
    for needle in needles:
        assert needle in err, err
    return err


def test_import_of_a_binary_file_named_csv(tmp_path, capsys):
    path = tmp_path / "export.csv"
    path.write_bytes(bytes(range(256)) * 20)
    code = main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new"])
    _one_line_error(capsys, code, "export.csv", "not", "text")
    assert not (tmp_path / "c" / "articles").exists()  # nothing written


def test_import_of_a_truncated_gzip(tmp_path, capsys):
    import gzip
    import json

    full = gzip.compress(
        "".join(
            json.dumps(
                {"text": f"Article {i} about the mission.", "outlet": "o", "title": f"T {i}"}
            )
            + "\n"
            for i in range(2000)
        ).encode()
    )
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(full[: len(full) // 2])
    code = main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new"])
    _one_line_error(capsys, code, "export.jsonl.gz", "cut short")
    assert not (tmp_path / "c" / "articles").exists()


def test_report_to_a_folder_or_an_impossible_place(bundled_corpus, tmp_path, capsys):
    code = main(["report", "--corpus", str(bundled_corpus), "-o", str(tmp_path), "--quiet"])
    _one_line_error(capsys, code, "is a folder", str(tmp_path / "report.html"))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code = main(
        ["report", "--corpus", str(bundled_corpus), "-o", str(blocker / "r.html"), "--quiet"]
    )
    _one_line_error(capsys, code, "a-file")
    # a missing folder is made
    code = main(
        [
            "report",
            "--corpus",
            str(bundled_corpus),
            "-o",
            str(tmp_path / "new" / "r.html"),
            "--quiet",
        ]
    )
    assert code == 0 and (tmp_path / "new" / "r.html").is_file()


def test_a_semicolon_separated_csv_suggests_the_delimiter(tmp_path, capsys):
    path = tmp_path / "export.csv"
    path.write_text("title;text;outlet\nA;The mission ended;o\n", encoding="utf-8")
    code = main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new"])
    _one_line_error(capsys, code, "export.csv", "--delimiter ';'")
    assert (
        main(
            [
                "import",
                str(path),
                "--corpus",
                str(tmp_path / "c"),
                "--new",
                "--delimiter",
                ";",
                "--quiet",
            ]
        )
        == 0
    )


def test_a_utf16_export_is_read_and_a_binary_one_refused(tmp_path, capsys):
    csv_path = tmp_path / "excel.csv"  # Excel's "Unicode text" is UTF-16 with a byte-order mark
    csv_path.write_bytes("title,text,outlet\nA,The mission ended this week.,o\n".encode("utf-16"))
    jsonl_path = tmp_path / "u16.jsonl"
    jsonl_path.write_bytes(
        '{"title": "B", "text": "The occupation ended.", "outlet": "o"}\n'.encode("utf-16")
    )
    for path in (csv_path, jsonl_path):
        assert main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new", "--quiet"]) == 0
    assert len(list((tmp_path / "c" / "articles").rglob("*.md"))) == 2
    capsys.readouterr()
    binary = tmp_path / "data.jsonl"
    binary.write_bytes(b"\x00\x01PK\x03\x04" * 500)
    code = main(["import", str(binary), "--corpus", str(tmp_path / "d"), "--new"])
    _one_line_error(capsys, code, "data.jsonl", "binary")


def test_a_date_that_is_no_date_is_said_so(bundled_corpus, tmp_path, capsys):
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(bundled_corpus, corpus)
    path = next((corpus / "articles").rglob("*.md"))
    text = path.read_text(encoding="utf-8")
    import re

    path.write_text(
        re.sub(r"(?m)^published = .*$", "published = 2021-13-45", text), encoding="utf-8"
    )
    assert main(["check", "--corpus", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert "published = 2021-13-45 is not a date" in out and "YYYY-MM-DD" in out


def test_grouping_by_a_field_no_outlet_has_is_refused_before_any_work(
    bundled_corpus, tmp_path, capsys
):
    out = tmp_path / "r.html"
    code = main(["report", "--corpus", str(bundled_corpus), "--by", "leaning", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "no outlet has a leaning" in err and "'(unknown)'" in err
    assert "analysing" not in err  # refused before the analysis, not after it
    assert not out.exists()


def test_lexicons_writes_copies_to_edit_and_never_replaces_one_silently(
    bundled_corpus, tmp_path, capsys
):
    folder = tmp_path / "mine"
    assert main(["lexicons", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["actors.toml", "axes.toml", "loaded.toml", "reporting_verbs.toml"]
    capsys.readouterr()
    # an edited copy is used by the report
    axes = folder / "axes.toml"
    axes.write_text(axes.read_text(encoding="utf-8") + "\n# my edit\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert (
        main(
            [
                "report",
                "--corpus",
                str(bundled_corpus),
                "--axes",
                str(axes),
                "--loaded",
                str(folder / "loaded.toml"),
                "-o",
                str(out),
                "--quiet",
            ]
        )
        == 0
        and out.is_file()
    )
    # a second copy would replace the edit: refused in one line, nothing written
    assert main(["lexicons", str(folder)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert axes.read_text(encoding="utf-8").endswith("# my edit\n")
    assert main(["lexicons", str(folder), "--force"]) == 0
    assert not axes.read_text(encoding="utf-8").endswith("# my edit\n")


# --- the terminal (issue 16): stages, a closing summary, no bar noise in logs -----------------


def _visible(raw: str) -> list[str]:
    from .test_progress import visible_lines

    return visible_lines(raw)


def test_report_shows_each_stage_and_a_summary_that_matches_the_corpus(tmp_path, capsys):
    import csv

    from .corpus_factory import make_corpus

    corpus = make_corpus(tmp_path / "corpus", stories=2)  # 4 outlets x 2 stories x 2 = 16 articles
    out, tables = tmp_path / "r.html", tmp_path / "tables"
    assert (
        main(
            [
                "report",
                "--corpus",
                str(corpus),
                "-o",
                str(out),
                "--tables",
                str(tables),
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out == f"{out}\n"  # stdout is for scripts: the page's path only
    err = captured.err
    assert "\r" not in err and "\x1b" not in err  # not a terminal: plain lines, no bars
    lines = err.splitlines()
    stage_lines = [line for line in lines if not line.startswith(" ")]
    # each stage's done-line, in order, with its final count and time
    expected = [
        r"loading corpus: 16 articles, 4 outlets \(\d",
        r"loading lexicons: axes, loaded, attribution \(\d",
        r"analysing articles: 16 articles \(\d",
        r"comparing: 4 of 4 outlets compared \(\d",
        r"drawing sections: (\d) of (\d) with something to show \(\d",
        rf"writing page: {re.escape(str(out))}, \d+ kB \(\d",
        r"writing tables: (\d+) files, \d+ kB \(\d",
        r"framing report: done in \d",
    ]
    done = [line for line in stage_lines if not line.endswith(" ...")]  # (slow stages' start lines)
    assert len(done) == len(expected), err
    for line, pattern in zip(done, expected):
        assert re.match(pattern, line), (pattern, line)
    n_sections, n_modules = map(int, re.match(expected[4], done[4]).groups())
    n_files = len(list(tables.iterdir()))
    assert int(re.match(expected[6], done[6]).group(1)) == n_files
    # the summary
    summary = {
        line.split()[0]: line.split(None, 1)[1]
        for line in lines[lines.index(done[-1]) + 1 :]
        if not line.startswith("            ")
    }
    with open(tables / "articles.csv", newline="", encoding="utf-8") as fh:
        words = sum(int(row["n_words"]) for row in csv.DictReader(fh))
    assert summary["articles"] == f"16 ({words:,} words, 2021-08-06 to 2021-08-12)"
    assert summary["outlets"] == "4"
    assert summary["sections"].startswith(f"{n_sections} on the page")
    assert (n_sections == n_modules) == ("left out" not in summary["sections"])
    assert (
        summary["warnings"] == "1"
    )  # every outlet has 4 articles, under the small-sample threshold
    assert "- 4 of the 4 outlets compared have fewer than 5 articles" in err
    assert summary["page"] == f"{out} ({out.stat().st_size / 1000:.0f} kB)"
    assert summary["tables"].startswith(f"{tables}{os.sep} ({n_files} files, ")


def test_report_on_a_terminal_keeps_every_final_count_and_names_the_page_once(
    bundled_corpus, tmp_path, monkeypatch
):
    from .test_progress import Terminal

    term_err, term_out = Terminal(), Terminal()
    monkeypatch.setattr(sys, "stderr", term_err)
    monkeypatch.setattr(sys, "stdout", term_out)
    out = tmp_path / "r.html"
    assert main(["report", "--corpus", str(bundled_corpus), "-o", str(out), "--jobs", "1"]) == 0
    assert "\r" in term_err.getvalue()  # live bars were drawn …
    shown = _visible(term_err.getvalue())
    # … and replaced by done-lines that stay, with the final counts
    n = len(list((bundled_corpus / "articles").rglob("*.md")))
    assert any(line.startswith(f"analysing articles: {n} articles (") for line in shown), shown
    assert any(line.startswith("comparing: ") for line in shown), shown
    assert any(line.startswith("drawing sections: ") for line in shown), shown
    assert any(line == f"  page      {out} ({out.stat().st_size / 1000:.0f} kB)" for line in shown)
    assert term_out.getvalue() == ""  # the summary named the page: not printed twice


def test_import_with_bad_records_in_a_log_is_plain_lines_then_the_error(
    tmp_path, capsys, monkeypatch
):
    from framing import progress

    # (a stage that has run for a while says so in a log: not what this test is about)
    monkeypatch.setattr(progress, "START_LINE_AFTER_SECONDS", 600.0)
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"title": "a", "outlet": "o"}\n{"title": "b", "outlet": "o", "text": "x"}\nnot json\n',
        encoding="utf-8",
    )
    assert main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new"]) == 2
    err = capsys.readouterr().err
    # was: "\rchecking: 0 articles [00:00, ? articles/s]\rchecking: 3 articles [00:00, …]"
    assert "\r" not in err and "?" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert re.fullmatch(r"checking: 3 records \(\d+\.\d s\)", lines[0])
    assert (
        lines[1].startswith("framing import: error: ")
        and "2 bad record(s) at line(s) 1, 3" in lines[1]
    )


def test_import_cut_short_on_a_terminal_clears_its_bar_before_the_error(tmp_path, monkeypatch):
    import gzip
    import json

    from .test_progress import Terminal

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    full = gzip.compress(
        "".join(
            json.dumps(
                {"text": f"Article {i} about the mission.", "outlet": "o", "title": f"T {i}"}
            )
            + "\n"
            for i in range(2000)
        ).encode()
    )
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(full[: len(full) // 2])
    assert main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new"]) == 2
    shown = _visible(term.getvalue())
    assert len(shown) == 1 and shown[0].startswith("framing import: error: "), shown


def test_import_says_which_leaning_was_stored_and_why_when_they_tie(tmp_path, capsys):
    import json

    rows = [
        ("Mixed Post", "right"),
        ("Mixed Post", "left"),
        ("Mixed Post", "left"),
        ("Mixed Post", "right"),
        ("Even News", "center"),
        ("Even News", "left"),
        ("Even News", "center"),
    ]
    path = tmp_path / "export.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "title": f"T{i}",
                    "outlet": outlet,
                    "bias": leaning,
                    "text": f"Article {i} on the mission, told {i} ways.",
                }
            )
            + "\n"
            for i, (outlet, leaning) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    corpus = tmp_path / "c"
    assert (
        main(
            ["import", str(path), "--corpus", str(corpus), "--new", "--leaning", "bias", "--quiet"]
        )
        == 0
    )
    out = capsys.readouterr().out
    tie = next(line for line in out.splitlines() if line.startswith("outlet 'mixed-post'"))
    stored = (corpus / "outlets" / "mixed-post.toml").read_text(encoding="utf-8")
    assert 'leaning = "right"' in stored  # the first of the tied leanings in the file
    assert "(right 2, left 2), a tie between 'right' and 'left'" in tie
    assert "'right' was stored because it comes first in the file" in tie
    assert f'set leaning = "..." in {corpus / "outlets" / "mixed-post.toml"}' in tie
    majority = next(line for line in out.splitlines() if line.startswith("outlet 'even-news'"))
    assert "(center 2, left 1); 'center', the most common, was stored in " in majority
    assert "tie" not in majority


def test_report_tables_format_parquet(bundled_corpus, tmp_path, capsys):
    tables = tmp_path / "tables"
    assert (
        main(
            [
                "report",
                "--corpus",
                str(bundled_corpus),
                "-o",
                str(tmp_path / "r.html"),
                "--tables",
                str(tables),
                "--format",
                "parquet",
                "--quiet",
            ]
        )
        == 0
    )
    names = {p.suffix for p in tables.iterdir()}
    assert names == {".parquet"}


def test_report_bad_tables_format_is_one_line(bundled_corpus, tmp_path, capsys):
    code = main(
        [
            "report",
            "--corpus",
            str(bundled_corpus),
            "-o",
            str(tmp_path / "r.html"),
            "--tables",
            str(tmp_path / "t"),
            "--format",
            "csv,xlsx",
        ]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and "--format" in err[0] and "parquet" in err[0]
    assert not (tmp_path / "r.html").exists()


def test_every_section_has_a_name_for_the_closing_summary():
    from framing.commands.report import _SECTION_NAMES
    from framing.report.sections import ORDER

    assert set(ORDER) == set(_SECTION_NAMES)
    assert all("_" not in name for name in _SECTION_NAMES.values())
