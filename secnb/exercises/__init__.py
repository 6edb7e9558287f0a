"""The exercise registry: every exercise of the course, its reference solution and its check.

A learner calls :func:`check` in an exercise cell::

    answer = ...          # the learner replaces ... with an answer
    secnb.check("nb00.timeline_first", answer)

and sees feedback below the cell: *not answered yet*, *not quite* with a hint, *correct*, or,
for open questions, *recorded for your instructor*. A first wrong answer gets a hint and never
the answer; from the second wrong answer on, the feedback also holds a collapsed "Show the
answer" section with the reference answer and why it holds. An open answer, once recorded, is
followed by a collapsed model answer and the rubric. Instructors switch these reveals off for
graded work with the environment variable ``SECNB_REVEAL=off``. ``check`` never raises on
anything a learner may pass.

Choice-like exercises can also be answered by click: :func:`answer_widget` returns a form that
runs the same check and shows the same feedback.

Exercises are declared in the modules ``nb00.py``, ``nb01.py``, ... of this package, one per
notebook, each defining ``EXERCISES``, a list of :class:`Exercise`. They are found
automatically: a new notebook adds a module and touches nothing here. The reference solution
lives only here; the solutions edition (``python -m secnb edition solutions``) writes it into
the notebooks.
"""

from __future__ import annotations

import difflib
import html
import importlib
import math
import os
import pkgutil
import warnings
from dataclasses import dataclass, field
from numbers import Real
from typing import Any, Callable

__all__ = ["CheckResult", "Exercise", "answer_widget", "assert_all_passed", "assert_passes", "check",
           "exercise_catalogue", "format_answer", "get", "option_key", "progress", "registry", "reset_progress",
           "reveals_on"]

KINDS = ("choice", "multi", "order", "match", "numeric", "text", "open")
#: What an exercise asks of the learner, after Bloom's revised taxonomy (Anderson & Krathwohl, 2001):
#: recall a term or fact stated in the notebook; apply an idea to a case the notebook does not
#: describe, or run a model and read it; analyse (compare, find what a source or the data shows to
#: be wrong); evaluate (weigh a claim against evidence and judge it).
LEVELS = ("recall", "apply", "analyse", "evaluate")
CHOICE_LIKE = ("choice", "multi", "order", "match")
_MAX_ECHO = 60


@dataclass(frozen=True)
class Exercise:
    """One exercise.

    ``solution`` is the reference answer, or a function of no arguments that computes it (from
    the dataset or a model, so nothing is hard-coded twice). ``kind`` says how an answer is
    compared with it:

    * ``choice``: one of ``options`` (a string; case and surrounding spaces do not matter);
    * ``multi``: a list or set of ``options``, order free;
    * ``order``: a list holding the items of ``options`` in the right order;
    * ``match``: a dict from each key of the solution to its value;
    * ``numeric``: a number within ``tolerance`` of the solution;
    * ``text``: a short text equal to the solution or one of ``accept`` (case, spaces and
      punctuation at the ends do not matter);
    * ``open``: a reflection of at least ``min_words`` words, recorded for the instructor.

    ``level`` is one of :data:`LEVELS`. ``explanation`` says why the reference answer holds (and,
    where it helps, why the tempting wrong option does not): it is shown with a correct answer and
    in the reveal. ``labels`` optionally maps the keys of a ``match`` solution (or the items of an
    ``order``) to the text a learner sees in the form and the answer key (a dict, or a function
    of no arguments that returns one, for labels read from the dataset).
    """

    id: str
    notebook: str
    title: str
    kind: str
    prompt: str
    solution: Any
    hints: tuple[str, ...]
    objective: str
    level: str = ""
    points: int = 1
    minutes: int = 5
    options: tuple = ()
    tolerance: float = 0.0
    accept: tuple[str, ...] = ()
    min_words: int = 30
    explanation: str = ""
    rubric: str = ""
    labels: Any = field(default_factory=dict)  # a dict, or a function of no arguments returning one

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"exercise {self.id}: kind {self.kind!r} is not one of {KINDS}")
        if self.level not in LEVELS:
            raise ValueError(f"exercise {self.id}: level {self.level!r} is not one of {LEVELS}")
        if not self.hints and self.kind != "open":
            raise ValueError(f"exercise {self.id}: give at least one hint")
        if self.kind == "open" and not self.rubric:
            raise ValueError(f"exercise {self.id}: an open question needs a rubric for the instructor")

    @property
    def auto(self) -> bool:
        """True if the answer is checked automatically, False if the instructor grades it."""
        return self.kind != "open"

    def reference(self) -> Any:
        """The reference solution, computed if it is a function."""
        return self.solution() if callable(self.solution) else self.solution

    def label(self, item: Any) -> str:
        """The text a learner sees for an item (a match key or an order item)."""
        labels = self.labels() if callable(self.labels) else self.labels
        return str(labels.get(item, item))

    def choices(self) -> tuple:
        """The options a learner picks from: ``options``, or for a match without options the
        values of the solution, in first-seen order."""
        if self.options:
            return tuple(self.options)
        if self.kind == "match":
            return tuple(dict.fromkeys(self.reference().values()))
        return ()


