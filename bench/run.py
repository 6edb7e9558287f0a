"""secnb's benchmark: every figure measured in one run on this machine, against its floor.

    make bench                  # everything (a few minutes)
    python bench/run.py --quick # fewer repetitions, no environment sizes, no browser

Each figure is a median of several runs, printed with its target and whether it holds; the
results also go to bench/results/latest.json. The floors are what any course on the same stack
pays anyway: bare imports of pandas, matplotlib.pyplot and ipywidgets; the same number of
notebooks doing only those imports; an environment with only jupyterlab, pandas, matplotlib and
ipywidgets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PY = sys.executable
NBVAL = ["-m", "pytest", "--nbval", "--nbval-current-env", "-q", "-p", "no:cacheprovider",
         "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg")]


def median_time(cmd: list[str], runs: int, **kw) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, **kw)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(cmds: dict[str, list[str]], runs: int, **kw) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns so that drift hits all alike."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, **kw)
            times[name].append(time.perf_counter() - start)
    return {k: statistics.median(v) for k, v in times.items()}


# ---------------------------------------------------------------------------------------------


def bench_import(runs: int) -> dict:
    t = interleaved({
        "floor": [PY, "-c", "import pandas, matplotlib.pyplot, ipywidgets"],
        "secnb": [PY, "-c", "import secnb; secnb.load_dataset()"],
        "secnb_all": [PY, "-c", "import secnb, secnb.charts, secnb.widgets, secnb.models; secnb.load_dataset()"],
    }, runs, cwd=ROOT)
    return {"floor_s": t["floor"], "secnb_s": t["secnb"], "secnb_all_s": t["secnb_all"],
            "ratio": t["secnb"] / t["floor"], "ratio_all": t["secnb_all"] / t["floor"]}


def bench_nbval(runs: int) -> dict:
    import nbformat

    course = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp) / "floor"
        floor.mkdir()
        for i in range(len(course)):
            nb = nbformat.v4.new_notebook()
            nb.cells.append(nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot, ipywidgets", execution_count=1))
            nbformat.write(nb, floor / f"floor_{i:02d}.ipynb")
        t = interleaved({"floor": [PY, *NBVAL, str(floor)], "course": [PY, *NBVAL, str(NOTEBOOKS)]}, runs, cwd=ROOT)
    return {"notebooks": len(course), "floor_s": t["floor"], "course_s": t["course"], "ratio": t["course"] / t["floor"]}


def _next_value(control):
    """Another valid value for a control, as a learner would set it."""
    import ipywidgets as W

    v = control.value
    if isinstance(control, (W.IntRangeSlider, W.FloatRangeSlider)):
        lo, hi = v
        step = control.step
        return (lo + step, hi) if lo + step < hi else (control.min, control.max)
    if isinstance(control, (W.IntSlider, W.FloatSlider, W.BoundedIntText, W.BoundedFloatText)):
        return v + control.step if v + control.step <= control.max else control.min
    if isinstance(control, W.Checkbox) or isinstance(v, bool):
        return not v
    if hasattr(control, "options") and control.options:
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        if isinstance(v, tuple):  # multiple selection
            return tuple(values[:1]) if v != tuple(values[:1]) else tuple(values[:2])
        return values[(values.index(v) + 1) % len(values)]
    if isinstance(v, str):
        return v + " x"
    raise TypeError(f"cannot move a {type(control).__name__}")


def widgets_in_notebooks() -> list[tuple[str, object]]:
    """Run each notebook's code cells in this process (no kernel) and collect the widgets its
    widget cells build, exactly as written in the notebook."""
    from secnb.notebooks import run_in_process

    found = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        for source, value in run_in_process(path):
            if "secnb.widgets." in source and hasattr(value, "controls"):
                builder = source.split("secnb.widgets.")[1].split("(")[0]
                found.append((f"{path.stem[:2]} {builder}", value))
    return found


def bench_widgets(moves: int) -> list[dict]:
    """Each widget's callback time: set a control as a learner would, until the view is redrawn.

    Only moves to a setting the widget has not shown before count: a widget shows a setting it
    has already drawn from its cache at once, which would flatter the median. ``reused`` counts
    the redraws that kept the layout of an earlier frame (:class:`secnb.charts.FrameLayout`).
    """
    results = []
    for name, box in widgets_in_notebooks():
        times = []
        state = lambda: tuple(repr(c.value) for c in box.controls.values())  # noqa: E731
        seen = {state()}
        frames = getattr(box, "frames", None)
        reused_before = frames.reused if frames else 0
        for control in box.controls.values():
            for _ in range(moves):
                before = (box.view.value, id(box.figure))
                start = time.perf_counter()
                control.value = _next_value(control)
                elapsed = time.perf_counter() - start
                if state() not in seen and (box.view.value, id(box.figure)) != before:
                    times.append(elapsed)
                seen.add(state())
        action = "redraw"
        if not times and hasattr(box, "check"):  # a quiz: its view answers the Check button, not a control
            action = "check"
            for control in box.controls.values():
                control.value = _next_value(control)
                start = time.perf_counter()
                box.check()
                times.append(time.perf_counter() - start)
        results.append({"widget": name, "action": action, "median_ms": 1000 * statistics.median(times) if times else None,
                        "max_ms": 1000 * max(times) if times else None, "moves": len(times),
                        "reused": (frames.reused - reused_before) if frames else None})
    return results


def bench_browser() -> dict:
    timings = ROOT / "tests" / "artifacts" / "timings"
    shutil.rmtree(timings, ignore_errors=True)
    run = subprocess.run([PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "lab",  # JupyterLab's moves
                          str(ROOT / "tests" / "test_browser.py")],
                         capture_output=True, text=True, cwd=ROOT)
    values = [float(x) for f in sorted(timings.glob("*.txt")) for x in f.read_text().split()]
    return {"passed": run.returncode == 0, "moves": len(values),
            "median_ms": 1000 * statistics.median(values) if values else None,
            "max_ms": 1000 * max(values) if values else None}


def bench_hub(learners: int) -> dict:
    """``learners`` learners at once on a local JupyterHub, each running every notebook (bench/hub.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import hub

    return hub.run(learners, [p.name[:2] for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))])


