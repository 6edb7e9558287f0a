"""Charts of concepts: how concepts compare on the dataset's coded dimensions."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .. import query
from .base import PALETTE, finish, label

__all__ = ["compare_concepts"]

#: Colours for the coded values: the ordered dimensions run from vermillion (military, zero-sum)
#: through yellow (mixed) to bluish green (non-military, positive-sum); the text in each cell
#: says the value too, so colour is never the only cue.
VALUE_COLOURS = {
    "military": PALETTE["vermillion"], "mixed": PALETTE["yellow"], "non-military": PALETTE["bluish green"],
    "zero-sum": PALETTE["vermillion"], "positive-sum": PALETTE["bluish green"],
    "state": PALETTE["sky blue"], "alliance": PALETTE["orange"], "member states": PALETTE["blue"],
    "adversaries together": PALETTE["reddish purple"], "region": PALETTE["yellow"], "society": PALETTE["orange"],
    "people": PALETTE["bluish green"], "humanity": PALETTE["bluish green"], "multiple": "#bbbbbb",
    "national": PALETTE["sky blue"], "regional": PALETTE["yellow"], "international": PALETTE["blue"],
    "trans-state": PALETTE["orange"], "global": PALETTE["bluish green"],
}


def compare_concepts(concepts, ids: list[str], *, title: str = "How the concepts compare",
                     dimensions: tuple[str, ...] = query.DIMENSIONS) -> Figure:
    """A grid: one column per concept of ``ids``, one row per coded dimension, the coded value in
    each cell. ``query.concept_codes`` gives the same coding with its reasons and sources."""
    table = concepts.set_index("concept_id")
    missing = [i for i in ids if i not in table.index]
    if missing:
        raise KeyError(f"no concept {', '.join(map(repr, missing))} in concepts.csv")
    n, m = len(ids), len(dimensions)
    fig = Figure(figsize=(1.9 + 2.2 * n, 1.4 + 0.85 * m), layout="constrained")
    ax = fig.add_subplot()
    for col, cid in enumerate(ids):
        for row, dim in enumerate(dimensions):
            value = table.loc[cid, dim]
            coded = isinstance(value, str)
            ax.add_patch(Rectangle((col, m - 1 - row), 0.96, 0.92, facecolor=VALUE_COLOURS.get(value, "#dddddd")
                                   if coded else "white", alpha=0.55 if coded else 1, edgecolor="#555555",
                                   hatch=None if coded else "//", linewidth=0.8))
            ax.text(col + 0.48, m - 1 - row + 0.46, "\n".join(textwrap.wrap(value, 14)) if coded else "not coded",
                    ha="center", va="center", fontsize=10 if coded else 9, style="normal" if coded else "italic")
    ax.set_xlim(-0.05, n)
    ax.set_ylim(-0.1, m)
    names = [label("\n".join(textwrap.wrap(table.loc[i, "name_en"], 18)), table.loc[i, "name_zh"], "\n") for i in ids]
    ax.set_xticks([c + 0.48 for c in range(n)], names, fontsize=9.5)
    ax.xaxis.tick_top()
    ax.set_yticks([m - 1 - r + 0.46 for r in range(m)], [query.DIMENSION_LABELS[d] for d in dimensions], fontsize=10)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_xlabel("Concept (coded in data/concepts.csv; the reasons are in the table below the chart)")
    ax.set_ylabel("Coded dimension")
    ax.set_title(label(title, "概念比较"), pad=12)
    parts = []
    for cid in ids:
        codes = ", ".join(f"{d} {table.loc[cid, d]}" for d in dimensions if isinstance(table.loc[cid, d], str))
        parts.append(f"{table.loc[cid, 'name_en']}: {codes or 'not coded'}")
    return finish(fig, f"{title}. A grid of {n} concepts on {m} coded dimensions. " + "; ".join(parts) + ".")
