"""The nbgitpuller link for a class on JupyterHub (issue 17): right parameters, clear errors."""

from __future__ import annotations

import doctest
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
