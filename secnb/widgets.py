"""Interactive widgets for the notebooks, built on :mod:`secnb.charts` and :mod:`secnb.models`.

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

from . import charts, query

__all__ = ["explorer", "timeline_explorer"]


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


def timeline_explorer(events, concepts, discrepancies=None) -> W.VBox:
    """The timeline with a year range and a concept-family filter."""
    first, last = query.year_range(events)
    families = sorted({f for fams in query.event_families(events, concepts) for f in fams})
    style = {"description_width": "initial"}
    controls = {
        "years": W.IntRangeSlider(value=(first, last), min=first, max=last, step=1, description="Years",
                                  continuous_update=False, style=style, layout=W.Layout(width="26em")),
        "family": W.Dropdown(options=["all", *families], value="all", description="Concept family",
                             style=style),
    }

    def render(years, family):
        shown = query.filter_events(events, concepts, years, family)
        what = "all families" if family == "all" else f"family: {family}"
        return charts.timeline(shown, discrepancies,
                               title=f"Events {years[0]}-{years[1]} ({what}), {len(shown)} of {len(events)}")

    return explorer(controls, render, intro="Move the slider or pick a family: the timeline redraws.")
