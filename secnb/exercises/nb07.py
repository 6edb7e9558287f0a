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

#: The Shanghai Five steps of an earlier matching exercise, by milestone_id (kept for code that uses
#: :func:`_shanghai_steps`; the notebook no longer asks it, because its answer was printed above it).
SHANGHAI_STEPS = {
    "1996 Shanghai agreement": "s5_1996_cbm",
    "1997 Moscow agreement": "s5_1997_reduction",
    "2002 Position Paper: border questions settled": "s5_2002_borders",
    "2004 China-Russia supplementary agreement": "s5_2004_boundary",
}

#: The stages in the order of the ladder (stages.csv, name_en by order), as the match forms offer them.
STAGE_LADDER = ("Confidence- and security-building measures", "Preventive diplomacy", "Conflict resolution",
                "Security community")
#: Below the first threshold of the trust model (the same words as secnb.charts.stages.SUSPICION).
SUSPICION = "Mutual suspicion (security dilemma)"

#: New cases for the stages: key -> (stage_id, the vignette as the learner reads it). Invented, not
#: from the record; each is built so that one stage's defining feature is present.
VIGNETTES = {
    "A": ("csbm", "A. Two neighbours agree that each will notify the other 42 days before any military exercise "
                  "of more than 9,000 troops near their common border, and invite the other's officers to watch."),
    "B": ("preventive_diplomacy", "B. Herders from two countries clash over a shared river and several people "
                                  "die. Before either army moves, a regional organisation sends an envoy who "
                                  "shuttles between the capitals and persuades both to keep troops away while "
                                  "talks go on."),
    "C": ("conflict_resolution", "C. Two states that have both claimed a small island for decades send the "
                                 "dispute to an arbitral tribunal, undertake in advance to accept its award, and "
                                 "then draw their sea boundary where the award puts it."),
    "D": ("security_community", "D. For generations the armed forces of two states have drawn up no plans for a "
                                "war against each other; their long border is unfortified, and their quarrels "
                                "over fishing quotas go to ministers and courts, never to soldiers."),
    "E": ("csbm", "E. The defence ministries of a region begin to publish yearly white papers on their forces and "
                  "budgets, and their officers meet once a year to explain them to one another."),
}

#: Steps of the record to place on the stages: milestone_id -> how the exercise describes the step
#: (our words, without the stage's name). The answer is the row's stage_id in data/milestones.csv.
RECORD_STEPS = {
    "csce_1975_cbm": "1975, Helsinki: the 35 CSCE states agree to announce major military manoeuvres at least 21 "
                     "days ahead, and may invite one another's observers.",
    "asean_1976_tac": "1976, Bali: ASEAN's five members sign a treaty to settle disputes among themselves by "
                      "peaceful means, with a High Council to recommend how.",
    "csce_1992_hcnm": "1992, Helsinki: the CSCE creates a High Commissioner to warn early of tensions involving "
                      "national minorities and to act on them before they turn violent.",
    "csce_1992_court": "1992, Stockholm: CSCE states sign a convention setting up a court to which they can bring "
                       "disputes for conciliation or arbitration (in force from 1994).",
    "asean_2002_doc": "2002, Phnom Penh: ASEAN and China undertake, pending a settlement in the South China Sea, "
                      "to hold dialogues between defence officials and to notify joint exercises voluntarily.",
    "asean_2003_asc": "2003, Bali: ASEAN leaders declare that members are to rely only on peaceful processes to "
                      "settle differences and regard their security as fundamentally linked.",
}

#: Changes to the trust model's starting setting (transparency 0.5, misperception 0.15), as the
#: learner reads them -> (transparency, misperception).
TRUST_BASE = (0.5, 0.15)
TRUST_SCENARIOS = {
    "Transparency rises to 1.0": (1.0, 0.15),
    "Transparency rises to 0.7": (0.7, 0.15),
    "Misperception grows to 0.30": (0.5, 0.30),
    "Both: transparency 1.0 and misperception 0.30": (1.0, 0.30),
    "Misperception falls to 0.03": (0.5, 0.03),
    "Transparency falls to 0 (no measures at all)": (0.0, 0.15),
}

#: The steps of a CSBM process between two neighbours, in the right order (short names for the form;
#: the notebook describes each in full).
CSBM_PROCESS = (
    "Talks on doctrines and budgets",
    "Agreement: notify 42 days ahead",
    "Yearly calendars exchanged",
    "Exercise notified and observed",
    "Review meeting tightens the rules",
)
#: The same steps as the form lists them, shuffled.
CSBM_PROCESS_SHUFFLED = (CSBM_PROCESS[3], CSBM_PROCESS[1], CSBM_PROCESS[4], CSBM_PROCESS[0], CSBM_PROCESS[2])

