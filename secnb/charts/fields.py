"""Charts of the eleven fields of the 2014 overall national security outlook (总体国家安全观).

* :func:`eleven_fields`: the fields in one of the three orders the sources give, each with the
  number of threats of ``threats.csv`` filed under it, traditional fields hatched and tagged;
* :func:`field_orders`: the three orders side by side (the lecture's English quotation, which is
  the official order, the lecture's Chinese slide and the Berlin paper), one line per field;
* :func:`news_key`: the key to the practice items of ``widgets.news_classifier``, a grid of the
  invented news-style items against the eleven fields;
* :func:`headline_key`: the same grid for the headlines of exercise ``nb05.news_fields``
  (:data:`HEADLINES`), each with the field it mainly touches and the others it also touches.

The practice items (:data:`NEWS_ITEMS`) are invented, generic illustrations written for the
course: no real names, places or dates. They are not facts of the dataset; each names the field
ids (rows of ``fields.csv``) that fit it and a hint that does not give the answer away. The
headlines (:data:`HEADLINES`) are invented the same way, and each also names its ``main`` field,
the one answer the exercise accepts.
"""

from __future__ import annotations

import textwrap
from typing import NamedTuple

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .base import PALETTE, finish, label, plural, short

__all__ = ["eleven_fields", "field_orders", "headline_key", "news_key"]

#: The three orders of the fields that ``fields.csv`` keeps, with the list each comes from.
ORDERS = {
    "order": "the lecture's English quotation (the official order)",
    "order_su_zh": "the lecture's Chinese slide",
    "order_jin": "the Berlin paper",
}
#: Short names of the three lists, for column heads and drop-downs.
ORDER_NAMES = {"order": ("Lecture, English quotation\n(the official order)", None),
               "order_su_zh": ("Lecture, Chinese slide", "国家安全体系涵盖11种安全"),
               "order_jin": ("Berlin paper\n(Jin 2015)", None)}

#: How a traditional and a non-traditional field look: colour, hatch, marker and a written tag,
#: so that colour is never the only cue.
STYLE = {
    True: {"colour": PALETTE["vermillion"], "hatch": "///", "marker": "s", "line": "-", "tag": "traditional"},
    False: {"colour": PALETTE["blue"], "hatch": None, "marker": "o", "line": "--", "tag": "non-traditional"},
}


class NewsItem(NamedTuple):
    """An invented news-style item for the field classifier: its text, the ids of the fields that
    fit it (any of them counts as right) and a hint that points the way without the answer.
    ``main``, if given, is the one field the item mainly touches (one of ``fields``): the answer
    of a match exercise, where the other fields count as touched too but not as the answer."""

    item_id: str
    text: str
    fields: frozenset
    hint: str
    main: str = ""


#: Invented, generic illustrations (no real names, places or dates), one or more for each field.
NEWS_ITEMS: tuple[NewsItem, ...] = (
    NewsItem("uprising", "A group funded from abroad calls on citizens to rise up and overthrow the government.",
             frozenset({"political"}), "Its target is the system of state power itself."),
    NewsItem("markers", "Survey teams of a neighbouring state put up markers on land that both states claim.",
             frozenset({"homeland"}), "No shot is fired: what is at stake is where the country ends."),
    NewsItem("missiles", "A neighbouring state moves missile units close to the border and holds its largest exercise in years.",
             frozenset({"military"}), "Who acts here, and with what means?"),
    NewsItem("capital_flight", "Capital flees the country overnight; the currency crashes, banks wobble and factories lay off workers.",
             frozenset({"economic"}), "Follow the money: markets, banks and jobs."),
    NewsItem("imports", "Imported films, games and websites crowd out home-made ones, and officials warn that young people's values are changing.",
             frozenset({"cultural"}), "What is said to be under threat is a way of thinking and living."),
    NewsItem("riots", "Protests over land seizures turn violent in several towns, and trust in local officials collapses.",
             frozenset({"societal", "political"}), "Think of order and cohesion inside society."),
    NewsItem("chips", "A foreign government bans exports of the advanced chips on which the country's high-tech industry depends.",
             frozenset({"scitech", "economic"}), "Which capacity does the ban cut off?"),
    NewsItem("leak", "Hackers break into a ministry's computer network and publish thousands of internal files.",
             frozenset({"information"}), "What was broken into: a border, a market or a network?"),
    NewsItem("lake", "Toxic waste from a chemical park poisons a large lake; its fisheries close and its water is unfit to drink.",
             frozenset({"ecological", "resources"}), "What has been damaged, and can it recover by itself?"),
    NewsItem("oil", "The country imports most of its oil by sea, and a quarrel abroad threatens to close the main shipping lane.",
             frozenset({"resources", "economic"}), "What could run short?"),
    NewsItem("smugglers", "Police arrest smugglers trying to sell stolen radioactive material.",
             frozenset({"nuclear"}), "What were they trying to sell?"),
    NewsItem("plant", "An accident at a power plant releases radioactive steam, and nearby villages are evacuated.",
             frozenset({"nuclear", "ecological"}), "安全 means both safety and security: which field covers accidents with this kind of plant?"),
    NewsItem("epidemic", "A new virus spreads through crowded cities and hospitals run out of beds.",
             frozenset({"societal"}), "The eleven fields have no health field: look for the one that covers the safety of society and its people."),
)


