"""Widgets on the cooperative-security process: the trust model explorer and a panel where the
learner places an institution on the stages and compares the placement with the record."""

from __future__ import annotations

import html

import ipywidgets as W

from .. import charts
from .base import CHOOSE, explorer

__all__ = ["PLACEMENT_REASONS", "stage_placer", "trust_explorer"]


def trust_explorer(stages, *, transparency: float = 0.5, misperception: float = 0.15, seed: int = 0) -> W.VBox:
    """The trust model (:mod:`secnb.models.trust`) with sliders for transparency, misperception
    and the chance run shown; the chart is :func:`secnb.charts.trust_chart`."""
    style = {"description_width": "initial"}
    controls = {
        "transparency": W.FloatSlider(value=transparency, min=0.0, max=1.0, step=0.05, description="Transparency",
                                      readout_format=".2f", continuous_update=False, style=style,
                                      layout=W.Layout(width="24em")),
        "misperception": W.FloatSlider(value=misperception, min=0.0, max=0.5, step=0.01,
                                       description="Misperception", readout_format=".2f", continuous_update=False,
                                       style=style, layout=W.Layout(width="24em")),
        "seed": W.IntSlider(value=seed, min=0, max=20, step=1, description="Chance run (seed)",
                            continuous_update=False, style=style, layout=W.Layout(width="20em")),
    }

    def render(transparency, misperception, seed):
        return charts.trust_chart(stages, transparency, misperception, seed=seed)

    return explorer(controls, render,
                    intro="Move <b>transparency</b> (what confidence-building measures make visible) and "
                          "<b>misperception</b> (the chance that a period ends with a misreading). The black line is "
                          "the expected path, the dashed line one chance run; the star on the right shows where "
                          "your setting leads. A teaching model, not a forecast.")


#: Reasons a learner may give for a placement, each the kind of evidence for one stage (by
#: stage id); "own" means the learner writes the reason.
PLACEMENT_REASONS = {
    "dialogue": ("csbm", "Its members meet regularly for security dialogue, itself a first CSBM."),
    "transparency": ("csbm", "Members exchange data on forces and notify, limit or observe exercises."),
    "early_action": ("preventive_diplomacy",
                     "It has tools or principles for acting early, before disputes turn violent."),
    "settlement": ("conflict_resolution", "Members have settled disputes for good, by agreement or arbitration."),
    "no_war": ("security_community", "Members no longer expect to fight one another, as a goal or in practice."),
    "own": (None, "My own reason (write it in the box below)."),
}
_MIN_OWN_WORDS = 12


