"""Notebook 08: the lecture's Asia-Pacific cases, the review quiz across notebooks 01-07 and the
bilingual glossary, as plain data and pure functions (no widgets, no drawing).

Three parts:

* **The cases.** The lecture (slide "Case of PD Practices in AP") only *names* five cases of
  preventive diplomacy in the Asia-Pacific. :data:`PD_CASES` frames each with the course's
  concepts. What a source says is kept apart from the course's own framing: ``claims`` are
  paraphrases of the sources, each with its ``source_id`` and locator; ``framing`` and
  ``questions`` are the course's analytical reading, labelled as such wherever they are shown.
  Facts (dates, titles, stages) are never written here: a case names rows of the dataset by id
  (``event_ids``, ``milestone_ids``, ``threat_ids``, ``lens``) and :func:`case_record` reads them.
* **The review quiz.** :data:`REVIEW_QUESTIONS` holds at least two questions for each notebook
  01-07, each tagged with its notebook and a keyword of the section that teaches it. Where a
  question is about a fact of the dataset its answer is a function of the tables, so the quiz
  follows the data. :func:`grade_review` scores answers, :func:`review_summary` counts by
  notebook and :func:`revisit_links` says where to go back for each missed question.
* **The glossary.** :func:`glossary_search` filters ``concepts.csv`` by text (English, Chinese or
  id) and family; :func:`translation_notes` links a concept to the discrepancies about the
  translation of its Chinese name.

Nothing here is a model in the sense of a simulation; the module lives in ``secnb.models``
because it is the pure, unit-tested logic behind the notebook's widgets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

__all__ = [
    "FAMILY_LABELS", "PDCase", "PD_CASES", "REVIEW_QUESTIONS", "ReviewQuestion", "SOURCE_NAMES",
    "case_card", "case_card_markdown", "case_ids", "case_lens", "case_parts", "case_record", "case_table", "find_section", "glossary_search", "grade_review",
    "notebook_guide", "notebook_headings", "review_questions", "review_summary", "revisit_links",
    "revisit_markdown", "translation_notes",
]

#: Short names of the course's five source documents, as the notebooks refer to them.
SOURCE_NAMES = {
    "su2014": "the lecture",
    "outlook": "the explanatory article",
    "gs2015": "the GlobalSecurity.org page",
    "jin2015": "the Berlin paper",
    "mfa2002": "the Position Paper",
}

#: The concept families of ``concepts.csv`` (in the schema's order) with an English and a Chinese
#: label for display. The Chinese labels are the course's.
FAMILY_LABELS = {
    "foundations": ("Foundations", "基础概念"),
    "traditional": ("Traditional security", "传统安全"),
    "non-traditional": ("Non-traditional security", "非传统安全"),
    "chinese": ("China's security concepts", "中国的安全观"),
    "conflict-prevention": ("Conflict prevention", "冲突预防"),
}


# ---------------------------------------------------------------------------------------------
# The five cases


@dataclass(frozen=True)
class PDCase:
    """One of the lecture's Asia-Pacific cases, framed by the course.

    ``lecture_item`` is the line as printed on the slide. ``name_zh`` is supplied by the course
    (the slide is in English only). ``claims`` are ``(source_id, locator, paraphrase)`` triples;
    ``kind``, ``level``, ``lens``, ``framing`` and ``questions`` are the course's framing.
    """

    case_id: str
    name_en: str
    name_zh: str
    lecture_item: str
    kind: str
    level: str
    lens: tuple[str, ...]
    claims: tuple[tuple[str, str, str], ...]
    framing: str
    questions: tuple[str, ...]
    event_ids: tuple[str, ...] = ()
    milestone_ids: tuple[str, ...] = ()
    threat_ids: tuple[str, ...] = ()


_SLIDE = "Case of PD Practices in AP"

PD_CASES: tuple[PDCase, ...] = (
    PDCase(
        case_id="sino_american", name_en="Sino-American relations", name_zh="中美关系",
        lecture_item="Sino-American Relations", kind="relations between two major powers",
        level="international and regional",
        lens=("security_dilemma", "collective_defence", "common_security", "asian_security_concept"),
        claims=(
            ("su2014", _SLIDE, "The lecture lists Sino-American relations first among its cases of preventive "
                               "diplomacy in practice in the Asia-Pacific, and says nothing more about them."),
            ("su2014", "2) Alliance for Security", "The lecture illustrates collective defence, the realist answer it "
                                                   "ties to the Cold War mentality, with the security alliances and "
                                                   "coalitions led by the United States."),
            ("jin2015", "China's New Asia Security Concept", "The Berlin paper reports that the 2014 Asian security "
             "concept holds military alliances aimed at a third party to be bad for common regional security, and "
             "expects China's push for an Asian consensus to worry powers outside the region, the United States "
             "above all."),
            ("jin2015", "The Central Conference on Work Relating to Foreign Affairs",
             "The Berlin paper reports Xi Jinping's call, at the central conference on foreign affairs work, to handle "
             "relations with the other major powers well and to give them a steady framework."),
        ),
        framing="The course reads this case through the security dilemma of notebook 02: what one side does for its "
                "own security can look threatening to the other. The lecture's means of prevention (dialogue, "
                "negotiation) and its function of reducing misperception apply. Whether the relationship has moved "
                "beyond the first stage of the cooperative-security process is a question for your analysis, not a "
                "finding of the sources.",
        questions=(
            "Does the lecture's contrast between collective defence and common security fit this relationship? Who "
            "claims what about alliances?",
            "Which of the six functions of preventive diplomacy would matter most here, and what would show that it "
            "works?",
            "What would count as a confidence- and security-building measure between the two, and which documents "
            "record one?",
        ),
        event_ids=("cica_summit_2014", "foreign_affairs_conference_2014"),
        threat_ids=("arms_race",),
    ),
    PDCase(
        case_id="sino_japanese", name_en="Sino-Japanese relations", name_zh="中日关系",
        lecture_item="Sino-Japanese Relations", kind="relations between neighbours", level="regional",
        lens=("security_perception", "security_dilemma", "comprehensive_security", "mutual_trust"),
        claims=(
            ("su2014", _SLIDE, "The lecture lists Sino-Japanese relations second among its cases, without detail."),
            ("su2014", "2) Comprehensive Security", "The lecture traces comprehensive security in part to Japan's "
                                                    "perception of its national security after the economic growth "
                                                    "of the 1980s."),
            ("su2014", "Functions of Preventive Diplomacy", "The lecture counts reducing the chance of misperception "
                                                            "among the six functions of preventive diplomacy."),
            ("mfa2002", "III. Policy", "The Position Paper's mutual trust asks countries to look past differences of "
                                       "ideology and social system, give up mutual suspicion and keep one another "
                                       "informed about their security and defence policies."),
        ),
        framing="The course reads this case through perception (notebook 01): a nation acts on the threats it "
                "perceives, and two neighbours can read the same facts very differently. The case overlaps with the "
                "East China Sea case.",
        questions=(
            "How might Japan's comprehensive-security tradition and China's New Security Concept frame the same "
            "dispute differently?",
            "Which tools of preventive diplomacy reduce misperception, and are any of them in place?",
            "The course's dataset records no event for this case: which primary documents would you cite, and what "
            "do they commit the two sides to?",
        ),
        threat_ids=("territorial_disputes",),
    ),
    PDCase(
        case_id="korean_peninsula", name_en="Korean Peninsula issues", name_zh="朝鲜半岛问题",
        lecture_item="Korean Peninsular Issues", kind="a regional hotspot", level="regional, with global stakes",
        lens=("security_dilemma", "arms_control", "preventive_diplomacy"),
        claims=(
            ("su2014", _SLIDE, "The lecture lists Korean Peninsula issues (its slide says peninsular) third among its "
                               "cases, without detail."),
            ("mfa2002", "II. Background", "The Position Paper lists, among the principles of the new concept, "
                                          "effective arms control and disarmament and preventing the proliferation of "
                                          "weapons of mass destruction."),
            ("outlook", "Origins and backdrop paragraph", "The explanatory article counts regional hotspot issues "
                                                          "among the threats to peace in the traditional sense."),
            ("jin2015", "Threat Perceptions: Interwoven Threats", "The Berlin paper reports that, in the Chinese view, "
             "Asia's security challenges include hotspots and sensitive issues that call for a long-term approach "
             "rather than a piecemeal one."),
        ),
        framing="The course's lenses here are arms control and non-proliferation (a basic point of common security "
                "in notebook 02) and the lecture's means of preventive diplomacy: negotiation, mediation and "
                "conciliation. Of its six functions, reducing weapons that could be used for violence fits most "
                "directly. Whether prevention has worked is a question for your analysis.",
        questions=(
            "Which parties does the lecture's definition of preventive diplomacy reach here (its subjects), and at "
            "which level does the issue sit?",
            "Which of the lecture's means (diplomacy, negotiation, mediation, conciliation) have been tried, and by "
            "whom?",
            "Does the security dilemma help explain the arms on the peninsula? What evidence points the other way?",
        ),
        threat_ids=("wmd_proliferation", "regional_hotspots"),
    ),
    PDCase(
        case_id="east_china_sea", name_en="East China Sea issues", name_zh="东海问题",
        lecture_item="East China Sea Issues", kind="a maritime and territorial dispute", level="regional",
        lens=("csbm", "coordination", "conflict_resolution"),
        claims=(
            ("su2014", _SLIDE, "The lecture lists East China Sea issues fourth among its cases, without detail."),
            ("mfa2002", "II. Background", "The Position Paper asks that territorial and border disputes be settled "
                                          "peacefully, through negotiation."),
            ("mfa2002", "IV. Practice", "The Position Paper says that for the disputes still open, China has agreed "
                                        "with the parties concerned to keep peace and stability in the disputed areas "
                                        "and to settle the issues by peaceful means."),
        ),
        framing="A maritime and territorial dispute that overlaps with Sino-Japanese relations. The course's lenses "
                "are the stages themselves: which confidence-building steps would fit the first stage, and what "
                "would preventive diplomacy, or conflict resolution by agreement or arbitration, require here?",
        questions=(
            "Which stage has the dispute reached? Name your evidence, its date and its source.",
            "The Position Paper says disputes over land and water no longer stop normal cooperation. What supports "
            "this, and what complicates it?",
            "How would the Position Paper's coordination (settling disputes by negotiation) apply here?",
        ),
        threat_ids=("territorial_disputes", "regional_hotspots"),
    ),
    PDCase(
        case_id="south_china_sea", name_en="South China Sea issues", name_zh="南海问题",
        lecture_item="South China Sea Issues", kind="maritime and territorial disputes among several states",
        level="regional",
        lens=("csbm", "preventive_diplomacy", "conflict_resolution", "multilateral_security_mechanism"),
        claims=(
            ("su2014", _SLIDE, "The lecture lists South China Sea issues fifth among its cases, without detail."),
            ("mfa2002", "IV. Practice", "The Position Paper reports that China is consulting ASEAN on a code of "
                                        "conduct in the South China Sea, in the same sentence as the Beibu Gulf "
                                        "demarcation agreement it signed with Viet Nam."),
            ("mfa2002", "IV. Practice", "It adds that disputes over territorial land and water no longer stop China "
                                        "and its neighbours from normal cooperation and good-neighbourly relations."),
            ("doc2002", "Paragraph 5", "The Declaration on the Conduct of Parties commits its parties to self-restraint "
                                       "in activities that would complicate or escalate disputes, and lists voluntary "
                                       "confidence-building steps: dialogue between defence officials, notice of "
                                       "joint military exercises, exchange of information."),
        ),
        framing="The one case the course's dataset documents (see the record). The 2002 Declaration offers "
                "voluntary confidence-building steps. By the course's reading, the code of conduct the "
                "Position Paper reports would serve a function the lecture gives preventive diplomacy: setting up "
                "procedures that make negotiation a standing practice. Whether it has done so is a question for "
                "your analysis.",
        questions=(
            "Which stage has the case reached? Weigh the 2002 Declaration (see its stage in the record) against what "
            "a binding code of conduct would add.",
            "The Position Paper reported consultations on a code of conduct. What had they produced by the time of "
            "the lecture?",
            "The lecture lists agreement and arbitration as tools of conflict resolution. Where have they been used "
            "around this sea, and with what result?",
        ),
        event_ids=("tac_1976", "beibu_agreement_2000", "arf_pd_paper_2001", "position_paper_2002", "doc_scs_2002"),
        milestone_ids=("arf_2001_pd", "asean_2002_doc"),
        threat_ids=("territorial_disputes", "regional_hotspots"),
    ),
)


def case_ids() -> list[str]:
    """The case ids in the lecture's order."""
    return [c.case_id for c in PD_CASES]


