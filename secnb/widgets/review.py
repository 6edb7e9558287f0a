"""Widgets of notebook 08: a case explorer for the lecture's Asia-Pacific cases (with a card for
each case) and the review quiz across notebooks 01-07. The logic is in
:mod:`secnb.models.review`; these builders only lay it out."""

from __future__ import annotations

import html

import ipywidgets as W

from .. import charts
from ..models import review as R
from .base import CHOOSE

__all__ = ["case_explorer", "review_quiz"]

_NOT_YET = "— not chosen yet —"


def _e(text) -> str:
    return html.escape(str(text))


def _case_html(rec: dict) -> str:
    p = R.case_parts(rec)

    def items(values, empty):
        return "".join(f"<li>{_e(v)}</li>" for v in values) if values else f"<li><em>{_e(empty)}</em></li>"

    stages = (f"<p style='margin:0.4em 0 0.1em'><b>Stages in data/milestones.csv</b></p><ul>{items(p['stages'], '')}</ul>"
              if p["stages"] else "")
    questions = "".join(f"<li>{_e(q)}</li>" for q in rec["questions"])
    return (
        f"<div style='border-left:4px solid {charts.PALETTE['blue']};padding:0.2em 0.9em;margin:0.3em 0;"
        f"line-height:1.45'>"
        f"<h4 style='margin:0.3em 0'>{_e(rec['name_en'])} · {_e(rec['name_zh'])}</h4>"
        f"<p style='margin:0.2em 0'><em>The lecture's words:</em> {_e(rec['lecture_item'])} (slide <em>Case of PD "
        f"Practices in AP</em>; no further detail). <em>Kind and level (the course's framing):</em> "
        f"{_e(rec['kind'])}; {_e(rec['level'])}.</p>"
        f"<p style='margin:0.4em 0 0.1em'><b>What the sources say</b> (paraphrased, with source and locator)</p>"
        f"<ul>{items(p['claims'], '')}</ul>"
        f"<p style='margin:0.4em 0 0.1em'><b>The record in the course's dataset</b></p>"
        f"<ul>{items(p['events'], 'No dated event in the dataset bears on this case yet.')}</ul>{stages}"
        f"<p style='margin:0.3em 0'><b>Threats (data/threats.csv):</b> {_e('; '.join(p['threats']))}.</p>"
        f"<p style='margin:0.3em 0'><b>Lenses (the course's framing):</b> {_e('; '.join(p['lens']))}.</p>"
        f"<p style='margin:0.3em 0'><b>The course's framing:</b> {_e(rec['framing'])}</p>"
        f"<p style='margin:0.4em 0 0.1em'><b>Questions for your analysis</b></p><ol>{questions}</ol></div>")


def _judgement_html(rec: dict, stage_id: str, stages) -> str:
    if not stage_id:
        return ("<p style='line-height:1.45'><em>Choose the stage you judge this case has reached (<b>Your judgement</b>): the panel then "
                "says what that stage asks for and what the record shows.</em></p>")
    row = stages[stages["stage_id"] == stage_id].iloc[0]
    record = "; ".join(f"{m['title_en']} ({m['date']}): stage {m['stage_order']}" for m in rec["milestones"]) \
        or "the course's dataset places nothing of this case on the stages, so your evidence must come from " \
           "documents you cite yourself"
    return (f"<div style='border-left:4px solid {charts.PALETTE['orange']};padding:0.2em 0.9em;margin:0.3em 0;"
            f"line-height:1.45'>"
            f"<p style='margin:0.2em 0'><b>Your judgement:</b> stage {int(row['order'])}, {_e(row['name_en'])} "
            f"{_e(row['name_zh'])}. The lecture's stage, in the course's words: {_e(row['summary_en'])}</p>"
            f"<p style='margin:0.2em 0'><b>The record:</b> {_e(record)}.</p>"
            f"<p style='margin:0.2em 0'>To defend your judgement in the capstone: name a dated document and its "
            f"source, say which tools of preventive diplomacy it uses, and give one fact that points the other way."
            f"</p></div>")


