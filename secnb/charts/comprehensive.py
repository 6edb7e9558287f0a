"""Comprehensive security as a matrix: the lecture's horizontal and vertical meanings.

The lecture (Su Hao, slide *Implication of Comprehensive Security*) gives comprehensive security a
*horizontal* meaning, the sectors it covers (military, political, economic, social and cultural),
and a *vertical* one, the levels at which security concerns arise (international, regional,
national and domestic). Setting the two lists against each other as a grid is this course's
rendering, not a figure of the lecture. The threats of the dataset are written into the grid by
their field and level. Threats the dataset places at the trans-state or global level go to the
international column (the lecture's widest level here; its first slide names trans-state and global
security as further levels); a threat whose field is not one of the five sectors, or that spans
several levels, goes to an extra row or column, drawn dashed.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from .base import PALETTE, finish, label, plural

__all__ = ["HORIZONTAL", "VERTICAL", "WIDER", "comprehensive_matrix"]

#: The lecture's horizontal meaning (sectors), in the slide's order, with the field of the 2014
#: outlook (``fields.field_id``) that each corresponds to.
HORIZONTAL = {"military": "military", "political": "political", "economic": "economic", "social": "societal",
              "cultural": "cultural"}
#: The lecture's vertical meaning (levels), in the slide's order; a threat's ``level`` is matched
#: by name, and the levels of :data:`WIDER` count as international.
VERTICAL = ("international", "regional", "national", "domestic")
#: Threat levels beyond the lecture's four that the course files under its widest, international.
WIDER = ("trans-state", "global")

_OTHER_ROW = "other fields"
_OTHER_COL = "several levels"
_TRADITIONAL = {True: ("▲", PALETTE["vermillion"], "traditional threat"),
                False: ("●", PALETTE["blue"], "non-traditional threat")}


def comprehensive_matrix(threats, *, title: str = "Comprehensive security: the horizontal and vertical meanings",
                         concepts=None) -> Figure:
    """The lecture's five sectors (rows) against its four levels (columns), with each threat of
    ``threats`` (the threats table) written in its cell: ▲ for a threat the dataset codes as
    traditional, ● for a non-traditional one. Threats whose field or level the lecture's lists do
    not name go to the dashed extra row or column. ``concepts`` (optional) gives the Chinese name
    for the title."""
    field_to_row = {field: sector for sector, field in HORIZONTAL.items()}
    rows = list(HORIZONTAL) + [_OTHER_ROW]
    cols = list(VERTICAL) + [_OTHER_COL]
    cells: dict[tuple[int, int], list] = {}
    for t in threats.sort_values(["traditional", "name_en"], ascending=[False, True]).itertuples():
        r = rows.index(field_to_row.get(t.field_id, _OTHER_ROW))
        level = "international" if t.level in WIDER else t.level
        c = cols.index(level) if level in VERTICAL else len(VERTICAL)
        cells.setdefault((r, c), []).append(t)
    n_rows, n_cols = len(rows), len(cols)
    fig = Figure(figsize=(11.5, 7.8), layout="constrained")
    ax = fig.add_subplot()
    for r in range(n_rows):
        for c in range(n_cols):
            core = r < len(HORIZONTAL) and c < len(VERTICAL)
            y = n_rows - 1 - r
            ax.add_patch(Rectangle((c + 0.02, y + 0.02), 0.96, 0.96, facecolor=PALETTE["sky blue"] if core else "white",
                                   alpha=0.18 if core else 1.0, edgecolor="#555555" if core else "#999999",
                                   linestyle="-" if core else "--", linewidth=0.9))
            top = y + 0.9
            for t in cells.get((r, c), []):
                mark, colour, _ = _TRADITIONAL[bool(t.traditional)]
                lines = textwrap.wrap(t.name_en, 27)
                ax.text(c + 0.06, top, mark, fontsize=8, va="top", ha="left", color=colour)
                ax.text(c + 0.16, top, "\n".join(lines), fontsize=8, va="top", ha="left", color="black",
                        linespacing=1.1)
                top -= 0.105 * len(lines) + 0.03
    ax.set_xlim(0, n_cols)
    ax.set_ylim(0, n_rows)
    heads = [x.capitalize() for x in cols]
    heads[0] = "International\n(with trans-state and global)"
    ax.set_xticks([c + 0.5 for c in range(n_cols)], heads, fontsize=9.5)
    ax.xaxis.tick_top()
    ax.set_yticks([n_rows - 1 - r + 0.5 for r in range(n_rows)], [x.capitalize() for x in rows], fontsize=9.5)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_xlabel("Vertical meaning: the level of the security concern (the lecture's four, then the others)")
    ax.set_ylabel("Horizontal meaning: the sector (the lecture's five, then the others)")
    zh = None
    if concepts is not None:
        found = concepts.loc[concepts["concept_id"] == "comprehensive_security", "name_zh"]
        zh = found.iloc[0] if len(found) else None
    ax.set_title(label(title, zh), pad=10)
    handles = [Line2D([], [], linestyle="none", marker="^" if trad else "o", color=colour, markersize=7, label=text)
               for trad, (_, colour, text) in _TRADITIONAL.items()]
    handles += [Rectangle((0, 0), 1, 1, facecolor=PALETTE["sky blue"], alpha=0.18, edgecolor="#555555",
                          label="inside the lecture's matrix"),
                Rectangle((0, 0), 1, 1, facecolor="white", edgecolor="#999999", linestyle="--",
                          label="outside it (the course's extra row and column)")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=4, fontsize=8.5, frameon=False)
    inside = sum(len(v) for (r, c), v in cells.items() if r < len(HORIZONTAL) and c < len(VERTICAL))
    outside = len(threats) - inside
    trad_in = sum(bool(t.traditional) for (r, c), v in cells.items() if r < len(HORIZONTAL) and c < len(VERTICAL)
                  for t in v)
    nontrad_out = sum(not bool(t.traditional) for (r, c), v in cells.items()
                      if not (r < len(HORIZONTAL) and c < len(VERTICAL)) for t in v)
    empty = [f"{rows[r]} at {cols[c]} level" for r in range(len(HORIZONTAL)) for c in range(len(VERTICAL))
             if (r, c) not in cells]
    alt = (f"{title}. A grid of the lecture's {len(HORIZONTAL)} sectors ({', '.join(HORIZONTAL)}) against its "
           f"{len(VERTICAL)} levels ({', '.join(VERTICAL)}; trans-state and global threats counted as international), "
           f"with an extra row for other fields and an extra column for threats spanning several levels. Of {plural(len(threats), 'threat')} in the dataset, "
           f"{inside} fall inside the lecture's grid ({trad_in} of them traditional) and {outside} outside it "
           f"({nontrad_out} of them non-traditional). {len(empty)} of the {len(HORIZONTAL) * len(VERTICAL)} "
           f"cells of the lecture's grid hold no threat.")
    return finish(fig, alt)

