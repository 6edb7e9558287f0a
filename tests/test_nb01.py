"""Notebook 01, What is security: its charts, the threat sorter and its exercises."""

from __future__ import annotations

import json
import time

import matplotlib.colors as mcolors
import pandas as pd
import pytest

import secnb
from secnb import charts, widgets
from secnb.charts.foundations import QUADRANTS, formation_chain
from secnb.charts.threats import DIMENSION_ZH, level_names, threat_categories
from secnb.exercises import check, nb01, registry
from secnb.widgets.base import CHOOSE
from secnb.widgets.threats import HINTS

from .conftest import NOTEBOOKS
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly as _render_cleanly

NEUTRAL = {"#ffffff", "#eeeeee", "#777777", "#444444", "#333333", "#555555", "#000000"}


def _patch_colours(fig) -> set[str]:
    found = set()
    for ax in fig.axes:
        for p in ax.patches:
            for c in (p.get_facecolor(), p.get_edgecolor()):
                if c[3] > 0:
                    found.add(mcolors.to_hex(c[:3]))
    return found


def _check_chart(fig, font_mode):
    _render_cleanly(fig)
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert charts.alt_text(fig)
    assert _patch_colours(fig) <= OKABE_ITO | NEUTRAL, _patch_colours(fig) - OKABE_ITO - NEUTRAL
    texts = " ".join(charts.text_of(fig))
    if font_mode == "no-cjk":
        assert not CJK.search(texts), "Chinese text drawn without a CJK font"
    else:
        assert CJK.search(texts), "a CJK font is installed but no Chinese label is shown"
    return texts


# --- charts -----------------------------------------------------------------------------------


def test_threats_by_dimension_counts_come_from_the_data(tables, font_mode):
    threats = tables["threats"]
    fig = charts.threats_by_dimension(threats)
    texts = _check_chart(fig, font_mode)
    alt = charts.alt_text(fig)
    assert f"{len(threats)} threats" in alt
    for dim, group in threats.groupby("dimension"):
        assert f"{dim} (" in alt and f"), {len(group)}: " in alt
        for name in group["name_en"]:
            assert name in alt
        assert charts.plural(len(group), "threat") in texts
    if font_mode == "cjk":
        assert all(zh in texts for zh in DIMENSION_ZH.values())


def test_threats_by_dimension_says_which_dimensions_are_traditional(tables):
    alt = charts.alt_text(charts.threats_by_dimension(tables["threats"]))
    assert "war and peace (traditional)" in alt
    assert "man-made crime (non-traditional)" in alt and "natural disaster (non-traditional)" in alt


def test_threats_by_dimension_follows_an_edited_dataset(tables):
    threats = tables["threats"].copy()
    threats.loc[threats["threat_id"] == "arms_race", "dimension"] = "man-made crime"
    alt = charts.alt_text(charts.threats_by_dimension(threats))
    n_crime = int((threats["dimension"] == "man-made crime").sum())
    assert f"man-made crime (non-traditional), {n_crime}" not in alt  # now mixed
    assert f"man-made crime (mixed), {n_crime}: " in alt


def test_threats_by_level_grid(tables, font_mode):
    threats, concepts = tables["threats"], tables["concepts"]
    fig = charts.threats_by_level(threats, concepts)
    texts = _check_chart(fig, font_mode)
    alt = charts.alt_text(fig)
    for level, group in threats.groupby("level"):
        assert f"{level} {len(group)}" in alt
    for (level, dim), group in threats.groupby(["level", "dimension"]):
        assert f"{level} × {dim}: {len(group)}" in alt
    assert "National security" in texts and "Trans-state security" in texts
    if font_mode == "cjk":
        assert "国家安全" in texts and "跨国安全" in texts


def test_levels_follow_the_schema_and_are_named_from_concepts(tables):
    levels = threat_categories(tables["threats"], "level")
    assert levels[:5] == ["national", "regional", "international", "trans-state", "global"]
    names = level_names(tables["concepts"], levels)
    assert names["trans-state"] == ("Trans-state security", "跨国安全")
    assert names["global"][0] == "Global security"
    assert threat_categories(tables["threats"], "dimension") == ["war and peace", "man-made crime", "natural disaster"]


def test_security_aspects_grid(font_mode):
    fig = charts.security_aspects_grid()
    texts = _check_chart(fig, font_mode)
    alt = charts.alt_text(fig)
    for _o, _f, head, _t in QUADRANTS.values():
        assert head in texts and head in alt


