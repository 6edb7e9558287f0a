"""Notebook 05 (overall and Asian security): the fields and vocabulary charts, the fields widgets,
the practice items and the exercises' computed solutions."""

from __future__ import annotations

import re

import matplotlib.colors as mcolors
import pytest

from secnb import charts, widgets
from secnb.charts.fields import HEADLINES, NEWS_ITEMS, ORDERS, short_name, threat_counts
from secnb.exercises import answer_widget, check, nb05, registry
from tests.conftest import NOTEBOOKS
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly


def _render_cleanly(fig):
    return render_cleanly(fig, min_bytes=5000)


def _data_colours(fig) -> set[str]:
    """Colours of the lines, markers and filled shapes (not text), as hex without alpha."""
    found = set()
    for ax in fig.axes:
        for line in ax.lines:
            for c in (line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()):
                if c not in ("none", None):
                    found.add(mcolors.to_hex(c))
        for patch in ax.patches:
            if patch.get_fill():
                found.add(mcolors.to_hex(patch.get_facecolor(), keep_alpha=False))
    return {c for c in found if len({c[1:3], c[3:5], c[5:7]}) > 1}  # greys (gridlines, edges) are not data colours


def _all_charts(tables):
    f, t = tables["fields"], tables["threats"]
    return {
        "eleven_fields": charts.eleven_fields(f, t),
        "eleven_fields_zh_by_threats": charts.eleven_fields(f, t, order="order_su_zh", sort="threats"),
        "field_orders": charts.field_orders(f),
        "news_key": charts.news_key(f),
        "headline_key": charts.headline_key(f),
        "vocabulary_shift": charts.vocabulary_shift(tables["concepts"], tables["relations"]),
    }


def test_charts_render_without_warnings_in_both_font_modes(tables, font_mode):
    for name, fig in _all_charts(tables).items():
        _render_cleanly(fig)
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel(), name
        assert len(charts.alt_text(fig)) > 80, name
        assert _data_colours(fig) <= OKABE_ITO, (name, _data_colours(fig) - OKABE_ITO)
        texts = " ".join(charts.text_of(fig))
        if font_mode == "no-cjk":
            assert not CJK.search(texts), f"{name}: Chinese text drawn without a CJK font"
        else:
            assert CJK.search(texts), f"{name}: a CJK font is installed but no Chinese label is shown"


@pytest.mark.parametrize("order", list(ORDERS))
def test_eleven_fields_follows_the_chosen_order(tables, order):
    fields = tables["fields"]
    fig = charts.eleven_fields(fields, tables["threats"], order=order)
    alt = charts.alt_text(fig)
    names = [short_name(n) for n in fields.sort_values(order)["name_en"]]
    positions = [alt.index(f" {i} {n} (") for i, n in enumerate(names, start=1)]
    assert positions == sorted(positions)
    assert ORDERS[order] in alt
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ticks = [t.get_position()[1] for t in fig.axes[0].get_yticklabels()]
    assert labels[ticks.index(max(ticks))].startswith("1. ") and len(labels) == len(fields)  # the first field on top


def test_eleven_fields_counts_threats_and_tags_traditional_fields(tables):
    fields, threats = tables["fields"], tables["threats"]
    counts = threat_counts(fields, threats)
    assert sum(counts.values()) == threats["field_id"].notna().sum()
    alt = charts.alt_text(charts.eleven_fields(fields, threats, sort="threats"))
    n_trad = int(fields["traditional"].astype(bool).sum())
    assert f"{n_trad} fields are traditional and {len(fields) - n_trad} non-traditional" in alt
    first = max(counts, key=lambda f: (counts[f], -int(fields.set_index("field_id").loc[f, "order"])))
    name = short_name(fields.set_index("field_id").loc[first, "name_en"])
    assert re.search(rf": \d+ {re.escape(name)} \(", alt), "most threats first"
    with pytest.raises(ValueError):
        charts.eleven_fields(fields, threats, order="alphabetical")
    with pytest.raises(ValueError):
        charts.eleven_fields(fields, threats, sort="size")


def test_field_orders_says_where_the_lists_differ(tables):
    fields = tables["fields"]
    alt = charts.alt_text(charts.field_orders(fields))
    for column in ORDERS:
        assert ", ".join(short_name(n) for n in fields.sort_values(column)["name_en"]) in alt
    moved = fields[fields["order_jin"] != fields["order"]]
    for name in moved["name_en"]:
        assert short_name(name) in alt.split("differs from the official order only for")[1].split(";")[0]


