"""The ways charts are written faster must not change what a learner sees.

* :mod:`secnb.charts._svg` keeps text measurements between figures: every chart of the course
  must come out byte for byte as matplotlib's own SVG backend writes it.
* :class:`secnb.charts.FrameLayout` reuses a widget frame's layout for the next frames: a frame
  that fits is not cut off and looks as if laid out afresh; a frame that does not fit is laid
  out afresh.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import matplotlib
import matplotlib.transforms
import pytest
from matplotlib.figure import Figure

from secnb import charts, models
from secnb.charts import _svg
from secnb.notebooks import run_in_process

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _stock_svg(fig) -> bytes:
    """The figure written by matplotlib's own SVG backend, with the options of charts.to_svg."""
    buf = io.BytesIO()
    with matplotlib.rc_context(charts.base._SVG_RC):
        fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=charts.base._PAD_INCHES, metadata={"Date": None})
    return buf.getvalue()


def _shown_figures(path) -> list:
    """Every chart a notebook shows with secnb.charts.show, built afresh by running its code."""
    figures = []
    for _source, _value in run_in_process(path, display=lambda *objs, **kw: figures.extend(
            o.fig for o in objs if isinstance(o, charts._Shown))):
        pass
    return figures


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem[:2])
def test_every_course_chart_is_written_as_matplotlib_writes_it(path):
    stock = [_stock_svg(fig) for fig in _shown_figures(path)]
    ours = [charts.to_svg(fig) for fig in _shown_figures(path)]  # fresh figures: a saved one is laid out already
    assert len(ours) == len(stock)
    for i, (a, b) in enumerate(zip(stock, ours)):
        assert a == b, f"{path.name}: chart {i + 1} differs from matplotlib's own SVG"


def test_text_measurements_are_shared_between_figures(tables):
    _svg.text_metrics.cache_clear()
    charts.to_svg(charts.timeline(tables["events"], None))
    first = _svg.text_metrics.cache_info()
    charts.to_svg(charts.timeline(tables["events"], None))
    second = _svg.text_metrics.cache_info()
    assert first.misses > 0
    assert second.misses == first.misses, "the second, identical chart measured its texts again"


def test_unrepeated_puts_matplotlib_back_and_leaves_other_figures_alone():
    import matplotlib.axis
    import matplotlib.text

    originals = matplotlib.axis.Axis._update_ticks, matplotlib.text.Text._get_layout
    mine, other = _bar_frame(["a", "b"], [1, 2]), _bar_frame(["a", "b"], [1, 2])
    with pytest.raises(RuntimeError):
        with _svg.unrepeated(mine):
            assert matplotlib.axis.Axis._update_ticks is not originals[0]
            raise RuntimeError("a chart failed half-way")
    assert (matplotlib.axis.Axis._update_ticks, matplotlib.text.Text._get_layout) == originals
    # while one figure is written, another figure's axis updates its ticks every time it is asked
    axis = other.axes[0].xaxis
    calls = []
    with _svg.unrepeated(mine):
        inner = matplotlib.axis.Axis._update_ticks
        matplotlib.axis.Axis._update_ticks = lambda self: calls.append(self) or inner(self)
        try:
            axis._update_ticks()
            axis._update_ticks()
        finally:
            matplotlib.axis.Axis._update_ticks = inner
    assert len(calls) == 2


def test_unrepeated_hands_back_ticks_and_layouts_only_while_nothing_changed():
    fig = _bar_frame(["mutual trust", "equality"], [3, 7])
    ax = fig.axes[0]
    renderer = _svg.measuring_renderer(fig)
    with _svg.unrepeated(fig):
        first = [t.label1.get_text() for t in ax.xaxis._update_ticks()]
        assert [t.label1.get_text() for t in ax.xaxis._update_ticks()] == first
        ax.set_xlim(0, 1000)  # new limits: new ticks, not the kept ones
        labels = [t.label1.get_text() for t in ax.xaxis._update_ticks()]
        assert labels != first and "1000" in labels
        title = ax.title
        title.set_text("short")
        width = title._get_layout(renderer)[0].width
        assert title._get_layout(renderer)[0].width == width
        title.set_text("a much longer title than before")
        assert title._get_layout(renderer)[0].width > width
        height = title._get_layout(renderer)[0].height
        title.set_fontsize(30)
        assert title._get_layout(renderer)[0].height > height


