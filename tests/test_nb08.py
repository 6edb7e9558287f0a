"""Notebook 08: the cases (framing kept apart from the record), the review quiz (answers from the
data, scores and links back), the glossary search, their charts and widgets, and the exercises."""

from __future__ import annotations

import json
import re

import matplotlib.colors as mcolors
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import secnb
from secnb import charts, widgets
from secnb.exercises import nb08, registry
from secnb.models import review as R

from .conftest import NOTEBOOKS
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly as _render_cleanly

NB = "08_cases_and_review"


@pytest.fixture(scope="module")
def questions(tables):
    return R.review_questions(tables)


def _colours(fig) -> set[str]:
    found = set()
    for ax in fig.axes:
        for line in ax.lines:
            for c in (line.get_markerfacecolor(), line.get_color()):
                if c not in ("none", None):
                    found.add(mcolors.to_hex(c))
        for patch in ax.patches:
            found.add(mcolors.to_hex(patch.get_facecolor(), keep_alpha=False))
    return found - {"#000000", "#ffffff", "#777777", "#dddddd", "#f2f2f2"}


def _text(box) -> str:
    return re.sub(r"<[^>]+>", "", re.sub(r"<img[^>]*>", "", box.view.value))


# ---------------------------------------------------------------------------------------------
# The cases


def test_five_cases_in_the_lecture_order(tables):
    assert [c.lecture_item for c in R.PD_CASES] == ["Sino-American Relations", "Sino-Japanese Relations",
                                                    "Korean Peninsular Issues", "East China Sea Issues",
                                                    "South China Sea Issues"]
    table = R.case_table(tables)
    assert list(table["case_id"]) == R.case_ids() and len(table) == 5
    assert all(CJK.search(z) for z in table["中文"])


@pytest.mark.parametrize("case_id", R.case_ids())
def test_every_case_resolves_against_the_dataset_and_attributes_its_claims(tables, case_id):
    rec = R.case_record(case_id, tables)
    sources = set(tables["sources"]["source_id"])
    assert rec["claims"] and all(c["source_id"] in sources and c["locator"] for c in rec["claims"])
    assert rec["claims"][0]["source_id"] == "su2014" and rec["claims"][0]["locator"] == "Case of PD Practices in AP"
    for c in rec["claims"]:
        if c["source_id"] == "jin2015":  # paraphrase only: no quotation marks at all
            assert not re.search("[\"“”‘’]", c["text"])
        # a claim says whose it is
        assert c["text"].startswith(("The lecture", "The Position Paper", "The Berlin paper", "The explanatory",
                                     "It adds", "The Declaration"))
    assert len(rec["lens"]) >= 3 and len(rec["questions"]) >= 3
    assert "course" in rec["framing"] or "your analysis" in rec["framing"]
    dates = [e["date"] for e in rec["events"]]
    assert dates == sorted(dates)
    card = R.case_card_markdown(case_id, tables)
    assert rec["name_zh"] in card and "The course's framing" in card and "Questions for your analysis" in card


def test_case_facts_come_from_the_dataset(tables, data_copy):
    """A date changed in data/ shows in the card: the case module holds ids, not facts."""
    rows = data_copy.rows("events.csv")
    i = next(k for k, r in enumerate(rows) if r[0] == "doc_scs_2002")
    rows[i][rows[0].index("date")] = "2002-11-05"
    data_copy.write_rows("events.csv", rows)
    changed = secnb.load_dataset(data_copy.folder)
    assert "2002-11-05" in R.case_card_markdown("south_china_sea", changed)
    assert "2002-11-04" in R.case_card_markdown("south_china_sea", tables)


def test_the_south_china_sea_is_the_documented_case(tables):
    table = R.case_table(tables).set_index("case_id")
    assert table.loc["south_china_sea", "events in dataset"] >= 3
    rec = R.case_record("south_china_sea", tables)
    doc = [m for m in rec["milestones"] if m["milestone_id"] == "asean_2002_doc"]
    assert doc and doc[0]["stage_order"] == 1
    assert "doc_scs_2002" in [e["event_id"] for e in rec["events"]]


