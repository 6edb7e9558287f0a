"""Reliability: the notebooks pass strict nbval a second time, with the network cut; each runs
alone in a fresh kernel (nbval starts one per notebook); and Binder's environment, built from
binder/ alone, runs every notebook to the committed outputs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import NOTEBOOKS, ROOT

NBVAL = ["--nbval", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"), "-p", "no:cacheprovider", "-q"]


def _can_cut_network() -> str | None:
    if not shutil.which("unshare") or not shutil.which("ip"):
        return "unshare or ip (util-linux, iproute2) is not installed"
    probe = subprocess.run(["unshare", "-n", "sh", "-c", "ip link set lo up"], capture_output=True, text=True)
    return None if probe.returncode == 0 else f"cannot make a network namespace here: {probe.stderr.strip()}"


def test_notebooks_pass_strict_nbval_offline():
    """The second strict nbval run of make test (the first runs with the unit tests), inside a
    network namespace with only loopback up: no notebook may reach the network."""
    why = _can_cut_network()
    if why:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    cmd = " ".join([f"'{sys.executable}'", "-m", "pytest", *NBVAL, "--nbval-current-env", f"'{NOTEBOOKS}'"])
    run = subprocess.run(["unshare", "-n", "sh", "-c", f"ip link set lo up && exec {cmd}"],
                         capture_output=True, text=True, cwd=ROOT, timeout=1800)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "failed" not in run.stdout.splitlines()[-1]


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A virtual environment made the way repo2docker makes Binder's: binder/requirements.txt,
    then binder/postBuild, run from a copy of the repository (nothing from the test environment)."""
    base = tmp_path_factory.mktemp("binder")
    repo = base / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".venv", ".git", "tests", "__pycache__", "*.egg-info",
                                                              ".pytest_cache", "build"))
    env_dir = base / "env"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    environ = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", VIRTUAL_ENV=str(env_dir))
    environ.pop("PYTHONPATH", None)
    steps = [[str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r",
              "binder/requirements.txt"], ["bash", "binder/postBuild"]]
    for step in steps:
        run = subprocess.run(step, cwd=repo, env=environ, capture_output=True, text=True, timeout=1800)
        assert run.returncode == 0, f"{' '.join(step)} failed:\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}"
    return repo, env_dir, environ, steps


def test_binder_environment_runs_every_notebook_to_the_committed_outputs(binder_env, tmp_path):
    repo, env_dir, environ, steps = binder_env
    python = env_dir / "bin" / "python"
    # the package comes from the repository copy, as on Binder, not from the test environment
    where = subprocess.run([str(python), "-c", "import secnb; print(secnb.__file__)"], capture_output=True,
                           text=True, env=environ, cwd=tmp_path)
    assert where.returncode == 0 and where.stdout.startswith(str(repo)), where.stdout + where.stderr
    # JupyterLab's news pop-up is off for Binder users
    pages = subprocess.run([str(env_dir / "bin" / "jupyter"), "labextension", "list"], capture_output=True,
                           text=True, env=environ)
    assert "apputils-extension:announcements" in pages.stdout + pages.stderr
    # run every notebook with Binder's kernel and compare with the committed outputs (strict nbval,
    # driven from the test environment, which has nbval; the kernel is Binder's python)
    kernels = tmp_path / "kernels"
    spec = kernels / "kernels" / "binder-env"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        '{"argv": ["%s", "-m", "ipykernel_launcher", "-f", "{connection_file}"], '
        '"display_name": "Binder env", "language": "python"}' % python)
    nb_env = dict(os.environ, JUPYTER_PATH=str(kernels))
    run = subprocess.run([sys.executable, "-m", "pytest", *NBVAL, "--nbval-kernel-name", "binder-env",
                          str(repo / "notebooks")], capture_output=True, text=True, env=nb_env, cwd=repo, timeout=1800)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_repo2docker_runs_the_same_steps_as_the_emulation(binder_env):
    """The Dockerfile repo2docker would build installs the requirements and runs postBuild: the
    two steps the emulation above runs, in the same order."""
    exe = shutil.which("jupyter-repo2docker") or str(Path(sys.executable).parent / "jupyter-repo2docker")
    run = subprocess.run([exe, "--no-build", str(ROOT)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    dockerfile = run.stdout
    install = dockerfile.index('pip install --no-cache-dir -r "binder/requirements.txt"')
    post = dockerfile.index("./binder/postBuild")
    assert install < post
    _, _, _, steps = binder_env
    assert steps[0][-2:] == ["-r", "binder/requirements.txt"] and steps[1] == ["bash", "binder/postBuild"]
