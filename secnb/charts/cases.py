"""Charts of notebook 08 (cases and review): the course's lenses on the lecture's five
Asia-Pacific cases, the bilingual glossary by family, and the review quiz's score by notebook."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..models.review import FAMILY_LABELS
from .base import PALETTE, finish, label, plural

__all__ = ["case_lenses", "glossary_families", "review_scores"]

#: One colour and one marker per concept family, so that the family reads without colour too.
_FAMILY_STYLE = {
    "foundations": (PALETTE["black"], "P"),
    "traditional": (PALETTE["vermillion"], "s"),
    "non-traditional": (PALETTE["blue"], "o"),
    "chinese": (PALETTE["reddish purple"], "D"),
    "conflict-prevention": (PALETTE["bluish green"], "^"),
}


def case_lenses(cases, concepts, *, title: str = "The course's lenses on the lecture's five cases") -> Figure:
    """Which concepts the course uses to frame each case: one column per case (``cases`` is
    :func:`secnb.models.case_table`), one row per concept, a marker where the case uses it (its
    colour and shape give the concept's family). The bottom row counts the dated events of the
    dataset that bear on each case."""
    table = concepts.set_index("concept_id")
    family_order = list(FAMILY_LABELS)
    seen: list[str] = []
    for ids in cases["lens_ids"]:
        for cid in ids:
            if cid not in seen:
                seen.append(cid)
    rows = sorted(seen, key=lambda c: (family_order.index(table.loc[c, "family"]), seen.index(c)))
    n_rows, n_cols = len(rows), len(cases)
    fig = Figure(figsize=(9.6, 1.9 + 0.42 * (n_rows + 1)), layout="constrained")
    ax = fig.add_subplot()
    y_of = {cid: n_rows - i for i, cid in enumerate(rows)}
    for i in range(n_rows + 1):
        if i % 2 == 0:
            ax.axhspan(i - 0.5, i + 0.5, color="#f2f2f2", linewidth=0, zorder=0)
    uses = {cid: 0 for cid in rows}
    case_names = [str(n) for n in cases["case"]]
    case_zh = list(cases["中文"]) if "中文" in cases else [None] * n_cols
    n_events = [int(n) for n in cases["events in dataset"]]
    for x, (lens_ids, n_ev) in enumerate(zip(cases["lens_ids"], n_events)):
        for cid in lens_ids:
            colour, marker = _FAMILY_STYLE[table.loc[cid, "family"]]
            ax.plot([x], [y_of[cid]], marker=marker, markersize=11, color=colour, markeredgecolor="black",
                    markeredgewidth=0.7, linestyle="none", zorder=3)
            uses[cid] += 1
        ax.text(x, 0, str(n_ev) if n_ev else "none", ha="center", va="center", fontsize=10.5 if n_ev else 9.5,
                style="normal" if n_ev else "italic")
    ax.axhline(0.5, color="#777777", linewidth=0.8)
    ax.set_xlim(-0.6, n_cols - 0.4)
    ax.set_ylim(-0.6, n_rows + 0.6)
    ax.set_xticks(range(n_cols), [label("\n".join(textwrap.wrap(n, 14)), zh, "\n")
                                  for n, zh in zip(case_names, case_zh)], fontsize=9.5)
    ax.xaxis.tick_top()
    ax.set_yticks([0] + [y_of[c] for c in rows],
                  ["Dated events in the\ncourse's dataset"] +
                  [label("\n".join(textwrap.wrap(str(table.loc[c, "name_en"]), 34)), table.loc[c, "name_zh"])
                   for c in rows], fontsize=9)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(label(title, "五个案例的分析视角"), pad=10)
    ax.set_xlabel("Case (lecture slide 'Case of PD Practices in AP'); the lenses are the course's framing, "
                  "not the sources' claims", fontsize=9)
    ax.set_ylabel("Concept used as a lens")
    present = [f for f in family_order if any(table.loc[c, "family"] == f for c in rows)]
    handles = [Line2D([], [], marker=_FAMILY_STYLE[f][1], color=_FAMILY_STYLE[f][0], markeredgecolor="black",
                      linestyle="none", markersize=9, label=FAMILY_LABELS[f][0]) for f in present]
    fig.legend(handles=handles, title="Concept family", loc="outside lower center", ncols=len(handles), fontsize=8.5,
               title_fontsize=9, frameon=False)
    shared = [str(table.loc[c, "name_en"]) for c in rows if uses[c] > 1]
    per_case = "; ".join(f"{n}: {', '.join(str(table.loc[c, 'name_en']) for c in ids)}"
                         for n, ids in zip(case_names, cases["lens_ids"]))
    events = ", ".join(f"{n} {k}" for n, k in zip(case_names, n_events))
    alt = (f"{title}: a grid of {plural(n_cols, 'case')} and {plural(n_rows, 'concept')}. {per_case}. "
           f"Used for more than one case: {', '.join(shared) or 'none'}. Dated events in the dataset: {events}.")
    return finish(fig, alt)


def glossary_families(concepts, *, title: str = "The glossary: concepts per family") -> Figure:
    """One bar per concept family, split by whether a source document gives the Chinese term
    (``zh_from_source`` true) or the course supplies the standard term."""
    family_order = [f for f in FAMILY_LABELS if f in set(concepts["family"])]
    from_source = [int(((concepts["family"] == f) & (concepts["zh_from_source"] == True)).sum())  # noqa: E712
                   for f in family_order]
    supplied = [int(((concepts["family"] == f) & (concepts["zh_from_source"] != True)).sum())  # noqa: E712
                for f in family_order]
    fig = Figure(figsize=(8.6, 3.9), layout="constrained")
    ax = fig.add_subplot()
    ys = list(range(len(family_order)))[::-1]
    ax.barh(ys, from_source, color=PALETTE["blue"], edgecolor="black", linewidth=0.6,
            label="Chinese term given by a source document")
    ax.barh(ys, supplied, left=from_source, color=PALETTE["sky blue"], edgecolor="black", linewidth=0.6,
            hatch="//", label="standard Chinese term supplied by the course")
    for y, a, b in zip(ys, from_source, supplied):
        if a:
            ax.text(a / 2, y, str(a), ha="center", va="center", color="white", fontsize=10.5)
        if b:
            ax.text(a + b / 2, y, str(b), ha="center", va="center", color="black", fontsize=10.5,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5, "alpha": 0.85})
        ax.text(a + b + 0.3, y, f"{a + b} in all", ha="left", va="center", fontsize=9.5)
    ax.set_yticks(ys, [label(*FAMILY_LABELS[f], " ") for f in family_order], fontsize=10)
    ax.set_xlim(0, max(a + b for a, b in zip(from_source, supplied)) * 1.22 + 1)
    ax.set_xlabel(label("Number of concepts in data/concepts.csv", "概念数"))
    ax.set_title(label(title, "词汇表：各类概念"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8.5, frameon=False)
    parts = "; ".join(f"{FAMILY_LABELS[f][0]}: {a + b} ({a} from a source, {b} supplied by the course)"
                      for f, a, b in zip(family_order, from_source, supplied))
    alt = (f"{title}: {sum(from_source) + sum(supplied)} concepts in {len(family_order)} families. {parts}. "
           f"In all, {sum(from_source)} Chinese terms come from a source document and {sum(supplied)} are supplied "
           f"by the course.")
    return finish(fig, alt)


_STATUS_STYLE = {
    "right": (PALETTE["bluish green"], None, "right"),
    "wrong": (PALETTE["vermillion"], "xx", "wrong"),
    "not answered": ("#dddddd", "..", "not answered"),
}


def review_scores(graded, guide=None, *, title: str = "Review quiz") -> Figure:
    """The review quiz by notebook: one bar per notebook, split into right, wrong and not
    answered questions (``graded`` is :func:`secnb.models.grade_review`; ``guide``, from
    :func:`secnb.models.notebook_guide`, gives the notebooks' titles)."""
    from ..models.review import review_summary

    summary = review_summary(graded)
    guide = guide or {}
    names = [guide.get(nb, {}).get("title", nb) for nb in summary["notebook"]]
    right, total = int(summary["right"].sum()), int(summary["questions"].sum())
    fig = Figure(figsize=(8.6, 1.5 + 0.42 * len(summary)), layout="constrained")
    ax = fig.add_subplot()
    ys = list(range(len(summary)))[::-1]
    left = [0] * len(summary)
    for status, (colour, hatch, name) in _STATUS_STYLE.items():
        values = list(summary[status])
        ax.barh(ys, values, left=left, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6, label=name,
                height=0.62)
        left = [a + b for a, b in zip(left, values)]
    width = max(summary["questions"].max(), 1)
    for y, q, a in zip(ys, summary["questions"], summary["right"]):
        ax.text(q + 0.08, y, f"{a} of {q} right", ha="left", va="center", fontsize=9)
    ax.set_yticks(ys, [textwrap.shorten(n, 44, placeholder="…") for n in names], fontsize=9)
    ax.set_xlim(0, width + 1.6)
    ax.set_xticks(range(0, width + 1))
    ax.set_xlabel(label("Questions", "题目"))
    ax.set_title(label(f"{title}: {right} of {total} right", "复习测验"))
    fig.legend(loc="outside lower center", ncols=3, fontsize=8.5, frameon=False)
    parts = "; ".join(f"{n}: {a} right, {b} wrong, {c} not answered of {q}" for n, a, b, c, q in
                      zip(names, summary["right"], summary["wrong"], summary["not answered"], summary["questions"]))
    return finish(fig, f"{title}: {right} of {total} questions right. {parts}.")
