"""The iterated prisoner's dilemma: a teaching model of why cooperation can emerge.

**A teaching model, not a forecast.** It shows in the simplest form why two sides that would
each gain by cheating in a single encounter can still come to cooperate when they meet again and
again, and why misperception can undo that cooperation. Its payoffs are points, not measured
gains or losses of any real state. Notebook 03 uses it; the strategies stand for security
concepts only by the *course's* analogy (:data:`ANALOGIES`), not by a claim of the sources.

The game
--------
Two players, A and B, play ``rounds`` rounds. In each round both choose at once to cooperate
(``"C"``) or to defect (``"D"``) and score, with ``payoffs = (T, R, P, S)``::

                     B cooperates     B defects
    A cooperates     R, R             S, T
    A defects        T, S             P, P

with ``T > R > P > S`` (temptation, reward, punishment, sucker's payoff) and ``2R > T + S``
(taking turns at exploiting each other pays less than steady cooperation). The default
``(5, 3, 1, 0)`` is the textbook choice. Whatever the other does, defecting scores more in a
single round (``T > R`` and ``P > S``), yet two defectors score ``P`` each, less than the ``R``
two cooperators get: that is the dilemma.

Misperception
-------------
Each player decides on what it *saw* the other do, not on what the other did. With probability
``noise`` a player sees the other's move as its opposite (a cooperative move as a defection, or
the reverse); the two players' errors are independent. Payoffs follow the moves actually made.

Strategies (:data:`STRATEGIES`)
-------------------------------
* ``always_defect``: D every round.
* ``always_cooperate``: C every round.
* ``tit_for_tat``: C in round 1, then the move the other was *seen* to make in the round before.
* ``generous_tit_for_tat``: as tit-for-tat, but after seeing a defection it still cooperates
  with probability ``generosity``.
* ``grim_trigger``: C until the other is first seen to defect, then D for ever.

Randomness
----------
One ``random.Random(seed)`` drives a game. Every round draws the same four numbers in the same
order (A's generosity, B's generosity, A's misperception, B's misperception) whether or not a
strategy uses them, so two games with the same ``seed`` and ``noise`` meet the same luck
whatever the strategies. With ``noise = 0`` and no generous player, a game is deterministic.

Assumptions (what the model leaves out)
---------------------------------------
Two players only; fixed strategies that do not learn; a fixed, known number of rounds, the
model's stand-in for the *shadow of the future* (how much the future weighs on today's choice);
the same payoffs every round for both sides; no communication beyond the moves themselves.
"""

from __future__ import annotations

import random
from typing import Iterable, Sequence

__all__ = ["ANALOGIES", "STRATEGIES", "STRATEGY_NAMES", "cooperation_rate", "noise_sweep", "payoff_table",
           "play_dilemma", "rounds_for_reciprocity", "shadow_of_future", "strategy_table"]

#: What each strategy does, by its id.
STRATEGIES = {
    "always_defect": "Defect every round, whatever the other does.",
    "always_cooperate": "Cooperate every round, whatever the other does.",
    "tit_for_tat": "Cooperate in the first round; then do what the other was seen to do in the round before.",
    "generous_tit_for_tat": ("Like tit-for-tat, but after seeing the other defect, still cooperate with "
                             "probability `generosity`."),
    "grim_trigger": "Cooperate until the other is first seen to defect; then defect for ever.",
}

#: How the strategies are written in text and charts.
STRATEGY_NAMES = {
    "always_defect": "always defect",
    "always_cooperate": "always cooperate",
    "tit_for_tat": "tit-for-tat",
    "generous_tit_for_tat": "generous tit-for-tat",
    "grim_trigger": "grim trigger",
}

#: The course's analogy between the strategies and the concepts of notebooks 02-04. It is a
#: teaching device of this course, not a claim made by the source documents.
ANALOGIES = {
    "always_defect": "Cold War mentality: expect the worst and never cooperate",
    "always_cooperate": "unconditional goodwill, whatever the other does",
    "tit_for_tat": "reciprocity: answer cooperation with cooperation, and defection with defection",
    "generous_tit_for_tat": "mutual trust: reciprocity that sometimes forgives an apparent defection",
    "grim_trigger": "no forgiveness: one apparent betrayal ends cooperation for good",
}

_FLIP = {"C": "D", "D": "C"}


