"""The exercise registry and check(): reference solutions pass, junk never passes or raises."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import secnb
from secnb import exercises
from secnb.exercises import CheckResult, check, exercise_catalogue, progress, registry

from .conftest import NOTEBOOKS

ALL = list(registry())
AUTO = [i for i, ex in registry().items() if ex.auto]


@pytest.fixture(autouse=True)
def fresh_progress():
    exercises.reset_progress()
    yield
    exercises.reset_progress()


@pytest.mark.parametrize("exercise_id", AUTO)
def test_reference_solution_passes(exercise_id):
    ref = registry()[exercise_id].reference()
    result = check(exercise_id, ref)
    assert result.passed is True and result.status == "correct", result


@pytest.mark.parametrize("exercise_id", ALL)
@pytest.mark.parametrize("blank", [..., None, "", "   ", [], {}])
def test_blank_answer_is_not_answered_yet(exercise_id, blank):
    result = check(exercise_id, blank)
    assert result.status == "not answered" and not result.passed
    assert "not answered yet" in result.message


def _wrong_answers(ex):
    """Answers of the right form that are wrong."""
    ref = ex.reference()
    if ex.kind == "choice":
        return [o for o in ex.options if o != ref]
    if ex.kind == "numeric":
        return [ref + 1 + ex.tolerance * 2, ref - 1 - ex.tolerance * 2]
    if ex.kind == "order":
        return [list(reversed(ref))] if list(reversed(ref)) != list(ref) else []
    if ex.kind == "multi":
        return [list(ref)[:-1]] + ([list(ref) + [o] for o in ex.options if o not in ref][:1])
    if ex.kind == "match":
        keys, values = list(ref), list(ref.values())
        return [dict(zip(keys, values[1:] + values[:1]))] if len(set(values)) > 1 else []
    if ex.kind == "text":
        return ["something else entirely"]
    return []


@pytest.mark.parametrize("exercise_id", AUTO)
def test_wrong_answer_gets_a_hint_and_not_the_answer(exercise_id):
    ex = registry()[exercise_id]
    ref = ex.reference()
    wrong = _wrong_answers(ex)
    assert wrong, f"{exercise_id}: the test needs a wrong answer of this kind"
    for answer in wrong:
        result = check(exercise_id, answer)
        assert result.passed is False and result.status == "incorrect", (answer, result)
        assert "Hint:" in result.message
        if ex.kind in ("choice", "numeric", "text"):
            assert f"{ref}" not in result.message.split("Hint:")[0].replace(repr(answer), "")


@pytest.mark.parametrize("exercise_id", AUTO)
def test_hints_come_one_after_another(exercise_id):
    ex = registry()[exercise_id]
    wrong = _wrong_answers(ex)[0]
    seen = [check(exercise_id, wrong).message.split("Hint: ")[1] for _ in range(len(ex.hints) + 1)]
    assert seen[: len(ex.hints)] == list(ex.hints)
    assert seen[-1] == ex.hints[-1]


junk = st.recursive(
    st.none() | st.just(...) | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=50) | st.binary(max_size=20) | st.just("x" * 100_000) | st.just(float("nan"))
    | st.just(object()) | st.just(print) | st.complex_numbers(allow_nan=True),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    | st.tuples(children, children) | st.frozensets(st.integers(), max_size=3),
    max_leaves=8,
)


@pytest.mark.parametrize("exercise_id", ALL)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=junk)
def test_any_input_never_raises_and_junk_never_passes(exercise_id, answer):
    ex = registry()[exercise_id]
    result = check(exercise_id, answer)
    assert isinstance(result, CheckResult)
    assert result.message and len(result.message) < 1000
    assert isinstance(repr(result), str) and isinstance(result._repr_html_(), str)
    if result.passed:
        # only an answer equal to the reference may pass
        ref = ex.reference()
        if ex.kind == "numeric":
            assert not isinstance(answer, bool)
            assert math.isclose(float(answer), float(ref), abs_tol=ex.tolerance + 1e-9)
        elif ex.kind in ("multi", "order", "match", "choice"):
            assert answer is not None and not isinstance(answer, (bytes, bool))
        elif ex.kind == "text":
            assert isinstance(answer, (str, int, float))


def test_unknown_exercise_id_is_reported_not_raised():
    result = check("nb00.earliest_yaer", 1918)
    assert result.status == "unknown exercise" and not result.passed
    assert "did you mean nb00.earliest_year" in result.message
    assert check(None, 1).status == "unknown exercise"
    assert check(["list"], 1).status == "unknown exercise"


@pytest.mark.parametrize("exercise_id", [i for i, ex in registry().items() if not ex.auto])
def test_open_questions_have_a_model_answer_and_a_rubric(exercise_id):
    """The solutions edition shows instructors a model answer; it must itself be gradable."""
    ex = registry()[exercise_id]
    model = ex.reference()
    assert isinstance(model, str) and len(model.split()) >= ex.min_words, \
        f"{exercise_id}: give a model answer of at least {ex.min_words} words as its solution"
    assert check(exercise_id, model).status == "recorded"
    assert len(ex.rubric.split()) >= 15, f"{exercise_id}: the rubric should say what a good answer contains"


def test_open_questions_are_recorded_for_the_instructor_not_passed():
    open_ids = [i for i, ex in registry().items() if not ex.auto]
    for exercise_id in open_ids:
        ex = registry()[exercise_id]
        short = check(exercise_id, "too short")
        assert short.passed is False and short.status == "not answered"
        full = check(exercise_id, " ".join(["word"] * ex.min_words))
        assert full.passed is None and full.status == "recorded"
        assert "instructor" in full.message and "correct" not in full.message


def test_progress_lists_what_was_checked_with_passed():
    assert progress().empty
    first, second = AUTO[:2]
    check(first, registry()[first].reference())
    check(second, ...)
    table = progress()
    assert list(table["id"]) == [first, second]
    assert list(table["passed"]) == [True, False]
    assert list(table["attempts"]) == [1, 0]


def test_catalogue_lists_every_exercise_with_what_instructors_need():
    table = exercise_catalogue()
    assert list(table["id"]) == ALL
    assert {"id", "notebook", "title", "kind", "points", "graded", "objective", "minutes"} <= set(table.columns)
    assert table["graded"].isin(["auto", "instructor"]).all()
    assert (table["points"] > 0).all() and (table["minutes"] > 0).all()


def test_every_exercise_sits_in_its_notebook_with_a_placeholder_and_no_solution():
    """Learner notebooks hold `answer = ...` and the check, never a solution."""
    for exercise_id, ex in registry().items():
        path = NOTEBOOKS / f"{ex.notebook}.ipynb"
        assert path.exists(), f"{exercise_id}: notebook {path.name} is missing"
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        hits = [i for i, c in enumerate(cells) if c.get("metadata", {}).get("secnb", {}).get("exercise") == exercise_id]
        assert len(hits) == 1, f"{exercise_id}: {len(hits)} exercise cells in {path.name}"
        source = "".join(cells[hits[0]]["source"])
        if "answer_widget(" in source:  # answered by click: the cell holds only the form
            assert ex.kind in exercises.CHOICE_LIKE, f"{exercise_id}: a form is for choice-like exercises"
            assert source.strip() == f'secnb.answer_widget("{exercise_id}")', source
        else:
            assert "answer = ..." in source and f'secnb.check("{exercise_id}", answer)' in source
        before = "".join(cells[hits[0] - 1]["source"])
        assert cells[hits[0] - 1]["cell_type"] == "markdown" and "Exercise" in before, \
            f"{exercise_id}: the cell before the exercise should state it"
    for path in NOTEBOOKS.glob("*.ipynb"):
        for c in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            ex_id = c.get("metadata", {}).get("secnb", {}).get("exercise")
            if ex_id:
                assert ex_id in registry(), f"{path.name}: exercise cell for unknown id {ex_id}"


def test_secnb_exposes_the_api():
    assert secnb.check is check and callable(secnb.progress) and callable(secnb.exercise_catalogue)