#: The options of the judgement on the CSCE's court (the second is the best supported).
COURT_OPTIONS = (
    "Supported: signing the convention in December 1992 created the court at once, and owning a court is all "
    "that the third stage asks of a group of states.",
    "Partly supported: the step dates from the signature in December 1992, but the court existed only from "
    "December 1994, for the states that ratified it, and machinery is not practice.",
    "Not supported: the CSCE never agreed on any machinery for settling disputes; after 1986 its work stayed "
    "with confidence-building measures alone.",
    "Supported: the High Commissioner on National Minorities, created in July 1992, was already settling the "
    "members' disputes by binding arbitration.",
)


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


def _vignette_stages() -> dict[str, str]:
    names = _stage_names()
    return {key: names[stage_id] for key, (stage_id, _) in VIGNETTES.items()}


def _vignette_labels() -> dict[str, str]:
    return {key: text for key, (_, text) in VIGNETTES.items()}


def _record_stages() -> dict[str, str]:
    """The stage data/milestones.csv gives each step of RECORD_STEPS, by its name in stages.csv."""
    milestones = load_dataset()["milestones"].set_index("milestone_id")
    names = _stage_names()
    return {mid: names[milestones.loc[mid, "stage_id"]] for mid in RECORD_STEPS}


def _trust_stage_name(transparency: float, misperception: float) -> str:
    from ..models.trust import trust_equilibrium, trust_stage

    level = trust_stage(trust_equilibrium(transparency, misperception))
    return SUSPICION if level == 0 else _stage_order()[level - 1]