def _validate(strategy_a: str, strategy_b: str, rounds: int, noise: float, generosity: float,
              payoffs: Sequence[float]) -> tuple[float, float, float, float]:
    for name in (strategy_a, strategy_b):
        if name not in STRATEGIES:
            raise ValueError(f"unknown strategy {name!r}; choose one of {', '.join(STRATEGIES)}")
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise ValueError(f"rounds must be a whole number of at least 1, not {rounds!r}")
    for what, value in (("noise", noise), ("generosity", generosity)):
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"{what} is a probability between 0 and 1, not {value!r}")
    if len(payoffs) != 4:
        raise ValueError("payoffs are four numbers (T, R, P, S)")
    t, r, p, s = (float(x) for x in payoffs)
    if not (t > r > p > s and 2 * r > t + s):
        raise ValueError(f"payoffs {tuple(payoffs)} are not a prisoner's dilemma: it needs T > R > P > S and 2R > T + S")
    return t, r, p, s


def _decide(strategy: str, seen: list[str], luck: float, generosity: float) -> str:
    """The move of ``strategy`` given the other's moves as this player saw them so far."""
    if strategy == "always_defect":
        return "D"
    if strategy == "always_cooperate" or not seen:
        return "C"
    if strategy == "tit_for_tat":
        return seen[-1]
    if strategy == "generous_tit_for_tat":
        return "C" if seen[-1] == "C" or luck < generosity else "D"
    if strategy == "grim_trigger":
        return "D" if "D" in seen else "C"
    raise AssertionError(strategy)


def play_dilemma(strategy_a: str, strategy_b: str, rounds: int = 50, noise: float = 0.0, seed: int = 0,
                 generosity: float = 0.1, payoffs: Sequence[float] = (5, 3, 1, 0)):
    """Play one iterated prisoner's dilemma; one row per round.

    Columns: ``round`` (1, 2, ...), ``move_a`` and ``move_b`` (``"C"`` or ``"D"``, the moves
    made), ``seen_a`` (B's move as A saw it) and ``seen_b`` (A's move as B saw it), which differ
    from the moves made where a player misperceived, and ``payoff_a``, ``payoff_b`` (points of the
    round, from the moves made). The parameters are kept in the frame's ``attrs``.
    """
    import pandas as pd

    t, r, p, s = _validate(strategy_a, strategy_b, rounds, noise, generosity, payoffs)
    rows = _play(strategy_a, strategy_b, rounds, noise, seed, generosity, (t, r, p, s))
    frame = pd.DataFrame(rows, columns=["round", "move_a", "move_b", "seen_a", "seen_b", "payoff_a", "payoff_b"])
    frame.attrs.update(strategy_a=strategy_a, strategy_b=strategy_b, rounds=rounds, noise=float(noise), seed=seed,
                       generosity=float(generosity), payoffs=(t, r, p, s))
    return frame


def _play(strategy_a, strategy_b, rounds, noise, seed, generosity, payoffs) -> list[tuple]:
    """The rounds of one game as tuples (round, move_a, move_b, seen_a, seen_b, payoff_a,
    payoff_b); the arguments are already validated. Sweeps use it directly: a DataFrame per game
    cost them more than the games."""
    t, r, p, s = payoffs
    score = {("C", "C"): (r, r), ("C", "D"): (s, t), ("D", "C"): (t, s), ("D", "D"): (p, p)}
    rng = random.Random(seed)
    seen_by_a: list[str] = []
    seen_by_b: list[str] = []
    rows = []
    for n in range(1, rounds + 1):
        luck_a, luck_b, err_a, err_b = rng.random(), rng.random(), rng.random(), rng.random()
        a = _decide(strategy_a, seen_by_a, luck_a, generosity)
        b = _decide(strategy_b, seen_by_b, luck_b, generosity)
        saw_b = _FLIP[b] if err_a < noise else b
        saw_a = _FLIP[a] if err_b < noise else a
        seen_by_a.append(saw_b)
        seen_by_b.append(saw_a)
        pa, pb = score[(a, b)]
        rows.append((n, a, b, saw_b, saw_a, pa, pb))
    return rows