def test_unknown_case_and_missing_rows_are_named(tables):
    with pytest.raises(KeyError, match="no case"):
        R.case_record("taiwan_strait", tables)
    broken = dict(tables, events=tables["events"][tables["events"]["event_id"] != "doc_scs_2002"])
    with pytest.raises(KeyError, match="doc_scs_2002"):
        R.case_record("south_china_sea", broken)


# ---------------------------------------------------------------------------------------------
# The review quiz


def test_quiz_covers_notebooks_01_to_07_with_at_least_two_questions_each(questions):
    counts = {}
    for q in questions:
        counts[q["notebook"]] = counts.get(q["notebook"], 0) + 1
    expected = sorted(p.stem for p in NOTEBOOKS.glob("0[1-7]_*.ipynb"))
    assert sorted(counts) == expected
    assert all(n >= 2 for n in counts.values())
    assert len({q["qid"] for q in questions}) == len(questions)


def test_every_answer_is_an_option_and_every_section_exists(questions):
    guide = R.notebook_guide(NOTEBOOKS)
    for q in questions:
        assert q["answer"] in q["options"] and len(set(q["options"])) == len(q["options"]) >= 3
        assert (NOTEBOOKS / f"{q['notebook']}.ipynb").exists()
        assert R.find_section(guide[q["notebook"]]["headings"], q["section"]), (q["qid"], q["section"])
        assert q["answer"].casefold() not in q["hint"].casefold() or q["answer"] in ("11",), q["qid"]


def test_data_backed_answers_follow_the_data(tables, data_copy):
    rows = data_copy.rows("events.csv")
    i = next(k for k, r in enumerate(rows) if r[0] == "palme_report_1982")
    rows[i][rows[0].index("date")] = "1986"
    data_copy.write_rows("events.csv", rows)
    changed = {q["qid"]: q["answer"] for q in R.review_questions(secnb.load_dataset(data_copy.folder))}
    assert changed["q02_palme_year"] == "1986"
    original = {q["qid"]: q["answer"] for q in R.review_questions(tables)}
    assert original["q02_palme_year"] == "1982"
    assert original["q05_fields"] == str(len(tables["fields"]))
    stages = tables["stages"]
    assert original["q07_second_stage"] == stages.loc[stages["order"] == 2, "name_en"].iloc[0]


def test_quiz_refuses_data_that_no_option_fits(tables):
    fewer = dict(tables, fields=tables["fields"].iloc[:-1])
    with pytest.raises(ValueError, match="q05_fields"):
        R.review_questions(fewer)


def test_grading_right_wrong_and_not_answered(questions):
    answers = {q["qid"]: q["answer"] for q in questions}
    graded = R.grade_review(questions, answers)
    assert (graded["status"] == "right").all()
    first, second, third = questions[0], questions[1], questions[2]
    wrong = next(o for o in second["options"] if o != second["answer"])
    mixed = {first["qid"]: "  " + first["answer"].upper() + " ", second["qid"]: wrong, third["qid"]: ...}
    graded = R.grade_review(questions, mixed)
    status = dict(zip(graded["qid"], graded["status"]))
    assert status[first["qid"]] == "right" and status[second["qid"]] == "wrong"
    assert status[third["qid"]] == "not answered"
    assert (graded["status"] == "not answered").sum() == len(questions) - 2
    summary = R.review_summary(graded)
    assert list(summary.columns) == ["notebook", "questions", "right", "wrong", "not answered"]
    assert summary["questions"].sum() == len(questions)
    assert summary.iloc[0].tolist()[2:] == [1, 1, summary.iloc[0]["questions"] - 2]


@pytest.mark.parametrize("junk", [None, 3, 1982, ["1982"], {"a": 1}, b"x", float("nan"), object()])
def test_grading_never_raises_on_junk(questions, junk):
    graded = R.grade_review(questions, {q["qid"]: junk for q in questions})
    assert not (graded["status"] == "right").any()
    assert len(R.grade_review(questions, junk)) == len(questions)


