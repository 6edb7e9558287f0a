"""Charts of a concept's origins: when it was stated, with the sources' disagreements beside it.

:func:`origin_events` picks the events in which a concept was stated (speeches, proposals,
documents, publications about it); :func:`origins_timeline` draws them one row each, in date
order, and writes beside each row where the sources disagree about that event (from
``discrepancies.csv``), so the reader sees the claim and the dispute on the same line.
"""

from __future__ import annotations

import re
import textwrap

import matplotlib.dates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .base import COLOURS, PALETTE, cjk_font, finish, label, plural, short

__all__ = ["STATEMENT_KINDS", "origin_events", "origins_timeline"]

#: The kinds of event in which a concept is stated, as opposed to put into practice
#: (agreements, institutions) or merely met (incidents, meetings).
STATEMENT_KINDS = ("speech", "proposal", "document", "publication")

_MARKERS = {"day": "o", "month": "D", "year": "s"}
_PRECISION = {"day": "exact day", "month": "month known", "year": "year known"}


def origin_events(events, concept_id: str = "new_security_concept", kinds=STATEMENT_KINDS,
                  years: tuple[int, int] | None = None):
    """The events about ``concept_id`` (in their ``concept_ids``) whose kind is one of ``kinds``,
    within ``years`` (both ends included) if given, in date order."""
    keep = events["concept_ids"].map(lambda ids: concept_id in ids) & events["kind"].isin(list(kinds))
    if years is not None:
        year = events["date_start"].dt.year
        keep &= (year >= years[0]) & (year <= years[1])
    return events[keep].sort_values(["date_start", "event_id"])


_CJK_RUN = re.compile(r"\s*[(（]?[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+[)）]?")


def drawable(text: str) -> str:
    """``text`` as a chart can draw it: unchanged with a CJK font, else without its Chinese
    (a free text from the dataset may hold Chinese that :func:`label` cannot keep apart)."""
    if cjk_font():
        return text
    return re.sub(r"\s{2,}", " ", _CJK_RUN.sub("", text)).strip()


def _who(source_id: str, sources) -> str:
    """A source as a reader knows it: the kind of document and its id (the sources table)."""
    if sources is None:
        return source_id
    row = sources[sources["source_id"] == source_id]
    if row.empty:
        return source_id
    row = row.iloc[0]
    if row["kind"] == "source document":
        return f"{row['doc_type']} ({source_id})"
    return f"the record ({source_id})"


def disagreement_lines(discrepancies, event_id: str, sources=None) -> list[str]:
    """One line per discrepancy about ``event_id``: its topic and the two sides, with its id."""
    if discrepancies is None or "event_id" not in discrepancies:
        return []
    rows = discrepancies[discrepancies["event_id"] == event_id]
    return [drawable(f"{r.topic}: {_who(r.source_a, sources)} vs {_who(r.source_b, sources)} [{r.discrepancy_id}]")
            for r in rows.itertuples()]


