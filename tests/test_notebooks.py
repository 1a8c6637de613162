"""The notebooks in notebooks/ run top to bottom without a cell error, and are stored clean.

Each notebook runs in a fresh kernel of the Python running the tests (a kernelspec written to a
temporary folder, so a user's own "python3" kernel cannot be picked up instead), with the
notebook's folder as working directory, as Jupyter runs it. A failing cell fails the test with the
cell's number, its source and the error.

Each runs twice: in this checkout, where ../shared/data may hold the bulk file notebook 3 prefers,
and in a copy of the notebooks and the bundled corpus in a temporary folder with no ../shared
beside it, as on a user's machine after a fresh clone, where notebook 3 falls back on the demo
file it ships with.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="needs the test extras: pip install -e '.[test]'")
nbclient = pytest.importorskip("nbclient", reason="needs the test extras: pip install -e '.[test]'")
pytest.importorskip("ipykernel", reason="needs the test extras: pip install -e '.[test]'")

from nbclient.exceptions import CellExecutionError  # noqa: E402

from .conftest import BUNDLED_CORPUS, ROOT  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
TOUR = NOTEBOOKS / "01_tour.ipynb"
ADD = NOTEBOOKS / "02_add_outlet_and_article.ipynb"
BULK = NOTEBOOKS / "03_many_outlets_by_leaning.ipynb"
#: the demo bulk file notebook 3 uses where no real one is found, and the script that writes it
DEMO_FILE = NOTEBOOKS / "data" / "demo_immigration.jsonl"
DEMO_SCRIPT = NOTEBOOKS / "data" / "make_demo_bulk.py"
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
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "framing tests",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # the notebooks' temporary folders (copies, imports, reports) land in pytest's, not in /tmp
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    return KERNEL


@pytest.fixture(params=["checkout", "fresh-clone"])
def notebooks_dir(request, tmp_path, monkeypatch) -> Path:
    """The notebooks folder to run from: this checkout's, or a copy beside only the bundled corpus
    (what a clone holds), with no ../shared and no bulk file named in the environment."""
    if request.param == "checkout":
        return NOTEBOOKS
    clone = tmp_path / "clone"
    shutil.copytree(
        NOTEBOOKS,
        clone / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    shutil.copytree(BUNDLED_CORPUS, clone / "corpus")
    for name in ("FRAMING_BULK_FILE", "FRAMING_SAMPLE", "FRAMING_TOPIC"):
        monkeypatch.delenv(name, raising=False)
    assert not (clone.parent / "shared").exists()
    return clone / "notebooks"


def _printed(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


def _clean(text: str) -> str:
    return _ANSI.sub("", text)


def run_notebook(path: Path, kernel: str, *, timeout: int = CELL_TIMEOUT, cwd: Path | None = None):
    """Execute every code cell in order; on the first error, fail with its source and message.
    ``cwd``: the working directory (default: the notebook's folder, as Jupyter has it)."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        resources={"metadata": {"path": str(cwd or path.parent)}},
    )
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as exc:
                errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
                if errors:
                    error = f"{errors[0]['ename']}: {errors[0]['evalue']}\n\n" + "\n".join(
                        errors[0].get("traceback", [])
                    )
                else:
                    error = str(exc)
                number = sum(c.cell_type == "code" for c in nb.cells[: index + 1])
                pytest.fail(
                    f"{path.name}: code cell {number} (cell {index + 1} of {len(nb.cells)}) "
                    f"failed\n--- source ---\n{cell.source}\n--- error ---\n{_clean(error)}",
                    pytrace=False,
                )
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


def test_every_notebook_has_a_test_that_runs_it():
    assert sorted(NOTEBOOKS.glob("*.ipynb")) == sorted([TOUR, ADD, BULK])


def test_tour_notebook_runs(kernel_env, notebooks_dir):
    nb = run_notebook(notebooks_dir / TOUR.name, kernel_env)
    html = "\n".join(_outputs(nb, "text/html"))
    assert "Analysis of" in html  # Analysis._repr_html_
    assert "<mark>occupation</mark>" in html  # the evidence table highlights
    assert "<iframe srcdoc=" in html  # the report shown inline
    assert len(_outputs(nb, "image/png")) >= 3  # charts are drawn, not printed as text


def test_add_notebook_runs_and_leaves_the_bundled_corpus_alone(kernel_env, notebooks_dir):
    corpus = notebooks_dir.parent / "corpus"
    before = sorted(p.relative_to(corpus) for p in corpus.rglob("*"))
    nb = run_notebook(notebooks_dir / ADD.name, kernel_env)
    assert sorted(p.relative_to(corpus) for p in corpus.rglob("*")) == before
    text = "\n".join(
        _outputs(nb, "text/plain")
        + _outputs(nb, "text/html")
        + ["".join(o.get("text", "")) for c in nb.cells for o in c.get("outputs", [])]
    )
    assert "example-courier" in text and "new outlet" in text
    assert "<mark>retreat</mark>" in text


