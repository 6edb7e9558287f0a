"""Charts of events: the timeline."""

from __future__ import annotations

from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
import matplotlib.dates

from .base import COLOURS, PALETTE, finish, label, plural, short

__all__ = ["timeline"]

_PRECISION_MARKERS = {"day": "o", "month": "D", "year": "s"}
_PRECISION_NAMES = {"day": "exact day", "month": "month known", "year": "year known"}



def timeline(events, discrepancies=None, *, title: str = "Timeline of events", colour_by: str = "kind",
             width: float = 12.0, label_width: int = 56) -> Figure:
    """One row per event, in date order, at the date the sources give.

    ``events`` is the events table (or a filtered part of it). The marker's shape shows the
    precision the sources give (a square for a year, a diamond for a month, a circle for a
    day) and its colour the event's ``colour_by`` column. Events that a row of
    ``discrepancies`` concerns are marked with a ring: the sources disagree about them.
    """
    import pandas as pd

    ev = events.sort_values(["date_start", "event_id"]).reset_index(drop=True)
    n = len(ev)
    fig = Figure(figsize=(width, 2.2 + 0.27 * max(n, 1)), layout="constrained")
    ax = fig.add_subplot()
    heading = label(title, "时间线")
    if n == 0:
        ax.set_title(heading)
        ax.text(0.5, 0.5, "No events match the current filter", ha="center", va="center", transform=ax.transAxes)
        ax.set_xlabel("Year")
        ax.set_yticks([])
        return finish(fig, f"{title}: no events match the current filter.")
    groups = list(dict.fromkeys(sorted(ev[colour_by].astype(str))))
    colour = {g: COLOURS[i % len(COLOURS)] for i, g in enumerate(groups)}
    disputed = set()
    if discrepancies is not None and "event_id" in discrepancies:
        disputed = set(discrepancies["event_id"].dropna().astype(str))
    y = list(range(n))[::-1]
    # one artist per colour and marker, not per event: a timeline of all 53 events drew some 150
    # artists, and a widget redraws it on every move. Markers first, then the spans that show a
    # year's or a month's extent over them, then the rings, as when each event drew its own.
    ev["_y"] = y
    ev["_group"] = ev[colour_by].astype(str)
    for (precision, group), part in ev.groupby(["date_precision", "_group"], sort=False):
        ax.plot(part["date_start"].tolist(), part["_y"].tolist(), marker=_PRECISION_MARKERS[precision],
                color=colour[group], markersize=8, markeredgecolor="black", markeredgewidth=0.6, linestyle="none")
    spans = ev[ev["date_precision"] != "day"]
    for group, part in spans.groupby("_group", sort=False):
        starts = matplotlib.dates.date2num(part["date_start"])
        ends = matplotlib.dates.date2num([s + (pd.DateOffset(years=1) if p == "year" else pd.DateOffset(months=1))
                                          for s, p in zip(part["date_start"], part["date_precision"])])
        ax.add_collection(LineCollection([[(x0, yi), (x1, yi)] for x0, x1, yi in zip(starts, ends, part["_y"])],
                                         colors=colour[group], linewidths=3, alpha=0.6, capstyle="butt"),
                          autolim=False)
    ringed = ev[ev["event_id"].isin(disputed)]
    if len(ringed):
        ax.plot(ringed["date_start"].tolist(), ringed["_y"].tolist(), marker="o", markersize=15,
                markerfacecolor="none", color=PALETTE["vermillion"], markeredgecolor=PALETTE["vermillion"],
                markeredgewidth=1.6, linestyle="none")
    lo, hi = ev["date_start"].min(), ev["date_start"].max()
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=200))
    left, right = lo - pad, hi + pad + pd.Timedelta(days=366)
    ax.set_xlim(left, right)
    span = (right - left).total_seconds()
    plot_width_in = width * 0.9
    for yi, r in zip(y, ev.itertuples()):
        name = label(short(r.title_en, label_width), getattr(r, "title_zh", None), " · ")
        text = f"{name}  ({r.date})"
        # the label goes on the side where it fits (estimated from its characters: Chinese ones are
        # about twice as wide), else on the side with more room
        need = (sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) * 0.075 + 0.25) / plot_width_in
        room_right = (right - r.date_start).total_seconds() / span
        room_left = (r.date_start - left).total_seconds() / span
        before = room_right < need and room_left > room_right
        note = ax.annotate(text if before else f"({r.date})  {name}", (r.date_start, yi),
                           xytext=(-12 if before else 12, 0), textcoords="offset points",
                           ha="right" if before else "left", va="center", fontsize=8.5)
        note.set_in_layout(False)  # the labels sit inside the plot; they must not shrink it
    ax.set_yticks([])
    ax.set_ylim(-0.8, n - 0.2)
    locator = matplotlib.dates.AutoDateLocator(maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    ax.set_xlabel(label("Date (the precision the sources give)", "日期"))
    ax.set_title(heading)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    handles = [Patch(color=colour[g], label=g) for g in groups]
    handles += [Line2D([], [], marker=m, color="grey", linestyle="none", label=_PRECISION_NAMES[p])
                for p, m in _PRECISION_MARKERS.items() if p in set(ev["date_precision"])]
    n_disputed = int(ev["event_id"].isin(disputed).sum())
    if n_disputed:
        handles.append(Line2D([], [], marker="o", markersize=11, markerfacecolor="none", linestyle="none",
                              color=PALETTE["vermillion"],
                              markeredgecolor=PALETTE["vermillion"], markeredgewidth=1.6, label="sources disagree"))
    fig.legend(handles=handles, title=colour_by, loc="outside lower center", ncols=min(len(handles), 6), fontsize=8,
               title_fontsize=9, frameon=False)
    first, last = ev.iloc[0], ev.iloc[-1]
    alt = (f"{title}: {plural(n, 'event')} from {first['date']} ({short(first['title_en'], 60)}) to {last['date']} "
           f"({short(last['title_en'], 60)}), one row each in date order, coloured by {colour_by} "
           f"({', '.join(f'{g}: {int((ev[colour_by].astype(str) == g).sum())}' for g in groups)}).")
    if n_disputed:
        alt += f" {plural(n_disputed, 'of them is', 'of them are')} ringed because the sources disagree about {'it' if n_disputed == 1 else 'them'}."
    return finish(fig, alt)
