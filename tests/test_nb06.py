"""Notebook 06, preventive diplomacy: the escalation-ladder teaching model, its charts, its widget
and the exercises' reference solutions (computed from the dataset and the model)."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import pytest
from hypothesis import given
from hypothesis import strategies as st

from secnb import charts, exercises, widgets
from secnb.exercises import nb06
from secnb.models import escalation as m
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly


def _render_cleanly(fig):
    return render_cleanly(fig, min_bytes=0)

intensities = st.floats(min_value=0.0, max_value=m.LADDER_TOP, allow_nan=False)
ratios = st.floats(min_value=1.0, max_value=1000.0, allow_nan=False)


# ---------------------------------------------------------------------------------------------
# The model


def test_cost_has_the_analytic_values():
    assert m.ladder_cost(0) == 1.0
    assert m.ladder_cost(m.LADDER_TOP) == pytest.approx(m.LADDER_RATIO)
    # with R = 16 the cost doubles at each phase boundary: 1, 2, 4, 8, 16
    assert [m.ladder_cost(p.lower) for p in m.LADDER_PHASES] == pytest.approx([1, 2, 4, 8])
    assert m.ladder_cost(5, ratio=9) == pytest.approx(3)
    assert m.ladder_cost_ratio(7.5, 2.5) == pytest.approx(4)
    assert m.ladder_cost(7, ratio=1) == 1.0  # R = 1: prevention is no cheaper than cure


@given(a=intensities, b=intensities, r=ratios)
def test_cost_never_falls_as_intensity_rises(a, b, r):
    lo, hi = sorted((a, b))
    assert m.ladder_cost(lo, r) <= m.ladder_cost(hi, r) * (1 + 1e-12)
    if r > 1 + 1e-9 and hi - lo > 1e-6:  # a ratio within rounding of 1 gives equal costs
        assert m.ladder_cost(lo, r) < m.ladder_cost(hi, r)
    assert m.ladder_cost_ratio(hi, lo, r) == pytest.approx(r ** ((hi - lo) / m.LADDER_TOP))


def test_curve_is_monotonic_and_spans_the_ladder():
    curve = m.ladder_curve(16, points=41)
    assert len(curve) == 41 and curve["intensity"].iloc[0] == 0 and curve["intensity"].iloc[-1] == m.LADDER_TOP
    assert curve["cost"].is_monotonic_increasing and curve["cost"].iloc[-1] == pytest.approx(16)
    assert list(dict.fromkeys(curve["phase"])) == [p.id for p in m.LADDER_PHASES]
    with pytest.raises(ValueError):
        m.ladder_curve(16, points=1)


@pytest.mark.parametrize("x, phase", [(0, "early_prevention"), (2.4999, "early_prevention"), (2.5, "late_prevention"),
                                      (4.999, "late_prevention"), (5, "crisis"), (7.4999, "crisis"), (7.5, "war"),
                                      (10, "war")])
def test_phase_boundaries_belong_to_the_higher_phase(x, phase):
    assert m.ladder_phase(x).id == phase


def test_phases_tile_the_ladder_without_gaps():
    phases = m.LADDER_PHASES
    assert phases[0].lower == 0 and phases[-1].upper == m.LADDER_TOP
    assert all(a.upper == b.lower for a, b in zip(phases, phases[1:]))


@pytest.mark.parametrize("x, ways", [(0, ["prevention", "resolution"]), (4.999, ["prevention", "resolution"]),
                                     (5, ["management", "resolution"]), (10, ["management", "resolution"])])
def test_ways_follow_the_lecture(x, ways):
    assert m.ladder_ways(x) == ways


@given(x=intensities)
def test_prevention_and_management_never_overlap_and_resolution_always_applies(x):
    ways = m.ladder_ways(x)
    assert ("prevention" in ways) != ("management" in ways)
    assert "resolution" in ways


def test_tools_table_says_what_applies_and_what_it_costs():
    early = m.ladder_tools(1.0)
    assert set(early.loc[early["applies"], "way"]) == {"prevention", "resolution"}
    assert early.loc[early["applies"], "cost"].eq(m.ladder_cost(1.0)).all()
    assert early.loc[~early["applies"], "cost"].isna().all()
    assert set(early.loc[~early["applies"], "why"]) == {"not yet: no crisis to manage"}
    late = m.ladder_tools(8.0, ratio=4)
    assert set(late.loc[~late["applies"], "why"]) == {"too late: a crisis has broken out"}
    assert late.loc[late["applies"], "cost"].eq(4 ** 0.8).all()
    # mediation serves two ways: a means of preventive diplomacy and a tool of management
    assert set(early.loc[early["tool"] == "mediation", "way"]) == {"prevention", "management"}


def test_phase_table_lists_the_phases_with_their_costs():
    table = m.ladder_phase_table()
    assert list(table["phase"]) == [p.name for p in m.LADDER_PHASES]
    assert list(table["cost at its first rung (ounces)"]) == [1, 2, 4, 8]


def test_slide_key_follows_the_ways_slide():
    assert m.ways_slide_key() == {"preventive diplomacy": "prevention", "mediation": "management",
                                  "intervention": "management", "coercive diplomacy": "management",
                                  "agreement": "resolution", "arbitration": "resolution"}


@pytest.mark.parametrize("bad", [-0.1, 10.01, float("nan"), "high", None])
def test_intensity_outside_the_ladder_is_refused(bad):
    with pytest.raises(ValueError):
        m.ladder_phase(bad)
    with pytest.raises(ValueError):
        m.ladder_cost(bad)


@pytest.mark.parametrize("bad", [0.5, 0, -3, float("inf"), float("nan")])
def test_a_ratio_below_one_is_refused(bad):
    with pytest.raises(ValueError):
        m.ladder_cost(3, bad)


def test_ways_name_concepts_of_the_dataset(tables):
    ids = set(tables["concepts"]["concept_id"])
    assert all(w.concept_id in ids for w in m.LADDER_WAYS)


# ---------------------------------------------------------------------------------------------
# Charts and widget


def _colours(fig) -> set[str]:
    found = set()
    for ax in fig.axes:
        for line in ax.lines:
            for c in (line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()):
                if c not in ("none", None):
                    found.add(mcolors.to_hex(c))
        for patch in ax.patches:
            found.add(mcolors.to_hex(patch.get_facecolor()[:3]))
    return found - {"#ffffff", "#000000", "#777777"}


@pytest.mark.parametrize("x", [0.0, 4.5, 5.0, 10.0])
def test_ladder_chart_names_phase_ways_and_cost(tables, font_mode, x):
    fig = charts.escalation_ladder(tables["concepts"], x)
    _render_cleanly(fig)
    alt = charts.alt_text(fig)
    assert f"at intensity {x:g} of 10" in alt and m.ladder_phase(x).name.lower() in alt
    assert f"costs {m.ladder_cost(x):.1f} ounces" in alt
    assert ("conflict prevention (diplomacy" in alt) == (x < 5)
    assert fig.axes[0].get_title() and fig.axes[0].get_ylabel() and fig.axes[1].get_xlabel()
    assert _colours(fig) <= OKABE_ITO
    texts = " ".join(charts.text_of(fig))
    assert bool(CJK.search(texts)) == (font_mode == "cjk")


def test_taiji_diagram_renders_with_alt_text(font_mode):
    fig = charts.taiji_diagram()
    _render_cleanly(fig)
    assert "yin" in charts.alt_text(fig) and fig.axes[0].get_title()
    assert bool(CJK.search(" ".join(charts.text_of(fig)))) == (font_mode == "cjk")


def test_escalation_explorer_redraws_when_controls_move(tables):
    box = widgets.escalation_explorer(tables["concepts"])
    assert list(box.controls) == ["intensity", "ratio"]
    assert "phase early prevention" in charts.alt_text(box.figure)
    before = box.view.value
    box.controls["intensity"].value = 6.0
    assert box.view.value != before and "<img" in box.view.value
    assert "phase crisis" in charts.alt_text(box.figure) and "Conflict prevention does not apply" in charts.alt_text(box.figure)
    box.controls["ratio"].value = 64
    assert f"costs {64 ** 0.6:.1f} ounces" in charts.alt_text(box.figure)


# ---------------------------------------------------------------------------------------------
# Exercises


def test_reference_solutions_come_from_the_dataset_and_the_model():
    reg = exercises.registry()
    order = reg["nb06.development_order"].reference()
    assert order[0].startswith("CSCE Conflict Prevention Centre") and order[1] == "An Agenda for Peace"
    assert order[2] == "CSCE High Commissioner on National Minorities"
    assert reg["nb06.ounce_of_prevention"].reference() == pytest.approx(4.0)
    assert len(reg["nb06.six_functions"].reference()) == 6
    assert not math.isnan(reg["nb06.ounce_of_prevention"].reference())
    assert nb06._not_a_type() == "Coercive diplomacy"  # kept for other callers


def test_the_cases_of_diplomacy_types_use_the_datasets_four_types(tables):
    rel, concepts = tables["relations"], tables["concepts"].set_index("concept_id")
    four = set(rel.loc[(rel["from_id"] == "preventive_diplomacy") & (rel["relation"] == "contrasts_with")
                       & (rel["locator"] == nb06._TYPES_LOCATOR), "to_id"]) | {"preventive_diplomacy"}
    assert {cid for _t, cid in nb06.TYPE_VIGNETTES.values()} == four  # one case per type
    assert set(nb06.DIPLOMACY_TYPES) == {concepts.loc[c, "name_en"] for c in four}
    ref = exercises.get("nb06.diplomacy_types").reference()
    assert ref == {"A": "Preventive diplomacy", "B": "Wartime diplomacy", "C": "Development diplomacy",
                   "D": "Conventional diplomacy"}


def test_the_model_decides_the_way_of_each_case():
    assert exercises.get("nb06.vignette_ways").reference() == {
        "A": "prevention", "B": "management", "C": "resolution", "D": "management", "E": "management",
        "F": "resolution"}
    # the same tool, mediation, serves prevention before a crisis and management after
    assert nb06.vignette_way("mediation", 3.0) == "prevention" and nb06.vignette_way("mediation", 6.0) == "management"
    for tool, x in [("coercive diplomacy", 2.0), ("arbitration", 12.0)]:
        with pytest.raises(ValueError):
            nb06.vignette_way(tool, x)
    # each case's tool is one the model lists, and resolution tools work at any rung
    tools = {t for w in m.LADDER_WAYS for t in w.tools}
    assert all(tool in tools for _text, tool, _x in nb06.WAY_VIGNETTES.values())


def test_the_process_runs_from_early_to_late_prevention():
    order = exercises.get("nb06.process_order").reference()
    assert order == ["Early warning", "Fact-finding", "Good offices and mediation", "Confidence building",
                     "Preventive deployment"]
    assert list(nb06.PROCESS) != order  # the form and the cell do not list them in the answer's order
    for step, (_text, x) in nb06.PROCESS.items():
        assert "prevention" in m.ladder_ways(x), step  # every step comes before a crisis breaks out
    assert m.ladder_phase(nb06.PROCESS["Early warning"][1]).id == "early_prevention"
    assert m.ladder_phase(nb06.PROCESS["Preventive deployment"][1]).id == "late_prevention"


def test_the_passage_agrees_with_the_dataset(tables):
    events = tables["events"].set_index("event_id")
    year = lambda e: events.loc[e, "date_start"].year  # noqa: E731
    assert exercises.get("nb06.wrong_claims").reference() == ["B", "D", "E"]
    assert year("charter_of_paris_1990") == 1990
    assert "Conflict Prevention Centre" in events.loc["charter_of_paris_1990", "title_en"]
    assert (year("helsinki_document_1992"), events.loc["helsinki_document_1992", "date_start"].month) == (1992, 7)
    assert "High Commissioner on National Minorities" in events.loc["helsinki_document_1992", "title_en"]
    assert year("arf_pd_paper_2001") == 2001
    assert "three stages" in tables["discrepancies"].set_index("discrepancy_id").loc["arf_stage_count", "claim_b"]


def test_acting_earlier_does_what_the_answer_says():
    truths = nb06.act_earlier_truths()
    assert exercises.get("nb06.act_earlier").reference() == [s for s, t in truths.items() if t]
    assert m.ladder_cost_ratio(nb06.LATE_ACT, nb06.EARLY_ACT) == pytest.approx(2)
    assert m.ladder_phase(nb06.EARLY_ACT).id == "late_prevention" and m.ladder_phase(nb06.LATE_ACT).id == "crisis"
    assert m.ladder_cost(nb06.LATE_ACT) - m.ladder_cost(nb06.EARLY_ACT) == pytest.approx(2.639, abs=1e-3)
    assert sum(truths.values()) == 3 and not all(truths.values())


def test_a_dearer_cure_doubles_the_cost_halfway_up():
    assert exercises.get("nb06.dearer_cure").reference() == "8 ounces"
    assert m.ladder_cost(nb06.DEARER_AT, nb06.DEARER_RATIO) == pytest.approx(2 * m.ladder_cost(nb06.DEARER_AT))
    assert m.ladder_cost(nb06.DEARER_AT) == pytest.approx(4)  # what the prompt states for ratio 16


def test_the_escalation_widget_reaches_the_values_the_exercises_use(tables):
    box = widgets.escalation_explorer(tables["concepts"])
    for x in (nb06.EARLY_ACT, nb06.LATE_ACT, nb06.DEARER_AT):
        box.controls["intensity"].value = x
        assert box.controls["intensity"].value == x
    box.controls["ratio"].value = nb06.DEARER_RATIO
    assert box.controls["ratio"].value == nb06.DEARER_RATIO
    assert f"costs {m.ladder_cost(nb06.DEARER_AT, nb06.DEARER_RATIO):.1f} ounces" in charts.alt_text(box.figure)


def test_exercise_objectives_are_the_notebook_objectives():
    import json

    from .conftest import NOTEBOOKS

    meta = json.loads((NOTEBOOKS / "06_preventive_diplomacy.ipynb").read_text(encoding="utf-8"))["metadata"]["secnb"]
    for ex in exercises.registry().values():
        if ex.notebook == "06_preventive_diplomacy":
            assert ex.objective in meta["objectives"], ex.id
