"""Links for running the course on a JupyterHub with nbgitpuller.

nbgitpuller (installed on the hub) clones a repository into each learner's home the first time a
learner opens the link, and on later visits pulls new commits without overwriting what the learner
changed. Its link is the hub's address, ``/hub/user-redirect/git-pull``, and three parameters:
``repo`` (the repository to clone), ``branch``, and ``urlpath`` (what to open once pulled). The
clone lands in a folder named after the repository's last path segment, so ``urlpath`` starts there.

``python -m secnb link --hub https://hub.example.edu --notebook 02`` prints such a link for this
course (``--repo`` and ``--branch`` default to this clone's ``origin`` remote and current branch).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from .course import notebooks_dir

__all__ = ["LinkError", "nbgitpuller_link", "repository_defaults"]

INTERFACES = {"lab": "lab/tree/{path}", "notebook": "notebooks/{path}"}


class LinkError(ValueError):
    """A link cannot be made: says which input is wrong and what is expected."""


def _http_url(url: str, what: str) -> str:
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in parts.netloc:
        raise LinkError(f"{what} {url!r} is not an http(s) address; give one such as https://hub.example.edu")
    return parts.geturl().rstrip("/")


def _notebook_file(notebook: str | None, folder: Path) -> str:
    names = sorted(p.name for p in folder.glob("[0-9][0-9]_*.ipynb"))
    if notebook is None:
        return names[0] if names else "00_start_here.ipynb"
    wanted = str(notebook).strip()
    for name in names:
        if wanted in (name, name[:2], Path(name).stem) or (wanted.isdigit() and name[:2] == wanted.zfill(2)):
            return name
    raise LinkError(f"no notebook {notebook!r}; choose one of {', '.join(n[:2] for n in names)} "
                    f"({', '.join(names)})")


def repository_defaults(root: str | Path | None = None) -> tuple[str | None, str]:
    """(the ``origin`` remote's address or None, the current branch or ``main``) of the course clone."""
    root = Path(root) if root else notebooks_dir().parent

    def git(*args):
        try:
            out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else None

    branch = git("rev-parse", "--abbrev-ref", "HEAD")
    return git("remote", "get-url", "origin"), (branch if branch and branch != "HEAD" else "main")


def nbgitpuller_link(hub: str, repo: str, branch: str = "main", notebook: str | None = None,
                     interface: str = "lab", folder: str | Path | None = None) -> str:
    """The nbgitpuller link that pulls ``repo`` at ``branch`` into a learner's home on ``hub`` and
    opens ``notebook`` (a number such as ``"02"`` or a file name; default: the first) in
    ``interface`` (``"lab"`` for JupyterLab, ``"notebook"`` for Jupyter Notebook 7).

    >>> nbgitpuller_link("https://hub.example.edu/", "https://github.com/o/secnb.git", notebook="00")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A//github.com/o/secnb.git&branch=main&urlpath=lab/tree/secnb/notebooks/00_start_here.ipynb'
    """
    hub = _http_url(hub, "the hub address")
    if hub.endswith("/hub"):
        hub = hub[: -len("/hub")]
    repo = str(repo).strip()
    parts = urlsplit(repo)
    if parts.scheme not in ("http", "https", "file", "ssh", "git") or not (parts.netloc or parts.scheme == "file"):
        raise LinkError(f"the repository {repo!r} is not a git address such as https://github.com/OWNER/REPO")
    name = parts.path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    if not name:
        raise LinkError(f"the repository {repo!r} has no name in its path")
    if interface not in INTERFACES:
        raise LinkError(f"interface {interface!r} is not one of {', '.join(INTERFACES)}")
    if not str(branch).strip():
        raise LinkError("the branch is empty")
    file = _notebook_file(notebook, notebooks_dir(folder))
    urlpath = INTERFACES[interface].format(path=f"{name}/notebooks/{file}")
    query = urlencode({"repo": repo, "branch": str(branch).strip(), "urlpath": urlpath}, quote_via=quote,
                      safe="/")
    return f"{hub}/hub/user-redirect/git-pull?{query}"
