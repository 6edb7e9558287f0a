"""Exercises of notebook 02, Traditional security."""

from ..models.arms_race import critical_transparency, richardson_equilibrium, richardson_stable
from . import Exercise

NB = "02_traditional_security"

OBJ_KEY_POINTS = "Describe the key points of traditional security and the Cold War mentality the lecture ties them to"
OBJ_DILEMMA = "Explain the security dilemma and model it as a Richardson arms race"
OBJ_COMPARE = "Compare collective defence, collective security and common security"
OBJ_WAYS_OUT = "Name the lecture's ways out of the security dilemma and weigh them"

#: The coefficients of the exercises; the notebook states them in the questions. None of the pairs
#: is one the notebook draws before the question (the drawn pairs are k = l = 0.3, a = b = 0.5 and
#: k = l = 0.6, a = b = 0.4).
EQUILIBRIUM_CASE = {"k": 0.2, "l": 0.3, "a": 0.5, "b": 0.4, "g": 1.0, "h": 2.0}
SCENARIOS = {
    "A": {"k": 0.4, "l": 0.5, "a": 0.5, "b": 0.5},
    "B": {"k": 0.7, "l": 0.2, "a": 0.3, "b": 0.4},
    "C": {"k": 0.9, "l": 0.1, "a": 0.4, "b": 0.4},
    "D": {"k": 0.5, "l": 0.5, "a": 0.2, "b": 1.0},
}
TRANSPARENCY_CASE = {"k": 0.9, "l": 0.6, "a": 0.3, "b": 0.4}

#: Predict, then check with the explorer: each change is made alone to the explorer's start.
EXPLORER_START = {"k": 0.3, "l": 0.3, "a": 0.5, "b": 0.5, "g": 1.0, "h": 1.0}
CHANGES = {
    "l up to 0.6": {"l": 0.6},
    "l up to 0.9": {"l": 0.9},
    "g up to 2": {"g": 2.0},
    "k and l down to 0.1": {"k": 0.1, "l": 0.1},
    "a down to 0.15": {"a": 0.15},
}
CHANGE_LABELS = {
    "l up to 0.6": "Y's reaction l rises from 0.3 to 0.6",
    "l up to 0.9": "Y's reaction l rises from 0.3 to 0.9",
    "g up to 2": "X's grievance g rises from 1 to 2",
    "k and l down to 0.1": "both reactions k and l fall from 0.3 to 0.1",
    "a down to 0.15": "X's fatigue a falls from 0.5 to 0.15",
}
HIGHER, LOWER, RUNS_AWAY = "settle, higher than before", "settle, lower than before", "run away"

#: Two policies for a pair whose arms run away (the pair the notebook draws in section 3).
POLICY_START = {"k": 0.6, "l": 0.6, "a": 0.4, "b": 0.4, "g": 1.0, "h": 1.0}
POLICIES = {"P": {"k": 0.2}, "Q": {"g": 0.5, "h": 0.5}}
POLICY_OPTIONS = ("only P stops the race", "only Q stops the race", "both stop it", "neither stops it")

#: Which statements fit traditional security as the lecture presents it (the notebook lists them a-f).
TRADITIONAL_STATEMENTS = (
    ("One side's gain in security is the other side's loss.", True),
    ("No authority stands above states, so each must look after its own safety.", True),
    ("Security has to be sought together with the adversary.", False),
    ("Arms and alliances aimed at a real or potential enemy are the main tools.", True),
    ("The main threats come from non-state actors such as terrorists and epidemics.", False),
    ("Security is widened to economic, social and cultural fields.", False),
)

#: Find the wrong claims: each sentence of the passage, and whether it holds (the notebook's section 2,
#: after Herz as the lecture cites him). The notebook prints the passage with these letters.
DILEMMA_PASSAGE = (
    ("John H. Herz named the security dilemma in an article in World Politics in 1950.", True),
    ("In a self-help system no authority stands above states, so each has to provide for its own safety.", True),
    ("A security dilemma needs at least one state that wants war; without an aggressor there is none.", False),
    ("A state cannot be sure that its neighbour's new arms are only for defence, so it arms in turn.", True),
    ("Because both sides arm only for defence, the spiral leaves each of them safer than before.", False),
    ("Once both states are in fact peaceful, the dilemma disappears, whatever each believes of the other.", False),
)

#: The Charter's escalation, applied to a new case: the steps in the Charter's order.
UN_STEPS = {
    "settle": "Call on P and Q to settle by negotiation or mediation",
    "determine": "Determine that P's invasion is a breach of the peace",
    "sanctions": "Arms embargo and trade freeze on P",
    "force": "Authorise members to use force to restore Q's border",
}
UN_OPTIONS = ("sanctions", "force", "settle", "determine")  # the form offers them in this order

