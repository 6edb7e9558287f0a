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
from typing import Iterable, NamedTuple

import matplotlib
import matplotlib.axis
import matplotlib.dates
import matplotlib.transforms
import matplotlib.text
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import _svg

__all__ = ["COLOURS", "FrameLayout", "PALETTE", "alt_text", "cjk_font", "figure_html", "finish", "label", "plural", "short", "show", "text_of", "to_png", "to_svg"]

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
    for ax in fig.axes:  # tick labels, those made so far and those the axes make when drawn
        ax.tick_params(axis="both", which="both", labelfontfamily=families)
    for text in _texts(fig):
        text.set_fontfamily(families)
    fig.secnb_alt_text = " ".join(alt.split())
    return fig


def _texts(artist):
    """Every text under ``artist``, except tick labels: walking an axis's ticks would make it
    create all of them (a third of a widget's redraw); :func:`finish` sets their font with
    ``tick_params``."""
    if isinstance(artist, matplotlib.axis.Axis):
        yield artist.label
        yield artist.offsetText
        return
    if isinstance(artist, matplotlib.text.Text):
        yield artist
    for child in artist.get_children():
        yield from _texts(child)


def alt_text(fig: Figure) -> str:
    """The alt text of a chart made by secnb (a sentence or two saying what it shows)."""
    return getattr(fig, "secnb_alt_text", "")


def to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (no timestamp, so the same figure gives the same bytes)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


_SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "secnb"}
#: The margin around a chart: the browser draws the text with its own fonts, which may run a
#: little wider than matplotlib measured.
_PAD_INCHES = 0.3


def _write_svg(fig: Figure, bbox_inches, ink: "_svg.InkRecorder | None" = None) -> bytes:
    """The figure as SVG; with ``ink``, that recorder notes where each of its artists drew."""
    buf = io.BytesIO()
    fig.secnb_ink = ink
    try:
        with matplotlib.rc_context(_SVG_RC), _svg.unrepeated(fig):
            # the margin is added to a tight box; a box given (FrameLayout's) has it already
            fig.savefig(buf, format="svg", bbox_inches=bbox_inches, pad_inches=_PAD_INCHES, metadata={"Date": None},
                        backend=_svg.BACKEND)
    finally:
        del fig.secnb_ink
    return buf.getvalue()


def to_svg(fig: Figure) -> bytes:
    """The figure as SVG with its text kept as text (the browser draws it with its own fonts).

    Measured on the course's timeline: about 2.5 times faster to make than a PNG of the same
    figure (matplotlib rasterises text glyph by glyph) and about a tenth of its size. Ids and the
    date are fixed, so the same figure gives the same bytes. Written through :mod:`._svg`,
    matplotlib's SVG backend with its text measurements kept between figures (the same bytes,
    in about 60% of the time).
    """
    return _write_svg(fig, "tight")


class _Reference(NamedTuple):
    """The layout of the last frame laid out in full, for the frames after it to reuse."""

    structure: tuple  # figure size, dpi, number of axes: a frame must match it to reuse the layout
    positions: list | None  # the axes positions constrained layout chose (None: the chart places its axes)
    text_positions: list  # where the layout put the figure's texts (the suptitle and its kin)
    boxes: list  # (kind, box in points) of where each top-level artist drew, as _svg.InkRecorder saw it
    bbox_inches: object  # the image box, margin included


