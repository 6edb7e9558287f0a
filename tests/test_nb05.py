"""Notebook 05 (overall and Asian security): the fields and vocabulary charts, the fields widgets,
the practice items and the exercises' computed solutions."""

from __future__ import annotations

import re

import matplotlib.colors as mcolors
import pytest

from secnb import charts, widgets
from secnb.charts.fields import NEWS_ITEMS, ORDERS, short_name, threat_counts
from secnb.exercises import check, nb05, registry
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


def test_exercise_solutions_come_from_the_dataset(tables):
    fields, events = tables["fields"], tables["events"].set_index("event_id")
    reg = registry()
    assert reg["nb05.slide_order"].reference() == list(fields.sort_values("order_su_zh")["field_id"])
    assert set(reg["nb05.slide_order"].options) == set(fields["field_id"])
    days = (events.loc["cica_summit_2014", "date_start"] - events.loc["nsc_first_meeting_2014", "date_start"]).days
    assert reg["nb05.days_to_cica"].reference() == days
    roots = reg["nb05.adjective_roots"].reference()
    assert set(roots) == {"common", "comprehensive", "cooperative", "sustainable"}
    assert set(roots.values()) <= set(reg["nb05.adjective_roots"].options)


def test_exercises_of_the_notebook_are_mixed_and_aligned_with_its_objectives():
    exs = [ex for ex in registry().values() if ex.notebook == nb05.NB]
    auto = [ex for ex in exs if ex.auto]
    assert len(auto) >= 3 and len({ex.kind for ex in auto}) >= 3
    assert any(ex.kind == "open" and ex.rubric for ex in exs)
    assert all(ex.objective in nb05.OBJECTIVES for ex in exs)
    assert all(len(ex.hints) >= 2 for ex in auto)


def test_key_point_letters_and_a_partial_answer_get_a_hint():
    ref = registry()["nb05.cica_key_points"].reference()
    assert len(ref) == 5 and set(ref) < {letter for letter, _, _ in nb05.STATEMENTS}
    result = check("nb05.cica_key_points", [r.lower() for r in ref[:3]])
    assert result.passed is False and "Hint:" in result.message
    assert check("nb05.cica_key_points", [r.lower() for r in ref]).passed is True
