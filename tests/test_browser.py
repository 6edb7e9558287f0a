"""Every notebook as a learner meets it: JupyterLab in headless Chromium, driven by Playwright.

For each notebook found in notebooks/ (new notebooks are covered with no edit here): open it,
run all cells, and expect no traceback, no output on stderr and no "Error displaying widget";
where the notebook has widgets, expect their views, move one control and see the chart change;
where it has answer forms, answer the first one by click, press Check and see the feedback (and,
after a second wrong answer, open the "Show the answer" section).
A screenshot of each notebook is written to tests/artifacts/ for a person to look at.

The server runs on 127.0.0.1 with a fixed token, on a copy of the notebooks and the data (so
JupyterLab's autosave never touches the committed files). Chromium is Debian's
(``apt-get install chromium``); when it is missing the test fails under CI and skips elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import DATA, NOTEBOOKS, ROOT

CHROMIUM = os.environ.get("SECNB_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
TOKEN = "secnb-browser-test"
MOVES = 3  # control moves timed per notebook (bench/run.py reports their median)
ARTIFACTS = ROOT / "tests" / "artifacts"
ALL_NOTEBOOKS = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def _require_chromium():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set SECNB_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    _require_chromium()
    base = tmp_path_factory.mktemp("lab")
    course = base / "course"
    shutil.copytree(NOTEBOOKS, course / "notebooks")
    shutil.copytree(DATA, course / "data")
    settings = base / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # render every cell (no virtual scrolling), so that the test sees all outputs at once
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    # what Binder sets in a session: jupyter-offlinenotebook keys a learner's saved notebooks on it
    binder = {"BINDER_REPO_URL": "https://github.com/example/secnb", "BINDER_REF_URL": "",
              "BINDER_LAUNCH_HOST": "https://mybinder.org/", "BINDER_PERSISTENT_REQUEST": "v2/gh/example/secnb/main"}
    env = dict(os.environ, **binder, JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"), JUPYTER_CONFIG_DIR=str(base / "config"),
               JUPYTER_RUNTIME_DIR=str(base / "runtime"), JUPYTER_PLATFORM_DIRS="1")
    port = _free_port()
    log = open(base / "lab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={course}",
         "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
         "--ServerApp.port_retries=0"],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.close()
                raise RuntimeError("JupyterLab did not start:\n" + (base / "lab.log").read_text()[-3000:])
            time.sleep(0.3)
    yield url
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


_STATE = """() => {
  if (!window.jupyterapp || !window.jupyterapp.shell) return null;
  const w = window.jupyterapp.shell.currentWidget;
  if (!w || !w.content || !w.sessionContext) return null;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  return {status: kernel ? kernel.status : 'none',
          pending: cells.filter(c => c.model.executionCount === null || c.promptNode.textContent.includes('*')).length,
          cells: cells.length};
}"""

_PROBLEMS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const found = [];
  w.content.widgets.forEach((c, i) => {
    if (c.model.type !== 'code') return;
    for (const o of c.model.outputs.toJSON()) {
      if (o.output_type === 'error') found.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
      if (o.output_type === 'stream' && o.name === 'stderr') found.push(`cell ${i}: stderr: ${o.text}`);
    }
  });
  const text = Array.from(w.content.node.querySelectorAll('.jp-OutputArea')).map(n => n.innerText).join(' ');
  const at = text.indexOf('Error displaying widget');
  if (at >= 0) found.push('Error displaying widget: ' + text.slice(Math.max(0, at - 200), at + 300));
  if (text.includes('Traceback (most recent call last)')) found.push('a traceback is shown');
  return found;
}"""


