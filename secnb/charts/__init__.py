"""Charts for the course: functions that take data and return a matplotlib Figure.

Every chart has a title, axis labels, colours from the Okabe-Ito palette (safe for the common
forms of colour blindness, and told apart by marker or position as well) and alt text
(:func:`alt_text`). Chinese labels stand beside English ones when a CJK font is installed
(Binder's ``apt.txt`` installs Noto Sans CJK); without one, charts are English only and
matplotlib warns about nothing.

Figures are made with ``matplotlib.figure.Figure`` directly, not through ``pyplot``: nothing
global changes and nothing is displayed twice. Show one in a notebook with :func:`show`, which
writes the image (SVG, text kept as text) with its alt text.

The shared pieces are in :mod:`.base`; each topic has a module (``events``: the timeline, ...)
whose ``__all__`` names are gathered here.
"""

from .._discover import export_topics
from .base import *  # noqa: F401,F403
from .base import __all__ as _base
from .base import _Shown  # noqa: F401  (tests look at the plain-text form of a shown chart)

__all__ = list(_base) + export_topics(__name__, __path__, globals())