class FrameLayout:
    """Writes the successive frames of one widget's chart, laying the chart out once.

    A figure with constrained layout costs matplotlib five passes over its artists when written
    with a tight bounding box: two to lay it out, a dry draw, one to find the box, and the
    drawing (three without constrained layout). A widget's frames mostly differ in their data,
    not in their margins, so after a frame is laid out in full, the next frame of the same size
    and structure is drawn straight away with its layout (the image box, and the axes positions
    constrained layout chose): one pass. While it is drawn, :class:`_svg.InkRecorder` notes where
    each top-level artist (each axes with its tick labels, axis labels and title, each legend and
    figure text) puts ink. The frame is kept if all of it lies inside the reference's ink (to
    ``tolerance`` points: nothing cut off) and no two of them overlap that did not overlap in the
    reference (a longer tick label running into the next chart, a taller legend into the axis
    label). A frame that does not fit (longer tick labels, a taller legend, a new size) is laid
    out in full and becomes the reference for the frames after it. Every frame has the same image
    size as long as the layout is reused, so the chart does not jump while a learner moves a
    slider.
    """

    def __init__(self, tolerance: float = 1.0):
        self.tolerance = tolerance
        self.reference: _Reference | None = None
        self.reused = self.laid_out = 0

    @staticmethod
    def _structure(fig: Figure) -> tuple:
        return tuple(fig.get_size_inches()), fig.dpi, len(fig.axes)

    def svg(self, fig: Figure) -> bytes:
        """The frame as SVG: with the reference layout if it fits, else laid out in full."""
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        ref = self.reference
        if ref is not None and ref.structure == self._structure(fig):
            engine = fig.get_layout_engine()
            if ref.positions is not None:  # the reference was laid out by constrained layout: take its layout
                for ax, pos in zip(fig.axes, ref.positions):
                    ax.set_position(pos)
                    ax.set_in_layout(True)  # set_position takes an axes out of the layout; keep it in
                if len(fig.texts) == len(ref.text_positions):  # the layout places the suptitle and its kin
                    for text, xy in zip(fig.texts, ref.text_positions):
                        text.set_position(xy)
                fig.set_layout_engine(None)
            ink = _svg.InkRecorder(fig)
            data = _write_svg(fig, ref.bbox_inches, ink)
            if self._fits(ink.boxes, ref.boxes):
                self.reused += 1
                return data
            if ref.positions is not None:
                fig.set_layout_engine(engine)  # lay this frame out afresh
        ink = _svg.InkRecorder(fig)
        data = _write_svg(fig, "tight", ink)
        self.laid_out += 1
        self.reference = None
        if ink.bbox_inches is not None and any(b is not None for _, b in ink.boxes):
            constrained = isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)
            self.reference = _Reference(self._structure(fig),
                                        [ax.get_position(original=True) for ax in fig.axes] if constrained else None,
                                        [t.get_position() for t in fig.texts], ink.boxes, ink.bbox_inches.frozen())
        return data

    def _fits(self, boxes, ref_boxes) -> bool:
        """Whether a frame with ``boxes`` fits the layout made for ``ref_boxes``: the same things,
        each inside the reference's ink (nothing cut off), and no two overlapping that did not
        overlap in the reference."""
        if [kind for kind, _ in boxes] != [kind for kind, _ in ref_boxes]:
            return False
        tol = self.tolerance
        known = [b for _, b in ref_boxes if b is not None]
        if not known:
            return False
        room = matplotlib.transforms.Bbox.union(known)
        room = matplotlib.transforms.Bbox.from_extents(room.x0 - tol, room.y0 - tol, room.x1 + tol, room.y1 + tol)
        placed = [(b, r) for (_, b), (_, r) in zip(boxes, ref_boxes) if b is not None and r is not None]
        if len(placed) != sum(b is not None for _, b in boxes):
            return False  # something appeared that the reference did not have
        if any(not room.contains(b.x0, b.y0) or not room.contains(b.x1, b.y1) for b, _ in placed):
            return False
        for i, (bi, ri) in enumerate(placed):
            for bj, rj in placed[i + 1:]:
                if _overlap(bi, bj) > tol and _overlap(ri, rj) <= tol:
                    return False
        return True


def _overlap(a, b) -> float:
    """How far two boxes overlap (the lesser of the two overlaps), or 0."""
    return max(0.0, min(min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)))


def figure_html(fig: Figure, caption: str | None = None, frames: FrameLayout | None = None) -> str:
    """An HTML ``<figure>``: the chart as an inline SVG image with its alt text, and a caption.

    A widget passes its :class:`FrameLayout` as ``frames`` to lay its chart out once.
    """
    data = base64.b64encode((frames.svg(fig) if frames else to_svg(fig))).decode("ascii")
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
