"""Exercises of notebook 03, Non-traditional security."""

from ..data import load_dataset
from . import Exercise, option_key

NB = "03_non_traditional_security"

OBJECTIVES = (
    "Explain what the lecture means by non-traditional security: globalization, interdependence, "
    "transnational and non-state threats, diverse dimensions",
    "Describe comprehensive security, its Asian origins and its horizontal and vertical meanings",
    "Explain cooperative security, its means, and how it differs from security cooperation",
    "Trace human security from the Commission on Global Governance and the UNDP's 1994 report, and place the "
    "other non-traditional concepts",
    "Use a teaching model of the iterated prisoner's dilemma to reason about when cooperation and trust survive",
)

# new_threats: threat names as the threats table gives them (name_en); which are non-traditional is read
# from the table.
THREAT_OPTIONS = ("Local wars and conflicts", "International terrorism", "North-South gap",
                  "Serious infectious diseases", "Regional hotspot issues", "Environmental pollution",
                  "Drug smuggling")

# threats_replaced: the judgements offered; the best-supported one is the second.
REPLACED_OPTIONS = (
    "Supported: the article lists only new threats as the major ones after the Cold War",
    "Not supported: the sources add the new threats to the old ones; they do not replace them",
    "Supported: the threats table has more non-traditional rows than traditional ones",
    "Cannot be judged: the sources name no particular threats",
)

# horizontal_vertical: sentences of an imagined national security strategy, and the meaning of
# comprehensive security each one widens (the lecture's slide "Implication of Comprehensive Security").
HV_STATEMENTS = {
    "Our security now depends on a stable food and energy supply and a sound economy, not on our armed forces "
    "alone.": "horizontal",
    "Disputes inside our own provinces, not only disputes with other states, can threaten our security.": "vertical",
    "Protecting our languages, heritage and way of life is part of our security.": "horizontal",
    "Security concerns arise at every level: in our own provinces, for the nation, in our region and in the "
    "world.": "vertical",
    "We will work on security with our neighbours in a regional forum as well as at the United Nations.": "vertical",
}

# which_concept: new vignettes, each written to show the marks of one concept as the lecture (and, for
# security cooperation, the course's reading recorded in the concepts table) describes it.
CONCEPT_OPTIONS = ("common security", "comprehensive security", "cooperative security", "human security",
                   "security cooperation")
VIGNETTES = {  # letter: (vignette, the concept it shows)
    "A": ("Smoke from land fires in one country of a region blankets its neighbours every dry season. All the "
          "region's states, two of them long at odds over a border, agree to share fire warnings, help each other "
          "fight the fires, set up a coordinating centre and meet every year to review the work.",
          "cooperative security"),
    "B": ("Two neighbouring states that both fear a third sign a defence pact, hold joint exercises and share "
          "intelligence about the third state, which is not invited.", "security cooperation"),
    "C": ("After a financial crisis and two poor harvests, a government's new strategy says the country is secure "
          "only if its economy, food and energy supplies and social peace are, as well as its borders; ministries "
          "of finance, agriculture and defence are to work on it together.", "comprehensive security"),
    "D": ("Two rival powers, each able to destroy the other with nuclear weapons, agree that neither can be safe "
          "unless both are: they cap their missiles and tell each other in advance of large military exercises.",
          "common security"),
    "E": ("A UN development programme in a country hosting many refugees keeps clinics open, hands out food and "
          "helps families earn a living; its reports count people kept from hunger and disease, not soldiers.",
          "human security"),
}
# What the form shows beside each vignette's drop-down (the notebook prints the vignettes in full).
VIGNETTE_LABELS = {"A": "A. smoke from land fires across a region",
                   "B": "B. a defence pact against a third state",
                   "C": "C. crisis, poor harvests and a new national strategy",
                   "D": "D. two nuclear rivals cap their missiles",
                   "E": "E. a UN programme for refugees"}

# human_security_order: the label shown for each event of the events table.
ORDER_EVENTS = {
    "Commission on Global Governance: Our Global Neighbourhood": "cgg_report_1995",
    "UN Millennium Declaration": "millennium_declaration_2000",
    "Palme Commission: Common Security": "palme_report_1982",
    "UNDP Human Development Report on human security": "hdr_1994",
}

# wrong_claims: a passage; each sentence with a function of the dataset that is True if the dataset
# shows the sentence to be wrong (None: nothing in the dataset refutes it).
def _disputed(discrepancy_id: str) -> bool:
    return discrepancy_id in set(load_dataset()["discrepancies"]["discrepancy_id"])


