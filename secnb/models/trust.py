"""A teaching model of trust between two states on the way from CSBMs to a security community.

**A teaching model, not a forecast.** It shows one idea in the simplest form that can be
worked out by hand: confidence-building measures build trust by making each side's military
activity visible, misperception destroys it, and the stages of the cooperative-security process
can be read as levels of trust that a relationship can sustain. Its numbers are not measured
from any real relationship.

The model
---------
Trust ``T`` is a number in [0, 1] (0: each side expects the worst of the other; 1: neither can
imagine a war with the other). Time runs in periods (think of one round of meetings, a year).
Each period one of two things happens:

* with probability ``misperception`` (``e``), one side **misreads** what the other did (a routine
  exercise is taken for a threat, a cooperative move for a defection) and trust falls by a
  fraction ``shock`` (``s``) of its level::

      T[t+1] = T[t] * (1 - s)

* otherwise the period passes with its activities seen as they are, and trust grows towards 1
  at a rate proportional to **transparency** (``tau``, the share of military activity that is
  notified, observed or explained), with ``build`` (``g``) the most it can grow in one period::

      T[t+1] = T[t] + g * tau * (1 - T[t])

The step is affine in ``T``, so the **expected** trust follows exactly::

      E[T+1] = T + (1 - e) g tau (1 - T) - e s T
             = T* + (1 - a) (T - T*),     a = (1 - e) g tau + e s

with the long-run level (the fixed point, reached whatever the start when ``0 < a <= 1``)::

      T* = (1 - e) g tau / ((1 - e) g tau + e s)

and the expected path ``E[T_t] = T* + (T_0 - T*) (1 - a)^t``. Trust settles at or above a level
``theta`` exactly when ``e <= g tau (1 - theta) / (g tau (1 - theta) + theta s)``
(:func:`misperception_limit`).

**Stages.** Thresholds ``theta_1 < theta_2 < theta_3 < theta_4`` on ``T`` mark the stages: a
relationship whose trust is at least ``theta_k`` can sustain stage ``k`` (1: confidence- and
security-building measures, 2: preventive diplomacy, 3: conflict resolution, 4: security
community); below ``theta_1`` it is stage 0, the mutual suspicion of the security dilemma.
:data:`TRUST_THRESHOLDS` holds the default thresholds (0.2, 0.4, 0.6, 0.8): a modelling choice.

Assumptions (each a simplification to question)
-----------------------------------------------
* Two sides, one shared level of trust; what one side sees, the other sees too.
* Transparency and misperception are fixed for the whole run; in the world CSBMs raise
  transparency step by step and epistemic communities and preventive diplomacy lower
  misperception.
* A misreading costs a fixed fraction of trust, whatever caused it; a good period adds a fixed
  fraction of the trust still missing. Nothing else (interests, domestic politics, third states)
  moves trust.
* Stages are read off trust alone; in the world, institutions also need decisions, treaties
  and machinery.

How it connects to the models of notebooks 02 and 03
----------------------------------------------------
Transparency plays the part it plays in the arms-race model of notebook 02, where it lowers the
reaction to the other's arms because each side sees they are not aimed at it; here it raises
trust directly. Misperception plays the part of noise in the iterated prisoner's dilemma of
notebook 03, where a cooperative move seen as a defection sets off retaliation; here it is the
chance of a misreading that cuts trust.
"""

from __future__ import annotations

import math
import random
from typing import Sequence

__all__ = ["TRUST_THRESHOLDS", "expected_trust", "misperception_limit", "periods_to_trust", "trust_equilibrium",
           "trust_path", "trust_stage"]

#: Default trust needed to sustain stages 1-4 (a modelling choice, not a measurement).
TRUST_THRESHOLDS = (0.2, 0.4, 0.6, 0.8)


def _check(transparency: float, misperception: float, build: float, shock: float) -> None:
    for name, value in (("transparency", transparency), ("misperception", misperception), ("build", build),
                        ("shock", shock)):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"{name} must be a number between 0 and 1; got {value!r}")


def _rate(transparency: float, misperception: float, build: float, shock: float) -> float:
    """a = (1 - e) g tau + e s: how fast the expected path closes the gap to T*."""
    return (1 - misperception) * build * transparency + misperception * shock


def trust_equilibrium(transparency: float, misperception: float, *, build: float = 0.1,
                      shock: float = 0.3) -> float | None:
    """The long-run expected trust ``T* = (1-e) g tau / ((1-e) g tau + e s)``.

    None when nothing moves trust (no transparency and no misperception, or no build and no
    shock): then trust stays wherever it starts.
    """
    _check(transparency, misperception, build, shock)
    up = (1 - misperception) * build * transparency
    down = misperception * shock
    if up + down == 0:
        return None
    return up / (up + down)


