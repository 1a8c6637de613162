"""The distribution: what ``pip install news-framing`` puts on a user's machine.

The sdist and the wheel are built once, from a copy of the checkout's files (what a clean clone
holds), offline: ``python -m build --no-isolation`` with the build backend from the test extras.
Then: the name and version are the ones the package reports, the wheel holds every file under
``framing/`` (the lexicons and templates are read at run time), the sdist holds the tests and the
data they read, ``twine check`` passes, and the wheel installed into a fresh virtual environment
runs ``framing report`` on the bundled corpus.

.ci/run builds again the way a release is built (isolated) and installs that wheel with its
dependencies from the package index into a fresh environment; here the fresh environment borrows
the dependencies already installed for the tests, so the test needs no network.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

import framing

from .conftest import BUNDLED_CORPUS, ROOT

pytest.importorskip("build", reason="needs the test extras: pip install -e '.[test]'")

DIST_NAME = "news-framing"
#: the file-name form of the distribution name (PEP 427 / PEP 625)
DIST_FILE_STEM = "news_framing"
#: checkout files that are no part of any distribution
NOT_DISTRIBUTED = (".ci/", ".gitignore")
_IGNORED_PARTS = {
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "__pycache__",
    ".pytest_cache",
    ".ipynb_checkpoints",
}


def _checkout_files() -> list[str]:
    """The files a clean clone holds (tracked, or new and not ignored), relative to ROOT."""
    if (ROOT / ".git").exists() and shutil.which("git"):
        listed = (
            subprocess.run(
                [
                    "git",
                    "-C",
                    str(ROOT),
                    "ls-files",
                    "-z",
                    "--cached",
                    "--others",
                    "--exclude-standard",
                ],
                capture_output=True,
                check=True,
            )
            .stdout.decode("utf-8")
            .split("\0")
        )
        return sorted(p for p in listed if p and (ROOT / p).is_file())
    # an unpacked sdist: no git; leave out what building and testing leave behind
    return sorted(
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*")
        if p.is_file()
        and p.suffix != ".pyc"
        and not any(
            part in _IGNORED_PARTS or part.endswith(".egg-info")
            for part in p.relative_to(ROOT).parts
        )
    )


@pytest.fixture(scope="module")
def checkout_files() -> list[str]:
    return _checkout_files()


@pytest.fixture(scope="module")
def dist(tmp_path_factory, checkout_files) -> dict[str, Path]:
    """The sdist and the wheel, built from a copy of the checkout (the wheel from the sdist)."""
    source = tmp_path_factory.mktemp("source")
    for name in checkout_files:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, (
        f"python -m build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    sdists, wheels = list(out.glob("*.tar.gz")), list(out.glob("*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(p.name for p in out.iterdir())
    return {"sdist": sdists[0], "wheel": wheels[0]}


def _wheel_metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(zf.read(name))


# --- name and version --------------------------------------------------------------------------


def test_the_version_is_written_in_one_place():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project.get("dynamic", [])
    from framing import _version

    assert framing.__version__ == _version.__version__
    assert [
        p
        for p in (ROOT / "framing").glob("*.py")
        if f'__version__ = "{framing.__version__}"' in p.read_text(encoding="utf-8")
    ] == [ROOT / "framing" / "_version.py"]


def test_the_distribution_is_news_framing_with_the_packages_version(dist):
    version = framing.__version__
    assert dist["wheel"].name == f"{DIST_FILE_STEM}-{version}-py3-none-any.whl"
    assert dist["sdist"].name == f"{DIST_FILE_STEM}-{version}.tar.gz"
    meta = _wheel_metadata(dist["wheel"])
    assert meta["Name"] == DIST_NAME and meta["Version"] == version
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["License-Expression"] == "MIT"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "## Set-up: two commands" in meta.get_payload()
    with zipfile.ZipFile(dist["wheel"]) as zf:
        entry_points = next(
            zf.read(n).decode() for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt")
        )
    assert "[console_scripts]\nframing = framing.cli:main" in entry_points


def test_twine_check_passes(dist):
    pytest.importorskip("twine", reason="needs the test extras: pip install -e '.[test]'")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "twine",
            "check",
            "--strict",
            str(dist["sdist"]),
            str(dist["wheel"]),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2


def test_ci_runs_the_readmes_test_command_and_builds_the_release():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("python3 -m venv .venv")]
    assert len(commands) == 2  # the README's two set-up commands
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in ci.splitlines()
    assert "python -m build" in ci and "twine check --strict dist/*" in ci


# --- contents ----------------------------------------------------------------------------------


def test_the_wheel_holds_every_file_under_framing_and_nothing_else(dist, checkout_files):
    """The lexicons, the precision tables and the report's templates are read at run time; a file
    under framing/ missing from the wheel breaks an installed copy, not a checkout."""
    with zipfile.ZipFile(dist["wheel"]) as zf:
        names = set(zf.namelist())
    package = {p for p in checkout_files if p.startswith("framing/")}
    assert {"framing/data/axes.toml", "framing/report/templates/report.html.j2"} <= package
    assert sorted(package - names) == []
    others = sorted(n for n in names - package if ".dist-info/" not in n)
    assert others == []


def test_the_sdist_holds_the_tests_and_what_they_read(dist, checkout_files):
    with tarfile.open(dist["sdist"]) as tf:
        top = f"{DIST_FILE_STEM}-{framing.__version__}/"
        names = {m.name.removeprefix(top) for m in tf.getmembers() if m.isfile()}
    expected = {p for p in checkout_files if not p.startswith(NOT_DISTRIBUTED)}
    assert {"tests/conftest.py", "corpus/outlets/press-tv.toml", "README.md"} <= expected
    assert sorted(expected - names) == []
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


# --- installed from the wheel ------------------------------------------------------------------


def test_the_wheel_in_a_fresh_venv_runs_framing_report_on_the_bundled_corpus(dist, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)  # this pip installs into it (--python)
    python = env_dir / "bin" / "python"
    # the dependencies: the ones installed for this test run, borrowed by a path entry (no
    # network); not this interpreter's .pth files, so the editable checkout stays out of reach
    purelib = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "_framing_test_deps.pth").write_text(
        "\n".join(sorted(borrowed)) + "\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(dist["wheel"]),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert install.returncode == 0, install.stdout + install.stderr

    work = tmp_path / "work"  # a folder with the corpus, far from ROOT
    shutil.copytree(BUNDLED_CORPUS, work / "corpus")
    framing_cmd = env_dir / "bin" / "framing"
    where = subprocess.run(
        [str(python), "-c", "import framing; print(framing.__file__)"],
        capture_output=True,
        text=True,
        cwd=work,
        env=env,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout

    version = subprocess.run(
        [str(framing_cmd), "--version"], capture_output=True, text=True, cwd=work, env=env
    )
    assert version.stdout.strip() == f"framing {framing.__version__}", (
        version.stdout + version.stderr
    )

    report = subprocess.run(
        [str(framing_cmd), "report"], capture_output=True, text=True, cwd=work, env=env
    )
    assert report.returncode == 0, report.stdout + report.stderr
    page = work / "reports" / "corpus.html"
    assert str(Path("reports") / "corpus.html") in report.stdout
    html = page.read_text(encoding="utf-8")
    assert "Press TV" in html and "Latin Times" in html
    assert "occupation" in html and "mission" in html
    assert f"framing {framing.__version__}" in html
