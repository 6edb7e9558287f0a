"""Exercises of notebook 03, Non-traditional security."""

from ..data import load_dataset
from . import Exercise

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

# Exercise 1: threat names as the threats table gives them (name_en); which are non-traditional is read
# from the table.
THREAT_OPTIONS = ("Local wars and conflicts", "International terrorism", "North-South gap",
                  "Serious infectious diseases", "Regional hotspot issues", "Environmental pollution",
                  "Drug smuggling")

# Exercise 2: terms of the lecture's two meanings of comprehensive security (charts.comprehensive).
HV_TERMS = ("economic", "regional", "cultural", "domestic", "military", "international")

# Exercise 4: the label shown for each event of the events table.
ORDER_EVENTS = {
    "Commission on Global Governance: Our Global Neighbourhood": "cgg_report_1995",
    "UN Millennium Declaration": "millennium_declaration_2000",
    "Palme Commission: Common Security": "palme_report_1982",
    "UNDP Human Development Report on human security": "hdr_1994",
}

# Exercise 7: the pairs of strategies, as written in the question, and their model ids.
NOISE_PAIRS = {
    "tit-for-tat vs tit-for-tat": ("tit_for_tat", "tit_for_tat"),
    "generous tit-for-tat vs generous tit-for-tat": ("generous_tit_for_tat", "generous_tit_for_tat"),
    "grim trigger vs grim trigger": ("grim_trigger", "grim_trigger"),
    "always defect vs tit-for-tat": ("always_defect", "tit_for_tat"),
}
NOISE_SETTINGS = {"rounds": 100, "noise": 0.05, "seed": 0, "generosity": 0.1}
SHADOW_PAYOFFS = (5, 3, 2, 0)


def _new_threats() -> list[str]:
    threats = load_dataset()["threats"]
    beyond = threats[(threats["source_id"] == "outlook") & ~threats["traditional"].astype(bool)]
    return [name for name in beyond["name_en"] if name in THREAT_OPTIONS]


def _horizontal_or_vertical() -> dict[str, str]:
    from ..charts.comprehensive import HORIZONTAL, VERTICAL

    return {t: "horizontal" if t in HORIZONTAL else "vertical" for t in HV_TERMS if t in HORIZONTAL or t in VERTICAL}


def _differ() -> list[str]:
    from ..query import DIMENSIONS

    concepts = load_dataset()["concepts"].set_index("concept_id")
    a, b = concepts.loc["comprehensive_security"], concepts.loc["cooperative_security"]
    return [d for d in DIMENSIONS if a[d] != b[d]]


def _chronology() -> list[str]:
    events = load_dataset()["events"].set_index("event_id")
    return sorted(ORDER_EVENTS, key=lambda label: events.loc[ORDER_EVENTS[label], "date_start"])


def _shadow_rounds() -> int:
    from ..models.dilemma import rounds_for_reciprocity

    return rounds_for_reciprocity(SHADOW_PAYOFFS)


