"""Notebook 07: the trust model (against its closed form), the charts of the stages, the two
widgets (driven from Python) and the notebook's exercises."""

from __future__ import annotations

import math
import re

import matplotlib.colors as mcolors
import pytest

import secnb
from secnb import charts, widgets
from secnb.exercises import registry
from secnb.models import trust as T
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly as _render_cleanly


def _line_colours(fig) -> set[str]:
    found = set()
    for ax in fig.axes:
        for line in ax.lines:
            for c in (line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()):
                if c not in ("none", None):
                    found.add(mcolors.to_hex(c))
    return found - {"#808080", "#000000", "#ffffff"}  # grey, black and white mark shapes and edges


# ---------------------------------------------------------------------------------------------
# The model


@pytest.mark.parametrize("tau,e", [(0.6, 0.2), (0.5, 0.15), (1.0, 0.0), (0.3, 0.5), (0.0, 0.2)])
def test_equilibrium_is_the_closed_form(tau, e):
    g, s = 0.1, 0.3
    expected = (1 - e) * g * tau / ((1 - e) * g * tau + e * s)
    assert T.trust_equilibrium(tau, e) == pytest.approx(expected)


def test_known_values_used_in_the_notebook():
    assert T.trust_equilibrium(0.6, 0.2) == pytest.approx(0.048 / 0.108)
    assert T.trust_equilibrium(1.0, 0.2) == pytest.approx(0.08 / 0.14)
    assert T.trust_equilibrium(0.6, 0.2, shock=0.15) == pytest.approx(0.048 / 0.078)
    assert T.trust_stage(T.trust_equilibrium(0.6, 0.2)) == 2
    assert T.trust_stage(T.trust_equilibrium(0.6, 0.2, shock=0.15)) == 3
    assert T.trust_equilibrium(0.6, 0.02) > 0.9


def test_no_force_no_equilibrium_and_extremes():
    assert T.trust_equilibrium(0.0, 0.0) is None
    assert T.trust_equilibrium(0.0, 0.1) == 0.0  # secrecy and misreading: trust dies out
    assert T.trust_equilibrium(0.4, 0.0) == 1.0  # no misreading: trust grows to full


def test_equilibrium_rises_with_transparency_and_falls_with_misperception():
    taus = [i / 10 for i in range(1, 11)]
    levels = [T.trust_equilibrium(t, 0.1) for t in taus]
    assert levels == sorted(levels) and len(set(levels)) == len(levels)
    es = [i / 20 for i in range(1, 11)]
    levels = [T.trust_equilibrium(0.5, e) for e in es]
    assert levels == sorted(levels, reverse=True)


@pytest.mark.parametrize("tau,e,start", [(0.5, 0.15, 0.1), (0.9, 0.05, 0.0), (0.2, 0.3, 0.9)])
def test_expected_path_follows_the_recursion_and_converges(tau, e, start):
    g, s = 0.1, 0.3
    path = T.expected_trust(tau, e, periods=300, start=start)
    values = list(path["trust"])
    assert values[0] == pytest.approx(start)
    for a, b in zip(values, values[1:]):
        assert b == pytest.approx(a + (1 - e) * g * tau * (1 - a) - e * s * a, abs=1e-12)
    assert values[-1] == pytest.approx(T.trust_equilibrium(tau, e), abs=1e-6)
    assert list(path["period"]) == list(range(301))
    assert list(path["stage"]) == [T.trust_stage(v) for v in values]


def test_expected_path_stays_put_when_nothing_moves_trust():
    assert set(T.expected_trust(0.0, 0.0, start=0.37, periods=5)["trust"]) == {0.37}


def test_chance_runs_are_seeded_and_average_to_the_expected_path():
    a = T.trust_path(0.5, 0.2, seed=7)
    b = T.trust_path(0.5, 0.2, seed=7)
    assert a.equals(b)
    assert not a.equals(T.trust_path(0.5, 0.2, seed=8))
    runs = [T.trust_path(0.5, 0.2, periods=20, seed=seed)["trust"] for seed in range(3000)]
    mean = [sum(r.iloc[t] for r in runs) / len(runs) for t in (5, 10, 20)]
    expected = T.expected_trust(0.5, 0.2, periods=20)["trust"]
    assert mean == pytest.approx([expected.iloc[t] for t in (5, 10, 20)], abs=0.006)


def test_chance_run_steps_are_the_two_rules():
    run = T.trust_path(0.7, 0.25, periods=60, seed=3, shock=0.4, build=0.2)
    for prev, (trust, misread) in zip(run["trust"], zip(run["trust"].iloc[1:], run["misread"].iloc[1:])):
        if misread:
            assert trust == pytest.approx(prev * 0.6)
        else:
            assert trust == pytest.approx(prev + 0.2 * 0.7 * (1 - prev))
    assert not run["misread"].iloc[0] and 0 < run["misread"].sum() < 60