def case_explorer(tables, case: str | None = None) -> W.VBox:
    """Pick one of the lecture's five cases: the panel shows its card and compares the concepts
    the course uses as lenses (:func:`secnb.charts.compare_concepts`). A second drop-down records
    the stage the learner judges the case has reached and says what that stage asks for."""
    stages = tables["stages"].sort_values("order")
    style = {"description_width": "initial"}
    controls = {
        # no-break spaces in the labels: the browser shows the same, and an option's text then equals its value
        # (ipywidgets writes spaces in an option's text as no-break spaces but keeps them in its value)
        "case": W.Dropdown(options=[(f"{c.name_en} · {c.name_zh}".replace(" ", "\u00a0"), c.case_id)
                                    for c in R.PD_CASES],
                           value=case or R.PD_CASES[0].case_id, description="Case", style=style,
                           layout=W.Layout(width="24em")),
        "stage": W.Dropdown(options=[(_NOT_YET, "")] + [(f"{int(r.order)}. {r.name_en}", r.stage_id)
                                                        for r in stages.itertuples()],
                            value="", description="Your judgement: stage reached", style=style,
                            layout=W.Layout(width="30em")),
    }
    view = W.HTML(layout=W.Layout(width="100%"))
    intro = W.HTML("<p>Choose a <b>case</b>: the card says what the sources say about it (attributed), what the "
                   "course's dataset records, and how the course frames it; the chart compares the concepts it uses "
                   "as lenses. Then choose the <b>stage</b> you judge it has reached.</p>")
    box = W.VBox([intro, W.HBox(list(controls.values()), layout=W.Layout(flex_flow="row wrap", grid_gap="0.5em 2em")),
                  view])
    box.controls, box.view, box.figure = controls, view, None
    cache: dict[str, tuple] = {}

    def redraw(_change=None):
        case_id = controls["case"].value
        if case_id not in cache:
            rec = R.case_record(case_id, tables)
            fig = charts.compare_concepts(tables["concepts"], list(R.case_lens(case_id)),
                                          title=f"The course's lenses on {rec['name_en']}")
            cache[case_id] = (rec, fig, _case_html(rec), charts.figure_html(fig))
        rec, fig, card, picture = cache[case_id]
        box.figure = fig
        view.value = card + _judgement_html(rec, controls["stage"].value, stages) + picture

    for control in controls.values():
        control.observe(redraw, names="value")
    box.redraw = redraw
    redraw()
    return box


# ---------------------------------------------------------------------------------------------
# The review quiz


def _guide() -> dict:
    try:
        return R.notebook_guide()
    except Exception:  # no notebooks folder (an installed package without the course): titles fall back to ids
        return {}


