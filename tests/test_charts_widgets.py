"""Charts render with titles, labels, alt text and the Okabe-Ito palette, with or without a CJK
font and with no warning; widgets redraw when their controls are set from Python."""

from __future__ import annotations

import re
import warnings

import matplotlib.colors as mcolors
import pytest

import secnb
from secnb import charts, query, widgets

CJK = re.compile(r"[\u3400-\u9fff]")
OKABE_ITO = {mcolors.to_hex(c) for c in charts.PALETTE.values()}


@pytest.fixture(scope="module")
def tables():
    return secnb.load_dataset()


@pytest.fixture(params=["cjk", "no-cjk"])
def font_mode(request, monkeypatch):
    if request.param == "no-cjk":
        monkeypatch.setenv("SECNB_NO_CJK", "1")
    elif charts.cjk_font.__wrapped__() is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    charts.cjk_font.cache_clear()
    yield request.param
    charts.cjk_font.cache_clear()


def _render_cleanly(fig) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = charts.to_png(fig)
    assert png.startswith(b"\x89PNG") and len(png) > 2000
    return png


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
