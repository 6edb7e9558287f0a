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
change: ``tests/test_charts_widgets.py`` checks that every course chart written through
it is byte for byte what matplotlib's own SVG backend writes.

Use it with ``fig.savefig(buf, format="svg", backend=BACKEND)`` (as :func:`secnb.charts.to_svg`
does); nothing global changes.
"""

from __future__ import annotations

import codecs
import functools

from matplotlib import cbook
from matplotlib.backends import backend_svg
from matplotlib.font_manager import fontManager, get_font
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.textpath import TextToPath

__all__ = ["BACKEND", "FigureCanvas", "RendererSVG", "font_height_metrics", "measuring_renderer", "text_metrics"]

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


class RendererSVG(backend_svg.RendererSVG):
    """matplotlib's SVG renderer, measuring text through the shared caches of this module."""

    figure = None  # set by FigureCanvas.print_svg: the line metrics depend on the figure's dpi

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
            self.figure.draw(renderer)
            renderer.finalize()
