"""The instructor's solutions edition: built from the registry, runs with every check passing, and
nbgrader's ClearSolutions turns it back into the learner notebooks."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from secnb.edition import CODE_STUB, FORM, code_form, grade_id, solution_notebook
from secnb.exercises import registry

from .conftest import NOTEBOOKS

LEARNER = {p.name: nbformat.read(p, as_version=4) for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))}


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("solutions")
    run = subprocess.run([sys.executable, "-m", "secnb", "edition", "solutions", str(out)],
                         capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"{len(LEARNER)} notebooks written and executed" in run.stdout
    return {p.name: nbformat.read(p, as_version=4) for p in sorted(out.glob("*.ipynb"))}


def _exercise_cells(nb):
    return {c.metadata["secnb"]["exercise"]: c for c in nb.cells if c.get("metadata", {}).get("secnb", {}).get("exercise")}


def test_every_exercise_has_its_solution_and_nbgrader_metadata(edition):
    found = {}
    for name, nb in edition.items():
        for ex_id, cell in _exercise_cells(nb).items():
            found[ex_id] = name
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
            assert "answer = ..." not in cell.source
            meta = cell.metadata["nbgrader"]
            assert meta["solution"] is True and meta["grade_id"] == grade_id(ex_id, "answer")
            assert meta["grade"] is (not registry()[ex_id].auto)
    assert set(found) == set(registry()), "every registered exercise is in the edition"


def test_the_edition_ran_and_every_auto_checked_exercise_passed(edition):
    for name, nb in edition.items():
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), f"{name} was not executed"
        errors = [o for c in code for o in c.outputs if o.output_type == "error"]
        assert not errors, f"{name}: {errors[0]['ename']}: {errors[0]['evalue']}"
        checks = [c for c in nb.cells if c.get("id") == "secnb-instructor-check"]
        if _exercise_cells(nb):
            assert checks and "every auto-checked one passed" in checks[0].outputs[0]["text"]
        for ex_id, cell in _exercise_cells(nb).items():
            text = json.dumps(cell.outputs)
            assert ("correct!" if registry()[ex_id].auto else "recorded") in text, f"{ex_id}: {text[:300]}"


def test_learner_notebooks_hold_no_solution():
    for name, nb in LEARNER.items():
        for ex_id, cell in _exercise_cells(nb).items():
            assert "BEGIN SOLUTION" not in cell.source
            assert "answer = ...\n" in cell.source + "\n" or cell.source.strip() == f'secnb.answer_widget("{ex_id}")'
            assert "nbgrader" not in cell.metadata


def test_solution_notebook_refuses_a_cell_without_a_placeholder():
    from secnb.edition import EditionError

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('answer = 3\nsecnb.check("nb00.earliest_year", answer)')
    cell.metadata["secnb"] = {"exercise": "nb00.earliest_year"}
    nb.cells.append(cell)
    with pytest.raises(EditionError, match="answer = ..."):
        solution_notebook(nb)


def test_nbgrader_clear_solutions_gives_back_the_learner_edition(edition):
    preprocessors = pytest.importorskip("nbgrader.preprocessors")
    clear = preprocessors.ClearSolutions(code_stub={"python": CODE_STUB}, enforce_metadata=True)
    checker = preprocessors.CheckCellMetadata()
    for name, nb in edition.items():
        nb = nbformat.from_dict(json.loads(json.dumps(nb)))
        nb, _ = checker.preprocess(nb, {})
        cleared, _ = clear.preprocess(nb, {})
        learner_cells = _exercise_cells(LEARNER[name])
        # a form cell of the learner edition comes back in its code form, the one nbgrader can grade
        learner = [code_form(c.metadata["secnb"]["exercise"]) if FORM.match(c.source) else c.source
                   for c in LEARNER[name].cells]
        for ex_id, cell in _exercise_cells(cleared).items():
            assert cell.source in (learner_cells[ex_id].source, code_form(ex_id)), f"{name} {ex_id}"
        # apart from the autograder tests and the instructor's check, the cells are the learner's
        rest = [c.source for c in cleared.cells
                if not c.get("metadata", {}).get("nbgrader", {}).get("locked") and c.get("id") != "secnb-instructor-check"]
        assert rest == learner


def test_instructors_guide_shows_the_current_catalogue():
    from secnb.course import CATALOGUE_END, CATALOGUE_START, catalogue_markdown

    from .conftest import ROOT

    text = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
    block = text[text.index(CATALOGUE_START) + len(CATALOGUE_START):text.index(CATALOGUE_END)]
    assert block.strip() == catalogue_markdown().strip(), \
        "INSTRUCTORS.md is out of date: python -m secnb catalogue --write INSTRUCTORS.md"


def test_a_form_cell_becomes_the_code_form_with_the_solution():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('secnb.answer_widget("nb00.earliest_year")')
    cell.metadata["secnb"] = {"exercise": "nb00.earliest_year"}
    cell.metadata["tags"] = ["nbval-ignore-output"]
    nb.cells.append(cell)
    out = solution_notebook(nb).cells
    assert "### BEGIN SOLUTION" in out[0].source and 'secnb.check("nb00.earliest_year", answer)' in out[0].source
    assert "tags" not in out[0].metadata and "assert_passes" in out[1].source


def test_answer_key_lists_every_exercise_with_its_answer(tmp_path):
    import html as H
    import re

    from secnb.exercises import format_answer

    run = subprocess.run([sys.executable, "-m", "secnb", "edition", "key", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "answer_key.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<section class="ex"') == len(registry())
    sections = dict(re.findall(r'<section class="ex" id="([^"]+)">(.*?)</section>', page, re.S))
    for ex_id, ex in registry().items():
        body = sections[ex_id]
        assert f"<dd>{H.escape(ex.level)}</dd>" in body and f"<dd>{ex.minutes}</dd>" in body
        assert H.escape(ex.prompt) in body and format_answer(ex) in body
        assert (H.escape(ex.explanation) in body) if ex.explanation else True
        assert (H.escape(ex.rubric) in body) if not ex.auto else "Rubric" not in body
    file = tmp_path / "key.html"
    assert subprocess.run([sys.executable, "-m", "secnb", "edition", "key", str(file)], capture_output=True).returncode == 0
    assert file.read_text(encoding="utf-8") == page
