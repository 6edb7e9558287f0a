"""What the chart tests of every notebook share: render a chart both ways with every warning an
error, and the character class and palette the charts are checked against."""

from __future__ import annotations

import re
import warnings

import matplotlib.colors as mcolors

from secnb import charts

#: Chinese characters (a chart drawn without a CJK font must contain none).
CJK = re.compile(r"[\u3400-\u9fff]")
#: The Okabe-Ito palette as hex (without the neutral grey ninth colour).
OKABE_ITO = {mcolors.to_hex(c) for c in charts.PALETTE.values()}


def render_cleanly(fig, min_bytes: int = 2000) -> bytes:
    """Write ``fig`` as PNG and as SVG (what the notebooks show) with every warning an error,
    such as a glyph missing from the fonts; return the PNG, which must not be blank."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = charts.to_png(fig)
        svg = charts.to_svg(fig)
    assert png.startswith(b"\x89PNG") and len(png) > min_bytes
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg
    return png
