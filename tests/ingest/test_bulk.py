"""`framing import`: JSONL, CSV and Parquet with a column mapping; bad input; interruption."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import os
import time

import pytest

from framing.cli import main
from framing.corpus import Corpus
from framing.errors import InputError
from framing.ingest import ColumnMap, CorpusWriter, check_corpus, import_file

TEXT = (
    "The city council approved the new budget on Tuesday after a long debate about "
    "library funding and road repairs across the northern districts."
)
MAP = ColumnMap(
    text="content_original",
    outlet="source",
    date="date",
    id="ID",
    outlet_domain="source_url",
    leaning="bias_text",
    extras={"topic": "topic"},
)


def _record(i, source="The Hill", **over):
    rec = {
        "ID": f"id{i}",
        "topic": "budget",
        "source": source,
        "source_url": "www.thehill.com",
        "url": f"https://thehill.com/story/{i}",
        "date": "2016-09-20",
        "authors": "A. One, B. Two",
        "title": f"Council passes budget {i}",
        "content_original": f"Story {i}. {TEXT}",
        "bias_text": "center",
    }
    rec.update(over)
    return rec


def _jsonl(path, records, *, gz=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def _tree(root):
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_jsonl_gz_import_byte_for_byte(tmp_path):
    src = _jsonl(
        tmp_path / "a.jsonl.gz",
        [
            _record(1),
            _record(2, date="7/23/17", bias_text="left"),
            _record(3, bias_text="left", date=""),
        ],
        gz=True,
    )
    report = import_file(src, tmp_path / "c", columns=MAP)
    assert (report.added, len(report.duplicates), report.new_outlets) == (3, 0, ["the-hill"])
    path = tmp_path / "c" / "articles" / "the-hill" / "2016-09-20-council-passes-budget-1.md"
    assert path.read_text(encoding="utf-8") == (
        '+++\noutlet = "the-hill"\ntitle = "Council passes budget 1"\npublished = 2016-09-20\n'
        'url = "https://thehill.com/story/1"\nauthors = ["A. One", "B. Two"]\nsource_id = "id1"\n'
        'topic = "budget"\n+++\nStory 1. ' + TEXT + "\n"
    )
    # the outlet-level label is the one most articles carry (2 left, 1 center)
    outlet = (tmp_path / "c" / "outlets" / "the-hill.toml").read_text(encoding="utf-8")
    assert 'name = "The Hill"' in outlet and 'domain = "thehill.com"' in outlet
    assert 'leaning = "left"' in outlet and report.leaning_conflicts == {
        "the-hill": {"left": 2, "center": 1}
    }
    articles = {a.title: a for a in Corpus.load(tmp_path / "c")}
    assert articles["Council passes budget 2"].published == dt.date(2017, 7, 23)
    assert articles["Council passes budget 3"].published is None and report.undated == 1


def test_csv_and_parquet_give_the_same_corpus(tmp_path):
    records = [_record(i) for i in range(5)]
    with open(tmp_path / "a.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(records), tmp_path / "a.parquet")
    import_file(tmp_path / "a.csv", tmp_path / "from_csv", columns=MAP)
    import_file(tmp_path / "a.parquet", tmp_path / "from_parquet", columns=MAP)
    assert _tree(tmp_path / "from_csv") == _tree(tmp_path / "from_parquet")
    assert len(list(Corpus.load(tmp_path / "from_csv"))) == 5


def test_csv_without_the_mapped_column(tmp_path, capsys):
    (tmp_path / "a.csv").write_text("headline,body,paper\nT,Some text here,P\n", encoding="utf-8")
    code = main(
        [
            "import",
            str(tmp_path / "a.csv"),
            "--corpus",
            str(tmp_path / "c"),
            "--new",
            "--text",
            "content",
            "--outlet",
            "paper",
            "--quiet",
        ]
    )
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.count("\n") == 0
    assert "has no column 'content' (mapped with --text)" in err and "headline, body, paper" in err
    assert not (tmp_path / "c").exists()
    # a required field with no column of a usual name ("body" is one for the text, "paper" not
    # for the outlet)
    code = main(
        ["import", str(tmp_path / "a.csv"), "--corpus", str(tmp_path / "c"), "--new", "--quiet"]
    )
    assert code == 2 and "no column for the article outlet" in capsys.readouterr().err


def test_malformed_lines_are_reported_by_number_and_nothing_is_imported(tmp_path, capsys):
    lines = [
        json.dumps(_record(1)),
        "{not json",
        json.dumps(_record(2)),
        "[1, 2]",
        json.dumps(_record(3, content_original="   ")),
        json.dumps(_record(4)),
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = [
        "import",
        str(src),
        "--corpus",
        str(tmp_path / "c"),
        "--new",
        "--text",
        "content_original",
        "--outlet",
        "source",
        "--quiet",
    ]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err.count("\n") == 0 and "3 bad record(s) at line(s) 2, 4, 5" in err and "--skip-bad" in err
    )
    assert not (tmp_path / "c").exists()
    assert main(args + ["--skip-bad"]) == 0
    out = capsys.readouterr().out
    assert "skipped bad record at line 2: is not valid JSON" in out
    assert (
        "line 4: is a JSON list, not an object" in out
        and 'line 5: the text field ("content_original") is empty' in out
    )
    assert len(list(Corpus.load(tmp_path / "c"))) == 3


def test_text_that_is_only_page_furniture_is_a_bad_record(tmp_path):
    src = _jsonl(
        tmp_path / "a.jsonl",
        [_record(1), _record(2, content_original="© 2016 The Hill. All rights reserved.")],
    )
    with pytest.raises(InputError, match="line.* 2.*no article text"):
        import_file(src, tmp_path / "c", columns=MAP)
    assert not (tmp_path / "c").exists()


def test_duplicates_in_the_file_and_on_rerun(tmp_path):
    records = [
        _record(1),
        _record(2),
        _record(1, ID="copy-of-1"),  # same URL
        _record(3, url="https://other.example/3", content_original=f"Story 2.   {TEXT}\n"),
    ]  # same text as 2
    src = _jsonl(tmp_path / "a.jsonl", records)
    report = import_file(src, tmp_path / "c", columns=MAP)
    assert report.added == 2
    assert [(w.rsplit(":", 1)[1], r) for w, r, _ in report.duplicates] == [
        ("3", "same URL"),
        ("4", "same text"),
    ]
    before = _tree(tmp_path / "c")
    again = import_file(src, tmp_path / "c", columns=MAP)
    assert again.added == 0 and len(again.duplicates) == 4
    assert _tree(tmp_path / "c") == before


def test_interrupted_import_leaves_whole_articles_and_a_rerun_completes_it(tmp_path, monkeypatch):
    src = _jsonl(tmp_path / "a.jsonl", [_record(i, source=f"Paper {i % 3}") for i in range(20)])
    real_commit = CorpusWriter.commit
    calls = {"n": 0}

    def crash_after_seven(self, prepared):
        if calls["n"] == 7:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the import
        calls["n"] += 1
        return real_commit(self, prepared)

    monkeypatch.setattr(CorpusWriter, "commit", crash_after_seven)
    with pytest.raises(KeyboardInterrupt):
        import_file(src, tmp_path / "c", columns=MAP)
    monkeypatch.setattr(CorpusWriter, "commit", real_commit)
    assert len(list(Corpus.load(tmp_path / "c"))) == 7  # whole articles only, and they load
    # a process killed while writing leaves at most a hidden temporary file, never a half article
    leftover = tmp_path / "c" / "articles" / "paper-0" / ".tmp-abc123.part"
    leftover.write_text("+++\noutlet = ", encoding="utf-8")
    os.utime(leftover, (time.time() - 60, time.time() - 60))
    assert len(list(Corpus.load(tmp_path / "c"))) == 7
    assert [
        p.severity
        for p in check_corpus(tmp_path / "c").problems
        if "interrupted write" in p.message
    ] == ["warning"]
    report = import_file(src, tmp_path / "c", columns=MAP)
    assert report.added == 13 and len(report.duplicates) == 7
    articles = list(Corpus.load(tmp_path / "c"))
    assert len(articles) == 20 and len({a.url for a in articles}) == 20
    # the rerun removed what the interrupted write left; the corpus checks clean
    after = check_corpus(tmp_path / "c")
    assert not leftover.exists() and after.errors == []
    assert not any("interrupted write" in p.message for p in after.problems)


def test_colliding_outlet_names_are_refused_and_can_be_mapped(tmp_path, capsys):
    src = _jsonl(
        tmp_path / "a.jsonl",
        [
            _record(1, source="The Hill"),
            _record(2, source="the-hill"),
            _record(3, source="THE  HILL."),
            _record(4, source="Café Times"),
            _record(5, source="Cafe Times"),
        ],
    )
    args = [
        "import",
        str(src),
        "--corpus",
        str(tmp_path / "c"),
        "--new",
        "--text",
        "content_original",
        "--outlet",
        "source",
        "--quiet",
    ]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "outlet name 'Cafe Times' collides with outlet 'cafe-times' ('Café Times')" in err
    assert "--map-outlet" in err and not (tmp_path / "c").exists()
    assert main(args + ["--map-outlet", "Cafe Times=cafe-times-uk"]) == 0
    corpus = Corpus.load(tmp_path / "c")
    assert sorted(corpus.outlets) == ["cafe-times", "cafe-times-uk", "the-hill"]
    assert corpus.outlets["cafe-times-uk"].name == "Cafe Times"
    assert sum(a.outlet == "the-hill" for a in corpus) == 3


def test_outlet_name_colliding_with_an_existing_outlet(tmp_path):
    import_file(
        _jsonl(tmp_path / "a.jsonl", [_record(1, source="Café Times")]), tmp_path / "c", columns=MAP
    )
    before = _tree(tmp_path / "c")
    with pytest.raises(InputError, match="collides with outlet 'cafe-times'"):
        import_file(
            _jsonl(tmp_path / "b.jsonl", [_record(2, source="Cafe Times")]),
            tmp_path / "c",
            columns=MAP,
        )
    assert _tree(tmp_path / "c") == before


def test_legacy_encoded_csv_and_missing_titles(tmp_path, capsys):
    rows = (
        "title,text,outlet,published\n,Caf\xe9 owners protest \u2013 again. "
        + TEXT
        + ",Le Monde,2020-01-02\n"
    )
    (tmp_path / "a.csv").write_bytes(rows.encode("cp1252"))
    assert (
        main(
            ["import", str(tmp_path / "a.csv"), "--corpus", str(tmp_path / "c"), "--new", "--quiet"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "read as cp1252" in out and "1 titles made from the text" in out
    [article] = list(Corpus.load(tmp_path / "c"))
    assert article.text.startswith("Café owners protest – again.")
    assert article.title == article.text.split("\n")[0][:120] or article.title.endswith("…")
    assert dict(article.extra)["title_from_text"] == "true"


def test_unreadable_dates_are_kept_raw(tmp_path):
    src = _jsonl(
        tmp_path / "a.jsonl",
        [
            _record(1, date="sometime in spring"),
            _record(2, date="0001-01-01"),
            _record(3, date="March 5, 2024"),
        ],
    )
    report = import_file(src, tmp_path / "c", columns=MAP)
    by_id = {dict(a.extra)["source_id"]: a for a in Corpus.load(tmp_path / "c")}
    dates = {json.loads(k): (a.published, dict(a.extra).get("date_raw")) for k, a in by_id.items()}
    assert dates == {
        "id1": (None, '"sometime in spring"'),
        "id2": (None, '"0001-01-01"'),
        "id3": (dt.date(2024, 3, 5), None),
    }
    assert report.undated == 2 and report.unparsed_dates == 2


def test_json_array_file_is_refused_with_a_hint(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([_record(1)]), encoding="utf-8")
    with pytest.raises(InputError, match="JSON array, not JSON Lines"):
        import_file(tmp_path / "a.json", tmp_path / "c", columns=MAP)


@pytest.mark.shared
def test_article_bias_prediction_sample_imports_and_loads(shared_data, tmp_path):
    src = shared_data / "article_bias_prediction" / "articles.jsonl.gz"
    columns = ColumnMap(
        text="content_original",
        outlet="source",
        title="title",
        date="date",
        url="url",
        authors="authors",
        id="ID",
        outlet_domain="source_url",
        leaning="bias_text",
        extras={"topic": "topic"},
    )
    report = import_file(src, tmp_path / "abp", columns=columns, limit=1500)
    assert report.records == 1500 and report.added + len(report.duplicates) == 1500
    corpus = Corpus.load(tmp_path / "abp")
    articles = list(corpus)
    assert len(articles) == report.added
    assert {o.leaning for o in corpus.outlets.values()} <= {"left", "center", "right"}
    assert check_corpus(tmp_path / "abp", near_duplicates=False).ok


def test_a_json_line_cut_short_is_reported_as_cut_short_not_at_column_1(tmp_path):
    # a record cut off at the end of its line: json says "column 1" of a position past the line
    whole = json.dumps(_record(1))
    src = tmp_path / "a.jsonl"
    src.write_text(
        whole + "\n" + whole[:60] + "\n" + json.dumps(_record(2)) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as info:
        import_file(src, tmp_path / "c", columns=MAP)
    message = str(info.value)
    assert "line(s) 2" in message and "ends before its record is complete" in message
    assert "column 1" not in message
    # an error inside the line still names its column
    src.write_text(whole + "\n" + '{"ID": "x", oops}' + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: is not valid JSON \(.* at column 13\)"):
        import_file(src, tmp_path / "c", columns=MAP)


def test_a_missing_text_field_is_not_called_empty(tmp_path):
    rec = _record(2)
    del rec["content_original"]
    src = _jsonl(tmp_path / "a.jsonl", [_record(1), rec, _record(3, content_original=" ")])
    with pytest.raises(InputError) as info:
        import_file(src, tmp_path / "c", columns=MAP)
    message = str(info.value)
    assert 'line 2: has no "content_original" field (the text)' in message
    assert "line(s) 2, 3" in message
    assert not (tmp_path / "c").exists()


def test_a_missing_outlet_field_is_named_and_an_empty_one_called_empty(tmp_path):
    rec = _record(2)
    del rec["source"]
    src = _jsonl(tmp_path / "a.jsonl", [_record(1), rec, _record(3, source="  ")])
    report = import_file(src, tmp_path / "c", columns=MAP, skip_bad=True)
    reasons = dict(report.bad)
    assert reasons[2] == 'has no "source" field (the outlet)'
    assert reasons[3] == 'the outlet field ("source") is empty'


def test_a_nul_byte_in_one_csv_record_is_that_record_s_problem(tmp_path, capsys):
    src = tmp_path / "a.csv"
    rows = [_record(i) for i in range(1, 4)]
    rows[1]["content_original"] = "Story 2 has a stray \0 byte. " + TEXT
    with open(src, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    args = [
        "import",
        str(src),
        "--corpus",
        str(tmp_path / "c"),
        "--new",
        "--text",
        "content_original",
        "--outlet",
        "source",
        "--quiet",
    ]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "line(s) 3" in err and "NUL byte" in err
    assert "binary" not in err and "line 3: holds a NUL byte (in field 9)" in err
    assert main(args + ["--skip-bad"]) == 0
    assert len(list(Corpus.load(tmp_path / "c"))) == 2


def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(tmp_path):
    src = tmp_path / "a.jsonl"
    data = "".join(json.dumps(r) + "\n" for r in (_record(1), _record(2)))
    src.write_bytes(data.encode("utf-16-le"))
    report = import_file(src, tmp_path / "c", columns=MAP)
    assert report.added == 2