def test_practice_items_are_invented_and_cover_every_field(tables):
    ids = set(tables["fields"]["field_id"])
    assert len({it.item_id for it in NEWS_ITEMS}) == len(NEWS_ITEMS)
    for it in NEWS_ITEMS:
        assert it.fields and it.fields <= ids, it.item_id
        assert not re.search(r"\d", it.text), f"{it.item_id}: no dates or numbers in an invented item"
        assert it.hint and not any(short_name(n).lower() in it.hint.lower() for n in tables["fields"]["name_en"]
                                   if n in set(tables["fields"].set_index("field_id").loc[list(it.fields), "name_en"])), \
            f"{it.item_id}: the hint names the answer"
    assert set().union(*(it.fields for it in NEWS_ITEMS)) == ids, "every field has at least one item"
    alt = charts.alt_text(charts.news_key(tables["fields"]))
    assert f"{len(NEWS_ITEMS)} invented items" in alt


def test_vocabulary_table_reads_roles_from_the_relations(tables):
    concepts, relations = tables["concepts"], tables["relations"]
    table = charts.vocabulary_table(concepts, relations)
    pillars = set(relations.loc[(relations["relation"] == "pillar_of") & (relations["to_id"] == "new_security_concept"), "from_id"])
    adjectives = list(relations.loc[(relations["relation"] == "part_of") & (relations["to_id"] == "asian_security_concept"), "from_id"])
    assert len(pillars) == 4 and len(adjectives) == 4
    for cid in pillars:
        rows = table[table["concept_id"] == cid]
        assert "core element" in set(rows["role"]) and set(rows["era"]) == {"nsc"}
    family = concepts.set_index("concept_id")["family"]
    for cid in adjectives:
        rows = table[table["concept_id"] == cid]
        assert "adjective of the Asian security concept" in set(rows["role"])
        assert ("older" in set(rows["era"])) == (family[cid] in ("traditional", "non-traditional"))
    assert set(table["source_id"]) <= set(tables["sources"]["source_id"])
    assert table["locator"].notna().all()
    alt = charts.alt_text(charts.vocabulary_shift(concepts, relations))
    older = sum(family[c] != "chinese" for c in adjectives)
    assert f"{older} of the adjectives" in alt
    with pytest.raises(KeyError):
        charts.vocabulary_table(concepts, relations, also=("no_such_concept",))


def test_fields_explorer_redraws_when_its_controls_move(tables):
    box = widgets.fields_explorer(tables["fields"], tables["threats"])
    assert list(box.controls) == ["order", "sort"]
    assert ORDERS["order"] in charts.alt_text(box.figure)
    before = box.view.value
    box.controls["order"].value = "order_su_zh"
    assert box.view.value != before and "<img" in box.view.value
    assert ORDERS["order_su_zh"] in charts.alt_text(box.figure)
    box.controls["sort"].value = "threats"
    assert "most threats first" in charts.alt_text(box.figure)


def test_news_classifier_uses_the_field_names_and_accepts_any_fitting_field(tables):
    fields = tables["fields"].sort_values("order")
    names = dict(zip(fields["field_id"], fields["name_en"]))
    box = widgets.news_classifier(tables["fields"])
    first = next(iter(box.controls.values()))
    assert list(first.options)[1:] == list(names.values())
    assert f"0 of {len(NEWS_ITEMS)} placed" in box.view.value
    multi = next(it for it in NEWS_ITEMS if len(it.fields) > 1)
    for it in NEWS_ITEMS:
        box.controls[it.item_id].value = names[sorted(it.fields)[0]]
    box.check()
    assert box.score == (len(NEWS_ITEMS), len(NEWS_ITEMS)) and "All right" in box.view.value
    box.controls[multi.item_id].value = names[sorted(multi.fields)[-1]]
    box.check()
    assert box.score == (len(NEWS_ITEMS), len(NEWS_ITEMS)), "any fitting field counts"
    wrong = next(n for f, n in names.items() if f not in NEWS_ITEMS[0].fields)
    box.controls[NEWS_ITEMS[0].item_id].value = wrong
    box.check()
    assert box.score == (len(NEWS_ITEMS) - 1, len(NEWS_ITEMS))
    assert f"Hint: {NEWS_ITEMS[0].hint}" in box.view.value


