"""Exercises of notebook 04, The New Security Concept."""

from ..data import load_dataset
from . import Exercise

NB = "04_new_security_concept"

O_ORIGINS = "Trace how the New Security Concept was put forward from 1996 to 2002 and show where the sources disagree"
O_PILLARS = ("Explain the four pillars (mutual trust, mutual benefit, equality, coordination) as the 2002 Position "
             "Paper defines them")
O_PAPER = "Describe the principles, forms of cooperation and practice the Position Paper presents"
O_COMPARE = ("Compare the concept with alliances, peaceful coexistence and the UN or Western concept, and place it "
             "in the lecture's theoretical framework")
O_WEIGH = "Weigh the stated concept against practice, with evidence both ways"

#: The origin events to put in order: the label the learner sees -> the event in events.csv.
ORIGIN_ITEMS = {
    "Position Paper at the ARF": "position_paper_2002",
    "foreign minister at the UN General Assembly": "qian_unga_1997",
    "foreign minister's speech at the ARF ministerial meeting": "qian_arf_1996",
    "Jiang Zemin at the Conference on Disarmament": "jiang_cd_1999",
    "Sino-Russian joint statement": "sino_russian_declaration_1997",
    "defence white paper China's National Defense": "whitepaper_1998",
    "formal proposal at an ARF meeting": "arf_1997",
}

#: Short phrases of the Position Paper, part III (quoted), -> the pillar whose definition holds them.
PHRASES = {
    "a": "mutual_trust",      # "transcend differences in ideology and social system"
    "b": "mutual_benefit",    # "create conditions for others' security"
    "c": "equality",          # "big or small, are equal members of the international community"
    "d": "coordination",      # "seek peaceful settlement of their disputes through negotiation"
    "e": "mutual_trust",      # "frequent dialogue and mutual briefings on each other's security and defense policies"
    "f": "equality",          # "refrain from interfering in other countries' internal affairs"
}
PILLARS = ("mutual trust", "mutual benefit", "equality", "coordination")

PRINCIPLES = ("UN Charter and Five Principles", "negotiated settlement of disputes", "reform of economic institutions",
              "non-traditional security", "arms control")
NOT_PRINCIPLES = ("military alliances", "humanitarian intervention", "balance of power")

FRAMEWORK = ("mutual_security", "cooperative_security", "comprehensive_security", "common_security",
             "universal_security")


def _origins_order() -> list[str]:
    events = load_dataset()["events"].set_index("event_id")
    return sorted(ORIGIN_ITEMS, key=lambda item: (events.loc[ORIGIN_ITEMS[item], "date_start"], ORIGIN_ITEMS[item]))


def _months_apart() -> int:
    events = load_dataset()["events"].set_index("event_id")
    a, b = events.loc["qian_arf_1996", "date_start"], events.loc["arf_1997", "date_start"]
    return (b.year - a.year) * 12 + (b.month - a.month)


def _pillar_phrases() -> dict[str, str]:
    concepts = load_dataset()["concepts"].set_index("concept_id")
    return {letter: concepts.loc[cid, "name_en"].lower() for letter, cid in PHRASES.items()}


def _border_year() -> int:
    events = load_dataset()["events"].set_index("event_id")
    return int(events.loc["boundary_agreement_2004", "date_start"].year)


def _framework() -> dict[str, str]:
    tables = load_dataset()
    rel = tables["relations"]
    level = dict(zip(tables["concepts"]["concept_id"], tables["concepts"]["level"]))
    rel = rel[rel["to_id"] == "chinese_security_framework"]
    answer = {}
    for r in rel.itertuples():
        if r.from_id in FRAMEWORK and r.relation == "pillar_of":
            answer[r.from_id] = "pillar"
        elif r.from_id in FRAMEWORK and r.relation == "orientation_of":
            answer[r.from_id] = level[r.from_id]
    return {cid: answer[cid] for cid in FRAMEWORK}


