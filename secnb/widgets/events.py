"""Widgets on events: the timeline explorer."""

from __future__ import annotations

import ipywidgets as W

from .. import charts, query
from .base import explorer

__all__ = ["timeline_explorer"]


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
