"""Exercises of notebook 06, Preventive diplomacy."""

from ..data import load_dataset
from ..models import escalation
from . import Exercise


# A model answer for the open question: shown to instructors in the solutions edition.
MODEL_ANSWER = (
    "The lecture argues that two habits of thought common in Eastern cultures suit preventive diplomacy. "
    "Holistic thinking sees a dispute as part of a whole relationship of security, economy and society, so "
    "it looks for causes before they erupt. Dialectic thinking, pictured by the Taiji symbol of yin and yang, "
    "sees opposites turning into each other, so a small tension is the seed of a larger conflict and is best "
    "handled early, when prevention is cheap, as the escalation model of this notebook illustrates. The "
    "argument helps explain why the lecture links preventive diplomacy to community building. But it should "
    "be weighed. The definition the lecture uses comes from a UN Secretary-General, and its proverb about an "
    "ounce of prevention is English, so the idea of prevention is not only Eastern. A cultural disposition is "
    "not evidence of practice: whether states prevent conflict depends on their interests and institutions. "
    "And the argument supports the case for an Asian security concept, so it is a position of the lecture, "
    "not an established fact."
)

NB = "06_preventive_diplomacy"

OBJECTIVES = (
    "Define preventive diplomacy as the lecture and An Agenda for Peace do, and tell early from late prevention",
    "Place preventive diplomacy among the four types of diplomacy and name its features, elements and six functions",
    "Trace how preventive diplomacy developed from the UN's 1992 proposal to regional practice",
    "Match the tools of conflict prevention, management and resolution to the way of handling escalating conflict "
    "they serve",
    "Use a teaching model of escalation to explain why early action costs less, and state its assumptions",
    "Present the lecture's Eastern reading of preventive diplomacy and weigh it",
)

#: The type of diplomacy the lecture sets preventive diplomacy among: relation rows of the slide below.
_TYPES_LOCATOR = "The Nature of Preventive Diplomacy"
TYPE_OPTIONS = ("Conventional diplomacy", "Wartime diplomacy", "Development diplomacy", "Coercive diplomacy")

#: Events of the development of preventive diplomacy, with the short names the order exercise shows.
DEVELOPMENT = {  # in no particular order: the solution sorts them by the dates in events.csv
    "arf_pd_paper_2001": "ARF Concept and Principles of Preventive Diplomacy",
    "helsinki_document_1992": "CSCE High Commissioner on National Minorities",
    "agenda_for_peace_1992": "An Agenda for Peace",
    "arf_concept_paper_1995": "ARF concept paper: a staged approach",
    "charter_of_paris_1990": "CSCE Conflict Prevention Centre (Charter of Paris)",
}

FUNCTIONS = (
    "Suppress violence and prevent mass violence",
    "Reduce or eliminate weapons that could be used for violence",
    "Urge the parties to talk and negotiate",
    "Set up and strengthen procedures and bodies that make negotiation regular",
    "Reduce the social and economic conditions that lead directly to conflict",
    "Reduce the chance of misperception",
)
NOT_FUNCTIONS = (
    "Build a military alliance against the likely aggressor",
    "Deploy peacekeepers after a ceasefire",
    "Win the war quickly once fighting starts",
)

WAY_OPTIONS = ("prevention", "management", "resolution")


def _not_a_type() -> str:
    """The option that is not one of the lecture's four types (the types come from relations.csv)."""
    tables = load_dataset()
    rel, concepts = tables["relations"], tables["concepts"]
    ids = set(rel.loc[(rel["from_id"] == "preventive_diplomacy") & (rel["relation"] == "contrasts_with")
                      & (rel["locator"] == _TYPES_LOCATOR), "to_id"])
    names = set(concepts.loc[concepts["concept_id"].isin(ids), "name_en"])
    (odd,) = [o for o in TYPE_OPTIONS if o not in names]
    return odd


def _development_order() -> list[str]:
    events = load_dataset()["events"]
    picked = events[events["event_id"].isin(list(DEVELOPMENT))].sort_values(["date_start", "event_id"])
    return [DEVELOPMENT[i] for i in picked["event_id"]]


def _war_over_late_prevention() -> float:
    war = next(p for p in escalation.LADDER_PHASES if p.id == "war")
    late = next(p for p in escalation.LADDER_PHASES if p.id == "late_prevention")
    return round(escalation.ladder_cost_ratio(war.lower, late.lower, escalation.LADDER_RATIO), 6)