#: Invented headlines for the exercise nb05.news_fields (no real names, places, dates or numbers):
#: each mainly touches one field (``main``, the answer) and may touch others too (the rest of
#: ``fields``, drawn as hollow marks in :func:`headline_key`). Several pairs differ only in the
#: field they mainly touch (natural resources or ecology, information or the economy).
HEADLINES: tuple[NewsItem, ...] = (
    NewsItem("passport_map", "A neighbouring state issues new passports whose printed map shows part of the country's "
             "border region as its own.", frozenset({"homeland", "political"}),
             "Nobody is hurt and nothing is stolen: ask what the map lays claim to.", main="homeland"),
    NewsItem("ransomware", "Hackers lock the national railway's computers with ransomware; trains still run, but "
             "timetables and ticket records cannot be reached for days.", frozenset({"information", "economic"}),
             "Ask what the attackers broke into before you ask what it cost.", main="information"),
    NewsItem("upstream_dams", "Dams upstream in a neighbouring state leave a shared river low every dry season, and "
             "the country's rice farmers go short of water for their fields.", frozenset({"resources", "ecological"}),
             "Ask what runs short, and who depends on having enough of it.", main="resources"),
    NewsItem("sandstorms", "Overgrazing and dry years turn wide grasslands into desert, and sandstorms from them "
             "darken the capital every spring.", frozenset({"ecological", "resources"}),
             "What is harmed is the living environment itself: can it recover on its own?", main="ecological"),
    NewsItem("chip_designers", "Foreign firms hire away most of the country's best chip designers, and a national "
             "laboratory has to shut down its flagship research programme.", frozenset({"scitech", "economic"}),
             "Which national capacity is being emptied out: money, land or know-how?", main="scitech"),
    NewsItem("spent_fuel", "An audit finds that spent fuel rods from a research reactor are missing from the site "
             "where they were stored.", frozenset({"nuclear", "ecological"}),
             "What could be made from the missing material, and which rules guard it?", main="nuclear"),
    NewsItem("panic_buying", "Rumours spread by text message set off panic buying in several cities, and crowds "
             "clash with shopkeepers as the shelves empty.", frozenset({"societal", "economic"}),
             "The harm is to order and trust among ordinary people, not to the state's institutions.",
             main="societal"),
    NewsItem("export_slump", "The world price of the country's main export halves within a month; the currency "
             "falls and the government struggles to pay its debts.", frozenset({"economic"}),
             "In the slide's order of aims, which kind of security is the foundation? Is it shaken here?",
             main="economic"),
)


def short_name(name_en: str) -> str:
    """'Political security' -> 'Political'; the field's name without the word security."""
    return name_en[: -len(" security")] if name_en.endswith(" security") else name_en


def threat_counts(fields, threats) -> dict[str, int]:
    """How many threats of ``threats.csv`` each field holds (0 for a field with none)."""
    counts = threats["field_id"].value_counts() if threats is not None else {}
    return {f: int(counts.get(f, 0)) for f in fields["field_id"]}


def _check_order(order: str) -> None:
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}; got {order!r}")


