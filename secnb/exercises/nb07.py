"""Exercises of notebook 07, From CSBMs to a security community."""

from ..data import load_dataset
from . import Exercise

NB = "07_csbms_to_security_community"

OBJ_STAGES = "Describe the four stages of cooperative security and what epistemic and security communities are"
OBJ_SHANGHAI = ("Explain how the Shanghai Five's 1996 and 1997 border agreements worked as confidence- and "
                "security-building measures")
OBJ_PLACE = "Place institutions on the stages from the dated record and defend the placement"
OBJ_MODEL = "Use a teaching model to explain how transparency and misperception move trust between the stages"

#: The stage names as the learner types them (stages.csv, name_en).
STAGE_OPTIONS = ("Conflict resolution", "Security community", "Confidence- and security-building measures",
                 "Preventive diplomacy")

#: The institutions as the exercise names them, by institution_id.
INSTITUTION_OPTIONS = {"csce_osce": "CSCE/OSCE", "arf": "ARF", "shanghai_five_sco": "Shanghai Five/SCO",
                       "cica": "CICA", "asean": "ASEAN"}

#: The Shanghai Five steps of the matching exercise, by milestone_id.
SHANGHAI_STEPS = {
    "1996 Shanghai agreement": "s5_1996_cbm",
    "1997 Moscow agreement": "s5_1997_reduction",
    "2002 Position Paper: border questions settled": "s5_2002_borders",
    "2004 China-Russia supplementary agreement": "s5_2004_boundary",
}


def _stage_names() -> dict[str, str]:
    stages = load_dataset()["stages"]
    return dict(zip(stages["stage_id"], stages["name_en"]))


def _stage_order() -> list[str]:
    stages = load_dataset()["stages"].sort_values("order")
    return list(stages["name_en"])


def _shanghai_steps() -> dict[str, str]:
    milestones = load_dataset()["milestones"].set_index("milestone_id")
    names = _stage_names()
    return {label: names[milestones.loc[mid, "stage_id"]] for label, mid in SHANGHAI_STEPS.items()}


def _first_stage_only() -> str:
    tables = load_dataset()
    order = dict(zip(tables["stages"]["stage_id"], tables["stages"]["order"].astype(int)))
    ms = tables["milestones"]
    furthest = ms.assign(order=ms["stage_id"].map(order)).groupby("institution_id")["order"].max()
    only = sorted(i for i, o in furthest.items() if o == 1 and i in INSTITUTION_OPTIONS)
    if len(only) != 1:
        raise ValueError(f"nb07.first_stage_only expects exactly one institution on the first stage only; got {only}")
    return INSTITUTION_OPTIONS[only[0]]


def _long_run_trust() -> float:
    from ..models.trust import trust_equilibrium

    return round(trust_equilibrium(0.6, 0.2), 2)


#: A model answer for the instructor (the solutions edition shows it); other placements can earn full marks.
MODEL_ANSWER = (
    "I place the ASEAN Regional Forum at the first stage, confidence- and security-building measures, on its way "
    "to the second. The record shows regular security dialogue from its first meeting in Bangkok (25 July 1994, "
    "the Chairman's Statement, a primary document), the staged approach of its 1995 concept paper and the 1997 "
    "intersessional group on confidence-building measures in Beijing. Its one step at the second stage is the "
    "Concept and Principles of Preventive Diplomacy adopted in Hanoi on 25 July 2001, also a primary document; "
    "the Position Paper's statement of 2002 that the ARF has made progress on preventive diplomacy is a claim of "
    "a source document, not evidence of practice. One paper of principles does not make preventive diplomacy "
    "routine. To move on, in the lecture's terms, the members would need less misperception and more complex "
    "interdependence: ties across security, economy and society, and a sense of a community of common destiny, "
    "common interests and common responsibility."
)