def test_without_misperception_the_run_is_the_expected_path():
    run = T.trust_path(0.4, 0.0, seed=11)
    assert not run["misread"].any()
    assert list(run["trust"]) == pytest.approx(list(T.expected_trust(0.4, 0.0)["trust"]))


def test_without_transparency_only_misreadings_move_trust():
    run = T.trust_path(0.0, 0.3, periods=50, seed=2, start=0.8)
    k = int(run["misread"].sum())
    assert run["trust"].iloc[-1] == pytest.approx(0.8 * 0.7 ** k)


def test_stage_thresholds():
    assert [T.trust_stage(x) for x in (0.0, 0.19, 0.2, 0.39, 0.4, 0.6, 0.79, 0.8, 1.0)] == [0, 0, 1, 1, 2, 3, 3, 4, 4]
    assert T.trust_stage(0.5, thresholds=(0.1, 0.3, 0.5, 0.7)) == 3
    with pytest.raises(ValueError):
        T.trust_stage(0.5, thresholds=(0.5, 0.3))


@pytest.mark.parametrize("level,tau", [(0.2, 0.5), (0.4, 0.8), (0.8, 0.9), (0.6, 0.3)])
def test_misperception_limit_is_where_trust_settles_exactly_at_the_level(level, tau):
    e_max = T.misperception_limit(level, tau)
    assert T.trust_equilibrium(tau, e_max) == pytest.approx(level)
    assert T.trust_equilibrium(tau, max(0.0, e_max - 0.01)) > level
    assert T.trust_equilibrium(tau, min(1.0, e_max + 0.01)) < level
    assert T.misperception_limit(0.0, tau) == 1.0
    assert T.misperception_limit(level, 0.0) == 0.0


@pytest.mark.parametrize("level,tau,e", [(0.2, 0.5, 0.15), (0.4, 0.5, 0.15), (0.8, 0.9, 0.02), (0.6, 1.0, 0.05)])
def test_periods_to_trust_is_the_first_period_at_the_level(level, tau, e):
    n = T.periods_to_trust(level, tau, e)
    path = T.expected_trust(tau, e, periods=n + 1)["trust"]
    assert path.iloc[n] >= level - 1e-12 and (n == 0 or path.iloc[n - 1] < level)


def test_periods_to_trust_never_and_already():
    assert T.periods_to_trust(0.6, 0.5, 0.15) is None  # settles near 0.49
    assert T.periods_to_trust(0.1, 0.5, 0.15, start=0.3) == 0


@pytest.mark.parametrize("kwargs", [dict(transparency=1.2, misperception=0.1),
                                    dict(transparency=0.5, misperception=-0.1),
                                    dict(transparency=0.5, misperception=0.1, shock=2),
                                    dict(transparency="high", misperception=0.1)])
def test_invalid_arguments_are_refused(kwargs):
    with pytest.raises(ValueError):
        T.trust_equilibrium(**kwargs)
    with pytest.raises(ValueError):
        T.trust_path(**kwargs)


def test_invalid_start_and_periods_are_refused():
    with pytest.raises(ValueError):
        T.expected_trust(0.5, 0.1, start=1.5)
    with pytest.raises(ValueError):
        T.trust_path(0.5, 0.1, periods=-1)


def test_the_model_says_it_is_a_teaching_model():
    assert "teaching model" in T.__doc__ and "not a forecast" in T.__doc__
    for name in ("T*", "misperception", "transparency", "Assumptions"):
        assert name in T.__doc__


def test_models_package_exposes_the_trust_model():
    for name in T.__all__:
        assert getattr(secnb.models, name) is getattr(T, name)


# ---------------------------------------------------------------------------------------------
# Charts


def test_stage_ladder(tables, font_mode):
    fig = charts.stage_ladder(tables["stages"], dashed=["security_community"], dashed_note="added by the lecture")
    _render_cleanly(fig)
    ax = fig.axes[0]
    assert ax.get_title().startswith("The process of cooperative security") and ax.get_xlabel()
    alt = charts.alt_text(fig)
    for name in tables["stages"]["name_en"]:
        assert name in alt
    assert "drawn dashed: added by the lecture" in alt
    texts = " ".join(charts.text_of(fig))
    assert bool(CJK.search(texts)) == (font_mode == "cjk")


