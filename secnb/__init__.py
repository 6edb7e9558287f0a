"""secnb: the helper library of a Jupyter course on international security concepts.

The names a notebook needs are here: ``load_dataset``, ``load_table``, ``DataError``,
``check``, ``answer_widget``, ``exercise_catalogue`` and ``progress``. The modules ``charts``, ``widgets``,
``models`` and ``course`` are imported when first used, so ``import secnb`` stays cheap.
"""

from importlib import import_module

from .data import DataError, load_dataset, load_table
from .exercises import answer_widget, check, exercise_catalogue, progress

__all__ = ["DataError", "answer_widget", "check", "exercise_catalogue", "load_dataset", "load_table", "progress",
           "charts", "course", "models", "query", "widgets"]
__version__ = "0.1.0"

_LAZY = {"charts", "course", "models", "notebooks", "query", "widgets", "data", "exercises"}


def __getattr__(name):
    if name in _LAZY:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'secnb' has no attribute {name!r}")
