"""The pillar tester: sort statements and policies by the New Security Concept's four pillars.

The four pillars (mutual trust 互信, mutual benefit 互利, equality 平等, coordination 协作) and
their names come from the dataset (the ``pillar_of`` relations of ``relations.csv`` and
``concepts.csv``). The statements are teaching items written for this widget; the key says
which pillar each fits best **by the definitions of China's 2002 Position Paper (part III)**,
not by any judgement of the course. A statement may fit more than one pillar (then any of them
counts), or none: the course also offers policies that go against the concept as the Paper
describes it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as W

from .. import charts
from .base import CHOOSE, sorter

__all__ = ["NONE", "STATEMENTS", "Statement", "pillar_categories", "pillar_key", "pillar_tester"]

#: The concept whose pillars the tester uses.
CENTRE = "new_security_concept"
#: The category for a statement that goes against the concept.
NONE = "none: goes against it"


@dataclass(frozen=True)
class Statement:
    """A teaching item: ``fits`` holds the concept ids of the pillars it fits by the Position
    Paper's definitions (empty: it goes against the concept); ``hint`` is shown when it is
    placed wrongly, and points to the wording without naming the answer."""

    id: str
    text: str
    fits: frozenset
    hint: str


STATEMENTS = (
    Statement("systems", "Two states with different political and social systems agree that the difference is "
              "no reason to treat each other as enemies.", frozenset({"mutual_trust"}),
              "Which definition asks countries to look past differences of ideology and social system?"),
    Statement("others_security", "A state plans its defence so that it also creates conditions for its "
              "neighbours' security, not only for its own.", frozenset({"mutual_benefit"}),
              "Which definition speaks of other countries' security as well as one's own?"),
    Statement("small_voice", "At a regional forum, a small state's voice counts as much as a great power's.",
              frozenset({"equality"}), "Which definition speaks of countries big or small?"),
    Statement("border_talks", "Two neighbours with a border dispute agree to settle it by negotiation, not by "
              "force.", frozenset({"coordination"}),
              "Which definition says how disputes should be settled?"),
    Statement("briefings", "Neighbours brief each other regularly on their defence policies and their major "
              "military operations.", frozenset({"mutual_trust", "coordination"}),
              "Read the last sentence of each of the Position Paper's four definitions. (The explainer "
              "article files such briefings under another pillar; either reading counts.)"),
    Statement("internal_affairs", "A state keeps out of a neighbour's internal affairs, although it dislikes "
              "the neighbour's government.", frozenset({"equality"}),
              "Which definition asks countries not to interfere in one another's internal affairs?"),
    Statement("shared_threat", "Countries facing the same terrorist and criminal networks work together "
              "against them, to remove the danger before it turns into conflict.", frozenset({"coordination"}),
              "Which definition asks for wide and deep cooperation on security issues of common concern?"),
    Statement("interests", "When it plans its own security, each country takes the other's security "
              "interests into account.", frozenset({"mutual_benefit"}),
              "Which definition asks countries to respect each other's security interests?"),
    Statement("alliance", "Two states form a military alliance aimed at a named third country.", frozenset(),
              "The Position Paper asks countries to discard the Cold War mentality, and praises the SCO for "
              "targeting no other country."),
    Statement("absolute", "A state arms itself to be perfectly safe, whatever its neighbours come to fear.",
              frozenset(), "The Paper asks states to rise above one-sided security and to refrain from an "
              "arms race."),
    Statement("regime_change", "A powerful state sends troops to change the government of a smaller state it "
              "accuses of abuses.", frozenset(),
              "Think of what the Paper's definition of equality says about other countries' internal affairs."),
)


def pillar_categories(concepts, relations, centre: str = CENTRE) -> dict[str, str]:
    """The pillars of ``centre`` in the order of relations.csv: concept id -> the category shown
    (English name in lower case with the Chinese, e.g. 'mutual trust (互信)')."""
    table = concepts.set_index("concept_id")
    rel = relations[(relations["relation"] == "pillar_of") & (relations["to_id"] == centre)]
    if rel.empty:
        raise ValueError(f"no pillar_of relation points at {centre!r} in relations.csv")
    return {cid: f"{table.loc[cid, 'name_en'].lower()} ({table.loc[cid, 'name_zh']})" for cid in rel["from_id"]}


def pillar_key(concepts, relations, statements=STATEMENTS, centre: str = CENTRE) -> dict[str, set[str]]:
    """Statement id -> the set of acceptable categories (:data:`NONE` for a statement that fits
    no pillar). Raises ValueError if a statement names a pillar the dataset does not have."""
    cats = pillar_categories(concepts, relations, centre)
    key = {}
    for s in statements:
        unknown = set(s.fits) - set(cats)
        if unknown:
            raise ValueError(f"statement {s.id!r} names pillars not in the dataset: {', '.join(sorted(unknown))}")
        key[s.id] = {cats[c] for c in s.fits} if s.fits else {NONE}
    return key


def pillar_tester(concepts, relations, statements=STATEMENTS) -> W.VBox:
    """Sort each statement into the pillar it fits best (or *none*), then press *Check*.

    Built on :func:`secnb.widgets.sorter`: ``controls`` (one drop-down per statement),
    ``view`` (the feedback: after a check, the score, a board of the placements with a circle
    for each right one and a cross for each wrong one, and a hint for each wrong one),
    ``check()``, ``score`` (right, total) and ``figure`` (the board last drawn; before any
    check, the empty board).
    """
    categories = list(pillar_categories(concepts, relations).values()) + [NONE]
    key = pillar_key(concepts, relations, statements)
    texts = {s.id: s.text for s in statements}
    hints = {s.id: s.hint for s in statements}
    items = {s.id: f"{i + 1}. {s.text}" for i, s in enumerate(statements)}
    intro = ("By the Position Paper's definitions (part III), which pillar does each statement fit best? "
             f"Choose <em>{html.escape(NONE)}</em> for a statement that runs against the concept as the Paper "
             "describes it. Where a statement fits two pillars, either counts. Press <em>Check my sorting</em> "
             "to see a board of your answers.")
    box = sorter(items, categories, key, hints=hints, intro=intro, category_label="pillar")
    base_check = box.check
    title = "Test statements against the pillars"
    box.figure = charts.pillar_board(texts, categories, title=title)

    def show_board(_button=None):
        placed = {i: c.value for i, c in box.controls.items() if c.value != CHOOSE}
        verdicts = {i: v in key[i] for i, v in placed.items()}
        box.figure = charts.pillar_board(texts, categories, placed, verdicts, title=title)
        right, total = box.score
        verdict = "All right, well done!" if right == total else "Change the crossed ones and check again."
        notes, unplaced = [], []
        for n, s in enumerate(statements, start=1):
            if s.id not in placed:
                unplaced.append(str(n))
            elif not verdicts[s.id]:
                notes.append(f"<li>✗ {n}: not <em>{html.escape(placed[s.id])}</em>. Hint: {html.escape(s.hint)}</li>")
        if unplaced:
            notes.append(f"<li>… not placed yet: {', '.join(unplaced)}</li>")
        box.view.value = (f'<div role="status"><p><strong>{right} of {total} right.</strong> {verdict}</p>'
                          f'{charts.figure_html(box.figure)}'
                          f'<ul style="list-style:none;padding-left:0.5em">{"".join(notes)}</ul></div>')

    def check(_button=None):
        base_check()
        show_board()

    button = next(c for c in box.children if isinstance(c, W.Button))
    button.on_click(show_board)  # runs after the sorter's own check, which sets the score
    box.check = check
    return box