def test_formation_model_reads_its_chain_from_relations(tables, font_mode):
    concepts, relations = tables["concepts"], tables["relations"]
    assert formation_chain(relations) == ["security_perception", "security_concept", "security_doctrine"]
    fig = charts.security_formation_model(concepts, relations)
    _check_chart(fig, font_mode)
    alt = charts.alt_text(fig)
    assert "Security perception → Security concept → Security doctrine → National security policy" in alt
    assert "course's rendering" in alt


def test_formation_model_follows_edited_relations_and_survives_a_cycle(tables):
    concepts, relations = tables["concepts"], tables["relations"]
    extra = pd.DataFrame([{"from_id": "security_doctrine", "relation": "precedes", "to_id": "security_perception",
                           "note": "", "source_id": "su2014", "locator": "x"}])
    looped = pd.concat([relations, extra], ignore_index=True)
    assert formation_chain(looped) == ["security_perception", "security_concept", "security_doctrine"]
    shorter = relations[~((relations["from_id"] == "security_concept") & (relations["relation"] == "precedes"))]
    assert formation_chain(shorter) == ["security_perception", "security_concept"]
    fig = charts.security_formation_model(concepts, shorter)
    assert "Security concept → National security policy" in charts.alt_text(fig)
    with pytest.raises(KeyError, match="nope"):
        charts.security_formation_model(concepts, relations, start="nope")


# --- the threat sorter ------------------------------------------------------------------------


@pytest.mark.parametrize("by", ["dimension", "level"])
def test_sorter_key_is_the_dataset_coding(tables, by):
    threats = tables["threats"]
    box = widgets.threat_sorter(threats, by=by)
    assert box.by == by and set(box.controls) == set(threats["threat_id"])
    first = next(iter(box.controls.values()))
    assert list(first.options) == [CHOOSE, *threat_categories(threats, by)]
    assert f"0 of {len(threats)} placed" in box.view.value
    right = dict(zip(threats["threat_id"], threats[by]))
    start = time.perf_counter()
    for tid, value in right.items():
        box.controls[tid].value = value
    assert (time.perf_counter() - start) / len(right) < 0.1
    assert f"{len(threats)} of {len(threats)} placed" in box.view.value
    box.check()
    assert box.score == (len(threats), len(threats)) and "All right" in box.view.value


@pytest.mark.parametrize("by", ["dimension", "level"])
def test_sorter_gives_a_hint_not_the_answer(tables, by):
    threats = tables["threats"]
    box = widgets.threat_sorter(threats, by=by)
    row = threats.iloc[0]
    wrong = next(c for c in threat_categories(threats, by) if c != row[by])
    box.controls[row["threat_id"]].value = wrong
    box.check()
    assert box.score == (0, len(threats))
    line = next(li for li in box.view.value.split("<li>") if li.startswith("✗"))
    assert HINTS[by][row[by]].split("?")[0].replace("'", "&#x27;") in line
    assert f"<em>{row[by]}</em>" not in line
    assert "not placed yet" in box.view.value


def test_no_hint_names_its_category():
    for by, hints in HINTS.items():
        for category, hint in hints.items():
            assert category.casefold() not in hint.casefold(), (by, category)


def test_sorter_follows_an_edited_dataset_and_subsets(tables):
    threats = tables["threats"].copy()
    threats.loc[threats["threat_id"] == "drug_smuggling", "dimension"] = "war and peace"
    box = widgets.threat_sorter(threats, by="dimension", ids=["drug_smuggling", "terrorism"])
    assert set(box.controls) == {"drug_smuggling", "terrorism"}
    box.controls["drug_smuggling"].value = "war and peace"
    box.controls["terrorism"].value = "man-made crime"
    box.check()
    assert box.score == (2, 2)
    with pytest.raises(ValueError, match="by must be one of"):
        widgets.threat_sorter(threats, by="field_id")


# --- exercises and notebook -------------------------------------------------------------------


NB01 = NOTEBOOKS / "01_what_is_security.ipynb"


def _nb01_cells():
    return json.loads(NB01.read_text(encoding="utf-8"))["cells"]


def _src(cell) -> str:
    return "".join(cell["source"])


def test_exercise_solutions_follow_the_lecture_and_the_model(tables):
    reg = registry()
    # the piracy case, read back through the letters, is the lecture's chain
    back = {letter: step for step, letter in nb01._CHAIN_CASE.items()}
    assert [back[x] for x in reg["nb01.formation_chain"].reference()] == ["perception", "concept", "doctrine", "policy"]
    assert sorted(reg["nb01.formation_chain"].options) == sorted(reg["nb01.formation_chain"].reference())
    aspects = reg["nb01.two_aspects"].reference()
    assert aspects == {"A": "threatened", "B": "anxious", "C": "complacent", "D": "secure"}
    assert set(aspects.values()) == set(QUADRANTS) == set(reg["nb01.two_aspects"].options)