def _case(case_id: str) -> PDCase:
    for c in PD_CASES:
        if c.case_id == case_id:
            return c
    raise KeyError(f"no case {case_id!r}; the cases are {', '.join(case_ids())}")


def case_lens(case_id: str) -> list[str]:
    """The concept ids the course uses to frame the case (for ``charts.compare_concepts``)."""
    return list(_case(case_id).lens)


def _source_name(source_id: str, sources=None) -> str:
    if source_id in SOURCE_NAMES:
        return SOURCE_NAMES[source_id]
    if sources is not None:
        row = sources[sources["source_id"] == source_id]
        if len(row):
            return str(row["title"].iloc[0])
    return source_id


def case_record(case_id: str, tables: Mapping[str, Any]) -> dict:
    """Everything the course shows about one case, with the dataset's rows resolved.

    Returns a dict with the case's own fields and: ``claims`` (dicts with source_id, source,
    locator, text), ``events`` (date, title_en, source_id, locator, note), ``milestones`` (date,
    title_en, institution, stage_order, stage, source_id), ``threats`` (name_en, name_zh,
    dimension, traditional) and ``lens`` (concept_id, name_en, name_zh, family). A missing id
    raises KeyError naming it.
    """
    case = _case(case_id)
    concepts = tables["concepts"].set_index("concept_id")
    events = tables["events"].set_index("event_id")
    milestones = tables["milestones"].set_index("milestone_id")
    threats = tables["threats"].set_index("threat_id")
    stages = tables["stages"].set_index("stage_id")
    institutions = tables["institutions"].set_index("institution_id")
    sources = tables.get("sources")

    def need(table, ids, what):
        missing = [i for i in ids if i not in table.index]
        if missing:
            raise KeyError(f"case {case_id}: no {what} {', '.join(missing)} in the dataset")

    need(concepts, case.lens, "concept")
    need(events, case.event_ids, "event")
    need(milestones, case.milestone_ids, "milestone")
    need(threats, case.threat_ids, "threat")

    def text(value) -> str:
        return value if isinstance(value, str) else ""

    evs = events.loc[list(case.event_ids)].sort_values("date_start") if case.event_ids else events.iloc[0:0]
    return {
        "case_id": case.case_id, "name_en": case.name_en, "name_zh": case.name_zh,
        "lecture_item": case.lecture_item, "kind": case.kind, "level": case.level,
        "framing": case.framing, "questions": list(case.questions),
        "claims": [{"source_id": s, "source": _source_name(s, sources), "locator": loc, "text": t}
                   for s, loc, t in case.claims],
        "events": [{"event_id": i, "date": text(r["date"]), "title_en": text(r["title_en"]),
                    "source_id": text(r["source_id"]), "locator": text(r["locator"]), "note": text(r["note"])}
                   for i, r in evs.iterrows()],
        "milestones": [{"milestone_id": m, "date": text(milestones.loc[m, "date"]),
                        "title_en": text(milestones.loc[m, "title_en"]),
                        "institution": text(institutions.loc[milestones.loc[m, "institution_id"], "name_en"]),
                        "stage_order": int(stages.loc[milestones.loc[m, "stage_id"], "order"]),
                        "stage": text(stages.loc[milestones.loc[m, "stage_id"], "name_en"]),
                        "source_id": text(milestones.loc[m, "source_id"]), "note": text(milestones.loc[m, "note"])}
                       for m in case.milestone_ids],
        "threats": [{"threat_id": t, "name_en": text(threats.loc[t, "name_en"]),
                     "name_zh": text(threats.loc[t, "name_zh"]), "dimension": text(threats.loc[t, "dimension"]),
                     "traditional": bool(threats.loc[t, "traditional"])} for t in case.threat_ids],
        "lens": [{"concept_id": c, "name_en": text(concepts.loc[c, "name_en"]),
                  "name_zh": text(concepts.loc[c, "name_zh"]), "family": text(concepts.loc[c, "family"])}
                 for c in case.lens],
    }


