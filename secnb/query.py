"""Selections of the dataset that notebooks, charts and widgets share (pure pandas, tested)."""

from __future__ import annotations

__all__ = ["DIMENSIONS", "DIMENSION_LABELS", "concept_codes", "event_families", "filter_events", "year_range"]

#: The coded dimensions of concepts.csv that comparisons use, each with a column of reasons.
DIMENSIONS = ("referent", "means", "logic", "level")
DIMENSION_LABELS = {"referent": "Referent object\n(whose security)", "means": "Means", "logic": "Logic\n(zero- or positive-sum)",
                    "level": "Level"}


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


def concept_codes(concepts, ids, dimensions=DIMENSIONS):
    """The coding of the concepts ``ids``, one row per concept and dimension, with its reason
    and the source it rests on (to show beside a comparison chart)."""
    import pandas as pd

    from .data import course_frame

    table = concepts.set_index("concept_id")
    rows = [{"concept": table.loc[i, "name_en"], "dimension": d, "value": table.loc[i, d],
             "reason": table.loc[i, f"{d}_reason"], "source": table.loc[i, "source_id"],
             "locator": table.loc[i, "locator"]} for i in ids for d in dimensions]
    return course_frame(pd.DataFrame(rows))
