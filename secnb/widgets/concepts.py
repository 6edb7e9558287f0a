"""Widgets on concepts: the concept comparator."""

from __future__ import annotations

import html

import ipywidgets as W

from .. import charts, query
from .base import explorer

__all__ = ["concept_comparator"]


def _options(concepts) -> list[tuple[str, str]]:
    """(label, concept_id) for every coded concept, grouped by family in the table's order."""
    coded = concepts[concepts[list(query.DIMENSIONS)].notna().all(axis=1)]
    families = list(dict.fromkeys(coded["family"]))
    rows = sorted(coded.itertuples(), key=lambda r: (families.index(r.family), r.name_en.casefold()))
    return [(f"{r.name_en} {r.name_zh} · {r.family}", r.concept_id) for r in rows]


def _reasons_html(concepts, ids: list[str]) -> str:
    codes = query.concept_codes(concepts, ids)
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(str(c))}</th>"
                   for c in ("concept", "dimension", "value", "why it is coded so", "source"))
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px;vertical-align:top'>{html.escape(str(v))}</td>"
                         for v in (r.concept, r.dimension, r.value, r.reason, f"{r.source}, {r.locator}"))
        + "</tr>" for r in codes.itertuples())
    return (f"<details><summary>Why each cell is coded so (the reasons in data/concepts.csv)</summary>"
            f"<table style='font-size:90%;border-collapse:collapse'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></details>")


def concept_comparator(concepts, first: str = "cooperative_security", second: str = "security_cooperation") -> W.VBox:
    """Pick two concepts and see them side by side on the coded dimensions.

    The chart is :func:`secnb.charts.compare_concepts`; below it, a fold-out table gives the reason
    and the source of each coded value (``box.reasons``). Only concepts coded on every dimension
    are offered."""
    options = _options(concepts)
    ids = [i for _, i in options]
    for chosen in (first, second):
        if chosen not in ids:
            raise KeyError(f"no coded concept {chosen!r} in concepts.csv")
    layout = W.Layout(width="36em")
    style = {"description_width": "6em"}
    controls = {
        "first": W.Dropdown(options=options, value=first, description="Concept A", style=style, layout=layout),
        "second": W.Dropdown(options=options, value=second, description="Concept B", style=style, layout=layout),
    }
    names = dict(zip(concepts["concept_id"], concepts["name_en"]))
    reasons = W.HTML()

    def render(first, second):
        reasons.value = _reasons_html(concepts, [first] if first == second else [first, second])
        if first == second:
            title = f"{names[first]}, shown twice: pick a different concept B"
        else:
            title = f"{names[first]} and {names[second]}"
        return charts.compare_concepts(concepts, [first, second], title=title)

    box = explorer(controls, render, intro="Pick two concepts: the chart shows them side by side on the four "
                                           "coded dimensions. Open the fold-out below it for the reasons.")
    box.children = (*box.children, reasons)
    box.reasons = reasons
    return box