def case_parts(rec: dict) -> dict[str, list[str]]:
    """The lines of a case card (plain text) from :func:`case_record`: claims (with source and
    locator), events, stages, threats and lenses."""
    def note(text: str) -> str:
        return f". {text}" if text else ""

    return {
        "claims": [f"{c['text']} ({c['source']}: {c['locator']})" for c in rec["claims"]],
        "events": [f"{e['date']}: {e['title_en']} ({e['source_id']}, {e['locator']}){note(e['note'])}"
                   for e in rec["events"]],
        "stages": [f"{m['title_en']} ({m['date']}, {m['institution']}): stage {m['stage_order']}, {m['stage']}"
                   f"{note(m['note'])}" for m in rec["milestones"]],
        "threats": [f"{t['name_en']} {t['name_zh']} ({t['dimension']}; "
                    f"{'traditional' if t['traditional'] else 'non-traditional'})" for t in rec["threats"]],
        "lens": [f"{c['name_en']} {c['name_zh']}" for c in rec["lens"]],
    }


def case_card_markdown(case_id: str, tables: Mapping[str, Any]) -> str:
    """The card of one case as Markdown: the lecture's words, what the sources say (attributed),
    the dataset's record, and the course's framing and questions."""
    rec = case_record(case_id, tables)
    p = case_parts(rec)
    lines = [f"#### {rec['name_en']} · {rec['name_zh']}", "",
             f"*The lecture's words:* {rec['lecture_item']} (slide *{_SLIDE}*; no further detail). "
             f"*Kind and level (the course's framing):* {rec['kind']}; {rec['level']}.", "",
             "**What the sources say** (paraphrased, with source and locator):", ""]
    lines += [f"- {c}" for c in p["claims"]]
    lines += ["", "**The record in the course's dataset:**", ""]
    lines += [f"- {e}" for e in p["events"]] or ["- No dated event in the dataset bears on this case yet."]
    if p["stages"]:
        lines += ["", "**Stages in data/milestones.csv:**", ""] + [f"- {s}" for s in p["stages"]]
    lines += ["", f"**Threats (data/threats.csv):** {'; '.join(p['threats'])}.",
              "", f"**Lenses (the course's framing):** {'; '.join(p['lens'])}.",
              "", f"**The course's framing:** {rec['framing']}", "", "**Questions for your analysis:**", ""]
    lines += [f"{i}. {q}" for i, q in enumerate(rec["questions"], start=1)]
    return "\n".join(lines)