def test_headlines_are_invented_and_each_has_one_main_field(tables):
    ids = set(tables["fields"]["field_id"])
    names = tables["fields"].set_index("field_id")["name_en"]
    assert len({it.item_id for it in HEADLINES}) == len(HEADLINES) >= 6
    assert not {it.item_id for it in HEADLINES} & {it.item_id for it in NEWS_ITEMS}, "new scenarios, not the old items"
    assert not {it.text for it in HEADLINES} & {it.text for it in NEWS_ITEMS}
    for it in HEADLINES:
        assert it.main in it.fields and it.fields <= ids, it.item_id
        assert not re.search(r"\d", it.text), f"{it.item_id}: no dates or numbers in an invented headline"
        assert not any(short_name(names[f]).lower() in it.hint.lower() for f in it.fields), f"{it.item_id}: the hint names the answer"
    assert len({it.main for it in HEADLINES}) >= 6, "the headlines spread over the fields"
    alt = charts.alt_text(charts.headline_key(tables["fields"]))
    assert f"{len(HEADLINES)} invented items" in alt
    for it in HEADLINES:
        also = it.fields - {it.main}
        assert f"mainly {short_name(names[it.main])}" in alt
        if also:
            assert all(short_name(names[f]) in alt for f in also)
    # the old items, without a main field, keep their key as before
    assert "mainly" not in charts.alt_text(charts.news_key(tables["fields"]))


def test_headline_exercise_key_comes_from_the_headlines_and_the_field_ids(tables):
    ex = registry()["nb05.news_fields"]
    assert ex.reference() == {it.item_id: it.main for it in HEADLINES}
    assert list(ex.options) == list(tables["fields"].sort_values("order")["field_id"]), "the official order"
    assert list(nb05.FIELDS_OFFICIAL) == list(tables["fields"].sort_values("order")["field_id"])
    assert all(ex.label(it.item_id) == it.text for it in HEADLINES)
    # a field the headline also touches is not its main field: the exercise does not accept it
    it = next(h for h in HEADLINES if len(h.fields) > 1)
    answer = dict(ex.reference()) | {it.item_id: sorted(it.fields - {it.main})[0]}
    assert check("nb05.news_fields", answer).passed is False


def test_biggest_move_is_computed_and_unique(tables):
    fields = tables["fields"].set_index("field_id")
    moves = (fields["order_su_zh"] - fields["order"]).abs().sort_values(ascending=False)
    ex = registry()["nb05.biggest_move"]
    assert ex.reference() == moves.index[0] and moves.iloc[0] > moves.iloc[1], "one field moves furthest"
    # the explanation's numbers agree with the data
    top = fields.loc[ex.reference()]
    assert short_name(top["name_en"]) in ex.explanation
    words = {2: "second", 10: "tenth"}
    assert f"{words[int(top['order'])]} in the official list and {words[int(top['order_su_zh'])]}" in ex.explanation
    assert int(moves.iloc[1]) == 5 and "no other field moves more than five" in ex.explanation
    assert check("nb05.biggest_move", "Homeland").passed and check("nb05.biggest_move", "'homeland'").passed


def test_days_explanation_adds_up(tables):
    ex = registry()["nb05.days_to_cica"]
    assert ex.reference() == 15 + 21 == 36 and "36" in ex.explanation and "five weeks and a day" in ex.explanation
    assert 5 * 7 < ex.reference() < 6 * 7, "little more than five weeks, within six"


def test_exercise_solutions_come_from_the_dataset(tables):
    events = tables["events"].set_index("event_id")
    reg = registry()
    days = (events.loc["cica_summit_2014", "date_start"] - events.loc["nsc_first_meeting_2014", "date_start"]).days
    assert reg["nb05.days_to_cica"].reference() == days
    rel = tables["relations"]
    adjectives = rel.loc[(rel["relation"] == "part_of") & (rel["to_id"] == "asian_security_concept"), "from_id"]
    assert set(reg["nb05.communique_adjectives"].options) == {a.removesuffix("_security") for a in adjectives}
    assert set(reg["nb05.communique_adjectives"].reference().values()) == set(nb05.ADJECTIVES), "every adjective used"
    assert nb05._slide_order() == list(tables["fields"].sort_values("order_su_zh")["field_id"])