EXERCISES = [
    Exercise(
        id="nb07.stage_order", level="recall", notebook=NB, title="The four stages in order", kind="order",
        prompt="Put the four stages of the cooperative-security process in the order the lecture gives them.",
        options=STAGE_OPTIONS, solution=_stage_order,
        hints=("Look at the chart of the stages in section 1, or at the order column of the stages table.",
               "Trust comes first: the process starts with measures that make military activity visible.",
               "The process ends with states that no longer expect to fight one another; settling disputes comes "
               "just before that."),
        objective=OBJ_STAGES, minutes=2,
        explanation="The ARF's 1995 paper has the first three; the lecture adds the security community at the end.",
    ),
    Exercise(
        id="nb07.two_communities", level="recall", notebook=NB, title="Two kinds of community", kind="match",
        prompt="Match each item to the lecture slide it appears on: 'Epistemic community' (a shared way of seeing) "
               "or 'PD for security community' (what carries states towards a security community).",
        options=("Epistemic community", "PD for security community"),
        solution={"Similar needs": "Epistemic community",
                  "Sharing senses": "Epistemic community",
                  "Identical cognition": "Epistemic community",
                  "Complex interdependence": "PD for security community",
                  "Security, economy and society": "PD for security community",
                  "Community of co-destiny": "PD for security community"},
        hints=("One slide is about how people across states come to see problems alike; the other about the ties "
               "between whole states and societies.",
               "Words about perception and understanding belong to the first; words about ties and a shared fate "
               "to the second.",
               "Section 2 lists the items of each slide; three items go to each."),
        objective=OBJ_STAGES, minutes=3,
        explanation="An epistemic community changes how people see a problem; the slide on a security community "
                    "is about binding states and societies together.",
    ),
    Exercise(
        id="nb07.shanghai_steps", level="recall", notebook=NB, title="The Shanghai Five on the stages", kind="match",
        prompt="For each step of the Shanghai Five and its members, which stage does data/milestones.csv place it "
               "on? Give the stage names as in the stages table.",
        options=STAGE_OPTIONS, solution=_shanghai_steps,
        hints=("Look at the table of the Shanghai Five's milestones in section 3 (its stage_id column).",
               "Making military activity visible and cutting forces near a border build confidence; settling "
               "where the border runs settles a dispute.",
               "Two steps go to the first stage and two to the third."),
        objective=OBJ_SHANGHAI, minutes=4,
        explanation="Two confidence-building agreements, then border settlements: the Position Paper's claim of "
                    "2002 and the China-Russia agreement of 2004 that completed it.",
    ),
    Exercise(
        id="nb07.first_stage_only", level="recall", notebook=NB, title="Still at the first stage", kind="choice",
        prompt="Which institution's recorded steps in data/milestones.csv all lie on the first stage?",
        options=tuple(INSTITUTION_OPTIONS.values()), solution=_first_stage_only,
        hints=("In the chart of section 4, look for the institution whose line never rises.",
               "Only one institution has every marker in the lowest band: count the bands each one reaches."),
        objective=OBJ_PLACE, minutes=3,
        explanation="CICA's documents from 1999 to 2004 are all about confidence building, and the 2014 Shanghai "
                    "summit did not change that in the record.",
    ),
    Exercise(
        id="nb07.long_run_trust", level="recall", notebook=NB, title="Where trust settles", kind="numeric",
        prompt="In the teaching model with transparency 0.6 and misperception 0.2 (build 0.1 and shock 0.3, the "
               "defaults), at what level does the expected trust settle? Give it to two decimals.",
        solution=_long_run_trust, tolerance=0.01,
        hints=("Use the formula for T* in section 5, or call secnb.models.trust_equilibrium(...).",
               "T* = (1 - e) g tau / ((1 - e) g tau + e s), with tau = 0.6, e = 0.2, g = 0.1 and s = 0.3.",
               "The numerator is 0.8 x 0.1 x 0.6; the misperception term in the denominator is 0.2 x 0.3."),
        objective=OBJ_MODEL, minutes=4,
        explanation="About 0.44: above the 0.4 threshold, so the relationship can sustain preventive diplomacy but "
                    "not conflict resolution.",
    ),
    Exercise(
        id="nb07.defend_placement", level="evaluate", notebook=NB, title="Defend a placement", kind="open",
        prompt="Choose the ARF, the SCO or CICA. Say which stage you judge it has reached and defend your judgement "
               "with the record: name at least one milestone with its date and source, say whether it rests on a "
               "primary document or on a claim of a source document, and say what it would take, in the lecture's "
               "terms, to move to the next stage.",
        solution=MODEL_ANSWER, hints=(), min_words=80, minutes=10, points=3, objective=OBJ_PLACE,
        rubric="A good answer (1) states one institution and one stage; (2) cites at least one milestone by date "
               "and source (for example the ARF's Concept and Principles of Preventive Diplomacy of July 2001, or the "
               "Shanghai agreements of 1996 and 1997) and distinguishes primary documents from the Position Paper's "
               "claims (the hollow markers; for the SCO, the border settlement the Paper reported in 2002 and China "
               "and Russia completed only in 2004); (3) separates a document or goal from practice (one paper on "
               "preventive diplomacy does not make it routine; CICA's work remains confidence building); (4) names "
               "what the next stage needs using the lecture's slide on a security community: complex "
               "interdependence, ties of security, economy and society, communities of common destiny, interests and "
               "responsibility, or (for the earlier stages) dialogue, transparency and reduced misperception; "
               "(5) attributes claims to their sources rather than endorsing them. Placements at different stages "
               "can all earn full marks if they are argued from the record.",
    ),
]
