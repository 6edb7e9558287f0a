"""Charts render with titles, labels, alt text and the Okabe-Ito palette, with or without a CJK
font and with no warning; widgets redraw when their controls are set from Python."""

from __future__ import annotations


import matplotlib.colors as mcolors
import pytest

from secnb import charts, query, widgets
from tests.chartcheck import CJK, OKABE_ITO, render_cleanly as _render_cleanly

OKABE_ITO = OKABE_ITO | {"#999999"}  # + the neutral ninth


def _colours(fig) -> set[str]:
    found = set()
    for ax in fig.axes:
        for line in ax.lines:
            for c in (line.get_color(), line.get_markerfacecolor(), line.get_markeredgecolor()):
                if c not in ("none", None):
                    found.add(mcolors.to_hex(c))
    return found - {"#808080", "#000000"}  # grey and black mark shape legends and edges


def test_timeline_has_title_labels_alt_text_and_safe_colours(tables, font_mode):
    fig = charts.timeline(tables["events"], tables["discrepancies"], title="All events")
    _render_cleanly(fig)
    ax = fig.axes[0]
    assert ax.get_title().startswith("All events") and ax.get_xlabel()
    alt = charts.alt_text(fig)
    assert alt.startswith("All events:") and f"{len(tables['events'])} event" in alt
    assert _colours(fig) <= OKABE_ITO
    texts = " ".join(charts.text_of(fig))
    if font_mode == "no-cjk":
        assert not CJK.search(texts), "Chinese text drawn without a CJK font"
    else:
        assert CJK.search(texts), "a CJK font is installed but no Chinese label is shown"


def test_the_same_chart_gives_the_same_svg(tables):
    """Notebook outputs must not change between runs: two fresh builds give the same bytes."""
    build = lambda: charts.to_svg(charts.timeline(tables["events"], tables["discrepancies"]))  # noqa: E731
    assert build() == build()


def test_timeline_rings_events_the_sources_disagree_about(tables):
    disputed = tables["discrepancies"]["event_id"].dropna().nunique()
    fig = charts.timeline(tables["events"], tables["discrepancies"])
    if disputed:
        assert f"{disputed} of them" in charts.alt_text(fig)
    assert "ringed" not in charts.alt_text(charts.timeline(tables["events"], None))


def test_empty_timeline_says_so(tables):
    fig = charts.timeline(tables["events"].iloc[0:0], None, title="Nothing")
    _render_cleanly(fig)
    assert "no events" in charts.alt_text(fig).lower()


def test_figure_html_carries_alt_text(tables):
    fig = charts.timeline(tables["events"], None, title="Alt <check>")
    html = charts.figure_html(fig, caption="A caption")
    assert 'alt="Alt &lt;check&gt;:' in html and "<figcaption>A caption</figcaption>" in html
    assert repr(charts._Shown(fig, None)).startswith("[Chart] Alt <check>:")


def test_label_adds_chinese_only_with_a_font(monkeypatch):
    monkeypatch.setenv("SECNB_NO_CJK", "1")
    charts.cjk_font.cache_clear()
    try:
        assert charts.label("Equality", "平等") == "Equality"
    finally:
        charts.cjk_font.cache_clear()
    if charts.cjk_font():
        assert charts.label("Equality", "平等") == "Equality 平等"
    assert charts.label("Equality", None) == "Equality"


def test_filter_events_by_years_and_family(tables):
    events, concepts = tables["events"], tables["concepts"]
    first, last = query.year_range(events)
    assert len(query.filter_events(events, concepts, (first, last))) == len(events)
    some = query.filter_events(events, concepts, (last, last))
    assert len(some) >= 1 and (some["date_start"].dt.year == last).all()
    for family in concepts["family"].unique():
        picked = query.filter_events(events, concepts, None, family)
        fams = query.event_families(picked, concepts)
        assert all(family in f for f in fams)


def test_timeline_explorer_redraws_when_controls_move(tables):
    box = widgets.timeline_explorer(tables["events"], tables["concepts"], tables["discrepancies"])
    assert set(box.controls) == {"years", "family"}
    n = len(tables["events"])
    assert f"{n} of {n}" in charts.alt_text(box.figure)
    before = box.view.value
    first, last = query.year_range(tables["events"])
    box.controls["years"].value = (last, last)
    expected = len(query.filter_events(tables["events"], tables["concepts"], (last, last)))
    assert f"{expected} of {n}" in charts.alt_text(box.figure)
    assert box.view.value != before and "<img" in box.view.value
    box.controls["years"].value = (first, last)
    family = box.controls["family"].options[1]
    box.controls["family"].value = family
    expected = len(query.filter_events(tables["events"], tables["concepts"], None, family))
    assert f"family: {family}" in charts.alt_text(box.figure) and f"{expected} of {n}" in charts.alt_text(box.figure)


def test_compare_concepts_grid_and_codes(tables):
    concepts = tables["concepts"]
    ids = ["collective_defence", "collective_security", "common_security"]
    fig = charts.compare_concepts(concepts, ids, title="Three concepts")
    _render_cleanly(fig)
    alt = charts.alt_text(fig)
    for i in ids:
        row = concepts.set_index("concept_id").loc[i]
        assert f"{row['name_en']}: referent {row['referent']}" in alt
    codes = query.concept_codes(concepts, ids)
    assert len(codes) == 3 * len(query.DIMENSIONS) and codes["reason"].notna().all()
    with pytest.raises(KeyError, match="no concept 'nope'"):
        charts.compare_concepts(concepts, ["nope"])


def test_sorter_counts_placed_items_and_checks_them():
    box = widgets.sorter({"a": "Terrorism", "b": "Earthquake", "c": "Local war"},
                         ["war and peace", "man-made crime", "natural disaster"],
                         {"a": "man-made crime", "b": "natural disaster", "c": "war and peace"},
                         hints={"a": "Who causes it?"})
    assert "0 of 3 placed" in box.view.value
    box.controls["a"].value = "war and peace"
    assert "1 of 3 placed" in box.view.value
    box.check()
    assert box.score == (0, 3) and "Hint: Who causes it?" in box.view.value
    assert "man-made crime" not in box.view.value.split("Hint")[0].split("Terrorism")[1][:40]
    for item, cat in {"a": "man-made crime", "b": "natural disaster", "c": "war and peace"}.items():
        box.controls[item].value = cat
    box.check()
    assert box.score == (3, 3) and "All right" in box.view.value
    with pytest.raises(KeyError):
        widgets.sorter({"x": "X"}, ["a"], {})
    with pytest.raises(ValueError):
        widgets.sorter({"x": "X"}, ["a"], {"x": "b"})
