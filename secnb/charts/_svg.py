"""matplotlib's SVG backend, with text measured once per process instead of once per pass.

Profiling the course's charts showed where a chart's time goes: matplotlib lays out every text
several times per figure (constrained layout, the tight bounding box, the drawing itself), and
each new renderer measures every string again with FreeType (about 14 microseconds a character
on the course's reference machine, so a 50-character event label costs 0.7 ms a pass). A widget
that redraws the same tick labels, titles and legend entries on every slider move paid that again
and again.

This backend is matplotlib's own SVG backend with two measurements kept (bounded LRU caches) and
shared by all renderers of the process: a string's size in a given font, and a font's line
metrics (ascent, descent, line gap), which ``Text`` otherwise looks up through the font manager
for every text on every pass. Both are pure functions of their arguments, so the output does not
change: ``tests/test_chart_output.py`` checks that every course chart written through
it is byte for byte what matplotlib's own SVG backend writes.

Use it with ``fig.savefig(buf, format="svg", backend=BACKEND)`` (as :func:`secnb.charts.to_svg`
does); nothing global changes. :func:`unrepeated` goes further for one figure being written: its
axes and texts hand back the ticks and layouts they computed last while nothing they depend on
has changed (the course's 49 charts: about 40% less CPU time, the same bytes).
"""

from __future__ import annotations

import codecs
import contextlib
import functools

import numpy as np
import matplotlib.axis
import matplotlib.text
from matplotlib import cbook
from matplotlib.backends import backend_svg
from matplotlib.font_manager import fontManager, get_font
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.path import get_path_collection_extents
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Bbox

__all__ = ["BACKEND", "FigureCanvas", "InkRecorder", "RendererSVG", "font_height_metrics", "measuring_renderer",
           "text_metrics", "unrepeated"]

BACKEND = f"module://{__name__}"
_TEXT_TO_PATH = TextToPath()  # what every RendererSVG measures text with; it keeps no state per figure


@functools.lru_cache(maxsize=16384)
def text_metrics(s: str, prop, ismath) -> tuple[float, float, float]:
    """Width, height and descent of ``s`` in points, as matplotlib's SVG renderer measures it.

    ``prop`` must be a copy the caller will not change (FontProperties hash by their values).
    """
    return _TEXT_TO_PATH.get_text_width_height_descent(s, prop, ismath)