EXERCISES = [
    Exercise(
        id="nb06.four_types", level="recall", notebook=NB, title="The odd one out", kind="choice",
        prompt="Which of these is NOT one of the four types of diplomacy the lecture distinguishes?",
        options=TYPE_OPTIONS, solution=_not_a_type,
        hints=("Re-read the list of four types at the start of section 2: preventive diplomacy is one of them.",
               "Three options stand in the grid above beside preventive diplomacy; the fourth comes back in "
               "section 5, as a tool for a crisis that has already broken out."),
        objective=OBJECTIVES[1], minutes=2,
        explanation="Coercive diplomacy appears later in the lecture, as a tool of crisis and conflict management.",
    ),
    Exercise(
        id="nb06.six_functions", level="recall", notebook=NB, title="The six functions", kind="multi",
        prompt="Which of these are among the six functions the lecture gives preventive diplomacy?",
        options=FUNCTIONS[:3] + NOT_FUNCTIONS[:1] + FUNCTIONS[3:5] + NOT_FUNCTIONS[1:] + FUNCTIONS[5:],
        solution=list(FUNCTIONS),
        hints=("There are six to find; each is something done before or to stop mass violence.",
               "Leave out what belongs to wartime or to traditional security, and what comes only after the "
               "fighting has stopped.",
               "Test each option with the word prevent: does it act before mass violence, or only once a war "
               "has begun or ended?"),
        objective=OBJECTIVES[1], minutes=4,
        explanation="The sixth, reducing misperception, links preventive diplomacy with the security dilemma.",
    ),
    Exercise(
        id="nb06.development_order", level="recall", notebook=NB, title="How preventive diplomacy spread", kind="order",
        prompt="Put these steps in the development of preventive diplomacy in the order they happened, earliest first.",
        options=tuple(DEVELOPMENT.values()), solution=_development_order,
        hints=("The UN Secretary-General's report is dated 17 June 1992.",
               "Not every regional step came after the global one: look at what Europe did in 1990.",
               "The timeline below the exercise shows each date; the two CSCE steps of 1990 and 1992 bracket the UN report."),
        objective=OBJECTIVES[2], minutes=4,
        explanation="The lecture's order, global then regional, is an order of ideas: in Europe the CSCE "
                    "had set up a Conflict Prevention Centre before the UN report.",
    ),
    Exercise(
        id="nb06.tools_to_ways", level="recall", notebook=NB, title="Tools to ways", kind="match",
        prompt="Match each tool to the way of handling an escalating conflict the lecture's slide "
               "Ways to Prevent the Escalating Conflicts names it under: 'prevention', 'management' or 'resolution'.",
        options=WAY_OPTIONS, solution=escalation.ways_slide_key,
        hints=("Prevention acts before a crisis breaks out, management contains one that has, resolution settles "
               "the dispute for good.",
               "Two tools settle a dispute for good; three contain a crisis that has broken out, one of them backed "
               "by the threat of force.",
               "Mediation is the tricky one: this slide and the slide on elements place it differently, and the "
               "exercise follows this slide (see the table below the exercise)."),
        objective=OBJECTIVES[3], minutes=5,
        explanation="Note that mediation also serves prevention (the slide on elements lists it among the means "
                    "of preventive diplomacy): a tool can serve more than one way.",
    ),
    Exercise(
        id="nb06.ounce_of_prevention", level="recall", notebook=NB, title="An ounce of prevention", kind="numeric",
        prompt="In the escalation model with its default ratio of 16, how many times does acting at the first rung "
               "of war (intensity 7.5) cost what acting at the first rung of late prevention (intensity 2.5) costs?",
        solution=_war_over_late_prevention, tolerance=0.05,
        hints=("Read the cost at 2.5 and at 7.5 from the table of phases (or the chart), then divide.",
               "C(x) = 16 ** (x / 10); the ratio is 16 ** ((7.5 - 2.5) / 10).",
               "16 ** 0.5 is the square root of 16."),
        objective=OBJECTIVES[4], minutes=4,
        explanation="Waiting from late prevention to war multiplies the cost by 4 in this model; the numbers are "
                    "illustrative, but the shape is the lecture's proverb.",
    ),
    Exercise(
        id="nb06.eastern_view", level="evaluate", notebook=NB, title="Weighing the Eastern view", kind="open",
        prompt="The lecture argues that holistic and dialectic thinking, pictured by the Taiji symbol, gives "
               "preventive diplomacy a home in Eastern cultures. Explain the argument in your own words, then weigh it.",
        solution=MODEL_ANSWER, hints=(), min_words=80, points=3,
        rubric="A good answer (1) restates the argument and attributes it to the lecture: holistic thinking sees a "
               "dispute within the whole relationship (security, economy, society), dialectic thinking sees "
               "opposites turning into each other, so a small tension is the seed of conflict and is best handled "
               "early; (2) links it to at least one element of the notebook (early and late prevention, the six "
               "functions, the escalation model or the slide on preventive diplomacy for a security community); "
               "(3) weighs it: for example that the definition the lecture uses comes from a UN Secretary-General "
               "and its proverbs are English, so prevention is not only Eastern; that a cultural disposition is "
               "not evidence of practice; or that the argument supports China's case for an Asian security "
               "concept and should be read as a position; (4) separates the lecture's claim from established fact.",
        objective=OBJECTIVES[5], minutes=8,
    ),
]
