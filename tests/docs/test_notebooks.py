"""The notebooks in ``notebooks/`` run from top to bottom, and are committed executed.

Each notebook is executed as CI runs it: with nbclient, in an IPython kernel
of the Python running the tests, with ``notebooks/`` as working directory and
this checkout's govinfo first on the path. It runs on an in-memory copy, so
the committed files and their outputs are left as they are. Every notebook
runs for a pip user, without the shared corpus (02 reads its report from the
package data, and the corpus's extra forms only where it is): 02 is also run
with the corpus hidden. Together they must finish in under two minutes.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

FOLDER = ROOT / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb"))
WITHOUT_CORPUS = "02-parse-your-own.ipynb"
CELL_TIMEOUT = 120
BUDGET = 120.0


def test_the_five_notebooks_are_there():
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_executed_without_errors(path):
    """Outputs read on a code host: every code cell ran, in order, and none failed."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert [cell["execution_count"] for cell in code] == list(range(1, len(code) + 1))
    errors = [o for cell in code for o in cell["outputs"] if o["output_type"] == "error"]
    assert not errors, f"{path.name} was committed with an error output"
    text = json.dumps([cell["outputs"] for cell in code], ensure_ascii=False)
    assert str(ROOT.parent) not in text, f"{path.name}: outputs show a local path"


def _kernel_manager_class() -> type:
    """A kernel manager that starts IPython's own kernel for the Python running the tests.

    With no kernel directories to search, jupyter_client resolves ``python3``
    to ipykernel's built-in spec for ``sys.executable``, whatever kernels the
    machine has installed.
    """
    pytest.importorskip("ipykernel", reason="the notebook tests need ipykernel (.[dev])")
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisPython(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _this_python_only(self) -> KernelSpecManager:
            return KernelSpecManager(kernel_dirs=[])

    return ThisPython


@pytest.fixture(scope="module")
def executed() -> dict[str, tuple[str | None, float]]:
    """Run every notebook that can run here: its error (None) and seconds, by file name."""
    nbformat = pytest.importorskip("nbformat", reason="the notebook tests need nbformat (.[dev])")
    nbclient = pytest.importorskip("nbclient", reason="the notebook tests need nbclient (.[dev])")
    manager = _kernel_manager_class()
    path_before = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), path_before]))}
    results = {}
    hidden = {**env, "GOVINFO_CORPUS": str(FOLDER / "no-corpus-here")}
    runs = [(path.name, path, env) for path in NOTEBOOKS]
    if CORPUS.is_dir():
        runs.append((f"{WITHOUT_CORPUS} without the corpus", FOLDER / WITHOUT_CORPUS, hidden))
    for name, path, run_env in runs:
        notebook = nbformat.read(path, as_version=4)
        client = nbclient.NotebookClient(
            notebook,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            kernel_manager_class=manager,
            resources={"metadata": {"path": str(FOLDER)}},
        )
        start = time.perf_counter()
        try:
            client.execute(env=run_env)
            error = None
        except nbclient.exceptions.CellExecutionError as exc:
            error = str(exc)
        results[name] = (error, time.perf_counter() - start)
    return results


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_without_error(path: Path, executed):
    error, _ = executed[path.name]
    if error:
        pytest.fail(f"{path.name} failed:\n{error}", pytrace=False)


def test_notebook_02_runs_for_a_pip_user_without_the_corpus(executed):
    name = f"{WITHOUT_CORPUS} without the corpus"
    if name not in executed:
        pytest.skip("the corpus is not here, so every run was without it")
    error, _ = executed[name]
    if error:
        pytest.fail(f"{name} failed:\n{error}", pytrace=False)


def test_together_under_two_minutes(executed):
    seconds = {name: round(duration, 1) for name, (_, duration) in executed.items()}
    assert sum(seconds.values()) < BUDGET, seconds
