"""The escalation ladder: a teaching model of "an ounce of prevention is worth a pound of cure".

**A teaching model, not a forecast and not a claim of any source.** It turns the lecture's slide
*Ways to Prevent the Escalating Conflicts* (Su Hao, *New Security Concepts and Preventive
Diplomacy*, part V) into a picture a learner can move. The numbers are illustrative, not measured.

The model
---------
A conflict's **intensity** ``x`` is one number on a ladder from 0 (a dispute has just appeared)
to ``LADDER_TOP`` = 10 (large-scale war). The ladder has four phases::

    early prevention   0   <= x < 2.5   a dispute is emerging
    late prevention    2.5 <= x < 5     the dispute is open and tension rises; no force is used yet
    crisis             5   <= x < 7.5   a crisis has broken out: threats, mobilisation, first clashes
    war                7.5 <= x <= 10   large-scale violence

The lecture's three ways of handling an escalating conflict apply as follows::

    prevention  (preventive diplomacy: diplomacy, negotiation, mediation, conciliation)   0 <= x < 5
    management  (mediation, intervention, coercive diplomacy)                              5 <= x <= 10
    resolution  (agreement, arbitration)                                                   0 <= x <= 10

The **cost of acting** at intensity ``x`` (in "ounces": acting at the first rung costs 1) is::

    C(x) = R ** (x / LADDER_TOP)          R >= 1, default R = 16 (16 ounces make a pound)

so ``C(0) = 1``, ``C(10) = R``, and acting at ``b`` costs ``R ** ((b - a) / 10)`` times acting at
``a``. With ``R = 16`` the cost doubles at every phase boundary: 1, 2, 4, 8, 16.

Assumptions (say them aloud when you use the model)
---------------------------------------------------
1. A conflict's state is a single number, intensity; real conflicts have many dimensions.
2. The cost of acting grows with the intensity the conflict has reached, exponentially, at one
   rate for every tool: the same step costs more the later it is taken. ``R`` sets how steeply.
3. Which ways apply at which phase follows the lecture's slide: prevention by preventive diplomacy
   until a crisis or conflict breaks out (the lecture's first definition: before a dispute develops
   into armed conflict, at an early or a late stage); management by mediation, intervention or
   coercive diplomacy once it has broken out; resolution by agreement or arbitration at any point
   the parties accept it.
   Boutros-Ghali's definition also lets preventive diplomacy limit the spread of a conflict that
   has begun; the model leaves that out to keep the three ways apart.
4. The tools of prevention are the means the lecture's slide *Elements of Preventive Diplomacy*
   gives (diplomacy, negotiation, mediation, conciliation); mediation therefore appears under both
   prevention and management.
5. The phase boundaries (2.5, 5, 7.5) and ``R`` are illustrative: nothing here is measured.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["LADDER_PHASES", "LADDER_RATIO", "LADDER_TOP", "LADDER_WAYS", "ladder_cost", "ladder_cost_ratio",
           "ladder_curve", "ladder_phase", "ladder_phase_table", "ladder_tools", "ladder_ways", "ways_slide_key"]

LADDER_TOP = 10.0
#: "An ounce of prevention is worth a pound of cure": a pound is 16 ounces.
LADDER_RATIO = 16.0


@dataclass(frozen=True)
class Phase:
    """A phase of the ladder: intensities ``lower <= x < upper`` (the last one includes its upper end)."""

    id: str
    name: str
    lower: float
    upper: float
    description: str


@dataclass(frozen=True)
class Way:
    """One of the lecture's three ways of handling an escalating conflict.

    ``concept_id`` is its row in ``data/concepts.csv`` (names and Chinese come from there);
    ``slide_tools`` are the tools the slide *Ways to Prevent the Escalating Conflicts* names;
    ``tools`` are the tools the model lists under it; ``lower``/``upper`` the intensities where it
    applies (``lower <= x < upper``, or ``<= upper`` when ``upper`` is the top of the ladder).
    """

    id: str
    concept_id: str
    slide_tools: tuple[str, ...]
    tools: tuple[str, ...]
    lower: float
    upper: float


LADDER_PHASES: tuple[Phase, ...] = (
    Phase("early_prevention", "Early prevention", 0.0, 2.5, "a dispute is emerging"),
    Phase("late_prevention", "Late prevention", 2.5, 5.0, "the dispute is open and tension rises; no force yet"),
    Phase("crisis", "Crisis", 5.0, 7.5, "a crisis has broken out: threats, mobilisation, first clashes"),
    Phase("war", "War", 7.5, LADDER_TOP, "large-scale violence"),
)

LADDER_WAYS: tuple[Way, ...] = (
    Way("prevention", "conflict_prevention", ("preventive diplomacy",),
        ("diplomacy", "negotiation", "mediation", "conciliation"), 0.0, 5.0),
    Way("management", "conflict_management", ("mediation", "intervention", "coercive diplomacy"),
        ("mediation", "intervention", "coercive diplomacy"), 5.0, LADDER_TOP),
    Way("resolution", "conflict_resolution", ("agreement", "arbitration"),
        ("agreement", "arbitration"), 0.0, LADDER_TOP),
)


def _intensity(x) -> float:
    try:
        value = float(x)
    except (TypeError, ValueError):
        raise ValueError(f"intensity must be a number from 0 to {LADDER_TOP:g}; got {x!r}") from None
    if not (0.0 <= value <= LADDER_TOP):  # also rejects nan
        raise ValueError(f"intensity must be from 0 to {LADDER_TOP:g}; got {x!r}")
    return value


def _ratio(ratio) -> float:
    value = float(ratio)
    if not (math.isfinite(value) and value >= 1.0):
        raise ValueError(f"the cure-to-prevention ratio must be a finite number >= 1; got {ratio!r}")
    return value


def _inside(x: float, lower: float, upper: float) -> bool:
    return lower <= x < upper or (x == upper == LADDER_TOP)


def ladder_phase(intensity: float) -> Phase:
    """The phase of the ladder that ``intensity`` falls in (boundaries belong to the higher phase)."""
    x = _intensity(intensity)
    return next(p for p in LADDER_PHASES if _inside(x, p.lower, p.upper))


def ladder_ways(intensity: float) -> list[str]:
    """The ids of the ways that apply at ``intensity``, in the lecture's order."""
    x = _intensity(intensity)
    return [w.id for w in LADDER_WAYS if _inside(x, w.lower, w.upper)]