def test_stage_milestones_places_every_institution(tables, font_mode):
    ms, st = tables["milestones"], tables["stages"]
    fig = charts.stage_milestones(ms, st, tables["institutions"], tables["sources"], title="All")
    _render_cleanly(fig)
    ax = fig.axes[0]
    assert ax.get_title().startswith("All") and ax.get_xlabel() and ax.get_ylabel()
    assert _line_colours(fig) <= OKABE_ITO
    alt = charts.alt_text(fig)
    assert f"{len(ms)} milestones of {tables['institutions']['institution_id'].nunique()} institutions" in alt
    order = dict(zip(st["stage_id"], st["order"]))
    for inst, rows in ms.groupby("institution_id"):
        assert f"furthest stage {max(rows['stage_id'].map(order))} " in alt, inst
    texts = " ".join(charts.text_of(fig))
    assert bool(CJK.search(texts)) == (font_mode == "cjk")


def test_stage_milestones_draws_claims_hollow(tables):
    ms, sources = tables["milestones"], tables["sources"]
    claims = set(sources.loc[sources["kind"] == "source document", "source_id"])
    fig = charts.stage_milestones(ms, tables["stages"], tables["institutions"], sources)
    markers = [l for l in fig.axes[0].lines if l.get_marker() not in ("None", None, "") and len(l.get_xdata()) == 1]
    hollow = [l for l in markers if mcolors.to_hex(l.get_markerfacecolor()) == "#ffffff"]
    assert len(hollow) == ms["source_id"].isin(claims).sum() > 0
    assert "hollow" in " ".join(charts.text_of(fig))


def test_stage_milestones_one_institution_lists_its_steps_and_the_placement(tables):
    fig = charts.stage_milestones(tables["milestones"], tables["stages"], tables["institutions"], tables["sources"],
                                  institution_ids=["shanghai_five_sco"], placed="security_community",
                                  placed_label="your placement")
    _render_cleanly(fig)
    alt = charts.alt_text(fig)
    assert "A star marks your placement at stage 4" in alt
    texts = " ".join(charts.text_of(fig))
    s5 = tables["milestones"][tables["milestones"]["institution_id"] == "shanghai_five_sco"]
    for date in s5["date"]:
        assert date in texts


def test_institution_names_use_the_abbreviation(tables):
    names = charts.institution_names(tables["institutions"])
    assert names["csce_osce"] == "CSCE/OSCE"
    assert set(names) == set(tables["institutions"]["institution_id"])


@pytest.mark.parametrize("stage_map", [True, False])
def test_trust_chart(tables, font_mode, stage_map):
    fig = charts.trust_chart(tables["stages"], 0.6, 0.2, seed=1, stage_map=stage_map)
    _render_cleanly(fig)
    assert len([a for a in fig.axes if a.get_xlabel()]) == (2 if stage_map else 1)
    for ax in fig.axes:
        if ax.get_xlabel():
            assert ax.get_ylabel() and ax.get_title()
    assert _line_colours(fig) <= OKABE_ITO
    alt = charts.alt_text(fig)
    assert "teaching model" in alt and "settles at 0.44" in alt and "stage 2 (Preventive diplomacy)" in alt
    assert ("second panel" in alt) == stage_map
    texts = " ".join(charts.text_of(fig))
    assert bool(CJK.search(texts)) == (font_mode == "cjk")


def test_trust_chart_without_a_chance_run(tables):
    fig = charts.trust_chart(tables["stages"], 0.0, 0.0, seed=None)
    _render_cleanly(fig)
    assert "chance run" not in charts.alt_text(fig)


# ---------------------------------------------------------------------------------------------
# Widgets


def test_trust_explorer_redraws_when_transparency_moves(tables):
    box = widgets.trust_explorer(tables["stages"])
    assert list(box.controls)[0] == "transparency"
    before, alt_before = box.view.value, charts.alt_text(box.figure)
    box.controls["transparency"].value = 0.9
    assert box.view.value != before
    assert "transparency 0.90" in charts.alt_text(box.figure) and charts.alt_text(box.figure) != alt_before
    box.controls["misperception"].value = 0.02
    assert "stage 4 (Security community)" in charts.alt_text(box.figure)
    box.controls["seed"].value = 5
    assert "seed 5" in charts.alt_text(box.figure)


def _text(box) -> str:
    return re.sub(r"<[^>]+>", "", box.view.value)


@pytest.fixture
def placer(tables):
    return widgets.stage_placer(tables["institutions"], tables["stages"], tables["milestones"], tables["sources"],
                                institution="arf")