def eleven_fields(fields, threats, *, order: str = "order", sort: str = "position", title: str | None = None) -> Figure:
    """One bar per field, listed in the ``order`` of one source ("order", "order_su_zh" or
    "order_jin"; with ``sort="threats"``, most threats first). The bar's length is the number of
    threats of ``threats.csv`` filed under the field; traditional fields are hatched and tagged."""
    _check_order(order)
    if sort not in ("position", "threats"):
        raise ValueError(f"sort must be 'position' or 'threats'; got {sort!r}")
    counts = threat_counts(fields, threats)
    table = fields.assign(threats=fields["field_id"].map(counts))
    keys = ["threats", order] if sort == "threats" else [order]
    table = table.sort_values(keys, ascending=[False, True] if sort == "threats" else [True]).reset_index(drop=True)
    n = len(table)
    fig = Figure(figsize=(8.8, 1.9 + 0.36 * n), layout="constrained", dpi=100)
    ax = fig.add_subplot()
    top = max(table["threats"].max(), 1)
    ys = list(range(n))[::-1]
    for y, row in zip(ys, table.itertuples()):
        style = STYLE[bool(row.traditional)]
        ax.barh(y, row.threats, height=0.62, color=style["colour"], alpha=0.75, hatch=style["hatch"],
                edgecolor="black", linewidth=0.6)
        ax.text(row.threats + top * 0.02, y, f"{row.threats}   {style['tag']}", va="center", fontsize=8.5)
    ax.set_yticks(ys, [f"{getattr(row, order)}. {label(row.name_en, row.name_zh)}" for row in table.itertuples()],
                  fontsize=9.5)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlim(0, top * 1.45 + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel("Threats of the course dataset filed under the field (threats.csv)")
    where = ORDERS[order]
    ax.set_ylabel(f"Field, numbered as in {where}" if sort == "position" else "Field (number: its position in the list)",
                  fontsize=9)
    heading = title or "The eleven fields of the overall national security outlook (April 2014)"
    ax.set_title(label(heading, "总体国家安全观的11种安全") + f"\nListed as in {where}"
                 + (", most threats first" if sort == "threats" else ""), fontsize=11)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(handles=[Patch(facecolor=STYLE[t]["colour"], alpha=0.75, hatch=STYLE[t]["hatch"], edgecolor="black",
                             label=f"{STYLE[t]['tag']} field") for t in (True, False)],
              loc="center right", fontsize=8.5, frameon=False)  # beside the short bars, clear of labels
    n_trad = int(table["traditional"].astype(bool).sum())
    empty = [short_name(r.name_en) for r in table.itertuples() if r.threats == 0]
    items = "; ".join(f"{getattr(r, order)} {short_name(r.name_en)} ({STYLE[bool(r.traditional)]['tag']}, "
                      f"{plural(r.threats, 'threat')})" for r in table.itertuples())
    alt = (f"{heading}, listed as in {where}{', most threats first' if sort == 'threats' else ''}: {items}. "
           f"{n_trad} fields are traditional and {n - n_trad} non-traditional; "
           f"{plural(int(table['threats'].sum()), 'threat')} of the dataset fall in them"
           + (f", and {len(empty)} fields have none ({', '.join(empty)})." if empty else "."))
    return finish(fig, alt)


def field_orders(fields, *, title: str = "One outlook, three lists: the order of the eleven fields") -> Figure:
    """The positions of the fields in the three lists side by side, one line per field: the
    lecture's English quotation (the official order) on the left, the lecture's Chinese slide in
    the middle, the Berlin paper on the right."""
    cols = list(ORDERS)
    n = len(fields)
    fig = Figure(figsize=(11, 1.8 + 0.42 * n), layout="constrained", dpi=100)
    ax = fig.add_subplot()
    xs = [0, 1, 2]
    for row in fields.sort_values("order").itertuples():
        style = STYLE[bool(row.traditional)]
        ys = [getattr(row, c) for c in cols]
        ax.plot(xs, ys, color=style["colour"], linestyle=style["line"], linewidth=1.6, zorder=1)
        ax.plot([xs[0], xs[2]], [ys[0], ys[2]], linestyle="none", marker=style["marker"], markersize=7,
                color=style["colour"], markeredgecolor="black", markeredgewidth=0.6, zorder=3)
        ax.text(xs[0] - 0.05, ys[0], f"{label(row.name_en, row.name_zh)}  {ys[0]}", ha="right", va="center", fontsize=9)
        ax.text(xs[1], ys[1], f"{ys[1]}. {label(short_name(row.name_en), row.name_zh)}", ha="center", va="center",
                fontsize=8.5, zorder=4, bbox={"boxstyle": "round,pad=0.25", "facecolor": "white",
                                              "edgecolor": style["colour"], "linestyle": style["line"]})
        ax.text(xs[2] + 0.05, ys[2], f"{ys[2]}  {short_name(row.name_en)}", ha="left", va="center", fontsize=9)
    ax.set_xlim(-1.15, 2.75)
    ax.set_ylim(n + 0.7, 0.3)
    ax.set_xticks(xs, [label(*ORDER_NAMES[c], "\n") for c in cols], fontsize=9.5)
    ax.xaxis.tick_top()
    ax.set_yticks([])
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_ylabel("Position in the list (1 = first)")
    ax.set_xlabel("Each line follows one field through the three lists; a crossing line means the lists disagree")
    ax.set_title(label(title, "十一种安全的排序"), pad=10)
    ax.legend(handles=[Line2D([], [], color=STYLE[t]["colour"], linestyle=STYLE[t]["line"], marker=STYLE[t]["marker"],
                              markeredgecolor="black", label=f"{STYLE[t]['tag']} field") for t in (True, False)],
              loc="lower center", bbox_to_anchor=(0.5, -0.02), ncol=2, fontsize=9, frameon=False)
    ordered = {c: [short_name(n) for n in fields.sort_values(c)["name_en"]] for c in cols}
    same = [short_name(r.name_en) for r in fields.itertuples() if len({getattr(r, c) for c in cols}) == 1]
    jin_moves = [short_name(r.name_en) for r in fields.sort_values("order").itertuples() if r.order_jin != r.order]
    alt = (f"{title}. The lecture's English quotation, the official order: {', '.join(ordered['order'])}. "
           f"The lecture's Chinese slide: {', '.join(ordered['order_su_zh'])}. "
           f"The Berlin paper: {', '.join(ordered['order_jin'])}. "
           + (f"The Berlin paper differs from the official order only for {' and '.join(jin_moves)}; " if jin_moves else
              "The Berlin paper follows the official order; ")
           + f"only {' and '.join(same) if same else 'no field'} keep the same position in all three lists.")
    return finish(fig, alt)


def news_key(fields, items: tuple[NewsItem, ...] = NEWS_ITEMS, *, title: str = "Key to the practice items: which fields fit each one") -> Figure:
    """A grid of the practice items (rows) against the eleven fields in the official order
    (columns): a mark where the field fits the item. Traditional fields' columns are shaded."""
    table = fields.sort_values("order").reset_index(drop=True)
    ids = list(table["field_id"])
    unknown = sorted({f for it in items for f in it.fields} - set(ids))
    if unknown:
        raise KeyError(f"the practice items use field ids that fields.csv does not have: {', '.join(unknown)}")
    n, m = len(items), len(ids)
    fig = Figure(figsize=(11, 2.4 + 0.42 * n), layout="constrained", dpi=100)
    ax = fig.add_subplot()
    for j, row in table.iterrows():
        if bool(row["traditional"]):
            ax.axvspan(j - 0.5, j + 0.5, facecolor=PALETTE["vermillion"], alpha=0.12, hatch="//",
                       edgecolor=PALETTE["vermillion"], linewidth=0)
    for i, item in enumerate(items):
        y = n - 1 - i
        ax.axhline(y, color="#e4e4e4", linewidth=0.8, zorder=0)
        for j, fid in enumerate(ids):
            if fid in item.fields:
                trad = bool(table.loc[j, "traditional"])
                if item.main and fid != item.main:  # touched too, but not what the item mainly touches
                    ax.plot(j, y, marker=STYLE[trad]["marker"], markersize=7, color=STYLE[trad]["colour"],
                            markerfacecolor="none", markeredgewidth=1.4, linestyle="none")
                else:
                    ax.plot(j, y, marker=STYLE[trad]["marker"], markersize=10, color=STYLE[trad]["colour"],
                            markeredgecolor="black", markeredgewidth=0.6, linestyle="none")
    ax.set_xticks(range(m), [label(short_name(r.name_en), r.name_zh, "\n") for r in table.itertuples()], rotation=40,
                  ha="left", rotation_mode="anchor", fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks([n - 1 - i for i in range(n)], ["\n".join(textwrap.wrap(it.text, 62)) for it in items], fontsize=8)
    ax.set_xlim(-0.6, m - 0.4)
    ax.set_ylim(-0.6, n - 0.4)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    mains = any(it.main for it in items)
    ax.set_xlabel("Field of the overall national security outlook (official order; shaded and square: traditional)"
                  + ("\nLarge filled mark: the field the item mainly touches; small hollow mark: a field it also touches"
                     if mains else ""))
    ax.set_ylabel("Invented practice item")
    ax.set_title(label(title, "练习答案"), fontsize=11)
    def names(fids):
        return ", ".join(short_name(table.loc[ids.index(f), "name_en"]) for f in ids if f in fids)

    def key(it):
        if not it.main:
            return names(it.fields)
        also = it.fields - {it.main}
        return f"mainly {names({it.main})}" + (f", also {names(also)}" if also else "")

    per_item = "; ".join(f"{short(it.text, 48)}: {key(it)}" for it in items)
    alt = f"{title}. {plural(n, 'invented item')} against the eleven fields. {per_item}."
    return finish(fig, alt)


def headline_key(fields, *, title: str = "The course's coding of the headlines: the main field and the others touched") -> Figure:
    """The key to exercise nb05.news_fields: :func:`news_key` for :data:`HEADLINES`, a large filled
    mark at the field each headline mainly touches and a small hollow one at each field it also
    touches."""
    return news_key(fields, HEADLINES, title=title)
