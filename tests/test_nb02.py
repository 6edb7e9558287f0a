"""Notebook 02, Traditional security: the Richardson arms-race model against its analytic solution,
its charts, the explorer widget driven from Python, and the exercises that use the model."""

from __future__ import annotations

import json
import math
import re

import matplotlib.colors as mcolors
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import secnb
from secnb import charts, models, widgets
from secnb.exercises import check, nb02, registry

from .conftest import NOTEBOOKS
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly as _render_cleanly

SETTLES = {"k": 0.3, "l": 0.3, "a": 0.5, "b": 0.5, "g": 1.0, "h": 1.0}
RUNS_AWAY = {"k": 0.6, "l": 0.6, "a": 0.4, "b": 0.4, "g": 1.0, "h": 1.0}


def exact_path(k, l, a, b, g, h, x0, y0, t, transparency=0.0):
    """The closed-form solution X(t) = X* + exp(M t) (X0 - X*) of the linear system, with the 2x2
    matrix exponential exp(M t) = exp(T t / 2) [cosh(s t) I + sinh(s t) / s (M - T / 2 I)],
    T the trace of M and s = sqrt(T^2 / 4 - det M) (real here: s^2 = ((a - b) / 2)^2 + k' l')."""
    kp, lp = k * (1 - transparency), l * (1 - transparency)
    m = np.array([[-a, kp], [lp, -b]])
    star = np.linalg.solve(m, [-g, -h])
    half = (-a - b) / 2
    s = math.sqrt(((a - b) / 2) ** 2 + kp * lp)
    t = np.asarray(t, dtype=float)
    sinh_over_s = np.sinh(s * t) / s if s > 0 else t
    d0 = np.array([x0, y0]) - star
    shifted = (m - half * np.eye(2)) @ d0
    out = star[:, None] + np.exp(half * t) * (np.cosh(s * t) * d0[:, None] + sinh_over_s * shifted[:, None])
    return out


# ---------------------------------------------------------------------------------------------
# The model


def test_equilibrium_is_the_closed_form_and_makes_both_rates_zero():
    k, l, a, b, g, h = 0.2, 0.3, 0.5, 0.4, 1.0, 2.0
    x, y = models.richardson_equilibrium(k, l, a, b, g, h)
    det = a * b - k * l
    assert x == pytest.approx((b * g + k * h) / det) and y == pytest.approx((a * h + l * g) / det)
    assert k * y - a * x + g == pytest.approx(0, abs=1e-12)
    assert l * x - b * y + h == pytest.approx(0, abs=1e-12)
    assert models.richardson_equilibrium(**SETTLES) == pytest.approx((5.0, 5.0))


def test_transparency_scales_both_reactions():
    tau = 0.5
    scaled = dict(RUNS_AWAY, k=RUNS_AWAY["k"] * (1 - tau), l=RUNS_AWAY["l"] * (1 - tau))
    assert models.richardson_equilibrium(**RUNS_AWAY, transparency=tau) == pytest.approx(
        models.richardson_equilibrium(**scaled))
    assert models.richardson_equilibrium(**RUNS_AWAY, transparency=tau) == pytest.approx((10.0, 10.0))
    a = models.richardson(**RUNS_AWAY, transparency=tau)
    b = models.richardson(**scaled)
    assert np.allclose(a[["x", "y"]].to_numpy(), b[["x", "y"]].to_numpy())


def test_no_equilibrium_on_the_boundary():
    assert models.richardson_equilibrium(0.5, 0.5, 0.5, 0.5, 1, 1) is None
    assert not models.richardson_stable(0.5, 0.5, 0.5, 0.5)
    # k' = 0.4 exactly in theory; the rounding of 1 - 1/3 must not make it look stable or unstable
    assert models.richardson_equilibrium(**RUNS_AWAY, transparency=1 / 3) is None
    assert not models.richardson_stable(0.6, 0.6, 0.4, 0.4, transparency=1 / 3)


