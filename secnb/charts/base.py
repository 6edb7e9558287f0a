"""The shared base of the course's charts: palette, fonts, alt text, display.

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

__all__ = ["COLOURS", "PALETTE", "alt_text", "cjk_font", "figure_html", "finish", "label", "plural", "short", "show", "text_of", "to_png", "to_svg"]

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
#: The order in which charts use them for categories; a ninth category gets a neutral grey
#: (told apart by lightness), and charts with more categories should group them.
COLOURS = list(PALETTE.values()) + ["#999999"]
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


def to_svg(fig: Figure) -> bytes:
    """The figure as SVG with its text kept as text (the browser draws it with its own fonts).

    Measured on the course's timeline: about 2.5 times faster to make than a PNG of the same
    figure (matplotlib rasterises text glyph by glyph) and about a tenth of its size. Ids and the
    date are fixed, so the same figure gives the same bytes.
    """
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "secnb"}):
        # a margin: the browser draws the text with its own fonts, which may run a little wider
        fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.3, metadata={"Date": None})
    return buf.getvalue()


def figure_html(fig: Figure, caption: str | None = None) -> str:
    """An HTML ``<figure>``: the chart as an inline SVG image with its alt text, and a caption."""
    data = base64.b64encode(to_svg(fig)).decode("ascii")
    alt = html.escape(alt_text(fig), quote=True)
    cap = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (f'<figure style="margin:0"><img src="data:image/svg+xml;base64,{data}" alt="{alt}" '
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


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 event', '3 events'."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def short(text: str, width: int) -> str:
    """The text on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def text_of(fig: Figure) -> Iterable[str]:
    """Every non-empty text drawn on the figure (for tests: titles, labels, annotations)."""
    for text in fig.findobj(matplotlib.text.Text):
        if text.get_text():
            yield text.get_text()