def cooperation_rate(strategy_a: str, strategy_b: str, rounds: int = 50, noise: float = 0.0, seed: int = 0,
                     generosity: float = 0.1, payoffs: Sequence[float] = (5, 3, 1, 0)) -> float:
    """The share of all moves of the game (both players, every round) that are cooperative."""
    checked = _validate(strategy_a, strategy_b, rounds, noise, generosity, payoffs)
    rows = _play(strategy_a, strategy_b, rounds, noise, seed, generosity, checked)
    return float(sum((row[1] == "C") + (row[2] == "C") for row in rows) / (2 * rounds))


def noise_sweep(pairs: Iterable[tuple[str, str]], noises: Iterable[float], rounds: int = 100,
                seeds: Iterable[int] = range(20), generosity: float = 0.1,
                payoffs: Sequence[float] = (5, 3, 1, 0)):
    """The cooperation rate of each pair of strategies at each level of misperception, averaged
    over the games of ``seeds`` (the same seeds for every pair and level, so the comparison is
    fair). Columns: ``strategy_a``, ``strategy_b``, ``noise``, ``cooperation_rate``, ``games``."""
    import pandas as pd

    seeds = list(seeds)
    rows = []
    for a, b in pairs:
        for noise in noises:
            rates = [cooperation_rate(a, b, rounds, noise, seed, generosity, payoffs) for seed in seeds]
            rows.append((a, b, float(noise), sum(rates) / len(rates), len(rates)))
    frame = pd.DataFrame(rows, columns=["strategy_a", "strategy_b", "noise", "cooperation_rate", "games"])
    frame.attrs.update(rounds=rounds, generosity=float(generosity))
    return frame


def shadow_of_future(max_rounds: int = 20, partner: str = "tit_for_tat",
                     challengers: Sequence[str] = ("always_defect", "tit_for_tat"),
                     payoffs: Sequence[float] = (5, 3, 1, 0)):
    """What each of ``challengers`` scores against ``partner`` in games of 1 to ``max_rounds``
    rounds (no misperception). Columns: ``rounds``, ``strategy``, ``total`` (the challenger's
    points in the game) and ``per_round`` (``total / rounds``)."""
    import pandas as pd

    rows = []
    for n in range(1, max_rounds + 1):
        for who in challengers:
            checked = _validate(who, partner, n, 0.0, 0.1, payoffs)
            total = float(sum(row[5] for row in _play(who, partner, n, 0.0, 0, 0.1, checked)))
            rows.append((n, who, total, total / n))
    frame = pd.DataFrame(rows, columns=["rounds", "strategy", "total", "per_round"])
    frame.attrs.update(partner=partner, payoffs=tuple(float(x) for x in payoffs))
    return frame


def rounds_for_reciprocity(payoffs: Sequence[float] = (5, 3, 1, 0), max_rounds: int = 1000) -> int:
    """The fewest rounds for which, against a tit-for-tat partner, playing tit-for-tat earns more
    in the game than always defecting (found by playing the games).

    Analytically: tit-for-tat earns ``n R``, always defect ``T + (n - 1) P``, so reciprocity pays
    more exactly when ``n > (T - P) / (R - P)``."""
    for n in range(1, max_rounds + 1):
        reciprocate = play_dilemma("tit_for_tat", "tit_for_tat", n, payoffs=payoffs)["payoff_a"].sum()
        exploit = play_dilemma("always_defect", "tit_for_tat", n, payoffs=payoffs)["payoff_a"].sum()
        if reciprocate > exploit:
            return n
    raise ValueError(f"defecting pays for every game of up to {max_rounds} rounds")


def payoff_table(payoffs: Sequence[float] = (5, 3, 1, 0)):
    """The one-round payoffs as a 2 x 2 table of 'A's points, B's points'."""
    import pandas as pd

    t, r, p, s = _validate("always_defect", "always_defect", 1, 0.0, 0.0, payoffs)
    fmt = "{:g}, {:g}".format
    return pd.DataFrame([[fmt(r, r), fmt(s, t)], [fmt(t, s), fmt(p, p)]],
                        index=pd.Index(["A cooperates", "A defects"], name="points (A, B)"),
                        columns=["B cooperates", "B defects"])


def strategy_table():
    """The strategies: what each does and the course's analogy for it."""
    import pandas as pd

    from ..data import course_frame

    return course_frame(pd.DataFrame([{"strategy": STRATEGY_NAMES[k], "what it does": STRATEGIES[k],
                          "the course's analogy (not a claim of the sources)": ANALOGIES[k]}
                         for k in STRATEGIES]))