def test_passage_truths_are_read_from_the_dataset(tables):
    rel, concepts = tables["relations"], tables["concepts"].set_index("concept_id")
    pillars = set(rel.loc[(rel["relation"] == "pillar_of") & (rel["to_id"] == "new_security_concept"), "from_id"])
    adjectives = list(rel.loc[(rel["relation"] == "part_of") & (rel["to_id"] == "asian_security_concept"), "from_id"])
    assert len(pillars) == 4 and not pillars & set(adjectives), "no core element is an adjective"
    assert [concepts.loc[a, "family"] != "chinese" for a in adjectives].count(True) == 3
    assert concepts.loc["sustainable_security", "family"] == "chinese"
    assert concepts.loc["common_security", "family"] == "traditional"
    assert "Japan" in concepts.loc["comprehensive_security", "summary_en"], "the lecture's Asian origin of the concept"
    events = tables["events"].set_index("event_id")
    assert events.loc["cica_summit_2014", "date_start"] != events.loc["nsc_first_meeting_2014", "date_start"]
    wrong = registry()["nb05.passage_errors"].reference()
    assert [i for i, (text, _) in enumerate(nb05.PASSAGE) if text in wrong] == [0, 3, 4]
    assert all(f"**({chr(97 + i)})** {text}" in nb05.passage_markdown() for i, (text, _) in enumerate(nb05.PASSAGE))


def test_the_notebook_shows_the_exercise_texts_it_asks_about():
    text = (NOTEBOOKS / f"{nb05.NB}.ipynb").read_text(encoding="utf-8")
    import json
    cells = json.loads(text)["cells"]
    md = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    for _, statement, _ in nb05.STATEMENTS:
        assert statement in md
    for clause, _ in nb05.COMMUNIQUE.values():
        assert clause in md
    for it in HEADLINES:
        assert it.text in md
    assert nb05.passage_markdown() in md
    # the key to the headlines comes after the form that asks for it, never before
    sources = ["".join(c["source"]) for c in cells]
    form = sources.index('secnb.answer_widget("nb05.news_fields")')
    key = next(i for i, s in enumerate(sources) if "headline_key(" in s)
    assert key > form and "After you have checked your answer" in sources[key - 1]
    assert "news_classifier" not in text and "within five weeks" not in text.lower()


@pytest.mark.parametrize("exercise_id", ["nb05.aims_roles", "nb05.news_fields", "nb05.domestic_reading",
                                         "nb05.cica_key_points", "nb05.communique_adjectives", "nb05.passage_errors"])
def test_forms_build_and_check(exercise_id):
    ex = registry()[exercise_id]
    box = answer_widget(exercise_id)
    if ex.kind == "match":
        assert set(box.controls) == set(ex.reference())
        for k, v in ex.reference().items():
            box.controls[k].value = v
    elif ex.kind == "multi":
        for o, b in box.controls.items():
            b.value = o in ex.reference()
    else:
        box.controls["choice"].value = ex.reference()
    assert box.check().passed


def test_exercises_of_the_notebook_are_mixed_and_aligned_with_its_objectives():
    exs = [ex for ex in registry().values() if ex.notebook == nb05.NB]
    auto = [ex for ex in exs if ex.auto]
    assert len(auto) >= 3 and len({ex.kind for ex in auto}) >= 3
    assert any(ex.kind == "open" and ex.rubric for ex in exs)
    assert all(ex.objective in nb05.OBJECTIVES for ex in exs)
    assert all(len(ex.hints) >= 2 for ex in auto)
    above = [ex for ex in auto if ex.level != "recall"]
    assert len(above) >= 3 and len(above) / len(auto) >= 0.7


def test_key_point_policies_and_a_partial_answer_get_a_hint():
    ex = registry()["nb05.cica_key_points"]
    ref = ex.reference()
    assert len(ref) == 3 and set(ref) < set(ex.options)
    keys = [chr(97 + ex.options.index(r)) for r in ref]
    assert keys == [letter.lower() for letter, _, against in nb05.STATEMENTS if against]
    result = check("nb05.cica_key_points", keys[:2])
    assert result.passed is False and "Hint:" in result.message
    assert check("nb05.cica_key_points", [k.upper() for k in keys]).passed is True