def _trust_predictions() -> dict[str, str]:
    """Where the expected trust settles (as a stage) for each change of TRUST_SCENARIOS, from the model."""
    return {label: _trust_stage_name(t, e) for label, (t, e) in TRUST_SCENARIOS.items()}


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
        explanation="Each stage asks more trust than the one before: first make forces visible, then act early "
                    "on disputes, then settle them, and last stop expecting war at all. The ARF's 1995 paper has "
                    "the first three; the lecture adds the security community at the end.",
    ),
    Exercise(
        id="nb07.place_vignettes", level="apply", notebook=NB, title="New cases on the stages", kind="match",
        prompt="Five invented cases, A to E. On which stage of the cooperative-security process does each one "
               "stand? Choose a stage for each case.",
        options=STAGE_LADDER, solution=_vignette_stages, labels=_vignette_labels,
        hints=("Ask of each case what the states are doing: showing their forces, acting early on a dispute that "
               "threatens to turn violent, settling a dispute for good, or no longer preparing for war at all.",
               "Notifying exercises, inviting observers and explaining budgets all make military activity "
               "visible; an envoy who acts before troops move is acting early; a binding award settles a dispute.",
               "Two cases share a stage. The case with no war plans and no fortified border describes the last "
               "stage, not a measure on the way to it."),
        objective=OBJ_STAGES, minutes=4, points=2,
        explanation="A and E make military activity visible and predictable: confidence- and security-building "
                    "measures. B acts early, by mediation, before the dispute becomes armed conflict: preventive "
                    "diplomacy. C ends the dispute by an award both accept: conflict resolution. D describes "
                    "states that no longer expect to fight one another: a security community. The tempting slip "
                    "is C as preventive diplomacy, but C settles the dispute for good instead of keeping it "
                    "from escalating.",
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
               "Section 2 lists the items of the first slide; three items go to each."),
        objective=OBJ_STAGES, minutes=3,
        explanation="An epistemic community changes how people see a problem (needs, senses, cognition); the "
                    "slide on a security community is about binding states and societies together "
                    "(interdependence, ties in every field, a shared fate).",
    ),
    Exercise(
        id="nb07.csbm_process", level="apply", notebook=NB, title="A CSBM regime, step by step", kind="order",
        prompt="Two neighbours build a regime of confidence- and security-building measures. Put its five steps in "
               "the order in which they would realistically happen.",
        options=CSBM_PROCESS_SHUFFLED, solution=list(CSBM_PROCESS),
        hints=("Nothing can be notified before there is an agreement to notify, and no agreement is signed "
               "between states that have never talked.",
               "The yearly calendar announces the whole year's plans; the notification of one exercise comes 42 "
               "days before that exercise.",
               "A review meeting needs experience to review, so it comes after the measures have been used."),
        objective=OBJ_SHANGHAI, minutes=4, points=2,
        explanation="Dialogue comes first and is itself a first measure; it makes an agreement possible; the "
                    "agreement's yearly calendar sets out the year's plans; each large exercise is then notified "
                    "42 days ahead and observed; and a review meeting uses that experience to tighten the rules, "
                    "as the CSCE did from Helsinki (1975) to Stockholm (1986) and the OSCE's yearly implementation "
                    "meetings still do. The order matters because each step rests on the trust the one before "
                    "built.",
    ),
    Exercise(
        id="nb07.place_record", level="apply", notebook=NB, title="Steps of the record on the stages", kind="match",
        prompt="Six dated steps from data/milestones.csv, described by what they did. On which stage does the "
               "course's dataset place each one? Choose a stage for each step.",
        options=STAGE_LADDER, solution=_record_stages, labels=RECORD_STEPS,
        hints=("Ask what each document does: make forces visible, set up tools for acting early, set up machinery "
               "to settle disputes, or state that war among the members is out of the question.",
               "A treaty or convention that provides for settling disputes (by a council, conciliation or "
               "arbitration) belongs to the third stage, whatever year it was signed.",
               "Two steps are on the first stage and two on the third; dialogues between defence officials and "
               "voluntary notice of exercises are confidence building, even when they come late."),
        objective=OBJ_PLACE, minutes=5, points=2,
        explanation="Notice of manoeuvres (1975) and the South China Sea declaration's dialogues and voluntary "
                    "notice (2002) are confidence building; the High Commissioner (1992) acts early; the Treaty of "
                    "Amity's High Council (1976) and the CSCE's court (signed 1992, in force 1994) are machinery "
                    "for settling disputes; Bali Concord II (2003) sets a security community as a goal. Note that "
                    "ASEAN's steps do not come in the order of the stages.",
    ),
    Exercise(
        id="nb07.court_claim", level="evaluate", notebook=NB, title="Weigh a claim about the CSCE's court",
        kind="choice",
        prompt="A student writes: 'With its Court of Conciliation and Arbitration, the CSCE reached conflict "
               "resolution by the end of 1992; from then on its members settled their disputes by arbitration.' "
               "Which judgement does the record best support?",
        options=COURT_OPTIONS, solution=COURT_OPTIONS[1],
        hints=("Separate three things: when the convention was signed, when the court came into being, and "
               "whether states actually used it.",
               "A treaty binds only once it has entered into force, and only the states that have ratified it.",
               "The milestone marks the first time a step appears in a document; the notebook warns that this "
               "does not show the step became practice."),
        objective=OBJ_PLACE, minutes=4, points=2,
        explanation="The convention was signed in Stockholm on 15 December 1992, but the court existed only from "
                    "its entry into force on 5 December 1994, and only for the states that ratified it; having "
                    "machinery for settling disputes does not show that disputes were settled there. The first "
                    "option confuses signature with existence and machinery with practice; the other two "
                    "contradict the record (a convention was agreed; the High Commissioner warns and mediates, "
                    "it does not arbitrate).",
    ),
    Exercise(
        id="nb07.predict_trust", level="analyse", notebook=NB, title="Predict where trust settles", kind="match",
        prompt="In the teaching model, start from transparency 0.5 and misperception 0.15 (trust settles just "
               "under 0.5, in the band of preventive diplomacy). For each change, predict the band in which the "
               "expected trust settles, then check your predictions with the trust explorer.",
        options=(SUSPICION, *STAGE_LADDER), solution=_trust_predictions,
        hints=("Transparency pushes trust up and misperception pulls it down; the bands change every 0.2 of trust "
               "(0.2, 0.4, 0.6, 0.8).",
               "Use T* = (1 - e) g tau / ((1 - e) g tau + e s) with g = 0.1 and s = 0.3, or move the sliders of "
               "the explorer and read the star on the right.",
               "With no transparency at all nothing builds trust, so any misperception wears it down to zero; when "
               "both levers double, compare how much each term of the formula grows."),
        objective=OBJ_MODEL, minutes=6, points=3,
        explanation="From the model: transparency 1.0 lifts trust to about 0.65 (conflict resolution), but 0.7 "
                    "only to about 0.57 (still preventive diplomacy); misperception 0.30 drops it to 0.28 "
                    "(CSBMs); both changes together nearly cancel (about 0.44, preventive diplomacy); misperception "
                    "0.03 lifts it to about 0.84 (a security community); and with no transparency it decays to 0, "
                    "the security dilemma. Both levers matter, and more visibility cannot make up for ever more "
                    "misreading.",
    ),
    Exercise(
        id="nb07.long_run_trust", level="apply", notebook=NB, title="Where trust settles", kind="numeric",
        prompt="In the teaching model with transparency 0.6 and misperception 0.2 (build 0.1 and shock 0.3, the "
               "defaults), at what level does the expected trust settle? Give it to two decimals.",
        solution=_long_run_trust, tolerance=0.01,
        hints=("Use the formula for T* in section 5, or call secnb.models.trust_equilibrium(...).",
               "T* = (1 - e) g tau / ((1 - e) g tau + e s), with tau = 0.6, e = 0.2, g = 0.1 and s = 0.3.",
               "The numerator is 0.8 x 0.1 x 0.6; the misperception term in the denominator is 0.2 x 0.3."),
        objective=OBJ_MODEL, minutes=4,
        explanation="T* = 0.048 / (0.048 + 0.06), about 0.44: above the 0.4 threshold, so in the model the "
                    "relationship can sustain preventive diplomacy but not conflict resolution.",
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