def _site_size(env: Path) -> int:
    return sum(f.stat().st_size for f in env.rglob("*") if f.is_file() and not f.is_symlink())


def bench_env_size() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {}
        for name, args in {"binder": ["-r", str(ROOT / "binder" / "requirements.txt")],
                           "floor": ["jupyterlab", "pandas", "matplotlib", "ipywidgets"]}.items():
            env = Path(tmp) / name
            venv.create(env, with_pip=True)
            base = _site_size(env)
            subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            "--no-cache-dir", *args], check=True, capture_output=True)
            if name == "binder":  # what Binder adds after the requirements: the course package itself
                subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", str(ROOT)],
                               check=True, capture_output=True)
            sizes[name] = _site_size(env) - base
    return {"binder_mb": sizes["binder"] / 1e6, "floor_mb": sizes["floor"] / 1e6, "ratio": sizes["binder"] / sizes["floor"]}


def notebook_sizes() -> list[dict]:
    return [{"notebook": p.name, "kb": p.stat().st_size / 1000} for p in sorted(NOTEBOOKS.glob("*.ipynb"))]


# ---------------------------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs; skip environment sizes, the browser and the hub")
    parser.add_argument("--learners", type=int, default=20, help="learners on the local hub (default 20)")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 7
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    print(f"secnb benchmark on {machine}; medians of {runs} runs unless said otherwise\n")
    rows, results = [], {"machine": machine, "runs": runs}

    def row(what, value, target, ok):
        rows.append((what, value, target, "ok" if ok else ("MISSED" if ok is False else "-")))
        print(f"{what:<72} {value:>22}   target {target:<14} {rows[-1][3]}", flush=True)

    r = results["import"] = bench_import(max(runs, 5) * 2 - 1)
    row("import secnb; load_dataset()  vs  bare imports", f"{r['secnb_s']:.2f} s / {r['floor_s']:.2f} s = {r['ratio']:.2f}x",
        "<= 1.15x", r["ratio"] <= 1.15)
    row("  ... with charts, widgets, models imported too", f"{r['secnb_all_s']:.2f} s = {r['ratio_all']:.2f}x", "<= 1.15x",
        r["ratio_all"] <= 1.15)
    r = results["nbval"] = bench_nbval(3 if args.quick else 5)
    row(f"strict nbval, {r['notebooks']} notebooks  vs  as many bare ones", f"{r['course_s']:.1f} s / {r['floor_s']:.1f} s = "
        f"{r['ratio']:.2f}x", "<= 1.5x", r["ratio"] <= 1.5)
    results["widgets"] = bench_widgets(3 if args.quick else 7)
    for w in results["widgets"]:
        if w["median_ms"] is None:
            row(f"widget callback {w['widget']}", "no redraw seen", "< 100 ms", False)
        else:
            how = f"{w['moves']} checks" if w["action"] == "check" else f"{w['moves']} new settings"
            if w["reused"]:
                how += f", {w['reused']} kept the layout"
            row(f"widget callback {w['widget']} ({how})", f"{w['median_ms']:.1f} ms (max {w['max_ms']:.0f})",
                "< 100 ms", w["median_ms"] < 100)
    if not args.quick:
        r = results["browser"] = bench_browser()
        if r["moves"]:
            row(f"browser: control moved to changed view ({r['moves']} moves)", f"{r['median_ms']:.0f} ms (max {r['max_ms']:.0f})",
                "< 200 ms", r["median_ms"] < 200)
        else:
            row("browser: control moved to changed view", "not measured (no Chromium?)", "< 200 ms", None)
        r = results["hub"] = bench_hub(args.learners)
        if r["ran"]:
            per_16gb = int(16 * 1024 // r["peak_mb"])
            row(f"hub: {r['ran']}/{r['learners']} learners ran all {len(r['notebooks'])} notebooks; peak per learner",
                f"{r['peak_mb']:.0f} MB (RSS {r['peak_rss_mb']:.0f})", "<= 300 MB", r["peak_mb"] <= 300)
            row("hub: learners a machine holds, from that peak", f"{per_16gb} on 16 GB, {per_16gb * 2} on 32 GB",
                ">= 50 on 16 GB", per_16gb >= 50)
        else:
            row("hub: learners ran the course", f"0/{r['learners']}", "all", False)
        r = results["env"] = bench_env_size()
        row("environment: binder/requirements.txt + secnb  vs  the four", f"{r['binder_mb']:.0f} MB / {r['floor_mb']:.0f} MB = "
            f"{r['ratio']:.2f}x", "<= 1.15x", r["ratio"] <= 1.15)
    results["notebook_sizes"] = notebook_sizes()
    for n in results["notebook_sizes"]:
        row(f"file size {n['notebook']}", f"{n['kb']:.0f} kB", "< 1000 kB", n["kb"] < 1000)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    missed = [r for r in rows if r[3] == "MISSED"]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} figures within target; results in bench/results/latest.json")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
