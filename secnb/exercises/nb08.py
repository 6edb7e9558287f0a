"""Exercises of notebook 08, Cases and review."""

from ..data import load_dataset
from . import Exercise

NB = "08_cases_and_review"

OBJ_FRAME = ("Frame the lecture's five Asia-Pacific cases of preventive diplomacy with the course's concepts, "
             "attributing each claim to its source")
OBJ_ANALYSE = "Analyse one case with the course's tools: the stage reached, the tools that fit, and evidence both ways"
OBJ_REVIEW = "Review notebooks 01-07 and find the sections to revisit"
OBJ_GLOSSARY = "Find any concept of the course in English and Chinese with the bilingual glossary"

#: The short names of the sources as the attribution exercise offers them, by source_id.
SOURCE_OPTIONS = {"su2014": "the lecture", "mfa2002": "the Position Paper", "jin2015": "the Berlin paper",
                  "outlook": "the explanatory article"}

#: Each claim of the attribution exercise: its text and the dataset row that records it (table, key columns).
CLAIMS = {
    "A": ("Regional hotspot issues are among the threats to peace in the traditional sense.",
          "threats", {"threat_id": "regional_hotspots"}),
    "B": ("Territorial and border disputes should be settled peacefully, by negotiation.",
          "threats", {"threat_id": "territorial_disputes"}),
    "C": ("Military alliances aimed at a third party do not serve common regional security.",
          "relations", {"from_id": "asian_security_concept", "relation": "contrasts_with", "to_id": "military_alliance"}),
    "D": ("Preventive diplomacy develops into conflict management and then into community building.",
          "relations", {"from_id": "preventive_diplomacy", "relation": "evolved_into", "to_id": "conflict_management"}),
}

#: The South China Sea record of the former ordering exercise (nb08.scs_order), by event_id. That
#: exercise and nb08.doc_stage and nb08.supplied_terms were retired (they asked for recall, and the
#: notebook printed their answers right above them); their helpers below still work.
SCS_EVENTS = {
    "Treaty of Amity and Cooperation in Southeast Asia": "tac_1976",
    "Beibu Gulf delimitation agreement": "beibu_agreement_2000",
    "ARF Concept and Principles of Preventive Diplomacy": "arf_pd_paper_2001",
    "Position Paper on the New Security Concept": "position_paper_2002",
    "Declaration on the Conduct of Parties in the South China Sea": "doc_scs_2002",
}
SCS_OPTIONS = ("Position Paper on the New Security Concept", "Declaration on the Conduct of Parties in the South China Sea",
               "Beibu Gulf delimitation agreement", "Treaty of Amity and Cooperation in Southeast Asia",
               "ARF Concept and Principles of Preventive Diplomacy")

#: The stage names as the learner types them (stages.csv, name_en).
STAGE_OPTIONS = ("Conflict resolution", "Security community", "Confidence- and security-building measures",
                 "Preventive diplomacy")

GLOSSARY_ZH = "命运共同体"
GLOSSARY_OPTIONS = ("Security community", "Community of common destiny", "Epistemic community", "Common security")


#: An example of a strong capstone answer, for instructors (the solutions edition shows it).
CAPSTONE_EXAMPLE = (
    "Case: South China Sea issues (南海问题). Stage: I judge that the case has reached the first stage, confidence- "
    "and security-building measures, and not yet preventive diplomacy. My evidence is the Declaration on the Conduct "
    "of Parties in the South China Sea, signed by ASEAN and China on 4 November 2002 (doc2002, paragraph 5): its "
    "parties undertake to exercise self-restraint and list voluntary steps such as dialogue between defence "
    "officials and notice of joint military exercises. data/milestones.csv places it on stage 1.\n\n"
    "Tools: the Position Paper (mfa2002, part IV) reports consultations with ASEAN on a code of conduct. In the "
    "lecture's terms that is negotiation, and a binding code would serve one of the six functions of preventive "
    "diplomacy: establishing procedures that institutionalise negotiation. Mediation and conciliation, the lecture's "
    "other means, do not appear in the course's sources for this case.\n\n"
    "Concepts: CSBMs, in the lecture's sense, make military activity open and predictable; the Declaration's notice "
    "of exercises is one, but it is voluntary, unlike the verifiable measures of the CSCE's Stockholm Document of "
    "1986. Coordination (协作), as the Position Paper defines it, asks states to settle disputes peacefully through "
    "negotiation. The Position Paper also holds that disputes over land and water no longer stop normal cooperation "
    "and good-neighbourly relations; that is the Chinese government's claim, not an established fact.\n\n"
    "Evidence both ways: for the view that the tools exist, the Beibu Gulf agreement between China and Viet Nam "
    "(beibu2000, 2000) settled a maritime boundary in an arm of the same sea by agreement, a step of the third "
    "stage. Against any higher placement, no code of conduct had been concluded by the time of the lecture, twelve "
    "years after the Position Paper reported consultations; the Guidelines of July 2011 set out how to carry the "
    "Declaration out step by step without making it binding; and the arbitration the Philippines brought (award of "
    "12 July 2016, PCA Case No. 2013-19) was declared null and void by China, so the lecture's tool of arbitration "
    "has not settled the dispute.\n\n"
    "Open question: would a binding code of conduct without a mechanism for settling disputes count as preventive "
    "diplomacy, or only as a stronger confidence-building measure?"
)