def _wait(page, predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(predicate)
        if value:
            return value
        page.wait_for_timeout(250)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


# an explorer: the first widget box that is not an answer form (forms hold no inner box)
EXPLORER = ".jp-OutputArea-output .jupyter-widgets.widget-vbox:not(.secnb-answer-form)"
_WATCH = """() => {
  // Time, inside the page, from the learner's input to the changed view on screen: from the
  // keydown or change event that moves the control to the first animation frame after the
  // widget's view has changed and its new chart image is decoded. Measured here rather than by
  // polling from the test, whose round trips (each fetching the view's HTML) would be counted.
  const box = document.querySelectorAll(EXPLORER)[0];
  const view = () => Array.from(box.querySelectorAll('.widget-html-content')).map(n => n.innerHTML).join('');
  let before = view();
  const t = window.__secnbMove = {start: null, changed: null, shown: null};
  const begin = e => { if (t.start === null) t.start = e.timeStamp; };
  for (const kind of ['keydown', 'change', 'input']) box.addEventListener(kind, begin, true);
  const seen = new MutationObserver(() => {
    if (t.start === null) { before = view(); return; }  // a late update of an earlier move
    if (t.changed !== null || view() === before) return;
    t.changed = performance.now();
    seen.disconnect();
    const images = Array.from(box.querySelectorAll('.widget-html-content img'));
    Promise.all(images.map(i => i.decode().catch(() => null)))
      .then(() => requestAnimationFrame(() => { t.shown = performance.now(); }));
  });
  seen.observe(box, {subtree: true, childList: true, characterData: true, attributes: true});
  return before.length > 0;
}""".replace("EXPLORER", repr(EXPLORER))


def _move_one_control(page, step: int, run: dict) -> float | None:
    """Move the first slider (by keyboard, as a learner might) or pick another option of the first
    drop-down, the ``step``-th move of a run of moves to settings not shown before (``run`` keeps
    what the run decided at its first step); return the seconds from that input until the same
    widget shows a changed view, or None when the drop-down has no option left that was not shown
    (a revisit would come from the cache)."""
    box = page.locator(EXPLORER).first
    handle = box.locator(".noUi-handle, .ui-slider-handle, input[type=range]").first
    if handle.count():
        assert page.evaluate(_WATCH), "the first widget shows nothing"
        handle.focus()
        # one direction for the whole run, towards the far end: the upper handle of a range slider,
        # or a slider in the upper half of its range, moves left
        if "left" not in run:
            now, low, high = (float(handle.get_attribute(a) or 0) for a in ("aria-valuenow", "aria-valuemin",
                                                                             "aria-valuemax"))
            run["left"] = "upper" in (handle.get_attribute("class") or "") or now > (low + high) / 2
        page.keyboard.press("ArrowLeft" if run["left"] else "ArrowRight")
    else:
        select = box.locator("select").first
        # pick by position: an option's visible text may differ from its value (ipywidgets shows
        # spaces as non-breaking spaces), but its index does not
        current = select.evaluate("s => s.selectedIndex")
        count = select.locator("option").count()
        if step >= count:
            return None
        assert page.evaluate(_WATCH), "the first widget shows nothing"
        select.select_option(index=(current + 1) % count)
    deadline = time.monotonic() + 15
    while True:
        t = page.evaluate("() => window.__secnbMove")
        if t["start"] is not None and t["shown"] is not None:
            return (t["shown"] - t["start"]) / 1000
        if time.monotonic() > deadline:
            raise AssertionError(f"moving the control did not change what the widget shows ({t})")
        page.wait_for_timeout(50)


def _answer_a_form(page, name: str) -> None:
    """Answer the notebook's first answer form by click as a learner would, press Check and expect
    feedback; if it was wrong, press Check again and open the "Show the answer" section."""
    form = page.locator(".jp-OutputArea-output .secnb-answer-form").first
    form.scroll_into_view_if_needed()
    radios, boxes = form.locator("input[type=radio]"), form.locator("input[type=checkbox]")
    selects = form.locator("select")
    if radios.count():
        radios.nth(radios.count() - 1).check()
    elif boxes.count():
        boxes.first.check()
    else:  # the same first choice in every place: an order or a match that is (almost surely) wrong
        for i in range(selects.count()):
            selects.nth(i).select_option(index=1)
    button = form.locator("button", has_text="Check")
    button.click()
    feedback = form.locator(".secnb-check")
    feedback.first.wait_for(timeout=20_000)
    text = feedback.first.inner_text()
    assert "correct" in text or "not quite" in text, f"{name}: the form's feedback reads {text!r}"
    if "not quite" in text:
        assert form.locator("details").count() == 0, f"{name}: the answer was shown after one wrong answer"
        button.click()
        reveal = form.locator("details.secnb-reveal")
        reveal.wait_for(timeout=20_000)
        reveal.locator("summary").click()
        assert "Answer" in reveal.inner_text(), f"{name}: the reveal shows no answer"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    form.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-form.png"))


def _keep_work_offline(page, name: str) -> None:
    """jupyter-offlinenotebook is loaded: the notebook's toolbar has its Download and Save to
    browser storage buttons, and saving stores the notebook in the browser (its dialog says so)."""
    assert page.evaluate("() => window.jupyterapp.isPluginActivated('offlinenotebook:offlineNotebookButtons')"), \
        f"{name}: jupyter-offlinenotebook is not loaded"
    toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar").first
    for button in ("downloadVisible", "saveToBrowser", "loadFromBrowser"):
        assert toolbar.locator(f".{button}").count() == 1, f"{name}: no {button} button in the notebook toolbar"
    toolbar.locator(".saveToBrowser button, button.saveToBrowser, .saveToBrowser").first.click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=20_000)
    assert "saved to browser storage" in dialog.inner_text(), dialog.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-saved-offline.png"))
    dialog.locator("button", has_text="OK").click()
    dialog.wait_for(state="detached", timeout=10_000)


