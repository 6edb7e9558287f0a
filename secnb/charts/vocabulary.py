"""Charts of how the vocabulary of China's security concepts moved from 1996-2002 to 2014.

:func:`vocabulary_table` reads, from ``relations.csv`` and ``concepts.csv``, which terms were in
use at three moments and in what role, each with the source and locator it rests on:

* **older concept** (notebooks 02-03): the term is a concept of the traditional or the
  non-traditional family;
* **New Security Concept, 1996-2002**: the term is a core element (``pillar_of``
  new_security_concept) or a name the article gives the concept (``part_of`` new_security_concept);
* **2014**: the term is one of the four adjectives of the Asian security concept (``part_of``
  asian_security_concept), part of the overall national security outlook (``part_of``
  overall_national_security), or the means of an adjective new in 2014 (``means_of``).

:func:`vocabulary_shift` draws that table as a grid, one row per term, with arrows joining the
moments at which a term is in use.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Patch

from .base import PALETTE, finish, label

__all__ = ["vocabulary_shift", "vocabulary_table"]

#: The three moments (columns), in time order.
ERAS = {
    "older": "Older concept\n(notebooks 02-03)",
    "nsc": "New Security Concept\n1996-2002 (notebook 04)",
    "y2014": "2014: overall outlook (April)\nand Asian security concept (May)",
}
ERA_SHORT = {"older": "older concept", "nsc": "1996-2002", "y2014": "2014"}
FAMILY_COLOURS = {"traditional": PALETTE["vermillion"], "non-traditional": PALETTE["blue"],
                  "chinese": PALETTE["reddish purple"]}
NSC, ASC, OUTLOOK = "new_security_concept", "asian_security_concept", "overall_national_security"


def _short(name: str) -> str:
    return name[: -len(" security")].lower() if name.endswith(" security") else name.lower()


def vocabulary_table(concepts, relations, also: tuple[str, ...] = ("development_security",)):
    """One row per term and moment at which the term is in use: ``concept_id``, ``name_en``,
    ``name_zh``, ``family``, ``group`` (core element, adjective or also shown), ``era`` (a key
    of :data:`ERAS`), ``role`` (in words), ``source_id`` and ``locator``.

    The terms are the core elements of the New Security Concept, the four adjectives of the
    Asian security concept (in the order of ``relations.csv``) and the concepts ``also``.
    """
    import pandas as pd

    from ..data import course_frame

    table = concepts.set_index("concept_id")
    rel = relations
    pillars = list(rel.loc[(rel["relation"] == "pillar_of") & (rel["to_id"] == NSC), "from_id"])
    adjectives = list(rel.loc[(rel["relation"] == "part_of") & (rel["to_id"] == ASC), "from_id"])
    groups = {**{c: "core element 1996-2002" for c in pillars}, **{c: "adjective 2014" for c in adjectives}}
    for c in also:
        groups.setdefault(c, "also shown")
    missing = [c for c in groups if c not in table.index]
    if missing:
        raise KeyError(f"no concept {', '.join(map(repr, missing))} in concepts.csv")
    new_in_2014 = [a for a in adjectives if table.loc[a, "family"] == "chinese"]
    rows = []

    def add(cid, era, role, source, locator):
        rows.append({"concept_id": cid, "name_en": table.loc[cid, "name_en"], "name_zh": table.loc[cid, "name_zh"],
                     "family": table.loc[cid, "family"], "group": groups[cid], "era": era, "role": role,
                     "source_id": source, "locator": locator})

    for cid in groups:
        family = table.loc[cid, "family"]
        if family in ("traditional", "non-traditional"):
            add(cid, "older", f"a {family} concept", table.loc[cid, "source_id"], table.loc[cid, "locator"])
        for r in rel[rel["from_id"] == cid].itertuples():
            if r.relation == "pillar_of" and r.to_id == NSC:
                add(cid, "nsc", "core element", r.source_id, r.locator)
            elif r.relation == "part_of" and r.to_id == NSC:
                add(cid, "nsc", f"described as a {_short(table.loc[cid, 'name_en'])} security concept",
                    r.source_id, r.locator)
            elif r.relation == "part_of" and r.to_id == ASC:
                add(cid, "y2014", "adjective of the Asian security concept", r.source_id, r.locator)
            elif r.relation == "part_of" and r.to_id == OUTLOOK:
                add(cid, "y2014", "in the overall outlook", r.source_id, r.locator)
            elif r.relation == "means_of" and r.to_id in new_in_2014:
                add(cid, "y2014", f"basis of {table.loc[r.to_id, 'name_en'].lower()}", r.source_id, r.locator)
    frame = course_frame(pd.DataFrame(rows, columns=["concept_id", "name_en", "name_zh", "family", "group", "era",
                                                     "role", "source_id", "locator"]))
    frame["era"] = pd.Categorical(frame["era"], categories=list(ERAS), ordered=True)
    order = {c: i for i, c in enumerate(groups)}
    return frame.sort_values(["concept_id", "era"], key=lambda s: s.map(order) if s.name == "concept_id" else s,
                             kind="stable").reset_index(drop=True)


def vocabulary_shift(concepts, relations, *, also: tuple[str, ...] = ("development_security",),
                     title: str = "From four core elements to four adjectives: how the vocabulary moved") -> Figure:
    """A grid: one row per term (the core elements of 1996-2002, the adjectives of 2014 and the
    concepts ``also``), one column per moment; a box says the term's role at that moment, and an
    arrow joins the moments at which the same term is in use. The box's colour and the legend give
    the term's family in ``concepts.csv``."""
    table = vocabulary_table(concepts, relations, also)
    terms = list(dict.fromkeys(table["concept_id"]))
    eras = list(ERAS)
    n = len(terms)
    fig = Figure(figsize=(11.5, 1.9 + 0.62 * n), layout="constrained", dpi=100)
    ax = fig.add_subplot()
    width, height = 0.8, 0.74
    previous_group = None
    for i, cid in enumerate(terms):
        y = n - 1 - i
        cells = table[table["concept_id"] == cid]
        family = cells["family"].iloc[0]
        colour = FAMILY_COLOURS.get(family, "#999999")
        group = cells["group"].iloc[0]
        if previous_group is not None and group != previous_group:
            ax.axhline(y + 0.5, color="#999999", linewidth=0.8, linestyle=":")
        previous_group = group
        xs = sorted({eras.index(e) for e in cells["era"]})
        for a, b in zip(xs, xs[1:]):  # an arrow in the gap between two boxes of the same term
            ax.annotate("", xy=(b - width / 2, y), xytext=(a + width / 2, y), zorder=1,
                        arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.8,
                                    "shrinkA": 0, "shrinkB": 0})
        for x in range(len(eras)):
            here = cells[cells["era"] == eras[x]]
            if here.empty:
                ax.text(x, y, "—", ha="center", va="center", color="#aaaaaa", fontsize=10)
                continue
            ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                        boxstyle="round,pad=0,rounding_size=0.08", facecolor=colour, alpha=0.18,
                                        edgecolor=colour, linewidth=1.2, zorder=2))
            words = "; ".join(dict.fromkeys(here["role"]))
            sources = ", ".join(dict.fromkeys(here["source_id"]))
            ax.text(x, y + 0.04, "\n".join(textwrap.wrap(words, 34)[:3]), ha="center", va="center", fontsize=8.3, zorder=3)
            ax.text(x + width / 2 - 0.02, y - height / 2 + 0.06, sources, ha="right", va="bottom", fontsize=6.8,
                    color="#444444", zorder=3)
    ax.set_xlim(-0.5, len(eras) - 0.5)
    ax.set_ylim(-0.55, n - 0.45)
    ax.set_xticks(range(len(eras)), [ERAS[e] for e in eras], fontsize=9.5)
    ax.xaxis.tick_top()
    names = {r.concept_id: label(r.name_en, r.name_zh) for r in table.drop_duplicates("concept_id").itertuples()}
    groups = {r.concept_id: r.group for r in table.drop_duplicates("concept_id").itertuples()}
    fams = {r.concept_id: r.family for r in table.drop_duplicates("concept_id").itertuples()}
    ax.set_yticks([n - 1 - i for i in range(n)], [f"{names[c]}\n({groups[c]}; {fams[c]})" for c in terms], fontsize=9)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_ylabel("Term")
    ax.set_xlabel("When the term is in use, in what role (small print: the source in data/sources.csv); "
                  "an arrow joins the moments of one term", fontsize=9)
    ax.set_title(label(title, "从“新安全观”到“亚洲安全观”"), fontsize=11.5)
    families = [f for f in FAMILY_COLOURS if f in set(table["family"])]
    ax.legend(handles=[Patch(facecolor=FAMILY_COLOURS[f], alpha=0.35, edgecolor=FAMILY_COLOURS[f],
                             label=f"family: {f}") for f in families],
              title="Family in concepts.csv", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8.5,
              title_fontsize=9, frameon=False)
    pillars = [c for c in terms if groups[c].startswith("core")]
    adjectives = [c for c in terms if groups[c].startswith("adjective")]
    older = [c for c in adjectives if (table[(table["concept_id"] == c)]["era"] == "older").any()]
    both = [c for c in pillars if c in adjectives]
    parts = []
    for c in terms:
        cells = table[table["concept_id"] == c]
        parts.append(f"{table.loc[cells.index[0], 'name_en']}: " + "; ".join(
            f"{ERA_SHORT[e]}: {', '.join(dict.fromkeys(cells[cells['era'] == e]['role']))}"
            for e in eras if (cells["era"] == e).any()))
    alt = (f"{title}. A grid of {n} terms at three moments. {len(both) or 'None'} of the {len(pillars)} core elements "
           f"of 1996-2002 {'is' if len(both) == 1 else 'are'} among the {len(adjectives)} adjectives of 2014; "
           f"{len(older)} of the adjectives ({', '.join(_short(names_en) for names_en in table.drop_duplicates('concept_id').set_index('concept_id').loc[older, 'name_en'])}) "
           f"are older concepts. " + ". ".join(parts) + ".")
    return finish(fig, alt)