def _attribution() -> dict[str, str]:
    tables = load_dataset()
    out = {}
    for claim, (_text, table, keys) in CLAIMS.items():
        frame = tables[table]
        mask = None
        for column, value in keys.items():
            hit = frame[column] == value
            mask = hit if mask is None else mask & hit
        rows = frame[mask]
        if len(rows) != 1:
            raise ValueError(f"nb08.attribution: {len(rows)} rows of {table} match {keys}")
        out[claim] = SOURCE_OPTIONS[str(rows["source_id"].iloc[0])]
    return out


def _scs_order() -> list[str]:
    events = load_dataset()["events"].set_index("event_id")
    return sorted(SCS_EVENTS, key=lambda name: (events.loc[SCS_EVENTS[name], "date_start"], name))


def _doc_stage() -> str:
    tables = load_dataset()
    milestones = tables["milestones"]
    stage_id = milestones.loc[milestones["milestone_id"] == "asean_2002_doc", "stage_id"].iloc[0]
    stages = tables["stages"]
    return str(stages.loc[stages["stage_id"] == stage_id, "name_en"].iloc[0])


def _glossary_term() -> str:
    concepts = load_dataset()["concepts"]
    names = list(concepts.loc[concepts["name_zh"] == GLOSSARY_ZH, "name_en"])
    if len(names) != 1:
        raise ValueError(f"nb08.glossary_term: {len(names)} concepts are called {GLOSSARY_ZH}")
    return str(names[0])


def _supplied_terms() -> int:
    concepts = load_dataset()["concepts"]
    return int((~concepts["zh_from_source"].fillna(False).astype(bool)).sum())


# ---------------------------------------------------------------------------------------------
# Exercises of the rework: a summary to check against the discrepancies table, an official claim
# to weigh against the record, a comparison of two relationships on the stages, and an invented
# maritime incident to classify.

#: The short summary of the South China Sea case in exercise nb08.summary_errors: each sentence,
#: the discrepancy of data/discrepancies.csv that bears on it (or None), whether the table shows
#: the sentence to be wrong, and why (for the explanation). Sentences (a) and (c) touch a
#: discrepancy but take the side its note keeps.
SUMMARY = (
    ("China's Position Paper on the New Security Concept, submitted at the ASEAN Regional Forum on 31 July 2002, "
     "reported consultations with ASEAN on a code of conduct in the South China Sea.", "paper_date", False,
     "the ARF met on 31 July 2002, and the web page's August probably dates the paper by when it was reported"),
    ("The Paper dates China's initiative for a new security concept to March 1997.", "origin_paper_vs_web", True,
     "the Position Paper gives 1996, and March 1997 is the article's and the web page's date"),
    ("It names equality among the concept's four core elements.", "equality_typo", False,
     "the web page's 'quality' is the slip: the Paper says equality"),
    ("The forum it was addressed to had laid out, in its 1995 concept paper, four stages of cooperative security "
     "ending in a security community.", "arf_stage_count", True,
     "the ARF's 1995 paper has three stages, and the fourth, a security community, is the lecture's addition"),
    ("Since 1995 the ARF has called the third of its stages conflict resolution.", "arf_stage3_name", True,
     "the ARF's own papers say elaboration of approaches to conflicts, and conflict resolution is the lecture's name"),
    ("The consultations led to the Declaration on the Conduct of Parties in the South China Sea, signed by ASEAN "
     "and China on 4 November 2002, whose paragraph 5 lists voluntary confidence-building steps.", None, False,
     "no discrepancy bears on it, and the dataset's record (doc_scs_2002) agrees"),
)
SUMMARY_OPTIONS = tuple(row[0] for row in SUMMARY)

