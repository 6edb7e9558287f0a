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
    assert meta["title"] and 15 <= meta["minutes"] <= 120
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
        if c["cell_type"] == "code" and ("secnb.widgets." in src(c) or "answer_widget(" in src(c)):
            assert "nbval-ignore-output" in c["metadata"].get("tags", []), "widget cells carry nbval's tag"
            if "answer_widget(" in src(c):
                continue  # an answer form: what follows it must not show the answer (issue 15)
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


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_no_nbval_comment_is_shown_to_learners(path):
    for c in cells(path):
        assert "NBVAL" not in src(c), "use nbval's cell tags, not a comment learners read"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_time_to_learn_is_computed_not_guessed(path):
    computed = course.minutes_to_learn(path)
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["secnb"]
    assert meta["minutes"] == computed["minutes"], f"{computed}: run make notebooks"
    stated = course.TIME_TO_LEARN.findall("\n".join(src(c) for c in cells(path) if c["cell_type"] == "markdown"))
    assert [int(m[1]) for m in stated] == [computed["minutes"]], "the Time to learn line states the computed minutes"
    # the parts add up: reading at 150 words a minute, the exercises' minutes, a margin for running cells
    assert computed["reading"] == round(computed["words"] / 150, 1) and computed["exercises"] > 0
    assert computed["minutes"] - 5 < computed["reading"] + computed["exercises"] + computed["running"] <= computed["minutes"]


def test_course_total_in_readme_and_notebook_00_is_the_sum():
    from .conftest import ROOT

    total = sum(course.minutes_to_learn(p)["minutes"] for p in ALL)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert course.total_sentence(total) in readme, "README: run make notebooks (python -m secnb minutes --write)"
    nb00 = json.dumps(cells(ALL[0]))
    assert f"about {total // 60} h {total % 60:02d} min of learning in all" in nb00, "re-execute notebook 00"


def test_minutes_count_words_exercises_and_cells(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("word " * 290 + "[a link](http://x.y/very/long/target)"),
                nbformat.v4.new_code_cell("1 + 1"), nbformat.v4.new_code_cell("secnb.widgets.trust_explorer()"),
                nbformat.v4.new_code_cell("   ")]
    path = tmp_path / "99_nothing.ipynb"
    nbformat.write(nb, path)
    got = course.minutes_to_learn(path)
    assert got["words"] == 292 and got["exercises"] == 0 and got["running"] == 0.5 * 2 + 2
    assert got["minutes"] == 5  # 1.95 reading + 3 running, rounded up to a multiple of 5


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_tables_show_their_whole_text(path):
    cut = [i for i, c in enumerate(cells(path)) if c["cell_type"] == "code"
           for o in c.get("outputs", []) if "...</td>" in "".join(o.get("data", {}).get("text/html", ""))]
    assert not cut, f"cells {cut} show a table cut with '...': return a secnb.data.course_frame"


def test_course_tables_keep_whole_text_through_selections():
    import pandas as pd

    import secnb
    from secnb.data import course_frame

    concepts = secnb.load_table("concepts")
    longest = max(concepts["summary_en"], key=len)
    assert len(longest) > 50
    row = concepts[concepts["summary_en"] == longest]
    # (a table of more than 60 rows still elides rows, as pandas does; the notebooks show none)
    for frame in (row, row[["concept_id", "summary_en"]], concepts.sort_values("name_en").tail(60)
                  .pipe(lambda f: f[f["summary_en"] == longest]), row.set_index("concept_id").loc[row["concept_id"]],
                  row.merge(secnb.load_table("relations"), how="left", left_on="concept_id", right_on="from_id").head(3)):
        assert type(frame).__name__ == "CourseFrame"
        assert longest.replace("&", "&amp;").replace("'", "&#39;")[:40] in frame._repr_html_() or \
            longest[:40] in frame._repr_html_()
    before = pd.get_option("display.max_colwidth")
    with pd.option_context("display.max_colwidth", 50):
        course_frame(pd.DataFrame({"a": ["y" * 200]}))._repr_html_()
        assert pd.get_option("display.max_colwidth") == 50, "no pandas option is changed for other code"
        assert "..." in pd.DataFrame({"a": ["y" * 200]})._repr_html_(), "plain DataFrames are left as pandas shows them"
    assert pd.get_option("display.max_colwidth") == before
    assert "..." not in course_frame(pd.DataFrame({"a": ["x" * 200]}))._repr_html_()