#: Classify new cases: vignette letter -> (short label, the answer); the notebook tells each case.
CONCEPTS = ("collective defence", "collective security", "common security")
VIGNETTES = {
    "A": ("A: the two-state defence treaty", "collective defence"),
    "B": ("B: the Council's authorisation", "collective security"),
    "C": ("C: the joint crisis centre", "common security"),
    "D": ("D: the missile cap", "common security"),
    "E": ("E: the regional charter", "collective security"),
    "F": ("F: the pooled air defences", "collective defence"),
}

#: Weigh two attributions of common security (discrepancy common_security_author in the dataset).
ORIGIN_OPTIONS = (
    "The article is right: a UN committee put the idea forward, and the commission only repeated it.",
    "The lecture is better supported: it cites a published report with authors and year; the article names no "
    "document, though UN bodies may have taken the idea up.",
    "Both are equally supported; nothing can be said about where the idea comes from.",
    "The article is more reliable because it is the more recent source.",
)


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


def _scenario_labels() -> dict:
    return {name: f"pair {name}: k = {p['k']}, l = {p['l']}, a = {p['a']}, b = {p['b']}"
            for name, p in SCENARIOS.items()}


def _transparency_needed() -> float:
    return critical_transparency(**TRANSPARENCY_CASE)


def verdict(params: dict, before: dict = EXPLORER_START) -> str:
    """What the arms do with ``params``: run away, or settle higher or lower than with ``before``
    (both arms levels moving the same way; ValueError if they do not, or do not move)."""
    p = {n: params[n] for n in ("k", "l", "a", "b")}
    if not richardson_stable(**p):
        return RUNS_AWAY
    x, y = richardson_equilibrium(**params)
    x0, y0 = richardson_equilibrium(**before)
    if x > x0 and y > y0:
        return HIGHER
    if x < x0 and y < y0:
        return LOWER
    raise ValueError(f"the arms levels do not both rise or both fall: {(x, y)} against {(x0, y0)}")


def _arms_change() -> dict:
    return {name: verdict({**EXPLORER_START, **change}) for name, change in CHANGES.items()}


def policy_stops_race(name: str) -> bool:
    """True if policy ``name`` of :data:`POLICIES` makes the arms of :data:`POLICY_START` settle."""
    p = {**POLICY_START, **POLICIES[name]}
    return richardson_stable(p["k"], p["l"], p["a"], p["b"])


def _two_policies() -> str:
    stops = {n: policy_stops_race(n) for n in POLICIES}
    if stops["P"] and stops["Q"]:
        return POLICY_OPTIONS[2]
    if stops["P"]:
        return POLICY_OPTIONS[0]
    if stops["Q"]:
        return POLICY_OPTIONS[1]
    return POLICY_OPTIONS[3]


def _traditional_view() -> list:
    return [sentence for sentence, fits in TRADITIONAL_STATEMENTS if fits]


def _dilemma_claims() -> list:
    return [sentence for sentence, holds in DILEMMA_PASSAGE if not holds]


def _security_vignettes() -> dict:
    return {letter: answer for letter, (_label, answer) in VIGNETTES.items()}