def case_card(case_id: str, tables: Mapping[str, Any]):
    """The card of one case, for display in a notebook (an IPython ``Markdown`` object)."""
    from IPython.display import Markdown

    return Markdown(case_card_markdown(case_id, tables))


def case_table(tables: Mapping[str, Any]):
    """One row per case, in the lecture's order: its names, the lecture's words, the course's
    framing (kind, level, lenses) and how many dated events of the dataset bear on it."""
    import pandas as pd

    from ..data import course_frame

    rows = []
    for case in PD_CASES:
        rec = case_record(case.case_id, tables)
        rows.append({"case_id": case.case_id, "case": case.name_en, "中文": case.name_zh,
                     "lecture's words": case.lecture_item, "kind (course)": case.kind, "level (course)": case.level,
                     "lenses (course)": ", ".join(c["name_en"] for c in rec["lens"]),
                     "lens_ids": list(case.lens), "events in dataset": len(rec["events"])})
    return course_frame(pd.DataFrame(rows))


# ---------------------------------------------------------------------------------------------
# The review quiz


@dataclass(frozen=True)
class ReviewQuestion:
    """One question of the review quiz.

    ``notebook`` is the file stem of the notebook that teaches it; ``section`` a keyword of the
    heading of the section to revisit (found at run time by :func:`find_section`). ``answer`` is
    one of ``options``, or a function of the tables that returns it.
    """

    qid: str
    notebook: str
    section: str
    prompt: str
    options: tuple[str, ...]
    answer: str | Callable[[Mapping[str, Any]], str]
    hint: str


