"""The instructor's solutions edition, built from the learner notebooks and the registry.

``python -m secnb edition solutions OUTDIR`` writes every notebook of ``notebooks/`` to OUTDIR
with each exercise's reference solution filled in between nbgrader's markers::

    ### BEGIN SOLUTION
    answer = 1918
    ### END SOLUTION

and with nbgrader cell metadata, so that the folder can be the ``source`` of an nbgrader
assignment. An auto-checked exercise becomes an *autograded answer* cell followed by a locked
*autograder test* cell worth the exercise's points; an open question becomes a *manually graded
answer* cell. A last cell asserts that every auto-checked exercise of the notebook passed.
nbgrader's ``ClearSolutions`` (with ``code_stub = "answer = ..."``) turns the edition back into
the learner notebooks, plus the test cells. The solutions themselves live only in the registry.

A learner notebook may offer an exercise as a click form (a cell holding only
``secnb.answer_widget("nbNN.id")``). A form keeps no answer in the notebook file, so nbgrader
could not grade it: the edition turns such a cell into the code form (``answer = ...`` and
``secnb.check``), and a graded assignment built from the edition asks for the answer in code.

``python -m secnb edition key OUT`` writes the answer key: one printable HTML page with every
exercise, its level, minutes, points, prompt, reference answer, explanation and, for open
questions, the model answer and rubric (:func:`answer_key_html`).
"""

from __future__ import annotations

import os
import pprint
import re
from pathlib import Path

from .course import notebooks_dir
from .data import find_data_dir
from .exercises import registry

PLACEHOLDER = re.compile(r"^answer = \.\.\.[ \t]*$", re.M)
FORM = re.compile(r'^\s*secnb\.answer_widget\(\s*["\']([\w.]+)["\']\s*\)\s*;?\s*$')
CODE_STUB = "answer = ..."


def code_form(exercise_id: str) -> str:
    """The code form of an exercise cell: what a form cell becomes in the solutions edition."""
    return (f"# Exercise {exercise_id}: replace ... with your answer, then run the cell\n"
            f"answer = ...\nsecnb.check(\"{exercise_id}\", answer)")


class EditionError(RuntimeError):
    """An exercise cell cannot be turned into a solution cell: names the notebook and the cell."""


def _literal(value) -> str:
    if isinstance(value, str) and ("\n" in value or len(value) > 70):
        return '"""' + value.replace('"""', '\\"\\"\\"') + '"""'
    return pprint.pformat(value, width=88, sort_dicts=False)


def grade_id(exercise_id: str, part: str) -> str:
    """nbgrader's id for a cell (letters, digits, _ and - only): nb00.earliest_year -> nb00-earliest_year-answer."""
    return f"{exercise_id}-{part}".replace(".", "-")


