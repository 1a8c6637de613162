"""The Parquet corpus: the same corpus as the folder store, for every reader and writer."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing import analyse
from framing.cli import main
from framing.corpus import Corpus
from framing.errors import CorpusError, InputError
from framing.ingest.bulk import ColumnMap, import_file
from framing.ingest.convert import convert_corpus
from framing.parquet_store import part_files, split_address

from .corpus_factory import make_corpus


def _tables(root: Path, tmp: Path, name: str) -> dict[str, bytes]:
    out = tmp / name
    assert (
        main(
            [
                "report",
                "--corpus",
                str(root),
                "--tables",
                str(out),
                "-o",
                str(tmp / f"{name}.html"),
                "--quiet",
            ]
        )
        == 0
    )
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _records(path: Path, n: int, *, start: int = 0) -> Path:
    outlets = ["Daily Planet", "Gotham Gazette", "Metro News"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(
                json.dumps(
                    {
                        "text": f"Article {i}. Foreign troops ended the occupation, officials said on "
                        f"day {i}. The mission was described as complete by a spokesperson.",
                        "source": outlets[i % 3],
                        "title": f"Story number {i}",
                        "date": f"2021-08-{1 + i % 28:02d}",
                        "url": f"https://example.org/{i}",
                    }
                )
                + "\n"
            )
    return path


COLUMNS = ColumnMap(text="text", outlet="source", title="title", date="date", url="url")


def test_converted_corpus_gives_the_same_tables(tmp_path):
    folder = make_corpus(tmp_path / "folder", stories=4)
    parquet = tmp_path / "parquet"
    report = convert_corpus(folder, parquet, store="parquet", rows_per_part=7)
    assert report.articles == len(Corpus.load(folder)) and report.parts > 1
    assert Corpus.load(parquet).store == "parquet"
    assert not list((parquet / "articles").rglob("*.md"))
    a, b = _tables(folder, tmp_path, "a"), _tables(parquet, tmp_path, "b")
    assert a.keys() == b.keys()
    # every table is the same; the articles table differs only in where each article is
    different = [k for k in a if a[k] != b[k]]
    assert sorted(different) == ["articles.csv", "articles.json"]
    fa, fb = (
        pd.read_csv(tmp_path / "a" / "articles.csv"),
        pd.read_csv(tmp_path / "b" / "articles.csv"),
    )
    pd.testing.assert_frame_equal(fa.drop(columns="path"), fb.drop(columns="path"))
    assert fb["path"].map(lambda p: split_address(p) is not None).all()

    # and back: the folder corpus again, with the same ids and tables
    back = tmp_path / "back"
    convert_corpus(parquet, back, store="folder")
    ids = sorted(
        p.relative_to(folder / "articles").as_posix() for p in (folder / "articles").rglob("*.md")
    )
    assert (
        sorted(
            p.relative_to(back / "articles").as_posix() for p in (back / "articles").rglob("*.md")
        )
        == ids
    )
    c = _tables(back, tmp_path, "c")
    assert sorted(k for k in a if a[k] != c[k]) == ["articles.csv", "articles.json"]  # the paths
    fc = pd.read_csv(tmp_path / "c" / "articles.csv")
    pd.testing.assert_frame_equal(fa.drop(columns="path"), fc.drop(columns="path"))
    assert (
        fc["path"].map(lambda p: Path(p).relative_to(back).as_posix())
        == fa["path"].map(lambda p: Path(p).relative_to(folder).as_posix())
    ).all()


def test_pandas_reads_the_parts_directly(tmp_path):
    parquet = tmp_path / "p"
    convert_corpus(make_corpus(tmp_path / "f", stories=2), parquet, store="parquet")
    frame = pd.read_parquet(parquet / "articles")
    corpus = Corpus.load(parquet)
    assert len(frame) == len(corpus)
    first = next(iter(corpus))
    row = frame.set_index("id").loc[first.id]
    assert row["title"] == first.title and row["outlet"] == first.outlet
    assert first.raw_text == row["text"]


def test_conversion_refuses_an_existing_destination_and_leaves_nothing_when_interrupted(
    tmp_path, monkeypatch
):
    folder = make_corpus(tmp_path / "f", stories=2)
    (tmp_path / "taken").mkdir()
    with pytest.raises(InputError, match="already exists"):
        convert_corpus(folder, tmp_path / "taken", store="parquet")

    from framing.ingest import convert

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(convert, "_write_articles", interrupted)
    with pytest.raises(KeyboardInterrupt):
        convert_corpus(folder, tmp_path / "new", store="parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f", "taken"]


def test_import_into_a_new_parquet_corpus_skips_duplicates_on_rerun(tmp_path):
    data = _records(tmp_path / "data.jsonl", 25)
    root = tmp_path / "corpus"
    report = import_file(data, root, columns=COLUMNS, store="parquet")
    assert report.added == 25 and len(part_files(root)) == 1
    corpus = Corpus.load(root)
    assert corpus.store == "parquet" and len(corpus) == 25
    assert {a.outlet for a in corpus} == {"daily-planet", "gotham-gazette", "metro-news"}
    again = import_file(data, root, columns=COLUMNS)
    assert again.added == 0 and len(again.duplicates) == 25 and len(part_files(root)) == 1
    more = import_file(_records(tmp_path / "more.jsonl", 5, start=25), root, columns=COLUMNS)
    assert more.added == 5 and len(part_files(root)) == 2  # a new part; the first is untouched
    assert len(Corpus.load(root)) == 30
    with pytest.raises(InputError, match="is a parquet corpus"):
        import_file(data, root, columns=COLUMNS, store="folder")


def test_update_replaces_the_article_in_its_part(tmp_path):
    root = tmp_path / "corpus"
    import_file(_records(tmp_path / "d.jsonl", 6), root, columns=COLUMNS, store="parquet")
    changed = tmp_path / "changed.jsonl"
    rec = json.loads(_records(tmp_path / "one.jsonl", 1, start=3).read_text())
    rec["title"] = "A corrected headline"
    changed.write_text(json.dumps(rec) + "\n")
    report = import_file(changed, root, columns=COLUMNS, update=True)
    assert report.updated == 1 and report.added == 0
    corpus = Corpus.load(root)
    titles = sorted(a.title for a in corpus)
    assert len(titles) == 6 and "A corrected headline" in titles and "Story number 3" not in titles


def test_interrupted_import_keeps_whole_articles_and_a_rerun_completes_it(tmp_path, monkeypatch):
    from framing import parquet_store

    monkeypatch.setattr(parquet_store, "ROWS_PER_PART", 4)
    data = _records(tmp_path / "d.jsonl", 10)
    root = tmp_path / "corpus"
    seen = []

    def stop_after_six(result):
        seen.append(result)
        if len(seen) == 6:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(data, root, columns=COLUMNS, store="parquet", on_result=stop_after_six)
    assert len(Corpus.load(root)) == 6  # four in a full part, two saved at the interruption
    assert len(part_files(root)) == 2
    assert not list((root / "articles").glob(".tmp-*"))
    report = import_file(data, root, columns=COLUMNS)
    assert report.added == 4 and len(report.duplicates) == 6
    assert len({a.id for a in Corpus.load(root)}) == 10


def test_add_and_stories_on_a_parquet_corpus(tmp_path, capsys):
    root = tmp_path / "corpus"
    import_file(_records(tmp_path / "d.jsonl", 3), root, columns=COLUMNS, store="parquet")
    page = tmp_path / "page.txt"
    page.write_text("Troops withdrew from the base on Friday, the ministry said in a statement.\n")
    assert (
        main(
            [
                "add",
                str(page),
                "--corpus",
                str(root),
                "--outlet",
                "metro-news",
                "--title",
                "Troops withdraw",
            ]
        )
        == 0
    )
    corpus = Corpus.load(root)
    assert len(corpus) == 4 and len(part_files(root)) == 2
    paths = corpus.article_paths()
    assert main(["stories", "assign", "withdrawal", *map(str, paths[:2])]) == 0
    stories = sorted(a.story for a in Corpus.load(root))
    assert stories == ["", "", "withdrawal", "withdrawal"]
    assert main(["check", "--corpus", str(root)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_a_broken_part_is_one_clear_line(tmp_path, capsys):
    root = tmp_path / "corpus"
    import_file(_records(tmp_path / "d.jsonl", 3), root, columns=COLUMNS, store="parquet")
    part_files(root)[0].write_bytes(b"not parquet at all")
    assert main(["report", "--corpus", str(root), "-o", str(tmp_path / "r.html"), "--quiet"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        len(err) == 1
        and "part-000000.parquet" in err[0]
        and "not a readable Parquet file" in err[0]
    )
    with pytest.raises(CorpusError):
        Corpus.load(root).article_paths()


def test_a_part_without_a_text_column_is_one_clear_line(tmp_path, capsys):
    import pyarrow.parquet as pq

    root = tmp_path / "corpus"
    import_file(_records(tmp_path / "d.jsonl", 3), root, columns=COLUMNS, store="parquet")
    part = part_files(root)[0]
    pq.write_table(pq.read_table(part).drop_columns(["text"]), part)
    assert main(["report", "--corpus", str(root), "-o", str(tmp_path / "r.html"), "--quiet"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        len(err) == 1 and "part-000000.parquet" in err[0] and "lacks the column(s) text" in err[0]
    )


def test_rows_are_read_from_the_right_row_group(tmp_path, monkeypatch):
    """Parts are read a row group at a time: every article, in any order, is its own."""
    import random

    import pyarrow.parquet as pq

    from framing import parquet_store

    monkeypatch.setattr(parquet_store, "ROW_GROUP_SIZE", 7)
    root = tmp_path / "corpus"
    import_file(_records(tmp_path / "d.jsonl", 60), root, columns=COLUMNS, store="parquet")
    part = part_files(root)[0]
    assert pq.ParquetFile(part).metadata.num_row_groups == 9
    corpus = Corpus.load(root)
    paths = corpus.article_paths()
    random.Random(1).shuffle(paths)
    for path in paths:
        article = corpus.read_article(path)
        number = int(article.title.rsplit(" ", 1)[1])
        assert article.text.startswith(f"Article {number}.") and article.url.endswith(f"/{number}")


def test_an_article_file_in_a_parquet_corpus_is_refused(tmp_path):
    root = tmp_path / "corpus"
    import_file(_records(tmp_path / "d.jsonl", 3), root, columns=COLUMNS, store="parquet")
    stray = root / "articles" / "metro-news" / "x.md"
    stray.parent.mkdir()
    stray.write_text('+++\noutlet = "metro-news"\ntitle = "X"\n+++\nText.\n')
    with pytest.raises(CorpusError, match="article file in a Parquet corpus"):
        Corpus.load(root)


def test_analysis_reads_every_part_in_worker_processes(tmp_path):
    folder = make_corpus(tmp_path / "f", stories=30)
    parquet = tmp_path / "p"
    convert_corpus(folder, parquet, store="parquet", rows_per_part=60)
    corpus = Corpus.load(parquet)
    assert len(corpus) > 200  # enough for the worker pool
    one, two = analyse(corpus), analyse(corpus, n_jobs=2)
    pd.testing.assert_frame_equal(one.values, two.values)
    pd.testing.assert_frame_equal(one.hits, two.hits)
    assert one.articles["article_id"].tolist() == [a.id for a in Corpus.load(folder)]