def test_missed_questions_link_back_to_their_notebook_and_section(questions):
    guide = R.notebook_guide(NOTEBOOKS)
    wrong = {q["qid"]: next(o for o in q["options"] if o != q["answer"]) for q in questions if q["qid"].startswith("q02")}
    wrong["q01_aspects"] = "objective and subjective"  # right: not listed
    graded = R.grade_review(questions, wrong)
    links = R.revisit_links(graded, questions, guide)
    assert [link["qid"] for link in links] == [q["qid"] for q in questions if q["qid"].startswith("q02")]
    for link in links:
        assert link["href"] == "02_traditional_security.ipynb" and (NOTEBOOKS / link["href"]).exists()
        assert link["title"].startswith("02 · ") and link["section"]
    text = R.revisit_markdown(graded, questions, guide)
    assert text.startswith("**1 of 21 right** (4 answered).")
    assert text.count("](02_traditional_security.ipynb)") == 3 and "Hint:" in text
    for q in questions:  # the answer is never given away
        if q["qid"].startswith("q02"):
            assert q["answer"] not in text.split(q["prompt"])[1].split("\n")[0]


def test_revisit_without_a_guide_falls_back_to_file_names(questions):
    graded = R.grade_review(questions, {"q03_hdr_year": "2000"})
    (link,) = R.revisit_links(graded, questions)
    assert link["title"] == "03_non_traditional_security" and link["section"] is None
    assert "[03_non_traditional_security](03_non_traditional_security.ipynb)" in R.revisit_markdown(graded, questions)


# ---------------------------------------------------------------------------------------------
# The glossary


def test_glossary_search_by_english_chinese_id_and_family(tables):
    c = tables["concepts"]
    assert len(R.glossary_search(c)) == len(c)
    assert list(R.glossary_search(c, "Preventive Diplomacy")["concept_id"]) == ["preventive_diplomacy"]
    assert list(R.glossary_search(c, "预防性外交")["concept_id"]) == ["preventive_diplomacy"]
    assert list(R.glossary_search(c, "mutual_trust")["concept_id"]) == ["mutual_trust"]
    assert list(R.glossary_search(c, "mutual trust")["concept_id"]) == ["mutual_trust"]
    assert set(R.glossary_search(c, "community")["concept_id"]) == {"epistemic_community", "security_community",
                                                                    "community_of_common_destiny"}
    chinese = R.glossary_search(c, "安全", family="chinese")
    assert len(chinese) and set(chinese["family"]) == {"chinese"}
    assert R.glossary_search(c, "no such concept").empty
    assert R.glossary_search(c, "security  DILEMMA")["concept_id"].tolist() == ["security_dilemma"]
    # the summaries only when asked
    assert "security_dilemma" not in set(R.glossary_search(c, "Herz")["concept_id"])
    assert "security_dilemma" in set(R.glossary_search(c, "Herz", summaries=True)["concept_id"])
    ids = list(R.glossary_search(c, "security")["concept_id"])
    assert ids == [i for i in c["concept_id"] if i in ids]  # the dataset's order


def test_translation_notes_find_standalone_chinese_terms(tables):
    notes = R.translation_notes(tables["concepts"], tables["discrepancies"])
    assert "huxin" in notes["mutual_trust"] and "xiezuo" in notes["coordination"]
    assert "guotu" in notes["homeland_security"] and "shehui" in notes["social_security"]
    assert "guotu" not in notes.get("security", [])  # 安全 inside 国土安全 does not count
    kinds = dict(zip(tables["discrepancies"]["discrepancy_id"], tables["discrepancies"]["kind"]))
    assert all(kinds[d] == "translation" for ids in notes.values() for d in ids)


@given(term=st.text(alphabet="安全a 互信b", min_size=1, max_size=3), text=st.text(alphabet="安全a 互信b合作", max_size=14))
@settings(max_examples=400, deadline=None)
def test_a_term_stands_alone_exactly_where_the_lookaround_pattern_finds_it(term, text):
    """The plain scan agrees with the regular expression that states the rule (a term with no CJK
    character right before or after it), which cost 3.5 ms to compile per concept."""
    pattern = rf"(?<![\u3400-\u9fff]){re.escape(term)}(?![\u3400-\u9fff])"
    assert R._names_alone(text, term) == bool(re.search(pattern, text))


