"""Feedback that closes the loop (issue 15): levels, the reveal after a second wrong answer, model
answers after an open one, SECNB_REVEAL for graded work, short option keys, and the click forms."""

from __future__ import annotations

import html
import warnings

import ipywidgets as W
import pytest

import secnb
from secnb import exercises
from secnb.exercises import CHOICE_LIKE, LEVELS, Exercise, answer_widget, check, format_answer, option_key, registry

from .test_exercises import _wrong_answers

AUTO = [i for i, ex in registry().items() if ex.auto]
OPEN = [i for i, ex in registry().items() if not ex.auto]
CHOICE = [i for i, ex in registry().items() if ex.kind in CHOICE_LIKE]
LEARNING = sorted({ex.notebook for ex in registry().values()} - {"00_start_here"})


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.delenv("SECNB_REVEAL", raising=False)
    exercises.reset_progress()
    exercises._WARNED.clear()
    yield
    exercises.reset_progress()


# --- levels ----------------------------------------------------------------------------------

def test_every_exercise_declares_a_level():
    for ex in registry().values():
        assert ex.level in LEVELS, ex.id
    with pytest.raises(ValueError, match="level"):
        Exercise(id="x.y", notebook="x", title="t", kind="choice", prompt="p", solution="a", options=("a", "b"),
                 hints=("h",), objective="o")
    with pytest.raises(ValueError, match="level 'remember'"):
        Exercise(id="x.y", notebook="x", title="t", kind="choice", prompt="p", solution="a", options=("a", "b"),
                 hints=("h",), objective="o", level="remember")


def test_most_auto_checked_items_ask_more_than_recall():
    above = [i for i in AUTO if registry()[i].level != "recall"]
    share = len(above) / len(AUTO)
    assert share >= 0.6, f"only {len(above)} of {len(AUTO)} auto-checked items ({share:.0%}) are above recall"


@pytest.mark.parametrize("notebook", LEARNING)
def test_every_notebook_has_at_least_two_items_above_recall(notebook):
    above = [ex.id for ex in registry().values() if ex.notebook == notebook and ex.auto and ex.level != "recall"]
    assert len(above) >= 2, f"{notebook}: {above}"


def test_the_catalogue_shows_the_level():
    table = secnb.exercise_catalogue()
    assert list(table["level"]) == [ex.level for ex in registry().values()]


@pytest.mark.parametrize("exercise_id", AUTO)
def test_every_auto_checked_item_explains_its_answer(exercise_id):
    ex = registry()[exercise_id]
    assert len(ex.explanation.split()) >= 8, f"{exercise_id}: say why the answer holds (the reveal shows it)"


# --- the reveal ------------------------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", AUTO)
def test_the_answer_is_revealed_from_the_second_wrong_answer_on(exercise_id):
    ex = registry()[exercise_id]
    wrong = _wrong_answers(ex)[0]
    first = check(exercise_id, wrong)
    assert first.status == "incorrect" and first.reveal == "" and "<details" not in first._repr_html_()
    assert "Hint:" in first.message
    second = check(exercise_id, wrong)
    page = second._repr_html_()
    assert second.reveal and "<details" in page and "Show the answer" in page
    assert format_answer(ex) in second.reveal
    assert html.escape(ex.explanation) in second.reveal, "the reveal says why the answer holds"
    assert "Show the answer" in repr(second)
    third = check(exercise_id, wrong)
    assert third.reveal, "the reveal stays from the second wrong answer on"
    assert check(exercise_id, ex.reference()).passed


def test_blank_answers_do_not_count_towards_the_reveal():
    ex_id = AUTO[0]
    wrong = _wrong_answers(registry()[ex_id])[0]
    check(ex_id, ...)
    check(ex_id, None)
    assert check(ex_id, wrong).reveal == ""


def test_a_wrongly_typed_answer_counts_as_a_wrong_answer_but_is_never_revealed_first():
    ex_id = next(i for i in AUTO if registry()[i].kind == "numeric")
    first = check(ex_id, "twelve")
    assert first.status == "incorrect" and "give a number" in first.message and not first.reveal
    assert check(ex_id, [1, 2]).reveal


@pytest.mark.parametrize("value", ["off", "OFF", " off ", "0", "false", "no"])
def test_reveal_off_for_graded_work(monkeypatch, value):
    monkeypatch.setenv("SECNB_REVEAL", value)
    for ex_id in AUTO[:10]:
        wrong = _wrong_answers(registry()[ex_id])[0]
        results = [check(ex_id, wrong) for _ in range(4)]
        assert all(r.reveal == "" and "<details" not in r._repr_html_() for r in results)
        assert all("Hint:" in r.message for r in results)
    for ex_id in OPEN:
        ex = registry()[ex_id]
        result = check(ex_id, ex.reference())
        assert result.status == "recorded" and result.reveal == "" and "model answer" not in result.message


def test_an_unknown_reveal_value_warns_once_and_keeps_reveals_on(monkeypatch):
    monkeypatch.setenv("SECNB_REVEAL", "maybe")
    ex_id = AUTO[0]
    wrong = _wrong_answers(registry()[ex_id])[0]
    with pytest.warns(UserWarning, match="SECNB_REVEAL='maybe'"):
        check(ex_id, wrong)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert check(ex_id, wrong).reveal  # on, and no second warning


@pytest.mark.parametrize("exercise_id", OPEN)
def test_an_open_answer_is_followed_by_a_model_answer_and_the_rubric(exercise_id):
    ex = registry()[exercise_id]
    short = check(exercise_id, "too short")
    assert short.reveal == "", "no model answer before a real attempt"
    result = check(exercise_id, ex.reference())
    assert result.status == "recorded" and "<details" in result.reveal
    assert "model answer" in result.reveal and "rubric" in result.reveal
    assert html.escape(ex.rubric) in result.reveal