@pytest.mark.parametrize("k,l,a,b,tau,stable", [
    (0.3, 0.3, 0.5, 0.5, 0.0, True),
    (0.6, 0.6, 0.4, 0.4, 0.0, False),
    (0.9, 0.1, 0.4, 0.4, 0.0, True),
    (0.5, 0.5, 0.2, 1.0, 0.0, False),
    (0.6, 0.6, 0.4, 0.4, 0.3, False),
    (0.6, 0.6, 0.4, 0.4, 0.34, True),
    (0.0, 0.0, 0.05, 0.05, 0.0, True),
    (1.0, 1.0, 0.0, 0.0, 0.9, False),
])
def test_stability_is_the_sign_of_ab_minus_kl(k, l, a, b, tau, stable):
    assert models.richardson_stable(k, l, a, b, tau) is stable
    assert (a * b > k * l * (1 - tau) ** 2) is stable


def test_rk4_matches_the_exact_solution_in_the_symmetric_case():
    # x = y for all t: dx/dt = (k - a) x + g, so x(t) = x* + (x0 - x*) exp((k - a) t)
    k, a, g, x0 = 0.3, 0.5, 1.0, 2.0
    path = models.richardson(k, k, a, a, g, g, x0=x0, y0=x0, years=40)
    star = g / (a - k)
    expected = star + (x0 - star) * np.exp((k - a) * path["t"].to_numpy())
    assert np.allclose(path["x"], expected, rtol=1e-9, atol=1e-9)
    assert np.allclose(path["x"], path["y"])