@functools.lru_cache(maxsize=1024)
def font_height_metrics(prop, dpi: float) -> tuple[float | None, float | None, float | None]:
    """Ascent, descent and line gap of the font ``prop`` selects, in pixels at ``dpi``.

    The same values, computed the same way, as ``matplotlib.text.Text._get_layout`` (3.11) finds
    when the renderer offers none; ``prop`` must be a copy the caller will not change.
    """
    font = get_font(fontManager._find_fonts_by_props(prop))
    for table_name, gap_key, ascent_key, descent_key in (
            ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"), ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * dpi / 72
        return table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale
    return None, None, None


@contextlib.contextmanager
def unrepeated(fig):
    """While writing ``fig``, let its axes and texts skip work that they repeat unchanged.

    matplotlib asks every axis for its ticks several times in each pass over a figure (for the
    axis's box, for each of its spines, to place its label, to draw it), and lays out every text
    afresh in each pass (the layout engine's two, the tight box, the drawing): on the course's
    charts 84% of those tick updates and 88% of those text layouts found nothing changed since
    the last time. Within this context each axis keeps the ticks of its last update and each text
    its last layout, and hands them back while what they depend on is unchanged: for an axis,
    its view limits, the size of the axes' box in pixels (where the box sits does not change its
    ticks, only where they are drawn), the dpi, its locators and formatters and its tick
    lists; for a text, its string, font, dpi, rotation, alignments, line spacing and the kind of
    renderer. Only the last result is kept, so a formatter's state (the offset it shows) always
    belongs to the ticks handed back. Texts that wrap or use TeX, and artists of other figures,
    are left alone. ``tests/test_chart_output.py`` checks that every chart of the course comes
    out byte for byte as matplotlib's own backend writes it.

    The two methods are swapped on their classes for the duration (matplotlib offers no hook),
    and put back on exit, whatever happens.
    """
    update_ticks, get_layout = matplotlib.axis.Axis._update_ticks, matplotlib.text.Text._get_layout
    last: dict[int, tuple] = {}

    def _update_ticks(axis):
        ax = axis.axes
        if ax.get_figure(root=True) is not fig:
            return update_ticks(axis)
        key = (tuple(axis.get_view_interval()), tuple(ax.bbox.size), fig.dpi, id(axis.major.locator),
               id(axis.major.formatter), id(axis.minor.locator), id(axis.minor.formatter), len(axis.majorTicks),
               len(axis.minorTicks))
        kept = last.get(id(axis))
        if kept is not None and kept[0] == key:
            return list(kept[1])
        ticks = update_ticks(axis)
        last[id(axis)] = (key, list(ticks), axis)  # the axis itself too: its id stays its own meanwhile
        return ticks

    def _get_layout(text, renderer):
        root = text.get_figure(root=True)
        if root is not fig or text.get_wrap() or text.get_usetex():
            return get_layout(text, renderer)
        key = (text.get_text(), hash(text._fontproperties), root.dpi, text._linespacing, text._get_multialignment(),
               text.get_rotation(), text.get_rotation_mode(), text._horizontalalignment, text._verticalalignment,
               text._parse_math, type(renderer))
        kept = last.get(id(text))
        if kept is not None and kept[0] == key:
            return kept[1]
        layout = get_layout(text, renderer)
        last[id(text)] = (key, layout, text)
        return layout

    matplotlib.axis.Axis._update_ticks, matplotlib.text.Text._get_layout = _update_ticks, _get_layout
    try:
        yield
    finally:
        matplotlib.axis.Axis._update_ticks, matplotlib.text.Text._get_layout = update_ticks, get_layout


class InkRecorder:
    """Where each top-level artist of a figure puts ink, recorded while the figure is written.

    :class:`secnb.charts.FrameLayout` uses it to check, from the one pass that draws a frame,
    that the frame fits the layout it reuses (nothing cut off, no new overlap), instead of
    measuring the whole figure again in a pass of its own. Set ``fig.secnb_ink = InkRecorder(fig)``
    before writing the figure through this backend; afterwards ``boxes`` holds ``(kind, box)``
    for each visible child of the figure but its background patch, in the order of
    ``fig.get_children()``, each box in points in the coordinates of the written image (origin at
    its lower left), None where the artist drew nothing; ``bbox_inches`` is the image box the
    figure was written with.

    The box of a draw call is the extent of its paths, markers, texts or images (half the line
    width beyond a stroked path), cut to the clip rectangle and clip path it is drawn with: what
    a viewer sees, not what the artist would occupy unclipped.
    """

    def __init__(self, fig):
        self.owners = [a for a in fig.get_children() if a is not fig.patch and a.get_visible()]
        self._extents: list[list[float] | None] = [None] * len(self.owners)
        self.current: int | None = None
        self.bbox_inches = None

    @property
    def boxes(self) -> list[tuple[str, Bbox | None]]:
        return [(type(a).__name__, Bbox.from_extents(*e) if e else None) for a, e in zip(self.owners, self._extents)]

    def add(self, gc, x0, y0, x1, y1) -> None:
        """Record ink in the box (x0, y0, x1, y1), as far as ``gc`` lets it show."""
        if self.current is None or not all(np.isfinite((x0, y0, x1, y1))):
            return
        clip = gc.get_clip_rectangle()
        if clip is not None:
            x0, y0, x1, y1 = max(x0, clip.x0), max(y0, clip.y0), min(x1, clip.x1), min(y1, clip.y1)
        path, affine = gc.get_clip_path()
        if path is not None:
            c = path.get_extents(affine)
            x0, y0, x1, y1 = max(x0, c.x0), max(y0, c.y0), min(x1, c.x1), min(y1, c.y1)
        if x1 < x0 or y1 < y0:
            return  # clipped away
        e = self._extents[self.current]
        self._extents[self.current] = ([x0, y0, x1, y1] if e is None else
                                       [min(e[0], x0), min(e[1], y0), max(e[2], x1), max(e[3], y1)])

    @contextlib.contextmanager
    def tag_draws(self):
        """While open, every draw call is booked to the top-level artist being drawn (through a
        ``draw`` on each instance, removed on exit)."""
        for i, artist in enumerate(self.owners):
            artist.draw = functools.partial(self._draw_as, i, type(artist).draw, artist)
        try:
            yield self
        finally:
            for artist in self.owners:
                artist.__dict__.pop("draw", None)

    def _draw_as(self, index, draw, artist, renderer, *args, **kwargs):
        outer, self.current = self.current, index
        try:
            return draw(artist, renderer, *args, **kwargs)
        finally:
            self.current = outer


def _stroke_pad(gc) -> float:
    return gc.get_linewidth() / 2 if gc.get_linewidth() else 0.0


class RendererSVG(backend_svg.RendererSVG):
    """matplotlib's SVG renderer, measuring text through the shared caches of this module, and
    booking the ink of each draw call to an :class:`InkRecorder` when the figure has one."""

    figure = None  # set by FigureCanvas.print_svg: the line metrics depend on the figure's dpi
    ink: InkRecorder | None = None  # likewise

    def draw_path(self, gc, path, transform, rgbFace=None):
        if self.ink is not None and len(path.vertices):
            e, pad = path.get_extents(transform), _stroke_pad(gc)
            self.ink.add(gc, e.x0 - pad, e.y0 - pad, e.x1 + pad, e.y1 + pad)
        return super().draw_path(gc, path, transform, rgbFace)

    def draw_markers(self, gc, marker_path, marker_trans, path, trans, rgbFace=None):
        if self.ink is not None and len(path.vertices):
            xy = trans.transform(path.vertices)
            xy = xy[np.isfinite(xy).all(axis=1)]
            if len(xy):
                m, pad = marker_path.get_extents(marker_trans), _stroke_pad(gc)
                (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
                self.ink.add(gc, x0 + m.x0 - pad, y0 + m.y0 - pad, x1 + m.x1 + pad, y1 + m.y1 + pad)
        return super().draw_markers(gc, marker_path, marker_trans, path, trans, rgbFace)

    def draw_path_collection(self, gc, master_transform, paths, all_transforms, offsets, offset_trans, *args,
                             **kwargs):
        if self.ink is not None and len(paths):
            e = get_path_collection_extents(master_transform, paths, all_transforms, offsets, offset_trans)
            self.ink.add(gc, e.x0, e.y0, e.x1, e.y1)
        return super().draw_path_collection(gc, master_transform, paths, all_transforms, offsets, offset_trans,
                                            *args, **kwargs)

    def draw_image(self, gc, x, y, im, transform=None):
        if self.ink is not None and transform is None:
            self.ink.add(gc, x, y, x + im.shape[1], y + im.shape[0])
        return super().draw_image(gc, x, y, im, transform)

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if self.ink is not None and s:
            if mtext is not None:
                e = mtext.get_window_extent(self)
                self.ink.add(gc, e.x0, e.y0, e.x1, e.y1)
            else:  # a text drawn without its artist: its unrotated line box at (x, y)
                w, h, d = self.get_text_width_height_descent(s, prop, ismath)
                self.ink.add(gc, x, y - d, x + w, y + h - d)
        return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)

    def get_text_width_height_descent(self, s, prop, ismath):
        return text_metrics(s, prop.copy(), ismath)

    def _get_font_height_metrics(self, prop):
        # The hook matplotlib's Text asks a renderer for before it looks the font up itself (the
        # PDF and PostScript backends offer it). Should a later matplotlib drop the hook, text is
        # laid out exactly as before, only more slowly.
        if self.figure is None:
            return None, None, None
        return font_height_metrics(prop.copy(), self.figure.dpi)


def measuring_renderer(fig) -> RendererSVG:
    """A renderer that only measures (for bounding boxes), at the size of ``fig``; it writes nothing."""
    import io

    width, height = fig.get_size_inches()
    renderer = RendererSVG(width * 72, height * 72, io.StringIO())
    renderer.figure = fig
    return renderer


class FigureCanvas(backend_svg.FigureCanvasSVG):
    """matplotlib's SVG canvas, drawing with :class:`RendererSVG`."""

    def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_ignored):
        # The same steps as matplotlib.backends.backend_svg.FigureCanvasSVG.print_svg (3.11), with
        # this module's renderer. `_ignored` takes the options print_figure passes to every
        # backend outside matplotlib (dpi, facecolor, edgecolor, orientation), which SVG ignores.
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
            if not cbook.file_requires_unicode(fh):
                fh = codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            w, h = width * 72, height * 72
            svg = RendererSVG(w, h, fh, image_dpi=dpi, metadata=metadata)
            svg.figure = self.figure
            renderer = MixedModeRenderer(self.figure, width, height, dpi, svg,
                                         bbox_inches_restore=bbox_inches_restore)
            ink = getattr(self.figure, "secnb_ink", None)
            if ink is None:
                self.figure.draw(renderer)
            else:
                ink.bbox_inches = bbox_inches_restore[0] if bbox_inches_restore else None
                svg.ink = ink
                with ink.tag_draws():
                    self.figure.draw(renderer)
            renderer.finalize()
