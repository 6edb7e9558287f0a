"""Exercises of notebook 01, What is security."""

from ..data import load_dataset
from . import Exercise


# A model answer for the open question: shown to instructors in the solutions edition.
MODEL_ANSWER = (
    "The course codes infectious disease as a natural disaster at the global level. I would keep the "
    "global level but argue that its dimension depends on how it spreads: an epidemic that grows through "
    "illegal wildlife trade or hidden outbreak data has a man-made side, so it sits between the lecture's "
    "natural-disaster and man-made-crime dimensions. The lecture's model explains why states see the same "
    "objective threat differently. A government that perceives an epidemic as something coming from "
    "outside, carried by foreigners, forms a concept of border security and chooses closed borders and "
    "travel bans. A government that perceives it as a shared, trans-state risk forms a cooperative concept "
    "and chooses data sharing, joint research and aid. The objective threat is the same; the perception, "
    "and so the policy, differs. The three dimensions are the lecture's, the list of threats comes from the "
    "article, and the coding is the course's own judgement."
)

NB = "01_what_is_security"

O_DEFINE = "Define security and tell its objective side from its subjective side"
O_CHAIN = "Explain how security perception shapes a security concept, a doctrine and a policy"
O_LEVELS = "Name the five levels of security and place a threat at one of them"
O_DIMENSIONS = "Sort security issues into the lecture's three dimensions"

#: The scenarios of exercise nb01.two_aspects: letter -> (real threat?, threat felt?). The
#: notebook states them in words; the quadrant names are those of the chart.
_SCENARIOS = {"A": (True, True), "B": (False, True), "C": (True, False), "D": (False, False)}


def _two_aspects() -> dict:
    from ..charts.foundations import QUADRANTS

    by_sides = {(o, f): key for key, (o, f, _head, _text) in QUADRANTS.items()}
    return {letter: by_sides[sides] for letter, sides in _SCENARIOS.items()}


def _formation_chain() -> list:
    from ..charts.foundations import formation_chain

    chain = formation_chain(load_dataset()["relations"])
    return [c.removeprefix("security_") for c in chain] + ["policy"]


def _nontraditional_dimensions() -> list:
    threats = load_dataset()["threats"]
    non = threats[~threats["traditional"].astype(bool)]["dimension"]
    trad = set(threats[threats["traditional"].astype(bool)]["dimension"])
    return [d for d in dict.fromkeys(non) if d not in trad]


def _crime_count() -> int:
    threats = load_dataset()["threats"]
    return int((threats["dimension"] == "man-made crime").sum())


def _drug_smuggling_level() -> str:
    threats = load_dataset()["threats"].set_index("threat_id")
    return str(threats.loc["drug_smuggling", "level"])


EXERCISES = [
    Exercise(
        id="nb01.two_aspects", level="apply", notebook=NB, title="Objective and subjective security", kind="match",
        prompt=("Match each scenario A-D to the box of the two-aspects chart that fits it: 'secure', "
                "'complacent', 'anxious' or 'threatened'."),
        solution=_two_aspects,
        hints=("For each scenario ask two questions: is there a real danger (objective side)? Is a danger felt "
               "(subjective side)?",
               "Only one scenario has neither a real danger nor fear; only one has a real danger nobody sees.",
               "Read the chart: the objective side runs across, the subjective side runs up."),
        objective=O_DEFINE, minutes=4, points=2,
        explanation=("Security has an objective side (the threats that exist) and a subjective side (the threats "
                     "felt); policy follows what is perceived, which is why perception matters."),
    ),
    Exercise(
        id="nb01.formation_chain", level="recall", notebook=NB, title="From perception to policy", kind="order",
        prompt=("Put the steps of the lecture's model in order, from first to last: 'perception', 'concept', "
                "'doctrine', 'policy'."),
        options=("doctrine", "perception", "policy", "concept"), solution=_formation_chain,
        hints=("Which step needs no other step before it? The lecture says the concept rests on something.",
               "The lecture defines the security concept as principles and views based on one of the other "
               "steps, and the doctrine as what a government uses to make another.",
               "Read the model chart from left to right."),
        objective=O_CHAIN, minutes=3,
        explanation=("Perception comes first; the concept rests on it; the doctrine turns the concept into "
                     "guidance for government; policy is what results."),
    ),
    Exercise(
        id="nb01.nontraditional_dimensions", level="recall", notebook=NB, title="Which dimensions are non-traditional?",
        kind="multi",
        prompt=("Which of the lecture's three dimensions of security issues does it mark as non-traditional "
                "security? Give a list of 'war and peace', 'man-made crime', 'natural disaster'."),
        options=("war and peace", "man-made crime", "natural disaster"), solution=_nontraditional_dimensions,
        hints=("Look at the words in brackets on the lecture's slide, quoted in section 5.",
               "Traditional security is about relations between states, above all war; which dimensions are "
               "not about that?",
               "The labels under the columns of the chart by dimension say it too."),
        objective=O_DIMENSIONS, minutes=2,
    ),
    Exercise(
        id="nb01.crime_count", level="recall", notebook=NB, title="Counting man-made crimes", kind="numeric",
        prompt="How many threats of data/threats.csv does the course file under the dimension 'man-made crime'?",
        solution=_crime_count, tolerance=0,
        hints=("Count the cards in the middle column of the chart by dimension, or use pandas.",
               "(threats['dimension'] == 'man-made crime').sum() counts them."),
        objective=O_DIMENSIONS, minutes=2,
    ),
    Exercise(
        id="nb01.drug_smuggling_level", level="recall", notebook=NB, title="The level of drug smuggling", kind="choice",
        prompt=("Drug smuggling is run by criminal networks that move drugs from one country through others. "
                "At which of the lecture's five levels does it mainly play out? Choose one of 'national', "
                "'regional', 'international', 'trans-state', 'global'."),
        options=("national", "regional", "international", "trans-state", "global"),
        solution=_drug_smuggling_level,
        hints=("Who carries the threat: states, or groups that are not states?",
               "International security is about relations among states; which level is about threats that "
               "cross borders without being carried by states?",
               "Look at the Chinese of the levels: 跨 means to cross over."),
        objective=O_LEVELS, minutes=2,
    ),
    Exercise(
        id="nb01.perception_reflection", level="evaluate", notebook=NB, title="Where would you put it?", kind="open",
        prompt=("Pick one threat whose place in the course's coding you would argue about (for example the "
                "North-South gap, environmental pollution or infectious diseases). Say where you would put it "
                "(dimension and level) and why, and how a country's security perception could lead it to see "
                "the same threat differently, and so choose a different policy."),
        solution=MODEL_ANSWER, hints=(),
        rubric=("A good answer (1) names a threat and the course's coding of it (dimension and level); "
                "(2) argues for another dimension or level with reasons tied to the definitions (is force "
                "between states involved? is it a crime, done by whom? does the harm come through nature? "
                "where does it play out?); (3) uses the lecture's model: a different perception of the same "
                "objective threat leads to a different concept and policy (for example pollution seen as a "
                "neighbour's doing becomes an interstate dispute; disease seen as a border problem leads to "
                "closing borders rather than cooperating); (4) attributes positions: the dimensions are the "
                "lecture's, the threat lists the article's and the Position Paper's, the sorting the course's. "
                "Award full marks for a clear argument whichever place it defends."),
        min_words=60, objective=O_CHAIN, minutes=8, points=3,
    ),
]
