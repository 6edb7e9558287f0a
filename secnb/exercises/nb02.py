"""Exercises of notebook 02, Traditional security."""

from ..models.arms_race import critical_transparency, richardson_equilibrium, richardson_stable
from . import Exercise

NB = "02_traditional_security"

OBJ_KEY_POINTS = "Describe the key points of traditional security and the Cold War mentality the lecture ties them to"
OBJ_DILEMMA = "Explain the security dilemma and model it as a Richardson arms race"
OBJ_COMPARE = "Compare collective defence, collective security and common security"
OBJ_WAYS_OUT = "Name the lecture's ways out of the security dilemma and weigh them"

#: The coefficients of the exercises; the notebook states them in the questions.
EQUILIBRIUM_CASE = {"k": 0.2, "l": 0.3, "a": 0.5, "b": 0.4, "g": 1.0, "h": 2.0}
SCENARIOS = {
    "A": {"k": 0.3, "l": 0.3, "a": 0.5, "b": 0.5},
    "B": {"k": 0.6, "l": 0.6, "a": 0.4, "b": 0.4},
    "C": {"k": 0.9, "l": 0.1, "a": 0.4, "b": 0.4},
    "D": {"k": 0.5, "l": 0.5, "a": 0.2, "b": 1.0},
}
TRANSPARENCY_CASE = {"k": 0.9, "l": 0.6, "a": 0.3, "b": 0.4}


#: A model answer for the instructor (shown in the solutions edition); other choices are as good.
WAY_OUT_MODEL_ANSWER = (
    "I choose absolute gains, or win-win, which the lecture lists among the ways to solve the security "
    "dilemma. It asks states to judge cooperation by what each of them gains, not by whether the other side "
    "gains more. In the Richardson model this lowers the reaction coefficients k and l: if a state no longer "
    "reads every gain of its rival as its own loss, it reacts less to the rival's arms. With a and b "
    "unchanged, a lower k times l can satisfy a times b greater than k times l, so a race that ran away now "
    "settles, and at a lower level. What the model leaves out is why states would change their view: trade, "
    "interdependence and trust built over time do that work, and the model has no economy, no history and "
    "only two states. It is a teaching device, not evidence that win-win thinking works."
)


def _equilibrium_x() -> float:
    return richardson_equilibrium(**EQUILIBRIUM_CASE)[0]


def _settle_or_run() -> dict:
    return {name: "settles" if richardson_stable(**p) else "runs away" for name, p in SCENARIOS.items()}


def _transparency_needed() -> float:
    return critical_transparency(**TRANSPARENCY_CASE)


