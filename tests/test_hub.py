"""The nbgitpuller link for a class on JupyterHub (issue 17): right parameters, clear errors."""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest

import secnb.hub
from secnb.hub import LinkError, nbgitpuller_link

from .conftest import ROOT

REPO = "https://github.com/example-org/secnb-course.git"


def test_the_link_pulls_the_repository_and_opens_the_notebook():
    link = nbgitpuller_link("https://hub.example.edu/", REPO, "main", "2")
    parts = urlsplit(link)
    assert parts.scheme == "https" and parts.netloc == "hub.example.edu"
    assert parts.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query)
    assert query == {"repo": [REPO], "branch": ["main"],
                     "urlpath": ["lab/tree/secnb-course/notebooks/02_traditional_security.ipynb"]}


@pytest.mark.parametrize("notebook", ["08", "8", "08_cases_and_review", "08_cases_and_review.ipynb"])
def test_a_notebook_can_be_named_several_ways(notebook):
    assert nbgitpuller_link("https://h.example", REPO, notebook=notebook).endswith("/notebooks/08_cases_and_review.ipynb")


def test_defaults_and_other_interfaces():
    assert "00_start_here.ipynb" in nbgitpuller_link("https://h.example/hub/", REPO)
    assert "/hub/hub/" not in nbgitpuller_link("https://h.example/hub/", REPO)
    nb7 = parse_qs(urlsplit(nbgitpuller_link("http://127.0.0.1:8000", REPO, interface="notebook")).query)
    assert nb7["urlpath"] == ["notebooks/secnb-course/notebooks/00_start_here.ipynb"]
    local = parse_qs(urlsplit(nbgitpuller_link("http://127.0.0.1:8000", "file:///srv/course/secnb")).query)
    assert local["urlpath"] == ["lab/tree/secnb/notebooks/00_start_here.ipynb"]


@pytest.mark.parametrize("hub", ["hub.example.edu", "ftp://hub.example.edu", "https://", "", "javascript:alert(1)",
                                 "https://bad host"])
def test_a_malformed_hub_address_is_refused(hub):
    with pytest.raises(LinkError, match="not an http"):
        nbgitpuller_link(hub, REPO)


@pytest.mark.parametrize("notebook", ["12", "99_none", "intro", "-1"])
def test_an_unknown_notebook_is_refused_with_the_choices(notebook):
    with pytest.raises(LinkError, match="choose one of 00, 01"):
        nbgitpuller_link("https://h.example", REPO, notebook=notebook)


def test_bad_repository_branch_or_interface_are_refused():
    for repo in ["not a url", "https://github.com/", ""]:
        with pytest.raises(LinkError):
            nbgitpuller_link("https://h.example", repo)
    with pytest.raises(LinkError, match="branch"):
        nbgitpuller_link("https://h.example", REPO, branch=" ")
    with pytest.raises(LinkError, match="interface"):
        nbgitpuller_link("https://h.example", REPO, interface="classic")


def test_the_command_prints_the_link_or_a_clear_error():
    def run(*args):
        return subprocess.run([sys.executable, "-m", "secnb", "link", *args], capture_output=True, text=True,
                              cwd=ROOT, timeout=60)

    ok = run("--hub", "https://hub.example.edu", "--repo", REPO, "--branch", "main", "--notebook", "05")
    assert ok.returncode == 0 and ok.stdout.strip() == nbgitpuller_link("https://hub.example.edu", REPO, "main", "05")
    bad = run("--hub", "hub.example.edu", "--repo", REPO)
    assert bad.returncode == 1 and "not an http(s) address" in bad.stderr and not bad.stdout
    unknown = run("--hub", "https://hub.example.edu", "--repo", REPO, "--notebook", "42")
    assert unknown.returncode == 1 and "no notebook '42'" in unknown.stderr


def test_the_module_example_runs():
    assert doctest.testmod(secnb.hub).failed == 0


# --- the local class (the short version of make hub-smoke) ------------------------------------

def _hub_or_skip():
    proxy = ROOT / ".venv" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
    pytest.importorskip("jupyterhub")
    pytest.importorskip("nbgitpuller")
    if not proxy.exists() and not shutil.which("configurable-http-proxy"):
        message = "configurable-http-proxy is not installed: make hub-setup"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _smoke(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "bench" / "hub.py"), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


def _leftovers():
    import psutil

    return [p.pid for p in psutil.process_iter(["cmdline"])
            if any("secnb-hub-" in part for part in (p.info["cmdline"] or []))]


def test_two_learners_pull_the_course_and_run_a_notebook_on_a_local_hub():
    _hub_or_skip()
    run = _smoke("--learners", "2", "--notebooks", "00")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    last = run.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"hub: 2/2 learners ran 00 \(peak MB per learner \d+, median run s [\d.]+\)", last), last
    assert not _leftovers(), "the smoke run left processes behind"


def test_a_learner_whose_notebook_fails_is_reported_with_the_cell_and_everything_stops(tmp_path):
    _hub_or_skip()
    repo = tmp_path / "course"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(repo)], check=True)
    import nbformat

    path = repo / "notebooks" / "00_start_here.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell("raise ValueError('a broken cell')"))
    nbformat.write(nb, path)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "commit", "--quiet", "-am", "break a cell"], check=True)
    run = _smoke("--learners", "1", "--notebooks", "00", "--repo", str(repo))
    assert run.returncode == 1
    assert "learner01 failed: RuntimeError: 00_start_here.ipynb cell 3: ValueError: a broken cell" in run.stdout
    assert "hub: 0/1 learners ran 00" in run.stdout
    assert not _leftovers()
