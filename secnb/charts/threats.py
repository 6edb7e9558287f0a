"""Charts of threats (notebook 01): the threats the sources list, by the lecture's three dimensions
of security issues and by the levels at which security is understood.

The threats and their coding come from ``data/threats.csv``. The lecture names the three
dimensions (slide "The Security Issues in Three Dimensions") and the five levels (slide
"1) Definition of Security"); it does not sort the threats itself: the coding of each threat is
the course's, with its reason in the ``note`` column.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .base import PALETTE, finish, label, plural

__all__ = ["threats_by_dimension", "threats_by_level"]

#: The Chinese of the three dimensions as the lecture's slide gives them (su2014, "The Security
#: Issues in Three Dimensions"); threats.csv holds the English names only.
DIMENSION_ZH = {"war and peace": "战争与和平", "man-made crime": "人为的犯罪", "natural disaster": "自然灾害"}
DIMENSION_COLOURS = {"war and peace": PALETTE["vermillion"], "man-made crime": PALETTE["blue"],
                     "natural disaster": PALETTE["bluish green"]}
#: The level code that means "at several levels" (not one of the lecture's five).
SEVERAL = "multiple"


def threat_categories(threats, column: str) -> list[str]:
    """The values ``column`` of threats.csv may take, in the order the schema lists them
    (``datapackage.json``), followed by any value of ``threats`` the schema does not list."""
    from ..data import find_data_dir, read_descriptor

    order: list[str] = []
    try:
        resource = next(r for r in read_descriptor(find_data_dir())["resources"] if r["name"] == "threats")
        field = next(f for f in resource["schema"]["fields"] if f["name"] == column)
        order = list(field.get("constraints", {}).get("enum", []))
    except (StopIteration, OSError, ValueError, KeyError):
        order = []
    present = [str(v) for v in dict.fromkeys(threats[column].dropna())]
    return order + [v for v in present if v not in order]


def dimension_label(dimension: str, sep: str = " ") -> str:
    """A dimension's name with the lecture's Chinese beside it (when a CJK font is installed)."""
    return label(dimension[:1].upper() + dimension[1:], DIMENSION_ZH.get(dimension), sep)


def level_names(concepts, levels) -> dict[str, tuple[str, str | None]]:
    """For each level code, the (English, Chinese) name of its concept in concepts.csv: the level
    ``national`` is the concept named *National security* (国家安全), and so on."""
    by_name = {str(n).casefold(): (str(n), str(z)) for n, z in zip(concepts["name_en"], concepts["name_zh"])}
    names = {}
    for lv in levels:
        names[lv] = by_name.get(f"{lv} security".casefold(),
                                ("Several levels", None) if lv == SEVERAL else (lv.capitalize(), None))
    return names


def _tradition(group) -> str:
    values = set(group["traditional"].dropna().astype(bool))
    return {frozenset({True}): "traditional", frozenset({False}): "non-traditional"}.get(frozenset(values), "mixed")


def threats_by_dimension(threats, *, title: str = "Threats in the sources, by the lecture's three dimensions") -> Figure:
    """One column per dimension, one card per threat stacked up the column, so that the height of a
    column is the number of threats in it. Under each column: traditional or non-traditional, as the
    threats' ``traditional`` column says."""
    dims = [d for d in threat_categories(threats, "dimension")]
    fig = Figure(figsize=(10.5, 1.9 + 0.62 * max([1, *[(threats["dimension"] == d).sum() for d in dims]])),
                 layout="constrained")
    ax = fig.add_subplot()
    tallest = 0
    parts = []
    ticks = []
    for col, dim in enumerate(dims):
        group = threats[threats["dimension"] == dim]
        tallest = max(tallest, len(group))
        colour = DIMENSION_COLOURS.get(dim, PALETTE["sky blue"])
        for row, t in enumerate(group.itertuples()):
            ax.add_patch(Rectangle((col - 0.45, row + 0.05), 0.9, 0.9, facecolor=colour, alpha=0.22,
                                   edgecolor=colour, linewidth=1.2))
            name = "\n".join(textwrap.wrap(str(t.name_en), 34))
            ax.text(col, row + 0.5, label(name, t.name_zh, "\n"),
                    ha="center", va="center", fontsize=8.5, linespacing=1.15)
        ax.text(col, len(group) + 0.15, plural(len(group), "threat"), ha="center", va="bottom", fontsize=10,
                fontweight="bold")
        kind = _tradition(group) if len(group) else "no threats"
        ticks.append(f"{dimension_label(dim)}\n({kind})")
        parts.append(f"{dim} ({kind}), {len(group)}: " + ", ".join(group["name_en"].astype(str)))
    ax.set_xlim(-0.55, len(dims) - 0.45)
    ax.set_ylim(0, tallest + 0.8)
    ax.set_xticks(range(len(dims)), ticks, fontsize=10)
    ax.set_yticks(range(0, tallest + 1))
    ax.tick_params(axis="x", length=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel("Number of threats (one card each)")
    ax.set_xlabel("Dimension of security issues (the lecture's three; each threat's place is the course's coding)")
    ax.set_title(label(title, "三个维度的安全问题"))
    return finish(fig, f"{title}: {plural(len(threats), 'threat')} from data/threats.csv in {len(dims)} columns. "
                  + "; ".join(parts) + ".")


def threats_by_level(threats, concepts, *, title: str = "Threats by level and dimension") -> Figure:
    """A grid: one row per level of security (the lecture's five, in its order, then *several
    levels* if any threat is coded so), one column per dimension, the threats named in each cell
    with their number. The level names come from concepts.csv."""
    dims = threat_categories(threats, "dimension")
    levels = [lv for lv in threat_categories(threats, "level") if lv != SEVERAL or (threats["level"] == SEVERAL).any()]
    names = level_names(concepts, levels)
    cells = {(lv, d): [textwrap.wrap(str(n), 30) for n in
                       threats[(threats["level"] == lv) & (threats["dimension"] == d)]["name_en"]]
             for lv in levels for d in dims}
    heights = [max(2.2, max(0.72 * sum(len(w) for w in cells[(lv, d)]) + 1.0 for d in dims)) for lv in levels]
    total = sum(heights)
    fig = Figure(figsize=(11, 2.0 + 0.17 * total), layout="constrained")
    ax = fig.add_subplot()
    tops, y = [], total
    parts = []
    for lv, h in zip(levels, heights):
        tops.append(y)
        for col, d in enumerate(dims):
            wrapped = cells[(lv, d)]
            n = len(wrapped)
            colour = DIMENSION_COLOURS.get(d, PALETTE["sky blue"])
            ax.add_patch(Rectangle((col + 0.02, y - h + 0.08), 0.96, h - 0.16, facecolor=colour if n else "white",
                                   alpha=min(0.12 + 0.09 * n, 0.6) if n else 1, edgecolor="#777777", linewidth=0.8))
            text = "\n".join("• " + "\n   ".join(w) for w in wrapped) if n else "none"
            ax.text(col + 0.06, y - 0.45, text, ha="left", va="top", fontsize=8.5, linespacing=1.2,
                    style="normal" if n else "italic", color="#111111" if n else "#666666")
            if n:
                ax.text(col + 0.95, y - 0.45, f"{n}", ha="right", va="top", fontsize=11, fontweight="bold")
            parts.append(f"{lv} × {d}: {n}")
        y -= h
    ax.set_xlim(0, len(dims))
    ax.set_ylim(0, total)
    ax.set_xticks([c + 0.5 for c in range(len(dims))], [dimension_label(d) for d in dims], fontsize=10)
    ax.xaxis.tick_top()
    ax.set_yticks([t - h / 2 for t, h in zip(tops, heights)],
                  [label(*names[lv], "\n") + f"\n({plural(int((threats['level'] == lv).sum()), 'threat')})"
                   for lv in levels], fontsize=9.5)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_ylabel("Level of security (in the lecture's order)")
    ax.set_xlabel("Dimension of security issues; the bold number is how many threats a cell holds "
                  "(coding of data/threats.csv: the course's)")
    ax.set_title(label(title, "安全的层次与维度"), pad=10)
    counts = ", ".join(f"{lv} {int((threats['level'] == lv).sum())}" for lv in levels)
    return finish(fig, f"{title}: {plural(len(threats), 'threat')} in a grid of {len(levels)} levels by "
                  f"{len(dims)} dimensions. Threats per level: {counts}. Per cell: "
                  + "; ".join(p for p in parts if not p.endswith(": 0")) + ".")
