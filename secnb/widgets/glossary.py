"""The bilingual glossary of notebook 08: every concept of ``data/concepts.csv`` in English and
Chinese with its summary and source, searchable by text and filtered by family. The search
itself is :func:`secnb.models.glossary_search`."""

from __future__ import annotations

import html

import ipywidgets as W

from ..models import review as R

__all__ = ["glossary_explorer", "glossary_html"]


def _e(text) -> str:
    return html.escape(str(text)) if isinstance(text, str) else ""


_TD = "style='vertical-align:top;padding:0.35em 0.5em;border-top:1px solid #e4e4e4'"


def glossary_html(rows, total: int, notes: dict | None = None, discrepancies=None, *, what: str = "") -> str:
    """The glossary rows as an HTML table: English, Chinese (marked † where the course supplies
    the term), family, summary (with any translation note) and source."""
    notes = notes or {}
    by_id = {}
    if discrepancies is not None:
        by_id = {str(d.discrepancy_id): d for d in discrepancies.itertuples()}
    head = f"<div style='line-height:1.45'><p><b>{len(rows)} of {total} concepts</b>{_e(what)}.</p>"
    if len(rows) == 0:
        return head + "<p><em>No concept matches. Try fewer letters, another spelling, or all families.</em></p></div>"
    cells = []
    from_source = set(rows.loc[rows["zh_from_source"].fillna(False).astype(bool), "concept_id"])
    for r in rows.itertuples():
        zh = _e(r.name_zh) + ("" if r.concept_id in from_source else " †")
        extra = ""
        for d_id in notes.get(str(r.concept_id), []):
            d = by_id.get(d_id)
            if d is not None:
                extra += (f"<br><small><em>Translation note ({_e(d_id)}):</em> {_e(d.topic)}. {_e(d.note)}</small>")
        family = R.FAMILY_LABELS.get(r.family, (r.family, ""))[0]
        source = R.SOURCE_NAMES.get(r.source_id, r.source_id)
        cells.append(f"<tr><td {_TD}><b>{_e(r.name_en)}</b><br><code>{_e(r.concept_id)}</code></td>"
                     f"<td style='vertical-align:top;padding:0.35em 0.5em;border-top:1px solid #e4e4e4;white-space:nowrap'>{zh}</td><td {_TD}>{_e(family)}</td>"
                     f"<td {_TD}>{_e(r.summary_en)}{extra}</td><td {_TD}>{_e(source)}, {_e(r.locator)}</td></tr>")
    table = ("<div style='max-height:32em;overflow-y:auto;border:1px solid #ddd'>"
             "<table style='border-collapse:collapse;width:100%;font-size:0.92em'>"
             "<thead><tr style='text-align:left;background:#f2f2f2'><th>English</th><th>中文</th><th>Family</th>"
             "<th>Summary (the course's words)</th><th>Source</th></tr></thead><tbody>"
             + "".join(cells) + "</tbody></table></div>"
             "<p><small>† The sources give no Chinese term; the course supplies the standard one "
             "(<code>zh_from_source</code> is false).</small></p></div>")
    return head + table


def glossary_explorer(concepts, discrepancies=None, family: str = "all", text: str = "") -> W.VBox:
    """The glossary: a family drop-down, a search box (English, Chinese or id) and a check box to
    search the summaries too, above the matching concepts."""
    notes = R.translation_notes(concepts, discrepancies) if discrepancies is not None else {}
    families = [f for f in R.FAMILY_LABELS if f in set(concepts["family"])]
    style = {"description_width": "initial"}
    controls = {
        "family": W.Dropdown(options=[("all families", "all")] + [(" · ".join(R.FAMILY_LABELS[f]), f)
                                                                  for f in families],
                             value=family, description="Family", style=style, layout=W.Layout(width="26em")),
        "text": W.Text(value=text, description="Search", placeholder="English, 中文 or id", style=style,
                       continuous_update=True, layout=W.Layout(width="22em")),
        "summaries": W.Checkbox(value=False, description="search the summaries too", indent=False,
                                layout=W.Layout(width="16em")),
    }
    view = W.HTML(layout=W.Layout(width="100%"))
    box = W.VBox([W.HTML("<p>Type part of a name in English or Chinese (or an id), or choose a family.</p>"),
                  W.HBox(list(controls.values()), layout=W.Layout(flex_flow="row wrap", grid_gap="0.5em 2em")),
                  view])
    box.controls, box.view, box.figure = controls, view, None

    def redraw(_change=None):
        fam, txt, summ = controls["family"].value, controls["text"].value, controls["summaries"].value
        rows = R.glossary_search(concepts, txt, fam, summaries=summ)
        what = "" if fam == "all" else f" in the family {' · '.join(R.FAMILY_LABELS.get(fam, (fam,)))}"
        if txt.strip():
            what += f" matching “{txt.strip()}”" + (" (summaries searched too)" if summ else "")
        box.rows = rows
        view.value = glossary_html(rows, len(concepts), notes, discrepancies, what=what)

    for control in controls.values():
        control.observe(redraw, names="value")
    box.redraw = redraw
    redraw()
    return box