#: The official claim of exercise nb08.official_claim (Position Paper, part IV) and the judgements offered.
OFFICIAL_CLAIM = ("Disputes over territorial land and water are no longer an obstacle for China and its neighbors to "
                  "develop normal cooperation and good-neighborly relations and jointly build regional security.")
CLAIM_OPTIONS = (
    "Borne out: the Beibu Gulf agreement and the 2002 Declaration show that the maritime disputes had been settled "
    "by the end of 2002.",
    "Partly supported: the parties kept negotiating and signed agreements despite the disputes (the Beibu Gulf "
    "agreement, the 2002 Declaration), but the South China Sea disputes stayed open and the Declaration's steps "
    "are voluntary, so the record shows cooperation alongside the disputes, not their settlement.",
    "Refuted: the record holds no agreement between China and its maritime neighbours after 1976.",
    "It cannot be weighed at all: a government's own position paper is never evidence of anything.",
)

#: The second relationship of exercise nb08.compare_cases, an institution_id of data/milestones.csv.
COMPARE_INSTITUTION = "shanghai_five_sco"
#: The South China Sea case's furthest step between the parties themselves (a milestone_id).
SCS_PARTIES_MILESTONE = "asean_2002_doc"

#: The invented maritime incident of exercises nb08.vignette_stage and nb08.vignette_tools.
VIGNETTE = (
    "Two coastal states, here called Aranda and Belmar, claim overlapping waters rich in fish. Since 2015 their "
    "navies have held annual staff talks and, under a voluntary arrangement, notify each other of exercises near "
    "the disputed area; their coastguards have a hotline. The boundary itself has never been negotiated, and no "
    "body exists to take up disputes between them. Last month an Aranda coastguard cutter collided with a Belmar "
    "fishing boat in the disputed waters and two fishermen were hurt. Each government protested to the other's "
    "ambassador, and both sent more patrol boats. No talks on the incident have been proposed, and no third party "
    "has been asked to help."
)
#: The next steps offered in nb08.vignette_tools: text, whether it is a tool of preventive diplomacy
#: in the lecture's sense, and why (shown in the explanation).
VIGNETTE_STEPS = (
    ("A neighbouring state's foreign minister offers to mediate between the two capitals.", True,
     "mediation, one of the lecture's four means (it lists mediation again under conflict management, once a "
     "crisis has broken out)"),
    ("Aranda sends two more warships to escort its coastguard, to deter Belmar.", False,
     "a military step of self-help that Belmar may read as a threat (the security dilemma)"),
    ("The two foreign ministries open talks on a provisional arrangement for fishing in the disputed waters.", True,
     "negotiation, a means, and the function of urging dialogue and negotiation"),
    ("Belmar warns that its navy will board any Aranda vessel still in the area in a week's time unless Aranda "
     "withdraws its coastguard.", False,
     "a threat of force to make the other side back down: coercive diplomacy, which the lecture lists under conflict "
     "management, not prevention"),
    ("The two states set up a joint commission that meets every quarter to handle incidents at sea.", True,
     "the function of establishing procedures and organisations that institutionalise negotiation"),
)
VIGNETTE_OPTIONS = tuple(text for text, _fits, _why in VIGNETTE_STEPS)

#: The stages in the order of the process (stages.csv, name_en), as the stage exercise offers them.
PROCESS_OPTIONS = ("Confidence- and security-building measures", "Preventive diplomacy", "Conflict resolution",
                   "Security community")


