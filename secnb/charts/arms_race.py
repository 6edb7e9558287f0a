"""Charts of the Richardson arms-race model (notebook 02): arms over time with the reaction
lines, and how transparency decides whether the arms settle.

Both take the DataFrames that :mod:`secnb.models.arms_race` returns; the coefficients come
from the frame's ``attrs["richardson"]`` unless ``params`` is given.
"""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..models.arms_race import critical_transparency, richardson_equilibrium, richardson_stable
from .base import PALETTE, finish, label

__all__ = ["arms_race_chart", "transparency_chart"]

X_STYLE = {"color": PALETTE["blue"], "linestyle": "-", "marker": "o"}
Y_STYLE = {"color": PALETTE["vermillion"], "linestyle": "--", "marker": "s"}


def _num(value: float, digits: int = 2) -> str:
    """A number for a label: 0.3 -> '0.3', 5.0 -> '5', 1.25 -> '1.25'."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _params(frame, params) -> dict:
    p = dict(params if params is not None else frame.attrs.get("richardson", {}))
    missing = [n for n in ("k", "l", "a", "b", "g", "h") if n not in p]
    if missing:
        raise ValueError(f"give the coefficients {', '.join(missing)} (params=...) or use a frame from secnb.models")
    p.setdefault("transparency", 0.0)
    return p


def _coefficients_line(p: dict) -> str:
    tau = p.get("transparency", 0.0)
    line = (f"reaction k = {_num(p['k'])}, l = {_num(p['l'])}; fatigue a = {_num(p['a'])}, b = {_num(p['b'])}; "
            f"grievance g = {_num(p['g'])}, h = {_num(p['h'])}")
    if tau:
        line += (f"; transparency {_pct(tau)} (perceived reactions k' = {_num(p['k'] * (1 - tau), 3)}, "
                 f"l' = {_num(p['l'] * (1 - tau), 3)})")
    return line


def _arrow_at(xs, ys, low, high, share=0.4):
    """Two points of the path (tail, head) to draw its direction at ``share`` of the length it
    covers inside the chart, or None if it hardly moves there."""
    inside = [i for i in range(len(xs)) if low <= xs[i] <= high and low <= ys[i] <= high]
    if len(inside) < 3:
        return None
    steps = [math.hypot(xs[j] - xs[i], ys[j] - ys[i]) for i, j in zip(inside, inside[1:])]
    total = sum(steps)
    if total < 0.02 * (high - low):
        return None
    run = 0.0
    for n, d in enumerate(steps):
        run += d
        if run >= share * total:
            head = inside[n + 1]
            tail = max(inside[0], head - 1)
            if (xs[head], ys[head]) == (xs[tail], ys[tail]):
                return None
            return (xs[tail], ys[tail]), (xs[head], ys[head])
    return None


def arms_race_chart(path, params: dict | None = None, *, title: str | None = None, top: float = 100.0) -> Figure:
    """Left: the arms of X and Y over the years. Right: the same path in the plane of the two
    arms levels, with each side's reaction line (where its arms stop changing); the lines cross
    at the equilibrium. Arms above ``top`` run off the chart and the chart says when."""
    p = _params(path, params)
    k, l, a, b, g, h, tau = (p[n] for n in ("k", "l", "a", "b", "g", "h", "transparency"))
    kp, lp = k * (1 - tau), l * (1 - tau)
    stable = richardson_stable(k, l, a, b, tau)
    eq = richardson_equilibrium(k, l, a, b, g, h, tau)
    t, xs, ys = path["t"].to_numpy(), path["x"].to_numpy(), path["y"].to_numpy()
    finite = [v for v in (*xs, *ys) if math.isfinite(v)]
    ref = max([*finite, 1.0] + ([eq[0], eq[1]] if stable and eq else []))
    high = min(top, 1.15 * ref)
    low = max(-top, min(0.0, 1.15 * min(finite + [0.0])))
    over = [(ti, max(xi, yi)) for ti, xi, yi in zip(t, xs, ys) if max(xi, yi) > high]
    years = t[-1]

    if stable:
        verdict = (f"arms settle, X at {eq[0]:.1f} and Y at {eq[1]:.1f}" if not math.isclose(eq[0], eq[1])
                   else f"arms settle, both at {eq[0]:.1f}")
        rule = f"a·b = {_num(a * b, 3)} > k'·l' = {_num(kp * lp, 3)}"
    elif eq is None:
        verdict, rule = "arms have no resting point", f"a·b = k'·l' = {_num(a * b, 3)}"
    else:
        verdict = "arms run away"
        rule = f"a·b = {_num(a * b, 3)} < k'·l' = {_num(kp * lp, 3)}"
    heading = title or label("Richardson arms race", "军备竞赛")
    fig = Figure(figsize=(10.5, 5.2), layout="constrained")
    fig.suptitle(f"{heading}. The {verdict} ({rule})\n{_coefficients_line(p)}", fontsize=10.5)
    left, right = fig.subplots(1, 2)

    every = max(1, len(t) // 10)
    left.plot(t, xs, label="X's arms", markevery=every, markersize=5, linewidth=2, **X_STYLE)
    left.plot(t, ys, label="Y's arms", markevery=(every // 2, every), markersize=5, linewidth=2, **Y_STYLE)
    if stable and low <= min(eq) and max(eq) <= high:
        left.axhline(eq[0], color=PALETTE["black"], linestyle=":", linewidth=1, label="where the arms settle")
        if not math.isclose(eq[0], eq[1]):
            left.axhline(eq[1], color=PALETTE["black"], linestyle=":", linewidth=1)
    if over:
        first = over[0][0]
        left.annotate(f"↑ off the chart\nafter year {first:.0f}", (first, high), xytext=(8, -6),
                      textcoords="offset points", ha="left", va="top", fontsize=9)
    left.set_xlim(0, years)
    left.set_ylim(low, high)
    left.set_xlabel("Year")
    left.set_ylabel("Arms level (arbitrary units)")
    left.set_title("Arms over time", fontsize=10)
    left.grid(color="#e5e5e5", linewidth=0.8)
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3, fontsize=8.5, frameon=False)

    span = [low, high]
    if a > 0:  # X's reaction line: dx/dt = 0, x = (k' y + g) / a
        right.plot([(kp * v + g) / a for v in span], span, color=X_STYLE["color"], linestyle="-", linewidth=2,
                   label="X's reaction line (X's arms stop changing)")
    if b > 0:  # Y's reaction line: dy/dt = 0, y = (l' x + h) / b
        right.plot(span, [(lp * v + h) / b for v in span], color=Y_STYLE["color"], linestyle="--", linewidth=2,
                   label="Y's reaction line (Y's arms stop changing)")
    right.plot(xs, ys, color=PALETTE["black"], linewidth=1.4, label="the path of both arms")
    right.plot([xs[0]], [ys[0]], marker="o", markersize=6, markerfacecolor="white", color=PALETTE["black"],
               linestyle="none", label="start")
    arrow = _arrow_at(xs, ys, low, high)
    if arrow:
        right.annotate("", arrow[1], arrow[0], arrowprops={"arrowstyle": "-|>", "color": PALETTE["black"], "lw": 1.4,
                                                        "mutation_scale": 18})
    if eq is not None and low <= eq[0] <= high and low <= eq[1] <= high:
        right.plot([eq[0]], [eq[1]], marker="*" if stable else "X", markersize=13, color=PALETTE["black"],
                   markerfacecolor=PALETTE["yellow"] if stable else "white", linestyle="none",
                   label="equilibrium (the arms settle here)" if stable else "equilibrium (unstable: arms move away)")
    right.set_xlim(low, high)
    right.set_ylim(low, high)
    right.set_xlabel("X's arms")
    right.set_ylabel("Y's arms")
    right.set_title("Reaction lines: the crossing is the equilibrium", fontsize=10)
    right.grid(color="#e5e5e5", linewidth=0.8)
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=8.5, frameon=False)

    end = f"after {years:.0f} years X has {xs[-1]:.1f} and Y {ys[-1]:.1f}" if math.isfinite(xs[-1] + ys[-1]) \
        else f"after {years:.0f} years the arms have grown without limit"
    alt = (f"Richardson arms race with {_coefficients_line(p)}, starting from X {p.get('x0', xs[0]):g} and "
           f"Y {p.get('y0', ys[0]):g}: the {verdict}, because {rule}. {end[0].upper()}{end[1:]}.")
    if over:
        alt += f" The arms run off the chart (above {high:.0f}) after year {over[0][0]:.0f}."
    alt += " Right: the path between the two reaction lines" + (", ending at their crossing." if stable else ".")
    return finish(fig, alt)


def _pct(value: float) -> str:
    """A transparency for a label, to a tenth of a percent: 0.5 -> '50%', 0.475 -> '47.5%'."""
    return f"{_num(100 * value, 1)}%"


def _settles_at(p: dict, tau: float) -> str:
    """'at 47.5% X settles at 11.8 and Y at 11.8': the equilibrium computed at the transparency the
    text states (the stated percentage, not a nearby value of the sweep; issue 15's fact review)."""
    stated = round(100 * tau, 1) / 100
    where = _pct(stated)
    if not richardson_stable(p["k"], p["l"], p["a"], p["b"], stated):  # rounding crossed the edge: state it all
        stated, where = tau, f"{100 * tau:g}%"
    x, y = richardson_equilibrium(p["k"], p["l"], p["a"], p["b"], p["g"], p["h"], stated)
    return f"at {where} X settles at {x:.1f} and Y at {y:.1f}"


def transparency_chart(sweep, params: dict | None = None, *, title: str | None = None, top: float = 100.0) -> Figure:
    """Where the arms settle as transparency grows (a frame from ``models.transparency_sweep``):
    below the critical transparency they run away (hatched), above it they settle, lower the
    more transparent the two sides are."""
    p = _params(sweep, params)
    k, l, a, b = p["k"], p["l"], p["a"], p["b"]
    critical = critical_transparency(k, l, a, b)
    taus = sweep["transparency"].to_numpy()
    xe, ye = sweep["x_eq"].to_numpy(), sweep["y_eq"].to_numpy()
    finite = [v for v in (*xe, *ye) if math.isfinite(v)]
    high = min(top, 1.15 * max(finite + [1.0]))
    fig = Figure(figsize=(9, 4.6), layout="constrained")
    ax = fig.add_subplot()
    pct = [100 * v for v in taus]
    if critical > 0:
        ax.axvspan(0, 100 * critical, facecolor="white", edgecolor="#999999", hatch="//", linewidth=0)
        ax.text(50 * min(critical, taus[-1]), high * 0.5, "arms run away:\nno level to settle at", ha="center",
                va="center", fontsize=9.5, bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
        ax.axvline(100 * critical, color=PALETTE["black"], linestyle=":", linewidth=1.2)
        ax.annotate(f"critical transparency {critical:.0%}", (100 * critical, high), xytext=(-5, -5),
                    textcoords="offset points", ha="right", va="top", fontsize=9,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
    same = all(math.isclose(x, y) for x, y in zip(xe, ye) if math.isfinite(x))
    ax.plot(pct, xe, label="X and Y (both settle at the same level)" if same else "X settles at",
            markevery=max(1, len(pct) // 12), markersize=5, linewidth=2, **X_STYLE)
    if not same:
        ax.plot(pct, ye, label="Y settles at", markevery=max(1, len(pct) // 12), markersize=5, linewidth=2, **Y_STYLE)
    ax.set_xlim(0, 100 * taus[-1])
    ax.set_ylim(0, high)
    ax.set_xlabel("Transparency: how much less threat each side perceives in the same arms (%)")
    ax.set_ylabel("Arms level where they settle")
    heading = title or label("Transparency and the arms race", "军备竞赛")
    ax.set_title(f"{heading}\n{_coefficients_line(p)}", fontsize=10.5)
    ax.grid(color="#e5e5e5", linewidth=0.8)
    handles = ax.get_legend_handles_labels()[0]
    if critical > 0:
        handles = [*handles, Patch(facecolor="white", edgecolor="#999999", hatch="//", label="arms run away"),
                   Line2D([], [], color=PALETTE["black"], linestyle=":", label="critical transparency")]
    ax.legend(handles=handles, loc="upper right", fontsize=8.5)
    stable = sweep[sweep["stable"]]
    if critical == 0:
        start = "The arms settle at every transparency"
    elif critical >= 1 or stable.empty:
        start = f"The arms run away at every transparency up to {taus[-1]:.0%}"
    else:
        start = (f"Below a critical transparency of {critical:.0%} the arms run away; above it they settle, "
                 f"very high just above it and lower the more transparent the two sides are")
    examples = [stable.iloc[i]["transparency"] for i in sorted({len(stable) // 4, len(stable) - 1})] \
        if not stable.empty else []
    said = "; ".join(_settles_at(p, tau) for tau in examples)
    alt = f"Transparency and the arms race, with {_coefficients_line(p)}. {start}" + (f" ({said})." if said else ".")
    return finish(fig, alt)