# ---------------------------------------------------------------------------------------------
# Charts


def test_case_lenses_chart(tables, font_mode):
    fig = charts.case_lenses(R.case_table(tables), tables["concepts"])
    _render_cleanly(fig)
    alt = charts.alt_text(fig)
    assert "5 cases" in alt and "South China Sea issues 5" in alt or "South China Sea issues" in alt
    assert "course's framing" in " ".join(charts.text_of(fig))
    assert _colours(fig) <= OKABE_ITO
    texts = " ".join(charts.text_of(fig))
    assert bool(CJK.search(texts)) == (font_mode == "cjk")
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_glossary_families_chart(tables, font_mode):
    fig = charts.glossary_families(tables["concepts"])
    _render_cleanly(fig)
    c = tables["concepts"]
    supplied = int((~c["zh_from_source"].fillna(False).astype(bool)).sum())
    alt = charts.alt_text(fig)
    assert f"{len(c)} concepts" in alt and f"{supplied} are supplied by the course" in alt
    assert _colours(fig) <= OKABE_ITO
    assert bool(CJK.search(" ".join(charts.text_of(fig)))) == (font_mode == "cjk")
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel()
    assert any(p.get_hatch() for p in ax.patches)  # not colour alone


def test_review_scores_chart(questions, font_mode):
    answers = {q["qid"]: q["answer"] for q in questions[:4]}
    answers[questions[4]["qid"]] = next(o for o in questions[4]["options"] if o != questions[4]["answer"])
    graded = R.grade_review(questions, answers)
    fig = charts.review_scores(graded, R.notebook_guide(NOTEBOOKS))
    _render_cleanly(fig)
    alt = charts.alt_text(fig)
    assert alt.startswith("Review quiz: 4 of 21 questions right.")
    assert "01 · What is security: 3 right, 0 wrong, 0 not answered of 3" in alt
    assert "02 · Traditional security: 1 right, 1 wrong, 1 not answered of 3" in alt
    assert _colours(fig) <= OKABE_ITO | {"#dddddd"}
    assert {p.get_hatch() for p in fig.axes[0].patches} >= {"xx", ".."}


# ---------------------------------------------------------------------------------------------
# Widgets


def test_case_explorer_first_control_changes_the_view(tables):
    box = widgets.case_explorer(tables)
    assert list(box.controls)[0] == "case" and box.controls["case"].value == "sino_american"
    before, alt = box.view.value, charts.alt_text(box.figure)
    assert "Sino-American relations" in _text(box) and "Collective defence" in alt
    box.controls["case"].value = "south_china_sea"
    assert box.view.value != before and charts.alt_text(box.figure) != alt
    text = _text(box)
    assert "2002-11-04" in text and "Paragraph 5" in text and "the Position Paper" in text
    assert "Choose the stage you judge" in text
    box.controls["stage"].value = "preventive_diplomacy"
    text = _text(box)
    assert "Your judgement: stage 2, Preventive diplomacy" in text and "stage 1" in text
    box.controls["case"].value = "korean_peninsula"
    assert "places nothing of this case on the stages" in _text(box)
    assert "No dated event in the dataset bears on this case yet" in _text(box)


def test_review_quiz_shows_one_notebook_at_a_time_and_scores(tables, questions):
    box = widgets.review_quiz(tables, guide=R.notebook_guide(NOTEBOOKS))
    assert list(box.controls)[0] == "notebook"
    status = box.children[2]
    shown = box.children[3]
    first = status.value
    assert len(shown.children) == 3 and "01 · What is security" in first
    box.controls["notebook"].value = "05_overall_and_asian_security"
    assert status.value != first and len(shown.children) == 3
    box.controls["notebook"].value = "all"
    assert len(shown.children) == len(questions)
    for q in questions:
        box.controls[q["qid"]].value = q["answer"]
    box.check()
    assert box.score == (len(questions), len(questions))
    assert "Nothing answered wrongly" in _text(box) and "Not answered yet" not in _text(box)
    assert charts.alt_text(box.figure).startswith(f"Review quiz: {len(questions)} of {len(questions)}")
    q = next(q for q in questions if q["qid"] == "q06_management")
    box.controls[q["qid"]].value = "Conflict prevention"
    assert box.score is None  # a change asks for a new check
    box.check()
    assert box.score == (len(questions) - 1, len(questions))
    assert "href='06_preventive_diplomacy.ipynb'" in box.view.value
    assert "section 5. Three ways" in _text(box) and "Conflict management" not in _text(box).split("Hint:")[0]


