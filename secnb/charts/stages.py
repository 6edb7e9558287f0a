"""Charts of the cooperative-security process: the four stages, institutions placed on them over
time, and the teaching model of trust (:mod:`secnb.models.trust`)."""

from __future__ import annotations

import functools
import re
import textwrap

from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..models import trust as models
from .base import PALETTE, finish, label, plural, short

__all__ = ["institution_names", "stage_ladder", "stage_milestones", "trust_chart"]

#: One colour per stage of the trust model (0 = before the first stage), light fills behind text.
_STAGE_FILLS = [PALETTE["vermillion"], PALETTE["orange"], PALETTE["yellow"], PALETTE["sky blue"],
                PALETTE["bluish green"]]
_INSTITUTION_STYLE = [(PALETTE["blue"], "o"), (PALETTE["vermillion"], "s"), (PALETTE["bluish green"], "D"),
                      (PALETTE["reddish purple"], "^"), (PALETTE["black"], "v"), (PALETTE["orange"], "P"),
                      (PALETTE["sky blue"], "X")]
SUSPICION = "Mutual suspicion (security dilemma)"


def _stages(stages):
    return stages.sort_values("order").reset_index(drop=True)


def institution_names(institutions) -> dict[str, str]:
    """A short display name for each institution: the ``short_en`` column if the table has one,
    else the abbreviation in brackets at the end of ``name_en`` (``... (CSCE/OSCE)``), else
    ``name_en``."""
    names = {}
    for r in institutions.itertuples():
        short_en = getattr(r, "short_en", None)
        if isinstance(short_en, str) and short_en.strip():
            names[r.institution_id] = short_en.strip()
            continue
        m = re.search(r"\(([^()]+)\)\s*$", r.name_en)
        names[r.institution_id] = m.group(1) if m else r.name_en
    return names


def _year(ts) -> float:
    return ts.year + (ts.day_of_year - 1) / 365.25


# ---------------------------------------------------------------------------------------------
# The four stages


def stage_ladder(stages, *, dashed=(), dashed_note: str | None = None,
                 title: str = "The process of cooperative security") -> Figure:
    """The stages as boxes in order, left to right, joined by arrows, each with its summary.

    Stages whose id is in ``dashed`` get a dashed outline and ``dashed_note`` below them (for
    example a stage that one source adds to another's list).
    """
    st = _stages(stages)
    n = len(st)
    fig = Figure(figsize=(2.55 * n + 0.4, 3.7), layout="constrained")
    ax = fig.add_subplot()
    width, gap = 2.15, 0.45
    for i, r in enumerate(st.itertuples()):
        x = i * (width + gap)
        is_dashed = r.stage_id in dashed
        ax.add_patch(FancyBboxPatch((x, 0), width, 2.6, boxstyle="round,pad=0.04,rounding_size=0.12",
                                    facecolor=to_rgba(_STAGE_FILLS[(i + 1) % len(_STAGE_FILLS)], 0.3),
                                    edgecolor="black", linewidth=1.2, linestyle="--" if is_dashed else "-"))
        ax.text(x + width / 2, 2.42, f"Stage {r.order}", ha="center", va="top", fontsize=9, color="#333333")
        name = "\n".join(textwrap.wrap(r.name_en, 20))
        ax.text(x + width / 2, 2.15, name, ha="center", va="top", fontsize=10.5, fontweight="bold")
        zh = label("", r.name_zh).strip()
        lines = name.count("\n") + 1
        y = 2.15 - 0.22 * lines - 0.06
        if zh:
            ax.text(x + width / 2, y, zh, ha="center", va="top", fontsize=10)
            y -= 0.3
        ax.text(x + width / 2, y - 0.04, "\n".join(textwrap.wrap(r.summary_en, 29)), ha="center", va="top",
                fontsize=7.8, color="#222222", linespacing=1.25)
        if is_dashed and dashed_note:
            ax.text(x + width / 2, -0.12, "\n".join(textwrap.wrap(dashed_note, 30)), ha="center", va="top",
                    fontsize=8, style="italic")
        if i < n - 1:
            ax.add_patch(FancyArrowPatch((x + width + 0.04, 1.3), (x + width + gap - 0.04, 1.3),
                                         arrowstyle="-|>", mutation_scale=16, color="black", linewidth=1.4))
    ax.set_xlim(-0.15, n * (width + gap) - gap + 0.15)
    ax.set_ylim(-0.75 if dashed_note and set(dashed) & set(st["stage_id"]) else -0.15, 2.7)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_xlabel("Each stage builds on the trust the one before it created")
    ax.set_title(label(title, "合作安全的进程"))
    names = "; ".join(f"{r.order}. {r.name_en}" for r in st.itertuples())
    alt = f"{title}: {plural(n, 'stage')} in order, joined by arrows: {names}."
    shown = [r.name_en for r in st.itertuples() if r.stage_id in dashed]
    if shown and dashed_note:
        alt += f" {', '.join(shown)} is drawn dashed: {dashed_note}."
    return finish(fig, alt)


