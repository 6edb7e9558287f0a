"""The Richardson arms-race model: a teaching model of the security dilemma, not a forecast.

Two states, X and Y, hold arms at the levels x(t) and y(t) (arbitrary units, for example a
military budget; t in years). After L. F. Richardson (*Arms and Insecurity*, 1960)::

    dx/dt = k' y - a x + g
    dy/dt = l' x - b y + h

* ``k``, ``l`` (>= 0), the **reaction** coefficients: how strongly X arms because of Y's arms,
  and Y because of X's. This is the security dilemma: each side's defence is the other's threat.
* ``a``, ``b`` (>= 0), the **fatigue** coefficients: the burden of the arms one already has,
  which slows further building.
* ``g``, ``h``, the **grievances**: standing hostility that drives arming even if the other side
  had no arms at all (a negative value stands for goodwill).
* ``transparency`` (0 <= transparency < 1), the course's addition to Richardson: openness and
  confidence-building measures lower the threat a side *perceives* in the same arms, so both
  reactions shrink by the same factor: ``k' = k (1 - transparency)``, ``l' = l (1 - transparency)``.

Equilibrium (both rates zero): ``a x - k' y = g`` and ``-l' x + b y = h``, so with
``D = a b - k' l'``::

    x* = (b g + k' h) / D,    y* = (a h + l' g) / D

Stability: the system's matrix ``[[-a, k'], [l', -b]]`` has trace ``-(a + b) <= 0`` and
determinant ``D``. With non-negative coefficients both eigenvalues are real, and both are
negative exactly when ``D > 0``, that is **a b > k' l'**: fatigue outweighs mutual reaction and,
from any start, arms settle at ``(x*, y*)``. When ``a b < k' l'`` there is no resting point to
settle at: arms run away (or, with goodwill and low arms, fall without limit). Transparency
makes the condition ``a b > (1 - transparency)**2 k l``.

Assumptions, all simplifications: two states only; straight-line reactions; coefficients that
never change; no budget ceiling, no war, no negotiation and no domestic politics. The numbers a
learner sets are illustrative, not estimates for any real pair of states.

The paths are integrated with the classical fourth-order Runge-Kutta method; the tests check
them against the closed-form solution.
"""

from __future__ import annotations

import math
from numbers import Real

__all__ = ["critical_transparency", "richardson", "richardson_equilibrium", "richardson_stable",
           "transparency_sweep"]

#: Beyond this size a runaway path is reported as infinite rather than computed on.
_HUGE = 1e150


def _check_coefficients(k, l, a, b, transparency) -> tuple[float, float]:
    """Validate the coefficients and return the perceived reactions (k', l')."""
    for name, value in (("k", k), ("l", l), ("a", a), ("b", b)):
        if not isinstance(value, Real) or isinstance(value, bool) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number; got {value!r}")
        if value < 0:
            raise ValueError(f"{name} must not be negative; got {value!r}")
    if not isinstance(transparency, Real) or isinstance(transparency, bool) or not 0 <= transparency < 1:
        raise ValueError(f"transparency must be at least 0 and below 1; got {transparency!r}")
    return k * (1 - transparency), l * (1 - transparency)


def _determinant(k, l, a, b, transparency) -> tuple[float, float]:
    """D = a b - k' l', and the size below which D counts as zero (rounding of the scaling)."""
    kp, lp = _check_coefficients(k, l, a, b, transparency)
    return a * b - kp * lp, 1e-12 * max(1.0, a * b, kp * lp)


def richardson_stable(k: float, l: float, a: float, b: float, transparency: float = 0.0) -> bool:
    """True if the arms settle: ``a b > k' l'`` with ``k' = k (1 - transparency)``, ``l' = l (1 - transparency)``."""
    det, tol = _determinant(k, l, a, b, transparency)
    return det > tol


def richardson_equilibrium(k: float, l: float, a: float, b: float, g: float, h: float,
                           transparency: float = 0.0) -> tuple[float, float] | None:
    """The arms levels ``(x*, y*)`` at which both rates are zero, or None when ``a b == k' l'``.

    An equilibrium exists whenever ``a b != k' l'``, but the arms settle there only when the
    model is stable (:func:`richardson_stable`); otherwise they move away from it.
    """
    det, tol = _determinant(k, l, a, b, transparency)
    if abs(det) <= tol:
        return None
    kp, lp = k * (1 - transparency), l * (1 - transparency)
    return (b * g + kp * h) / det, (a * h + lp * g) / det