@dataclass(frozen=True)
class CheckResult:
    """What :func:`check` found. ``passed`` is True, False, or None (not auto-checked)."""

    exercise_id: str
    status: str  # "not answered", "incorrect", "correct", "recorded", "unknown exercise"
    passed: bool | None
    message: str
    reveal: str = ""  # HTML: a collapsed <details> with the answer (or model answer), or ""

    _ICONS = {"not answered": "…", "incorrect": "✗", "correct": "✓", "recorded": "✎", "unknown exercise": "?"}
    _COLOURS = {"not answered": "#56B4E9", "incorrect": "#E69F00", "correct": "#009E73",
                "recorded": "#CC79A7", "unknown exercise": "#D55E00"}

    def __repr__(self) -> str:
        tail = "\n(Show the answer: open the section below this feedback.)" if self.reveal else ""
        return f"{self._ICONS[self.status]} {self.exercise_id}: {self.message}{tail}"

    def _repr_html_(self) -> str:
        colour = self._COLOURS[self.status]
        return (f'<div role="status" class="secnb-check" style="border-left:4px solid {colour};'
                f'padding:0.3em 0.8em;margin:0.2em 0"><strong>{self._ICONS[self.status]} '
                f'{html.escape(self.exercise_id)}</strong>: {html.escape(self.message)}{self.reveal}</div>')

    def __bool__(self) -> bool:
        return bool(self.passed)


# ---------------------------------------------------------------------------------------------
# The registry


_REGISTRY: dict[str, Exercise] | None = None
_PROGRESS: dict[str, dict] = {}


def registry() -> dict[str, Exercise]:
    """Every exercise by id, in course order, from the modules ``nb*.py`` of this package."""
    global _REGISTRY
    if _REGISTRY is None:
        found: dict[str, Exercise] = {}
        names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("nb"))
        for name in names:
            module = importlib.import_module(f"{__name__}.{name}")
            for ex in module.EXERCISES:
                if ex.id in found:
                    raise ValueError(f"exercise id {ex.id!r} is declared twice ({name})")
                found[ex.id] = ex
        _REGISTRY = found
    return _REGISTRY


def get(exercise_id: str) -> Exercise:
    """The exercise with this id; KeyError naming the closest ids if there is none."""
    reg = registry()
    if not isinstance(exercise_id, str) or exercise_id not in reg:
        close = difflib.get_close_matches(str(exercise_id), reg, n=3)
        raise KeyError(f"no exercise {exercise_id!r}" + (f"; did you mean {', '.join(close)}?" if close else "."))
    return reg[exercise_id]


def exercise_catalogue():
    """The registry as a DataFrame: one row per exercise, for instructors choosing what to assign."""
    import pandas as pd

    columns = ["id", "notebook", "title", "kind", "level", "points", "graded", "objective", "minutes"]
    rows = [{
        "id": ex.id, "notebook": ex.notebook, "title": ex.title, "kind": ex.kind, "level": ex.level,
        "points": ex.points, "graded": "auto" if ex.auto else "instructor",
        "objective": ex.objective, "minutes": ex.minutes,
    } for ex in registry().values()]
    return pd.DataFrame(rows, columns=columns)


def progress():
    """The exercises checked in this kernel: latest status, attempts and ``passed``."""
    import pandas as pd

    reg = registry()
    rows = [{"id": i, "notebook": reg[i].notebook, "title": reg[i].title,
             **{k: rec[k] for k in ("status", "attempts", "passed")}} for i, rec in _PROGRESS.items()]
    frame = pd.DataFrame(rows, columns=["id", "notebook", "title", "status", "attempts", "passed"])
    frame["passed"] = frame["passed"].astype("boolean")
    frame["attempts"] = frame["attempts"].astype("Int64")
    return frame