def review_quiz(tables, notebook: str | None = None, guide: dict | None = None) -> W.VBox:
    """The review quiz across notebooks 01-07: choose a notebook to see its questions, answer
    them in the drop-downs, then press *Check my answers*. The feedback gives the score by
    notebook (and a chart of it) and, for each question answered wrongly, a hint and a link to
    the notebook and section to revisit.

    The box has ``controls`` (``notebook``, then one drop-down per question id), ``view`` (the
    feedback), ``check()``, ``score`` ((right, total) after a check), ``graded`` and ``figure``.
    """
    questions = R.review_questions(tables)
    guide = _guide() if guide is None else guide
    notebooks = list(dict.fromkeys(q["notebook"] for q in questions))
    titles = {nb: guide.get(nb, {}).get("title", nb) for nb in notebooks}
    style = {"description_width": "initial"}
    picker = W.Dropdown(options=[(titles[nb], nb) for nb in notebooks] + [("All notebooks", "all")],
                        value=notebook or notebooks[0], description="Questions on", style=style,
                        layout=W.Layout(width="34em"))
    controls: dict[str, W.Widget] = {"notebook": picker}
    rows: dict[str, W.Widget] = {}
    for i, q in enumerate(questions, start=1):
        dd = W.Dropdown(options=[CHOOSE, *q["options"]], value=CHOOSE, layout=W.Layout(width="22em"))
        controls[q["qid"]] = dd
        rows[q["qid"]] = W.VBox([W.HTML(f"<p style='margin:0.5em 0 0.1em;line-height:1.45'><b>{i}.</b> "
                                        f"{_e(q['prompt'])}</p>"), dd])
    status = W.HTML()
    shown = W.VBox()
    view = W.HTML()
    button = W.Button(description="Check my answers", button_style="info", icon="check",
                      layout=W.Layout(width="14em", margin="0.8em 0 0.3em 0"))
    box = W.VBox([W.HTML("<p>Pick a notebook, answer its questions, and move on to the next; your answers are kept "
                         "when you switch. Press <b>Check my answers</b> at any time.</p>"),
                  picker, status, shown, button, view])
    box.controls, box.view, box.figure, box.score, box.graded = controls, view, None, None, None

    def answers() -> dict:
        return {q["qid"]: controls[q["qid"]].value for q in questions if controls[q["qid"]].value != CHOOSE}

    def show(_change=None):
        nb = picker.value
        chosen = [q for q in questions if nb == "all" or q["notebook"] == nb]
        shown.children = [rows[q["qid"]] for q in chosen]
        where = "all notebooks" if nb == "all" else titles[nb]
        status.value = (f"<p><b>{len(chosen)} questions on {_e(where)}</b> (<a href='{_e(nb)}.ipynb' target='_blank' "
                        f"rel='noopener'>open the notebook</a>). {len(answers())} of {len(questions)} answered in all."
                        f"</p>" if nb != "all" else
                        f"<p><b>{len(chosen)} questions on {_e(where)}.</b> {len(answers())} of {len(questions)} "
                        f"answered in all.</p>")

    frames = box.frames = charts.FrameLayout()  # the score chart is laid out once while its frames fit

    def answered(_change=None):
        box.score = None
        show()
        view.value = "<p>Press <em>Check my answers</em> when you are ready.</p>"

    def check(_button=None):
        graded = R.grade_review(questions, answers())
        box.graded = graded
        right = int((graded["status"] == "right").sum())
        box.score = (right, len(graded))
        fig = charts.review_scores(graded, guide)
        box.figure = fig
        missed = R.revisit_links(graded, questions, guide)
        not_yet = R.review_summary(graded)
        gaps = [titles[nb] for nb, n in zip(not_yet["notebook"], not_yet["not answered"]) if n]
        items = []
        for m in missed:
            where = f", section <em>{_e(m['section'])}</em>" if m["section"] else ""
            items.append(f"<li>✗ {_e(m['prompt'])} Revisit <a href='{_e(m['href'])}' target='_blank' rel='noopener'>"
                         f"{_e(m['title'])}</a>{where}. Hint: {_e(m['hint'])}</li>")
        parts = [f"<div role='status' style='line-height:1.45'><p><strong>{right} of {len(graded)} right.</strong> "]
        if missed:
            parts.append(f"{len(missed)} to revisit:</p><ul style='padding-left:1.2em'>{''.join(items)}</ul>")
        else:
            parts.append("Nothing answered wrongly.</p>")
        if gaps:
            parts.append(f"<p>Not answered yet in: {_e('; '.join(gaps))}.</p>")
        parts.append(charts.figure_html(fig, frames=frames) + "</div>")
        view.value = "".join(parts)

    picker.observe(show, names="value")
    for q in questions:
        controls[q["qid"]].observe(answered, names="value")
    button.on_click(check)
    box.check = check
    box.questions = questions
    answered()
    return box