def test_reveal_escapes_html():
    ex = Exercise(id="t.esc", notebook="t", title="t", kind="choice", prompt="p", solution="<b>x</b>",
                  options=("<b>x</b>", "y"), hints=("h",), objective="o", level="recall", explanation="a & b")
    page = exercises._reveal(ex)
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page and "a &amp; b" in page


# --- short keys and forgiving text -------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", [i for i in CHOICE if registry()[i].kind == "choice"])
def test_a_choice_can_be_answered_by_its_letter(exercise_id):
    ex = registry()[exercise_id]
    key = option_key(list(ex.choices()).index(ex.reference()))
    assert check(exercise_id, key).passed and check(exercise_id, key.upper()).passed
    assert check(exercise_id, f" '{key}' ").passed


def test_keys_for_multi_order_and_match_and_quotes_in_text():
    ex = next(x for x in registry().values() if x.kind == "multi")
    keys = [option_key(list(ex.choices()).index(o)) for o in ex.reference()]
    assert check(ex.id, keys).passed
    ex = next(x for x in registry().values() if x.kind == "order")
    assert check(ex.id, [option_key(list(ex.choices()).index(o)) for o in ex.reference()]).passed
    ex = next(x for x in registry().values() if x.kind == "match")
    ref = ex.reference()
    assert check(ex.id, {k: option_key(list(ex.choices()).index(v)) for k, v in ref.items()}).passed
    assert option_key(0) == "a" and option_key(25) == "z" and option_key(26) == "aa"
    assert exercises._norm("China\u2019s \u201cnew\u201d concept.") == exercises._norm("'china's \"new\" concept'")


# --- the forms -------------------------------------------------------------------------------

def _fill(box, ex, answer):
    """Set a form's controls to ``answer``, as clicks would."""
    if ex.kind == "choice":
        box.controls["choice"].value = answer
    elif ex.kind == "multi":
        for option, control in box.controls.items():
            control.value = option in answer
    elif ex.kind == "order":
        for control, item in zip(box.controls.values(), answer):
            control.value = item
    elif ex.kind == "match":
        for key, value in answer.items():
            box.controls[key].value = value


@pytest.mark.parametrize("exercise_id", CHOICE)
def test_the_form_runs_the_same_check(exercise_id):
    ex = registry()[exercise_id]
    box = answer_widget(exercise_id)
    assert isinstance(box, W.VBox) and isinstance(box.button, W.Button)
    box.button.click()  # nothing chosen: a nudge, not an attempt
    assert box.result is None and "nothing chosen yet" in box.view.value
    wrong = _wrong_answers(ex)[0]
    _fill(box, ex, wrong)
    box.button.click()
    assert box.result.status == "incorrect" and "Hint:" in box.view.value and "<details" not in box.view.value
    box.button.click()
    assert "Show the answer" in box.view.value, "the same reveal as the code form"
    _fill(box, ex, ex.reference())
    box.button.click()
    assert box.result.passed and "correct!" in box.view.value
    assert secnb.progress().set_index("id").loc[exercise_id, "attempts"] == 3


@pytest.mark.parametrize("exercise_id", [i for i in CHOICE if registry()[i].kind in ("order", "match")])
def test_a_half_filled_form_is_not_an_attempt(exercise_id):
    ex = registry()[exercise_id]
    box = answer_widget(exercise_id)
    first = next(iter(box.controls.values()))
    first.value = first.options[1][1]
    box.button.click()
    assert box.result is None and "still to choose" in box.view.value
    assert exercise_id not in set(secnb.progress()["id"])


def test_forms_label_items_and_key_options():
    ex = next(x for x in registry().values() if x.kind == "choice")
    radio = answer_widget(ex.id).controls["choice"]
    assert [label for label, _ in radio.options][0].startswith("a) ") and radio.value is None
    ex = Exercise(id="t.match", notebook="t", title="t", kind="match", prompt="p", solution={"k1": "x", "k2": "y"},
                  hints=("h",), objective="o", level="apply", labels=lambda: {"k1": "First thing"})
    assert ex.label("k1") == "First thing" and ex.label("k2") == "k2" and ex.choices() == ("x", "y")


@pytest.mark.parametrize("bad", ["nb00.no_such", None, 12, ["x"], "x" * 10_000])
def test_a_form_for_an_unknown_id_says_so_and_never_raises(bad):
    box = answer_widget(bad)
    assert isinstance(box, W.VBox) and box.answer() is None
    assert box.result.status == "unknown exercise" and "Check the id" in box.view.value


@pytest.mark.parametrize("kind", ["numeric", "text", "open"])
def test_other_kinds_get_a_text_box_that_never_raises(kind):
    ex = next((x for x in registry().values() if x.kind == kind), None)
    if ex is None:
        pytest.skip(f"no {kind} exercise")
    box = answer_widget(ex.id)
    box.button.click()
    assert box.result is None and "nothing written yet" in box.view.value
    control = next(iter(box.controls.values()))
    for junk in ["'", '"""', "x" * 5000, "1e999", "ÄÖ 中文"]:
        control.value = junk
        box.button.click()
        assert box.result is not None and box.result.passed is not True
    control.value = str(ex.reference()) if kind != "numeric" else repr(float(ex.reference()))
    box.button.click()
    assert box.result.status == ("recorded" if kind == "open" else "correct")


def test_the_form_honours_reveal_off(monkeypatch):
    monkeypatch.setenv("SECNB_REVEAL", "off")
    ex = registry()[CHOICE[0]]
    box = answer_widget(ex.id)
    _fill(box, ex, _wrong_answers(ex)[0])
    for _ in range(3):
        box.button.click()
    assert "<details" not in box.view.value and "Hint:" in box.view.value
