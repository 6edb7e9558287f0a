"""The course website (issue 17): built offline from the committed notebooks with warnings as errors;
every page, local link and image is there, figures keep their alt text, each notebook page launches
its notebook on Binder, and axe-core in Chromium finds no accessibility violation of any impact."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from .conftest import NOTEBOOKS, ROOT

REPO = "https://github.com/example-org/secnb"
NOTEBOOK_NAMES = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
CHROMIUM = os.environ.get("SECNB_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "_build" / "site"
    run = subprocess.run([sys.executable, "-m", "secnb", "site", str(out), "--repo", REPO, "--branch", "main"],
                         capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert (out / "index.html").exists()
    return out


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.images, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("link", "script") and (a.get("href") or a.get("src")):
            self.links.append(a.get("href") or a.get("src"))
        if tag == "img":
            self.images.append(a)


@functools.cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_pages_of_the_course_are_there(site):
    for page in ["index.html", "glossary.html", "data/index.html", "instructors.html",
                 *(f"notebooks/{n}.html" for n in NOTEBOOK_NAMES), "data/concepts.html", "data/events.html"]:
        assert (site / page).exists(), page
    home = (site / "index.html").read_text(encoding="utf-8")
    for name in NOTEBOOK_NAMES:
        assert f"notebooks/{name}.html" in home
    from secnb.course import minutes_to_learn

    total = sum(minutes_to_learn(p)["minutes"] for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert f"about {total // 60} h {total % 60:02d} min of learning" in home


def test_the_glossary_has_every_concept_with_its_chinese_name(site):
    import secnb

    page = (site / "glossary.html").read_text(encoding="utf-8")
    for c in secnb.load_table("concepts").itertuples():
        assert c.name_zh in page, c.concept_id


def test_local_links_and_images_resolve(site):
    broken = []
    for page in site.rglob("*.html"):
        if "_static" in page.relative_to(site).parts:  # the theme's own templates, not pages
            continue
        parsed = _parse(page)
        for href in parsed.links + [i.get("src", "") for i in parsed.images]:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in _parse(target).ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert not broken, broken[:20]


@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_pages_show_their_figures_with_alt_text_and_launch_on_binder(site, name):
    page = site / "notebooks" / f"{name}.html"
    parsed = _parse(page)
    source = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    charts = sum("charts.show(" in "".join(c["source"]) for c in source["cells"] if c["cell_type"] == "code")
    figures = [i for i in parsed.images if i.get("src", "").startswith("data:image/")]
    assert len(figures) >= charts, f"{name}: {len(figures)} figures for {charts} chart cells"
    assert all(i.get("alt", "").strip() for i in parsed.images), f"{name}: an image without alt text"
    binder = [h for h in parsed.links if h.startswith("https://mybinder.org/v2/gh/example-org/secnb/main")]
    assert binder, f"{name}: no launch-on-Binder link"
    assert parse_qs(urlsplit(binder[0]).query)["urlpath"] == [f"lab/tree/notebooks/{name}.ipynb"]
    text = page.read_text(encoding="utf-8")
    if any("secnb.widgets." in "".join(c["source"]) for c in source["cells"]):
        assert "Interactive in the live course" in text, f"{name}: say how to run the interactive chart live"


def test_a_notebook_without_outputs_stops_the_build_with_its_name(tmp_path):
    import nbformat

    root = tmp_path / "course"
    for part in ("data", "notebooks"):
        shutil.copytree(ROOT / part, root / part)
    for file in ("README.md", "INSTRUCTORS.md"):
        shutil.copy(ROOT / file, root / file)
    path = root / "notebooks" / "03_non_traditional_security.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, path)
    from secnb.site import SiteError, stage_site

    with pytest.raises(SiteError, match="03_non_traditional_security.ipynb: has no outputs"):
        stage_site(tmp_path / "src", REPO, root=root)
    run = subprocess.run([sys.executable, "-m", "secnb", "site", str(tmp_path / "out"), "--repo", REPO,
                          "--root", str(root)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 1 and "03_non_traditional_security.ipynb" in run.stderr


@pytest.fixture(scope="module")
def served(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    sync = pytest.importorskip("playwright.sync_api")
    with sync.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("page_path", ["index.html", *(f"notebooks/{n}.html" for n in NOTEBOOK_NAMES)])
def test_axe_finds_no_accessibility_violation(served, browser, page_path):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{served}/{page_path}", wait_until="load")
        results = Axe().run(page)
        if page_path == "index.html":
            from .test_browser import ARTIFACTS

            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "site-home.png"))
        assert results.violations_count == 0, results.generate_report()
    finally:
        page.close()
