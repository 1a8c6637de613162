"""Fixtures: the bundled corpus, corpora built on the fly, and the shared data folder."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = ROOT / "corpus"
SHARED_DATA = ROOT.parent / "shared" / "data"


def write_outlet(root: Path, outlet_id: str, name: str | None = None, **fields) -> Path:
    path = root / "outlets" / f"{outlet_id}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    fields = {"name": name or outlet_id.title(), **fields}
    lines = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_article(root: Path, outlet_id: str, slug: str, body: str, **meta) -> Path:
    meta = {"outlet": outlet_id, "title": slug.replace("-", " ").title(), **meta}
    path = root / "articles" / outlet_id / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["+++"]
    for key, value in meta.items():
        lines.append(
            f"{key} = {value}"
            if key == "published"
            else f"{key} = {json.dumps(value, ensure_ascii=False)}"
        )
    lines.append("+++")
    path.write_text(
        "\n".join(lines) + "\n" + textwrap.dedent(body).strip() + "\n", encoding="utf-8"
    )
    return path


@pytest.fixture
def bundled_corpus() -> Path:
    return BUNDLED_CORPUS


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, target)
    return target


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(
            f"needs the shared data folder {SHARED_DATA} (absent: a fresh clone has no ../shared)"
        )
    return SHARED_DATA


@pytest.fixture(scope="session")
def quoted_words_lexicon():
    """The built-in loaded-language lexicon with single quoted words counted as scare quotes
    (``quoted_words = true``; the built-in lexicon leaves them out)."""
    from importlib import resources

    from framing.loaded import parse_loaded_lexicon

    raw = resources.files("framing").joinpath("data/loaded.toml").read_text(encoding="utf-8")
    assert "quoted_words = false" in raw
    raw = raw.replace("quoted_words = false", "quoted_words = true")
    # and the "so-called" cue the built-in list leaves out, for the cue-and-quote rules
    assert 'terms = ["self styled",' in raw
    return parse_loaded_lexicon(
        raw.replace('terms = ["self styled",', 'terms = ["=so called", "self styled",')
    )
