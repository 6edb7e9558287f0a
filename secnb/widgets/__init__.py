"""Interactive widgets for the notebooks, built on :mod:`secnb.charts` and :mod:`secnb.models`.

Every builder returns an ``ipywidgets.VBox`` with three extra attributes, so that a test (or a
curious learner) can drive it from Python exactly as a mouse would:

* ``controls``: the input widgets by name; setting ``controls[name].value`` redraws at once;
* ``view``: the ``HTML`` widget showing the current chart (an image with its alt text);
* ``figure``: the matplotlib Figure last drawn (``charts.alt_text(box.figure)`` says what it shows).

The chart is drawn into an ``HTML`` widget rather than an ``Output`` widget: the same code then
works in JupyterLab, in a test without a kernel and on a static page. :func:`explorer` in
:mod:`.base` builds such a panel; each topic has a module whose ``__all__`` names are gathered here.
"""

from .._discover import export_topics
from .base import *  # noqa: F401,F403
from .base import __all__ as _base

__all__ = list(_base) + export_topics(__name__, __path__, globals())
