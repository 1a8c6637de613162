"""`framing add FILE`: saved pages and plain articles; encodings, binary files, safe names."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from framing.cli import main
from framing.corpus import Corpus
from framing.errors import InputError
from framing.ingest import add_sources, decode_text, read_article_file

from ..fixtures.newsserver import PAGES

BODY = (
    "Councillors voted on Monday to close the old swimming baths, despite a petition signed "
    "by 3,000 residents.\n\nThe council said repairs would cost more than a new pool."
)


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_saved_html_page_with_canonical_link(tmp_path):
    page = shutil.copy(PAGES / "harbour-strike.html", tmp_path / "saved.html")
    outcome = add_sources([str(page)], tmp_path / "c")
    [result] = outcome.results
    assert result.outlet == "the-daily-example"
    text = result.path.read_text(encoding="utf-8")
    assert 'url = "https://www.dailyexample.co.uk/business/2024/03/05/dock-workers-strike"' in text
    assert "Solidarity" not in text


def test_plain_text_with_title_line_and_options(tmp_path):
    src = _write(tmp_path / "baths.txt", "Baths to close\n\n" + BODY + "\n")
    outcome = add_sources(
        [str(src)], tmp_path / "c", outlet="Town Crier", date="2024-02-05", story="baths-closure"
    )
    [result] = outcome.results
    expected = (
        '+++\noutlet = "town-crier"\ntitle = "Baths to close"\npublished = 2024-02-05\n'
        'story = "baths-closure"\n+++\n' + BODY + "\n"
    )
    assert result.path.name == "2024-02-05-baths-to-close.md"
    assert result.path.read_bytes() == expected.encode("utf-8")
    assert [a.title for a in Corpus.load(tmp_path / "c")] == ["Baths to close"]


def test_markdown_heading_is_the_title(tmp_path):
    src = _write(tmp_path / "a.md", "# Baths to close\n\n" + BODY)
    [result] = add_sources([str(src)], tmp_path / "c", outlet="Town Crier").results
    text = result.path.read_text(encoding="utf-8")
    assert 'title = "Baths to close"' in text and "# Baths" not in text


def test_date_from_file_name_and_metadata_block(tmp_path):
    src = _write(
        tmp_path / "2023-11-02-note.md",
        '+++\noutlet = "Town Crier"\ntitle = "From the block"\nurl = "https://crier.example/x"\n'
        'topic = "local"\n+++\n' + BODY,
    )
    [result] = add_sources([str(src)], tmp_path / "c").results
    article = next(iter(Corpus.load(tmp_path / "c")))
    assert article.published == dt.date(2023, 11, 2) and article.title == "From the block"
    assert dict(article.extra)["topic"] == '"local"'


def test_title_given_on_the_command_line_wins(tmp_path):
    src = _write(tmp_path / "a.txt", BODY)  # first line ends with a full stop: not a headline
    with pytest.raises(InputError, match="has no title"):
        read_article_file(src, outlet="x")
    item = read_article_file(src, outlet="x", title="Given")
    assert item.title == "Given" and item.text == BODY


def test_cp1252_file_is_converted_and_the_encoding_reported(tmp_path, capsys):
    src = _write(
        tmp_path / "old.txt",
        "Café owners protest\n\nThe café’s owner said: “We are "
        "being squeezed by rents.” Prices rose 5% – again – this year.",
        "cp1252",
    )
    assert (
        main(["add", str(src), "--corpus", str(tmp_path / "c"), "--new", "--outlet", "Town Crier"])
        == 0
    )
    out = capsys.readouterr().out
    assert "decoded as cp1252" in out
    [article] = list(Corpus.load(tmp_path / "c"))
    assert article.title == "Café owners protest" and "“We are being squeezed" in article.text


def test_latin1_fallback_and_refusal():
    assert decode_text("naïve".encode("latin-1")).encoding == "cp1252"
    with pytest.raises(InputError, match="not text in UTF-8"):
        decode_text(b"abc \x81\x8d\x90 def")  # bytes Windows-1252 leaves undefined


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "is a binary file"),
        ("doc.md", b"%PDF-1.4 binary", "is a binary file"),
        (
            "notes.txt",
            b"Title\n\nabc \x81\x8d\x90 def\n",
            "is not text in UTF-8, Windows-1252 or ISO-8859-1",
        ),
        ("empty.txt", b"   \n\n", "has no article text"),
        ("data.docx", b"plain words in a strange file", "is not an .html, .txt or .md file"),
    ],
)
def test_bad_files_one_line_non_zero_and_corpus_unchanged(tmp_path, capsys, name, data, message):
    corpus = tmp_path / "c"
    good = _write(tmp_path / "good.txt", "Baths to close\n\n" + BODY)
    assert main(["add", str(good), "--corpus", str(corpus), "--new", "--outlet", "Town Crier"]) == 0
    capsys.readouterr()
    before = sorted((p, p.read_bytes()) for p in corpus.rglob("*") if p.is_file())
    bad = tmp_path / name
    bad.write_bytes(data)
    assert main(["add", str(bad), "--corpus", str(corpus), "--new", "--outlet", "Town Crier"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and message in err and str(bad) in err
    assert sorted((p, p.read_bytes()) for p in corpus.rglob("*") if p.is_file()) == before


def test_missing_file_and_missing_outlet(tmp_path, capsys):
    assert main(["add", str(tmp_path / "nope.txt"), "--corpus", str(tmp_path / "c"), "--new"]) == 2
    assert "file not found" in capsys.readouterr().err
    src = _write(tmp_path / "a.txt", "Baths to close\n\n" + BODY)
    assert main(["add", str(src), "--corpus", str(tmp_path / "c"), "--new"]) == 2
    assert "cannot tell which outlet published this" in capsys.readouterr().err


def test_same_text_is_a_duplicate_whatever_the_whitespace(tmp_path):
    a = _write(tmp_path / "a.txt", "Baths to close\n\n" + BODY)
    b = _write(
        tmp_path / "b.txt",
        "Baths to close\n\n" + BODY.replace(" ", "  ").replace("\n\n", "\n \n\n") + "\n\n",
    )
    corpus = tmp_path / "c"
    add_sources([str(a)], corpus, outlet="Town Crier")
    [result] = add_sources([str(b)], corpus, outlet="Other Paper").results
    assert result.status == "duplicate" and result.reason == "same text"
    assert not (corpus / "outlets" / "other-paper.toml").exists()  # nothing created for a skip


def test_hostile_titles_and_outlet_names_make_safe_unique_file_names(tmp_path):
    corpus = tmp_path / "c"
    names = []
    for i, title in enumerate(
        [
            "../../etc/passwd",
            "CON",
            'a/b\\c:d*e?f"g<h>i|j',
            "...",
            "日本語の記事",
            "../../etc/passwd",
        ]
    ):
        src = _write(tmp_path / f"{i}.txt", f"Paragraph {i}: " + BODY)
        [result] = add_sources(
            [str(src)], corpus, outlet="../../Evil Outlet/..", title=title
        ).results
        names.append(result.path)
    folder = corpus / "articles" / "evil-outlet"
    assert all(p.parent == folder for p in names)
    assert len(set(names)) == len(names)  # no clashes: the repeated title got a suffix
    assert [p.name for p in names] == [
        "etc-passwd.md",
        "con-1.md",
        "a-b-c-d-e-f-g-h-i-j.md",
        "untitled.md",
        "untitled-2.md",
        "etc-passwd-2.md",
    ]
    assert sorted(p.name for p in (corpus / "outlets").iterdir()) == ["evil-outlet.toml"]
    assert len(list(Corpus.load(corpus))) == 6


def test_outlet_name_colliding_after_normalising_is_refused(tmp_path, capsys):
    corpus = tmp_path / "c"
    a = _write(tmp_path / "a.txt", "Baths to close\n\n" + BODY)
    b = _write(
        tmp_path / "b.txt",
        "Pool to open\n\nA new pool will open in the spring, the council said today.",
    )
    assert main(["add", str(a), "--corpus", str(corpus), "--new", "--outlet", "Café Times"]) == 0
    capsys.readouterr()
    before = sorted((p, p.read_bytes()) for p in corpus.rglob("*") if p.is_file())
    assert main(["add", str(b), "--corpus", str(corpus), "--new", "--outlet", "Cafe Times"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "collides with outlet 'cafe-times' ('Café Times')" in err
    assert sorted((p, p.read_bytes()) for p in corpus.rglob("*") if p.is_file()) == before
    # the same outlet written differently is no collision, and its id always works
    assert main(["add", str(b), "--corpus", str(corpus), "--new", "--outlet", "CAFÉ  TIMES"]) == 0
    assert len(list((corpus / "articles" / "cafe-times").iterdir())) == 2