def test_review_quiz_counts_unanswered_notebooks(tables):
    box = widgets.review_quiz(tables, guide={})
    box.controls["q01_aspects"].value = "military and economic"
    box.check()
    assert box.score == (0, 21)
    text = _text(box)
    assert "1 to revisit" in text and "href='01_what_is_security.ipynb'" in box.view.value
    assert "Not answered yet in: 01_what_is_security; 02_traditional_security" in text


def test_glossary_explorer_filters(tables):
    box = widgets.glossary_explorer(tables["concepts"], tables["discrepancies"])
    assert list(box.controls) == ["family", "text", "summaries"]
    assert f"{len(tables['concepts'])} of {len(tables['concepts'])} concepts" in _text(box)
    before = box.view.value
    box.controls["family"].value = "conflict-prevention"
    n = int((tables["concepts"]["family"] == "conflict-prevention").sum())
    assert box.view.value != before and f"{n} of {len(tables['concepts'])} concepts" in _text(box)
    box.controls["family"].value = "all"
    box.controls["text"].value = "互信"
    text = _text(box)
    assert "1 of" in text and "Mutual trust" in text and "Translation note (huxin)" in text
    box.controls["text"].value = "Herz"
    assert "0 of" in _text(box) and "No concept matches" in _text(box)
    box.controls["summaries"].value = True
    assert "Security dilemma" in _text(box)
    box.controls["text"].value = "<script>"
    assert "<script>" not in box.view.value


# ---------------------------------------------------------------------------------------------
# Exercises and the notebook


def test_nb08_has_checked_exercises_of_mixed_kinds_and_a_capstone():
    mine = [ex for ex in registry().values() if ex.notebook == NB]
    auto = [ex for ex in mine if ex.auto]
    assert len(auto) >= 3 and len({ex.kind for ex in auto}) >= 3
    cap = registry()["nb08.capstone"]
    assert cap.kind == "open" and cap.min_words >= 200
    for part in ("stage", "tools", "concepts", "attributed", "both ways"):
        assert part in cap.rubric.casefold()
    meta = json.loads((NOTEBOOKS / f"{NB}.ipynb").read_text(encoding="utf-8"))["metadata"]["secnb"]
    assert meta["order"] == 8
    for ex in mine:
        assert ex.objective in meta["objectives"], ex.id


def test_data_backed_solutions_follow_the_dataset(tables, data_copy, monkeypatch):
    reg = registry()
    assert reg["nb08.glossary_term"].reference() == "Community of common destiny"
    assert reg["nb08.vignette_stage"].reference() == "Confidence- and security-building measures"
    assert reg["nb08.attribution"].reference() == {"A": "the explanatory article", "B": "the Position Paper",
                                                   "C": "the Berlin paper", "D": "the lecture"}
    # the stage exercise follows stages.csv: rename the first stage and the answer follows
    rows = data_copy.rows("stages.csv")
    i = next(k for k, r in enumerate(rows) if r[0] == "csbm")
    rows[i][rows[0].index("name_en")] = "Confidence-building measures"
    data_copy.write_rows("stages.csv", rows)
    monkeypatch.setenv("SECNB_DATA", str(data_copy.folder))
    assert reg["nb08.vignette_stage"].reference() == "Confidence-building measures"


def test_old_helpers_still_answer_from_the_dataset(tables):
    """The helpers of the exercises the rework retired still work (nothing else may depend on them)."""
    c = tables["concepts"]
    assert nb08._supplied_terms() == int((~c["zh_from_source"].fillna(False).astype(bool)).sum())
    assert nb08._doc_stage() == "Confidence- and security-building measures"
    assert nb08._scs_order()[-1] == "Declaration on the Conduct of Parties in the South China Sea"