# ---------------------------------------------------------------------------------------------
# Institutions on the stages over time


def stage_milestones(milestones, stages, institutions, sources=None, *, institution_ids=None,
                     placed: str | None = None, placed_label: str = "your placement",
                     title: str = "Institutions on the stages over time", width: float = 10.0) -> Figure:
    """Each institution's recorded steps (``milestones``) on the stages, by date.

    One row band per stage; in it each institution has its own lane, colour and marker. A
    marker is a milestone; a thin step line shows the furthest stage recorded so far. If
    ``sources`` is given, milestones resting on one of the course's source documents (a claim,
    for example the Position Paper's) are drawn hollow and those resting on a primary document
    filled. ``placed`` (a stage id) adds a star at the right for a learner's placement of the
    (single) institution shown.
    """
    st = _stages(stages)
    order = dict(zip(st["stage_id"], st["order"].astype(int)))
    ids = list(institution_ids) if institution_ids is not None else list(institutions["institution_id"])
    names = institution_names(institutions)
    ms = milestones[milestones["institution_id"].isin(ids) & milestones["stage_id"].isin(order)]
    ms = ms.sort_values(["date_start", "milestone_id"])
    claim_sources = set()
    if sources is not None:
        claim_sources = set(sources.loc[sources["kind"] == "source document", "source_id"])
    n_stage = len(st)
    many = len(ids) > 1
    listed = not many and len(ms) > 0  # one institution: number its milestones and list them below
    list_lines = [f"{j}. {d}: {short(t, 105)}" for j, (d, t) in enumerate(zip(ms["date"], ms["title_en"]), start=1)]
    main_h = 1.5 + 1.05 * n_stage
    list_h = 0.2 + 0.19 * len(list_lines) if listed else 0.0
    fig = Figure(figsize=(width, main_h + list_h), layout="constrained")
    if listed:
        ax, notes = fig.subplots(2, 1, height_ratios=[main_h, list_h])
        notes.axis("off")
        notes.text(0.0, 1.0, "\n".join(list_lines), transform=notes.transAxes, ha="left", va="top", fontsize=8.5,
                   linespacing=1.45)
    else:
        ax = fig.add_subplot()
    first = _year(ms["date_start"].min()) if len(ms) else 1990.0
    last = _year(ms["date_start"].max()) if len(ms) else 2015.0
    x0, x_end = float(int(first) - 2), float(int(last) + 3)
    for k, r in enumerate(st.itertuples()):
        if k % 2 == 0:
            ax.axhspan(r.order - 0.5, r.order + 0.5, color="#f2f2f2", zorder=0, linewidth=0)
    spread = 0.62 / max(len(ids), 1)
    summary = []
    handles = []
    for i, inst in enumerate(ids):
        colour, marker = _INSTITUTION_STYLE[i % len(_INSTITUTION_STYLE)]
        dy = (i - (len(ids) - 1) / 2) * spread if many else 0.0
        rows = ms[ms["institution_id"] == inst]
        handles.append(Line2D([], [], color=colour, marker=marker, markersize=7, markeredgecolor="black",
                              linewidth=1.2, label="\n".join(textwrap.wrap(names.get(inst, inst), 26))))
        if rows.empty:
            summary.append(f"{names.get(inst, inst)}: no milestones")
            continue
        xs = [_year(d) for d in rows["date_start"]]
        ys = [order[s] for s in rows["stage_id"]]
        furthest, step_x, step_y = 0, [], []
        for x, y in zip(xs, ys):
            if y > furthest:
                furthest = y
                step_x.append(x)
                step_y.append(y + dy)
        step_x.append(x_end - 0.6)
        step_y.append(step_y[-1])
        ax.step(step_x, step_y, where="post", color=colour, linewidth=1.3, alpha=0.8, zorder=2)
        for x, y, src in zip(xs, ys, rows["source_id"]):
            hollow = src in claim_sources
            ax.plot([x], [y + dy], marker=marker, markersize=8, linestyle="none", zorder=3, color=colour,
                    markerfacecolor="white" if hollow else colour, markeredgecolor=colour if hollow else "black",
                    markeredgewidth=1.6 if hollow else 0.7)
        if listed:  # number each marker; the list below the chart names them
            for j, (x, y) in enumerate(zip(xs, ys), start=1):
                ax.annotate(str(j), (x, y), xytext=(0, 9 if j % 2 else -9), textcoords="offset points",
                            ha="center", va="bottom" if j % 2 else "top", fontsize=8, fontweight="bold")
        top = rows.loc[rows["stage_id"].map(order).idxmax()]
        top_name = st.loc[st["stage_id"] == top["stage_id"], "name_en"].iloc[0]
        summary.append(f"{names.get(inst, inst)}: {plural(len(rows), 'milestone')} from {rows['date'].iloc[0]} to "
                       f"{rows['date'].iloc[-1]}, furthest stage {order[top['stage_id']]} ({top_name}, {top['date']})")
    if placed is not None and placed in order:
        ax.plot([x_end - 0.6], [order[placed]], marker="*", markersize=20, color=PALETTE["black"],
                markerfacecolor=PALETTE["yellow"], linestyle="none", zorder=4)
        ax.annotate(placed_label, (x_end - 0.6, order[placed]), xytext=(0, 13), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9, fontweight="bold")
    ax.set_xlim(x0, x_end)
    ax.set_ylim(0.45, n_stage + 0.55)
    ax.set_yticks(list(st["order"].astype(int)),
                  [label("\n".join(textwrap.wrap(f"{r.order}. {r.name_en}", 24)), r.name_zh, "\n")
                   for r in st.itertuples()], fontsize=9)
    ax.set_xlabel(label("Year of the milestone", "年份"))
    ax.set_ylabel(label("Stage reached", "阶段"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_title(label(title, "合作安全进程中的机制"))
    if sources is not None:
        handles += [Line2D([], [], marker="o", color="grey", markerfacecolor="grey", markeredgecolor="black",
                           linestyle="none", label="filled: a primary\ndocument records it"),
                    Line2D([], [], marker="o", color="grey", markerfacecolor="white", markeredgewidth=1.6,
                           linestyle="none", label="hollow: a source\ndocument claims it")]
    if placed is not None and placed in order:
        handles.append(Line2D([], [], marker="*", markersize=12, color=PALETTE["black"],
                              markerfacecolor=PALETTE["yellow"], linestyle="none", label=placed_label))
    handles.append(Line2D([], [], color="grey", linewidth=1.3, label="line: furthest stage\nrecorded so far"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5, frameon=False,
              labelspacing=0.9)
    alt = f"{title}: {plural(len(ms), 'milestone')} of {plural(len(ids), 'institution')} on {n_stage} stages. " + \
          "; ".join(summary) + "."
    if placed is not None and placed in order:
        alt += f" A star marks {placed_label} at stage {order[placed]}."
    return finish(fig, alt)


# ---------------------------------------------------------------------------------------------
# The teaching model of trust


def _stage_names(stages) -> list[str]:
    return [SUSPICION] + list(_stages(stages)["name_en"])


def trust_chart(stages, transparency: float, misperception: float, *, seed: int | None = 0, periods: int = 40,
                start: float = 0.1, build: float = 0.1, shock: float = 0.3,
                thresholds=models.TRUST_THRESHOLDS, stage_map: bool = True,
                title: str = "Trust between two states (a teaching model)") -> Figure:
    """The trust model at one setting: trust over time with the stage bands (the expected path,
    and one chance run if ``seed`` is not None) and, if ``stage_map``, where trust settles for
    every transparency and misperception, with the setting marked."""
    names = _stage_names(stages)
    levels = [0.0, *thresholds, 1.0]
    expected = models.expected_trust(transparency, misperception, periods=periods, start=start, build=build,
                                     shock=shock)
    star = models.trust_equilibrium(transparency, misperception, build=build, shock=shock)
    settle = expected["trust"].iloc[-1] if star is None else star
    settle_stage = models.trust_stage(settle, thresholds)
    # a fixed layout (no layout engine): this chart redraws in a widget, and it is quicker
    fig = Figure(figsize=(10.5 if stage_map else 6.6, 4.4))
    if stage_map:
        axes = fig.subplots(1, 2, width_ratios=[1.15, 1], gridspec_kw={"left": 0.065, "right": 0.985, "bottom": 0.12,
                                                                       "top": 0.86, "wspace": 0.5})
    else:
        axes = [fig.add_subplot()]
        fig.subplots_adjust(left=0.1, right=0.74, bottom=0.12, top=0.86)
    ax = axes[0]
    for k in range(len(levels) - 1):
        ax.axhspan(levels[k], levels[k + 1], color=_STAGE_FILLS[k % len(_STAGE_FILLS)], alpha=0.22, linewidth=0)
    # the stages' names beside their bands, where a right-hand axis would put its tick labels (as
    # texts: a twin axes cost this chart a fifth of each widget redraw)
    for k in range(len(levels) - 1):
        ax.annotate("\n".join(textwrap.wrap(f"{k}. {names[k]}", 22)), (1, (levels[k] + levels[k + 1]) / 2),
                    xycoords=ax.get_yaxis_transform(), xytext=(3.5, 0), textcoords="offset points", ha="left",
                    va="center_baseline", fontsize=7.5, annotation_clip=False)
    ax.plot(expected["period"], expected["trust"], color=PALETTE["black"], linewidth=2.2, label="expected path")
    run_text = ""
    if seed is not None:
        run = models.trust_path(transparency, misperception, periods=periods, start=start, build=build, shock=shock,
                                seed=seed)
        ax.plot(run["period"], run["trust"], color=PALETTE["blue"], linewidth=1.3, linestyle="--",
                label=f"one chance run (seed {seed})")
        bad = run[run["misread"]]
        ax.plot(bad["period"], bad["trust"], marker="x", color=PALETTE["vermillion"], markersize=7,
                markeredgewidth=1.8, linestyle="none", label="misreading (trust falls)")
        run_text = (f" One chance run (seed {seed}) has {plural(int(run['misread'].sum()), 'misreading')} and ends at "
                    f"{run['trust'].iloc[-1]:.2f}, stage {int(run['stage'].iloc[-1])}.")
    ax.set_xlim(0, periods)
    ax.set_ylim(0, 1)
    ax.set_xlabel(label("Period (for example, a year of meetings)", "时期"))
    ax.set_ylabel(label("Trust T (0 = none, 1 = complete)", "信任"))
    ax.set_title(f"Trust over time: transparency {transparency:.2f}, misperception {misperception:.2f}", fontsize=10)
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)
    if stage_map:
        _stage_map(axes[1], names, thresholds, transparency, misperception, build, shock)
    fig.suptitle(label(title, "信任模型"), fontsize=12)
    alt = (f"{title}. With transparency {transparency:.2f} and misperception {misperception:.2f}, the expected trust "
           f"rises from {start:.2f} and settles at {settle:.2f}, which is stage {settle_stage} "
           f"({names[settle_stage]}); the stage thresholds are at trust {', '.join(f'{t:g}' for t in thresholds)}."
           + run_text)
    if stage_map:
        alt += (" A second panel maps the stage where trust settles for every transparency (0 to 1) and "
                "misperception (0 to 0.5): more transparency and less misperception reach higher stages.")
    return finish(fig, alt)


@functools.lru_cache(maxsize=32)
def _stage_limits(thresholds: tuple, build: float, shock: float, top: float):
    """The transparencies 0, 0.01, ..., 1 and, for each stage boundary k, the highest
    misperception at which trust still reaches threshold k there (k = 0: no limit). It does not
    depend on the learner's setting, so a widget's redraws share it."""
    xs = [i / 100 for i in range(101)]
    limits = [[top] * len(xs)] + [[min(top, models.misperception_limit(t, x, build=build, shock=shock)) for x in xs]
                                  for t in thresholds] + [[0.0] * len(xs)]
    return xs, limits


def _stage_map(ax, names, thresholds, transparency, misperception, build, shock, top: float = 0.5) -> None:
    """Regions of (transparency, misperception) by the stage where trust settles."""
    xs, limits = _stage_limits(tuple(thresholds), build, shock, top)
    for k in range(len(thresholds) + 1):
        upper, lower = limits[k], limits[k + 1]
        ax.fill_between(xs, lower, upper, color=_STAGE_FILLS[k % len(_STAGE_FILLS)], alpha=0.35, linewidth=0)
        # label the region where it is tallest (away from the edges), if there is room
        inside = [j for j, x in enumerate(xs) if 0.08 <= x <= 0.92]
        heights = [upper[j] - lower[j] for j in range(len(xs))]
        i = max(inside, key=lambda j: (round(heights[j], 3), -abs(xs[j] - 0.75)))
        if heights[i] > 0.03:
            ax.text(xs[i], (upper[i] + lower[i]) / 2, f"stage {k}", ha="center", va="center", fontsize=8.5,
                    fontweight="bold", color="#222222")
    for k in range(1, len(thresholds) + 1):
        ax.plot(xs, limits[k], color=PALETTE["black"], linewidth=0.8, alpha=0.6)
    star = models.trust_equilibrium(transparency, misperception, build=build, shock=shock)
    ax.plot([transparency], [misperception], marker="*", markersize=17, color=PALETTE["black"],
            markerfacecolor="white", linestyle="none", zorder=5)
    where = "your setting" if star is None else f"your setting:\ntrust settles at {star:.2f}"
    right = transparency > 0.45
    ax.annotate(where, (transparency, misperception), xytext=(-10 if right else 10, 10), textcoords="offset points",
                ha="right" if right else "left", fontsize=8,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "#888888", "alpha": 0.9})
    ax.set_xlim(0, 1)
    ax.set_ylim(0, top)
    ax.set_xlabel(label("Transparency (what CSBMs make visible)", "透明度"))
    ax.set_ylabel(label("Misperception (chance of a misreading)", "错误知觉"))
    ax.set_title("Where trust settles: the stage for each setting", fontsize=10)