def test_placer_starts_on_the_chosen_institution_and_asks_for_a_stage(placer):
    assert placer.controls["institution"].value == "arf"
    assert "no stage chosen yet" in _text(placer)
    placer.check()
    assert "First choose the stage" in _text(placer) and placer.verdict is None
    assert placer.score is None


def test_placer_matches_the_record(placer):
    placer.controls["stage"].value = "preventive_diplomacy"
    placer.controls["reason"].value = "early_action"
    placer.check()
    text = _text(placer)
    assert placer.verdict == "matches the record"
    assert "matches the furthest stage" in text and "2001-07-25" in text
    assert "reason is the kind of evidence that fits" in text
    assert "a claim of a source document" in text  # the Position Paper's two steps
    assert "no single right answer" in text
    assert placer.score is None


def test_placer_beyond_and_behind_the_record_with_reason_checks(placer):
    placer.controls["stage"].value = "security_community"
    placer.controls["reason"].value = "dialogue"
    placer.check()
    assert placer.verdict == "beyond the record"
    assert "does not fit your stage" in _text(placer)
    placer.controls["institution"].value = "csce_osce"
    assert placer.verdict is None  # a change asks for a new comparison
    placer.controls["stage"].value = "csbm"
    placer.controls["reason"].value = "own"
    placer.controls["own_reason"].value = "Too short."
    placer.check()
    assert placer.verdict == "behind the record"
    assert "has 2 words" in _text(placer) and "1992-12" in _text(placer)


def test_placer_chart_follows_the_controls(placer, tables):
    placer.controls["institution"].value = "cica"
    placer.controls["stage"].value = "conflict_resolution"
    alt = charts.alt_text(placer.figure)
    assert "Conference on Interaction" in alt and "at stage 3" in alt


def test_placer_needs_a_reason(placer):
    placer.controls["stage"].value = "csbm"
    placer.check()
    assert "give a reason" in _text(placer)
    placer.controls["own_reason"].value = ("The ARF still spends most of its meetings on dialogue and confidence "
                                           "building, and one paper on preventive diplomacy is not a practice.")
    placer.check()
    assert placer.verdict == "behind the record" and "recorded here for you" in _text(placer)


# ---------------------------------------------------------------------------------------------
# Exercises


def test_nb07_has_checked_exercises_of_mixed_kinds_and_a_reflection():
    mine = [ex for ex in registry().values() if ex.notebook == "07_csbms_to_security_community"]
    auto = [ex for ex in mine if ex.auto]
    assert len(auto) >= 3 and len({ex.kind for ex in auto}) >= 3
    assert any(ex.kind == "open" and ex.rubric and ex.min_words >= 50 for ex in mine)
    import json

    from .conftest import NOTEBOOKS

    meta = json.loads((NOTEBOOKS / "07_csbms_to_security_community.ipynb").read_text(encoding="utf-8"))["metadata"]
    for ex in mine:
        assert ex.objective in meta["secnb"]["objectives"], ex.id


def test_data_backed_solutions_follow_the_dataset(tables):
    reg = registry()
    st = tables["stages"].sort_values("order")
    assert reg["nb07.stage_order"].reference() == list(st["name_en"])
    assert math.isclose(reg["nb07.long_run_trust"].reference(), round(T.trust_equilibrium(0.6, 0.2), 2))
    # the form's ladder of stage names is the dataset's
    from secnb.exercises import nb07

    assert list(nb07.STAGE_LADDER) == list(st["name_en"])
    assert sorted(nb07.STAGE_OPTIONS) == sorted(st["name_en"])
    assert nb07.SUSPICION == charts.stages.SUSPICION
    # the kept helpers still work on the dataset
    assert set(nb07._shanghai_steps().values()) <= set(st["name_en"])
    ms = tables["milestones"]
    order = dict(zip(st["stage_id"], st["order"]))
    only_first = [i for i, rows in ms.groupby("institution_id") if set(rows["stage_id"].map(order)) == {1}]
    assert nb07._first_stage_only() == nb07.INSTITUTION_OPTIONS[only_first[0]]


def test_retired_exercises_are_gone():
    reg = registry()
    assert "nb07.shanghai_steps" not in reg and "nb07.first_stage_only" not in reg