# --- FrameLayout -----------------------------------------------------------------------------


def _bar_frame(labels, values, title="Frame") -> Figure:
    fig = Figure(figsize=(6, 3), layout="constrained")
    ax = fig.add_subplot()
    ax.barh(labels, values, color=charts.PALETTE["blue"])
    ax.set_xlim(0, 10)
    ax.set_title(title)
    ax.set_xlabel("Value")
    return charts.finish(fig, "a test frame")


def _size(svg: bytes) -> tuple[float, float]:
    m = re.search(rb'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    return float(m[1]), float(m[2])


def test_a_frame_that_fits_keeps_the_layout_and_looks_laid_out_afresh():
    frames = charts.FrameLayout()
    labels = ["mutual trust", "mutual benefit", "equality"]
    first = frames.svg(_bar_frame(labels, [3, 5, 7]))
    second = frames.svg(_bar_frame(labels, [6, 2, 9]))
    assert (frames.laid_out, frames.reused) == (1, 1)
    assert _size(second) == pytest.approx(_size(first), abs=0.01), "the image jumped in size"
    fresh = charts.to_svg(_bar_frame(labels, [6, 2, 9]))
    assert _size(second) == pytest.approx(_size(fresh), abs=0.05)
    # the same texts and bars at the same places as a frame laid out in full
    coords = lambda svg: [round(float(x), 1) for x in re.findall(rb'(?:x|y)="(-?[\d.]+)"', svg)]  # noqa: E731
    assert coords(second) == pytest.approx(coords(fresh), abs=0.2)


def test_a_frame_whose_labels_grow_is_laid_out_afresh():
    frames = charts.FrameLayout()
    frames.svg(_bar_frame(["a", "b", "c"], [3, 5, 7]))
    longer = frames.svg(_bar_frame(["a much longer label than before", "b", "c"], [3, 5, 7]))
    assert (frames.laid_out, frames.reused) == (2, 0)
    fig = _bar_frame(["a much longer label than before", "b", "c"], [3, 5, 7])
    assert _size(longer) == pytest.approx(_size(charts.to_svg(fig)), abs=0.05), "the longer label was cut off"


def test_a_frame_of_another_size_or_structure_is_laid_out_afresh():
    frames = charts.FrameLayout()
    frames.svg(_bar_frame(["a", "b"], [1, 2]))
    fig = Figure(figsize=(6, 4), layout="constrained")  # another size
    fig.add_subplot().plot([0, 1], [0, 1])
    frames.svg(fig)
    fig = Figure(figsize=(6, 4), layout="constrained")  # the same size, two axes
    fig.subplots(1, 2)
    frames.svg(fig)
    assert (frames.laid_out, frames.reused) == (3, 0)


def test_a_taller_title_that_would_run_into_the_axes_is_laid_out_afresh():
    frames = charts.FrameLayout()
    frames.svg(_bar_frame(["a", "b"], [1, 2], title="One line"))
    frames.svg(_bar_frame(["a", "b"], [1, 2], title="Three\nlines\nnow"))
    assert frames.reused == 0


def test_ink_clipped_by_the_axes_does_not_count_but_ink_outside_the_image_does():
    """The fit is judged by what shows: data clipped by the axes cannot be cut off, a text that
    reaches past the reference's ink can."""
    def frame(values, note_at=None):
        fig = _bar_frame(["a", "b"], [1, 2])
        ax = fig.axes[0]
        ax.plot([0, 50], values, color=charts.PALETTE["black"])  # runs far outside the x limits: clipped
        if note_at is not None:
            ax.annotate("a note that sticks out", (1, 0.5), xytext=note_at, textcoords="offset points",
                        annotation_clip=False)
        return charts.finish(fig, "a test frame")

    frames = charts.FrameLayout()
    frames.svg(frame([0, 1]))
    frames.svg(frame([-40, 60]))
    assert (frames.laid_out, frames.reused) == (1, 1), "clipped data was taken for ink outside the image"
    frames.svg(frame([0, 1], note_at=(400, 0)))
    assert (frames.laid_out, frames.reused) == (2, 1), "a text beyond the image was not noticed"


def test_the_ink_boxes_are_those_of_the_written_image():
    """The recorder books ink in the written image's coordinates: the reference's ink lies inside
    its image, within the margin the tight box adds."""
    frames = charts.FrameLayout()
    frames.svg(_bar_frame(["mutual trust", "equality"], [3, 7]))
    ref = frames.reference
    width, height = ref.bbox_inches.width * 72, ref.bbox_inches.height * 72
    ink = matplotlib.transforms.Bbox.union([b for _, b in ref.boxes if b is not None])
    margin = charts.base._PAD_INCHES * 72
    assert ink.x0 == pytest.approx(margin, abs=3) and ink.y0 == pytest.approx(margin, abs=3)
    assert ink.x1 == pytest.approx(width - margin, abs=3) and ink.y1 == pytest.approx(height - margin, abs=3)


@pytest.mark.parametrize("name", ["02 arms_race_explorer", "03 dilemma_explorer", "07 trust_explorer"])
def test_widget_frames_that_keep_the_layout_show_everything(name):
    """Drive a notebook's widget through new settings: the frames that kept the layout are the
    size of the reference frame and contain all of the figure's content (nothing cut off)."""
    nb = next(p for p in NOTEBOOKS if p.stem.startswith(name[:2]))
    box = next(v for src, v in run_in_process(nb) if f"secnb.widgets.{name[3:]}(" in src)
    reused = 0
    for control in box.controls.values():
        values = list(getattr(control, "options", [])) or [control.min + (control.max - control.min) * f
                                                            for f in (0.1, 0.5, 0.9)]
        for value in values[:4]:
            value = value[1] if isinstance(value, tuple) else value
            if isinstance(control.value, int) and not isinstance(control.value, bool):
                value = int(round(value))
            before = box.frames.reused
            control.value = value
            if box.frames.reused == before:
                continue
            reused += 1
            bbox = box.frames.reference.bbox_inches
            fig = box.figure
            dpi, fig.dpi = fig.dpi, 72  # boxes in points, as FrameLayout measures them
            content = fig.get_tightbbox(_svg.measuring_renderer(fig))
            fig.dpi = dpi
            assert bbox.x0 <= content.x0 + 1e-6 and bbox.y0 <= content.y0 + 1e-6, f"{name}: cut off at the left or bottom"
            assert content.x1 <= bbox.x1 + 1e-6 and content.y1 <= bbox.y1 + 1e-6, f"{name}: cut off at the right or top"
            svg = re.search(r'base64,([^"]+)"', box.view.value)[1]
            assert _size(base64.b64decode(svg)) == pytest.approx((bbox.width * 72, bbox.height * 72), abs=0.5)
    assert reused, f"{name}: no frame kept the layout, so this test checked nothing"


# --- the dilemma sweeps play the games without a DataFrame per game -------------------------


@pytest.mark.parametrize("a,b,noise,seed", [("tit_for_tat", "tit_for_tat", 0.1, 3),
                                             ("generous_tit_for_tat", "grim_trigger", 0.05, 0),
                                             ("always_defect", "tit_for_tat", 0.0, 1)])
def test_cooperation_rate_counts_the_moves_of_the_game(a, b, noise, seed):
    game = models.play_dilemma(a, b, 60, noise, seed)
    expected = ((game["move_a"] == "C").sum() + (game["move_b"] == "C").sum()) / 120
    assert models.cooperation_rate(a, b, 60, noise, seed) == pytest.approx(expected)


def test_shadow_of_the_future_totals_the_games_payoffs():
    frame = models.shadow_of_future(max_rounds=6)
    for row in frame.itertuples():
        assert row.total == models.play_dilemma(row.strategy, "tit_for_tat", row.rounds)["payoff_a"].sum()


def test_cooperation_rate_still_rejects_bad_input():
    with pytest.raises(ValueError):
        models.cooperation_rate("tit_for_tat", "tit_for_tat", 10, noise=1.5)