def _nbgrader(grade_id: str, *, solution: bool, grade: bool, locked: bool, points: int | None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = points
    return meta


def solution_notebook(nb):
    """A copy of a learner notebook (nbformat node) with solutions and nbgrader metadata."""
    import copy

    import nbformat

    reg = registry()
    out = copy.deepcopy(nb)
    cells = []
    seen = []
    for index, cell in enumerate(out.cells):
        ex_id = cell.get("metadata", {}).get("secnb", {}).get("exercise")
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if not ex_id:
            cells.append(cell)
            continue
        if ex_id not in reg:
            raise EditionError(f"cell {index}: exercise {ex_id!r} is not in the registry")
        ex = reg[ex_id]
        form = FORM.match(cell.source)
        if form:
            if form.group(1) != ex_id:
                raise EditionError(f"cell {index}: the form is for {form.group(1)!r} but the cell is {ex_id!r}")
            cell.source = code_form(ex_id)
            cell.metadata.pop("tags", None)
        if len(PLACEHOLDER.findall(cell.source)) != 1:
            raise EditionError(f"cell {index} ({ex_id}): needs exactly one line 'answer = ...' "
                               f"(or only secnb.answer_widget(\"{ex_id}\"))")
        solved = ("### BEGIN SOLUTION\n" + f"answer = {_literal(ex.reference())}" + "\n### END SOLUTION")
        cell.source = PLACEHOLDER.sub(lambda _m: solved, cell.source)
        cell.metadata["nbgrader"] = _nbgrader(grade_id(ex_id, "answer"), solution=True, grade=not ex.auto,
                                              locked=False, points=None if ex.auto else ex.points)
        cells.append(cell)
        seen.append(ex_id)
        if ex.auto:
            test = nbformat.v4.new_code_cell(
                f"# Autograder test for {ex_id} ({ex.points} point{'s' * (ex.points != 1)})\n"
                f'secnb.exercises.assert_passes("{ex_id}", answer)')
            test.metadata["nbgrader"] = _nbgrader(grade_id(ex_id, "test"), solution=False, grade=True, locked=True,
                                                  points=ex.points)
            test.id = f"{cell.get('id') or index}-test"[:64]
            cells.append(test)
    final = nbformat.v4.new_code_cell(
        "# Instructor check: every auto-checked exercise of this notebook was checked and passed\n"
        f"secnb.exercises.assert_all_passed({seen!r})")
    final.id = "secnb-instructor-check"
    if seen:
        cells.append(final)
    out.cells = cells
    out.metadata.setdefault("secnb", {})["edition"] = "solutions"
    return out


def build_solutions(outdir: str | Path, source: str | Path | None = None, execute: bool = True,
                    timeout: int = 600) -> list[Path]:
    """Write the solutions edition of every notebook to ``outdir``; execute it unless told not to."""
    import nbformat

    from .notebooks import execute as run

    src = notebooks_dir(source)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(src.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        try:
            solved = solution_notebook(nb)
        except EditionError as e:
            raise EditionError(f"{path.name}: {e}") from None
        target = outdir / path.name
        nbformat.validate(solved)
        nbformat.write(solved, target)
        written.append(target)
    if execute:
        # the edition may live outside the course folder: point its kernels at the course data
        previous = os.environ.get("SECNB_DATA")
        os.environ["SECNB_DATA"] = str(find_data_dir().resolve())
        try:
            for target in written:
                run(target, timeout=timeout)
        finally:
            if previous is None:
                os.environ.pop("SECNB_DATA", None)
            else:
                os.environ["SECNB_DATA"] = previous
    return written


def answer_key_html() -> str:
    """The answer key as one printable HTML page: every exercise of the registry, in course order."""
    import html as H

    from .exercises import format_answer

    reg = registry()
    e = H.escape
    by_nb: dict[str, list] = {}
    for ex in reg.values():
        by_nb.setdefault(ex.notebook, []).append(ex)
    auto = [ex for ex in reg.values() if ex.auto]
    above = [ex for ex in auto if ex.level != "recall"]
    toc = "".join(f'<li><a href="#{e(nb)}">{e(nb)}</a> ({len(xs)} exercises)</li>' for nb, xs in by_nb.items())
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>secnb answer key</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:52em;margin:1.5em auto;padding:0 1em;"
        "line-height:1.45;color:#111}h1,h2{line-height:1.2}section.ex{border-top:1px solid #999;"
        "padding:0.4em 0 0.8em;break-inside:avoid}dl{display:grid;grid-template-columns:9em 1fr;gap:0.2em 1em;"
        "margin:0.4em 0}dt{font-weight:bold}dd{margin:0}.meta{color:#333}h2{break-before:page}"
        "@media print{a{color:inherit;text-decoration:none}nav{display:none}}</style></head><body>",
        "<header><h1>secnb: answer key for instructors</h1>",
        f"<p>{len(reg)} exercises in {len(by_nb)} notebooks: {len(auto)} checked automatically, "
        f"{len(reg) - len(auto)} open questions graded by the instructor; {sum(x.points for x in reg.values())} "
        f"points. {len(above)} of the {len(auto)} auto-checked exercises ({round(100 * len(above) / len(auto))}%) "
        "ask the learner to apply, analyse or evaluate rather than recall. Generated from the exercise registry "
        "by <code>python -m secnb edition key</code>; keep it away from learners.</p></header>",
        f'<nav aria-label="Notebooks"><ul>{toc}</ul></nav><main>',
    ]
    for nb, xs in by_nb.items():
        parts.append(f'<h2 id="{e(nb)}">{e(nb)}</h2>')
        for ex in xs:
            graded = "automatically" if ex.auto else "by the instructor"
            rows = [("Level", e(ex.level)), ("Kind", e(ex.kind)), ("Minutes", str(ex.minutes)),
                    ("Points", f"{ex.points} (graded {graded})"), ("Objective", e(ex.objective)),
                    ("Prompt", e(ex.prompt)),
                    ("Answer" if ex.auto else "Model answer", format_answer(ex))]
            if ex.explanation:
                rows.append(("Why", e(ex.explanation)))
            if ex.hints:
                rows.append(("Hints", "<ol>" + "".join(f"<li>{e(h)}</li>" for h in ex.hints) + "</ol>"))
            if ex.rubric:
                rows.append(("Rubric", e(ex.rubric)))
            dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
            parts.append(f'<section class="ex" id="{e(ex.id)}"><h3>{e(ex.title)} <code>{e(ex.id)}</code></h3>'
                         f"<dl>{dl}</dl></section>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def write_answer_key(out: str | Path) -> Path:
    """Write the answer key to ``out`` (a file ending in .html, or a folder: answer_key.html in it)."""
    out = Path(out)
    target = out if out.suffix.lower() in (".html", ".htm") else out / "answer_key.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(answer_key_html(), encoding="utf-8")
    return target
