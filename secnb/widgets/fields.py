"""Widgets on the eleven fields of the 2014 overall national security outlook.

* :func:`fields_explorer`: the chart :func:`secnb.charts.eleven_fields` with a drop-down for the
  source whose order to follow and buttons to sort by position or by number of threats;
* :func:`news_classifier`: sort invented news-style items (:data:`secnb.charts.fields.NEWS_ITEMS`)
  into the eleven fields, whose names are read from ``fields.csv``, with feedback and hints.
"""

from __future__ import annotations

import ipywidgets as W

from .. import charts
from ..charts.fields import NEWS_ITEMS, NewsItem
from .base import explorer, sorter

__all__ = ["fields_explorer", "news_classifier"]

_ORDER_CHOICES = [("the lecture's English quotation (official)", "order"), ("the lecture's Chinese slide", "order_su_zh"),
                  ("the Berlin paper", "order_jin")]


def fields_explorer(fields, threats) -> W.VBox:
    """The eleven fields, in the order of the source chosen in the drop-down, with the number of
    threats of ``threats.csv`` in each; a second control sorts by position or by threats."""
    style = {"description_width": "initial"}
    controls = {
        "order": W.Dropdown(options=_ORDER_CHOICES, value="order", description="List the fields as in",
                            style=style, layout=W.Layout(width="26em")),
        "sort": W.ToggleButtons(options=[("position in that list", "position"), ("number of threats", "threats")],
                                value="position", description="Sort by", style=style),
    }

    def render(order, sort):
        return charts.eleven_fields(fields, threats, order=order, sort=sort)

    return explorer(controls, render, intro="Choose whose list to follow, or sort by the number of threats: "
                                            "the chart redraws.")


def news_classifier(fields, items: tuple[NewsItem, ...] = NEWS_ITEMS) -> W.VBox:
    """Sort each invented news-style item into one of the eleven fields (any field that fits
    counts as right); *Check my sorting* gives feedback and a hint for each misplaced item."""
    table = fields.sort_values("order")
    names = dict(zip(table["field_id"], table["name_en"]))
    unknown = sorted({f for it in items for f in it.fields} - set(names))
    if unknown:
        raise KeyError(f"the practice items use field ids that fields.csv does not have: {', '.join(unknown)}")
    key = {it.item_id: {names[f] for f in it.fields} for it in items}
    return sorter({it.item_id: it.text for it in items}, list(names.values()), key,
                  hints={it.item_id: it.hint for it in items}, category_label="the field",
                  intro="Invented news items, written for practice (none reports a real event). Pick the field of "
                        "the overall national security outlook that each one mainly touches, then press "
                        "<em>Check my sorting</em>. Where several fields fit, any of them counts.")