def _most_trust() -> str:
    from ..models.dilemma import cooperation_rate

    return max(NOISE_PAIRS, key=lambda label: cooperation_rate(*NOISE_PAIRS[label], **NOISE_SETTINGS))


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
        objective=OBJECTIVES[0], minutes=3,
        explanation=("Terrorism, disease, pollution and drug smuggling are transnational, often non-state threats: "
                     "no border stops them and no single state can meet them alone."),
    ),
    Exercise(
        id="nb03.horizontal_vertical", level="recall", notebook=NB, title="Two meanings of comprehensive security", kind="match",
        prompt=("The lecture gives comprehensive security a horizontal and a vertical meaning. Match each term to "
                "'horizontal' or 'vertical'."),
        options=("horizontal", "vertical"), solution=_horizontal_or_vertical,
        hints=("One meaning lists sectors of life a state must protect; the other lists levels at which concerns "
               "arise, from inside a country to the world.",
               "Look at the matrix chart: its rows are one meaning and its columns the other.",
               "Rows (sectors) are the horizontal meaning; columns (levels) are the vertical one."),
        objective=OBJECTIVES[1], minutes=3,
        explanation="Horizontal: military, political, economic, social, cultural. Vertical: international, regional, "
                    "national, domestic.",
    ),
    Exercise(
        id="nb03.security_cooperation", level="recall", notebook=NB, title="Cooperative security or security cooperation?",
        kind="choice",
        prompt=("Which of these is security cooperation rather than cooperative security, as the lecture "
                "distinguishes them?"),
        options=("A military alliance of like-minded states that plan together against a common threat",
                 "A regional forum that invites rivals as well as friends to talk about many security topics",
                 "Dialogue among all the members of a region to build mutual confidence and trust",
                 "A network of experts across borders who come to see security problems the same way"),
        solution="A military alliance of like-minded states that plan together against a common threat",
        hints=("Cooperative security, in the lecture, is inclusive: different participants, many topics, and "
               "dialogue among all members.",
               "Which option leaves someone out, or is aimed at someone?",
               "Read the summary of security cooperation in the concepts table, or compare the two in the widget."),
        objective=OBJECTIVES[2], minutes=3,
        explanation=("Security cooperation can be a partnership of like-minded states, even an alliance aimed at "
                     "others; cooperative security includes rivals and uses cooperation itself as the approach."),
    ),
    Exercise(
        id="nb03.compare_dimensions", level="recall", notebook=NB, title="Comprehensive and cooperative security compared",
        kind="multi",
        prompt=("Use the comparator: on which coded dimensions do comprehensive security and cooperative security "
                "differ? Choose from 'referent', 'means', 'logic' and 'level'."),
        options=("referent", "means", "logic", "level"), solution=_differ,
        hints=("Set concept A to Comprehensive security and concept B to Cooperative security in the widget.",
               "Compare the two columns row by row: a dimension counts if the two cells say different things.",
               "They agree on two dimensions and differ on the other two."),
        objective=OBJECTIVES[2], minutes=4,
        explanation=("The lecture's framework makes comprehensive security the national orientation, pursued by "
                     "many measures (military ones included); cooperative security is regional and works by "
                     "dialogue and institutions. Open the fold-out table for the reasons."),
    ),
    Exercise(
        id="nb03.human_security_order", level="recall", notebook=NB, title="From common security to human security", kind="order",
        prompt="Put these four documents in the order they appeared, earliest first.",
        options=tuple(ORDER_EVENTS), solution=_chronology,
        hints=("Use the timeline in this section: the top row is the earliest.",
               "Common security came out of the Cold War, before the other three.",
               "The article gives one of these a year that the record does not support: the ringed event on the "
               "timeline and the discrepancies table say which, and when it really appeared."),
        objective=OBJECTIVES[3], minutes=4,
        explanation=("The Commission on Global Governance's report appeared in 1995, after the UNDP's report of "
                     "1994, although the article dates it to 1991."),
    ),
    Exercise(
        id="nb03.shadow_rounds", level="recall", notebook=NB, title="The shadow of the future", kind="numeric",
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
        explanation=("Tit-for-tat earns 3n and always defect 5 + 2(n - 1): reciprocity pays more once n > 3. "
                     "When punishment hurts less, exploiting pays for longer, so a longer shadow of the future "
                     "is needed."),
    ),
    Exercise(
        id="nb03.trust_noise", level="recall", notebook=NB, title="Which trust survives misperception?", kind="choice",
        prompt=("Set the widget to misperception 0.05, 100 rounds, run of chance 0 and generosity 0.1. Which pair "
                "keeps the largest share of cooperative moves?"),
        options=tuple(NOISE_PAIRS), solution=_most_trust,
        hints=("Try each pair in the widget with the settings given and read the share in the chart's title.",
               "After a misreading, which strategy can break a chain of retaliation, and which never forgives?",
               "The chart 'When does trust survive misperception?' shows the same pairs averaged over many games."),
        objective=OBJECTIVES[4], minutes=5,
        explanation=("Generous tit-for-tat sometimes forgives an apparent defection, which ends the echo of "
                     "retaliation that a single misreading sets off between two plain tit-for-tat players; grim "
                     "trigger never recovers."),
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