def _event_date(event_id: str) -> Callable:
    return lambda t: str(t["events"].set_index("event_id").loc[event_id, "date"])[:4]


def _event_field(event_id: str, field: str) -> Callable:
    return lambda t: str(t["events"].set_index("event_id").loc[event_id, field])


def _related(relation: str, *, to_id: str | None = None, from_id: str | None = None) -> Callable:
    """Names (name_en) of the concepts at the other end of ``relation`` rows."""
    def names(t) -> list[str]:
        rel = t["relations"]
        rows = rel[rel["relation"] == relation]
        if to_id is not None:
            ids = rows.loc[rows["to_id"] == to_id, "from_id"]
        else:
            ids = rows.loc[rows["from_id"] == from_id, "to_id"]
        name = dict(zip(t["concepts"]["concept_id"], t["concepts"]["name_en"]))
        return [str(name[i]) for i in ids]
    return names


def _the_one(names_of: Callable, options: tuple[str, ...], *, missing: bool = False, first_word: bool = False):
    """The single option that is (or, with ``missing``, is not) among ``names_of(tables)``."""
    def pick(t) -> str:
        names = {n.split()[0] if first_word else n for n in names_of(t)}
        hits = [o for o in options if (o in names) != missing]
        if len(hits) != 1:
            raise ValueError(f"expected exactly one option {'outside' if missing else 'among'} {sorted(names)}; "
                             f"got {hits}")
        return hits[0]
    return pick


def _author_option(source_id: str, options: tuple[str, ...]) -> Callable:
    def pick(t) -> str:
        author = str(t["sources"].set_index("source_id").loc[source_id, "author"])
        hits = [o for o in options if o.split(" and ")[0] in author]
        if len(hits) != 1:
            raise ValueError(f"no single option names the author {author!r}: {hits}")
        return hits[0]
    return pick


def _q01_chain(t) -> str:
    return _related("precedes", to_id="security_concept")(t)[0]


def _q01_disease(t) -> str:
    return str(t["threats"].set_index("threat_id").loc["infectious_disease", "dimension"])


def _q05_fields(t) -> str:
    return str(len(t["fields"]))


def _q06_management(t) -> str:
    return _related("means_of", from_id="coercive_diplomacy")(t)[0]


def _q07_second_stage(t) -> str:
    stages = t["stages"]
    return str(stages.loc[stages["order"] == 2, "name_en"].iloc[0])


_INSTITUTION_OPTIONS = {"arf": "ARF", "shanghai_five_sco": "Shanghai Five/SCO", "cica": "CICA", "asean": "ASEAN",
                        "csce_osce": "CSCE/OSCE"}


def _q07_community(t) -> str:
    ms = t["milestones"]
    ids = sorted(set(ms.loc[ms["stage_id"] == "security_community", "institution_id"]))
    if len(ids) != 1:
        raise ValueError(f"expected one institution on the security-community stage; got {ids}")
    return _INSTITUTION_OPTIONS[ids[0]]


_Q03_MEANS = ("Epistemic community", "Multilateral security mechanism", "Security community", "Military alliance")
_Q04_PILLARS = ("Mutual trust", "Equality", "Coordination", "Balance of power")
_Q05_ADJECTIVES = ("Common", "Cooperative", "Sustainable", "Collective")
_Q02_HERZ = ("John H. Herz", "Karl W. Deutsch", "Olof Palme", "Woodrow Wilson")
_Q07_DEUTSCH = ("John H. Herz", "Karl W. Deutsch and colleagues", "Boutros Boutros-Ghali", "Olof Palme")