#: The invented situations of exercise nb08.review_concepts (a review across notebooks 02-07): the
#: concept_id that fits each, the notebook that teaches it, and why (for the explanation).
REVIEW_SITUATIONS = {
    "A": ("Two neighbours each buy new submarines to defend their coasts. Each reads the other's purchase as "
          "preparation for attack and orders more, and both end up less safe.", "security_dilemma", "02",
          "defence read as a threat, answered in kind"),
    "B": ("Thirty states sign a treaty under which all of them will act together, first by sanctions and if need be "
          "by force, against any one of them that attacks another.", "collective_security", "02",
          "the threat comes from inside the system, from any member"),
    "C": ("Three states pledge to defend one another against a powerful state outside their pact and merge their "
          "military commands.", "collective_defence", "02", "an alliance against an outside adversary"),
    "D": ("A development agency judges a country's security by whether its people are safe from hunger, disease and "
          "violence, not by the strength of its army.", "human_security", "03",
          "people, not the state, are what is made secure, while comprehensive security widens the state's own "
          "security"),
    "E": ("Two rival states agree to notify each other of large military exercises near their border and to invite "
          "each other's observers.", "csbm", "07", "military activity made open and predictable, the first stage"),
    "F": ("Among a group of states that once fought wars, none now expects or prepares for war with another, and "
          "every dispute is settled peacefully.", "security_community", "07",
          "war has become unthinkable, the last stage"),
}
#: The concepts offered for nb08.review_concepts (concept_id), the fitting ones and three that fit none.
REVIEW_CONCEPT_IDS = ("balance_of_power", "collective_defence", "collective_security", "comprehensive_security",
                      "csbm", "human_security", "preventive_diplomacy", "security_community", "security_dilemma")
#: Their names as concepts.csv spells them (name_en); a test checks that the two agree.
REVIEW_OPTIONS = ("Balance of power", "Collective defence", "Collective security", "Comprehensive security",
                  "Confidence- and security-building measures (CSBMs)", "Human security", "Preventive diplomacy",
                  "Security community", "Security dilemma")


def _review_concepts() -> dict[str, str]:
    names = dict(zip(load_dataset()["concepts"]["concept_id"], load_dataset()["concepts"]["name_en"]))
    return {key: str(names[cid]) for key, (_t, cid, _nb, _why) in REVIEW_SITUATIONS.items()}


def _summary_errors() -> list[str]:
    known = set(load_dataset()["discrepancies"]["discrepancy_id"])
    missing = [d for _t, d, _w, _why in SUMMARY if d is not None and d not in known]
    if missing:
        raise ValueError(f"nb08.summary_errors: no discrepancy {', '.join(missing)} in the dataset")
    return [text for text, _d, wrong, _why in SUMMARY if wrong]


def _stage_order(tables) -> dict[str, int]:
    stages = tables["stages"]
    return {str(s): int(o) for s, o in zip(stages["stage_id"], stages["order"])}


def _furthest_rows(tables, institution_id: str):
    """The milestones of an institution on the furthest stage its record reaches."""
    ms = tables["milestones"]
    mine = ms[ms["institution_id"] == institution_id]
    order = mine["stage_id"].astype(str).map(_stage_order(tables))
    return mine[order == order.max()]


def _contested(row, discrepancies) -> bool:
    """Whether a milestone rests on a claim that a discrepancy its note names shows to be contested
    (the milestone's source is the discrepancy's first side)."""
    note = "" if row["note"] is None or str(row["note"]) == "<NA>" else str(row["note"])
    return any(d in note and str(a) == str(row["source_id"])
               for d, a in zip(discrepancies["discrepancy_id"], discrepancies["source_a"]))


def compare_stages(tables=None) -> dict:
    """The comparison of nb08.compare_cases, from the dataset: the furthest stage (order) of the
    South China Sea case's agreement between the parties, that of the second relationship, and the
    milestone that is the firmest dated evidence of the latter (the earliest on its furthest stage
    whose claim no discrepancy contests)."""
    tables = load_dataset() if tables is None else tables
    order = _stage_order(tables)
    ms = tables["milestones"].set_index("milestone_id")
    top = _furthest_rows(tables, COMPARE_INSTITUTION)
    firm = top[[not _contested(r, tables["discrepancies"]) for _i, r in top.iterrows()]]
    firm = firm.sort_values(["date_start", "milestone_id"])
    if firm.empty:
        raise ValueError(f"nb08.compare_cases: every milestone of {COMPARE_INSTITUTION} on its furthest stage is contested")
    return {"scs_stage": order[str(ms.loc[SCS_PARTIES_MILESTONE, "stage_id"])],
            "other_stage": order[str(top["stage_id"].iloc[0])],
            "evidence": str(firm["milestone_id"].iloc[0]),
            "contested": [str(m) for m in top["milestone_id"] if m not in set(firm["milestone_id"])]}


