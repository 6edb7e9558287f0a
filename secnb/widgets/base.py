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

from typing import Callable

import ipywidgets as W

from .. import charts

__all__ = ["explorer"]


def explorer(controls: dict[str, W.ValueWidget], render: Callable[..., "charts.Figure"],
             intro: str | None = None) -> W.VBox:
    """A panel of ``controls`` above a chart that ``render(**values)`` redraws on every change."""
    view = W.HTML(layout=W.Layout(width="100%"))
    parts = ([W.HTML(f"<p>{intro}</p>")] if intro else []) + [W.HBox(list(controls.values()),
             layout=W.Layout(flex_flow="row wrap", grid_gap="0.5em 2em")), view]
    box = W.VBox(parts)
    box.controls, box.view, box.figure = controls, view, None

    def redraw(_change=None):
        fig = render(**{name: c.value for name, c in controls.items()})
        box.figure = fig
        view.value = charts.figure_html(fig)

    for control in controls.values():
        control.observe(redraw, names="value")
    box.redraw = redraw
    redraw()
    return box
