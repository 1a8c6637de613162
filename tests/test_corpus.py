"""The corpus loader's errors and guarantees, and the atomic writer."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from framing.corpus import Corpus, format_article, slugify, write_article
from framing.errors import CorpusError

from .conftest import write_article as put_article
from .conftest import write_outlet


def _tree_digest(root):
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_file():
            h.update(p.read_bytes())
            h.update(str(p.stat().st_mtime_ns).encode())
    return h.hexdigest()


def _load_all(root):
    return list(Corpus.load(root))


def test_bundled_corpus_loads_two_outlets_one_story(bundled_corpus):
    corpus = Corpus.load(bundled_corpus)
    articles = list(corpus)
    assert sorted(corpus.outlets) == ["latin-times", "press-tv"]
    assert {a.outlet for a in articles} == {"press-tv", "latin-times"}
    assert {a.story for a in articles} == {"afghanistan-withdrawal-2021"}
    press = next(a for a in articles if a.outlet == "press-tv")
    assert press.published == dt.date(2021, 8, 30)
    assert corpus.outlets["press-tv"].ownership == "state-funded"


def test_furniture_is_kept_out_of_the_analysed_text(bundled_corpus):
    articles = {a.outlet: a for a in Corpus.load(bundled_corpus)}
    press, latin = articles["press-tv"], articles["latin-times"]
    for furniture in ("News", "(AFP photo)", "can also be accessed", "Press TV News Roku"):
        assert furniture in press.raw_text
    assert "(AFP photo)" not in press.text
    assert "can also be accessed" not in press.text and "Roku" not in press.text
    assert not press.text.startswith("News")
    # the headline is analysed once, from the title, not again from the body's first line
    assert press.analysed_text.count("officially ending 20 years of occupation") == 1
    assert "GettyImages" not in latin.text and "All rights reserved" not in latin.text
    assert "via Getty Images" not in latin.text
    # real text survives, including the sub-heading and the last paragraph
    assert "Taliban 'made history'" in press.text
    assert latin.text.rstrip().endswith("safe haven for terrorists.")
    assert len(press.furniture) == 5 and len(latin.furniture) == 3


def test_loading_never_modifies_the_corpus(corpus_copy):
    before = _tree_digest(corpus_copy)
    corpus = Corpus.load(corpus_copy)
    list(corpus)
    corpus.check()
    assert _tree_digest(corpus_copy) == before


@pytest.fixture
def small(tmp_path):
    root = tmp_path / "c"
    write_outlet(root, "daily", "The Daily")
    return root


def _error(root) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        _load_all(root)
    return info.value


def test_missing_metadata_block_names_file_and_line(small):
    path = small / "articles" / "daily" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text("Just text, no metadata.\n", encoding="utf-8")
    err = _error(small)
    assert str(path) in str(err) and err.line == 1
    assert "metadata block" in str(err) and "+++" in str(err)


def test_unclosed_metadata_block(small):
    path = small / "articles" / "daily" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text('+++\noutlet = "daily"\ntitle = "T"\nBody\n', encoding="utf-8")
    assert "never closed" in str(_error(small))


def test_malformed_metadata_reports_its_line(small):
    path = small / "articles" / "daily" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        '+++\noutlet = "daily"\ntitle = "unterminated\n+++\nBody text.\n', encoding="utf-8"
    )
    err = _error(small)
    assert err.line == 3, str(err)
    assert "not valid TOML" in str(err) and f"{path}:3" in str(err)


def test_missing_required_field(small):
    put_article(small, "daily", "x", "Body text.")
    path = small / "articles" / "daily" / "x.md"
    path.write_text(path.read_text().replace('title = "X"\n', ""), encoding="utf-8")
    err = _error(small)
    assert "required field 'title'" in str(err) and 'add title = "…"' in str(err)


def test_unknown_outlet_names_the_outlet_and_the_fix(small):
    put_article(small, "daily", "x", "Body text.", outlet="weekly")
    err = _error(small)
    assert "unknown outlet 'weekly'" in str(err)
    assert "outlets/weekly.toml" in str(err) and err.line == 2


def test_non_utf8_file(small):
    path = small / "articles" / "daily" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_bytes('+++\noutlet = "daily"\ntitle = "Caf\xe9"\n+++\nBody\n'.encode("latin-1"))
    err = _error(small)
    assert "not UTF-8" in str(err) and err.line == 3


def test_empty_file_and_empty_body(small):
    path = small / "articles" / "daily" / "x.md"
    path.parent.mkdir(parents=True)
    path.write_text("\n  \n", encoding="utf-8")
    assert "is empty" in str(_error(small))
    path.write_text('+++\noutlet = "daily"\ntitle = "T"\n+++\n\n', encoding="utf-8")
    assert "no article text" in str(_error(small))


def test_bad_date_is_reported_with_its_line(small):
    put_article(small, "daily", "x", "Body text.", published='"last Tuesday"')
    err = _error(small)
    assert "'published' is not a date" in str(err) and err.line == 4


def test_check_collects_every_problem(small):
    put_article(small, "daily", "good", "Body text.")
    put_article(small, "daily", "bad1", "Body text.", outlet="nope")
    (small / "articles" / "daily" / "bad2.md").write_text("no block\n", encoding="utf-8")
    problems = Corpus.load(small).check()
    assert len(problems) == 2
    assert {p.path.rsplit("/", 1)[-1] for p in problems} == {"bad1.md", "bad2.md"}


def test_outlet_without_name(tmp_path):
    root = tmp_path / "c"
    (root / "outlets").mkdir(parents=True)
    (root / "outlets" / "x.toml").write_text('domain = "x.org"\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="outlet has no name"):
        Corpus.load(root)


def test_missing_corpus_folder(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        Corpus.load(tmp_path / "nowhere")


def test_written_article_round_trips_and_never_overwrites(small):
    meta = {
        "outlet": "daily",
        "title": 'A "quoted" title\\ with \u2028 odd chars',
        "published": dt.date(2024, 1, 2),
        "authors": ["A. Writer"],
        "story": "s",
    }
    first = write_article(small, meta, "First body.\n")
    second = write_article(small, meta, "Second body.\n")
    assert first != second and first.exists() and second.exists()
    assert first.read_text(encoding="utf-8").endswith("First body.\n")
    loaded = {a.text: a for a in Corpus.load(small)}
    assert loaded["First body."].title == meta["title"]
    assert loaded["First body."].authors == ("A. Writer",)
    assert loaded["Second body."].published == dt.date(2024, 1, 2)
    assert not list(small.rglob(".tmp-*"))


def test_slugify_is_safe():
    for hostile in ["../../etc/passwd", "a/b\\c", "\x00nul", "   ", "...", "CON", "é" * 200]:
        slug = slugify(hostile)
        assert slug and "/" not in slug and "\\" not in slug and ".." not in slug
        assert len(slug) <= 60 and slug == slug.lower()


def test_format_article_escapes_toml():
    text = format_article({"outlet": "x", "title": 'He said "no"\nthen left'}, "Body")
    assert 'title = "He said \\"no\\"\\nthen left"' in text


def test_atomic_write_into_a_pipe_writes_through_and_keeps_the_pipe(tmp_path):
    # `framing report -o /dev/null` renamed the page onto /dev/null and, as root, replaced the
    # device with a regular file; a FIFO stands in for the device here
    import os
    import stat
    import threading

    from framing.corpus import atomic_write

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(
        target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True
    )
    reader.start()
    atomic_write(fifo, "the page\n", overwrite=True)
    reader.join(30)
    assert got == ["the page\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file beside it
    with pytest.raises(FileExistsError):
        atomic_write(fifo, "again", overwrite=False)