#: A model answer for the instructor (the solutions edition shows it); one reasonable answer of many.
MODEL_ANSWER = (
    "The Position Paper (part IV) claims that China's experience gives full evidence that the New Security Concept "
    "is feasible. Some of the record supports it: China settled its land boundaries with most neighbours, signed the "
    "Beibu Gulf agreement with Viet Nam in December 2000, and with Russia and three Central Asian states signed "
    "military confidence-building (1996) and force-reduction (1997) agreements before founding the SCO in 2001; it "
    "also took an active part in the ARF. Other evidence complicates the claim. The Paper says the Shanghai Five had "
    "resolved their border issues, yet China and Russia settled the last sections of their eastern boundary only in "
    "2004. In the South China Sea the Paper reports only consultations on a code of conduct, and what followed in "
    "November 2002 was a non-binding declaration. The SCO's fight against separatism and extremism can protect "
    "governments as much as people, and the concept's stress on non-interference sits uneasily with human security. "
    "Most of the evidence for the claim comes from Chinese official or sympathetic sources. The record bears the "
    "claim out for land borders and Central Asian confidence building, much less for maritime disputes: the concept "
    "describes real practice in some places and an aspiration in others."
)

EXERCISES = [
    Exercise(
        id="nb04.origins_order", level="recall", notebook=NB, title="The origins in order", kind="order",
        prompt="Put the seven statements of the New Security Concept in date order, earliest first.",
        options=tuple(ORIGIN_ITEMS), solution=_origins_order,
        hints=("Use the origins timeline: the top row is the earliest.",
               "Two of the statements fall in 1996 and 1997 at ARF meetings; the lecture's date comes first.",
               "The Sino-Russian statement (April 1997) comes before the UN General Assembly speech, and the "
               "defence white paper (July 1998) before Jiang Zemin's speech in Geneva."),
        objective=O_ORIGINS, minutes=4, points=2,
        explanation="The lecture's first date (July 1996) comes eight months before the article's (March 1997).",
    ),
    Exercise(
        id="nb04.months_apart", level="recall", notebook=NB, title="Two first dates", kind="numeric",
        prompt="How many months lie between the lecture's date for the foreign minister's ARF speech and the "
               "date the article gives for China's formal proposal at an ARF meeting?",
        solution=_months_apart, tolerance=0,
        hints=("Find the two rows on the origins timeline: both dates are known to the month.",
               "Count the months from the first month to the second (from January to March is two months).",
               "In pandas: events.set_index('event_id').loc[['qian_arf_1996', 'arf_1997'], 'date']."),
        objective=O_ORIGINS, minutes=2,
    ),
    Exercise(
        id="nb04.pillar_phrases", level="recall", notebook=NB, title="Whose words?", kind="match",
        prompt="Match each phrase of the Position Paper (part III) to the pillar whose definition contains it.",
        options=PILLARS, solution=_pillar_phrases,
        hints=("Read the four definitions in section 2 again: each phrase comes from exactly one of them.",
               "Two phrases belong to mutual trust and two to equality.",
               "Phrase e is about dialogue and briefings: find the definition in the Position Paper whose last "
               "sentence speaks of them (the explainer article files them elsewhere, so trust the Paper here)."),
        objective=O_PILLARS, minutes=4, points=2,
    ),
    Exercise(
        id="nb04.principles", level="recall", notebook=NB, title="The Paper's principles", kind="multi",
        prompt="Which of these does the Position Paper (part II) list among the principles on which countries "
               "wish to build their security?",
        options=PRINCIPLES[:2] + NOT_PRINCIPLES[:1] + PRINCIPLES[2:4] + NOT_PRINCIPLES[1:] + PRINCIPLES[4:],
        solution=list(PRINCIPLES),
        hints=("The Paper lists five principles; three of the eight options are not among them.",
               "The options that are not there are ideas the Paper sets itself against, or never mentions.",
               "Read the five dashes of part II one by one and find a short option for each."),
        objective=O_PAPER, minutes=3,
    ),
    Exercise(
        id="nb04.border_year", level="recall", notebook=NB, title="Claim and record", kind="numeric",
        prompt="The Position Paper (2002) says the Shanghai Five had resolved their border issues. In which year "
               "did China and Russia settle the last disputed sections of their eastern boundary?",
        solution=_border_year, tolerance=0,
        hints=("Look at the practice timeline in section 4: one ringed event comes after the Position Paper.",
               "The discrepancies table has a row border_settled that names the agreement.",
               "In pandas: events.set_index('event_id').loc['boundary_agreement_2004', 'date']."),
        objective=O_WEIGH, minutes=2,
        explanation="The Paper's claim was premature for China and Russia: a record to weigh against the claim.",
    ),
    Exercise(
        id="nb04.western_difference", level="recall", notebook=NB, title="What divides the two concepts", kind="choice",
        prompt="According to the explainer article, what chiefly divides China's New Security Concept from the "
               "security concept advocated by the West?",
        options=("military versus non-military means", "people-centred versus state-centred security",
                 "sovereignty and non-interference versus intervention", "regional versus global scope"),
        solution="sovereignty and non-interference versus intervention",
        hints=("The article names two similarities first: non-military means and people-centred security.",
               "Read the article's paragraph on the Western concept: what does it say the West stresses beyond "
               "sovereignty?"),
        objective=O_COMPARE, minutes=2,
    ),
    Exercise(
        id="nb04.framework_levels", level="recall", notebook=NB, title="The lecture's framework", kind="match",
        prompt="In the lecture's theoretical framework, is each concept a pillar or the orientation of one level "
               "(national, regional or global)?",
        options=("pillar", "national", "regional", "global"), solution=_framework,
        hints=("Look at the framework chart: the pillars stand at the sides, the levels lie between them.",
               "Two of the five are pillars; the other three each have a different level.",
               "The lecture's slide Logic of these Security Concepts gives each of the three its level; so does "
               "the level column of concepts.csv."),
        objective=O_COMPARE, minutes=3,
    ),
    Exercise(
        id="nb04.rhetoric_practice", level="evaluate", notebook=NB, title="Stated concept and practice", kind="open",
        prompt="The Position Paper presents China's practice as full evidence that the New Security Concept works. "
               "Weigh that claim: give evidence that supports it and evidence that complicates it, say who says "
               "what, and conclude how far the record bears the claim out.",
        solution=MODEL_ANSWER, hints=(), min_words=120, minutes=12, points=4,
        objective=O_WEIGH,
        rubric=("A good answer (1) attributes the claim to the Position Paper (part IV) rather than stating it as "
                "fact; (2) gives evidence for it from the course: land borders settled with most neighbours, the "
                "Beibu Gulf agreement with Viet Nam (2000), the Shanghai Five's confidence-building (1996) and "
                "force-reduction (1997) agreements, the SCO's stated non-alignment, active ARF participation, the "
                "2002 Declaration on the Conduct of Parties in the South China Sea; (3) gives evidence that "
                "complicates it: the China-Russia eastern boundary was only settled in 2004 (discrepancy "
                "border_settled), the South China Sea disputes remained open and the Paper reports only "
                "consultations on a code of conduct, the 2002 Declaration was not a binding code, the SCO's fight "
                "against separatism and extremism can be read as protecting governments as much as states, "
                "non-interference clashes with the human-security and intervention debate, and the Berlin paper "
                "reports outside powers' concern about China's later Asian security proposals; (4) separates "
                "claims from facts and names sources (Position Paper, article, web page, lecture, dataset, or a "
                "cited outside source); (5) reaches a reasoned, qualified conclusion rather than endorsing or "
                "dismissing the concept. Full marks need evidence both ways and correct attribution."),
    ),
]