EXERCISES = [
    Exercise(
        id="nb02.traditional_view", level="recall", notebook=NB, title="The traditional view of security", kind="multi",
        prompt="Which of the statements a-f fit traditional security as the lecture presents it?",
        options=tuple(sentence for sentence, _fits in TRADITIONAL_STATEMENTS), solution=_traditional_view,
        hints=("Three of the six fit. Go back to the lecture's seven key points and ask of each statement: "
               "does it describe power politics and the Cold War, or a later way of thinking?",
               "Absolute security, arms building and alliances, and targeting an enemy each say something about "
               "whose security counts, what the tools are and whether one side's gain is the other's loss.",
               "The statements that do not fit belong to common security and to the non-traditional concepts "
               "of notebook 03."),
        objective=OBJ_KEY_POINTS, minutes=2,
        explanation=("Zero-sum thinking (a), self-help (b) and military tools against an enemy (d) run through the "
                     "seven key points. Seeking security with the adversary (c) is common security; non-state "
                     "threats (e) and a widened field (f) belong to the non-traditional concepts of notebook 03."),
    ),
    Exercise(
        id="nb02.dilemma_claims", level="analyse", notebook=NB, title="Find the wrong claims about the dilemma",
        kind="multi",
        prompt="Which sentences a-f of the passage about the security dilemma are wrong?",
        options=tuple(sentence for sentence, _holds in DILEMMA_PASSAGE), solution=_dilemma_claims,
        hints=("Three of the six sentences are wrong. Test each against Herz's idea as section 2 tells it: who "
               "needs to want war, and how secure is everyone at the end?",
               "The dilemma is about what each side can know of the other's intentions, not about what those "
               "intentions really are.",
               "The sentences about the date, the self-help system and the uncertainty about arms all hold."),
        objective=OBJ_DILEMMA, minutes=3, points=2,
        explanation=("(c), (e) and (f) are wrong. The dilemma arises although no side needs to want war (c); the "
                     "spiral leaves all less secure than before (e); and since each side acts on the threat it "
                     "perceives, two peaceful states that cannot be sure of each other still face it (f). The "
                     "tempting (a) holds: Herz named it in World Politics in 1950, the article the lecture cites."),
    ),
    Exercise(
        id="nb02.equilibrium", level="apply", notebook=NB, title="Where do the arms settle?", kind="numeric",
        prompt="With k = 0.2, l = 0.3, a = 0.5, b = 0.4, g = 1 and h = 2 (no transparency), at what arms "
               "level x* does X settle?",
        solution=_equilibrium_x, tolerance=0.01,
        hints=("First check that the arms settle at all: is a·b larger than k·l?",
               "Use x* = (b·g + k·h) / (a·b − k·l): work out the numerator and the denominator separately.",
               "You can check your arithmetic with secnb.models.richardson_equilibrium(k=0.2, l=0.3, a=0.5, "
               "b=0.4, g=1, h=2); it returns (x*, y*)."),
        objective=OBJ_DILEMMA, minutes=4,
        explanation=("a·b = 0.2 > k·l = 0.06, so the arms settle, at x* = (0.4·1 + 0.2·2) / (0.2 − 0.06) = "
                     "0.8 / 0.14 ≈ 5.71. The denominator a·b − k·l shrinks as the reactions approach the fatigue, "
                     "so the nearer a pair is to the edge of stability, the higher its arms settle."),
    ),
    Exercise(
        id="nb02.settle_or_run", level="apply", notebook=NB, title="Settle or run away?", kind="match",
        prompt="For each pair of states A-D, do the arms settle or run away?",
        options=("settles", "runs away"), solution=_settle_or_run, labels=_scenario_labels,
        hints=("Compare a·b with k·l for each pair; grievances g and h do not decide it.",
               "A lopsided pair can still settle: what matters is the product of the two reactions against the "
               "product of the two fatigues, not the largest coefficient.",
               "Try each pair with the widget's sliders, or with secnb.models.richardson_stable(k=..., l=..., "
               "a=..., b=...)."),
        objective=OBJ_DILEMMA, minutes=3,
        explanation=("Stability depends only on the products: A (0.25 > 0.20) and the lopsided C (0.16 > 0.09) "
                     "settle: in C one calm side offsets a very reactive one. B (0.12 < 0.14) and D (0.20 < 0.25) "
                     "run away: in D one very tired side cannot make up for the other's low fatigue."),
    ),
    Exercise(
        id="nb02.arms_change", level="analyse", notebook=NB, title="Predict, then check with the explorer",
        kind="match",
        prompt=("Start from the explorer's first setting (k = l = 0.3, a = b = 0.5, g = h = 1: both settle at 5). "
                "Make each change alone: do the arms settle higher, settle lower, or run away?"),
        options=(HIGHER, LOWER, RUNS_AWAY), solution=_arms_change, labels=CHANGE_LABELS,
        hints=("Predict first with the stability condition: a·b = 0.25 at the start; which changes push k·l "
               "above a·b, or pull a·b below k·l?",
               "A change that keeps a·b > k·l settles; then ask whether it makes the numerator of x* larger or "
               "the denominator a·b − k·l smaller (both raise the level).",
               "Now check each change with the explorer's sliders and read the verdict in the chart's title."),
        objective=OBJ_DILEMMA, minutes=4, points=2,
        explanation=("Y's reaction at 0.6 keeps k·l = 0.18 below 0.25, so the arms still settle, but higher "
                     "(11.4 and 15.7); at 0.9, k·l = 0.27 > 0.25 and they run away, although X has not changed at "
                     "all. A grievance only raises the level. Lower reactions settle lower. Less fatigue for X "
                     "(a·b = 0.075 < 0.09) lets them run away: one side's tiredness brakes both."),
    ),
    Exercise(
        id="nb02.un_steps", level="apply", notebook=NB, title="The Charter's escalation in a new case", kind="order",
        prompt=("A dispute over a border province between states P and Q turns into an invasion of Q by P. Put the "
                "Security Council's four steps in the order the UN Charter's escalation places them."),
        options=UN_OPTIONS, solution=["settle", "determine", "sanctions", "force"], labels=UN_STEPS,
        hints=("Which chapter of the Charter comes first, the one on peaceful settlement or the one on action "
               "against threats and aggression?",
               "Within Chapter VII, the Council first decides what kind of situation it faces (Article 39), then "
               "chooses measures.",
               "Article 42 allows force only if the measures of Article 41 would be, or have proved, inadequate."),
        objective=OBJ_COMPARE, minutes=3,
        explanation=("Chapter VI (peaceful settlement, Article 33) comes before Chapter VII; there, the Council "
                     "first determines a breach of the peace (Article 39), then takes measures without armed force "
                     "(Article 41), and only if they are inadequate, military action (Article 42). Collective "
                     "security keeps force as the last step, taken by the members together."),
    ),
    Exercise(
        id="nb02.common_security_origin", level="evaluate", notebook=NB, title="Who put forward common security?",
        kind="choice",
        prompt=("The lecture credits the Palme Commission's 1982 report with common security; the explanatory "
                "article says a UN committee put the concept forward. Which judgement does the evidence in this "
                "notebook best support?"),
        options=ORIGIN_OPTIONS, solution=ORIGIN_OPTIONS[1],
        hints=("Compare what each source gives you to check its claim: a title, authors, a publisher, a year?",
               "Being more recent does not make a source better informed about the past; look for the claim that "
               "can be traced to a document.",
               "A good judgement prefers the traceable claim but does not throw the other away without asking "
               "how it could have arisen."),
        objective=OBJ_COMPARE, minutes=3, points=2,
        explanation=("The lecture cites a report with its authors, publisher and year (1982), which anyone can "
                     "check; the article names a committee but no document. The dataset's note agrees "
                     "with the lecture: the commission was independent of the UN and wrote its report for a UN "
                     "session on disarmament, and UN bodies took the idea up afterwards. 'Equally supported' "
                     "ignores that difference in evidence."),
    ),
    Exercise(
        id="nb02.transparency_needed", level="apply", notebook=NB, title="How much transparency is enough?", kind="numeric",
        prompt="With k = 0.9, l = 0.6, a = 0.3 and b = 0.4, what is the smallest transparency (a fraction "
               "between 0 and 1) above which the arms settle?",
        solution=_transparency_needed, tolerance=0.01,
        hints=("The arms settle when a·b > (1 − transparency)² · k·l.",
               "Set a·b = (1 − transparency)² · k·l and solve: 1 − transparency = √(a·b / (k·l)).",
               "The widget narrows it down: with these sliders the arms still run away at 50% and settle at "
               "55%; the formula gives the exact value."),
        objective=OBJ_DILEMMA, minutes=4,
        explanation=("a·b = 0.12 and k·l = 0.54, so 1 − transparency = √(0.12 / 0.54) ≈ 0.471 and the critical "
                     "transparency is about 0.53. In the model, confidence building does not need to remove the "
                     "threat, only to lower the perceived reactions far enough for fatigue to win."),
    ),
    Exercise(
        id="nb02.two_policies", level="analyse", notebook=NB, title="Restraint or a settlement?", kind="choice",
        prompt=("X and Y run away (k = l = 0.6, a = b = 0.4, g = h = 1). Policy P: X alone cuts its reaction k to "
                "0.2. Policy Q: a settlement halves both grievances, g = h = 0.5. Which stops the race?"),
        options=POLICY_OPTIONS, solution=_two_policies,
        hints=("Which of the terms decide whether the arms settle, and which only decide where?",
               "For P, compare a·b = 0.16 with the new k·l; for Q, has k·l or a·b changed at all?",
               "Check both with the explorer: set k = l = 0.6, a = b = 0.4, then try each policy on its own."),
        objective=OBJ_WAYS_OUT, minutes=3, points=2,
        explanation=("P lowers k·l from 0.36 to 0.12, below a·b = 0.16, so the arms settle (at 15 and 25: restraint "
                     "by one side stops the race but not at a low level). Q leaves k·l and a·b as they were: "
                     "grievances move the level where arms would settle, never whether they settle, so the race "
                     "goes on, only from a lower push."),
    ),
    Exercise(
        id="nb02.security_vignettes", level="apply", notebook=NB, title="Alliance, collective or common security?",
        kind="match",
        prompt="Match each case A-F to collective defence, collective security or common security.",
        options=CONCEPTS, solution=_security_vignettes,
        labels={letter: label for letter, (label, _answer) in VIGNETTES.items()},
        hints=("Ask of each case: who is the threat? An outside enemy, any member who breaks the peace, or a "
               "danger the rivals share?",
               "A pledge against a named outsider is an alliance; a pledge of all members against whichever member "
               "attacks is collective security, regional or global.",
               "Security pursued with the adversary, by arms control or confidence building, is common "
               "security; two cases of each kind."),
        objective=OBJ_COMPARE, minutes=4, points=2,
        explanation=("A and F pool power against an outside state: collective defence. B and E act on behalf of all "
                     "members against whichever member breaks the peace: collective security (the regional charter "
                     "is tempting as an alliance, but its threat comes from inside). C and D build security with "
                     "the rival itself: common security's confidence building and arms control."),
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
