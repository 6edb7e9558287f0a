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

#: The South China Sea record of the ordering exercise, by event_id.
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


EXERCISES = [
    Exercise(
        id="nb08.attribution", level="recall", notebook=NB, title="Who says so?", kind="match",
        prompt="Match each claim to the source the course's dataset attributes it to: 'the lecture', 'the Position "
               "Paper', 'the Berlin paper' or 'the explanatory article'. "
               + " ".join(f"{k}. {text}" for k, (text, _t, _k) in CLAIMS.items()),
        options=tuple(SOURCE_OPTIONS.values()), solution=_attribution,
        hints=("Each claim is a row of data/threats.csv or data/relations.csv; its source_id column names the source.",
               "Two claims are about threats: one list of threats comes from the article, the other from the "
               "Position Paper's part II.",
               "The claim about alliances is a paraphrase of the Berlin paper's account of the 2014 Asian security "
               "concept; the claim about how preventive diplomacy develops is on a slide."),
        objective=OBJ_FRAME, minutes=4, points=2,
        explanation="Each source speaks for someone: a scholar's lecture, a government's position, a discussion "
                    "paper, an explainer. Say whose claim it is when you use it.",
    ),
    Exercise(
        id="nb08.scs_order", level="recall", notebook=NB, title="The South China Sea record in order", kind="order",
        prompt="Put the five documents of the South China Sea record in date order, earliest first.",
        options=SCS_OPTIONS, solution=_scs_order,
        hints=("The timeline just below this exercise shows all five, in date order from the top.",
               "The ASEAN treaty is the oldest by far; the other four fall in 2000-2002.",
               "The Position Paper reports the consultations that the Declaration came out of."),
        objective=OBJ_ANALYSE, minutes=3,
        explanation="The Position Paper reported consultations with ASEAN; the Declaration on the Conduct of Parties "
                    "came out of them a few months later.",
    ),
    Exercise(
        id="nb08.doc_stage", level="recall", notebook=NB, title="Where the Declaration stands", kind="choice",
        prompt="On which stage of the cooperative-security process does data/milestones.csv place the 2002 "
               "Declaration on the Conduct of Parties in the South China Sea?",
        options=STAGE_OPTIONS, solution=_doc_stage,
        hints=("Look at the chart of ASEAN's milestones on the stages in section 3.",
               "Read the Declaration's paragraph 5 in the case card: self-restraint and voluntary steps such as "
               "notice of exercises. Which stage makes military activity open and predictable?"),
        objective=OBJ_ANALYSE, minutes=2,
        explanation="Voluntary confidence-building steps put it on the first stage; a binding code of conduct would "
                    "be the step beyond.",
    ),
    Exercise(
        id="nb08.glossary_term", level="recall", notebook=NB, title="A term in the glossary", kind="choice",
        prompt=f"Use the glossary: which concept is called {GLOSSARY_ZH} in Chinese?",
        options=GLOSSARY_OPTIONS, solution=_glossary_term,
        hints=("Paste the Chinese term into the glossary's search box.",
               "共同体 means community; 命运 means fate or destiny."),
        objective=OBJ_GLOSSARY, minutes=2,
    ),
    Exercise(
        id="nb08.supplied_terms", level="recall", notebook=NB, title="Terms the course supplies", kind="numeric",
        prompt="For how many concepts of the glossary do the sources give no Chinese term, so that the course "
               "supplies the standard one (zh_from_source is false)?",
        solution=_supplied_terms, tolerance=0,
        hints=("Add up the hatched parts of the bars in the chart of the glossary.",
               "In pandas: (~concepts['zh_from_source']).sum() counts them."),
        objective=OBJ_GLOSSARY, minutes=2,
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
