"""Every notebook follows the course skeleton and is committed executed, cleanly and in order."""

from __future__ import annotations

import json
import re

import pytest

from secnb import course

from .conftest import NOTEBOOKS

ALL = sorted(NOTEBOOKS.glob("*.ipynb"))
SKELETON = ["Learning objectives", "Time to learn", "Key points", "What's next", "Sources"]


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def src(cell) -> str:
    return "".join(cell["source"])


def test_there_are_notebooks_and_they_are_numbered():
    assert ALL and ALL[0].name == "00_start_here.ipynb"
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", p.name) for p in ALL)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_metadata_feeds_the_course_map(path):
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["secnb"]
    assert meta["order"] == int(path.name[:2])
    assert meta["title"] and 15 <= meta["minutes"] <= 90
    assert isinstance(meta["objectives"], list) and len(meta["objectives"]) >= 2


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_follows_the_skeleton(path):
    text = "\n".join(src(c) for c in cells(path) if c["cell_type"] == "markdown")
    assert text.lstrip().startswith("# "), "starts with its title"
    # the first two are paragraphs of the overview; the last three are headings of their own (the
    # text may mention "Sources" before its heading)
    def where(h):
        if h in ("Learning objectives", "Time to learn"):
            return text.find(h)
        m = re.search(rf"(?m)^#+ {re.escape(h)}", text)
        return m.start() if m else -1
    positions = [where(h) for h in SKELETON]
    assert all(p >= 0 for p in positions), [h for h, p in zip(SKELETON, positions) if p < 0]
    assert positions == sorted(positions), "skeleton parts out of order"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_committed_executed_in_order_without_errors(path):
    code = [c for c in cells(path) if c["cell_type"] == "code" and src(c).strip()]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "run make notebooks"
    for c in code:
        for out in c["outputs"]:
            assert out["output_type"] != "error", src(c)
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), out.get("text")
            assert "application/vnd.jupyter.widget-view+json" not in out.get("data", {}), \
                "a live widget reference was committed: run make notebooks"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_widgets_are_ignored_by_nbval_and_followed_by_a_static_figure(path):
    cs = cells(path)
    for i, c in enumerate(cs):
        if c["cell_type"] == "code" and "secnb.widgets." in src(c):
            assert src(c).startswith("# NBVAL_IGNORE_OUTPUT"), "widget cells carry # NBVAL_IGNORE_OUTPUT"
            after = [x for x in cs[i + 1:] if x["cell_type"] == "code"][:1]
            assert after and "charts.show(" in src(after[0]), "a static figure follows each widget"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_logic_lives_in_secnb_not_in_notebooks(path):
    for c in cells(path):
        if c["cell_type"] == "code":
            assert not re.search(r"^\s*(def|class) ", src(c), re.M), "define helpers in secnb, not in a notebook"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_notebook_files_stay_small(path):
    assert path.stat().st_size < 1_000_000


def test_course_map_is_built_from_the_notebooks():
    table = course.course_map(NOTEBOOKS)
    assert list(table["notebook"]) == [p.name for p in ALL]
    assert table["minutes"].sum() > 0
    assert "| 00 | [Start here" in course.course_map_markdown(NOTEBOOKS).data