def _comprehensive_not_regional() -> bool:
    rel = load_dataset()["relations"]
    row = rel[(rel["from_id"] == "comprehensive_security") & (rel["relation"] == "orientation_of")]
    return len(row) == 1 and "national" in row["note"].iloc[0].lower()


PASSAGE = {  # short name (the form's option, in the passage's order): (sentence, refuted by the dataset? or None)
    "Asian origins": (
        "The lecture traces comprehensive security to Asian perceptions of security, Japan's and the ASEAN "
        "countries'.", None),
    "the framework's orientation": (
        "In the lecture's framework of China's security concepts, comprehensive security is the regional "
        "orientation of security concerns.", _comprehensive_not_regional),
    "inclusiveness": (
        "Cooperative security, in the lecture, brings rivals as well as friends into dialogue on many security "
        "topics.", None),
    "the Commission on Global Governance": (
        "In 1991 the UN's own Commission on Global Governance put forward the security of people and of the "
        "planet.", lambda: _disputed("cgg_year") and _disputed("cgg_status")),
    "the UNDP's seven areas": (
        "The UNDP's Human Development Report of 1994 set out human security in seven areas, among them food and "
        "health security.", None),
    "the ARF's stages": (
        "The ASEAN Regional Forum's concept paper of 1995 set out four stages of cooperative security, ending in "
        "a security community.", lambda: _disputed("arf_stage_count")),
}


# The game settings the prisoner's-dilemma exercises ask for.
GAME = {"rounds": 100, "seed": 0, "generosity": 0.1}
# noise_predict: the pairs, as the form shows them, and their model ids; misperception goes from 0 to 0.1.
PREDICT_PAIRS = {
    "tit-for-tat vs tit-for-tat": ("tit_for_tat", "tit_for_tat"),
    "generous tit-for-tat vs generous tit-for-tat": ("generous_tit_for_tat", "generous_tit_for_tat"),
    "grim trigger vs grim trigger": ("grim_trigger", "grim_trigger"),
    "always defect vs tit-for-tat": ("always_defect", "tit_for_tat"),
    "always cooperate vs always cooperate": ("always_cooperate", "always_cooperate"),
}
PREDICT_NOISE = (0.0, 0.1)
TRENDS = ("rises", "falls", "stays the same")

# trust_noise: the pairs of strategies, as written in the question, and their model ids.
NOISE_PAIRS = {
    "tit-for-tat vs tit-for-tat": ("tit_for_tat", "tit_for_tat"),
    "generous tit-for-tat vs generous tit-for-tat": ("generous_tit_for_tat", "generous_tit_for_tat"),
    "grim trigger vs grim trigger": ("grim_trigger", "grim_trigger"),
    "always defect vs tit-for-tat": ("always_defect", "tit_for_tat"),
}
NOISE_SETTINGS = {"rounds": 100, "noise": 0.05, "seed": 0, "generosity": 0.1}

# shadow_rounds and shadow_changes: payoffs (T, R, P, S).
BASE_PAYOFFS = (5, 3, 1, 0)
SHADOW_PAYOFFS = (5, 3, 2, 0)
SHADOW_CHANGES = {
    "raise the reward for mutual cooperation R from 3 to 4": (5, 4, 1, 0),
    "make mutual defection hurt more: P from 1 down to 0.5": (5, 3, 0.5, 0),
    "make being cheated hurt more: S from 0 down to -1": (5, 3, 1, -1),
    "lower the temptation to cheat T from 5 to 4": (4, 3, 1, 0),
    "raise the temptation to cheat T from 5 to 5.5": (5.5, 3, 1, 0),
}


def _new_threats() -> list[str]:
    threats = load_dataset()["threats"]
    beyond = threats[(threats["source_id"] == "outlook") & ~threats["traditional"].astype(bool)]
    return [name for name in beyond["name_en"] if name in THREAT_OPTIONS]


def _differ() -> list[str]:
    from ..query import DIMENSIONS

    concepts = load_dataset()["concepts"].set_index("concept_id")
    a, b = concepts.loc["comprehensive_security"], concepts.loc["cooperative_security"]
    return [d for d in DIMENSIONS if a[d] != b[d]]


