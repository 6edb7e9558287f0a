"""Charts of the iterated prisoner's dilemma (the teaching model in :mod:`secnb.models.dilemma`)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .base import PALETTE, finish, plural

__all__ = ["dilemma_noise", "dilemma_rounds", "dilemma_shadow"]

_MOVE_STYLE = {  # colour and shape both tell the move
    "C": {"marker": "o", "color": PALETTE["bluish green"], "label": "cooperates (C)"},
    "D": {"marker": "X", "color": PALETTE["vermillion"], "label": "defects (D)"},
}
_PAIR_STYLES = [  # colour, marker and line style for the lines of a chart
    (PALETTE["blue"], "o", "-"), (PALETTE["bluish green"], "s", "--"), (PALETTE["orange"], "^", "-."),
    (PALETTE["vermillion"], "X", ":"), (PALETTE["reddish purple"], "D", "-"), (PALETTE["sky blue"], "v", "--"),
]


def _name(strategy: str) -> str:
    from ..models.dilemma import STRATEGY_NAMES

    return STRATEGY_NAMES.get(strategy, strategy.replace("_", " "))


def _runs(x) -> list[tuple[float, float]]:
    """Consecutive rounds merged into (start, width) spans, each round 1 wide and centred."""
    spans: list[list[float]] = []
    for r in x:
        if spans and spans[-1][0] + spans[-1][1] == r - 0.5:
            spans[-1][1] += 1.0
        else:
            spans.append([r - 0.5, 1.0])
    return [(a, w) for a, w in spans]


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def dilemma_rounds(game, *, title: str | None = None) -> Figure:
    """One game, round by round: the two players' moves (a circle for C, a cross for D; a small
    triangle where a player misread the other's move) above the points each has scored so far.

    ``game`` is a frame made by :func:`secnb.models.play_dilemma` (its ``attrs`` name the
    strategies and the parameters)."""
    meta = game.attrs
    a, b = meta.get("strategy_a", "A"), meta.get("strategy_b", "B")
    n = len(game)
    rounds = game["round"].to_numpy()
    coop_a, coop_b = (game["move_a"] == "C").mean(), (game["move_b"] == "C").mean()
    rate = (coop_a + coop_b) / 2
    both = float(((game["move_a"] == "C") & (game["move_b"] == "C")).mean())
    mis_a = game["seen_a"] != game["move_b"]  # A misread B's move
    mis_b = game["seen_b"] != game["move_a"]
    n_mis = int(mis_a.sum() + mis_b.sum())
    total_a, total_b = float(game["payoff_a"].sum()), float(game["payoff_b"].sum())
    reward = meta.get("payoffs", (5, 3, 1, 0))[1]
    heading = title or (f"{_name(a).capitalize()} (A) against {_name(b)} (B): "
                        f"{_pct(rate)} of moves cooperative")

    fig = Figure(figsize=(10, 5.2), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1, 1.7])
    dense = n > 60  # too many rounds for markers: a bar above the row for C, below it for D
    size = max(3.0, min(9.0, 420 / max(n, 1)))
    for y, column in ((1, "move_a"), (0, "move_b")):
        for move, style in _MOVE_STYLE.items():
            x = rounds[(game[column] == move).to_numpy()]
            if not len(x):
                continue
            if dense:
                top.broken_barh(_runs(x), (y if move == "C" else y - 0.3, 0.3), color=style["color"], linewidth=0)
            else:
                top.plot(x, [y] * len(x), linestyle="none", marker=style["marker"], color=style["color"],
                         markersize=size, markeredgecolor="black", markeredgewidth=0.4)
        top.axhline(y, color="#999999", linewidth=0.6, zorder=0)
    for y, mask in ((1.42, mis_a), (-0.42, mis_b)):  # above A's row, below B's
        x = rounds[mask.to_numpy()]
        if len(x):
            top.plot(x, [y] * len(x), linestyle="none", marker="v" if y > 0.5 else "^", color="black",
                     markersize=5)
    top.set_yticks([1, 0], [f"A: {_name(a)}", f"B: {_name(b)}"])
    top.set_ylim(-0.62, 1.62)
    top.set_title(heading, loc="left", fontsize=11)
    top.set_ylabel("Move")
    if dense:
        handles = [Patch(color=_MOVE_STYLE["C"]["color"], label="cooperates (C): bar above the line"),
                   Patch(color=_MOVE_STYLE["D"]["color"], label="defects (D): bar below the line")]
    else:
        handles = [Line2D([], [], linestyle="none", marker=s["marker"], color=s["color"], markeredgecolor="black",
                          markeredgewidth=0.4, markersize=8, label=s["label"]) for s in _MOVE_STYLE.values()]
    handles.append(Line2D([], [], linestyle="none", marker="v", color="black", markersize=5,
                          label="misread the other's move\n(▼ over A, ▲ under B)"))
    top.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5, frameon=False)
    for side in ("top", "right"):
        top.spines[side].set_visible(False)

    bottom.plot(rounds, game["payoff_a"].cumsum(), color=PALETTE["blue"], linestyle="-", marker="o",
                markersize=3 if n > 60 else 4, markevery=max(1, n // 25), label=f"A ({_name(a)}): {total_a:g} points")
    bottom.plot(rounds, game["payoff_b"].cumsum(), color=PALETTE["orange"], linestyle="--", marker="s",
                markersize=3 if n > 60 else 4, markevery=max(1, n // 25), label=f"B ({_name(b)}): {total_b:g} points")
    bottom.plot(rounds, reward * rounds, color="#999999", linestyle=":", linewidth=1.5,
                label=f"if both always cooperated: {reward:g} a round")
    bottom.set_xlabel("Round")
    bottom.set_ylabel("Points so far")
    bottom.set_xlim(0.3, n + 0.7)
    bottom.set_ylim(bottom=0)
    bottom.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5, frameon=False)
    bottom.grid(color="#e5e5e5", linewidth=0.8)
    bottom.set_axisbelow(True)
    for side in ("top", "right"):
        bottom.spines[side].set_visible(False)
    params = (f"{plural(n, 'round')}, misperception {meta.get('noise', 0):g}, seed {meta.get('seed', 0)}"
              + (f", generosity {meta.get('generosity', 0):g}" if "generous_tit_for_tat" in (a, b) else ""))
    fig.suptitle(f"Iterated prisoner's dilemma (a teaching model): {params}", fontsize=9, color="#444444",
                 x=0.01, ha="left")
    alt = (f"{heading}. A game of {params}. A cooperated in {_pct(coop_a)} of rounds and B in {_pct(coop_b)}; "
           f"both cooperated in {_pct(both)}. {plural(n_mis, 'misperception')} in all. "
           f"Points: A {total_a:g}, B {total_b:g}, against {reward * n:g} each if both had always cooperated.")
    return finish(fig, alt)


def dilemma_noise(sweep, *, title: str = "When does trust survive misperception?") -> Figure:
    """Cooperation against misperception: one line per pair of strategies, from a frame made by
    :func:`secnb.models.noise_sweep`."""
    fig = Figure(figsize=(9, 4.6), layout="constrained")
    ax = fig.add_subplot()
    pairs = list(dict.fromkeys(zip(sweep["strategy_a"], sweep["strategy_b"])))
    parts = []
    for i, (a, b) in enumerate(pairs):
        colour, marker, style = _PAIR_STYLES[i % len(_PAIR_STYLES)]
        rows = sweep[(sweep["strategy_a"] == a) & (sweep["strategy_b"] == b)].sort_values("noise")
        name = _name(a) if a == b else f"{_name(a)} vs {_name(b)}"
        name = f"{name} (both)" if a == b else name
        ax.plot(rows["noise"], 100 * rows["cooperation_rate"], color=colour, marker=marker, linestyle=style,
                markersize=6, linewidth=1.8, label=name)
        first, last = rows.iloc[0], rows.iloc[-1]
        parts.append(f"{name}: {_pct(first['cooperation_rate'])} at misperception {first['noise']:g}, "
                     f"{_pct(last['cooperation_rate'])} at {last['noise']:g}")
    ax.set_xlabel("Misperception: chance that a player misreads the other's move in a round")
    ax.set_ylabel("Moves that are cooperative (%)")
    ax.set_ylim(-3, 103)
    ax.set_title(title)
    ax.grid(color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(title="Pair of strategies", loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9,
              title_fontsize=9, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    games = int(sweep["games"].iloc[0]) if len(sweep) else 0
    rounds = sweep.attrs.get("rounds")
    note = f"Each point: the average of {plural(games, 'game')}" + (f" of {rounds} rounds" if rounds else "")
    if "generous_tit_for_tat" in set(sweep["strategy_a"]) | set(sweep["strategy_b"]):
        note += f"; generosity {sweep.attrs.get('generosity', 0.1):g}"
    ax.text(0.0, -0.2, note + ". A teaching model, not a measurement.", transform=ax.transAxes, fontsize=8.5,
            color="#444444", va="top")
    return finish(fig, f"{title} Line chart of the share of cooperative moves against misperception. "
                       + "; ".join(parts) + f". {note}.")


def dilemma_shadow(shadow, *, title: str = "The shadow of the future: does exploiting a reciprocator pay?") -> Figure:
    """Average points per round that each challenger scores against the partner, by the length of
    the game, from a frame made by :func:`secnb.models.shadow_of_future`; the rounds where
    defecting pays more are shaded."""
    partner = shadow.attrs.get("partner", "tit_for_tat")
    fig = Figure(figsize=(9, 4.4), layout="constrained")
    ax = fig.add_subplot()
    who = list(dict.fromkeys(shadow["strategy"]))
    styles = {"always_defect": (PALETTE["vermillion"], "X", "--"), "tit_for_tat": (PALETTE["bluish green"], "o", "-")}
    for i, s in enumerate(who):
        colour, marker, style = styles.get(s, _PAIR_STYLES[i % len(_PAIR_STYLES)])
        rows = shadow[shadow["strategy"] == s]
        ax.plot(rows["rounds"], rows["per_round"], color=colour, marker=marker, linestyle=style, markersize=6,
                linewidth=1.8, label=f"A plays {_name(s)}")
    wide = shadow.pivot(index="rounds", columns="strategy", values="per_round")
    max_rounds = int(shadow["rounds"].max())
    parts = []
    if {"always_defect", "tit_for_tat"} <= set(who):
        pays = wide.index[wide["always_defect"] > wide["tit_for_tat"]]
        ties = wide.index[wide["always_defect"] == wide["tit_for_tat"]]
        better = wide.index[wide["always_defect"] < wide["tit_for_tat"]]
        if len(pays):
            last_pays = int(pays.max())
            ax.axvspan(0.5, last_pays + 0.5, color=PALETTE["vermillion"], alpha=0.12, linewidth=0)
            ax.annotate(f"{'a single round' if last_pays == 1 else f'up to {last_pays} rounds'}: "
                        "defecting pays more", (last_pays, wide.loc[last_pays, "always_defect"]),
                        xytext=(last_pays + 1.2, 4.9), fontsize=9, va="center",
                        arrowprops={"arrowstyle": "->", "color": "black"})
        if len(better):
            first = int(better.min())
            ax.annotate(f"from {first} rounds on,\nreciprocity pays more", (first, wide.loc[first, "tit_for_tat"]),
                        xytext=(first + 2.5, 3.9), fontsize=9, arrowprops={"arrowstyle": "->", "color": "black"})
            parts.append(f"always defect earns more only in games of at most {plural(int(pays.max()) if len(pays) else 0, 'round')}"
                         + (f", the same at {', '.join(str(t) for t in ties)} rounds" if len(ties) else "")
                         + f", and tit-for-tat earns more from {first} rounds on")
        last = wide.loc[max_rounds]
        parts.append(f"at {max_rounds} rounds always defect averages {last['always_defect']:.2f} points a round "
                     f"and tit-for-tat {last['tit_for_tat']:.2f}")
    ax.set_xlabel("Number of rounds in the game (the model's shadow of the future)")
    ax.set_ylabel(f"Points per round for A\n(B plays {_name(partner)})")
    ax.set_xlim(0.5, max_rounds + 0.5)
    ax.set_ylim(0, 5.5)
    ax.set_xticks(range(1, max_rounds + 1, 1 if max_rounds <= 20 else 5))
    ax.set_title(title)
    ax.grid(color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(loc="upper right", fontsize=9, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return finish(fig, f"{title} Points per round for player A against a {_name(partner)} partner, for games of "
                       f"1 to {max_rounds} rounds without misperception: " + "; ".join(parts) + ".")
