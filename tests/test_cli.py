"""The command line, called as a function."""

from framing.cli import main

from .conftest import write_outlet


def test_report_writes_one_file_and_prints_its_path(bundled_corpus, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", "--corpus", str(bundled_corpus), "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


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
    assert main(["report", "--corpus", str(bundled_corpus), "--axes", str(axes), "--quiet",
                 "-o", str(tmp_path / "r.html")]) == 2
    assert "a.toml" in capsys.readouterr().err


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "report" in capsys.readouterr().out


def test_axes_explain_says_why_each_term_counted_or_not(bundled_corpus, capsys):
    assert main(["axes", "explain", "latin-times", "--corpus", str(bundled_corpus),
                 "--axis", "military-presence"]) == 0
    out = capsys.readouterr().out
    assert "6 of 8 axis terms counted" in out
    assert "- military-presence:mission  'Mission'  name" in out      # Resolute Support Mission
    assert "+ military-presence:mission  'presence'  counted" in out
    assert main(["axes", "explain", "latin-times", "--corpus", str(bundled_corpus),
                 "--counted-only"]) == 0
    assert " name" not in capsys.readouterr().out


def test_axes_explain_unknown_article_or_axis(bundled_corpus, capsys):
    assert main(["axes", "explain", "nope", "--corpus", str(bundled_corpus)]) == 2
    err = capsys.readouterr().err
    assert "no article 'nope'" in err and len(err.strip().splitlines()) == 1
    assert main(["axes", "explain", "press", "--corpus", str(bundled_corpus),
                 "--axis", "no-such-axis"]) == 2
    assert "no axis 'no-such-axis'" in capsys.readouterr().err
