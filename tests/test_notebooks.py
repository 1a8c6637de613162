"""The notebooks in notebooks/ run top to bottom without a cell error, and are stored clean.

Each notebook runs in a fresh kernel of the Python running the tests (a kernelspec written to a
temporary folder, so a user's own "python3" kernel cannot be picked up instead), with the
notebook's folder as working directory, as Jupyter runs it. A failing cell fails the test with the
cell's number, its source and the error.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="needs the test extras: pip install -e '.[test]'")
nbclient = pytest.importorskip("nbclient", reason="needs the test extras: pip install -e '.[test]'")
pytest.importorskip("ipykernel", reason="needs the test extras: pip install -e '.[test]'")

from nbclient.exceptions import CellExecutionError  # noqa: E402

from .conftest import ROOT  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
TOUR = NOTEBOOKS / "01_tour.ipynb"
ADD = NOTEBOOKS / "02_add_outlet_and_article.ipynb"
BULK = NOTEBOOKS / "03_many_outlets_by_leaning.ipynb"
KERNEL = "framing-tests"
#: articles notebook 3 imports in the test (the notebook's default is 1,500)
BULK_SAMPLE = 250
CELL_TIMEOUT = 300
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@pytest.fixture
def kernel_env(tmp_path, monkeypatch) -> str:
    """A kernelspec for this interpreter, found first; IPython settings and temporary files kept
    out of the user's."""
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "framing tests", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # the notebooks' temporary folders (copies, imports, reports) land in pytest's, not in /tmp
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    return KERNEL


def _clean(text: str) -> str:
    return _ANSI.sub("", text)


def run_notebook(path: Path, kernel: str, *, timeout: int = CELL_TIMEOUT):
    """Execute every code cell in order; on the first error, fail with its source and message."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=kernel, timeout=timeout,
                                     resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as exc:
                errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
                if errors:
                    error = f"{errors[0]['ename']}: {errors[0]['evalue']}\n\n" + \
                        "\n".join(errors[0].get("traceback", []))
                else:
                    error = str(exc)
                number = sum(c.cell_type == "code" for c in nb.cells[:index + 1])
                pytest.fail(f"{path.name}: code cell {number} (cell {index + 1} of {len(nb.cells)}) "
                            f"failed\n--- source ---\n{cell.source}\n--- error ---\n{_clean(error)}",
                            pytrace=False)
    return nb


def _outputs(nb, mime: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if mime in data:
                value = data[mime]
                found.append(value if isinstance(value, str) else "".join(value))
    return found


# --- the notebooks run -------------------------------------------------------------------------


def test_tour_notebook_runs(kernel_env):
    nb = run_notebook(TOUR, kernel_env)
    html = "\n".join(_outputs(nb, "text/html"))
    assert "Analysis of" in html                      # Analysis._repr_html_
    assert "<mark>occupation</mark>" in html          # the evidence table highlights
    assert "<iframe srcdoc=" in html                  # the report shown inline
    assert len(_outputs(nb, "image/png")) >= 3        # charts are drawn, not printed as text


def test_add_notebook_runs_and_leaves_the_bundled_corpus_alone(kernel_env, bundled_corpus):
    before = sorted(p.relative_to(bundled_corpus) for p in bundled_corpus.rglob("*"))
    nb = run_notebook(ADD, kernel_env)
    assert sorted(p.relative_to(bundled_corpus) for p in bundled_corpus.rglob("*")) == before
    text = "\n".join(_outputs(nb, "text/plain") + _outputs(nb, "text/html")
                     + ["".join(o.get("text", "")) for c in nb.cells for o in c.get("outputs", [])])
    assert "example-courier" in text and "new outlet" in text
    assert "<mark>retreat</mark>" in text


def test_bulk_notebook_runs_on_a_sample(kernel_env, shared_data, monkeypatch):
    bulk = shared_data / "article_bias_prediction" / "articles.jsonl.gz"
    if not bulk.is_file():
        pytest.skip(f"needs {bulk} (the Article-Bias-Prediction data set)")
    monkeypatch.setenv("FRAMING_BULK_FILE", str(bulk))
    monkeypatch.setenv("FRAMING_SAMPLE", str(BULK_SAMPLE))
    nb = run_notebook(BULK, kernel_env)
    printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert f"{BULK_SAMPLE} articles on 'immigration'" in printed
    assert "<iframe srcdoc=" in "\n".join(_outputs(nb, "text/html"))


# --- the runner reports a failing cell ---------------------------------------------------------


def test_a_failing_cell_fails_with_its_source_and_error(kernel_env, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"),
                nbformat.v4.new_markdown_cell("text"),
                nbformat.v4.new_code_cell("y = x + 1\nraise ValueError(f'broken at {y}')"),
                nbformat.v4.new_code_cell("never = 'run'")]
    path = tmp_path / "broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(pytest.fail.Exception) as info:
        run_notebook(path, kernel_env, timeout=60)
    message = str(info.value)
    assert "broken.ipynb: code cell 2 (cell 3 of 4) failed" in message
    assert "raise ValueError(f'broken at {y}')" in message
    assert "ValueError: broken at 2" in message
    assert "\x1b[" not in message


# --- stored clean ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [TOUR, ADD, BULK], ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [i + 1 for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, (f"{path.name}: cells {dirty} have outputs; clear them before committing "
                       "(Jupyter: Edit > Clear Outputs of All Cells)")


def test_bulk_notebook_names_its_file_in_the_first_cell():
    nb = nbformat.read(BULK, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "FRAMING_BULK_FILE" in first_code.source and "FRAMING_SAMPLE" in first_code.source
    assert "articles.jsonl.gz" in first_code.source
