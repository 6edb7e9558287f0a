"""Charts of how concepts hang together, drawn from ``relations.csv``.

* :func:`concept_map`: one concept in the middle and its relations around it, grouped by kind
  (core elements above, what it grew out of and into on the left, what it is described as on
  the right, what it is set apart from below).
* :func:`temple`: a concept as a roof on its pillars (``pillar_of``), with the concepts that
  give it an orientation at each level (``orientation_of``) stacked between the pillars, from
  the national level at the bottom to the global at the top; with ``describe=True`` each
  pillar carries its summary from ``concepts.csv``.
* :func:`pillar_board`: statements (rows) sorted into categories (columns), with a learner's
  placements and, after a check, a tick or a cross; the pillar tester widget draws it.
"""

from __future__ import annotations

import textwrap
from typing import Mapping

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle

from .base import PALETTE, finish, label, plural, short
from .origins import drawable

__all__ = ["GROUPS", "LEVEL_ORDER", "concept_map", "pillar_board", "temple"]

#: How :func:`concept_map` groups a relation seen from the centre: (relation, direction) ->
#: (side of the map, heading, colour, line style). "in" means the relation points at the centre.
GROUPS = {
    ("pillar_of", "in"): ("top", "Core elements (pillar_of)", PALETTE["blue"], "-"),
    ("evolved_into", "in"): ("left", "Grew out of (evolved_into)", PALETTE["orange"], "-"),
    ("evolved_into", "out"): ("left", "Grew into (evolved_into)", PALETTE["orange"], "-"),
    ("part_of", "out"): ("left", "Is part of (part_of)", PALETTE["orange"], "--"),
    ("part_of", "in"): ("right", "Described as, or has as a part (part_of)", PALETTE["bluish green"], "--"),
    ("means_of", "in"): ("right", "Its means (means_of)", PALETTE["bluish green"], ":"),
    ("orientation_of", "in"): ("right", "Gives it an orientation (orientation_of)", PALETTE["bluish green"], "-."),
    ("contrasts_with", "out"): ("bottom", "Set apart from (contrasts_with)", PALETTE["vermillion"], "-."),
    ("contrasts_with", "in"): ("bottom", "Set apart from (contrasts_with)", PALETTE["vermillion"], "-."),
}
_OTHER = ("right", "Other relations", PALETTE["reddish purple"], ":")

#: Levels from the narrowest to the widest (the order of ``concepts.level``).
LEVEL_ORDER = ("national", "regional", "international", "trans-state", "global", "multiple")


def _name(table, cid: str, width: int = 16, sep: str = "\n") -> str:
    return label("\n".join(textwrap.wrap(table.loc[cid, "name_en"], width)), table.loc[cid, "name_zh"], sep)


def _neighbours(relations, centre: str, kinds=None):
    """(group key, other concept id, note) for every relation touching ``centre``, in file order."""
    found = []
    for r in relations.itertuples():
        if kinds is not None and r.relation not in kinds:
            continue
        if r.to_id == centre and r.from_id != centre:
            found.append(((r.relation, "in"), r.from_id, r.note))
        elif r.from_id == centre and r.to_id != centre:
            found.append(((r.relation, "out"), r.to_id, r.note))
    return found


