"""Binder sees the configuration: pins, the CJK font, the package install, no news pop-up."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from .conftest import ROOT

BINDER = ROOT / "binder"


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
            assert m, f"{path.name}: not an exact pin: {line!r}"
            found[m[1].lower().replace("_", "-")] = m[2]
    return found


def test_requirements_are_exact_pins_of_what_the_tests_run_with():
    lab, test = pins(BINDER / "requirements.txt"), pins(ROOT / "tests" / "constraints.txt")
    assert {"pandas", "matplotlib", "ipywidgets", "jupyterlab"} <= set(lab)
    # keeps a learner's work beyond a Binder session: browser storage and download (issue 17)
    assert "jupyter-offlinenotebook" in lab
    assert not set(lab) & set(test), "a package is pinned twice"
    for name, version in {**lab, **test}.items():
        assert metadata.version(name) == version, f"{name}: installed {metadata.version(name)}, pinned {version}"


def test_runtime_apt_and_postbuild():
    runtime = (BINDER / "runtime.txt").read_text().strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"
    assert "fonts-noto-cjk" in (BINDER / "apt.txt").read_text().split()
    post = (BINDER / "postBuild").read_text()
    assert re.search(r"pip install .*-e \.", post), "postBuild installs the secnb package"
    assert "apputils-extension:announcements" in post
    assert "binder/overrides.json" in post and "share/jupyter/lab/settings" in post
    assert (BINDER / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"


def test_repo2docker_dockerfile_installs_pins_font_and_package(tmp_path):
    exe = shutil.which("jupyter-repo2docker") or str(Path(sys.executable).parent / "jupyter-repo2docker")
    if not Path(exe).exists():
        pytest.fail("jupyter-repo2docker is not installed (it is in the 'test' extra)")
    run = subprocess.run([exe, "--no-build", str(ROOT)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    dockerfile = run.stdout
    assert re.search(r'pip install --no-cache-dir -r "binder/requirements.txt"', dockerfile)
    assert re.search(r"apt-get install .*\n?\s*fonts-noto-cjk", dockerfile)
    assert "./binder/postBuild" in dockerfile
    assert "python=3.11" in run.stderr + dockerfile or "py-3.11" in dockerfile


def test_arrow_keys_belong_to_a_focused_widget():
    """binder/overrides.json (installed by postBuild and make setup) disables the notebook shortcuts
    that take ArrowLeft and ArrowRight from a focused slider and binds them again for everything but
    widgets; the browser test presses the keys in both interfaces."""
    import json

    shortcuts = json.loads((BINDER / "overrides.json").read_text())["@jupyterlab/shortcuts-extension:shortcuts"]
    by_key = {}
    for s in shortcuts["shortcuts"]:
        by_key.setdefault(s["keys"][0], []).append(s)
    for key in ("ArrowLeft", "ArrowRight"):
        off = [s for s in by_key[key] if s.get("disabled")]
        on = [s for s in by_key[key] if not s.get("disabled")]
        assert off and on and all(":not(.jupyter-widgets *)" in s["selector"] for s in on), key
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert installed.exists() and json.loads(installed.read_text()) == json.loads((BINDER / "overrides.json").read_text())