def reset_progress() -> None:
    """Forget the exercises checked so far in this kernel."""
    _PROGRESS.clear()


# ---------------------------------------------------------------------------------------------
# Checking


def _echo(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _MAX_ECHO else text[: _MAX_ECHO - 3] + "..."


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


def _norm(value: Any) -> str | None:
    """A string compared loosely (case, spaces, end punctuation, curly or straight quotes, quotes
    wrapped around the whole answer), or None if not a string."""
    if not isinstance(value, str):
        return None
    text = value.translate(_QUOTES).strip()
    while len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    return " ".join(text.strip(".!;:,").casefold().split())


def option_key(index: int) -> str:
    """The short key of the option at ``index``: a, b, ..., z, then aa, ab, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def _is_blank(answer: Any) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str) and not answer.strip():
        return True
    if isinstance(answer, (list, tuple, set, frozenset, dict)) and len(answer) == 0:
        return True
    return False


class _Wrong(Exception):
    """The answer is of the wrong form; the message says what form is expected."""


def _as_option(value: Any, options: tuple, what: str = "the answer") -> str:
    n = _norm(value)
    if n is None:
        raise _Wrong(f"{what} should be one of the options as text, for example {options[0]!r}, or its "
                     f"letter, for example 'a'; got {_echo(value)}")
    for opt in options:
        if _norm(opt) == n:
            return opt
    keys = {option_key(i): opt for i, opt in enumerate(options)}
    if n in keys:  # a short key: 'b' for the second option
        return keys[n]
    close = difflib.get_close_matches(n, [_norm(o) for o in options], n=1)
    tip = f" (did you mean {next(o for o in options if _norm(o) == close[0])!r}?)" if close else ""
    raise _Wrong(f"{_echo(value)} is not one of the options: {', '.join(map(repr, options))}{tip}")


def _as_items(answer: Any, what: str) -> list:
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (list, tuple, set, frozenset)):
        raise _Wrong(f"{what}; got {_echo(answer)}")
    return list(answer)


def _match_key(key: Any, ref: dict) -> Any:
    """A learner's key of a match answer, as the solution spells it (case and spaces free)."""
    if key in ref:
        return key
    n = _norm(key)
    return next((k for k in ref if n is not None and _norm(str(k)) == n), key)


def _grade(ex: Exercise, answer: Any) -> tuple[bool, str]:
    """(correct?, detail) for a non-blank answer; raises _Wrong for an answer of the wrong form."""
    ref = ex.reference()
    if ex.kind == "choice":
        return _as_option(answer, ex.options) == ref, ""
    if ex.kind == "multi":
        items = _as_items(answer, "give a list of options, for example ['a', 'b']")
        chosen = {_as_option(i, ex.options, "each item") for i in items}
        right = len(chosen & set(ref))
        n = len(chosen)
        return chosen == set(ref), (f"{right} of your {n} choice{'s' * (n != 1)} {'is' if right == 1 else 'are'} "
                                    f"right, and there are {len(ref)} to find")
    if ex.kind == "order":
        items = _as_items(answer, f"give a list of the {len(ref)} items in order")
        got = [_as_option(i, ex.options, "each item") for i in items]
        if sorted(got) != sorted(ref):
            raise _Wrong(f"use each of the {len(ref)} items exactly once: {', '.join(map(repr, ex.options))}")
        placed = sum(a == b for a, b in zip(got, ref))
        return got == list(ref), f"{placed} of {len(ref)} are in the right place"
    if ex.kind == "match":
        if not isinstance(answer, dict):
            raise _Wrong(f"give a dict such as {{{next(iter(ref))!r}: ...}}; got {_echo(answer)}")
        answer = {_match_key(k, ref): v for k, v in answer.items()}
        missing = [k for k in ref if k not in answer]
        extra = [k for k in answer if k not in ref]
        if extra:
            raise _Wrong(f"{_echo(extra[0])} is not one of the items to match: {', '.join(map(repr, ref))}")
        values = ex.choices()
        got = {k: _as_option(answer[k], values, f"the value for {k!r}") for k in ref if k in answer}
        right = sum(got.get(k) == v for k, v in ref.items())
        detail = f"{right} of {len(ref)} are matched right" + (f"; {len(missing)} not matched yet" if missing else "")
        return right == len(ref), detail
    if ex.kind == "numeric":
        if isinstance(answer, bool) or not isinstance(answer, Real):
            if isinstance(answer, str):
                try:
                    answer = float(answer.strip())
                except ValueError:
                    raise _Wrong(f"give a number, for example 3 or 0.5; got {_echo(answer)}") from None
            else:
                raise _Wrong(f"give a number, for example 3 or 0.5; got {_echo(answer)}")
        value = float(answer)
        if not math.isfinite(value):
            raise _Wrong(f"give a finite number; got {_echo(answer)}")
        return abs(value - float(ref)) <= ex.tolerance, ""
    if ex.kind == "text":
        n = _norm(answer) if not isinstance(answer, Real) or isinstance(answer, bool) else _norm(str(answer))
        if n is None:
            raise _Wrong(f"give a short text answer in quotes; got {_echo(answer)}")
        return n in {_norm(str(ref)), *(_norm(a) for a in ex.accept)}, ""
    raise AssertionError(ex.kind)


_ON, _OFF = ("", "on", "1", "true", "yes"), ("off", "0", "false", "no")
_WARNED: set[str] = set()


def reveals_on() -> bool:
    """False if the environment variable ``SECNB_REVEAL`` is ``off`` (for graded work): then no
    answer is revealed after wrong attempts and no model answer after an open one. An unknown
    value warns once and keeps reveals on."""
    value = os.environ.get("SECNB_REVEAL", "").strip().casefold()
    if value in _OFF:
        return False
    if value not in _ON and value not in _WARNED:
        _WARNED.add(value)
        warnings.warn(f"SECNB_REVEAL={value!r} is neither 'on' nor 'off': answers are revealed as usual "
                      "(set SECNB_REVEAL=off to hide them)", UserWarning, stacklevel=3)
    return True


def _number(value: Any) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def format_answer(ex: Exercise) -> str:
    """The reference answer of ``ex`` as HTML, as the reveal and the answer key show it: options
    with their short keys, an order as a numbered list, a match as a list of pairs."""
    ref = ex.reference()
    e = html.escape
    choices = ex.choices()

    def keyed(option):
        i = choices.index(option) if option in choices else -1
        return f"({option_key(i)}) {e(str(option))}" if i >= 0 else e(str(option))

    if ex.kind == "choice":
        return keyed(ref)
    if ex.kind == "multi":
        return "<ul>" + "".join(f"<li>{keyed(o)}</li>" for o in choices if o in ref) + "</ul>"
    if ex.kind == "order":
        return "<ol>" + "".join(f"<li>{e(ex.label(o))}</li>" for o in ref) + "</ol>"
    if ex.kind == "match":
        return "<ul>" + "".join(f"<li>{e(ex.label(k))} → <strong>{keyed(v)}</strong></li>" for k, v in ref.items()) \
            + "</ul>"
    if ex.kind == "numeric":
        tol = f" (within {_number(ex.tolerance)})" if ex.tolerance else ""
        return e(_number(ref)) + tol
    if ex.kind == "text":
        return e(str(ref)) + (f" (also accepted: {e('; '.join(ex.accept))})" if ex.accept else "")
    return "".join(f"<p>{e(par)}</p>" for par in str(ref).split("\n\n"))


def _reveal(ex: Exercise) -> str:
    """The collapsed section that shows the answer (or, for an open question, a model answer and
    the rubric)."""
    if ex.auto:
        why = f'<p><strong>Why:</strong> {html.escape(ex.explanation)}</p>' if ex.explanation else ""
        answer = format_answer(ex)
        answer = (f"<p><strong>Answer:</strong></p>{answer}" if answer.startswith(("<ul", "<ol", "<p"))
                  else f"<p><strong>Answer:</strong> {answer}</p>")
        return ('<details class="secnb-reveal" style="margin-top:0.4em"><summary>Show the answer</summary>'
                f'<div>{answer}{why}</div></details>')
    return ('<details class="secnb-reveal" style="margin-top:0.4em"><summary>Show a model answer and the rubric'
            '</summary><div><p><strong>A model answer</strong> (one good answer of many; compare it with '
            f'yours):</p>{format_answer(ex)}<p><strong>The rubric</strong> your instructor reads answers against '
            f'(use it to assess your own):</p><p>{html.escape(ex.rubric)}</p></div></details>')


def check(exercise_id: str, answer: Any = ...) -> CheckResult:
    """Check a learner's answer and return feedback. Never raises on the answer.

    A wrong answer gets a hint (a further one at each try); from the second wrong answer on, the
    feedback also holds a collapsed section with the answer and why it holds, unless
    ``SECNB_REVEAL=off``. An open answer, once recorded, is followed by a collapsed model answer
    and rubric.
    """
    try:
        ex = get(exercise_id)
    except KeyError as e:
        return CheckResult(str(exercise_id)[:_MAX_ECHO], "unknown exercise", False,
                           f"{e.args[0]} Check the id in the exercise cell.")
    except Exception as e:  # a broken registry module must not look like the learner's fault
        return CheckResult(str(exercise_id)[:_MAX_ECHO], "unknown exercise", False,
                           f"the exercise registry could not be read ({type(e).__name__}: {e}); tell your instructor")
    reveal_on = reveals_on()
    rec = _PROGRESS.setdefault(ex.id, {"status": "not answered", "attempts": 0, "passed": None, "wrong": 0})
    if _is_blank(answer):
        result = CheckResult(ex.id, "not answered", False,
                             "not answered yet: replace ... with your answer and run the cell again.")
        rec.update(status=result.status, passed=None if not ex.auto else False)
        return result
    rec["attempts"] += 1
    if not ex.auto:
        if not isinstance(answer, str):
            result = CheckResult(ex.id, "not answered", False,
                                 f"write your answer as text in quotes (\"\"\"...\"\"\" for several lines); got {_echo(answer)}")
        elif len(answer.split()) < ex.min_words:
            result = CheckResult(ex.id, "not answered", False,
                                 f"{len(answer.split())} words so far; write at least {ex.min_words} so your instructor can grade it.")
        else:
            result = CheckResult(ex.id, "recorded", None,
                                 "recorded. This is an open question: it is not checked automatically; your instructor "
                                 "grades it." + (" Compare your answer with the model answer and the rubric below."
                                                 if reveal_on else ""),
                                 reveal=_reveal(ex) if reveal_on else "")
        rec.update(status=result.status, passed=None)
        return result
    try:
        ok, detail = _grade(ex, answer)
    except _Wrong as e:
        ok, detail, form = False, "", str(e)
    except Exception as e:  # never let a learner's odd object crash the cell
        ok, detail, form = False, "", f"this answer could not be checked ({type(e).__name__}); see the example in the exercise"
    else:
        form = ""
    if ok:
        result = CheckResult(ex.id, "correct", True, "correct! " + ex.explanation if ex.explanation else "correct!")
    else:
        rec["wrong"] = rec.get("wrong", 0) + 1
        hint = ex.hints[min(rec["attempts"], len(ex.hints)) - 1]  # a further hint at each try
        parts = ["not quite"] + ([form] if form else []) + ([detail] if detail else [])
        message = "; ".join(parts) + f". Hint: {hint}"
        reveal = _reveal(ex) if rec["wrong"] >= 2 and reveal_on else ""
        result = CheckResult(ex.id, "incorrect", False, message, reveal=reveal)
    rec.update(status=result.status, passed=result.passed)
    return result


# ---------------------------------------------------------------------------------------------
# For the solutions edition and autograding (nbgrader test cells)


def assert_passes(exercise_id: str, answer: Any) -> None:
    """Raise AssertionError with the feedback unless ``answer`` passes; records no progress."""
    saved = {k: dict(v) for k, v in _PROGRESS.items()}
    try:
        result = check(exercise_id, answer)
    finally:
        _PROGRESS.clear()
        _PROGRESS.update(saved)
    if not result.passed:
        raise AssertionError(f"{exercise_id}: {result.message}")


def assert_all_passed(exercise_ids: list[str]) -> None:
    """Raise AssertionError unless every auto-checked exercise of ``exercise_ids`` was checked in
    this kernel and passed (open questions only need to be recorded)."""
    reg = registry()
    problems = []
    for i in exercise_ids:
        rec = _PROGRESS.get(i)
        if rec is None:
            problems.append(f"{i}: not checked")
        elif reg[i].auto and rec["passed"] is not True:
            problems.append(f"{i}: {rec['status']}")
        elif not reg[i].auto and rec["status"] != "recorded":
            problems.append(f"{i}: {rec['status']}")
    if problems:
        raise AssertionError("not every exercise passed: " + "; ".join(problems))
    print(f"All {len(exercise_ids)} exercises checked: every auto-checked one passed.")


def answer_widget(exercise_id: str):
    """A form to answer ``exercise_id`` by click (radio buttons, check boxes or drop-downs) with a
    Check button that runs :func:`check` and shows its feedback; see :mod:`secnb.exercises.form`."""
    from .form import answer_widget as build

    return build(exercise_id)
