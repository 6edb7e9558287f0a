"""Charts for the course: functions that take data and return a matplotlib Figure.

Every chart has a title, axis labels, colours from the Okabe-Ito palette (safe for the common
forms of colour blindness, and told apart by marker or position as well) and alt text
(:func:`alt_text`). Chinese labels stand beside English ones when a CJK font is installed
(Binder's ``apt.txt`` installs Noto Sans CJK); without one, charts are English only and
matplotlib warns about nothing.

Figures are made with ``matplotlib.figure.Figure`` directly, not through ``pyplot``: nothing
global changes and nothing is displayed twice. Show one in a notebook with :func:`show`, which
writes the image with its alt text and a caption.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import os
from typing import Iterable

import matplotlib
import matplotlib.dates
import matplotlib.text
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

__all__ = ["PALETTE", "alt_text", "cjk_font", "figure_html", "label", "show", "timeline", "to_png"]

#: Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable with the common
#: colour-vision deficiencies. Black comes last here so that it is used for text and accents.
PALETTE = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
COLOURS = list(PALETTE.values())
_CJK_CANDIDATES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                   "WenQuanYi Micro Hei", "Noto Sans CJK JP", "Noto Sans CJK TC")
_BASE_FONT = "DejaVu Sans"


@functools.lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The name of an installed font with Chinese glyphs, or None.

    Set the environment variable ``SECNB_NO_CJK=1`` to behave as if there were none.
    """
    if os.environ.get("SECNB_NO_CJK"):
        return None
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in _CJK_CANDIDATES if name in installed), None)


def label(en: str, zh: str | None = None, sep: str = " ") -> str:
    """English with the Chinese beside it when a CJK font can draw it, else English alone."""
    if isinstance(zh, str) and zh.strip() and cjk_font():
        return f"{en}{sep}{zh.strip()}"
    return en


def _fonts() -> list[str]:
    return [_BASE_FONT, cjk_font()] if cjk_font() else [_BASE_FONT]


def finish(fig: Figure, alt: str) -> Figure:
    """Give every text of ``fig`` the course fonts (with CJK fallback) and attach its alt text."""
    families = _fonts()
    for text in fig.findobj(matplotlib.text.Text):
        text.set_fontfamily(families)
    fig.secnb_alt_text = " ".join(alt.split())
    return fig


def alt_text(fig: Figure) -> str:
    """The alt text of a chart made by secnb (a sentence or two saying what it shows)."""
    return getattr(fig, "secnb_alt_text", "")


def to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (no timestamp, so the same figure gives the same bytes)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def figure_html(fig: Figure, caption: str | None = None, dpi: int = 100) -> str:
    """An HTML ``<figure>``: the PNG inline with its alt text, and a caption if given."""
    data = base64.b64encode(to_png(fig, dpi)).decode("ascii")
    alt = html.escape(alt_text(fig), quote=True)
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (f'<figure style="margin:0"><img src="data:image/png;base64,{data}" alt="{alt}" '
            f'style="max-width:100%;height:auto"/>{cap}</figure>')


class _Shown:
    """What :func:`show` displays: the figure as HTML, with the alt text as its plain-text form."""

    def __init__(self, fig: Figure, caption: str | None):
        self.fig, self.caption = fig, caption

    def _repr_html_(self) -> str:
        return figure_html(self.fig, self.caption)

    def __repr__(self) -> str:
        return f"[Chart] {alt_text(self.fig)}"


def show(fig: Figure, caption: str | None = None) -> None:
    """Display a chart in the notebook with its alt text (and an optional caption)."""
    from IPython.display import display

    display(_Shown(fig, caption))


# ---------------------------------------------------------------------------------------------
# Timeline

_PRECISION_MARKERS = {"day": "o", "month": "D", "year": "s"}
_PRECISION_NAMES = {"day": "exact day", "month": "month known", "year": "year known"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 event', '3 events'."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def timeline(events, discrepancies=None, *, title: str = "Timeline of events", colour_by: str = "kind",
             width: float = 10.0, label_width: int = 70) -> Figure:
    """One row per event, in date order, at the date the sources give.

    ``events`` is the events table (or a filtered part of it). The marker's shape shows the
    precision the sources give (a square for a year, a diamond for a month, a circle for a
    day) and its colour the event's ``colour_by`` column. Events that a row of
    ``discrepancies`` concerns are marked with a ring: the sources disagree about them.
    """
    import pandas as pd

    ev = events.sort_values(["date_start", "event_id"]).reset_index(drop=True)
    n = len(ev)
    fig = Figure(figsize=(width, 1.6 + 0.3 * max(n, 1)), layout="constrained")
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
    for yi, (_, row) in zip(y, ev.iterrows()):
        start = row["date_start"]
        precision = row["date_precision"]
        ax.plot([start], [yi], marker=_PRECISION_MARKERS[precision], color=colour[str(row[colour_by])],
                markersize=8, markeredgecolor="black", markeredgewidth=0.6, linestyle="none")
        if precision != "day":
            end = start + (pd.DateOffset(years=1) if precision == "year" else pd.DateOffset(months=1))
            ax.plot([start, end], [yi, yi], color=colour[str(row[colour_by])], linewidth=3, alpha=0.6,
                    solid_capstyle="butt")
        if row["event_id"] in disputed:
            ax.plot([start], [yi], marker="o", markersize=15, markerfacecolor="none", color=PALETTE["vermillion"],
                    markeredgecolor=PALETTE["vermillion"], markeredgewidth=1.6, linestyle="none")
    lo, hi = ev["date_start"].min(), ev["date_start"].max()
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=200))
    left, right = lo - pad, hi + pad + pd.Timedelta(days=366)
    ax.set_xlim(left, right)
    middle = left + (right - left) * 0.55
    for yi, r in zip(y, ev.itertuples()):
        name = label(_short(r.title_en, label_width), getattr(r, "title_zh", None), " · ")
        before = r.date_start > middle  # write the label on the side with more room
        ax.annotate(f"{name}  ({r.date})" if before else f"({r.date})  {name}", (r.date_start, yi),
                    xytext=(-12 if before else 12, 0), textcoords="offset points",
                    ha="right" if before else "left", va="center", fontsize=8.5)
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
    ax.legend(handles=handles, title=colour_by, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              title_fontsize=9, frameon=False)
    first, last = ev.iloc[0], ev.iloc[-1]
    alt = (f"{title}: {plural(n, 'event')} from {first['date']} ({_short(first['title_en'], 60)}) to {last['date']} "
           f"({_short(last['title_en'], 60)}), one row each in date order, coloured by {colour_by} "
           f"({', '.join(f'{g}: {int((ev[colour_by].astype(str) == g).sum())}' for g in groups)}).")
    if n_disputed:
        alt += f" {plural(n_disputed, 'of them is', 'of them are')} ringed because the sources disagree about {'it' if n_disputed == 1 else 'them'}."
    return finish(fig, alt)


def _iter_text(fig: Figure) -> Iterable[str]:
    for text in fig.findobj(matplotlib.text.Text):
        if text.get_text():
            yield text.get_text()
