"""Gather the public names of a role package's topic modules into the package itself.

``secnb.charts``, ``secnb.widgets`` and ``secnb.models`` are packages with one module per topic
(``events.py``, ``threats.py``, ...). Each topic module lists its public names in ``__all__``;
the package exposes them all, so a notebook writes ``secnb.charts.timeline(...)`` and a new topic
adds a module without editing a shared file.
"""

from __future__ import annotations

import importlib
import pkgutil


def export_topics(package: str, path, namespace: dict) -> list[str]:
    """Import every topic module of ``package`` and copy the names in its ``__all__`` into
    ``namespace``; a name that two modules both define is an error, not a silent overwrite."""
    names: list[str] = []
    owner: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        for name in getattr(module, "__all__", ()):
            if name in owner and owner[name] != info.name:
                raise ImportError(f"{package}: {name!r} is defined in both {owner[name]} and {info.name}")
            owner[name] = info.name
            namespace[name] = getattr(module, name)
            names.append(name)
    return names