def test_bulk_notebook_runs_on_a_sample(kernel_env, shared_data, monkeypatch):
    bulk = shared_data / "article_bias_prediction" / "articles.jsonl.gz"
    if not bulk.is_file():
        pytest.skip(f"needs {bulk} (the Article-Bias-Prediction data set)")
    monkeypatch.setenv("FRAMING_BULK_FILE", str(bulk))
    monkeypatch.setenv("FRAMING_SAMPLE", str(BULK_SAMPLE))
    nb = run_notebook(BULK, kernel_env)
    printed = _printed(nb)
    assert f"bulk file: {bulk.resolve()}" in printed and "demo file" not in printed
    assert f"{BULK_SAMPLE} articles on 'immigration'" in printed
    assert "<iframe srcdoc=" in "\n".join(_outputs(nb, "text/html"))


@pytest.mark.parametrize("notebooks_dir", ["fresh-clone"], indirect=True)
def test_bulk_notebook_runs_on_its_demo_file_where_there_is_no_bulk_file(kernel_env, notebooks_dir):
    """A fresh clone, with no ../shared: the notebook says so and runs every cell on the demo
    file it ships with."""
    records = [json.loads(line) for line in DEMO_FILE.read_text(encoding="utf-8").splitlines()]
    n_demo, n_outlets = len(records), len({r["source"] for r in records})
    nb = run_notebook(notebooks_dir / BULK.name, kernel_env)
    printed = _printed(nb)
    assert (
        "No bulk file at " in printed
        and "uses the demo file data/demo_immigration.jsonl" in printed
    )
    assert f"{n_demo} articles on 'immigration', from the first {n_demo} records" in printed
    assert f"added {n_demo} articles, {n_outlets} outlets" in printed
    # the notebook's own description of the demo file says what is in it
    assert (
        f"{n_demo} *invented* articles on immigration by {n_outlets} *invented* outlets"
        in nb.cells[0].source.replace("\n", " ")
    )
    html = "\n".join(_outputs(nb, "text/html"))
    assert "<iframe srcdoc=" in html and "(demo file: invented articles)" in html
    assert len(_outputs(nb, "image/png")) >= 4  # intervals ×2, distinctive terms, outlet map


@pytest.mark.parametrize("named", ["absent", "present"])
def test_bulk_notebook_uses_the_file_named_in_the_environment_where_it_exists(
    named, kernel_env, tmp_path, monkeypatch
):
    """FRAMING_BULK_FILE naming a missing file: the demo file, saying so; naming a file: that file.
    (Only the first cell runs, with a line printing what it chose.)"""
    bulk = tmp_path / "mine.jsonl"
    if named == "present":
        bulk.write_text(DEMO_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("FRAMING_BULK_FILE", str(bulk))
    nb = nbformat.read(BULK, as_version=4)
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells = nb.cells[: first + 1] + [
        nbformat.v4.new_code_cell(
            "print('chosen:', BULK_FILE.resolve(), DEMO, BULK_FILE.is_file())"
        )
    ]
    path = tmp_path / BULK.name
    nbformat.write(nb, path)
    printed = _printed(run_notebook(path, kernel_env, timeout=120, cwd=NOTEBOOKS))
    if named == "absent":
        assert f"No bulk file at {bulk}, so this notebook uses the demo file" in printed
        assert f"chosen: {DEMO_FILE} True True" in printed
    else:
        assert "demo file" not in printed
        assert f"chosen: {bulk} False True" in printed


def test_the_demo_file_is_what_its_script_writes(monkeypatch):
    """The shipped demo file is reproducible: the script, run again, writes the same bytes."""
    spec = importlib.util.spec_from_file_location("make_demo_bulk", DEMO_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    assert module.render(module.build_records()) == DEMO_FILE.read_text(encoding="utf-8")
    records = [json.loads(line) for line in DEMO_FILE.read_text(encoding="utf-8").splitlines()]
    assert {r["bias_text"] for r in records} == {"left", "center", "right"}
    # invented outlets only: every address is under the reserved .example name
    assert all(r["url"].split("/")[2].endswith(".example") for r in records)


# --- the runner reports a failing cell ---------------------------------------------------------


def test_a_failing_cell_fails_with_its_source_and_error(kernel_env, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_markdown_cell("text"),
        nbformat.v4.new_code_cell("y = x + 1\nraise ValueError(f'broken at {y}')"),
        nbformat.v4.new_code_cell("never = 'run'"),
    ]
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
    dirty = [
        i + 1
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count"))
    ]
    assert not dirty, (
        f"{path.name}: cells {dirty} have outputs; clear them before committing "
        "(Jupyter: Edit > Clear Outputs of All Cells)"
    )


def test_bulk_notebook_names_its_file_in_the_first_cell():
    nb = nbformat.read(BULK, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "FRAMING_BULK_FILE" in first_code.source and "FRAMING_SAMPLE" in first_code.source
    assert "articles.jsonl.gz" in first_code.source
    assert f'DEMO_FILE = Path("data/{DEMO_FILE.name}")' in first_code.source