def test_comparison_premise_and_evidence_come_from_the_data(tables):
    found = nb08.compare_stages(tables)
    # the premise the exercise states: the Shanghai Five record reaches further than the Declaration
    assert found["other_stage"] > found["scs_stage"] == 1
    assert found["other_stage"] == 3 and found["evidence"] == "s5_2004_boundary"
    assert found["contested"] == ["s5_2002_borders"]
    assert registry()["nb08.compare_cases"].reference() == "s5_2004_boundary"
    assert secnb.check("nb08.compare_cases", " S5_2004_Boundary ").passed
    assert not secnb.check("nb08.compare_cases", "s5_2002_borders").passed
    # the answer is computed, not printed in the notebook
    nb = json.loads((NOTEBOOKS / f"{NB}.ipynb").read_text(encoding="utf-8"))
    assert "s5_2004_boundary" not in json.dumps(nb["cells"])


def test_comparison_follows_the_discrepancies_table(tables, data_copy, monkeypatch):
    """Without the discrepancy that contests the Position Paper's report, its 2002 row is the evidence."""
    rows = [r for r in data_copy.rows("discrepancies.csv") if r[0] != "border_settled"]
    data_copy.write_rows("discrepancies.csv", rows)
    monkeypatch.setenv("SECNB_DATA", str(data_copy.folder))
    assert registry()["nb08.compare_cases"].reference() == "s5_2002_borders"


def test_summary_errors_match_the_discrepancies_table(tables, data_copy, monkeypatch):
    disc = tables["discrepancies"].set_index("discrepancy_id")
    wrong = registry()["nb08.summary_errors"].reference()
    assert [nb08.SUMMARY_OPTIONS.index(t) for t in wrong] == [1, 3, 4]  # (b), (d), (e)
    assert secnb.check("nb08.summary_errors", ["b", "d", "e"]).passed
    for text, d, is_wrong, _why in nb08.SUMMARY:
        if d is None:
            continue
        row = disc.loc[d]
        # a wrong sentence repeats the side the course rejects; a right one the side it keeps
        if d == "origin_paper_vs_web":
            assert "1996" in row["claim_a"] and "March 1997" in text and is_wrong
        if d == "arf_stage_count":
            assert "three stages" in row["claim_b"] and "four stages" in text and is_wrong
        if d == "arf_stage3_name":
            assert "approaches to conflicts" in row["claim_b"] and "conflict resolution" in text and is_wrong
        if d == "paper_date":
            assert "31 July 2002" in row["claim_a"] and "31 July 2002" in text and not is_wrong
        if d == "equality_typo":
            assert "equality" in row["claim_b"] and "equality" in text and not is_wrong
    events = tables["events"].set_index("event_id")
    assert str(events.loc["doc_scs_2002", "date"]) == "2002-11-04" and "4 November 2002" in nb08.SUMMARY_OPTIONS[5]
    # a discrepancy the summary relies on goes missing: the exercise says so instead of grading wrongly
    rows = [r for r in data_copy.rows("discrepancies.csv") if r[0] != "arf_stage_count"]
    data_copy.write_rows("discrepancies.csv", rows)
    monkeypatch.setenv("SECNB_DATA", str(data_copy.folder))
    with pytest.raises(ValueError, match="arf_stage_count"):
        registry()["nb08.summary_errors"].reference()


def test_official_claim_is_the_position_papers_words(tables):
    ex = registry()["nb08.official_claim"]
    assert ex.level == "evaluate" and ex.reference() == nb08.CLAIM_OPTIONS[1]
    assert secnb.check("nb08.official_claim", "b").passed
    nb = json.loads((NOTEBOOKS / f"{NB}.ipynb").read_text(encoding="utf-8"))
    text = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    text = " ".join(text.replace("\n> ", " ").split())
    assert nb08.OFFICIAL_CLAIM in text and "part IV" in text
    # the agreements the judgement names are in the case's record
    rec = R.case_record("south_china_sea", tables)
    assert {"beibu_agreement_2000", "doc_scs_2002"} <= {e["event_id"] for e in rec["events"]}