REVIEW_QUESTIONS: tuple[ReviewQuestion, ...] = (
    # 01 What is security
    ReviewQuestion("q01_aspects", "01_what_is_security", "What does",
                   "The lecture gives security two aspects. Which are they?",
                   ("objective and subjective", "military and economic", "national and global",
                    "traditional and non-traditional"), "objective and subjective",
                   "One aspect is real, the other is in the mind."),
    ReviewQuestion("q01_chain", "01_what_is_security", "From perception",
                   "In the lecture's model, what does a nation's security concept rest on?",
                   ("Security doctrine", "Security perception", "National security", "Power politics"), _q01_chain,
                   "The model runs in a chain towards policy; look at what comes before the concept."),
    ReviewQuestion("q01_disease", "01_what_is_security", "three dimensions",
                   "In which of the lecture's three dimensions does the course file serious infectious diseases "
                   "(data/threats.csv)?",
                   ("war and peace", "man-made crime", "natural disaster"), _q01_disease,
                   "Nobody makes a disease on purpose; the course files it with the nearest dimension."),
    # 02 Traditional security
    ReviewQuestion("q02_herz", "02_traditional_security", "Herz",
                   "Whose 1950 article in World Politics does the lecture cite for the security dilemma?",
                   _Q02_HERZ, _author_option("herz1950", _Q02_HERZ),
                   "The section heading names him."),
    ReviewQuestion("q02_collective", "02_traditional_security", "Three answers compared",
                   "Which arrangement protects every member against any member that breaks the peace?",
                   ("Collective defence", "Collective security", "Common security", "Balance of power"),
                   "Collective security",
                   "Wilson, the League and the UN: the threat comes from inside the system, not from an outside enemy."),
    ReviewQuestion("q02_palme_year", "02_traditional_security", "Common security",
                   "In which year did the Palme Commission publish Common Security: A Blueprint for Survival?",
                   ("1975", "1982", "1986", "1994"), _event_date("palme_report_1982"),
                   "It was written for the UN's second special session on disarmament, in the 1980s."),
    # 03 Non-traditional security
    ReviewQuestion("q03_means", "03_non_traditional_security", "Cooperative security",
                   "Which of these is NOT one of the lecture's means of cooperative security?",
                   _Q03_MEANS, _the_one(_related("means_of", to_id="cooperative_security"), _Q03_MEANS, missing=True),
                   "Cooperative security is inclusive; one of these is aimed at an enemy."),
    ReviewQuestion("q03_origins", "03_non_traditional_security", "Comprehensive security",
                   "To whose perceptions does the lecture trace comprehensive security?",
                   ("Japan's and the ASEAN countries'", "The United States' and NATO's", "The Soviet Union's",
                    "The UN General Assembly's"), "Japan's and the ASEAN countries'",
                   "The lecture calls it an Asian perception, after the economic growth of the 1980s."),
    ReviewQuestion("q03_hdr_year", "03_non_traditional_security", "Human security",
                   "In which year did the UNDP's Human Development Report set out human security in seven areas?",
                   ("1982", "1991", "1994", "2000"), _event_date("hdr_1994"),
                   "It came after the end of the Cold War and before the Millennium Summit."),
    # 04 The New Security Concept
    ReviewQuestion("q04_not_pillar", "04_new_security_concept", "four pillars",
                   "Which is NOT one of the four core elements of the New Security Concept in the 2002 Position Paper?",
                   _Q04_PILLARS, _the_one(_related("pillar_of", to_id="new_security_concept"), _Q04_PILLARS,
                                          missing=True),
                   "The four are mutual trust, mutual benefit, equality and one more; none of them is about power."),
    ReviewQuestion("q04_initiative_year", "04_new_security_concept", "Where the concept came from",
                   "In which year does the Position Paper say China put forward its initiative for a new security "
                   "concept?",
                   ("1994", "1996", "1997", "2002"), _event_date("nsc_initiative_1996"),
                   "The Paper agrees with the lecture here; the article and the web page give a later year."),
    ReviewQuestion("q04_successful", "04_new_security_concept", "Practice",
                   "Which organisation does the Position Paper hold up as a successful case of the New Security Concept?",
                   ("The Shanghai Cooperation Organisation", "The ASEAN Regional Forum", "CICA", "The United Nations"),
                   "The Shanghai Cooperation Organisation",
                   "It grew out of border agreements signed in 1996 and 1997."),
    # 05 Overall national security and the Asian security concept
    ReviewQuestion("q05_fields", "05_overall_and_asian_security", "eleven fields",
                   "How many fields does the 2014 overall national security outlook cover?",
                   ("5", "8", "11", "14"), _q05_fields,
                   "Count the rows of the fields table."),
    ReviewQuestion("q05_not_adjective", "05_overall_and_asian_security", "Asian security concept",
                   "Which is NOT one of the four adjectives of the Asian security concept of May 2014?",
                   _Q05_ADJECTIVES, _the_one(_related("part_of", to_id="asian_security_concept"), _Q05_ADJECTIVES,
                                             missing=True, first_word=True),
                   "Three of these are in the concept; the odd one out belongs to Wilson and the UN."),
    ReviewQuestion("q05_city", "05_overall_and_asian_security", "Asian security concept",
                   "In which city did Xi Jinping propose the Asian security concept, at the CICA summit?",
                   ("Shanghai", "Almaty", "Beijing", "Moscow"), _event_field("cica_summit_2014", "place"),
                   "The city had hosted the first border agreement of 1996 between China and four neighbours."),
    # 06 Preventive diplomacy
    ReviewQuestion("q06_agenda_year", "06_preventive_diplomacy", "What preventive diplomacy is",
                   "In which year did the UN's An Agenda for Peace define preventive diplomacy?",
                   ("1975", "1990", "1992", "2001"), _event_date("agenda_for_peace_1992"),
                   "Boutros-Ghali wrote it soon after the end of the Cold War."),
    ReviewQuestion("q06_management", "06_preventive_diplomacy", "Three ways",
                   "Under which way of handling an escalating conflict does the lecture list mediation, intervention "
                   "and coercive diplomacy?",
                   ("Conflict prevention", "Conflict management", "Conflict resolution", "Security community"),
                   _q06_management,
                   "These tools come in once a crisis has broken out, but before it is settled."),
    ReviewQuestion("q06_means", "06_preventive_diplomacy", "Features and elements",
                   "Which of these is one of the lecture's means of preventive diplomacy?",
                   ("Negotiation", "Preemption", "Containment", "Arms build-up"), "Negotiation",
                   "The lecture's elements list four peaceful means."),
    # 07 From CSBMs to a security community
    ReviewQuestion("q07_second_stage", "07_csbms_to_security_community", "process of cooperative security",
                   "Which is the second stage of the lecture's cooperative-security process?",
                   ("Conflict resolution", "Preventive diplomacy", "Security community",
                    "Confidence- and security-building measures"), _q07_second_stage,
                   "It builds on the trust the first stage creates, before disputes are settled."),
    ReviewQuestion("q07_deutsch", "07_csbms_to_security_community", "Two communities",
                   "Who defined the security community, in 1957?",
                   _Q07_DEUTSCH, _author_option("deutsch1957", _Q07_DEUTSCH),
                   "A political scientist who studied the North Atlantic area."),
    ReviewQuestion("q07_community_stage", "07_csbms_to_security_community", "Institutions on the stages",
                   "Which institution's record in data/milestones.csv reaches the security-community stage, as a "
                   "stated goal?",
                   ("ARF", "Shanghai Five/SCO", "CICA", "ASEAN"), _q07_community,
                   "Look for Bali Concord II (2003) on the chart of institutions on the stages."),
)


