"""Selections of the dataset that notebooks, charts and widgets share (pure pandas, tested)."""

from __future__ import annotations

__all__ = ["event_families", "filter_events", "year_range"]


def event_families(events, concepts):
    """For each event, the sorted list of the families of the concepts it is about."""
    family = dict(zip(concepts["concept_id"], concepts["family"]))
    return events["concept_ids"].map(lambda ids: sorted({family[i] for i in ids if i in family}))


def year_range(events) -> tuple[int, int]:
    """The first and the last year of the events."""
    years = events["date_start"].dt.year
    return int(years.min()), int(years.max())


def filter_events(events, concepts, years: tuple[int, int] | None = None, family: str = "all"):
    """The events within ``years`` (both ends included) whose concepts include ``family``."""
    keep = events["date_start"].notna()
    if years is not None:
        first, last = years
        year = events["date_start"].dt.year
        keep &= (year >= first) & (year <= last)
    if family != "all":
        keep &= event_families(events, concepts).map(lambda fams: family in fams)
    return events[keep]
