"""Exercises of notebook 01, What is security."""

from ..data import load_dataset, load_table
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

#: The values of threats.csv's ``dimension`` and ``level`` columns, in the order of the schema
#: (``datapackage.json``); tests/test_nb01.py checks that they still are.
DIMENSIONS = ("war and peace", "man-made crime", "natural disaster")
LEVELS = ("national", "regional", "international", "trans-state", "global", "multiple")

#: The scenarios of exercise nb01.two_aspects: letter -> (real threat?, threat felt?). The
#: notebook states them in words; the quadrant names are those of the chart.
_SCENARIOS = {"A": (True, True), "B": (False, True), "C": (True, False), "D": (False, False)}

#: The two states of exercise nb01.perception_predict: name -> (real threat, threat felt), on the
#: explorer's scale of 1 to 10.
PREDICT_STATES = {"X": (6, 10), "Y": (2, 5)}

#: The steps of the piracy case of exercise nb01.formation_chain: step of the lecture's model -> letter.
_CHAIN_CASE = {"perception": "B", "concept": "D", "doctrine": "C", "policy": "A"}

#: The new cases of exercises nb01.new_cases_dimension and nb01.new_cases_level: letter -> the
#: threat of threats.csv the case is an instance of. The answer is the course's coding of that
#: threat, so the two exercises follow the dataset (and a class that edits it).
NEW_CASES = {"A": "internet_threats", "B": "infectious_disease", "C": "natural_disasters",
             "D": "territorial_disputes", "E": "arms_race"}
#: The cases placed at a level (the flood and the border clash have no level that the
#: definitions settle, so they are left out).
LEVEL_CASES = ("A", "B", "E")

#: The classmate's summary of exercise nb01.wrong_claims: sentence -> is it right?
CLAIMS = {
    "The lecture gives security two aspects: objective in reality and subjective in mind.": True,
    "In the lecture's model, a nation's perception of its security grows out of its doctrine.": False,
    "The lecture marks war and peace as traditional, crimes and disasters as non-traditional.": True,
    "The lecture files international terrorism under man-made crimes, at the trans-state level.": False,
    "The explanatory article counts the North-South gap among threats in the traditional sense.": True,
    "Wherever it lists levels of security, the lecture uses the same five levels.": False,
}


def _threats():
    return load_table("threats").set_index("threat_id")


def _two_aspects() -> dict:
    from ..charts.foundations import QUADRANTS

    by_sides = {(o, f): key for key, (o, f, _head, _text) in QUADRANTS.items()}
    return {letter: by_sides[sides] for letter, sides in _SCENARIOS.items()}


def _predict_sentence(box_x: str, box_y: str, more: str) -> str:
    return f"X is {box_x}, Y is {box_y}; {more} misperceives more"


#: The options of nb01.perception_predict (the reference is computed from the model and must be one of them).
PREDICT_OPTIONS = (
    _predict_sentence("anxious", "secure", "Y"),
    _predict_sentence("threatened", "anxious", "X"),
    _predict_sentence("threatened", "secure", "X"),
    _predict_sentence("threatened", "secure", "Y"),
)


def _perception_predict() -> str:
    """What the explorer shows for the states X and Y: their boxes (:func:`aspect_of`) and which one
    sits further from the diagonal (the gap between the felt and the real threat)."""
    from ..charts.foundations import aspect_of

    (ox, fx), (oy, fy) = PREDICT_STATES["X"], PREDICT_STATES["Y"]
    more = "X" if abs(fx - ox) > abs(fy - oy) else "Y"
    return _predict_sentence(aspect_of(ox, fx), aspect_of(oy, fy), more)


def _formation_chain() -> list:
    from ..charts.foundations import formation_chain

    chain = formation_chain(load_dataset()["relations"])
    steps = [c.removeprefix("security_") for c in chain] + ["policy"]
    return [_CHAIN_CASE[s] for s in steps]


def _threat_labels() -> dict:
    return {str(i): f"{r.name_en}  {r.name_zh}" for i, r in _threats().iterrows()}