def review_questions(tables: Mapping[str, Any]) -> list[dict]:
    """The quiz with its answers computed from ``tables``: one dict per question (qid, notebook,
    section, prompt, options, answer, hint), in course order. Raises ValueError if an answer
    is not among the question's options (the data and the quiz disagree)."""
    out = []
    for q in REVIEW_QUESTIONS:
        answer = q.answer(tables) if callable(q.answer) else q.answer
        if answer not in q.options:
            raise ValueError(f"review question {q.qid}: the answer {answer!r} is not among its options {q.options}")
        out.append({"qid": q.qid, "notebook": q.notebook, "section": q.section, "prompt": q.prompt,
                    "options": list(q.options), "answer": answer, "hint": q.hint})
    return out


def _same(a: Any, b: str) -> bool:
    return isinstance(a, str) and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def grade_review(questions: list[dict], answers: Mapping[str, Any]):
    """One row per question: qid, notebook, status (``right``, ``wrong`` or ``not answered``).

    ``answers`` maps a qid to the chosen option; a missing qid, None, ``...`` or an empty
    string counts as not answered. Case and spacing do not matter.
    """
    import pandas as pd

    rows = []
    for q in questions:
        given = answers.get(q["qid"]) if isinstance(answers, Mapping) else None
        if given is None or given is Ellipsis or (isinstance(given, str) and not given.strip()):
            status = "not answered"
        else:
            status = "right" if _same(given, q["answer"]) else "wrong"
        rows.append({"qid": q["qid"], "notebook": q["notebook"], "status": status})
    return pd.DataFrame(rows, columns=["qid", "notebook", "status"])


def review_summary(graded):
    """Per notebook (in course order): questions, right, wrong, not answered."""
    import pandas as pd

    rows = []
    for nb in dict.fromkeys(graded["notebook"]):
        part = graded[graded["notebook"] == nb]
        rows.append({"notebook": nb, "questions": len(part), "right": int((part["status"] == "right").sum()),
                     "wrong": int((part["status"] == "wrong").sum()),
                     "not answered": int((part["status"] == "not answered").sum())})
    return pd.DataFrame(rows, columns=["notebook", "questions", "right", "wrong", "not answered"])


