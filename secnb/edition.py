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
CODE_STUB = "answer = ..."


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
        if len(PLACEHOLDER.findall(cell.source)) != 1:
            raise EditionError(f"cell {index} ({ex_id}): needs exactly one line 'answer = ...'")
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