def critical_transparency(k: float, l: float, a: float, b: float) -> float:
    """The transparency above which the arms settle: ``1 - sqrt(a b / (k l))``.

    0.0 if they settle already without transparency (``a b > k l``); 1.0 if no transparency
    below 1 is enough (no fatigue at all, ``a b == 0``, with both sides reacting).
    """
    _check_coefficients(k, l, a, b, 0.0)
    if a * b > k * l:
        return 0.0
    if k * l == 0:
        return 1.0
    return 1.0 - math.sqrt(a * b / (k * l))


def richardson(k: float, l: float, a: float, b: float, g: float, h: float, x0: float = 0.0,
               y0: float = 0.0, years: float = 50, dt: float = 0.05, transparency: float = 0.0):
    """The arms paths of X and Y from ``(x0, y0)`` over ``years``, every ``dt`` years.

    Returns a DataFrame with columns ``t`` (years), ``x`` and ``y`` (arms levels); its
    ``attrs["richardson"]`` holds the coefficients, for the charts. A path that runs away beyond
    1e150 is reported as infinite from there on.
    """
    import pandas as pd

    kp, lp = _check_coefficients(k, l, a, b, transparency)
    for name, value in (("g", g), ("h", h), ("x0", x0), ("y0", y0)):
        if not isinstance(value, Real) or isinstance(value, bool) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite number; got {value!r}")
    if not (years > 0 and dt > 0 and math.isfinite(years) and math.isfinite(dt)):
        raise ValueError(f"years and dt must be positive; got years={years!r}, dt={dt!r}")
    steps = max(1, round(years / dt))
    step = years / steps

    def rates(x, y):
        return kp * y - a * x + g, lp * x - b * y + h

    xs, ys = [float(x0)], [float(y0)]
    x, y = float(x0), float(y0)
    for _ in range(steps):
        if abs(x) > _HUGE or abs(y) > _HUGE:
            x = math.copysign(math.inf, x) if abs(x) > _HUGE else x
            y = math.copysign(math.inf, y) if abs(y) > _HUGE else y
        else:
            k1 = rates(x, y)
            k2 = rates(x + step / 2 * k1[0], y + step / 2 * k1[1])
            k3 = rates(x + step / 2 * k2[0], y + step / 2 * k2[1])
            k4 = rates(x + step * k3[0], y + step * k3[1])
            x += step / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])
            y += step / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])
        xs.append(x)
        ys.append(y)
    frame = pd.DataFrame({"t": [i * step for i in range(steps + 1)], "x": xs, "y": ys})
    frame.attrs["richardson"] = {"k": k, "l": l, "a": a, "b": b, "g": g, "h": h, "x0": x0, "y0": y0,
                                 "transparency": transparency}
    return frame


def transparency_sweep(k: float, l: float, a: float, b: float, g: float, h: float,
                       top: float = 0.9, steps: int = 181):
    """For transparency from 0 to ``top`` (``steps`` values): whether the arms settle, and where.

    Returns a DataFrame with columns ``transparency``, ``stable`` and ``x_eq``, ``y_eq`` (the
    equilibrium when stable, NaN when the arms run away); ``attrs["richardson"]`` holds the
    coefficients and ``attrs["critical"]`` the critical transparency.
    """
    import pandas as pd

    if not 0 < top < 1 or steps < 2:
        raise ValueError("top must be between 0 and 1 and steps at least 2")
    rows = []
    for i in range(steps):
        tau = top * i / (steps - 1)
        stable = richardson_stable(k, l, a, b, tau)
        eq = richardson_equilibrium(k, l, a, b, g, h, tau) if stable else None
        rows.append({"transparency": tau, "stable": stable, "x_eq": eq[0] if eq else math.nan,
                     "y_eq": eq[1] if eq else math.nan})
    frame = pd.DataFrame(rows)
    frame.attrs["richardson"] = {"k": k, "l": l, "a": a, "b": b, "g": g, "h": h}
    frame.attrs["critical"] = critical_transparency(k, l, a, b)
    return frame