def test_formation_chain_answer_follows_the_relations(tables, monkeypatch):
    from secnb.exercises import nb01 as module

    relations = tables["relations"]
    assert module._formation_chain() == ["B", "D", "C", "A"]
    # drop the doctrine from the chain: the case's doctrine step (C) drops out of the answer
    shorter = relations[~((relations["from_id"] == "security_concept") & (relations["relation"] == "precedes"))]
    monkeypatch.setattr(module, "load_dataset", lambda: {**tables, "relations": shorter})
    assert module._formation_chain() == ["B", "D", "A"]


def test_perception_prediction_is_what_the_explorer_shows():
    ex = registry()["nb01.perception_predict"]
    ref = ex.reference()
    assert ref in ex.options and len(set(ex.options)) == len(ex.options) == 4
    box = widgets.threat_perception_explorer()
    seen = {}
    for name, (objective, felt) in nb01.PREDICT_STATES.items():
        box.controls["objective"].value, box.controls["felt"].value = objective, felt
        alt = charts.alt_text(box.figure)
        assert f"real threat of {objective} and a felt threat of {felt}" in alt
        seen[name] = (alt.split(" out of 10: ")[1].split(";")[0].lower(), abs(felt - objective))
    more = max(seen, key=lambda n: seen[n][1])
    assert ref == f"X is {seen['X'][0]}, Y is {seen['Y'][0]}; {more} misperceives more"
    # the point of the exercise: a state in the 'threatened' box misperceives more than one in 'secure'
    assert seen["X"] == ("threatened", 4) and seen["Y"] == ("secure", 3)
    assert "threatened box" in ex.explanation and "secure box" in ex.explanation


def test_categories_are_the_schema_values(tables):
    threats = tables["threats"]
    assert list(nb01.DIMENSIONS) == threat_categories(threats, "dimension")
    assert list(nb01.LEVELS) == threat_categories(threats, "level")


@pytest.mark.parametrize("by", ["dimension", "level"])
def test_sorting_exercises_use_the_dataset_coding_and_names(tables, by):
    threats = tables["threats"]
    ex = registry()[f"nb01.sort_{by}"]
    assert ex.kind == "match" and ex.reference() == dict(zip(threats["threat_id"], threats[by]))
    for row in threats.itertuples():
        label = ex.label(row.threat_id)
        assert row.name_en in label and row.name_zh in label
    assert "course's coding" in ex.explanation
    box = secnb.answer_widget(ex.id)
    assert list(box.controls) == list(threats["threat_id"])
    first = next(iter(box.controls.values()))
    assert [v for _l, v in first.options][1:] == threat_categories(threats, by)
    for tid, value in ex.reference().items():
        box.controls[tid].value = value
    assert box.check().passed


def test_sorting_exercise_follows_an_edited_dataset(tables, monkeypatch):
    from secnb.exercises import nb01 as module

    edited = tables["threats"].copy()
    edited.loc[edited["threat_id"] == "infectious_disease", ["dimension", "level"]] = ["man-made crime", "trans-state"]
    monkeypatch.setattr(module, "_threats", lambda: edited.set_index("threat_id"))
    assert registry()["nb01.sort_dimension"].reference()["infectious_disease"] == "man-made crime"
    # the new case B, an influenza, is an instance of serious infectious diseases: it follows too
    assert registry()["nb01.new_cases_dimension"].reference()["B"] == "man-made crime"
    assert registry()["nb01.new_cases_level"].reference()["B"] == "trans-state"


def test_new_cases_take_the_coding_of_the_threat_they_are_instances_of(tables):
    threats = tables["threats"].set_index("threat_id")
    assert set(nb01.NEW_CASES.values()) <= set(threats.index)
    dims = registry()["nb01.new_cases_dimension"].reference()
    levels = registry()["nb01.new_cases_level"].reference()
    assert dims == {k: threats.loc[t, "dimension"] for k, t in nb01.NEW_CASES.items()}
    assert levels == {k: threats.loc[nb01.NEW_CASES[k], "level"] for k in nb01.LEVEL_CASES}
    # every dimension is needed, and the level cases are three different levels
    assert set(dims.values()) == set(nb01.DIMENSIONS) and len(set(levels.values())) == len(levels)
    cells = _nb01_cells()
    text = "\n".join(_src(c) for c in cells if c["cell_type"] == "markdown")
    for letter in nb01.NEW_CASES:
        assert f"- **{letter}.**" in text