def _record_rows(ms, stage_of, names_of, claim_sources, source_titles) -> str:
    items = []
    for r in ms.itertuples():
        claim = (" <em>(a claim of a source document: weigh it)</em>" if r.source_id in claim_sources else "")
        note = f"<br><small>{html.escape(r.note)}</small>" if isinstance(r.note, str) and r.note.strip() else ""
        src = html.escape(source_titles.get(r.source_id, r.source_id))
        stage = f"stage {stage_of[r.stage_id]} ({html.escape(names_of[r.stage_id])})"
        items.append(f"<li><b>{html.escape(r.date)}</b> · {stage}: "
                     f"{html.escape(r.title_en)} <small>[{src}; {html.escape(r.locator)}]</small>{claim}{note}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def stage_placer(institutions, stages, milestones, sources=None, *, institution: str | None = None) -> W.VBox:
    """Place an institution on the stages, give a reason, and compare with the record.

    The learner picks an institution, the stage they judge it has reached and a reason (or
    writes one), then presses *Compare with the record*. The feedback lists the institution's
    milestones (date, stage, source and locator; claims of the source documents are marked),
    says whether the placement is at, beyond or behind the furthest stage recorded, and whether
    the reason fits the stage chosen. It is a judgement to defend, not a single right answer:
    ``box.verdict`` is "matches the record", "beyond the record" or "behind the record" after a
    check, and ``box.score`` stays None.
    """
    st = stages.sort_values("order")
    stage_of = dict(zip(st["stage_id"], st["order"].astype(int)))
    names_of = dict(zip(st["stage_id"], st["name_en"]))
    short_names = charts.institution_names(institutions)
    claim_sources, source_titles = set(), {}
    if sources is not None:
        claim_sources = set(sources.loc[sources["kind"] == "source document", "source_id"])
        source_titles = dict(zip(sources["source_id"], sources["title"]))
    ids = [i for i in institutions["institution_id"] if (milestones["institution_id"] == i).any()]
    first = institution if institution in ids else ids[0]
    reasons = {k: v for k, v in PLACEMENT_REASONS.items() if v[0] is None or v[0] in stage_of}
    style = {"description_width": "initial"}
    controls = {
        "institution": W.Dropdown(options=[(short_names[i], i) for i in ids], value=first, description="Institution",
                                  style=style, layout=W.Layout(width="30em")),
        "stage": W.Dropdown(options=[(CHOOSE, CHOOSE)] + [(f"{stage_of[s]}. {names_of[s]}", s) for s in stage_of],
                            value=CHOOSE, description="Stage it has reached", style=style,
                            layout=W.Layout(width="30em")),
        "reason": W.Dropdown(options=[(CHOOSE, CHOOSE)] + [(text, k) for k, (_, text) in reasons.items()],
                             value=CHOOSE, description="Because", style=style, layout=W.Layout(width="48em")),
        "own_reason": W.Textarea(value="", placeholder="Your reason in your own words (needed if you choose "
                                                       "'My own reason'; welcome in any case)",
                                 continuous_update=False, layout=W.Layout(width="48em", height="4.5em")),
    }
    chart = W.HTML(layout=W.Layout(width="100%"))
    feedback = W.HTML()
    button = W.Button(description="Compare with the record", button_style="info", icon="balance-scale",
                      layout=W.Layout(width="16em"))
    box = W.VBox([W.HTML("<p>Pick an institution, the stage you judge it has reached and your reason, then press "
                         "<em>Compare with the record</em>. The record is what the course's sources document "
                         "(<code>data/milestones.csv</code>); your placement is a judgement to defend.</p>"),
                  controls["institution"], controls["stage"], controls["reason"], controls["own_reason"], button,
                  feedback, chart])
    box.controls, box.view, box.figure, box.score, box.verdict = controls, feedback, None, None, None
    box.chart = chart
    box.frames = frames = charts.FrameLayout()  # the chart is laid out once while frames fit

    def record_of(inst):
        return milestones[(milestones["institution_id"] == inst) & milestones["stage_id"].isin(stage_of)] \
            .sort_values(["date_start", "milestone_id"])

    def redraw(_change=None):
        inst, stage = controls["institution"].value, controls["stage"].value
        placed = stage if stage in stage_of else None
        fig = charts.stage_milestones(record_of(inst), stages, institutions, sources, institution_ids=[inst],
                                      placed=placed, title=f"{short_names[inst]} on the stages")
        box.figure = fig
        chart.value = charts.figure_html(fig, frames=frames)
        box.verdict = None
        chosen = f"at stage {stage_of[stage]} ({names_of[stage]})" if placed else "(no stage chosen yet)"
        feedback.value = (f"<p><b>{html.escape(short_names[inst])}</b> {html.escape(chosen)}. Choose a stage and "
                          f"a reason, then press <em>Compare with the record</em>.</p>")

    def check(_button=None):
        inst, stage, reason = (controls[k].value for k in ("institution", "stage", "reason"))
        own = controls["own_reason"].value.strip()
        name = html.escape(short_names[inst])
        if stage not in stage_of:
            box.verdict = None
            feedback.value = f"<p>First choose the stage you judge <b>{name}</b> has reached.</p>"
            return
        if reason == CHOOSE and not own:
            box.verdict = None
            feedback.value = "<p>Now give a reason: choose one, or write your own in the box.</p>"
            return
        ms = record_of(inst)
        orders = ms["stage_id"].map(stage_of)
        top = ms.loc[orders.idxmax()]
        furthest = stage_of[top["stage_id"]]
        latest = ms.iloc[-1]
        mine = stage_of[stage]
        parts = [f"<p><b>Your placement:</b> {name} at stage {mine} ({html.escape(names_of[stage])}).</p>"]
        top_text = (f"stage {furthest} ({html.escape(names_of[top['stage_id']])}), first recorded "
                    f"{html.escape(top['date'])}: {html.escape(top['title_en'])}")
        if mine == furthest:
            box.verdict = "matches the record"
            parts.append(f"<p>✓ <b>It matches the furthest stage the record reaches</b>: {top_text}.")
            if top["source_id"] in claim_sources:
                parts.append(" That step rests on a claim of a source document, not on a primary document: "
                             "say why you accept it.")
            parts.append("</p>")
        elif mine > furthest:
            box.verdict = "beyond the record"
            parts.append(f"<p>↑ <b>You place it beyond anything the record holds.</b> The furthest step recorded is "
                         f"{top_text}. Your reason has to carry the weight: what evidence, beyond this dataset, "
                         f"shows that {name} has reached stage {mine}? A stated goal is not yet a practice.</p>")
        else:
            box.verdict = "behind the record"
            parts.append(f"<p>↓ <b>The record holds a step further on</b>: {top_text}. You may still judge that "
                         f"one agreement, paper or claim does not make a stage a practice; say why, and what "
                         f"{name} would need to do to count as there.</p>")
        if latest["stage_id"] != top["stage_id"]:
            parts.append(f"<p>Note: its latest step ({html.escape(latest['date'])}) is at stage "
                         f"{stage_of[latest['stage_id']]} ({html.escape(names_of[latest['stage_id']])}): the "
                         f"record does not climb in a straight line.</p>")
        if reason in reasons and reasons[reason][0] is not None and reasons[reason][0] != stage:
            r_stage = reasons[reason][0]
            parts.append(f"<p>✗ <b>Your reason does not fit your stage:</b> it is evidence of stage "
                         f"{stage_of[r_stage]} ({html.escape(names_of[r_stage])}), not of stage {mine}. Choose "
                         f"another reason or another stage, or write your own.</p>")
        elif reason == "own" or (reason == CHOOSE and own):
            n = len(own.split())
            if n < _MIN_OWN_WORDS:
                parts.append(f"<p>✎ Your own reason has {n} words; write a sentence or two (at least "
                             f"{_MIN_OWN_WORDS} words) that you could defend, naming a milestone or a source.</p>")
            else:
                parts.append("<p>✎ Your own reason is recorded here for you; compare it with the record below.</p>")
        else:
            parts.append("<p>✓ Your reason is the kind of evidence that fits the stage you chose. Does the record "
                         "below show it?</p>")
        parts.append(f"<p><b>The record for {name}</b> ({len(ms)} steps):</p>")
        parts.append(_record_rows(ms, stage_of, names_of, claim_sources, source_titles))
        parts.append("<p><em>There is no single right answer: this compares your judgement with what the sources "
                     "record. Defend it in the exercise below.</em></p>")
        feedback.value = '<div role="status">' + "".join(parts) + "</div>"

    def reset(_change=None):
        if box.verdict is not None or "record for" in feedback.value:
            redraw_feedback()

    def redraw_feedback():
        box.verdict = None
        feedback.value = "<p>Changed. Press <em>Compare with the record</em> again when you are ready.</p>"

    for name in ("institution", "stage"):
        controls[name].observe(redraw, names="value")
    for name in ("reason", "own_reason"):
        controls[name].observe(reset, names="value")
    button.on_click(check)
    box.check, box.redraw = check, redraw
    redraw()
    return box