def concept_map(concepts, relations, centre: str = "new_security_concept", *, kinds=None,
                title: str | None = None, width: float = 10.0) -> Figure:
    """The concept ``centre`` in the middle and every relation of ``relations`` that touches it
    (or only those whose kind is in ``kinds``), grouped by :data:`GROUPS`: each group has a
    heading, a colour and a line style, so the kind of link is never told by colour alone."""
    table = concepts.set_index("concept_id")
    if centre not in table.index:
        raise KeyError(f"no concept {centre!r} in concepts.csv")
    links = _neighbours(relations, centre, kinds)
    missing = sorted({cid for _, cid, _ in links if cid not in table.index})
    if missing:
        raise KeyError(f"relations name concepts missing from concepts.csv: {', '.join(missing)}")
    title = title or f"What the {table.loc[centre, 'name_en']} is tied to"
    groups: dict[tuple, list[str]] = {}
    for key, cid, _ in links:
        spec = GROUPS.get(key, _OTHER)
        groups.setdefault(spec, [])
        if cid not in groups[spec]:
            groups[spec].append(cid)
    sides: dict[str, list[tuple]] = {"top": [], "left": [], "right": [], "bottom": []}
    for spec, ids in groups.items():
        sides[spec[0]].append((spec, ids))

    W, H = 12.0, 9.0
    y_lo = 0.0 if sides["bottom"] else 1.9  # crop the rows no relation uses
    y_hi = H if sides["top"] else 7.3
    fig = Figure(figsize=(width, width * 0.85 * (y_hi - y_lo) / H + 0.4), layout="constrained")
    ax = fig.add_subplot()
    ax.set_xlim(0, W)
    ax.set_ylim(y_lo, y_hi)
    centre_text = ax.text(W / 2, H / 2, _name(table, centre, 18), ha="center", va="center", fontsize=12,
                          fontweight="bold", zorder=3,
                          bbox=dict(boxstyle="round,pad=0.6", fc="#e8e8e8", ec="black", lw=1.4))
    positions: list[tuple[tuple, str, float, float]] = []  # (spec, id, x, y)

    def row(items, y, x0, x1):
        n = len(items)
        step = (x1 - x0) / n
        return [(x0 + step * (i + 0.5), y) for i in range(n)]

    for side_name, y, heading_y in (("top", 7.75, 8.65), ("bottom", 0.55, 1.45)):
        flat = [(spec, cid) for spec, ids in sides[side_name] for cid in ids]
        if not flat:
            continue
        for (spec, cid), (x, yy) in zip(flat, row(flat, y, 0.2, W - 0.2)):
            positions.append((spec, cid, x, yy))
        specs = list(dict.fromkeys(spec for spec, _ in flat))
        ax.text(W / 2, heading_y, "   ·   ".join(s[1] for s in specs), ha="center", va="center", fontsize=10,
                fontweight="bold", color="#333333", zorder=3, bbox=dict(fc="white", ec="none", pad=2))
    for side_name, x in (("left", 1.45), ("right", W - 1.45)):
        entries = []
        for spec, ids in sides[side_name]:
            entries.append(("heading", spec, None))
            entries.extend(("node", spec, cid) for cid in ids)
        if not entries:
            continue
        top, bottom = 6.85, 2.1
        step = (top - bottom) / max(len(entries) - 1, 1)
        for i, (what, spec, cid) in enumerate(entries):
            yy = top - i * step if len(entries) > 1 else H / 2
            if what == "heading":
                ax.text(x, yy, "\n".join(textwrap.wrap(spec[1], 28)), ha="center", va="center", fontsize=9,
                        fontweight="bold", color="#333333", zorder=3, bbox=dict(fc="white", ec="none", pad=2))
            else:
                positions.append((spec, cid, x, yy))
    for spec, cid, x, y in positions:
        _, _, colour, style = spec
        wide = spec[0] in ("left", "right")
        node = ax.text(x, y, _name(table, cid, 26 if wide else 15), ha="center", va="center", fontsize=9.5, zorder=3,
                       bbox=dict(boxstyle="round,pad=0.35", fc="white", ec=colour, lw=1.6))
        arrow = "-|>" if spec[1].startswith("Grew") else "-"
        reverse = spec[1].startswith("Grew into") or spec[1].startswith("Is part of")
        a, b = (centre_text, node) if reverse else (node, centre_text)
        ax.annotate("", xy=b.get_position(), xytext=a.get_position(), zorder=1,
                    arrowprops=dict(arrowstyle=arrow, color=colour, lw=1.5, linestyle=style, shrinkA=0, shrinkB=0,
                                    patchA=a.get_bbox_patch(), patchB=b.get_bbox_patch(), mutation_scale=14))
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_visible(False)
    ax.set_title(label(title, "概念图"), fontsize=13)
    ax.set_xlabel("Each box is a concept of concepts.csv, each line a row of relations.csv;\narrows point the way "
                  "a concept grew; line style and heading say the kind of relation", fontsize=9)
    ax.set_ylabel("Grouped by kind of relation (see the headings)", fontsize=9)
    handles = [Line2D([], [], color=spec[2], linestyle=spec[3], lw=1.8, label=spec[1]) for spec in groups]
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 3), fontsize=8.5, frameon=False)
    parts = [f"{spec[1]}: " + ", ".join(table.loc[c, "name_en"] for c in ids) for spec, ids in groups.items()]
    alt = (f"{title}: a concept map with {table.loc[centre, 'name_en']} in the middle and "
           f"{plural(len(links), 'relation')} from data/relations.csv around it. " + "; ".join(parts) + ".")
    return finish(fig, alt)


