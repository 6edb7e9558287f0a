"""Widgets on preventive diplomacy: the escalation ladder explorer."""

from __future__ import annotations

import ipywidgets as W

from .. import charts
from ..models import escalation as model
from .base import explorer

__all__ = ["escalation_explorer"]


def escalation_explorer(concepts, intensity: float = 1.0, ratio: int = int(model.LADDER_RATIO)) -> W.VBox:
    """The escalation ladder (a teaching model): move the conflict's intensity and see which of the
    lecture's three ways apply and what acting costs; move the ratio to make the cure dearer."""
    style = {"description_width": "initial"}
    controls = {
        "intensity": W.FloatSlider(value=intensity, min=0.0, max=model.LADDER_TOP, step=0.5,
                                   description="Intensity reached", continuous_update=False, readout_format=".1f",
                                   style=style, layout=W.Layout(width="26em")),
        "ratio": W.IntSlider(value=ratio, min=2, max=64, step=1, description="Cure : prevention (oz per pound)",
                             continuous_update=False, style=style, layout=W.Layout(width="30em")),
    }

    def render(intensity, ratio):
        return charts.escalation_ladder(concepts, intensity, ratio)

    return explorer(controls, render,
                    intro="Move <b>Intensity reached</b> to climb the ladder: the chart shows which ways apply and "
                          "what acting costs there. <b>Cure : prevention</b> sets how many times acting at the top "
                          "costs what acting at the bottom does (16: an ounce against a pound).")