def _not_non_military_way_out() -> str:
    """The one way out of the security dilemma (relations table) that the concepts table does not code
    as non-military."""
    tables = load_dataset()
    rel, concepts = tables["relations"], tables["concepts"]
    ways = set(rel.loc[rel["relation"] == "way_out_of", "from_id"])
    found = concepts[concepts["concept_id"].isin(ways) & (concepts["means"] != "non-military")]
    if len(found) != 1:
        raise ValueError(f"expected one way out not coded non-military, found {list(found['concept_id'])}")
    return found["name_en"].iloc[0]


def _chronology() -> list[str]:
    events = load_dataset()["events"].set_index("event_id")
    return sorted(ORDER_EVENTS, key=lambda label: events.loc[ORDER_EVENTS[label], "date_start"])


def _wrong_sentences() -> list[str]:
    return [name for name, (_, refuted) in PASSAGE.items() if refuted is not None and refuted()]


def _trend(pair: tuple[str, str]) -> str:
    from ..models.dilemma import cooperation_rate

    before, after = (cooperation_rate(*pair, noise=n, **GAME) for n in PREDICT_NOISE)
    return "rises" if after > before else "falls" if after < before else "stays the same"


def _noise_trends() -> dict[str, str]:
    return {label: _trend(pair) for label, pair in PREDICT_PAIRS.items()}


def _most_trust() -> str:
    from ..models.dilemma import cooperation_rate

    return max(NOISE_PAIRS, key=lambda label: cooperation_rate(*NOISE_PAIRS[label], **NOISE_SETTINGS))


def _shadow_rounds() -> int:
    from ..models.dilemma import rounds_for_reciprocity

    return rounds_for_reciprocity(SHADOW_PAYOFFS)


def _shorter_shadow() -> list[str]:
    from ..models.dilemma import rounds_for_reciprocity

    now = rounds_for_reciprocity(BASE_PAYOFFS)
    return [label for label, payoffs in SHADOW_CHANGES.items() if rounds_for_reciprocity(payoffs) < now]