def temple(concepts, relations, roof: str, *, describe: bool = False, title: str | None = None,
           width: float = 10.0) -> Figure:
    """``roof`` drawn as the roof of a temple on its pillars (the concepts with a ``pillar_of``
    relation to it, in file order); the concepts with an ``orientation_of`` relation to it are
    stacked between the pillars by ``concepts.level``, national at the bottom. With
    ``describe=True`` each pillar carries its ``summary_en`` and each level its relation note."""
    table = concepts.set_index("concept_id")
    if roof not in table.index:
        raise KeyError(f"no concept {roof!r} in concepts.csv")
    rel = relations[relations["to_id"] == roof]
    pillars = rel[rel["relation"] == "pillar_of"]
    tiers = rel[rel["relation"] == "orientation_of"].copy()
    if pillars.empty:
        raise ValueError(f"{roof!r} has no pillars (no pillar_of relation points at it)")
    missing = sorted(set(pillars["from_id"]).union(tiers["from_id"]) - set(table.index))
    if missing:
        raise KeyError(f"relations name concepts missing from concepts.csv: {', '.join(missing)}")
    tiers["rank"] = tiers["from_id"].map(lambda c: LEVEL_ORDER.index(table.loc[c, "level"])
                                         if table.loc[c, "level"] in LEVEL_ORDER else len(LEVEL_ORDER))
    tiers = tiers.sort_values("rank", kind="stable")
    title = title or f"{table.loc[roof, 'name_en']}: its pillars" + (" and levels" if len(tiers) else "")
    n = len(pillars)

    W = 10.0
    if len(tiers):
        pw = 2.1
        slots = [0.25 + pw * (i + 0.5) for i in range(n)]
        if n == 2:
            slots = [0.25 + pw / 2, W - 0.25 - pw / 2]
    else:
        gap = 0.3
        pw = (W - 0.6 - gap * (n - 1)) / n
        slots = [0.3 + pw / 2 + i * (pw + gap) for i in range(n)]
    wrap = max(14, int(pw * 12.8))
    texts = []
    for p in pillars.itertuples():
        body = textwrap.fill(drawable(table.loc[p.from_id, "summary_en"]), wrap) if describe else ""
        texts.append(body)
    body_lines = max((t.count("\n") + 1 if t else 0) for t in texts)
    shaft = max(2.2, 1.05 + body_lines * 0.165)  # in data units (about an inch of height each)
    tier_h = 0.95 if describe else 0.7
    shaft = max(shaft, len(tiers) * (tier_h + 0.15) + 0.2)
    H = 0.7 + shaft + 0.35 + 1.35  # base, shaft, beam, roof
    fig = Figure(figsize=(width, H * 1.02 + 1.1), layout="constrained")
    ax = fig.add_subplot()
    ax.set_xlim(0, W)
    ax.set_ylim(0, H)
    stone, edge = "#eeeeee", "#555555"
    ax.add_patch(Rectangle((0.1, 0.05), W - 0.2, 0.3, fc=stone, ec=edge))
    ax.add_patch(Rectangle((0.3, 0.35), W - 0.6, 0.3, fc=stone, ec=edge))
    sources = sorted({f"{r.source_id}, {r.locator}" for r in rel.itertuples()
                      if r.relation in ("pillar_of", "orientation_of")})
    ax.text(W / 2, 0.2, "From data/relations.csv: " + "; ".join(sources), ha="center", va="center", fontsize=8)
    beam_y = 0.7 + shaft
    ax.add_patch(Rectangle((0.3, beam_y), W - 0.6, 0.35, fc=stone, ec=edge))
    ax.add_patch(Polygon([(0.1, beam_y + 0.35), (W - 0.1, beam_y + 0.35), (W / 2, H - 0.02)],
                         closed=True, fc=PALETTE["sky blue"], ec=edge, alpha=0.55))
    ax.text(W / 2, beam_y + 0.35 + 0.5, _name(table, roof, 40, " "), ha="center", va="center", fontsize=12.5,
            fontweight="bold")
    fills = [PALETTE["blue"], PALETTE["bluish green"], PALETTE["orange"], PALETTE["reddish purple"]]
    for i, (p, x, body) in enumerate(zip(pillars.itertuples(), slots, texts)):
        ax.add_patch(Rectangle((x - pw / 2, 0.65), pw, shaft + 0.05, fc="white", ec=edge, lw=1.2))
        ax.add_patch(Rectangle((x - pw / 2, 0.65), 0.12, shaft + 0.05, fc=fills[i % len(fills)], ec="none",
                               alpha=0.8))
        ax.text(x + 0.06, beam_y - 0.12, _name(table, p.from_id, 18 if len(tiers) else 22), ha="center", va="top",
                fontsize=10.5, fontweight="bold")
        if body:
            ax.text(x + 0.06, beam_y - 0.8, body, ha="center", va="top", fontsize=8.8, linespacing=1.2)
    tier_parts = []
    if len(tiers):
        left, right = slots[0] + pw / 2 + 0.2, slots[-1] - pw / 2 - 0.2
        step = (shaft - 0.2) / len(tiers)
        level_fill = {"national": PALETTE["sky blue"], "regional": PALETTE["yellow"], "global": PALETTE["bluish green"]}
        for k, t in enumerate(tiers.itertuples()):
            y0 = 0.75 + k * step
            level = table.loc[t.from_id, "level"]
            ax.add_patch(Rectangle((left, y0), right - left, step - 0.15, fc=level_fill.get(level, "#dddddd"),
                                   ec=edge, alpha=0.45))
            head = f"{label(table.loc[t.from_id, 'name_en'], table.loc[t.from_id, 'name_zh'])}: {level} orientation"
            note = ("\n" + textwrap.fill(drawable(t.note), 58)) if describe else ""
            ax.text((left + right) / 2, y0 + (step - 0.15) / 2, head + note, ha="center", va="center",
                    fontsize=9.5 if not describe else 9, linespacing=1.3)
            tier_parts.append(f"{table.loc[t.from_id, 'name_en']} ({level})")
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_visible(False)
    ax.set_title(label(title, "支柱" if not len(tiers) else "理论体系"), fontsize=13)
    ax.set_xlabel("Pillars: the pillar_of relations" + (", and between them the orientation_of relations"
                                                         if len(tiers) else ""), fontsize=9)
    ax.set_ylabel("Levels, national at the bottom, global at the top" if len(tiers) else "Roof on its pillars",
                  fontsize=9)
    names = [table.loc[p, "name_en"] for p in pillars["from_id"]]
    alt = (f"{title}: {table.loc[roof, 'name_en']} drawn as a roof on {plural(n, 'pillar')} "
           f"({', '.join(names)})")
    alt += (f", with {plural(len(tiers), 'level')} between them from bottom to top: {', '.join(tier_parts)}."
            if tier_parts else ".")
    if describe:
        alt += " Each pillar carries its definition as summarised in concepts.csv."
    return finish(fig, alt)