def check_notebook(browser, url: str, name: str, interface: str = "lab") -> None:
    """Open one notebook in JupyterLab (``lab``) or Jupyter Notebook 7 (``notebook``), run it and
    check it as a learner would (raises AssertionError)."""
    source = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in source["cells"] if c["cell_type"] == "code"]
    has_widgets = any("secnb.widgets." in c for c in code)
    has_forms = any("answer_widget(" in c for c in code)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    try:
        # a workspace of its own (reset): JupyterLab would otherwise reopen every notebook checked
        # before, with its outputs, in this page too
        where = (f"lab/workspaces/{Path(name).stem}/tree/notebooks/{name}?reset&" if interface == "lab"
                 else f"notebooks/notebooks/{name}?")
        page.goto(f"{url}/{where}token={TOKEN}", wait_until="domcontentloaded")
        _wait(page, "() => { const s = (" + _STATE + ")(); return s && s.status === 'idle'; }", 90, "the kernel")
        # before anything runs, the committed outputs must already show the charts (untrusted notebook)
        shows_charts = any("charts.show(" in "".join(c["source"]) for c in source["cells"] if c["cell_type"] == "code")
        if shows_charts:
            _wait(page, "() => document.querySelectorAll('.jp-OutputArea-output img[alt]').length > 0", 30,
                  "the committed charts to show before the notebook runs")
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_timeout(500)
        _wait(page, "() => { const s = (" + _STATE + ")(); return s && s.status === 'idle' && s.pending === 0; }",
              300, "all cells to run")
        page.wait_for_timeout(500)
        problems = page.evaluate(_PROBLEMS)
        if problems:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{Path(name).stem}-FAILED.png"), full_page=True)
            (ARTIFACTS / f"{Path(name).stem}-console.txt").write_text("\n".join(console))
        assert not problems, f"{name}: " + "; ".join(problems)
        if has_widgets:
            views = page.locator(".jp-OutputArea-output .jupyter-widgets").count()
            assert views > 0, f"{name}: widget cells ran but no widget view is shown"
            # three moves, each to a setting not shown before (a revisit would come from the cache)
            run: dict = {}
            seconds = [t for step in range(1, MOVES + 1) if (t := _move_one_control(page, step, run)) is not None]
            if interface == "lab":  # the bench reads JupyterLab's timings
                (ARTIFACTS / "timings").mkdir(parents=True, exist_ok=True)
                (ARTIFACTS / "timings" / f"{Path(name).stem}.txt").write_text("".join(f"{t:.3f}\n" for t in seconds))
            assert not page.evaluate(_PROBLEMS)
        if has_forms:
            _answer_a_form(page, name)
            assert not page.evaluate(_PROBLEMS)
        if name == ALL_NOTEBOOKS[0] and interface == "lab":
            _keep_work_offline(page, name)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.evaluate("""() => { const nb = window.jupyterapp.shell.currentWidget.content.node;
            const scroller = nb.querySelector('.jp-WindowedPanel-outer') || nb; scroller.scrollTop = 0; }""")
        page.wait_for_timeout(300)
        shot = Path(name).stem + ("" if interface == "lab" else "-nb7")
        page.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
        if has_widgets:
            page.locator(".jp-OutputArea-output .jupyter-widgets").first.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / f"{shot}-widget.png"))
    finally:
        # shut the notebook's kernel down, so that the checks after it do not share the machine with
        # it; a page that has crashed must not hide the failure that brought us here (a page that
        # hangs is the subprocess timeout's to end)
        try:
            page.evaluate("""() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                return w && w.sessionContext ? w.sessionContext.shutdown() : null; }""")
        except Exception:  # noqa: BLE001 - the check's own outcome is what counts
            pass
        page.close()


CHECK_TIMEOUT = 420  # seconds for one notebook; a browser that stops answering is killed, not waited on


@pytest.mark.parametrize("interface", ["lab", "notebook"])
@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_notebook_runs_in_jupyterlab_and_the_notebook_interface(lab, name, interface):
    """Each notebook is checked in a subprocess with its own Chromium: Playwright's evaluate has no
    timeout, so a renderer that stops answering would otherwise hang the whole run. A timeout is
    retried once with a fresh browser; any failed check fails at once."""
    url = lab
    for attempt in (1, 2):
        # a session of its own, so that a timeout kills Chromium's processes too
        proc = subprocess.Popen([sys.executable, "-m", "tests.test_browser", url, name, interface], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=CHECK_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            if attempt == 2:
                pytest.fail(f"{name}: the browser check did not finish in {CHECK_TIMEOUT} s, twice")
            continue
        assert proc.returncode == 0, f"{name}:\n{out[-3000:]}\n{err[-3000:]}"
        return


def _main(url: str, name: str, interface: str = "lab") -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            check_notebook(browser, url, name, interface)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:4]))
