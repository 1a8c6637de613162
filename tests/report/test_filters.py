"""`framing report --story/--outlet/--since/--until` analyses only the articles that match."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.analysis import analyse
from framing.cli import main
from framing.corpus import Corpus
from tests.conftest import write_article, write_outlet

TEXT = (
    'Foreign troops continued the {w} in the country. "We will stay," General John Smith '
    "said. The brutal raid shocked residents."
)


@pytest.fixture()
def corpus_root(tmp_path):
    for outlet in ("alpha", "beta", "gamma"):
        write_outlet(tmp_path, outlet, name=f"The {outlet.title()}")
        for k in range(6):
            story = "exit" if k % 2 else "talks"
            word = "occupation" if (k + len(outlet)) % 3 else "mission"
            write_article(
                tmp_path,
                outlet,
                f"a{k}",
                TEXT.format(w=word),
                story=story,
                published=f"2021-0{k + 1}-15",
            )
    return tmp_path


@pytest.mark.parametrize(
    "filters",
    [
        {"stories": ["exit"]},
        {"outlets": ["The Beta"]},
        {"since": "2021-03-01", "until": "2021-05-31"},
        {"stories": ["talks"], "outlets": ["alpha", "gamma"]},
    ],
)
def test_selecting_before_the_analysis_keeps_every_number_of_filtering_after(corpus_root, filters):
    corpus = Corpus.load(corpus_root)
    after = analyse(corpus).filter(**filters)
    selected = corpus.select(**filters)
    before = analyse(selected).filter(**filters)
    # only the matching files were analysed
    assert len(selected.article_paths()) == after.n_articles < len(corpus.article_paths())
    key = ["article_id"]
    pd.testing.assert_frame_equal(
        before.articles.sort_values(key).reset_index(drop=True),
        after.articles.sort_values(key).reset_index(drop=True),
    )
    pd.testing.assert_frame_equal(
        before.values.sort_index(), after.values.sort_index(), check_like=True
    )
    cols = ["outlet", "feature", "label", "n_hits"]
    pd.testing.assert_frame_equal(
        before.hits_total[cols].sort_values(cols[:3]).reset_index(drop=True),
        after.hits_total[cols].sort_values(cols[:3]).reset_index(drop=True),
    )


def test_a_file_whose_header_cannot_be_read_is_left_to_the_analysis(corpus_root):
    bad = corpus_root / "articles" / "alpha" / "broken.md"
    bad.write_text("no metadata here\n", encoding="utf-8")
    selected = Corpus.load(corpus_root).select(stories=["exit"])
    assert bad in selected.article_paths()  # the analysis says what is wrong with it, as before


def test_the_command_with_a_story_names_the_share_of_the_corpus(corpus_root, tmp_path, capsys):
    out = tmp_path / "page.html"
    assert main(["report", "--corpus", str(corpus_root), "--story", "exit", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "of the corpus's 18" in err and out.exists()
