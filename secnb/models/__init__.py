"""Teaching models behind the widgets: pure functions, seeded where random, unit-tested.

Each model is a teaching device, not a forecast: its docstring states the equations and the
assumptions, and the notebook that uses it says so to the learner. Each model has a module here
(for example ``arms_race``); the names in its ``__all__`` are gathered into ``secnb.models``.
"""

from .._discover import export_topics

__all__ = export_topics(__name__, __path__, globals())