EXERCISES = [
    Exercise(
        id="nb03.new_threats", level="recall", notebook=NB, title="Threats beyond the traditional sense", kind="multi",
        prompt=("The explanatory article lists threats to world peace 'in the traditional sense' and threats "
                "beyond them. Which of these does it present as going beyond the traditional sense?"),
        options=THREAT_OPTIONS, solution=_new_threats,
        hints=("Look at the threats table above: its 'traditional' column says how the article files each threat.",
               "Traditional threats are about war between states and the gaps between them; the others cross "
               "borders without an army behind them, or come from nature and disease.",
               "There are several to find; wars, hotspots and a gap between rich and poor are on the other side."),
        objective=OBJECTIVES[0], minutes=2,
        explanation=("Terrorism, disease, pollution and drug smuggling are transnational, often non-state threats: "
                     "no border stops them and no single state can meet them alone. Local wars, hotspots and the "
                     "North-South gap are the ones the article calls traditional."),
    ),
    Exercise(
        id="nb03.threats_replaced", level="evaluate", notebook=NB, title="Did new threats replace the old?",
        kind="choice",
        prompt=("A student writes: 'After the Cold War, the sources say, non-traditional threats replaced the "
                "traditional ones.' Which judgement of this claim does the evidence best support?"),
        options=REPLACED_OPTIONS, solution=REPLACED_OPTIONS[1],
        hints=("Reread how the article words its list: does it say 'instead of' or 'not only ... but also'?",
               "Look at the rows of the threats table whose source is the Position Paper (mfa2002): are they "
               "traditional or not?",
               "Counting rows in a table says how many threats the sources name, not which ones matter more."),
        objective=OBJECTIVES[0], minutes=4, points=2,
        explanation=("The article says the major threats included 'not only' local wars, hotspots and the "
                     "North-South gap 'but also' terrorism, pollution, disease and the rest: an addition, not a "
                     "replacement. The Position Paper of 2002 likewise asks for emphasis on non-traditional areas "
                     "in addition to traditional ones such as preventing foreign invasion. That the table holds "
                     "more non-traditional rows only shows how many threats the sources list."),
    ),
    Exercise(
        id="nb03.horizontal_vertical", level="apply", notebook=NB, title="Wider or deeper?", kind="match",
        prompt=("Here are sentences from an imagined national security strategy. Each widens security in one of "
                "the lecture's two meanings of comprehensive security. Match each sentence to 'horizontal' or "
                "'vertical'."),
        options=("horizontal", "vertical"), solution=dict(HV_STATEMENTS),
        hints=("The horizontal meaning lists sectors: military, political, economic, social, cultural.",
               "The vertical meaning lists levels at which concerns arise: international, regional, national, "
               "domestic.",
               "Ask of each sentence: does it add a kind of concern (a sector), or a place where concerns arise "
               "(a level)?"),
        objective=OBJECTIVES[1], minutes=4, points=2,
        explanation=("Food, energy and the economy, and languages, heritage and way of life, add sectors beyond the "
                     "military (economic, cultural): horizontal. Provinces as well as relations between states, every "
                     "level from the provinces to the world, and a regional forum beside the UN add levels "
                     "(domestic, regional, international): vertical."),
    ),
    Exercise(
        id="nb03.which_concept", level="apply", notebook=NB, title="Which concept is at work?", kind="match",
        prompt=("Match each vignette to the concept whose marks it shows best: common security (notebook 02), "
                "comprehensive security, cooperative security, human security, or security cooperation. "
                + " ".join(f"{k}. {text}" for k, (text, _) in VIGNETTES.items())),
        options=CONCEPT_OPTIONS, solution={k: concept for k, (_, concept) in VIGNETTES.items()},
        hints=("Ask first whose security is at stake: one state's, a region's, two adversaries' together, or "
               "people's.",
               "Then ask who takes part and how: one government widening its agenda, all the region's states "
               "including rivals, two nuclear adversaries limiting arms, or like-minded states against a third.",
               "Each concept fits exactly one vignette; the one that leaves a state out on purpose is not "
               "cooperative security."),
        objective=OBJECTIVES[2], minutes=6, points=3,
        explanation=("A: all the region's states, rivals included, meet and build an institution on a shared "
                     "threat: cooperative security. B: like-minded states cooperate against a third: security "
                     "cooperation, not the inclusive cooperative security. C: one state widens security to the "
                     "economy, food and society and uses many measures: comprehensive security. D: nuclear "
                     "adversaries seek security with each other by arms control and confidence building: common "
                     "security. E: people, their food and health, are the referent: human security."),
        labels=VIGNETTE_LABELS,
    ),
    Exercise(
        id="nb03.compare_dimensions", level="apply", notebook=NB, title="Comprehensive and cooperative security compared",
        kind="multi",
        prompt=("Use the comparator: on which coded dimensions do comprehensive security and cooperative security "
                "differ? Choose from 'referent', 'means', 'logic' and 'level'."),
        options=("referent", "means", "logic", "level"), solution=_differ,
        hints=("Set concept A to Comprehensive security and concept B to Cooperative security in the widget.",
               "Compare the two columns row by row: a dimension counts if the two cells say different things.",
               "They agree on two dimensions and differ on the other two."),
        objective=OBJECTIVES[2], minutes=4,
        explanation=("Both take many referents and are positive-sum, but the lecture's framework makes "
                     "comprehensive security the national orientation, pursued by many measures (military ones "
                     "included), while cooperative security is regional and works by dialogue and institutions. "
                     "Open the fold-out table for the reasons."),
    ),
    Exercise(
        id="nb03.ways_out", level="apply", notebook=NB, title="The one way out that keeps military means",
        kind="text",
        prompt=("The relations table records the lecture's ways out of the security dilemma (relation "
                "'way_out_of'). Join it with the concepts table: which of these ways out is the only one the "
                "dataset does not code as using non-military means? Give its English name."),
        solution=_not_non_military_way_out, accept=("comprehensive_security",),
        hints=("relations = tables['relations']; keep the rows whose relation is 'way_out_of': their from_id "
               "column holds the concepts.",
               "Look those ids up in the concepts table (concepts['concept_id'].isin(...)) and show the means "
               "column.",
               "Five of the six are coded 'non-military'; give the name_en of the other one."),
        objective=OBJECTIVES[1], minutes=5, points=2,
        explanation=("Comprehensive security is coded 'mixed' means: the lecture's third implication is "
                     "multi-measures for pursuing security, which do not rule military means out. Coexistence, "
                     "absolute gains, international institutions, inter-regional cooperation and global governance "
                     "are all coded non-military."),
    ),
    Exercise(
        id="nb03.human_security_order", level="recall", notebook=NB, title="From common security to human security",
        kind="order",
        prompt="Put these four documents in the order they appeared, earliest first.",
        options=tuple(ORDER_EVENTS), solution=_chronology,
        hints=("Use the timeline in this section: the top row is the earliest.",
               "Common security came out of the Cold War, before the other three.",
               "The article gives one of these a year that the record does not support: the ringed event on the "
               "timeline and the discrepancies table say which, and when it really appeared."),
        objective=OBJECTIVES[3], minutes=3,
        explanation=("Palme (1982), UNDP (1994), Commission on Global Governance (1995), Millennium Declaration "
                     "(2000). The commission's report appeared after the UNDP's, although the article dates it to "
                     "1991."),
    ),
    Exercise(
        id="nb03.wrong_claims", level="analyse", notebook=NB, title="Find the wrong sentences", kind="multi",
        prompt=("A student's summary of this notebook has six sentences. Which of them does the dataset (its "
                "relations or discrepancies tables) show to be wrong? "
                + " ".join(f"({option_key(i)}) {sentence}" for i, (sentence, _) in enumerate(PASSAGE.values()))),
        options=tuple(PASSAGE), solution=_wrong_sentences,
        hints=("Check each sentence against the notebook's text first; three of them are fine.",
               "For the framework, look at the relations table's 'orientation_of' rows; for dates and bodies, look "
               "at the discrepancies table.",
               "Search the discrepancies table for the topics 'Year of Our Global Neighbourhood', 'What the "
               "Commission on Global Governance was' and 'How many stages the ARF proposed'."),
        objective=OBJECTIVES[3], minutes=5, points=2,
        explanation=("The lecture makes comprehensive security the national orientation (common security is the "
                     "regional one). The Commission on Global Governance was independent, not a UN body, and its "
                     "report appeared in 1995: the sentence repeats the article's two slips. The ARF's 1995 paper "
                     "had three stages; the security community is the lecture's fourth."),
    ),
    Exercise(
        id="nb03.noise_predict", level="analyse", notebook=NB, title="Predict, then check: misperception",
        kind="match",
        prompt=("Each pair plays 100 rounds, run of chance 0, generosity 0.1. Raise misperception from 0 to 0.1: "
                "does the share of cooperative moves rise, fall or stay the same? Predict first, then check each "
                "pair with the widget."),
        options=TRENDS, solution=_noise_trends,
        hints=("A strategy is hurt by misperception only if it acts on what it sees: which strategy here never "
               "looks at the other's moves?",
               "Tit-for-tat copies what it saw. If its partner always defects, what does a misreading make it do?",
               "Run each pair in the widget at misperception 0 and then 0.1 and read the share in the chart's "
               "title."),
        objective=OBJECTIVES[4], minutes=6, points=3,
        explanation=("The three reciprocal pairs fall: a misread cooperation looks like a betrayal and sets off "
                     "retaliation. Two unconditional cooperators stay at 100%, because they never act on what they "
                     "see. Against always defect, tit-for-tat sometimes misreads a defection as cooperation and "
                     "cooperates, so the share rises, while tit-for-tat's own score falls: more cooperation is not "
                     "always better for the one who cooperates."),
    ),
    Exercise(
        id="nb03.trust_noise", level="apply", notebook=NB, title="Which trust survives misperception?", kind="choice",
        prompt=("Set the widget to misperception 0.05, 100 rounds, run of chance 0 and generosity 0.1. Which pair "
                "keeps the largest share of cooperative moves?"),
        options=tuple(NOISE_PAIRS), solution=_most_trust,
        hints=("Try each pair in the widget with the settings given and read the share in the chart's title.",
               "After a misreading, which strategy can break a chain of retaliation, and which never forgives?",
               "Compare tit-for-tat with its generous variant: the only difference is what happens after a "
               "defection is seen."),
        objective=OBJECTIVES[4], minutes=4,
        explanation=("Generous tit-for-tat sometimes forgives an apparent defection, which ends the echo of "
                     "retaliation that a single misreading sets off between two plain tit-for-tat players; grim "
                     "trigger never recovers, and always defect hardly cooperates at all."),
    ),
    Exercise(
        id="nb03.shadow_rounds", level="apply", notebook=NB, title="The shadow of the future", kind="numeric",
        prompt=("Suppose mutual defection hurts less: payoffs (T, R, P, S) = (5, 3, 2, 0). Against a tit-for-tat "
                "partner, what is the smallest number of rounds for which playing tit-for-tat earns more in the "
                "game than always defecting?"),
        solution=_shadow_rounds, tolerance=0,
        hints=("In a game of n rounds against tit-for-tat, tit-for-tat earns R in every round; always defect earns T "
               "once, then P in every later round.",
               "Write both totals with R = 3, T = 5 and P = 2, and find the smallest whole n for which the first is "
               "larger (a tie does not count).",
               "You can let the model check you: secnb.models.rounds_for_reciprocity((5, 3, 2, 0))."),
        objective=OBJECTIVES[4], minutes=4,
        explanation=("Tit-for-tat earns 3n and always defect 5 + 2(n - 1): reciprocity pays more once n > 3, so "
                     "from 4 rounds. When punishment hurts less, exploiting pays for longer, so a longer shadow of "
                     "the future is needed."),
    ),
    Exercise(
        id="nb03.shadow_changes", level="analyse", notebook=NB, title="Which changes shorten the shadow?",
        kind="multi",
        prompt=("With the usual payoffs (5, 3, 1, 0), reciprocity against tit-for-tat pays from 3 rounds on. Which "
                "of these single changes would make it pay in a shorter game?"),
        options=tuple(SHADOW_CHANGES), solution=_shorter_shadow,
        hints=("Tit-for-tat earns nR; always defect earns T + (n - 1)P. Reciprocity pays once n > (T - P) / (R - P).",
               "Does S appear in either total? Then changing it cannot matter here.",
               "Work out (T - P) / (R - P) for each change: reciprocity pays from the first whole number above it. "
               "Check with secnb.models.rounds_for_reciprocity((T, R, P, S))."),
        objective=OBJECTIVES[4], minutes=5, points=2,
        explanation=("Raising R, lowering P or lowering T shrinks (T - P) / (R - P) below 2, so reciprocity pays "
                     "from 2 rounds. S appears in neither total, because the challenger is never the one cheated, "
                     "so changing it changes nothing. Raising T to 5.5 gives 2.25: still 3 "
                     "rounds, since the count is a whole number."),
    ),
    Exercise(
        id="nb03.reflection", level="evaluate", notebook=NB, title="What the analogy shows and hides", kind="open",
        prompt=("The course compares always defect with the Cold War mentality, tit-for-tat with reciprocity and "
                "generous tit-for-tat with mutual trust. Where does this analogy help you understand cooperative "
                "security, and where does it mislead?"),
        solution=("The model helps in two ways. First, it shows why a long relationship matters: against a "
                  "partner who reciprocates, cheating pays only in a very short game, so a forum that meets every "
                  "year, like the ARF, gives rivals a reason to cooperate. Second, it shows how fragile reciprocity "
                  "is: one misreading sets off an echo of retaliation between two tit-for-tat players, and only "
                  "some generosity, the course's picture of mutual trust, ends it. That fits the lecture's stress on "
                  "dialogue and on reducing misperception. But the analogy misleads too. The game has two players, "
                  "while cooperative security is inclusive and multilateral. Its players are states with fixed "
                  "payoffs and fixed rules, whereas non-traditional threats such as disease, pollution or terrorism "
                  "are transnational and often non-state, and meeting them together is hardly a dilemma at all. "
                  "Human security asks about people, whom the game leaves out. And the labels Cold War mentality and "
                  "mutual trust are the course's analogy, not claims of the lecture or the article."),
        min_words=80, points=3, minutes=10,
        hints=("Think of what the model shows about long relationships and misperception.",
               "Then list what it leaves out: how many players, what kind of threats, whose security."),
        objective=OBJECTIVES[4],
        rubric=("A good answer (1) names at least one thing the model helps explain, for example that repeated "
                "meetings (a forum such as the ARF, a long relationship) make reciprocity pay, or that misperception "
                "can wreck cooperation unless there is some generosity, which connects to dialogue, "
                "confidence building and the lecture's aim of reducing misperception; (2) names at least two "
                "limits, for example: two players rather than many (multilateral mechanisms, inclusiveness), fixed "
                "payoffs and strategies that never learn, states as the only players while non-traditional "
                "threats are transnational and non-state, shared threats (disease, pollution, terrorism) where "
                "cooperating is not a dilemma at all, people rather than states as the referent in human "
                "security, differences of power; (3) treats the analogy as the course's teaching device, not a "
                "claim of the lecture or the article; (4) uses the model's results correctly (for example, grim "
                "trigger collapses under misperception, generous tit-for-tat holds up best)."),
    ),
]