def _coding(column: str) -> dict:
    return {str(i): str(v) for i, v in _threats()[column].items()}


def _new_cases(column: str, letters=tuple(NEW_CASES)) -> dict:
    coding = _threats()[column]
    return {letter: str(coding[NEW_CASES[letter]]) for letter in letters}


def _article_nontraditional() -> int:
    threats = _threats()
    mine = threats[threats["source_id"] == "outlook"]
    return int((~mine["traditional"].astype(bool)).sum())


def _wrong_claims() -> list:
    return [claim for claim, right in CLAIMS.items() if not right]


EXERCISES = [
    Exercise(
        id="nb01.two_aspects", level="apply", notebook=NB, title="Objective and subjective security", kind="match",
        prompt=("Match each scenario A-D to the box of the two-aspects chart that fits it: 'secure', "
                "'complacent', 'anxious' or 'threatened'."),
        options=("secure", "complacent", "anxious", "threatened"), solution=_two_aspects,
        labels={"A": "A. Troops massed on the border", "B": "B. Missiles bought after rumours",
                "C": "C. A disease next door", "D": "D. Settled border, close trade"},
        hints=("For each scenario ask two questions: is there a real danger (objective side)? Is a danger felt "
               "(subjective side)?",
               "Only one scenario has neither a real danger nor fear; only one has a real danger nobody sees.",
               "Read the chart: the objective side runs across, the subjective side runs up."),
        objective=O_DEFINE, minutes=4, points=2,
        explanation=("Each box combines the objective side (is there a real danger?) with the subjective side (is "
                     "one felt?). A and D are perceived as they are (threatened, secure); B fears a danger that "
                     "does not exist (anxious); C overlooks one that does (complacent). Policy follows what is "
                     "felt, which is why B arms needlessly and C prepares nothing."),
    ),
    Exercise(
        id="nb01.perception_predict", level="analyse", notebook=NB, title="Predict the explorer", kind="choice",
        prompt=("State X faces a real threat of 6 and feels a threat of 10; state Y faces a real threat of 2 and "
                "feels a threat of 5 (scale 1 to 10). In which box of the two-aspects chart does each sit, and "
                "which misperceives more? Predict, then check with the explorer."),
        options=PREDICT_OPTIONS, solution=_perception_predict,
        hints=("The boxes split the scale in halves: a value counts as high only above the middle of 1 to 10, "
               "that is from 6 up.",
               "Misperception is the distance from the dashed diagonal: the gap between the threat felt and the "
               "real threat, which the explorer prints in its title.",
               "Set the sliders to 6 and 10, read the box and the gap; then to 2 and 5."),
        objective=O_DEFINE, minutes=4, points=2,
        explanation=("X (6, 10) has both values in the upper half, so it sits in the threatened box, yet it feels "
                     "the threat 4 points greater than it is. Y (2, 5) has both in the lower half, so it sits in "
                     "the secure box with a gap of 3. The box tells whether each side is high or low; the "
                     "distance from the diagonal tells how far perception is from reality, and a state can "
                     "misperceive in any box."),
    ),
    Exercise(
        id="nb01.formation_chain", level="apply", notebook=NB, title="From perception to policy", kind="order",
        prompt=("Put the four steps A-D of the piracy case in the order of the lecture's model, from first to "
                "last."),
        options=("A", "B", "C", "D"), solution=_formation_chain,
        labels={"A": "A. Joint escorts at sea", "B": "B. Reports of hijacked tankers",
                "C": "C. A maritime security strategy", "D": "D. Safe only if kept safe together"},
        hints=("First decide which step of the model each sentence is: perception, concept, doctrine or policy.",
               "Perception is awareness of an issue; a concept is a principle or view resting on it; a doctrine "
               "is what a government uses to make policy; policy is what is done.",
               "The model runs perception → concept → doctrine → policy: read the chart of section 4."),
        objective=O_CHAIN, minutes=4, points=2,
        explanation=("B is perception (the leaders become aware of a danger); D is a concept (a basic view resting "
                     "on that perception); C is a doctrine (the government's guidance for making policy); A is "
                     "policy (what is actually done). The tempting slip is to put the strategy (C) before the "
                     "view (D): in the lecture's model the doctrine turns a concept into guidance, so the concept "
                     "comes first."),
    ),
    Exercise(
        id="nb01.sort_dimension", level="apply", notebook=NB, title="Sort the threats by dimension", kind="match",
        prompt=("Place each threat of data/threats.csv in one of the lecture's three dimensions of security "
                "issues: 'war and peace', 'man-made crime' or 'natural disaster'."),
        options=DIMENSIONS, solution=lambda: _coding("dimension"), labels=_threat_labels,
        hints=("For each threat ask: does it arise between states (the traditional dimension)? Is it done on "
               "purpose by people who break the law, often groups rather than states? Or does the harm come "
               "through nature or the environment?",
               "The explanatory article names three threats 'in the traditional sense'; the course files those "
               "with the traditional dimension, even the one that is not a war.",
               "Hard cases: the course files pollution and serious infectious diseases in the dimension that "
               "deals with nature and the environment, since neither is a crime or a war."),
        objective=O_DIMENSIONS, minutes=6, points=3,
        explanation=("The answer key is the course's coding, the dimension column of data/threats.csv: the lecture "
                     "names the three dimensions but sorts no threats. War and peace holds what arises between "
                     "states, plus the North-South gap, which the article counts among traditional threats; "
                     "man-made crime holds what groups do on purpose across or inside borders; natural disaster "
                     "holds harm that comes through nature, including pollution and epidemics, which are not "
                     "crimes. The note column gives the reason for each hard case."),
    ),
    Exercise(
        id="nb01.new_cases_dimension", level="apply", notebook=NB, title="Five new cases, three dimensions",
        kind="match",
        prompt=("Place each new case A-E in one of the lecture's three dimensions, as the course's coding would: "
                "'war and peace', 'man-made crime' or 'natural disaster'."),
        options=DIMENSIONS, solution=lambda: _new_cases("dimension"),
        labels={"A": "A. A bank's network broken into", "B": "B. A new flu spreads",
                "C": "C. A river floods two provinces", "D": "D. Shots across a disputed border",
                "E": "E. Two powers build more missiles"},
        hints=("For each case find the threat of data/threats.csv it is an instance of: which one is about "
               "computers, which about disease, which about borders?",
               "Who causes the harm? States against states, people breaking the law, or nature?",
               "An epidemic is neither a war nor a crime: look at where the course files serious infectious "
               "diseases."),
        objective=O_DIMENSIONS, minutes=4, points=2,
        explanation=("Each case is an instance of a threat in the dataset, and takes its coding: A of threats to "
                     "internet and information security (man-made crime: a gang breaking the law); B of serious "
                     "infectious diseases and C of natural disasters (natural disaster: harm through nature); D "
                     "of territorial and border disputes and E of the arms race (war and peace: states against "
                     "states). B is the tempting one: people spread a flu, but nobody commits a crime, so the "
                     "course files it with disasters."),
    ),
    Exercise(
        id="nb01.article_nontraditional", level="apply", notebook=NB, title="The article's threats in the coding",
        kind="numeric",
        prompt=("How many of the threats that the course takes from the explanatory article (source_id 'outlook') "
                "does it code as non-traditional (traditional is False)?"),
        solution=_article_nontraditional, tolerance=0,
        hints=("Two conditions on two columns: source_id is 'outlook' and traditional is False.",
               "threats[threats['source_id'] == 'outlook'] keeps the article's threats; then count the rows "
               "whose traditional column is False.",
               "(~threats[threats['source_id'] == 'outlook']['traditional']).sum() counts them."),
        objective=O_DIMENSIONS, minutes=4, points=1,
        explanation=("The article lists ten of the dataset's threats. It names three of them threats 'in the "
                     "traditional sense' (local wars and conflicts, regional hotspot issues, the North-South gap) "
                     "and the course codes exactly those three as traditional, so seven are non-traditional. The "
                     "other threats come from the Position Paper, the Berlin paper and the lecture."),
    ),
    Exercise(
        id="nb01.sort_level", level="apply", notebook=NB, title="Sort the threats by level", kind="match",
        prompt=("Place each threat of data/threats.csv at the level where it mainly plays out: 'national', "
                "'regional', 'international', 'trans-state', 'global', or 'multiple' for the one threat with no "
                "single level."),
        options=LEVELS, solution=lambda: _coding("level"), labels=_threat_labels,
        hints=("For each threat ask where it plays out: in one country, among neighbours in one region, between "
               "states in general, across borders through groups that are not states, or everywhere at once?",
               "Crimes carried across borders by networks belong to the level named with 跨, to cross over; wars "
               "and disputes between neighbours belong to a region.",
               "Four threats reach the whole world whatever the borders, among them the spread of weapons and "
               "the gap between rich and poor countries; the one threat with no single level can strike "
               "anywhere, from one province to the whole planet."),
        objective=O_LEVELS, minutes=6, points=3,
        explanation=("The answer key is the course's coding, the level column of data/threats.csv; the lecture "
                     "names the five levels but places no threats. Most crimes are trans-state because networks, "
                     "not governments, carry them across borders; ethnic separatism is national because it "
                     "threatens one country's territory; wars and disputes between neighbours are regional; the "
                     "arms race is international, among states in general; proliferation, the North-South gap, "
                     "pollution and disease are global; natural disasters have no single level."),
    ),
    Exercise(
        id="nb01.new_cases_level", level="apply", notebook=NB, title="Three new cases, five levels", kind="match",
        prompt=("Place the cases A, B and E of the dimension exercise at the level where each mainly plays out, "
                "as the course's coding would."),
        options=LEVELS, solution=lambda: _new_cases("level", LEVEL_CASES),
        labels={"A": "A. A bank's network broken into", "B": "B. A new flu spreads",
                "E": "E. Two powers build more missiles"},
        hints=("Who carries each threat: a state, a group that is not a state, or no one in particular?",
               "A gang that crosses borders is not a state; a flu that reaches dozens of countries knows no "
               "borders; two powers on different continents are not neighbours in one region.",
               "Match each case to the threat it is an instance of, and look up that threat's level in the chart "
               "of the course's coding."),
        objective=O_LEVELS, minutes=3, points=2,
        explanation=("A is trans-state: a criminal network, not a government, carries it across three borders "
                     "(like threats to internet security in the dataset). B is global: an epidemic reaching dozens "
                     "of countries threatens the world whatever the borders (like serious infectious diseases). E "
                     "is international: two states far apart, in the relations among states in general (like the "
                     "arms race). A is not 'international' although it crosses borders: that level is about "
                     "states dealing with states."),
    ),
    Exercise(
        id="nb01.wrong_claims", level="analyse", notebook=NB, title="Check a classmate's summary", kind="multi",
        prompt="Which sentences of the classmate's summary are wrong? Pick every wrong one.",
        options=tuple(CLAIMS), solution=_wrong_claims,
        hints=("Check each sentence against what the notebook attributes to whom: the lecture, the article, or "
               "the course.",
               "Three sentences are wrong. One gets the model's order backwards; one gives the lecture a coding "
               "that is the course's.",
               "Section 2 shows the lecture listing levels in a second place: are they the same five?"),
        objective=O_DIMENSIONS, minutes=4, points=2,
        explanation=("Wrong: in the model perception comes first and the doctrine later, not the other way round; "
                     "the lecture's slide lists the three dimensions but no threats, so placing terrorism is the "
                     "course's coding; and the slide on comprehensive security lists four levels (international, "
                     "regional, national, domestic), not the five. The other three sentences are what the lecture "
                     "and the article say."),
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