def origins_timeline(events, discrepancies=None, sources=None, *,
                     title: str = "How the New Security Concept was put forward",
                     zh_title: str = "新安全观的提出", width: float = 10.5) -> Figure:
    """A timeline of ``events`` (one row each, in date order) with a panel beside it naming, on
    the same row, each disagreement of ``discrepancies`` about that event.

    The marker's shape shows the precision of the date (square: year, diamond: month, circle:
    day), its colour the kind of event, and a ring that the sources disagree about the event.
    ``sources`` (the sources table, optional) names the two sides by the kind of document.
    """
    import pandas as pd

    ev = events.sort_values(["date_start", "event_id"]).reset_index(drop=True)
    n = len(ev)
    fig = Figure(figsize=(width, 2.3 + 0.62 * max(n, 1)), layout="constrained")
    heading = label(title, zh_title)
    if n == 0:
        ax = fig.add_subplot()
        ax.set_title(heading)
        ax.set_ylabel("Event")
        ax.text(0.5, 0.5, "No events to show", ha="center", va="center", transform=ax.transAxes)
        ax.set_xlabel("Year")
        ax.set_yticks([])
        return finish(fig, f"{title}: no events to show.")
    grid = fig.add_gridspec(1, 2, width_ratios=[0.9, 1.0])
    ax = fig.add_subplot(grid[0, 0])
    side = fig.add_subplot(grid[0, 1], sharey=ax)

    kinds = list(dict.fromkeys(sorted(ev["kind"].astype(str))))
    colour = {k: COLOURS[i % len(COLOURS)] for i, k in enumerate(kinds)}
    y = list(range(n))[::-1]
    notes = {r.event_id: disagreement_lines(discrepancies, r.event_id, sources) for r in ev.itertuples()}
    for yi in y[::2]:  # faint bands so that a row reads across both panels
        for a in (ax, side):
            a.axhspan(yi - 0.5, yi + 0.5, color="#f2f2f2", zorder=0, linewidth=0)
    for yi, r in zip(y, ev.itertuples()):
        start, c = r.date_start, colour[str(r.kind)]
        if r.date_precision != "day":
            end = start + (pd.DateOffset(years=1) if r.date_precision == "year" else pd.DateOffset(months=1))
            ax.plot([start, end], [yi, yi], color=c, linewidth=4, alpha=0.6, solid_capstyle="butt")
        ax.plot([start], [yi], marker=_MARKERS[r.date_precision], color=c, markersize=8,
                markeredgecolor="black", markeredgewidth=0.6, linestyle="none")
        if notes[r.event_id]:
            ax.plot([start], [yi], marker="o", markersize=16, markerfacecolor="none", linestyle="none",
                    color=PALETTE["vermillion"], markeredgecolor=PALETTE["vermillion"], markeredgewidth=1.6)
            text = "\n".join(textwrap.fill(line, 56, subsequent_indent="   ") for line in notes[r.event_id])
            side.text(0.03, yi, text, ha="left", va="center", fontsize=8, linespacing=1.15,
                      transform=side.get_yaxis_transform())
    ticks = [f"({r.date}) " + "\n".join(textwrap.wrap(short(drawable(r.title_en), 130), 42))
             for r in ev.itertuples()]
    ticks = [label(t, getattr(r, "title_zh", None), "\n") for t, r in zip(ticks, ev.itertuples())]
    ax.set_yticks(y, ticks, fontsize=8.5, linespacing=1.1)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.5, n - 0.5)
    lo, hi = ev["date_start"].min(), ev["date_start"].max()
    ax.set_xlim(lo - pd.Timedelta(days=240), hi + pd.Timedelta(days=600))
    locator = matplotlib.dates.AutoDateLocator(maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    ax.set_xlabel(label("Date (the precision the sources give)", "日期"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    fig.suptitle(heading)
    side.set_xlim(0, 1)
    side.set_xticks([])
    side.tick_params(axis="y", left=False, labelleft=False)
    for s in ("top", "right", "bottom"):
        side.spines[s].set_visible(False)
    side.set_xlabel("From discrepancies.csv (full claims in the table below)", fontsize=9, loc="right")
    side.set_title(label("Where the sources disagree", "分歧"), loc="left", fontsize=10)
    handles = [Patch(color=colour[k], label=k) for k in kinds]
    handles += [Line2D([], [], marker=m, color="grey", linestyle="none", label=_PRECISION[p])
                for p, m in _MARKERS.items() if p in set(ev["date_precision"])]
    disputed = [r for r in ev.itertuples() if notes[r.event_id]]
    if disputed:
        handles.append(Line2D([], [], marker="o", markersize=11, markerfacecolor="none", linestyle="none",
                              color=PALETTE["vermillion"], markeredgecolor=PALETTE["vermillion"],
                              markeredgewidth=1.6, label="sources disagree"))
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), fontsize=8, frameon=False,
               handletextpad=0.4, columnspacing=1.2)
    first, last = ev.iloc[0], ev.iloc[-1]
    alt = (f"{title}: {plural(n, 'event')} from {first['date']} ({short(first['title_en'], 60)}) to "
           f"{last['date']} ({short(last['title_en'], 60)}), one row each in date order.")
    if disputed:
        parts = [f"{r.date} {short(r.title_en, 40)}: " + "; ".join(line.split(" [")[0] for line in notes[r.event_id])
                 for r in disputed]
        alt += (f" {plural(len(disputed), 'event is', 'events are')} ringed, with the disagreement named beside "
                f"{'it' if len(disputed) == 1 else 'them'}: " + " | ".join(parts) + ".")
    return finish(fig, alt)
