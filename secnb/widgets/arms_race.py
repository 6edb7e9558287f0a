"""Widgets of notebook 02: the Richardson arms race with sliders for its coefficients."""

from __future__ import annotations

import ipywidgets as W

from .. import charts, models
from .base import explorer

__all__ = ["arms_race_explorer"]

#: name -> (description, minimum, maximum, step); the order is the order of the sliders.
SLIDERS = {
    "k": ("k: X reacts to Y's arms", 0.0, 1.0, 0.05),
    "l": ("l: Y reacts to X's arms", 0.0, 1.0, 0.05),
    "a": ("a: X's fatigue", 0.05, 1.0, 0.05),
    "b": ("b: Y's fatigue", 0.05, 1.0, 0.05),
    "g": ("g: X's grievance", 0.0, 3.0, 0.1),
    "h": ("h: Y's grievance", 0.0, 3.0, 0.1),
    "transparency": ("transparency", 0.0, 0.9, 0.05),
}


def arms_race_explorer(k: float = 0.3, l: float = 0.3, a: float = 0.5, b: float = 0.5, g: float = 1.0,
                       h: float = 1.0, transparency: float = 0.0, years: float = 50) -> W.VBox:
    """The arms of two states over ``years`` (from zero arms), redrawn as the learner moves the
    reaction (k, l), fatigue (a, b) and grievance (g, h) sliders and the transparency slider,
    which lowers the threat each side perceives (k' = k (1 - transparency), l' likewise)."""
    start = {"k": k, "l": l, "a": a, "b": b, "g": g, "h": h, "transparency": transparency}
    style = {"description_width": "11.5em"}
    controls = {
        name: W.FloatSlider(value=start[name], min=lo, max=hi, step=step, description=text,
                            readout_format=".0%" if name == "transparency" else ".2f",
                            continuous_update=False, style=style, layout=W.Layout(width="25em"))
        for name, (text, lo, hi, step) in SLIDERS.items()
    }

    def render(k, l, a, b, g, h, transparency):
        path = models.richardson(k=k, l=l, a=a, b=b, g=g, h=h, years=years, transparency=transparency)
        return charts.arms_race_chart(path)

    intro = ("Move a slider: the chart redraws. The arms <strong>settle</strong> when a·b &gt; k'·l' "
             "(fatigue outweighs the two reactions) and <strong>run away</strong> otherwise. "
             "Transparency lowers the threat each side perceives: k' = k (1 − transparency), l' likewise.")
    return explorer(controls, render, intro=intro)
