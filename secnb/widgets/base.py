"""The shared base of the widgets: a panel of controls above a chart that redraws.

Every builder returns an ``ipywidgets.VBox`` with three extra attributes, so that a test (or a
curious learner) can drive it from Python exactly as a mouse would:

* ``controls``: the input widgets by name; setting ``controls[name].value`` redraws at once;
* ``view``: the ``HTML`` widget showing the current chart (an image with its alt text);
* ``figure``: the matplotlib Figure last drawn (``charts.alt_text(box.figure)`` says what it shows).

The chart is drawn into an ``HTML`` widget rather than an ``Output`` widget: the same code then
works in JupyterLab, in a test without a kernel and on a static page.
"""

from __future__ import annotations

import html
from typing import Callable, Mapping

import ipywidgets as W

from .. import charts

__all__ = ["explorer", "sorter"]


def explorer(controls: dict[str, W.ValueWidget], render: Callable[..., "charts.Figure"],
             intro: str | None = None, cache_size: int = 64) -> W.VBox:
    """A panel of ``controls`` above a chart that ``render(**values)`` redraws on every change.

    ``render`` must be a pure function of the control values: the last ``cache_size`` charts are
    kept, so a learner who moves back to a setting sees it at once.
    """
    view = W.HTML(layout=W.Layout(width="100%"))
    parts = ([W.HTML(f"<p>{intro}</p>")] if intro else []) + [W.HBox(list(controls.values()),
             layout=W.Layout(flex_flow="row wrap", grid_gap="0.5em 2em")), view]
    box = W.VBox(parts)
    box.controls, box.view, box.figure = controls, view, None

    cache: dict[tuple, tuple] = {}
    box.frames = frames = charts.FrameLayout()  # lays the chart out once, for the frames that fit it

    def redraw(_change=None):
        values = {name: c.value for name, c in controls.items()}
        key = tuple((k, repr(v)) for k, v in values.items())
        if key not in cache:
            fig = render(**values)
            if len(cache) >= cache_size:
                cache.pop(next(iter(cache)))
            cache[key] = (fig, charts.figure_html(fig, frames=frames))
        box.figure, view.value = cache[key]

    for control in controls.values():
        control.observe(redraw, names="value")
    box.redraw = redraw
    redraw()
    return box


CHOOSE = "— choose —"


def sorter(items: Mapping[str, str], categories: list[str], key: Mapping[str, str | set[str]], *,
           hints: Mapping[str, str] | None = None, intro: str | None = None,
           category_label: str = "category") -> W.VBox:
    """A practice widget: sort each item into a category, then press *Check* for feedback.

    ``items`` maps an item id to the text shown; ``key`` maps each item id to its right category
    (or a set of acceptable ones); ``hints`` optionally maps an item id to a hint shown when that
    item is placed wrongly (a hint, not the answer). The box has ``controls`` (one drop-down per
    item), ``view`` (the feedback), ``check()`` (what the button does) and ``score`` (right, total)
    after a check. While the learner sorts, the feedback counts how many items are placed.
    """
    missing = [i for i in items if i not in key]
    if missing:
        raise KeyError(f"no answer in the key for {', '.join(missing)}")
    wrong_cats = {c for v in key.values() for c in ({v} if isinstance(v, str) else v)} - set(categories)
    if wrong_cats:
        raise ValueError(f"the key uses categories that are not offered: {', '.join(sorted(wrong_cats))}")
    style = {"description_width": "0px"}
    controls = {i: W.Dropdown(options=[CHOOSE, *categories], value=CHOOSE, style=style,
                              layout=W.Layout(width="16em")) for i in items}
    rows = [W.HBox([W.HTML(f"<span>{html.escape(text)}</span>", layout=W.Layout(width="28em")), controls[i]])
            for i, text in items.items()]
    view = W.HTML()
    button = W.Button(description="Check my sorting", button_style="info", icon="check",
                      layout=W.Layout(width="auto", min_width="12em"))
    box = W.VBox(([W.HTML(f"<p>{intro}</p>")] if intro else []) + rows + [button, view])
    box.controls, box.view, box.figure, box.score = controls, view, None, None

    def placed(_change=None):
        n = sum(c.value != CHOOSE for c in controls.values())
        box.score = None
        view.value = f"<p>{n} of {len(items)} placed. Press <em>Check my sorting</em> when you are ready.</p>"

    def check(_button=None):
        lines, right = [], 0
        for i, text in items.items():
            chosen = controls[i].value
            ok_values = {key[i]} if isinstance(key[i], str) else set(key[i])
            if chosen == CHOOSE:
                lines.append(f"<li>… {html.escape(text)}: not placed yet</li>")
            elif chosen in ok_values:
                right += 1
                lines.append(f"<li>✓ {html.escape(text)}</li>")
            else:
                tip = f" Hint: {html.escape(hints[i])}" if hints and i in hints else ""
                lines.append(f"<li>✗ {html.escape(text)}: not {html.escape(category_label)} "
                             f"<em>{html.escape(chosen)}</em>.{tip}</li>")
        box.score = (right, len(items))
        verdict = "All right, well done!" if right == len(items) else "Change the ✗ ones and check again."
        view.value = (f'<div role="status"><p><strong>{right} of {len(items)} right.</strong> {verdict}</p>'
                      f'<ul style="list-style:none;padding-left:0.5em">{"".join(lines)}</ul></div>')

    for c in controls.values():
        c.observe(placed, names="value")
    button.on_click(check)
    box.check = check
    placed()
    return box