def test_rk4_matches_the_exact_solution_without_reactions():
    path = models.richardson(0, 0, 0.5, 0.25, 1.0, 2.0, x0=6, y0=0, years=30)
    t = path["t"].to_numpy()
    assert np.allclose(path["x"], 2 + 4 * np.exp(-0.5 * t), atol=1e-9)
    assert np.allclose(path["y"], 8 - 8 * np.exp(-0.25 * t), atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(k=st.floats(0, 1), l=st.floats(0, 1), a=st.floats(0.05, 1), b=st.floats(0.05, 1), g=st.floats(0, 3),
       h=st.floats(0, 3), x0=st.floats(0, 20), y0=st.floats(0, 20), tau=st.floats(0, 0.9))
def test_rk4_matches_the_exact_solution_everywhere(k, l, a, b, g, h, x0, y0, tau):
    if abs(a * b - k * l * (1 - tau) ** 2) < 1e-3:
        return  # on the boundary there is no equilibrium to measure from; the cases above cover it
    path = models.richardson(k, l, a, b, g, h, x0=x0, y0=y0, years=20, transparency=tau)
    exact = exact_path(k, l, a, b, g, h, x0, y0, path["t"].to_numpy(), tau)
    scale = np.maximum(1.0, np.abs(exact))
    assert np.all(np.abs(path[["x", "y"]].to_numpy().T - exact) / scale < 1e-6)


@settings(max_examples=60, deadline=None)
@given(k=st.floats(0, 1), l=st.floats(0, 1), a=st.floats(0.05, 1), b=st.floats(0.05, 1), g=st.floats(0.1, 3),
       h=st.floats(0.1, 3), tau=st.floats(0, 0.9))
def test_stable_paths_settle_at_the_equilibrium_and_unstable_ones_run_away(k, l, a, b, g, h, tau):
    det = a * b - k * l * (1 - tau) ** 2
    # the slowest rate of the system: the larger eigenvalue of [[-a, k'], [l', -b]]
    rate = -(a + b) / 2 + math.sqrt(((a - b) / 2) ** 2 + k * l * (1 - tau) ** 2)
    if abs(rate) < 0.005:
        return  # too slow to decide within a short run; the boundary cases above cover it
    years = min(5000.0, (14 if rate < 0 else 20) / abs(rate))
    path = models.richardson(k, l, a, b, g, h, years=years, dt=0.1, transparency=tau)
    end = path.iloc[-1]
    if models.richardson_stable(k, l, a, b, tau):
        assert rate < 0 and det > 0
        x, y = models.richardson_equilibrium(k, l, a, b, g, h, tau)
        assert end["x"] == pytest.approx(x, rel=1e-4) and end["y"] == pytest.approx(y, rel=1e-4)
    else:
        assert rate > 0 and det < 0 and end["x"] > 1e3 and end["y"] > 1e3


def test_critical_transparency_is_where_stability_changes():
    tau = models.critical_transparency(0.6, 0.6, 0.4, 0.4)
    assert tau == pytest.approx(1 / 3)
    assert not models.richardson_stable(0.6, 0.6, 0.4, 0.4, tau - 1e-6)
    assert models.richardson_stable(0.6, 0.6, 0.4, 0.4, tau + 1e-6)
    assert models.critical_transparency(0.3, 0.3, 0.5, 0.5) == 0.0
    assert models.critical_transparency(1, 1, 0, 0.5) == 1.0
    assert models.critical_transparency(0, 0, 0, 0) == 1.0


def test_path_frame_shape_time_and_attrs():
    path = models.richardson(**SETTLES, years=10, dt=0.5)
    assert list(path.columns) == ["t", "x", "y"] and len(path) == 21
    assert path["t"].iloc[0] == 0 and path["t"].iloc[-1] == pytest.approx(10)
    assert path.iloc[0][["x", "y"]].tolist() == [0.0, 0.0]
    assert path.attrs["richardson"]["k"] == 0.3 and path.attrs["richardson"]["transparency"] == 0.0


def test_runaway_paths_become_infinite_not_nan():
    path = models.richardson(1, 1, 0, 0, 1, 1, years=2000, dt=0.5)
    assert not path[["x", "y"]].isna().any().any()
    assert math.isinf(path["x"].iloc[-1]) and path["x"].iloc[-1] > 0


@pytest.mark.parametrize("kwargs", [
    {"k": -0.1}, {"a": -1}, {"transparency": 1.0}, {"transparency": -0.1}, {"k": float("nan")},
    {"years": 0}, {"dt": -1}, {"g": float("inf")}, {"k": "0.3"},
])
def test_bad_inputs_are_refused(kwargs):
    with pytest.raises(ValueError):
        models.richardson(**{**SETTLES, **kwargs})


def test_transparency_sweep():
    sweep = models.transparency_sweep(**RUNS_AWAY)
    assert list(sweep.columns) == ["transparency", "stable", "x_eq", "y_eq"]
    assert sweep["transparency"].iloc[0] == 0 and sweep["transparency"].iloc[-1] == pytest.approx(0.9)
    assert sweep.attrs["critical"] == pytest.approx(1 / 3)
    assert (sweep["stable"] == (sweep["transparency"] > 1 / 3)).all()
    assert sweep.loc[~sweep["stable"], "x_eq"].isna().all()
    row = sweep[np.isclose(sweep["transparency"], 0.5)].iloc[0]
    assert row["x_eq"] == pytest.approx(10.0)


# ---------------------------------------------------------------------------------------------
# Charts


def _colours(fig) -> set[str]:
    found = set()
    for ax in fig.axes:
        for line in ax.lines:
            for c in (line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()):
                if c not in ("none", None):
                    found.add(mcolors.to_hex(c))
    return found - {"#000000", "#ffffff"}


@pytest.mark.parametrize("case,verdict", [(SETTLES, "settle, both at 5.0"), (RUNS_AWAY, "run away"),
                                          ({**RUNS_AWAY, "transparency": 0.5}, "settle, both at 10.0"),
                                          ({**SETTLES, "k": 0.5, "l": 0.5}, "no resting point")])
def test_arms_race_chart(case, verdict, font_mode):
    fig = charts.arms_race_chart(models.richardson(**case))
    _render_cleanly(fig)
    alt = charts.alt_text(fig)
    assert verdict in alt and "reaction k = " in alt
    assert verdict in fig.get_suptitle()
    for ax in fig.axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert _colours(fig) <= OKABE_ITO
    texts = " ".join(charts.text_of(fig))
    assert bool(CJK.search(texts)) is (font_mode == "cjk")


def test_arms_race_chart_says_when_arms_leave_it():
    fig = charts.arms_race_chart(models.richardson(**RUNS_AWAY))
    alt = charts.alt_text(fig)
    year = int(re.search(r"after year (\d+)", alt).group(1))
    path = models.richardson(**RUNS_AWAY)
    assert path.loc[path["t"] <= year - 1, "x"].max() < 100 < path.loc[path["t"] <= year + 1, "x"].max()
    assert any("off the chart" in t for t in charts.text_of(fig))


def test_arms_race_chart_needs_coefficients():
    path = models.richardson(**SETTLES)
    path.attrs = {}
    with pytest.raises(ValueError, match="coefficients"):
        charts.arms_race_chart(path)
    assert "settle" in charts.alt_text(charts.arms_race_chart(path, params=SETTLES))


def test_transparency_chart(font_mode):
    fig = charts.transparency_chart(models.transparency_sweep(**RUNS_AWAY))
    _render_cleanly(fig)
    alt = charts.alt_text(fig)
    assert "critical transparency of 33%" in alt and "at 90% X settles at 2.9" in alt
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert _colours(fig) <= OKABE_ITO
    # every "at N% X settles at V" is the model's value at exactly N% (issue 15: 48% once came with 47.5%'s value)
    stated = re.findall(r"at ([\d.]+)% X settles at ([\d.]+) and Y at ([\d.]+)", alt)
    assert len(stated) == 2
    for pct, x, y in stated:
        eq = models.richardson_equilibrium(**RUNS_AWAY, transparency=float(pct) / 100)
        assert (x, y) == (f"{eq[0]:.1f}", f"{eq[1]:.1f}")
    assert "at 47.5% X settles at 11.8" in alt
    calm = charts.transparency_chart(models.transparency_sweep(**SETTLES))
    _render_cleanly(calm)
    assert "settle at every transparency" in charts.alt_text(calm)


# ---------------------------------------------------------------------------------------------
# The widget


def test_explorer_redraws_and_tells_settling_from_running_away():
    box = widgets.arms_race_explorer()
    assert list(box.controls) == ["k", "l", "a", "b", "g", "h", "transparency"]
    assert "settle, both at 5.0" in charts.alt_text(box.figure)
    before = box.view.value
    first = box.controls["k"]
    first.value = first.value + first.step  # what the browser test does with the first slider
    assert box.view.value != before and "<img" in box.view.value
    for name, value in RUNS_AWAY.items():
        box.controls[name].value = value
    assert "run away" in charts.alt_text(box.figure)
    box.controls["transparency"].value = 0.5
    assert "settle, both at 10.0" in charts.alt_text(box.figure)
    assert "transparency 50%" in charts.alt_text(box.figure)


def test_explorer_grievance_moves_the_level_not_the_verdict():
    box = widgets.arms_race_explorer()
    box.controls["g"].value = 2.0
    x, y = models.richardson_equilibrium(**{**SETTLES, "g": 2.0})
    assert f"X at {x:.1f} and Y at {y:.1f}" in charts.alt_text(box.figure)


# ---------------------------------------------------------------------------------------------
# Exercises and the notebook


def test_exercise_solutions_come_from_the_model():
    reg = registry()
    assert reg["nb02.equilibrium"].reference() == pytest.approx(0.8 / 0.14)
    assert reg["nb02.settle_or_run"].reference() == {"A": "settles", "B": "runs away", "C": "settles",
                                                    "D": "runs away"}
    tau = reg["nb02.transparency_needed"].reference()
    assert tau == pytest.approx(1 - math.sqrt(0.12 / 0.54))
    case = nb02.TRANSPARENCY_CASE
    # the hint says: still running away at 50%, settled at 55%
    assert not models.richardson_stable(**case, transparency=0.5) and models.richardson_stable(**case, transparency=0.55)
    assert check("nb02.transparency_needed", round(tau, 2)).passed


def test_settle_or_run_asks_about_pairs_the_notebook_has_not_drawn():
    drawn = [{k: SETTLES[k] for k in "klab"}, {k: RUNS_AWAY[k] for k in "klab"}]
    assert not any(p in drawn for p in nb02.SCENARIOS.values())
    # none sits so near the edge that rounding could decide it
    for p in nb02.SCENARIOS.values():
        assert abs(p["a"] * p["b"] - p["k"] * p["l"]) >= 0.01


def test_arms_change_predictions_are_what_the_explorer_shows():
    ref = registry()["nb02.arms_change"].reference()
    assert ref == {"l up to 0.6": nb02.HIGHER, "l up to 0.9": nb02.RUNS_AWAY, "g up to 2": nb02.HIGHER,
                   "k and l down to 0.1": nb02.LOWER, "a down to 0.15": nb02.RUNS_AWAY}
    assert set(nb02.CHANGE_LABELS) == set(nb02.CHANGES)
    start = nb02.EXPLORER_START
    assert models.richardson_equilibrium(**start) == pytest.approx((5.0, 5.0))
    box = widgets.arms_race_explorer()
    # the exercise starts where the widget does
    assert {n: box.controls[n].value for n in start} == pytest.approx(start)
    for name, change in nb02.CHANGES.items():
        for n, value in change.items():  # every change is a slider setting
            slider = box.controls[n]
            assert slider.min <= value <= slider.max
            assert (value - slider.min) / slider.step == pytest.approx(round((value - slider.min) / slider.step))
        fig = charts.arms_race_chart(models.richardson(**{**start, **change}))
        title = fig.get_suptitle()
        assert ("run away" in title) is (ref[name] == nb02.RUNS_AWAY), (name, title)
    # the explanation's numbers are the model's
    x, y = models.richardson_equilibrium(**{**start, "l": 0.6})
    assert f"({x:.1f} and {y:.1f})" in registry()["nb02.arms_change"].explanation


def test_verdict_refuses_a_change_that_moves_the_levels_apart():
    with pytest.raises(ValueError):
        nb02.verdict({**nb02.EXPLORER_START, "g": 2.0, "h": 0.0})
    assert nb02.verdict(dict(RUNS_AWAY)) == nb02.RUNS_AWAY


def test_two_policies_restraint_stops_the_race_and_a_settlement_does_not():
    start = nb02.POLICY_START
    assert not models.richardson_stable(start["k"], start["l"], start["a"], start["b"])
    assert start == RUNS_AWAY  # the pair the notebook draws in section 3
    assert nb02.policy_stops_race("P") and not nb02.policy_stops_race("Q")
    assert registry()["nb02.two_policies"].reference() == "only P stops the race"
    x, y = models.richardson_equilibrium(**{**start, **nb02.POLICIES["P"]})
    assert f"at {x:.0f} and {y:.0f}" in registry()["nb02.two_policies"].explanation


def test_the_wrong_claims_and_the_statements_are_the_notebooks():
    text = " ".join(_markdown().split()).replace("*", "").replace(" > ", " ")
    for letter, (sentence, _holds) in zip("abcdef", nb02.DILEMMA_PASSAGE):
        assert f"({letter}) {sentence}" in text
    assert [s for s, holds in nb02.DILEMMA_PASSAGE if not holds] == registry()["nb02.dilemma_claims"].reference()
    for letter, (sentence, _fits) in zip("abcdef", nb02.TRADITIONAL_STATEMENTS):
        assert f"{letter}. {sentence}" in text
    for letter, option in zip("abcd", nb02.ORIGIN_OPTIONS):
        assert f"{letter}. {option}" in text


def test_vignettes_use_the_datasets_concept_names_and_each_has_two_cases():
    concepts = secnb.load_dataset()["concepts"].set_index("concept_id")
    names = [concepts.loc[c, "name_en"].lower()
             for c in ("collective_defence", "collective_security", "common_security")]
    assert list(nb02.CONCEPTS) == names
    ref = registry()["nb02.security_vignettes"].reference()
    assert sorted(ref.values()) == sorted(names * 2)
    text = " ".join(_markdown().split()).replace("*", "")
    assert all(f"{letter}. " in text for letter in ref)


def test_common_security_origin_follows_the_datasets_note():
    discrepancies = secnb.load_dataset()["discrepancies"].set_index("discrepancy_id")
    note = discrepancies.loc["common_security_author", "note"]
    assert "supports the lecture" in note
    assert "lecture" in registry()["nb02.common_security_origin"].reference()


def test_un_steps_are_in_the_charters_order():
    ex = registry()["nb02.un_steps"]
    assert ex.reference() == ["settle", "determine", "sanctions", "force"]
    assert set(ex.options) == set(ex.reference()) and list(ex.options) != ex.reference()
    text = _markdown()
    articles = [text.index(f"(Article {n})") for n in (33, 39, 41, 42)]
    assert articles == sorted(articles)


def test_exercise_kinds_are_mixed_with_an_open_reflection():
    kinds = {ex.kind for i, ex in registry().items() if i.startswith("nb02.")}
    assert {"multi", "numeric", "match", "order", "choice", "open"} <= kinds


def test_most_auto_exercises_ask_more_than_recall():
    auto = [ex for i, ex in registry().items() if i.startswith("nb02.") and ex.auto]
    above = [ex for ex in auto if ex.level != "recall"]
    assert len(above) >= 3 and len(above) / len(auto) >= 0.7
    assert all(ex.explanation for ex in auto)


def test_the_article_is_quoted_as_it_says_it():
    text = " ".join(_markdown().split())
    assert "above all" not in text
    assert 'new "firstly because it transcends the Cold War mentality"' in text


def _markdown(name="02_traditional_security.ipynb") -> str:
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_the_notebook_states_the_coefficients_the_registry_checks():
    text = _markdown()
    for name, p in nb02.SCENARIOS.items():
        assert f"| {name} | {p['k']} | {p['l']} | {p['a']} | {p['b']} |" in text
    eq = nb02.EQUILIBRIUM_CASE
    for sym in ("k", "l", "a", "b"):
        assert f"${sym} = {eq[sym]}$" in text
    case = nb02.TRANSPARENCY_CASE
    assert all(f"${sym} = {case[sym]}$" in text for sym in case)
    assert "$k = l = 0.6$" in text and "$a = b = 0.4$" in text and "$g = h = 1$" in text
    assert "$k = 0.2$" in text and "$g = h = 0.5$" in text  # policies P and Q


def test_the_notebook_cites_herz_as_the_lecture_does():
    text = _markdown()
    assert "*World Politics*, 2, no. 2\n> (January 1950), p. 157" in text or \
        "*World Politics*, 2, no. 2 (January 1950), p. 157" in " ".join(text.split())
    assert "teaching model, not a forecast" in text.lower()


def test_the_exercises_objectives_are_the_notebooks():
    nb = json.loads((NOTEBOOKS / "02_traditional_security.ipynb").read_text(encoding="utf-8"))
    objectives = nb["metadata"]["secnb"]["objectives"]
    assert all(ex.objective in objectives for i, ex in registry().items() if i.startswith("nb02."))


def test_secnb_exposes_the_planned_api():
    assert callable(secnb.models.richardson) and callable(secnb.models.richardson_equilibrium)
    assert callable(secnb.models.richardson_stable)
    path = secnb.models.richardson(k=0.3, l=0.3, a=0.5, b=0.5, g=1, h=1, x0=0.0, y0=0.0, years=50, dt=0.05,
                                   transparency=0.0)
    assert len(path) == 1001
