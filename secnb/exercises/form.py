"""Answer an exercise by click: a form that runs :func:`secnb.check` and shows its feedback.

``secnb.answer_widget("nb01.two_aspects")`` returns an ipywidgets ``VBox``:

* ``choice``: radio buttons, one per option;
* ``multi``: a check box per option;
* ``order``: one drop-down per place (1st, 2nd, ...), each offering every item;
* ``match``: one drop-down per item to match, each offering the categories;
* ``numeric`` and ``text``: a text box; ``open``: a text area that counts words;

and a **Check** button. Pressing it runs exactly what ``secnb.check(exercise_id, answer)`` runs
(so hints, the reveal after a second wrong answer and the progress table are the same) and shows
the same feedback below the form. Nothing is counted as an attempt until every place of an order
or match is filled, so a half-filled form gets a nudge, not a hint.

Like the other widgets, the box exposes what a test needs: ``controls`` (the input widgets),
``button``, ``view`` (the feedback), ``answer()`` (the answer as ``check`` receives it),
``check()`` (what the button does) and ``result`` (the last :class:`CheckResult`, or None).
An unknown exercise id gives a box that says so; building a form never raises.
"""

from __future__ import annotations

import html
from typing import Any, Callable

import ipywidgets as W

from . import Exercise, check, get, option_key

__all__ = ["answer_widget"]

CHOOSE = "— choose —"
_WIDE = W.Layout(width="auto", max_width="100%")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _keyed(options: tuple) -> list[tuple[str, object]]:
    return [(f"{option_key(i)}) {o}", o) for i, o in enumerate(options)]


def _controls(ex: Exercise) -> tuple[dict, list, Callable[[], Any], Callable[[], int]]:
    """(controls by name, rows to show, answer(), missing()) for an exercise."""
    label_style = {"description_width": "initial"}
    if ex.kind == "choice":
        radio = W.RadioButtons(options=_keyed(ex.choices()), value=None, layout=_WIDE)
        return {"choice": radio}, [radio], lambda: radio.value, lambda: 0 if radio.value is not None else 1
    if ex.kind == "multi":
        boxes = {o: W.Checkbox(value=False, description=f"{option_key(i)}) {o}", indent=False, layout=_WIDE)
                 for i, o in enumerate(ex.choices())}
        return boxes, list(boxes.values()), lambda: [o for o, b in boxes.items() if b.value], \
            lambda: 0 if any(b.value for b in boxes.values()) else 1
    if ex.kind in ("order", "match"):
        if ex.kind == "order":
            items = list(ex.options or ex.reference())
            places = {_ordinal(i + 1): [(CHOOSE, None)] + [(ex.label(o), o) for o in items]
                      for i in range(len(items))}
        else:
            places = {k: [(CHOOSE, None)] + _keyed(ex.choices()) for k in ex.reference()}
        drops = {name: W.Dropdown(options=options, value=None, layout=W.Layout(width="22em"))
                 for name, options in places.items()}
        label = (lambda name: name) if ex.kind == "order" else ex.label
        rows = [W.HBox([W.HTML(f"<span>{html.escape(label(name))}</span>",
                               layout=W.Layout(width="24em" if ex.kind == "match" else "4em")), d])
                for name, d in drops.items()]

        def answer():
            if ex.kind == "order":
                return [d.value for d in drops.values() if d.value is not None]
            return {k: d.value for k, d in drops.items() if d.value is not None}

        return drops, rows, answer, lambda: sum(d.value is None for d in drops.values())
    if ex.kind == "open":
        area = W.Textarea(value="", placeholder="Write your answer here.", layout=W.Layout(width="100%", height="12em"))
        return {"text": area}, [area], lambda: area.value, lambda: 0 if area.value.strip() else 1
    box = W.Text(value="", placeholder="Your answer", description="Answer:", style=label_style,
                 layout=W.Layout(width="24em"))
    return {"text": box}, [box], lambda: box.value, lambda: 0 if box.value.strip() else 1


def answer_widget(exercise_id: str) -> W.VBox:
    """A form to answer exercise ``exercise_id`` by click, with a Check button; see the module."""
    view = W.HTML()
    try:
        ex = get(exercise_id)
    except Exception:  # the same feedback as check() gives for an unknown id, never a traceback
        box = W.VBox([view])
        box.controls, box.button, box.view, box.result = {}, None, view, check(exercise_id, None)
        box.answer, box.check = (lambda: None), (lambda _b=None: box.result)
        view.value = box.result._repr_html_()
        return box
    controls, rows, answer, missing = _controls(ex)
    button = W.Button(description="Check", button_style="info", icon="check", layout=W.Layout(width="9em"))
    how = {"order": "Choose an item for each place, first to last",
           "match": "Choose a category for each item",
           "multi": "Tick every option that fits",
           "open": "Write your answer (it is recorded for your instructor)"}.get(ex.kind, "Choose your answer")
    intro = W.HTML(f'<p><strong>{html.escape(ex.title)}</strong> · {html.escape(how)}, then press '
                   f'<em>Check</em>.</p>')
    box = W.VBox([intro, *rows, button, view])
    box.add_class("secnb-answer-form")  # for the browser test, and for a course's own CSS
    box.controls, box.button, box.view, box.result, box.answer = controls, button, view, None, answer

    total = len(controls) if ex.kind in ("order", "match") else 1

    def on_check(_button=None):
        left = missing()
        if left:  # not an attempt yet: nothing is counted, no hint is used up
            nothing = "nothing written yet" if ex.kind in ("open", "text", "numeric") else "nothing chosen yet"
            say = (f"{left} still to choose: fill every place" if left < total else nothing)
            view.value = (f'<div role="status" class="secnb-check"><p>… {say}, then press <em>Check</em>.'
                          '</p></div>')
            return box.result
        box.result = check(ex.id, answer())
        view.value = box.result._repr_html_()
        return box.result

    button.on_click(on_check)
    box.check = on_check
    return box