def _compare_evidence() -> str:
    return compare_stages()["evidence"]


def _vignette_stage() -> str:
    stages = load_dataset()["stages"]
    return str(stages.loc[stages["order"] == 1, "name_en"].iloc[0])


def _vignette_tools() -> list[str]:
    return [text for text, fits, _why in VIGNETTE_STEPS if fits]


EXERCISES = [
    Exercise(
        id="nb08.attribution", level="recall", notebook=NB, title="Who says so?", kind="match",
        prompt="Match each claim to the source the course's dataset attributes it to: 'the lecture', 'the Position "
               "Paper', 'the Berlin paper' or 'the explanatory article'. "
               + " ".join(f"{k}. {text}" for k, (text, _t, _k) in CLAIMS.items()),
        options=tuple(SOURCE_OPTIONS.values()), solution=_attribution,
        labels={k: f"{k}. {text}" for k, (text, _t, _k) in CLAIMS.items()},
        hints=("Each claim is a row of data/threats.csv or data/relations.csv; its source_id column names the source.",
               "Two claims are about threats: one list of threats comes from the article, the other from the "
               "Position Paper's part II.",
               "The claim about alliances is a paraphrase of the Berlin paper's account of the 2014 Asian security "
               "concept; the claim about how preventive diplomacy develops is on a slide."),
        objective=OBJ_FRAME, minutes=4, points=2,
        explanation="A is the explanatory article's list of traditional threats, B the Position Paper's part II, C "
                    "the Berlin paper's account of the 2014 Asian security concept (paraphrased), D a slide of the "
                    "lecture. Each source speaks for someone: a scholar's lecture, a government's position, a "
                    "discussion paper, an explainer. Say whose claim it is when you use it.",
    ),
    Exercise(
        id="nb08.summary_errors", level="analyse", notebook=NB, title="What the summary gets wrong", kind="multi",
        prompt="A short summary of the South China Sea case's setting. Which of its sentences does the dataset's "
               "discrepancies table show to be wrong? " + " ".join(f"({chr(97 + i)}) {t}"
                                                                     for i, t in enumerate(SUMMARY_OPTIONS)),
        options=SUMMARY_OPTIONS, solution=_summary_errors,
        hints=("Search `discrepancies` for the topic of each sentence: the Position Paper's date, the origin of the "
               "concept, the core elements, the ARF's stages.",
               "A discrepancy shows a sentence wrong only if the sentence takes the side the table's note rejects; "
               "two sentences touch a discrepancy but take the side its note keeps.",
               "Three sentences are wrong: one about a year, two about the ARF's own stages."),
        objective=OBJ_FRAME, minutes=5, points=2,
        explanation="Wrong: " + "; ".join(f"({chr(97 + i)}) {why} ({d})" for i, (_t, d, wrong, why)
                                          in enumerate(SUMMARY) if wrong)
                    + ". The others are right, though (a) and (c) touch a discrepancy: " + "; ".join(
                        f"({chr(97 + i)}) {why}" for i, (_t, _d, wrong, why) in enumerate(SUMMARY) if not wrong) + ".",
    ),
    Exercise(
        id="nb08.official_claim", level="evaluate", notebook=NB, title="An official claim against the record",
        kind="choice",
        prompt="The Position Paper (part IV, 31 July 2002) says: \"" + OFFICIAL_CLAIM + "\" Weighed against the "
               "South China Sea case's record, which judgement is best supported?",
        options=CLAIM_OPTIONS, solution=CLAIM_OPTIONS[1],
        hints=("Read the claim closely: does it say the disputes are settled, or that they no longer block "
               "cooperation?",
               "List the record's agreements in the case card with their dates, and what each settles or does not "
               "settle.",
               "A claimant's own statement is evidence of its position; weigh it against dated agreements rather "
               "than throwing it out."),
        objective=OBJ_ANALYSE, minutes=4, points=2,
        explanation="The record supports the claim's narrow point: China signed the Beibu Gulf agreement with Viet "
                    "Nam (2000) and the Declaration with ASEAN (2002) while the disputes were open. But the claim is "
                    "not a finding that the disputes are settled: the Declaration offers voluntary steps and the code "
                    "of conduct was still being negotiated. (a) reads settlement into the record, (c) ignores two "
                    "agreements, and (d) throws away evidence that can be checked against dated documents.",
    ),
    Exercise(
        id="nb08.compare_cases", level="analyse", notebook=NB, title="Which relationship reached further?",
        kind="text",
        prompt="Compare the South China Sea case (its furthest agreement between the parties, milestone "
               f"{SCS_PARTIES_MILESTONE}) with China's land borders with its Shanghai Five neighbours (institution_id "
               f"'{COMPARE_INSTITUTION}' in data/milestones.csv). The second reached further along the stages. Give "
               "the milestone_id of the firmest dated evidence of its furthest stage: the earliest milestone on that "
               "stage whose claim the discrepancies table does not contest.",
        solution=_compare_evidence,
        hints=("Filter `tables['milestones']` on institution_id == 'shanghai_five_sco' and map each stage_id to its "
               "order in `tables['stages']`.",
               "Two rows sit on the furthest stage. Read their source_id and note: one is the Position Paper's report "
               "in China's own voice.",
               "Look up the discrepancy that note names in `discrepancies` (notebook 04 met it): was the Position "
               "Paper's claim true for all the border sections in 2002?"),
        objective=OBJ_ANALYSE, minutes=6, points=2,
        explanation="The Shanghai Five record reaches stage 3, conflict resolution, two stages beyond the 2002 "
                    "Declaration (stage 1). But its first row on stage 3 is the Position Paper's own report (2002) "
                    "that the borders were settled, and discrepancy border_settled shows that report premature: China "
                    "and Russia settled their last sections only in the supplementary agreement of 14 October 2004, "
                    "the firmer evidence (s5_2004_boundary).",
    ),
    Exercise(
        id="nb08.vignette_stage", level="apply", notebook=NB, title="A new case: the stage reached", kind="choice",
        prompt="An invented case. " + VIGNETTE + " On the lecture's cooperative-security process, which stage has the "
               "relationship between Aranda and Belmar reached?",
        options=PROCESS_OPTIONS, solution=_vignette_stage,
        hints=("List what the two states have built so far, then ask what each stage adds to the one before.",
               "Staff talks, notice of exercises and a hotline make military activity open and predictable. Is "
               "anything in place for acting early on a dispute, or for settling it?"),
        objective=OBJ_ANALYSE, minutes=3, points=1,
        explanation="They have the first stage's tools: dialogue between the militaries, notice of exercises and a "
                    "hotline, which make military activity open and predictable. Nothing of the second stage is in "
                    "place: nobody acts early by negotiation or mediation, and protesting to an ambassador is ordinary "
                    "diplomacy, not a practice of prevention. The boundary is unsettled, so conflict resolution is "
                    "further off still.",
    ),
    Exercise(
        id="nb08.vignette_tools", level="apply", notebook=NB, title="A new case: the tools that fit", kind="multi",
        prompt="In the invented case of Aranda and Belmar, which of these next steps would be tools of preventive "
               "diplomacy in the lecture's sense, one of its means (diplomacy, negotiation, mediation, conciliation) "
               "or one of its six functions? " + " ".join(f"({chr(97 + i)}) {t}" for i, t in enumerate(VIGNETTE_OPTIONS)),
        options=VIGNETTE_OPTIONS, solution=_vignette_tools,
        hints=("Recall the lecture's slides in notebook 06: the four means of preventive diplomacy and its six "
               "functions, such as urging dialogue and negotiation.",
               "A step that threatens or deters is not prevention in the lecture's sense; where does the lecture put "
               "coercive diplomacy?",
               "Three steps fit: a means used by a third party, a means used by the two states, and a standing "
               "procedure."),
        objective=OBJ_ANALYSE, minutes=4, points=2,
        explanation="The steps that fit: " + "; ".join(f"({chr(97 + i)}) {why}" for i, (_t, fits, why)
                                                     in enumerate(VIGNETTE_STEPS) if fits)
                    + ". Not these: " + "; ".join(f"({chr(97 + i)}) {why}" for i, (_t, fits, why)
                                                  in enumerate(VIGNETTE_STEPS) if not fits) + ".",
    ),
    Exercise(
        id="nb08.review_concepts", level="apply", notebook=NB, title="Review: the concepts at work", kind="match",
        prompt="Match each invented situation to the concept of notebooks 02-07 that fits it best (three concepts fit "
               "none). " + " ".join(f"{k}. {t}" for k, (t, _c, _nb, _w) in REVIEW_SITUATIONS.items()),
        options=REVIEW_OPTIONS, solution=_review_concepts,
        labels={k: f"{k}. {t}" for k, (t, _c, _nb, _w) in REVIEW_SITUATIONS.items()},
        hints=("For each situation ask: whose security, against whom, and by what means?",
               "Two situations are about alliances or treaties: is the threat outside the group or any member inside "
               "it? Two are about the stages of notebook 07: the first and the last.",
               "One situation puts people, not the state, at the centre; which concept of notebook 03 does that?"),
        objective=OBJ_REVIEW, minutes=5, points=2,
        explanation="; ".join(f"{k}, {REVIEW_OPTIONS[REVIEW_CONCEPT_IDS.index(c)]}: {why} (notebook {nb})"
                              for k, (_t, c, nb, why) in REVIEW_SITUATIONS.items())
                    + ". Revisit the notebook named for any you missed.",
    ),
    Exercise(
        id="nb08.glossary_term", level="recall", notebook=NB, title="A term in the glossary", kind="choice",
        prompt=f"Use the glossary: which concept is called {GLOSSARY_ZH} in Chinese?",
        options=GLOSSARY_OPTIONS, solution=_glossary_term,
        hints=("Paste the Chinese term into the glossary's search box.",
               "共同体 means community; 命运 means fate or destiny."),
        objective=OBJ_GLOSSARY, minutes=2,
        explanation="命运共同体 is the community of common destiny, which the lecture's slide on preventive diplomacy "
                    "for a security community names. A security community (安全共同体) is Deutsch's concept, the last "
                    "stage of the process; the two share 共同体, community, and are easily confused.",
    ),
    Exercise(
        id="nb08.capstone", level="evaluate", notebook=NB, title="Capstone: analyse one case", kind="open",
        prompt="Choose one of the lecture's five Asia-Pacific cases and analyse it with the course's tools: the "
               "stage of the cooperative-security process it has reached, the tools and functions of preventive "
               "diplomacy that fit (and which have been tried), two or three concepts of the course used precisely, "
               "who claims what (attributed), and evidence both ways. End with the question you would still want "
               "answered.",
        solution=CAPSTONE_EXAMPLE, hints=(), objective=OBJ_ANALYSE, minutes=25, points=10, min_words=250,
        rubric=(
            "A strong analysis (10 points) contains:\n\n"
            "- **The stage reached** (2 points): one of the four stages, named, and defended with at least one "
            "dated document and its source (for the South China Sea, for example, the 2002 Declaration and its "
            "place on the first stage in data/milestones.csv; for the other cases, a primary document the learner "
            "cites, such as those listed in section 4). A judgement without evidence earns at most 1 point.\n"
            "- **The tools that fit** (2 points): the lecture's means (diplomacy, negotiation, mediation, "
            "conciliation) or functions (six of them; for example reducing misperception or institutionalising "
            "negotiation) matched to the case, saying which have been tried and by whom, and which have not.\n"
            "- **Concepts used precisely** (2 points): two or three concepts of the course (for example security "
            "dilemma, common security, CSBMs, coordination, security community) used as the course defines them, "
            "not as loose labels; Chinese terms welcome.\n"
            "- **Claims attributed** (2 points): positions are given as someone's (the lecture, the Position "
            "Paper, the Berlin paper only paraphrased, a government's statement), kept apart from established "
            "facts; no source's claim is repeated as the writer's own verdict.\n"
            "- **Evidence both ways** (2 points): at least one fact that supports the writer's reading and one "
            "that complicates it, and a closing question that shows where the evidence runs out.\n\n"
            "Deduct for facts without a source, for verdicts on the case that the evidence does not carry, and for "
            "quoting the Berlin paper."),
    ),
]
