"""Charts of preventive diplomacy: the escalation ladder (a teaching model) and the Taiji symbol."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import Circle, Wedge

from ..models import escalation as model
from .base import PALETTE, finish, label

__all__ = ["escalation_ladder", "taiji_diagram"]

#: One colour per phase and per way; each is also named in text on the chart.
PHASE_COLOURS = {"early_prevention": PALETTE["bluish green"], "late_prevention": PALETTE["sky blue"],
                 "crisis": PALETTE["orange"], "war": PALETTE["vermillion"]}
WAY_COLOURS = {"prevention": PALETTE["bluish green"], "management": PALETTE["orange"],
               "resolution": PALETTE["blue"]}
GREY = "#777777"


def _way_names(concepts) -> dict[str, tuple[str, str | None]]:
    """English and Chinese name of each way, from its row in the concepts table."""
    table = concepts.set_index("concept_id")
    names = {}
    for way in model.LADDER_WAYS:
        if way.concept_id not in table.index:
            raise KeyError(f"no concept {way.concept_id!r} in concepts.csv")
        row = table.loc[way.concept_id]
        zh = row["name_zh"] if isinstance(row["name_zh"], str) else None
        names[way.id] = (row["name_en"], zh)
    return names


def _oz(value: float) -> str:
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def escalation_ladder(concepts, intensity: float = 2.0, ratio: float = model.LADDER_RATIO, *,
                      title: str | None = None) -> Figure:
    """The escalation ladder at ``intensity``: the cost of acting along the ladder (top left), the
    intensities where each of the lecture's three ways applies (bottom left) and the tools that
    apply now with what they cost (right). ``concepts`` gives the ways' names (English, Chinese).

    A view of :mod:`secnb.models.escalation`, a teaching model with illustrative numbers.
    """
    x = float(intensity)
    phase = model.ladder_phase(x)
    cost = model.ladder_cost(x, ratio)
    top = model.ladder_cost(model.LADDER_TOP, ratio)
    names = _way_names(concepts)
    open_ways = model.ladder_ways(x)
    curve = model.ladder_curve(ratio)
    why = dict(zip(*model.ladder_tools(x, ratio)[["way", "why"]].T.values))

    # a fixed layout (not constrained): the widget redraws this chart on every move, and fixed is faster
    fig = Figure(figsize=(10.5, 5.6))
    grid = fig.add_gridspec(2, 2, width_ratios=[2.15, 1], height_ratios=[2.9, 1.45], left=0.095, right=0.99,
                            bottom=0.1, top=0.93, wspace=0.06, hspace=0.08)
    ax = fig.add_subplot(grid[0, 0])
    lanes = fig.add_subplot(grid[1, 0], sharex=ax)
    panel = fig.add_subplot(grid[:, 1])

    # top left: the cost of acting along the ladder, with the phases as bands
    ymax = top * 1.32
    for p in model.LADDER_PHASES:
        ax.axvspan(p.lower, p.upper, color=PHASE_COLOURS[p.id], alpha=0.16 if p.id != phase.id else 0.34,
                   linewidth=0)
        ax.text((p.lower + p.upper) / 2, ymax * 0.965, p.name, ha="center", va="top", fontsize=9,
                fontweight="bold" if p.id == phase.id else "normal", zorder=4,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.75, "linewidth": 0})
    ax.plot(curve["intensity"], curve["cost"], color=PALETTE["black"], linewidth=2)
    reached = curve[curve["intensity"] <= x]
    ax.fill_between(reached["intensity"], 0, reached["cost"], color=PALETTE["black"], alpha=0.08, linewidth=0)
    ax.plot([x, x], [0, cost], color=PALETTE["black"], linestyle="--", linewidth=1)
    ax.plot([x], [cost], marker="o", markersize=10, color=PALETTE["vermillion"], markeredgecolor=PALETTE["black"],
            linestyle="none", clip_on=False, zorder=5)
    right_side = x > model.LADDER_TOP * 0.55
    ax.annotate(f"acting now: {_oz(cost)} oz\n= {_oz(cost)} × acting at 0", (x, cost),
                xytext=(-14 if right_side else 14, 6), textcoords="offset points",
                ha="right" if right_side else "left", va="bottom", fontsize=9.5,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": GREY, "linewidth": 0.6})
    ax.set_ylim(0, ymax)
    ax.set_xlim(0, model.LADDER_TOP)
    ax.set_ylabel("Cost of acting (ounces;\nacting at 0 costs 1)")
    ax.tick_params(labelbottom=False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_title(title or f"Escalation ladder (teaching model): intensity {x:g}, {phase.name.lower()}")

    # bottom left: where each way applies
    n = len(model.LADDER_WAYS)
    for row, way in enumerate(model.LADDER_WAYS):
        y = n - 1 - row
        on = way.id in open_ways
        lanes.barh(y, way.upper - way.lower, left=way.lower, height=0.62, color=WAY_COLOURS[way.id],
                   alpha=0.55 if on else 0.18, edgecolor=PALETTE["black"] if on else GREY, linewidth=0.8,
                   hatch=None if on else "//")
        en, zh = names[way.id]
        lanes.text(way.lower + 0.12, y, ("✓ " if on else "") + label(en, zh), va="center",
                   ha="left", fontsize=9, fontweight="bold" if on else "normal",
                   color=PALETTE["black"] if on else "#555555")
    for axis in (ax, lanes):
        axis.axvline(x, color=PALETTE["vermillion"], linewidth=1.6)
    lanes.set_yticks([])
    lanes.set_ylim(-0.55, n - 0.45)
    lanes.set_xticks(range(0, int(model.LADDER_TOP) + 1))
    lanes.set_xlabel("Intensity the conflict has reached (0 = a dispute appears, 10 = large-scale war)")
    lanes.set_ylabel("Way", labelpad=8)

    # right: the tools, what applies now and what it costs
    panel.set_axis_off()
    panel.set_xlim(0, 1)
    panel.set_ylim(0, 1)
    panel.set_title(f"Tools at intensity {x:g}")
    y = 0.95
    for way in model.LADDER_WAYS:
        en, zh = names[way.id]
        on = way.id in open_ways
        status = f"✓ {_oz(cost)} oz each" if on else f"✗ {why[way.id]}"
        panel.text(0.0, y, label(en, zh), fontsize=10, fontweight="bold", va="top",
                   color=PALETTE["black"] if on else GREY)
        panel.text(0.0, y - 0.065, status, fontsize=9.5, va="top", color=PALETTE["black"] if on else GREY,
                   style="normal" if on else "italic")
        panel.text(0.0, y - 0.125, textwrap.fill(", ".join(way.tools), 30), fontsize=9, va="top",
                   color=PALETTE["black"] if on else GREY, linespacing=1.3)
        y -= 0.29
    panel.text(0.0, 0.06, f"Teaching model: cost = {ratio:g} ^ (intensity / 10).\nIllustrative numbers, not measured.",
               fontsize=8.5, va="bottom", color=GREY, style="italic")

    shut = [w for w in model.LADDER_WAYS if w.id not in open_ways]
    ways_text = "; ".join(f"{names[w.id][0].lower()} ({', '.join(w.tools)})" for w in model.LADDER_WAYS
                          if w.id in open_ways)
    shut_text = "; ".join(f"{names[w.id][0].lower()} does not apply ({why[w.id]})" for w in shut)
    alt = (f"Escalation ladder, a teaching model with a cure-to-prevention ratio of {ratio:g}: at intensity {x:g} of "
           f"{model.LADDER_TOP:g} the conflict is in the phase {phase.name.lower()} ({phase.description}). Acting now "
           f"costs {_oz(cost)} ounces, {_oz(cost)} times acting at intensity 0; at the top of the ladder it would cost "
           f"{_oz(top)}. Ways that apply: {ways_text}." + (f" {shut_text[0].upper()}{shut_text[1:]}." if shut else ""))
    return finish(fig, alt)


def taiji_diagram() -> Figure:
    """The Taiji symbol of yin and yang (太极阴阳图), with the two ways of thinking the lecture
    pairs it with: holisticness (整体性) and dialecticness (辩证性)."""
    fig = Figure(figsize=(8.6, 4.6), layout="constrained")
    ax = fig.add_subplot()
    dark, light = PALETTE["black"], "white"
    ax.add_patch(Circle((0, 0), 1, facecolor=light, edgecolor=dark, linewidth=2))
    ax.add_patch(Wedge((0, 0), 1, 90, 270, facecolor=dark, edgecolor=dark))
    ax.add_patch(Circle((0, 0.5), 0.5, facecolor=dark, edgecolor=dark, linewidth=0))
    ax.add_patch(Circle((0, -0.5), 0.5, facecolor=light, edgecolor=light, linewidth=0))
    ax.add_patch(Circle((0, 0.5), 0.13, facecolor=light, edgecolor=light))
    ax.add_patch(Circle((0, -0.5), 0.13, facecolor=dark, edgecolor=dark))
    ax.add_patch(Circle((0, 0), 1, facecolor="none", edgecolor=dark, linewidth=2))
    arrow = {"arrowstyle": "-", "color": GREY, "linewidth": 1}
    ax.annotate(label("Yin", "阴") + "\n(dark)", (-0.62, -0.1), xytext=(-1.75, -0.1), ha="right", va="center",
                fontsize=10, arrowprops=arrow)
    ax.annotate(label("Yang", "阳") + "\n(light)", (0.62, 0.1), xytext=(1.75, 0.1), ha="left", va="center",
                fontsize=10, arrowprops=arrow)
    ax.annotate("a seed of yang\ninside yin", (0.0, 0.5), xytext=(-1.75, 0.78), ha="right", va="center",
                fontsize=9, arrowprops=arrow)
    ax.annotate("a seed of yin\ninside yang", (0.0, -0.5), xytext=(1.75, -0.78), ha="left", va="center",
                fontsize=9, arrowprops=arrow)
    ax.text(0, -1.3, label("Holisticness", "整体性") + ": the two halves make one whole", ha="center",
            va="top", fontsize=9.5)
    ax.text(0, -1.53, label("Dialecticness", "辩证性") + ": opposites hold each other and turn into each other",
            ha="center", va="top", fontsize=9.5)
    ax.set_xlim(-3.5, 3.5)
    ax.set_ylim(-1.85, 1.12)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_xlabel("Drawn for this course after the lecture's slide on preventive diplomacy in Eastern cultures",
                  fontsize=9, color=GREY)
    ax.set_title(label("The Taiji symbol of yin and yang", "太极阴阳图"))
    return finish(fig, "The Taiji symbol: a circle split by an S-shaped line into a dark half, yin, and a light half, "
                       "yang, each holding a small dot of the other. Notes below it link the whole circle to holistic "
                       "thinking and the seeds of each half in the other to dialectic thinking, the two traits the "
                       "lecture pairs with the symbol.")