def ladder_cost(intensity: float, ratio: float = LADDER_RATIO) -> float:
    """C(x) = R ** (x / 10): the cost of acting at ``intensity``, in ounces (acting at 0 costs 1)."""
    return _ratio(ratio) ** (_intensity(intensity) / LADDER_TOP)


def ladder_cost_ratio(later: float, earlier: float, ratio: float = LADDER_RATIO) -> float:
    """How many times acting at ``later`` costs what acting at ``earlier`` costs: R ** ((later - earlier) / 10)."""
    return ladder_cost(later, ratio) / ladder_cost(earlier, ratio)


def ladder_curve(ratio: float = LADDER_RATIO, points: int = 101):
    """The cost of acting along the whole ladder: DataFrame[intensity, phase, cost] with ``points`` rows."""
    import pandas as pd

    if int(points) < 2:
        raise ValueError("points must be at least 2")
    xs = [LADDER_TOP * i / (int(points) - 1) for i in range(int(points))]
    return pd.DataFrame({"intensity": xs, "phase": [ladder_phase(x).id for x in xs],
                         "cost": [ladder_cost(x, ratio) for x in xs]})


def ladder_phase_table(ratio: float = LADDER_RATIO):
    """One row per phase: where it starts and ends, what applies there and the cost of acting at its first rung."""
    import pandas as pd

    from ..data import course_frame

    rows = [{"phase": p.name, "from": p.lower, "to": p.upper, "what happens": p.description,
             "ways that apply": ", ".join(ladder_ways(p.lower)),
             "cost at its first rung (ounces)": round(ladder_cost(p.lower, ratio), 2)} for p in LADDER_PHASES]
    return course_frame(pd.DataFrame(rows))


def ladder_tools(intensity: float, ratio: float = LADDER_RATIO):
    """Every tool of every way at ``intensity``: DataFrame[way, tool, applies, cost, why].

    ``cost`` is C(intensity) where the way applies, else NaN; ``why`` says in a few words why it
    does or does not apply here.
    """
    import pandas as pd

    x = _intensity(intensity)
    cost = ladder_cost(x, ratio)
    open_ways = set(ladder_ways(x))
    rows = []
    for way in LADDER_WAYS:
        applies = way.id in open_ways
        if applies:
            why = "applies here"
        elif x >= way.upper:
            why = "too late: a crisis has broken out"
        else:
            why = "not yet: no crisis to manage"
        for tool in way.tools:
            rows.append({"way": way.id, "tool": tool, "applies": applies,
                         "cost": cost if applies else math.nan, "why": why})
    return pd.DataFrame(rows, columns=["way", "tool", "applies", "cost", "why"])


def ways_slide_key() -> dict[str, str]:
    """Each tool the slide *Ways to Prevent the Escalating Conflicts* names, with the way it is named under."""
    return {tool: way.id for way in LADDER_WAYS for tool in way.slide_tools}
