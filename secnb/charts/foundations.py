"""Charts of the foundations of security (notebook 01): its two aspects and the lecture's model of
how a national security concept forms, from perception through concept and doctrine to policy.

Both are diagrams, not data plots. The lecture's own figure of the model ("Model for the
Formation of National Security Concept", 国家安全观念的形成模式) is an image that the text of the
slides does not carry: :func:`security_formation_model` is the course's rendering of what the
lecture's text says, with the chain of concepts read from ``relations.csv`` (``precedes``).
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

from .base import PALETTE, finish, label

__all__ = ["security_aspects_grid", "security_formation_model"]

#: The four combinations of the objective and the subjective side of security, as the course
#: illustrates the lecture's "two aspects": key -> (objective threat high?, threat felt high?,
#: heading, what it means). The keys are the answers of exercise nb01.two_aspects.
QUADRANTS = {
    "secure": (False, False, "Secure", "No real danger, and none is felt."),
    "complacent": (True, False, "Complacent", "A real danger goes unseen, so nothing is done about it."),
    "anxious": (False, True, "Anxious", "Fear without a real danger; it can lead to needless arming."),
    "threatened": (True, True, "Threatened", "A real danger, and it is seen: the state can act on it."),
}
_QUADRANT_COLOURS = {"secure": PALETTE["bluish green"], "complacent": PALETTE["orange"],
                     "anxious": PALETTE["sky blue"], "threatened": PALETTE["vermillion"]}

#: The two ends of the lecture's chain that are not concepts of the dataset: what a nation
#: perceives (its domestic and external security issues) and what the chain produces (policy).
CHAIN_START = ("Domestic and external security issues", "what exists: the objective side")
CHAIN_END = ("National security policy", "what the government decides and does")
#: Short glosses under the boxes, paraphrasing the lecture's definitions (slides 2 and 3 of part I).
_GLOSSES = {
    "security_perception": "a nation's awareness of its security issues: the subjective side",
    "security_concept": "the basic principles and views that rest on the perception",
    "security_doctrine": "the doctrine a government uses to make policy",
}


def formation_chain(relations, start: str = "security_perception") -> list[str]:
    """The concept ids of the lecture's model in order: ``start`` and every concept reached from it
    by ``precedes`` relations (perception -> concept -> doctrine in the course dataset)."""
    nxt: dict[str, str] = {}
    for r in relations[relations["relation"] == "precedes"].itertuples():
        nxt.setdefault(str(r.from_id), str(r.to_id))
    chain = [start]
    while chain[-1] in nxt and nxt[chain[-1]] not in chain:
        chain.append(nxt[chain[-1]])
    return chain


def aspect_of(objective: float, felt: float, scale: int = 10) -> str:
    """The key of :data:`QUADRANTS` for a real threat ``objective`` and a felt threat ``felt``, both on
    a scale from 1 to ``scale``: the upper half of the scale (above ``(scale + 1) / 2``) counts as high."""
    mid = (scale + 1) / 2
    return next(k for k, (o, f, _h, _t) in QUADRANTS.items() if o == (objective > mid) and f == (felt > mid))


def security_aspects_grid(objective: float | None = None, felt: float | None = None, *, scale: int = 10,
                          title: str = "Two aspects of security: objective and subjective") -> Figure:
    """A 2 x 2 diagram: how great the real threat is (objective side, across, 1 to ``scale``) against
    how great the felt threat is (subjective side, up), with what each combination means.

    Given ``objective`` and ``felt``, a marker shows that state and the title names its box and the
    gap between the felt and the real threat (misperception). The dashed diagonal is where
    perception matches reality. The lecture names the two aspects ("objective in reality",
    "subjective in mind"); the boxes and the scale are the course's illustration.
    """
    lo, hi = 0.5, scale + 0.5
    mid = (scale + 1) / 2
    # fixed margins rather than a layout engine: the widget redraws this chart on every slider move
    fig = Figure(figsize=(8.6, 6.3))
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.1, top=0.88)
    ax = fig.add_subplot()
    for key, (obj_high, felt_high, head, text) in QUADRANTS.items():
        x0, y0 = (mid if obj_high else lo), (mid if felt_high else lo)
        w = (hi - mid) if obj_high else (mid - lo)
        h = (hi - mid) if felt_high else (mid - lo)
        ax.add_patch(Rectangle((x0 + 0.08, y0 + 0.08), w - 0.16, h - 0.16, facecolor=_QUADRANT_COLOURS[key],
                               alpha=0.35, edgecolor="#444444", linewidth=0.8, zorder=1))
        ax.text(x0 + w / 2, y0 + h * 0.8, head, ha="center", va="center", fontsize=14, fontweight="bold", zorder=6,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.5, "linewidth": 0})
        ax.text(x0 + w / 2, y0 + h * 0.2, "\n".join(textwrap.wrap(text, 34)), ha="center", va="center",
                fontsize=9.5, zorder=6,
                bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "alpha": 0.6, "linewidth": 0})
    ax.plot([lo, hi], [lo, hi], linestyle="--", color="#555555", linewidth=1, zorder=2)
    ax.text(mid + 0.18, mid - 0.14, "on the diagonal,\nperception matches reality", ha="left", va="top", fontsize=8,
            color="#333333", style="italic", zorder=3)
    heading = label(title, "安全的两个方面")
    alt_point = ""
    if objective is not None and felt is not None:
        key = aspect_of(objective, felt, scale)
        head = QUADRANTS[key][2]
        gap = felt - objective
        ax.plot([objective], [felt], marker="o", markersize=14, color=PALETTE["black"], markeredgecolor="white",
                markeredgewidth=2, linestyle="none", zorder=8)
        if gap:
            ax.plot([objective, objective], [objective, felt], color=PALETTE["black"], linewidth=1.5, zorder=4)
            right = objective < scale - 1
            ax.text(objective + (0.15 if right else -0.15), (objective + felt) / 2, f"gap {abs(gap):g}",
                    ha="left" if right else "right", va="center",
                    fontsize=9, zorder=7, bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                                                 "alpha": 0.8, "linewidth": 0})
        how = ("the felt threat matches the real one" if gap == 0 else
               f"the threat is felt {abs(gap):g} point{'s' if abs(gap) != 1 else ''} "
               f"{'greater' if gap > 0 else 'smaller'} than it is")
        heading += f"\nReal threat {objective:g}/{scale}, threat felt {felt:g}/{scale}: {head}; {how}"
        alt_point = (f" A marker shows a state with a real threat of {objective:g} and a felt threat of {felt:g} "
                     f"out of {scale}: {head}; {how}.")
    else:
        heading += "\n(the course's illustration of the lecture's two aspects)"
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(range(1, scale + 1))
    ax.set_yticks(range(1, scale + 1))
    ax.tick_params(labelsize=9)
    ax.set_xlabel(label(f"Objective side: how great is the real threat? (1 to {scale})", "客观"), fontsize=11)
    ax.set_ylabel(label(f"Subjective side: how great is the threat felt? (1 to {scale})", "主观"), fontsize=11)
    ax.set_title(heading, fontsize=12)
    parts = [f"{head} ({'real threat high' if o else 'real threat low'}, {'felt high' if f else 'felt low'}): {t}"
             for (o, f, head, t) in QUADRANTS.values()]
    return finish(fig, f"{title}. A two-by-two grid, the real threat across and the felt threat up; a dashed "
                  "diagonal marks where perception matches reality. " + " ".join(parts) + alt_point)


def security_formation_model(concepts, relations, *, start: str = "security_perception",
                             title: str = "How a national security concept forms") -> Figure:
    """The lecture's model as a chain of boxes: security issues -> perception -> concept ->
    doctrine -> policy. The concepts and their order come from the dataset (``precedes``
    relations from ``start``); the first and last boxes are :data:`CHAIN_START` and :data:`CHAIN_END`."""
    table = concepts.set_index("concept_id")
    chain = formation_chain(relations, start)
    missing = [c for c in chain if c not in table.index]
    if missing:
        raise KeyError(f"no concept {', '.join(map(repr, missing))} in concepts.csv")
    boxes = [(CHAIN_START[0], None, CHAIN_START[1], "#eeeeee")]
    shades = [PALETTE["sky blue"], PALETTE["bluish green"], PALETTE["yellow"], PALETTE["orange"]]
    for i, cid in enumerate(chain):
        gloss = _GLOSSES.get(cid) or textwrap.shorten(str(table.loc[cid, "summary_en"]), 70, placeholder="…")
        boxes.append((str(table.loc[cid, "name_en"]), str(table.loc[cid, "name_zh"]), gloss, shades[i % len(shades)]))
    boxes.append((CHAIN_END[0], None, CHAIN_END[1], PALETTE["reddish purple"]))
    n = len(boxes)
    fig = Figure(figsize=(2.3 * n, 4.2), layout="constrained")
    ax = fig.add_subplot()
    w, gap = 1.7, 0.6
    centre = [i * (w + gap) + w / 2 for i in range(n)]
    for i, (name, zh, gloss, colour) in enumerate(boxes):
        x = i * (w + gap)
        ax.add_patch(FancyBboxPatch((x, 1.0), w, 1.0, boxstyle="round,pad=0.02,rounding_size=0.12",
                                    facecolor=colour, alpha=0.45, edgecolor="#333333", linewidth=1.0))
        ax.text(x + w / 2, 1.86, f"step {i}" if i else "input", ha="center", va="center", fontsize=8.5,
                color="#444444", style="italic")
        ax.text(x + w / 2, 1.42, label("\n".join(textwrap.wrap(name, 16)), zh, "\n"), ha="center", va="center",
                fontsize=10.5, fontweight="bold")
        ax.text(x + w / 2, 0.85, "\n".join(textwrap.wrap(gloss, 22)), ha="center", va="top", fontsize=8.5,
                color="#222222")
        if i < n - 1:
            ax.add_patch(FancyArrowPatch((x + w + 0.04, 1.5), (x + w + gap - 0.04, 1.5), arrowstyle="-|>",
                                         mutation_scale=18, linewidth=1.6, color="#333333"))
    # The lecture: perception influences strategic thinking and security policy (a direct path too).
    if len(boxes) >= 4:
        top = 2.45
        ax.plot([centre[1], centre[1], centre[-1]], [2.04, top, top], color="#555555", linewidth=1.2,
                linestyle="--")
        ax.add_patch(FancyArrowPatch((centre[-1], top), (centre[-1], 2.04), arrowstyle="-|>", mutation_scale=14,
                                     linewidth=1.2, linestyle="--", color="#555555"))
        ax.text((centre[1] + centre[-1]) / 2, top + 0.06, "perception also bears on strategic thinking and "
                "policy directly", ha="center", va="bottom", fontsize=8.5, color="#333333", style="italic")
    ax.set_xlim(-0.15, n * (w + gap) - gap + 0.15)
    ax.set_ylim(0.2, 2.75)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_xlabel("From what a nation faces to what it does (read left to right)", fontsize=10)
    ax.set_ylabel("Chain of the model", fontsize=10)
    ax.set_title(label(title, "国家安全观念的形成模式")
                 + "\n(the course's rendering of the lecture's model; the slide's figure is not in the text)",
                 fontsize=12)
    names = [b[0] for b in boxes]
    return finish(fig, f"{title}: a chain of {n} boxes joined by arrows, left to right: " + " → ".join(names)
                  + ". A dashed arrow runs from perception straight to policy: the lecture says perception bears on "
                  "strategic thinking and policy. The course's rendering of the lecture's model of how a national "
                  "security concept forms.")