def test_vignette_tools_are_the_lectures_means_and_functions(tables):
    ex = registry()["nb08.vignette_tools"]
    assert ex.level == "apply" and secnb.check("nb08.vignette_tools", ["a", "c", "e"]).passed
    fits = {text for text, ok, _why in nb08.VIGNETTE_STEPS if ok}
    assert set(ex.reference()) == fits and len(fits) == 3
    # coercive diplomacy is a means of conflict management in the dataset, not of prevention
    rel = tables["relations"]
    assert ((rel["from_id"] == "coercive_diplomacy") & (rel["relation"] == "means_of")
            & (rel["to_id"] == "conflict_management")).any()
    assert "invented" in ex.prompt.casefold()


def test_review_concepts_offer_the_datasets_names(tables):
    names = dict(zip(tables["concepts"]["concept_id"], tables["concepts"]["name_en"]))
    assert nb08.REVIEW_OPTIONS == tuple(names[c] for c in nb08.REVIEW_CONCEPT_IDS)
    ex = registry()["nb08.review_concepts"]
    fitting = {cid for _t, cid, _nb, _why in nb08.REVIEW_SITUATIONS.values()}
    assert fitting < set(nb08.REVIEW_CONCEPT_IDS) and len(set(nb08.REVIEW_CONCEPT_IDS) - fitting) == 3
    assert ex.reference() == {k: names[cid] for k, (_t, cid, _nb, _w) in nb08.REVIEW_SITUATIONS.items()}
    # each situation names the notebook that teaches its concept, and that notebook exists
    for _t, _cid, num, _why in nb08.REVIEW_SITUATIONS.values():
        assert list(NOTEBOOKS.glob(f"{num}_*.ipynb"))
    box = secnb.answer_widget("nb08.review_concepts")
    assert list(box.controls) == list(nb08.REVIEW_SITUATIONS)


def test_most_auto_checked_exercises_ask_more_than_recall():
    mine = [ex for ex in registry().values() if ex.notebook == NB and ex.auto]
    above = [ex for ex in mine if ex.level != "recall"]
    assert len(above) >= 3 and len(above) / len(mine) >= 0.6
    assert all(ex.explanation for ex in mine)
    for ex in mine:
        assert 2 <= ex.minutes <= 6 and 1 <= ex.points <= 3 and 2 <= len(ex.hints) <= 3, ex.id


def test_choice_exercises_are_answered_by_form_in_the_notebook():
    nb = json.loads((NOTEBOOKS / f"{NB}.ipynb").read_text(encoding="utf-8"))
    forms = {c["metadata"]["secnb"]["exercise"] for c in nb["cells"]
             if c["cell_type"] == "code" and "answer_widget(" in "".join(c["source"])}
    assert forms == {ex.id for ex in registry().values()
                     if ex.notebook == NB and ex.kind in ("choice", "multi", "order", "match")}
    box = secnb.answer_widget("nb08.attribution")
    assert list(box.controls) == ["A", "B", "C", "D"]
    for key, value in registry()["nb08.attribution"].reference().items():
        box.controls[key].value = value
    assert box.check().passed


def test_notebook_quotes_nothing_of_the_berlin_paper(tables):
    nb = json.loads((NOTEBOOKS / f"{NB}.ipynb").read_text(encoding="utf-8"))
    text = " ".join(" ".join("".join(c["source"]).split()) for c in nb["cells"] if c["cell_type"] == "markdown")
    sections = set(tables["events"].loc[tables["events"]["source_id"] == "jin2015", "locator"])
    sections |= set(tables["relations"].loc[tables["relations"]["source_id"] == "jin2015", "locator"])
    assert sections
    for heading in sections:  # not even its section headings in quotation marks
        assert f'"{heading}"' not in text and f"“{heading}”" not in text
    for sentence in re.split(r"(?<=[.;])\s", text):
        if "Berlin paper" in sentence:
            assert not re.search(r"[\"“”]", sentence), sentence
    codes = [c for c in nb["cells"] if c["cell_type"] == "code"]
    widget_cells = [c for c in codes if "secnb.widgets." in "".join(c["source"])]
    assert "case_explorer" in "".join(widget_cells[0]["source"])  # the first widget: its first control is a drop-down
