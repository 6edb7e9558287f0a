"""Notebook 03: the iterated prisoner's dilemma model, its charts, the comprehensive-security matrix and
the two widgets (the concept comparator and the dilemma explorer)."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secnb import charts, models, widgets
from secnb.charts.comprehensive import HORIZONTAL, VERTICAL, WIDER
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly as _render_cleanly

GREYS = {"#999999", "#000000", "#808080", "#555555", "#444444", "#e5e5e5", "#ffffff"}
NAMES = list(models.STRATEGIES)


def _colours(fig) -> set[str]:
    """Every colour drawn by lines, markers, patches and collections, greys left out."""
    found = set()
    for ax in fig.axes:
        for line in ax.lines:
            for c in (line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()):
                if c not in ("none", None):
                    found.add(mcolors.to_hex(c))
        for patch in ax.patches:
            found.add(mcolors.to_hex(patch.get_facecolor(), keep_alpha=False))
        for coll in ax.collections:
            found |= {mcolors.to_hex(c, keep_alpha=False) for c in coll.get_facecolor()}
    return found - GREYS


def _has_title_and_labels(fig) -> None:
    titles = [ax.get_title() or ax.get_title(loc="left") for ax in fig.axes]
    assert any(titles), "a chart has a title"
    assert any(ax.get_xlabel() for ax in fig.axes) and all(ax.get_ylabel() for ax in fig.axes)


# ---------------------------------------------------------------------------------------------
# The model


def test_the_planned_api_is_there():
    assert {"always_defect", "always_cooperate", "tit_for_tat", "generous_tit_for_tat"} <= set(models.STRATEGIES)
    game = models.play_dilemma("tit_for_tat", "always_defect")
    assert list(game.columns) == ["round", "move_a", "move_b", "seen_a", "seen_b", "payoff_a", "payoff_b"]
    assert len(game) == 50 and list(game["round"]) == list(range(1, 51))
    assert set(game["move_a"]) | set(game["move_b"]) <= {"C", "D"}
    assert isinstance(models.cooperation_rate("tit_for_tat", "always_defect"), float)


@pytest.mark.parametrize("rounds", [1, 2, 50, 200])
@pytest.mark.parametrize("seed", [0, 7])
def test_tit_for_tat_against_itself_without_noise_cooperates_every_round(rounds, seed):
    game = models.play_dilemma("tit_for_tat", "tit_for_tat", rounds=rounds, seed=seed)
    assert (game["move_a"] == "C").all() and (game["move_b"] == "C").all()
    assert (game["payoff_a"] == 3).all() and models.cooperation_rate("tit_for_tat", "tit_for_tat", rounds) == 1.0


def test_payoffs_follow_the_table():
    assert (models.play_dilemma("always_defect", "always_cooperate", 10)[["payoff_a", "payoff_b"]].values
            == [5, 0]).all()
    assert (models.play_dilemma("always_defect", "always_defect", 10)[["payoff_a", "payoff_b"]].values == [1, 1]).all()
    assert (models.play_dilemma("always_cooperate", "always_cooperate", 10)["payoff_b"] == 3).all()
    custom = models.play_dilemma("always_cooperate", "always_defect", 4, payoffs=(4, 3, 2, 1))
    assert list(custom["payoff_a"]) == [1] * 4 and list(custom["payoff_b"]) == [4] * 4
    table = models.payoff_table()
    assert table.loc["A cooperates", "B defects"] == "0, 5" and table.loc["A defects", "B defects"] == "1, 1"


@pytest.mark.parametrize("n", [1, 2, 3, 10, 37])
def test_tit_for_tat_is_exploited_once_by_always_defect(n):
    game = models.play_dilemma("tit_for_tat", "always_defect", n)
    assert list(game["move_a"]) == ["C"] + ["D"] * (n - 1)
    assert game["payoff_a"].sum() == 0 + 1 * (n - 1)
    assert game["payoff_b"].sum() == 5 + 1 * (n - 1)
    assert models.cooperation_rate("tit_for_tat", "always_defect", n) == pytest.approx(1 / (2 * n))


def test_noise_one_misreads_every_move_and_noise_zero_none():
    game = models.play_dilemma("always_cooperate", "always_defect", 30, noise=1.0)
    assert (game["seen_a"] != game["move_b"]).all() and (game["seen_b"] != game["move_a"]).all()
    clean = models.play_dilemma("generous_tit_for_tat", "grim_trigger", 30, noise=0.0, seed=3)
    assert (clean["seen_a"] == clean["move_b"]).all() and (clean["seen_b"] == clean["move_a"]).all()


def test_seeded_and_deterministic():
    one = models.play_dilemma("generous_tit_for_tat", "tit_for_tat", 100, noise=0.1, seed=4)
    two = models.play_dilemma("generous_tit_for_tat", "tit_for_tat", 100, noise=0.1, seed=4)
    assert one.equals(two)
    other = models.play_dilemma("generous_tit_for_tat", "tit_for_tat", 100, noise=0.1, seed=5)
    assert not one.equals(other)


def test_the_same_seed_brings_the_same_misreadings_whatever_the_strategies():
    def misread(a, b):
        g = models.play_dilemma(a, b, 80, noise=0.1, seed=2)
        return list(g["seen_a"] != g["move_b"]), list(g["seen_b"] != g["move_a"])

    assert misread("tit_for_tat", "tit_for_tat") == misread("always_defect", "grim_trigger")


def test_generosity_bounds():
    for seed in range(3):
        strict = models.play_dilemma("generous_tit_for_tat", "tit_for_tat", 60, noise=0.1, seed=seed, generosity=0.0)
        tft = models.play_dilemma("tit_for_tat", "tit_for_tat", 60, noise=0.1, seed=seed)
        assert strict[["move_a", "move_b"]].equals(tft[["move_a", "move_b"]])
    saint = models.play_dilemma("generous_tit_for_tat", "always_defect", 40, generosity=1.0)
    assert (saint["move_a"] == "C").all()


def test_grim_trigger_never_forgives():
    game = models.play_dilemma("grim_trigger", "tit_for_tat", 100, noise=0.05, seed=1)
    first = next((i for i, s in enumerate(game["seen_a"]) if s == "D"), None)
    assert first is not None
    assert (game["move_a"].iloc[: first + 1] == "C").all() and (game["move_a"].iloc[first + 1:] == "D").all()


@pytest.mark.parametrize("payoffs", [(5, 3, 1, 0), (5, 3, 2, 0), (4, 3, 1, 0), (10, 6, 1, 0), (5, 4, 1, 0)])
def test_rounds_for_reciprocity_matches_the_algebra(payoffs):
    t, r, p, _ = payoffs
    assert models.rounds_for_reciprocity(payoffs) == math.floor((t - p) / (r - p)) + 1


def test_shadow_of_future_totals():
    frame = models.shadow_of_future(max_rounds=12)
    for row in frame.itertuples():
        expected = 3 * row.rounds if row.strategy == "tit_for_tat" else 5 + (row.rounds - 1)
        assert row.total == expected and row.per_round == pytest.approx(expected / row.rounds)


def test_noise_sweep_averages_over_seeds():
    sweep = models.noise_sweep([("tit_for_tat", "tit_for_tat"), ("grim_trigger", "grim_trigger")], [0.0, 0.1],
                               rounds=40, seeds=range(4))
    assert list(sweep.columns) == ["strategy_a", "strategy_b", "noise", "cooperation_rate", "games"]
    assert (sweep.loc[sweep["noise"] == 0, "cooperation_rate"] == 1.0).all() and (sweep["games"] == 4).all()
    at = sweep.set_index(["strategy_a", "noise"])["cooperation_rate"]
    mean = sum(models.cooperation_rate("grim_trigger", "grim_trigger", 40, 0.1, s) for s in range(4)) / 4
    assert at[("grim_trigger", 0.1)] == pytest.approx(mean)


@pytest.mark.parametrize("kwargs, match", [
    ({"strategy_a": "nice"}, "unknown strategy"),
    ({"rounds": 0}, "rounds"), ({"rounds": 2.5}, "rounds"), ({"rounds": True}, "rounds"),
    ({"noise": 1.5}, "noise"), ({"noise": -0.1}, "noise"), ({"generosity": 2}, "generosity"),
    ({"payoffs": (3, 5, 1, 0)}, "not a prisoner's dilemma"), ({"payoffs": (6, 3, 1, 0)}, "not a prisoner's dilemma"),
    ({"payoffs": (5, 3, 1)}, "four numbers"),
])
def test_bad_parameters_are_refused(kwargs, match):
    args = {"strategy_a": "tit_for_tat", "strategy_b": "tit_for_tat", **kwargs}
    with pytest.raises(ValueError, match=match):
        models.play_dilemma(**args)


@settings(max_examples=60, deadline=None)
@given(a=st.sampled_from(NAMES), b=st.sampled_from(NAMES), rounds=st.integers(1, 60),
       noise=st.floats(0, 1), seed=st.integers(0, 10_000), generosity=st.floats(0, 1))
def test_any_game_is_consistent(a, b, rounds, noise, seed, generosity):
    game = models.play_dilemma(a, b, rounds, noise, seed, generosity)
    assert len(game) == rounds
    assert set((game["payoff_a"] + game["payoff_b"]).unique()) <= {6.0, 5.0, 2.0}
    rate = models.cooperation_rate(a, b, rounds, noise, seed, generosity)
    assert 0.0 <= rate <= 1.0
    if a == "always_defect":
        assert (game["move_a"] == "D").all()
    if b == "always_cooperate":
        assert (game["move_b"] == "C").all()
    if a == "tit_for_tat" and rounds > 1:
        assert list(game["move_a"].iloc[1:]) == list(game["seen_a"].iloc[:-1])


def test_strategy_table_names_the_analogy_as_the_courses():
    table = models.strategy_table()
    assert len(table) == len(models.STRATEGIES)
    assert any("not a claim of the sources" in c for c in table.columns)
    assert "Cold War" in models.ANALOGIES["always_defect"] and "trust" in models.ANALOGIES["generous_tit_for_tat"]


# ---------------------------------------------------------------------------------------------
# Charts


def test_dilemma_rounds_chart(font_mode):
    game = models.play_dilemma("tit_for_tat", "tit_for_tat", 50, noise=0.05, seed=0)
    fig = charts.dilemma_rounds(game)
    _render_cleanly(fig)
    _has_title_and_labels(fig)
    alt = charts.alt_text(fig)
    rate = models.cooperation_rate("tit_for_tat", "tit_for_tat", 50, 0.05, 0)
    assert f"{100 * rate:.0f}% of moves cooperative" in alt and "50 rounds" in alt
    n_mis = int((game["seen_a"] != game["move_b"]).sum() + (game["seen_b"] != game["move_a"]).sum())
    assert f"{n_mis} misperception" in alt and f"A {game['payoff_a'].sum():g}" in alt
    assert _colours(fig) <= OKABE_ITO
    assert "teaching model" in " ".join(charts.text_of(fig))


def test_dilemma_rounds_chart_with_many_rounds_uses_bars():
    game = models.play_dilemma("always_defect", "generous_tit_for_tat", 200, noise=0.1, seed=3)
    fig = charts.dilemma_rounds(game)
    _render_cleanly(fig)
    assert fig.axes[0].collections, "many rounds are drawn as bars above (C) and below (D) the line"
    assert _colours(fig) <= OKABE_ITO and "200 rounds" in charts.alt_text(fig)


def test_dilemma_noise_chart(font_mode):
    sweep = models.noise_sweep([("tit_for_tat", "tit_for_tat"), ("generous_tit_for_tat", "generous_tit_for_tat")],
                               [0.0, 0.05, 0.1], rounds=30, seeds=range(3))
    fig = charts.dilemma_noise(sweep)
    _render_cleanly(fig)
    _has_title_and_labels(fig)
    alt = charts.alt_text(fig)
    assert "tit-for-tat (both): 100% at misperception 0" in alt and "3 games of 30 rounds" in alt
    assert len(fig.axes[0].lines) == 2 and _colours(fig) <= OKABE_ITO


def test_dilemma_shadow_chart(font_mode):
    fig = charts.dilemma_shadow(models.shadow_of_future(max_rounds=20))
    _render_cleanly(fig)
    _has_title_and_labels(fig)
    alt = charts.alt_text(fig)
    assert f"tit-for-tat earns more from {models.rounds_for_reciprocity()} rounds on" in alt
    assert "the same at 2 rounds" in alt and "at 20 rounds always defect averages 1.20" in alt
    assert _colours(fig) <= OKABE_ITO


def test_comprehensive_matrix_places_every_threat(tables, font_mode):
    threats = tables["threats"]
    fig = charts.comprehensive_matrix(threats, concepts=tables["concepts"])
    _render_cleanly(fig)
    _has_title_and_labels(fig)
    texts = list(charts.text_of(fig))
    for name in threats["name_en"]:
        assert any(" ".join(t.split()) == name for t in texts), name
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert [t.lower() for t in ticks[:5]] == list(HORIZONTAL)
    inside = threats["field_id"].isin(HORIZONTAL.values()) & threats["level"].isin(VERTICAL + WIDER)
    alt = charts.alt_text(fig)
    assert f"{int(inside.sum())} fall inside the lecture's grid" in alt
    assert f"{int((~inside).sum())} outside it" in alt
    assert _colours(fig) <= OKABE_ITO
    title = ax.get_title()
    assert bool(CJK.search(title)) == (font_mode == "cjk")


# ---------------------------------------------------------------------------------------------
# Widgets


def test_concept_comparator_redraws_and_gives_reasons(tables):
    concepts = tables["concepts"]
    box = widgets.concept_comparator(concepts)
    assert set(box.controls) == {"first", "second"}
    alt = charts.alt_text(box.figure)
    assert "Cooperative security: referent multiple" in alt and "Security cooperation: referent state" in alt
    assert "Dialogue, cooperation and institution building" in box.reasons.value
    before = box.view.value
    box.controls["first"].value = "human_security"
    assert box.view.value != before and "<img" in box.view.value
    assert charts.alt_text(box.figure).startswith("Human security and Security cooperation")
    assert "people" in box.reasons.value
    box.controls["second"].value = "human_security"
    assert "shown twice" in charts.alt_text(box.figure)
    offered = {v for _, v in box.controls["first"].options}
    uncoded = set(concepts.loc[concepts["referent"].isna(), "concept_id"])
    assert offered and not offered & uncoded
    with pytest.raises(KeyError):
        widgets.concept_comparator(concepts, "security")  # a foundations concept without coding


def test_dilemma_explorer_redraws_when_controls_move():
    box = widgets.dilemma_explorer()
    assert list(box.controls) == ["strategy_a", "strategy_b", "noise", "rounds", "generosity", "seed"]
    assert "100% of moves cooperative" in charts.alt_text(box.figure)
    before = box.view.value
    box.controls["noise"].value = 0.05
    expected = models.cooperation_rate("tit_for_tat", "tit_for_tat", 50, 0.05, 0)
    assert f"{100 * expected:.0f}% of moves cooperative" in charts.alt_text(box.figure)
    assert box.view.value != before and "<img" in box.view.value
    box.controls["strategy_a"].value = "always_defect"
    assert charts.alt_text(box.figure).startswith("Always defect (A) against tit-for-tat (B)")
    box.controls["rounds"].value = 120
    assert "120 rounds" in charts.alt_text(box.figure)
    box.controls["strategy_b"].value = "generous_tit_for_tat"
    box.controls["generosity"].value = 0.5
    assert "generosity 0.5" in charts.alt_text(box.figure)
    alt = charts.alt_text(box.figure)
    box.controls["seed"].value = 4
    assert "seed 4" in charts.alt_text(box.figure) and charts.alt_text(box.figure) != alt


# ---------------------------------------------------------------------------------------------
# Exercises: the reference answers are what the dataset and the model give


from secnb.exercises import get as get_exercise  # noqa: E402
from secnb.exercises import nb03 as E  # noqa: E402


def registry_ref(exercise_id):
    return get_exercise(exercise_id).reference()


def registry_ref_prompt(exercise_id):
    return get_exercise(exercise_id).prompt


def test_new_threats_are_the_articles_non_traditional_ones(tables):
    threats = tables["threats"].set_index("name_en")
    ref = E._new_threats()
    assert set(ref) == {"International terrorism", "Drug smuggling", "Serious infectious diseases",
                        "Environmental pollution"}
    assert all(not threats.loc[name, "traditional"] for name in ref)


def test_the_position_paper_rows_are_traditional_so_nothing_was_replaced(tables):
    threats = tables["threats"]
    paper = threats[threats["source_id"] == "mfa2002"]
    assert len(paper) and paper["traditional"].astype(bool).all()
    # the tempting option's fact is true (more non-traditional rows), only its inference is wrong
    assert (~threats["traditional"].astype(bool)).sum() > threats["traditional"].astype(bool).sum()
    assert registry_ref("nb03.threats_replaced").startswith("Not supported")


def test_horizontal_vertical_sentences_use_both_meanings():
    ref = registry_ref("nb03.horizontal_vertical")
    assert set(ref.values()) == {"horizontal", "vertical"} and len(ref) == 5


def test_which_concept_uses_every_concept_once_and_the_concepts_exist(tables):
    ref = registry_ref("nb03.which_concept")
    assert sorted(ref.values()) == sorted(E.CONCEPT_OPTIONS) and list(ref) == list("ABCDE")
    names = set(tables["concepts"]["name_en"].str.lower())
    assert set(E.CONCEPT_OPTIONS) <= names


def test_compare_dimensions_reads_the_coding(tables):
    c = tables["concepts"].set_index("concept_id")
    a, b = c.loc["comprehensive_security"], c.loc["cooperative_security"]
    assert E._differ() == [d for d in ("referent", "means", "logic", "level") if a[d] != b[d]] == ["means", "level"]


def test_ways_out_answer_is_the_one_way_out_not_coded_non_military(tables):
    rel, c = tables["relations"], tables["concepts"].set_index("concept_id")
    ways = list(rel.loc[rel["relation"] == "way_out_of", "from_id"])
    assert len(ways) == 6
    other = [w for w in ways if c.loc[w, "means"] != "non-military"]
    assert other == ["comprehensive_security"]
    assert E._not_non_military_way_out() == c.loc["comprehensive_security", "name_en"]
    from secnb import check
    assert check("nb03.ways_out", "comprehensive_security").passed
    assert check("nb03.ways_out", "Coexistence").passed is False


def test_chronology_follows_the_record_not_the_article(tables):
    order = E._chronology()
    assert order.index("UNDP Human Development Report on human security") < order.index(
        "Commission on Global Governance: Our Global Neighbourhood")


def test_wrong_claims_are_refuted_by_the_dataset_and_the_others_are_not(tables):
    ref = E._wrong_sentences()
    assert ref == ["the framework's orientation", "the Commission on Global Governance", "the ARF's stages"]
    rel = tables["relations"]
    regional = rel[(rel["relation"] == "orientation_of") & rel["note"].str.contains("Regional")]
    assert list(regional["from_id"]) == ["common_security"]
    ids = set(tables["discrepancies"]["discrepancy_id"])
    assert {"cgg_year", "cgg_status", "arf_stage_count"} <= ids
    prompt = registry_ref_prompt("nb03.wrong_claims")
    assert "(a) The lecture traces" in prompt and "(f) The ASEAN Regional Forum" in prompt


@pytest.mark.parametrize("seed", range(8))
def test_noise_predictions_hold_whatever_the_run_of_chance(seed):
    """The exercise asks about run of chance 0; the answer is no accident of that seed."""
    expected = {"tit-for-tat vs tit-for-tat": "falls", "generous tit-for-tat vs generous tit-for-tat": "falls",
                "grim trigger vs grim trigger": "falls", "always defect vs tit-for-tat": "rises",
                "always cooperate vs always cooperate": "stays the same"}
    settings = {**E.GAME, "seed": seed}
    for label, pair in E.PREDICT_PAIRS.items():
        before, after = (models.cooperation_rate(*pair, noise=n, **settings) for n in E.PREDICT_NOISE)
        trend = "rises" if after > before else "falls" if after < before else "stays the same"
        assert trend == expected[label], (seed, label, before, after)
    assert E._noise_trends() == expected


def test_misperception_helps_always_defect_and_hurts_tit_for_tat():
    """The explanation's claim: against always defect, more cooperation means a lower score for tit-for-tat."""
    before = models.play_dilemma("always_defect", "tit_for_tat", noise=0.0, **E.GAME)
    after = models.play_dilemma("always_defect", "tit_for_tat", noise=0.1, **E.GAME)
    assert after["payoff_b"].sum() < before["payoff_b"].sum()


def test_trust_noise_answer_is_the_generous_pair_and_the_sweep_agrees():
    assert E._most_trust() == "generous tit-for-tat vs generous tit-for-tat"
    sweep = models.noise_sweep(list(E.NOISE_PAIRS.values()), [0.05], rounds=100)
    best = sweep.sort_values("cooperation_rate").iloc[-1]
    assert (best["strategy_a"], best["strategy_b"]) == ("generous_tit_for_tat", "generous_tit_for_tat")


def test_shadow_exercises_follow_the_algebra():
    assert E._shadow_rounds() == 4 == math.floor((5 - 2) / (3 - 2)) + 1
    base = models.rounds_for_reciprocity(E.BASE_PAYOFFS)
    assert base == 3
    for label, (t, r, p, _s) in E.SHADOW_CHANGES.items():
        n = math.floor((t - p) / (r - p)) + 1
        assert (label in E._shorter_shadow()) == (n < base), label
    assert len(E._shorter_shadow()) == 3
    # changing S alone never matters here
    assert models.rounds_for_reciprocity((5, 3, 1, -1)) == base