EXERCISES = [
    Exercise(
        id="nb02.traditional_view", level="recall", notebook=NB, title="The traditional view of security", kind="multi",
        prompt="Which of the statements a-f fit traditional security as the lecture presents it?",
        options=("a", "b", "c", "d", "e", "f"), solution=["a", "b", "d"],
        hints=("Three of the six fit. Go back to the lecture's seven key points and ask of each statement: "
               "does it describe power politics and the Cold War, or a later way of thinking?",
               "Absolute security, arms building and alliances, and targeting an enemy each say something about "
               "whose security counts, what the tools are and whether one side's gain is the other's loss.",
               "The statements that do not fit belong to common security and to the non-traditional concepts "
               "of notebook 03."),
        objective=OBJ_KEY_POINTS, minutes=3,
        explanation="Zero-sum thinking, self-help and military tools run through all seven key points.",
    ),
    Exercise(
        id="nb02.equilibrium", level="recall", notebook=NB, title="Where do the arms settle?", kind="numeric",
        prompt="With k = 0.2, l = 0.3, a = 0.5, b = 0.4, g = 1 and h = 2 (no transparency), at what arms "
               "level x* does X settle?",
        solution=_equilibrium_x, tolerance=0.01,
        hints=("First check that the arms settle at all: is a·b larger than k·l?",
               "Use x* = (b·g + k·h) / (a·b − k·l): work out the numerator and the denominator separately.",
               "You can check your arithmetic with secnb.models.richardson_equilibrium(k=0.2, l=0.3, a=0.5, "
               "b=0.4, g=1, h=2); it returns (x*, y*)."),
        objective=OBJ_DILEMMA, minutes=5,
        explanation="The denominator a·b − k·l shrinks as the reactions approach the fatigue, so the nearer a "
                    "pair is to the edge of stability, the higher its arms settle.",
    ),
    Exercise(
        id="nb02.settle_or_run", level="recall", notebook=NB, title="Settle or run away?", kind="match",
        prompt="For each pair of states A-D, do the arms settle or run away?",
        options=("settles", "runs away"), solution=_settle_or_run,
        hints=("Compare a·b with k·l for each pair; grievances g and h do not decide it.",
               "A lopsided pair can still settle: what matters is the product of the two reactions against the "
               "product of the two fatigues, not the largest coefficient.",
               "Try each pair with the widget's sliders, or with secnb.models.richardson_stable(k=..., l=..., "
               "a=..., b=...)."),
        objective=OBJ_DILEMMA, minutes=5,
        explanation="Stability depends only on the products: a very reactive side can be offset by a calm one, "
                    "and a very tired side cannot make up for two strong reactions.",
    ),
    Exercise(
        id="nb02.un_steps", level="recall", notebook=NB, title="The steps of collective security in the UN Charter", kind="order",
        prompt="Put the UN Charter's steps of collective security in the order the Charter sets out.",
        options=("sanctions", "peaceful settlement", "military action", "threat determined"),
        solution=["peaceful settlement", "threat determined", "sanctions", "military action"],
        hints=("The lecture's basic points say non-military measures come before military action.",
               "Chapter VI comes before Chapter VII; within Chapter VII, the Security Council first decides "
               "that there is a threat or an aggression, then chooses measures.",
               "Article 42 allows force only if the measures of Article 41 would be, or have proved, inadequate."),
        objective=OBJ_COMPARE, minutes=3,
        explanation="Force is the last step: the Charter's collective security escalates from settlement through "
                    "sanctions to military action by the members together.",
    ),
    Exercise(
        id="nb02.transparency_needed", level="recall", notebook=NB, title="How much transparency is enough?", kind="numeric",
        prompt="With k = 0.9, l = 0.6, a = 0.3 and b = 0.4, what is the smallest transparency (a fraction "
               "between 0 and 1) above which the arms settle?",
        solution=_transparency_needed, tolerance=0.01,
        hints=("The arms settle when a·b > (1 − transparency)² · k·l.",
               "Set a·b = (1 − transparency)² · k·l and solve: 1 − transparency = √(a·b / (k·l)).",
               "The widget narrows it down: with these sliders the arms still run away at 50% and settle at "
               "55%; the formula gives the exact value."),
        objective=OBJ_DILEMMA, minutes=4,
        explanation="In the model, confidence building does not need to remove the threat, only to lower the "
                    "perceived reactions far enough for fatigue to win.",
    ),
    Exercise(
        id="nb02.basic_points", level="recall", notebook=NB, title="Whose basic point is it?", kind="match",
        prompt="Match each of the lecture's basic points to collective defence, collective security or common "
               "security.",
        options=("collective defence", "collective security", "common security"),
        solution={"balance of power": "collective defence", "arms race": "collective defence",
                  "collective punishment": "collective security", "security organization": "collective security",
                  "military action within coalition": "collective security",
                  "security with adversaries": "common security", "non-zero sum": "common security",
                  "arms control and disarmament": "common security"},
        hints=("Ask of each point: who is the threat? An outside enemy, a member who breaks the peace, or the "
               "danger both sides share?",
               "Collective defence is the realist alliance; collective security runs through the League and the "
               "UN; common security comes from the Palme Commission in the nuclear age.",
               "Each concept gets a share of the eight points; reread the lists of basic points in sections 4, 5 "
               "and 6."),
        objective=OBJ_COMPARE, minutes=5,
        explanation="Against an enemy, against a lawbreaker, or with the adversary: the three answers to the "
                    "dilemma differ first in who the threat is.",
    ),
    Exercise(
        id="nb02.way_out", level="evaluate", notebook=NB, title="A way out of the dilemma, in the model and beyond", kind="open",
        prompt="Choose one of the lecture's six ways out of the security dilemma. Say what it asks states to do, "
               "which term of the Richardson model it would change and in which direction, and one thing that "
               "matters for it which the model leaves out.",
        solution=WAY_OUT_MODEL_ANSWER, min_words=60, hints=(),
        rubric=("A good answer (1) names one of the lecture's six ways (coexistence; comprehensive or integrative "
                "security; absolute gains or win-win; international institutions; inter-regional cooperation; "
                "global governance) and explains it in a way consistent with the lecture, attributing it to the "
                "lecture; (2) maps it to a model term with a direction and a reason, for example coexistence or "
                "fewer grievances lowers g and h; absolute gains or win-win thinking lowers the reactions k and l; "
                "institutions, dialogue and inter-regional cooperation act like transparency, lowering the "
                "perceived reactions; (3) names a limit of the model that matters for that way: comprehensive "
                "security and global governance reach non-military fields the model does not have; the model has "
                "two states only, fixed coefficients, no domestic politics, no negotiation and perception only as "
                "a single factor. Reward a clear argument over length; a strong answer notes that the model is a "
                "teaching device, not evidence."),
        objective=OBJ_WAYS_OUT, minutes=10, points=3,
    ),
]