def expected_trust(transparency: float, misperception: float, *, periods: int = 40, start: float = 0.1,
                   build: float = 0.1, shock: float = 0.3):
    """The expected path, ``E[T_t] = T* + (T_0 - T*) (1 - a)^t`` for t = 0..periods.

    Returns a DataFrame with columns ``period``, ``trust`` and ``stage`` (0-4, see
    :func:`trust_stage`).
    """
    import pandas as pd

    _check(transparency, misperception, build, shock)
    _check_start(start, periods)
    a = _rate(transparency, misperception, build, shock)
    star = trust_equilibrium(transparency, misperception, build=build, shock=shock)
    star = start if star is None else star
    trust = [star + (start - star) * (1 - a) ** t for t in range(periods + 1)]
    trust = [min(1.0, max(0.0, x)) for x in trust]
    return pd.DataFrame({"period": range(periods + 1), "trust": trust,
                         "stage": [trust_stage(x) for x in trust]})


def _check_start(start: float, periods: int) -> None:
    if not isinstance(start, (int, float)) or isinstance(start, bool) or not 0.0 <= float(start) <= 1.0:
        raise ValueError(f"start must be a number between 0 and 1; got {start!r}")
    if not isinstance(periods, int) or isinstance(periods, bool) or periods < 0:
        raise ValueError(f"periods must be a whole number of periods, 0 or more; got {periods!r}")


def trust_path(transparency: float, misperception: float, *, periods: int = 40, start: float = 0.1,
               build: float = 0.1, shock: float = 0.3, seed: int = 0):
    """One chance run of the model (seeded, so the same arguments give the same run).

    Each period a misreading happens with probability ``misperception`` and cuts trust by the
    fraction ``shock``; otherwise trust grows by ``build * transparency`` of what is missing.
    Returns a DataFrame with columns ``period``, ``trust``, ``stage`` (0-4) and ``misread``
    (True in the periods that ended with a misreading; False for period 0).
    """
    import pandas as pd

    _check(transparency, misperception, build, shock)
    _check_start(start, periods)
    rng = random.Random(seed)
    trust, misread = [float(start)], [False]
    for _ in range(periods):
        t = trust[-1]
        if rng.random() < misperception:
            t, m = t * (1 - shock), True
        else:
            t, m = t + build * transparency * (1 - t), False
        trust.append(min(1.0, max(0.0, t)))
        misread.append(m)
    return pd.DataFrame({"period": range(periods + 1), "trust": trust,
                         "stage": [trust_stage(x) for x in trust], "misread": misread})


def trust_stage(trust: float, thresholds: Sequence[float] = TRUST_THRESHOLDS) -> int:
    """The stage a level of trust can sustain: the number of thresholds it reaches (0-4)."""
    levels = list(thresholds)
    if any(b <= a for a, b in zip(levels, levels[1:])):
        raise ValueError(f"thresholds must rise; got {levels}")
    return sum(trust >= level - 1e-12 for level in levels)


def misperception_limit(level: float, transparency: float, *, build: float = 0.1, shock: float = 0.3) -> float:
    """The highest misperception at which long-run trust still reaches ``level``.

    ``e_max = g tau (1 - theta) / (g tau (1 - theta) + theta s)``; 1.0 when ``level`` is 0, and
    0.0 when there is no transparency (then any misperception keeps trust below any level > 0).
    """
    _check(transparency, 0.0, build, shock)
    if not 0.0 <= level <= 1.0:
        raise ValueError(f"level must be between 0 and 1; got {level!r}")
    up = build * transparency * (1 - level)
    down = level * shock
    if up + down == 0:
        return 1.0 if level == 0 else 0.0
    return up / (up + down)


def periods_to_trust(level: float, transparency: float, misperception: float, *, start: float = 0.1,
                     build: float = 0.1, shock: float = 0.3) -> int | None:
    """The first period at which the expected path reaches ``level``; None if it never does.

    From ``E[T_t] = T* + (T_0 - T*) (1 - a)^t``: the smallest whole ``t`` with
    ``(1 - a)^t <= (T* - level) / (T* - T_0)``, when ``T_0 < level < T*``.
    """
    _check(transparency, misperception, build, shock)
    _check_start(start, 0)
    if start >= level:
        return 0
    star = trust_equilibrium(transparency, misperception, build=build, shock=shock)
    if star is None or star <= level:
        return None
    a = _rate(transparency, misperception, build, shock)
    if a >= 1:
        return 1
    t = math.log((star - level) / (star - start)) / math.log(1 - a)
    n = math.ceil(t - 1e-9)
    # guard against rounding at the boundary
    while star + (start - star) * (1 - a) ** n < level - 1e-12:
        n += 1
    return n