def test_record_steps_are_rows_of_the_dataset_and_the_key_is_their_stage(tables):
    from secnb.exercises import nb07

    ms = tables["milestones"].set_index("milestone_id")
    names = dict(zip(tables["stages"]["stage_id"], tables["stages"]["name_en"]))
    ex = registry()["nb07.place_record"]
    ref = ex.reference()
    assert list(ref) == list(nb07.RECORD_STEPS)
    for mid, stage in ref.items():
        assert stage == names[ms.loc[mid, "stage_id"]]
        assert ms.loc[mid, "date"][:4] in nb07.RECORD_STEPS[mid], mid  # the label dates the step as the data does
        assert ex.label(mid) == nb07.RECORD_STEPS[mid]
    # no label gives the stage away by naming it
    for text in nb07.RECORD_STEPS.values():
        for name in ("confidence", "preventive", "conflict resolution", "security community"):
            assert name not in text.lower(), text
    # at least three stages are used, and one is used twice, so the answers cannot be found by elimination
    values = list(ref.values())
    assert len(set(values)) >= 3 and len(set(values)) < len(values)


def test_the_court_is_dated_by_signature_and_entry_into_force(tables):
    ms = tables["milestones"].set_index("milestone_id")
    row = ms.loc["csce_1992_court"]
    assert row["date"] == "1992-12" and "signed" in row["title_en"].lower()
    assert "5 December 1994" in row["note"] and "15 December 1992" in row["note"]
    ev = tables["events"].set_index("event_id").loc["csce_convention_1992"]
    assert ev["date"] == "1992-12" and "5 December 1994" in ev["note"]
    ex = registry()["nb07.court_claim"]
    assert "1994" in ex.reference() and "1992" in ex.reference() and "ratified" in ex.reference()


def test_vignettes_cover_every_stage(tables):
    from secnb.exercises import nb07

    ex = registry()["nb07.place_vignettes"]
    ref = ex.reference()
    assert set(ref.values()) == set(tables["stages"]["name_en"])
    assert len(ref) > len(set(ref.values()))
    assert ref["A"] == nb07.STAGE_LADDER[0] and "42 days" in ex.label("A")
    for key, (stage_id, text) in nb07.VIGNETTES.items():
        assert stage_id in set(tables["stages"]["stage_id"]) and text.startswith(f"{key}. ")


def test_trust_predictions_come_from_the_model():
    from secnb.exercises import nb07

    ref = registry()["nb07.predict_trust"].reference()
    ladder = [nb07.SUSPICION, *nb07.STAGE_LADDER]
    for label, (tau, e) in nb07.TRUST_SCENARIOS.items():
        assert ref[label] == ladder[T.trust_stage(T.trust_equilibrium(tau, e))], label
    # the starting setting is in the band of preventive diplomacy, as the exercise says
    base = T.trust_equilibrium(*nb07.TRUST_BASE)
    assert 0.4 <= base < 0.5 and T.trust_stage(base) == 2
    # what the exercise teaches: more transparency raises settled trust, more misperception lowers it,
    # and doubling both nearly cancels out
    assert T.trust_equilibrium(1.0, 0.15) > base > T.trust_equilibrium(0.5, 0.30)
    assert ref["Both: transparency 1.0 and misperception 0.30"] == ref["Transparency rises to 0.7"] \
        == nb07.STAGE_LADDER[1]
    assert ref["Transparency falls to 0 (no measures at all)"] == nb07.SUSPICION
    assert len(set(ref.values())) == 5  # every band is used, one of them twice


def test_csbm_process_is_a_shuffle_of_its_order():
    from secnb.exercises import nb07

    ex = registry()["nb07.csbm_process"]
    assert sorted(ex.options) == sorted(ex.reference()) and list(ex.options) != list(ex.reference())
    assert all(len(item) <= 40 for item in ex.options)  # they fit the drop-downs of the form


def test_nb07_notebook_asks_by_form_and_draws_the_record_after_the_exercise():
    import json

    from .conftest import NOTEBOOKS

    cells = json.loads((NOTEBOOKS / "07_csbms_to_security_community.ipynb").read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells]
    assert not any("stage_placer" in s for s in sources)
    form_at = next(i for i, s in enumerate(sources) if 'answer_widget("nb07.place_record")' in s)
    chart_at = next(i for i, s in enumerate(sources) if "stage_milestones(milestones, stages, institutions, sources," in s)
    assert form_at < chart_at
    for ex_id in ("stage_order", "place_vignettes", "two_communities", "csbm_process", "place_record",
                  "court_claim", "predict_trust"):
        assert any(s == f'secnb.answer_widget("nb07.{ex_id}")' for s in sources), ex_id
    text = "\n".join(s for c, s in zip(cells, sources) if c["cell_type"] == "markdown")
    assert "December 1994" in text and "later that year" not in text


def test_nb07_level_share():
    mine = [ex for ex in registry().values() if ex.notebook == "07_csbms_to_security_community" and ex.auto]
    above = [ex for ex in mine if ex.level != "recall"]
    assert len(above) >= 3 and len(above) / len(mine) >= 0.7
    assert all(ex.explanation for ex in mine)
