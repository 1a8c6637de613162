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
    full = gzip.compress("".join(json.dumps({"text": f"Article {i} about the mission.",
                                             "outlet": "o", "title": f"T {i}"}) + "\n"
                                 for i in range(2000)).encode())
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
    code = main(["report", "--corpus", str(bundled_corpus), "-o", str(blocker / "r.html"),
                 "--quiet"])
    _one_line_error(capsys, code, "a-file")
    # a missing folder is made
    code = main(["report", "--corpus", str(bundled_corpus), "-o",
                 str(tmp_path / "new" / "r.html"), "--quiet"])
    assert code == 0 and (tmp_path / "new" / "r.html").is_file()


def test_a_semicolon_separated_csv_suggests_the_delimiter(tmp_path, capsys):
    path = tmp_path / "export.csv"
    path.write_text("title;text;outlet\nA;The mission ended;o\n", encoding="utf-8")
    code = main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new"])
    _one_line_error(capsys, code, "export.csv", "--delimiter ';'")
    assert main(["import", str(path), "--corpus", str(tmp_path / "c"), "--new", "--delimiter", ";",
                 "--quiet"]) == 0


def test_a_utf16_export_is_read_and_a_binary_one_refused(tmp_path, capsys):
    csv_path = tmp_path / "excel.csv"  # Excel's "Unicode text" is UTF-16 with a byte-order mark
    csv_path.write_bytes("title,text,outlet\nA,The mission ended this week.,o\n".encode("utf-16"))
    jsonl_path = tmp_path / "u16.jsonl"
    jsonl_path.write_bytes('{"title": "B", "text": "The occupation ended.", "outlet": "o"}\n'
                           .encode("utf-16"))
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
    path.write_text(re.sub(r"(?m)^published = .*$", "published = 2021-13-45", text),
                    encoding="utf-8")
    assert main(["check", "--corpus", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert "published = 2021-13-45 is not a date" in out and "YYYY-MM-DD" in out


def test_grouping_by_a_field_no_outlet_has_is_refused_before_any_work(bundled_corpus, tmp_path,
                                                                       capsys):
    out = tmp_path / "r.html"
    code = main(["report", "--corpus", str(bundled_corpus), "--by", "leaning", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "no outlet has a leaning" in err and "'(unknown)'" in err
    assert "analysing" not in err  # refused before the analysis, not after it
    assert not out.exists()


def test_lexicons_writes_copies_to_edit_and_never_replaces_one_silently(bundled_corpus, tmp_path,
                                                                        capsys):
    folder = tmp_path / "mine"
    assert main(["lexicons", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["actors.toml", "axes.toml", "loaded.toml", "reporting_verbs.toml"]
    capsys.readouterr()
    # an edited copy is used by the report
    axes = folder / "axes.toml"
    axes.write_text(axes.read_text(encoding="utf-8") + "\n# my edit\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", "--corpus", str(bundled_corpus), "--axes", str(axes), "--loaded",
                 str(folder / "loaded.toml"), "-o", str(out), "--quiet"]) == 0 and out.is_file()
    # a second copy would replace the edit: refused in one line, nothing written
    assert main(["lexicons", str(folder)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert axes.read_text(encoding="utf-8").endswith("# my edit\n")
    assert main(["lexicons", str(folder), "--force"]) == 0
    assert not axes.read_text(encoding="utf-8").endswith("# my edit\n")
