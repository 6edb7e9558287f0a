"""Widgets on threats (notebook 01): how great a threat is and how great it is felt (the objective and
subjective sides of security), and a sorter of the threats of ``data/threats.csv`` by the lecture's
three dimensions of security issues, or by the level at which they play out, with feedback.

The answer key is the dataset's coding (the ``dimension`` or ``level`` column), never typed here;
the categories offered are the values the schema allows for that column. A wrongly placed threat
gets a hint: a question about the category it belongs in, not its name.
"""

from __future__ import annotations

import ipywidgets as W

from .. import charts
from ..charts.threats import SEVERAL, threat_categories
from .base import explorer, sorter

__all__ = ["threat_perception_explorer", "threat_sorter"]


def threat_perception_explorer(objective: int = 3, felt: int = 8, scale: int = 10) -> W.VBox:
    """Two sliders, the real threat and the threat felt (1 to ``scale``), above the two-aspects chart
    (:func:`secnb.charts.security_aspects_grid`), which marks the state and names its box."""
    style = {"description_width": "initial"}
    controls = {
        "objective": W.IntSlider(value=objective, min=1, max=scale, description="Real threat (objective)",
                                 continuous_update=False, style=style, layout=W.Layout(width="30em")),
        "felt": W.IntSlider(value=felt, min=1, max=scale, description="Threat felt (subjective)",
                            continuous_update=False, style=style, layout=W.Layout(width="30em")),
    }

    def render(objective, felt):
        return charts.security_aspects_grid(objective, felt, scale=scale)

    return explorer(controls, render, intro="Move the sliders: how great is the real threat, and how great "
                    "does it feel? The marker moves and the title names the box it falls in.")

#: Questions that point a learner towards a category without naming it (shown for a wrong placement).
HINTS = {
    "dimension": {
        "war and peace": ("Is it a traditional threat, one that arises between states? The sources say which "
                          "threats they count as traditional."),
        "man-made crime": "Is it done on purpose by people who break the law, often groups rather than states?",
        "natural disaster": ("Does the harm come through nature or the environment, rather than from force "
                             "between states or from a crime?"),
    },
    "level": {
        "national": "Does it threaten one country, inside its borders or at them?",
        "regional": "Does it involve a group of neighbouring states in one part of the world?",
        "international": "Is it about how states in general deal with each other?",
        "trans-state": "Is it carried across borders by groups or networks rather than by states?",
        "global": "Does it reach the whole world, whatever the borders?",
        SEVERAL: "Could it strike anywhere, from one province to the whole planet?",
    },
}
INTROS = {
    "dimension": ("Put each threat in one of the lecture's three dimensions of security issues, then press "
                  "<em>Check my sorting</em>. A ✗ comes with a question to help you; the answer key is the "
                  "course's coding in <code>data/threats.csv</code>."),
    "level": ("Now place each threat at the level where it mainly plays out. Choose <em>multiple</em> for a "
              "threat that has no single level. Press <em>Check my sorting</em> for feedback; the answer key "
              "is the course's coding in <code>data/threats.csv</code>."),
}


def threat_sorter(threats, by: str = "dimension", ids: list[str] | None = None) -> W.VBox:
    """A :func:`~secnb.widgets.sorter` of the threats (all, or those of ``ids``) by ``by``, the
    column ``"dimension"`` or ``"level"`` of threats.csv, whose values are the answer key.

    The box has ``controls`` (one drop-down per threat id), ``view`` (the feedback), ``check()``
    and ``score`` (right, total) after a check, and ``by``.
    """
    if by not in HINTS:
        raise ValueError(f"by must be one of {', '.join(map(repr, HINTS))}; got {by!r}")
    rows = threats if ids is None else threats.set_index("threat_id").loc[list(ids)].reset_index()
    items = {str(r.threat_id): f"{r.name_en}  {r.name_zh}" for r in rows.itertuples()}
    key = {str(r.threat_id): str(getattr(r, by)) for r in rows.itertuples()}
    categories = threat_categories(threats, by)
    hints = {i: HINTS[by][k] for i, k in key.items() if k in HINTS[by]}
    box = sorter(items, categories, key, hints=hints, intro=INTROS[by], category_label=by)
    box.by = by
    return box