def test_article_question_is_computed_from_the_csv_and_not_printed(tables):
    import csv

    from tests.conftest import ROOT

    with open(ROOT / "data" / "threats.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expected = sum(r["source_id"] == "outlook" and r["traditional"] == "false" for r in rows)
    assert registry()["nb01.article_nontraditional"].reference() == expected == 7
    # the article's own split: three threats "in the traditional sense"
    assert sum(r["source_id"] == "outlook" and r["traditional"] == "true" for r in rows) == 3


def test_wrong_claims_are_the_false_sentences():
    ex = registry()["nb01.wrong_claims"]
    assert len(ex.reference()) == 3 and len(ex.options) == 6
    assert set(ex.reference()) == {c for c, right in nb01.CLAIMS.items() if not right}
    assert all(len(o) <= 95 for o in ex.options), "short enough for a check box"
    assert check("nb01.wrong_claims", ["b", "d", "f"]).passed


def test_level_mix_and_objectives():
    path = NB01
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["secnb"]
    mine = [ex for ex in registry().values() if ex.notebook == "01_what_is_security"]
    auto = [ex for ex in mine if ex.auto]
    above = [ex for ex in auto if ex.level != "recall"]
    assert len(above) >= 3 and len(above) / len(auto) >= 0.6
    assert any(not ex.auto for ex in mine) and len({ex.kind for ex in mine}) >= 4
    for ex in mine:
        assert ex.objective in meta["objectives"], ex.id
        if ex.auto:
            assert 2 <= len(ex.hints) <= 3 and ex.explanation, ex.id
            assert 2 <= ex.minutes <= 6 and 1 <= ex.points <= 3, ex.id


def test_no_answer_is_drawn_before_it_is_asked():
    cells = _nb01_cells()
    sources = [_src(c) for c in cells]
    assert not any("threat_sorter(" in s for s in sources), "the sorters are registered exercises now"

    def where(text):
        hits = [i for i, s in enumerate(sources) if text in s]
        assert len(hits) == 1, text
        return hits[0]

    for exercise, chart in (("nb01.sort_dimension", "threats_by_dimension("), ("nb01.sort_level", "threats_by_level(")):
        form = where(f'secnb.answer_widget("{exercise}")')
        assert where(chart) > form
        assert sources[where(chart) - 1].startswith("After you have checked your answer")


def test_cooperation_reason_is_attributed_to_the_course():
    text = "\n".join(_src(c) for c in _nb01_cells() if c["cell_type"] == "markdown")
    flat = " ".join(text.split())
    assert "The course reads this as one reason" in flat and "course's inference, not the sources'" in flat
    assert "This is one reason why the article" not in flat


def test_match_exercise_accepts_any_case_and_flags_a_missing_scenario():
    ref = registry()["nb01.two_aspects"].reference()
    assert check("nb01.two_aspects", {k: v.upper() for k, v in ref.items()}).passed
    partial = dict(list(ref.items())[:3])
    result = check("nb01.two_aspects", partial)
    assert not result.passed and "not matched yet" in result.message


def test_aspect_of_splits_the_scale_in_halves():
    from secnb.charts.foundations import aspect_of

    assert aspect_of(1, 1) == "secure" and aspect_of(10, 10) == "threatened"
    assert aspect_of(5, 6) == "anxious" and aspect_of(6, 5) == "complacent"
    # on a scale of 3 the middle value (2) is not above the middle, so it counts as low
    assert aspect_of(3, 3, scale=3) == "threatened" and aspect_of(1, 3, scale=3) == "anxious"
    assert aspect_of(2, 2, scale=3) == "secure"


def test_security_aspects_grid_marks_a_state(font_mode):
    fig = charts.security_aspects_grid(objective=3, felt=8)
    _check_chart(fig, font_mode)
    alt = charts.alt_text(fig)
    assert "real threat of 3 and a felt threat of 8 out of 10: Anxious" in alt and "5 points greater" in alt
    assert "matches the real one" in charts.alt_text(charts.security_aspects_grid(6, 6))


def test_threat_perception_explorer_redraws_when_sliders_move():
    box = widgets.threat_perception_explorer()
    assert list(box.controls) == ["objective", "felt"]
    assert "Anxious" in charts.alt_text(box.figure)
    before = box.view.value
    start = time.perf_counter()
    box.controls["objective"].value = 9
    elapsed = time.perf_counter() - start
    assert box.view.value != before and "<img" in box.view.value
    assert "real threat of 9 and a felt threat of 8" in charts.alt_text(box.figure)
    assert "Threatened" in charts.alt_text(box.figure)
    box.controls["felt"].value = 2
    assert "Complacent" in charts.alt_text(box.figure) and "7 points smaller" in charts.alt_text(box.figure)
    assert elapsed < 1.0
