"""The report is a view: its modules import no statistics and open no corpus file.

``framing.compare`` computes every table; ``framing/report/`` only draws and renders them. These
tests fail when a report module reaches past the comparison, so a statistic cannot creep back into
a section unseen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import framing
from framing.corpus import Corpus
from framing.report.build import _section_modules

REPORT = Path(framing.__file__).parent / "report"
#: what opens or reads a corpus file, by name
_READERS = {
    "open",
    "read_article",
    "read_articles",
    "read_text",
    "read_bytes",
    "load_corpus",
    "fork_map",
}


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports, resolved to an absolute name."""
    package = "framing." + ".".join(path.relative_to(REPORT.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]
    return found


REPORT_MODULES = sorted(REPORT.rglob("*.py"))


def test_the_resolver_sees_relative_imports():
    # a check that resolved "from ...stats import x" wrongly would pass vacuously
    axes = REPORT / "sections" / "axes.py"
    assert "framing.comparison.Comparison" in _imports(axes)
    assert "framing.figures" in _imports(axes)


@pytest.mark.parametrize("path", REPORT_MODULES, ids=lambda p: str(p.relative_to(REPORT)))
def test_no_report_module_imports_the_statistics(path):
    stats = [m for m in _imports(path) if m == "framing.stats" or m.startswith("framing.stats.")]
    assert not stats, f"{path.name} imports {stats}: compute it in framing/comparison.py"


@pytest.mark.parametrize("path", REPORT_MODULES, ids=lambda p: str(p.relative_to(REPORT)))
def test_no_report_module_reads_files(path):
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
    }
    assert not calls & _READERS, f"{path.name} calls {sorted(calls & _READERS)}"


def test_a_page_renders_from_the_comparison_alone(monkeypatch, tmp_path):
    from ..corpus_factory import make_corpus

    corpus = framing.load_corpus(make_corpus(tmp_path / "corpus", stories=3))
    analysis = framing.analyse(corpus)
    comparison = framing.compare(analysis, corpus)
    assert comparison.distinctive_terms is not None  # the corpus was read here, once

    def refuse(*args, **kwargs):
        raise AssertionError("the report read the corpus")

    for name in ("read_article", "read_articles", "__iter__"):
        monkeypatch.setattr(Corpus, name, refuse)
    report = framing.Report(analysis, corpus=corpus, comparison=comparison)
    html = report.to_html()
    assert "Distinctive terms" in html and "Tehran Daily" in html
    sections = report.context()["sections"]
    assert sections["terms"] is not None and sections["outlet_map"] is not None
    # every section module builds from (comparison, page) and nothing else
    for name, module in _section_modules():
        assert list(module.build.__code__.co_varnames[:2]) == ["c", "page"], name