def notebook_headings(path: str | Path) -> list[str]:
    """The section headings (``##`` and ``###``) of a notebook file, without the hashes."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    found = []
    for c in cells:
        if c.get("cell_type") != "markdown":
            continue
        for line in "".join(c["source"]).splitlines():
            m = re.match(r"^#{2,3}\s+(.*\S)\s*$", line)
            if m:
                found.append(m.group(1))
    return found


def notebook_guide(folder: str | Path | None = None) -> dict[str, dict]:
    """For each course notebook in ``folder`` (default: the course's notebooks folder): its
    ``title`` (from its metadata, with its number: ``02 · Traditional security``) and its
    ``headings``."""
    if folder is None:
        from ..course import notebooks_dir

        folder = notebooks_dir()
    guide = {}
    for nb in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        meta = json.loads(nb.read_text(encoding="utf-8")).get("metadata", {}).get("secnb", {})
        title = meta.get("title") or nb.stem[3:].replace("_", " ").capitalize()
        guide[nb.stem] = {"title": f"{nb.stem[:2]} · {title}", "headings": notebook_headings(nb)}
    return guide


def find_section(headings: list[str], key: str) -> str | None:
    """The first heading that contains ``key`` (case does not matter), or None."""
    key = key.casefold()
    return next((h for h in headings if key in h.casefold()), None)


def revisit_links(graded, questions: list[dict], guide: Mapping[str, dict] | None = None) -> list[dict]:
    """For each question answered wrongly: where to go back. One dict per missed question, in
    course order: qid, prompt, hint, notebook, title, section (the heading, or None), href
    (the notebook file, relative to the notebooks folder). Unanswered questions are not listed."""
    guide = guide or {}
    by_id = {q["qid"]: q for q in questions}
    out = []
    for row in graded.itertuples():
        if row.status != "wrong":
            continue
        q = by_id[row.qid]
        info = guide.get(q["notebook"], {})
        out.append({"qid": q["qid"], "prompt": q["prompt"], "hint": q["hint"], "notebook": q["notebook"],
                    "title": info.get("title", q["notebook"]),
                    "section": find_section(info.get("headings", []), q["section"]),
                    "href": f"{q['notebook']}.ipynb"})
    return out


def revisit_markdown(graded, questions: list[dict], guide: Mapping[str, dict] | None = None) -> str:
    """The score and the list of notebooks to revisit, as Markdown with links."""
    right = int((graded["status"] == "right").sum())
    answered = int((graded["status"] != "not answered").sum())
    lines = [f"**{right} of {len(graded)} right** ({answered} answered)."]
    links = revisit_links(graded, questions, guide)
    if links:
        lines += ["", "To revisit:"]
        for link in links:
            where = f", section *{link['section']}*" if link["section"] else ""
            lines.append(f"- {link['prompt']} Revisit [{link['title']}]({link['href']}){where}. "
                         f"Hint: {link['hint']}")
    elif answered and right == answered:
        lines += ["", "Every answered question is right."]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The glossary


def _fold(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    return " ".join(re.sub(r"[_\-/()]+", " ", text).casefold().split())


def glossary_search(concepts, text: str = "", family: str = "all", *, summaries: bool = False):
    """The concepts whose English name, Chinese name or id contains every word of ``text`` (case,
    underscores and hyphens do not matter; with ``summaries`` the English summary is searched
    too), within ``family`` (``"all"`` for every family). Rows keep the dataset's order."""
    words = _fold(text).split()
    keep = [True] * len(concepts)
    if family != "all":
        keep = list(concepts["family"] == family)
    hay = []
    for r in concepts.itertuples():
        parts = [_fold(r.name_en), _fold(r.concept_id), str(r.name_zh)]
        if summaries:
            parts.append(_fold(r.summary_en))
        hay.append(" | ".join(parts))
    match = [k and all(w in h for w in words) for k, h in zip(keep, hay)]
    return concepts[match]


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _names_alone(text: str, term: str) -> bool:
    """Whether ``term`` occurs in ``text`` standing on its own: not inside a longer Chinese word
    (no CJK character right before or after it)."""
    at = text.find(term)
    while at != -1:
        end = at + len(term)
        if not (at and _is_cjk(text[at - 1])) and not (end < len(text) and _is_cjk(text[end])):
            return True
        at = text.find(term, at + 1)
    return False


def translation_notes(concepts, discrepancies) -> dict[str, list[str]]:
    """For each concept, the ids of the ``translation`` discrepancies that name its Chinese term
    (standing on its own, not inside a longer Chinese word). Concepts without any are left out."""
    notes: dict[str, list[str]] = {}
    rows = discrepancies[discrepancies["kind"] == "translation"]
    texts = [(str(d.discrepancy_id), [v for v in (d.topic, d.claim_a, d.claim_b, d.note) if isinstance(v, str)])
             for d in rows.itertuples()]
    for c in concepts.itertuples():
        zh = str(c.name_zh)
        if not zh.strip():
            continue
        hits = [i for i, values in texts if any(_names_alone(v, zh) for v in values)]
        if hits:
            notes[str(c.concept_id)] = hits
    return notes