def pillar_board(statements: Mapping[str, str], categories: list[str], placed: Mapping[str, str] | None = None,
                 verdicts: Mapping[str, bool] | None = None, *, title: str = "Test statements against the pillars",
                 width: float = 10.0, text_width: int = 64) -> Figure:
    """A board: one row per statement (numbered), one column per category. A placed statement
    gets a dot in the column chosen (``placed``); after a check (``verdicts``: statement id ->
    right?) the dot becomes a tick (right) or a cross (not right), so the mark's shape, not only
    its colour, tells them apart."""
    placed = {k: v for k, v in (placed or {}).items() if v in categories}
    verdicts = verdicts or {}
    ids = list(statements)
    n, m = len(ids), len(categories)
    rows = [f"{i + 1}. " + "\n".join(textwrap.wrap(drawable(statements[s]), text_width)) for i, s in enumerate(ids)]
    heights = [r.count("\n") + 1 for r in rows]
    row_h = 0.14 + 0.14 * max(heights)
    fig = Figure(figsize=(width, 1.5 + row_h * n), layout="constrained")
    ax = fig.add_subplot()
    text_cols = 5.2  # data units left of the first category column, for the statements
    for i, r in enumerate(rows):
        ax.text(-0.5 - text_cols + 0.08, n - 1 - i, r, ha="left", va="center", fontsize=8.5, linespacing=1.15)
    for j in range(m):
        ax.axvspan(j - 0.5, j + 0.5, color="#f4f4f4" if j % 2 == 0 else "white", zorder=0, lw=0)
    for i in range(n + 1):
        ax.axhline(i - 0.5, color="#cccccc", lw=0.8, zorder=1)
    ax.axvline(-0.5, color="#999999", lw=0.8, zorder=1)
    n_right = n_wrong = 0
    for i, s in enumerate(ids):
        y = n - 1 - i
        if s not in placed:
            continue
        x = categories.index(placed[s])
        if s in verdicts:
            ok = bool(verdicts[s])
            n_right += ok
            n_wrong += not ok
            ax.plot([x], [y], marker="o" if ok else "X", markersize=15, linestyle="none", zorder=2,
                    color=PALETTE["bluish green"] if ok else PALETTE["vermillion"], markeredgecolor="black",
                    markeredgewidth=0.6)
            ax.text(x + 0.22, y, "right" if ok else "change", va="center", fontsize=8, zorder=3)
        else:
            ax.plot([x], [y], marker="o", markersize=9, linestyle="none", color=PALETTE["blue"], zorder=2)
    ax.set_xlim(-0.5 - text_cols, m - 0.5)
    ax.set_ylim(-0.5, n - 0.5)
    ax.set_yticks([])
    ax.set_xticks(range(m), ["\n".join(textwrap.wrap(drawable(c), 14)) for c in categories], fontsize=9)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.set_xlabel("Your placements (dots); after Check, a circle marked right is right, a cross marked change "
                  "is not", fontsize=9)
    ax.set_ylabel("Statements, numbered as in the widget", fontsize=9)
    ax.set_title(label(title, "检验"), fontsize=12)
    alt = f"{title}: a board of {plural(n, 'statement')} (rows) and {m} columns ({', '.join(categories)}). "
    if not placed:
        alt += "Nothing is placed yet."
    else:
        alt += f"{len(placed)} of {n} placed"
        alt += f"; after the check {n_right} right and {n_wrong} to change." if verdicts else "."
    return finish(fig, alt)
