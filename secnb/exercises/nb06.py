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
    "be weighed. The term was coined by a UN Secretary-General from Sweden, Dag Hammarskjöld, around 1960, the "
    "definition the lecture uses comes from another, Boutros-Ghali, and its proverb about an "
    "ounce of prevention is English, so the idea of prevention is not only Eastern. A cultural disposition is "
    "not evidence of practice: whether states prevent conflict depends on their interests and institutions. "
    "And the argument supports the case for an Asian security concept, so it is a position of the lecture, "
    "not an established fact."
)

NB = "06_preventive_diplomacy"

OBJECTIVES = (
    "Define preventive diplomacy as the lecture and An Agenda for Peace do, and tell early from late prevention",
    "Place preventive diplomacy among the four types of diplomacy and name its features, elements and six functions",
    "Trace how preventive diplomacy developed from Hammarskjöld's term and the UN's 1992 proposal to regional "
    "practice",
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

#: The lecture's four types of diplomacy as concepts.csv names them (a test checks the names against the data).
DIPLOMACY_TYPES = ("Conventional diplomacy", "Wartime diplomacy", "Development diplomacy", "Preventive diplomacy")

#: Vignettes for nb06.diplomacy_types (fictional, our own words): letter -> (text, concept id of the type).
TYPE_VIGNETTES = {
    "A": ("Troops of two neighbours face each other across a disputed river, but no shot has been fired. An "
          "envoy of the UN Secretary-General flies between the two capitals to keep both talking.",
          "preventive_diplomacy"),
    "B": ("Three months into a war, a belligerent's foreign minister tours neutral capitals to win support and "
          "to have an arms embargo put on the enemy.", "wartime_diplomacy"),
    "C": ("An ambassador negotiates a loan for a new railway and a joint industrial park with her host "
          "country's planning ministry.", "development_diplomacy"),
    "D": ("In a quiet year with no dispute between them, two foreign ministries renew their consular agreement "
          "and a student exchange programme.", "conventional_diplomacy"),
}

#: Vignettes for nb06.vignette_ways (fictional, our own words): letter -> (text, the tool used, the intensity
#: the conflict has reached on the model's ladder). The way is computed by the model from tool and intensity.
WAY_VIGNETTES = {
    "A": ("Two governments quarrel over an island; no force has been used. A UN envoy shuttles between them "
          "and proposes talks.", "mediation", 3.0),
    "B": ("After a month of fighting a ceasefire holds; an unarmed observer mission of a regional "
          "organization patrols the line and reports violations.", "intervention", 8.0),
    "C": ("Two years after a border war, a boundary commission with a neutral chair draws the line; both "
          "states agreed in advance to accept its decision.", "arbitration", 8.0),
    "D": ("After the first clashes, a great power warns one side that it will blockade its ports unless its "
          "troops withdraw within a week.", "coercive diplomacy", 6.0),
    "E": ("After the first clashes, a neighbouring president invites both leaders to her capital and chairs "
          "their talks.", "mediation", 6.0),
    "F": ("A quarrel over fishing rights has produced angry speeches but nothing more; the two governments sign "
          "a treaty that settles it.", "agreement", 2.0),
}

#: The steps of one fictional preventive-diplomacy process for nb06.process_order: step -> (what happens,
#: the intensity on the model's ladder at which it is taken). The order is computed from the intensities.
PROCESS = {
    "Confidence building": ("At the talks, the two sides agree on a military hotline and on advance notice "
                            "of exercises near the border.", 3.0),
    "Early warning": ("A regional conflict-prevention centre reports troop movements and hostile broadcasts "
                      "on both sides of a disputed border.", 1.0),
    "Preventive deployment": ("Incidents go on despite the hotline; at the request of the more exposed state, a "
                              "small international force is deployed on its side of the border.", 4.0),
    "Fact-finding": ("To check the centre's report, a small mission visits the border with both governments' "
                     "consent and reports what it finds.", 1.5),
    "Good offices and mediation": ("On the basis of the mission's report, an envoy brings the two foreign "
                                   "ministers to talks.", 2.0),
}

#: A short passage for nb06.wrong_claims: letter -> (sentence, true?). Each is checked in the tests against
#: events.csv or the discrepancies table where the dataset records it.
PASSAGE = {
    "A": ("The term preventive diplomacy goes back to a UN Secretary-General, Dag Hammarskjöld, around 1960.", True),
    "B": ("Boutros Boutros-Ghali coined the term in An Agenda for Peace in 1992.", False),
    "C": ("In Europe the CSCE set up a Conflict Prevention Centre in 1990, before the UN report.", True),
    "D": ("The CSCE created its High Commissioner on National Minorities in 1990, a month after that centre.",
          False),
    "E": ("The ARF's 1995 concept paper set out four stages, ending in a security community.", False),
    "F": ("The ARF adopted its own Concept and Principles of Preventive Diplomacy in 2001.", True),
}

#: nb06.act_earlier: the intensity a dispute reached before anyone acted, and the earlier moment to compare.
LATE_ACT, EARLY_ACT = 6.0, 3.5
#: Statements about acting at EARLY_ACT instead of LATE_ACT (ratio 16); the model decides which are true.
ACT_EARLIER = (
    "Preventive diplomacy would still apply",
    "Acting would cost half as much",
    "Coercive diplomacy would be one of the tools that apply",
    "Acting would cost 2.5 ounces less, one ounce per unit of intensity",
    "Mediation would be available at both moments",
)

#: nb06.dearer_cure: the new ratio and the intensity at which the learner reads the cost.
DEARER_RATIO, DEARER_AT = 64, 5.0
DEARER_OPTIONS = ("4 ounces, as before", "8 ounces", "16 ounces", "32 ounces")


def _not_a_type() -> str:
    """The option that is not one of the lecture's four types (the types come from relations.csv)."""
    tables = load_dataset()
    rel, concepts = tables["relations"], tables["concepts"]
    ids = set(rel.loc[(rel["from_id"] == "preventive_diplomacy") & (rel["relation"] == "contrasts_with")
                      & (rel["locator"] == _TYPES_LOCATOR), "to_id"])
    names = set(concepts.loc[concepts["concept_id"].isin(ids), "name_en"])
    (odd,) = [o for o in TYPE_OPTIONS if o not in names]
    return odd


def _type_names() -> dict[str, str]:
    """English name of each of the lecture's four types of diplomacy, from concepts.csv."""
    concepts = load_dataset()["concepts"].set_index("concept_id")
    return {cid: concepts.loc[cid, "name_en"] for _text, cid in TYPE_VIGNETTES.values()}


def _diplomacy_types() -> dict[str, str]:
    names = _type_names()
    return {k: names[cid] for k, (_text, cid) in TYPE_VIGNETTES.items()}


def vignette_way(tool: str, intensity: float) -> str:
    """The way of handling a conflict that ``tool`` serves at ``intensity`` in the escalation model: among
    the ways that apply there, the one whose tools include ``tool`` (exactly one, or ValueError)."""
    open_ways = set(escalation.ladder_ways(intensity))
    found = [w.id for w in escalation.LADDER_WAYS if w.id in open_ways and tool in w.tools]
    if len(found) != 1:
        raise ValueError(f"{tool!r} at intensity {intensity} serves {found}, not exactly one way")
    return found[0]


def _vignette_ways() -> dict[str, str]:
    return {k: vignette_way(tool, x) for k, (_text, tool, x) in WAY_VIGNETTES.items()}


def _process_order() -> list[str]:
    return sorted(PROCESS, key=lambda step: PROCESS[step][1])


def _wrong_sentences() -> list[str]:
    return [k for k, (_text, true) in PASSAGE.items() if not true]


def act_earlier_truths(late: float = LATE_ACT, early: float = EARLY_ACT,
                       ratio: float = escalation.LADDER_RATIO) -> dict[str, bool]:
    """Whether each statement of ACT_EARLIER holds in the model, for acting at ``early`` instead of ``late``."""
    tools_early = escalation.ladder_tools(early, ratio)
    tools_late = escalation.ladder_tools(late, ratio)
    applies = lambda table, tool: bool(table.loc[table["tool"] == tool, "applies"].any())  # noqa: E731
    saved = escalation.ladder_cost(late, ratio) - escalation.ladder_cost(early, ratio)
    return dict(zip(ACT_EARLIER, (
        "prevention" in escalation.ladder_ways(early),
        abs(escalation.ladder_cost_ratio(late, early, ratio) - 2) < 1e-9,
        applies(tools_early, "coercive diplomacy"),
        abs(saved - (late - early)) < 0.05,
        applies(tools_early, "mediation") and applies(tools_late, "mediation"),
    )))


def _act_earlier() -> list[str]:
    return [s for s, true in act_earlier_truths().items() if true]


def _dearer_cure() -> str:
    cost = escalation.ladder_cost(DEARER_AT, DEARER_RATIO)
    (hit,) = [o for o in DEARER_OPTIONS if abs(float(o.split()[0]) - cost) < 1e-6]
    return hit


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
        id="nb06.diplomacy_types", level="apply", notebook=NB, title="Which type of diplomacy?", kind="match",
        prompt="For each short case A-D, which of the lecture's four types of diplomacy is it?",
        options=DIPLOMACY_TYPES, solution=_diplomacy_types,
        labels={k: f"{k}. {text}" for k, (text, _cid) in TYPE_VIGNETTES.items()},
        hints=("Ask two questions of each case: is there a war, and is there a dispute that could turn violent?",
               "Only one case has a quarrel that has not yet turned violent; only one takes place during a war. Of "
               "the other two, one serves the economy and one is the routine business of peacetime."),
        objective=OBJECTIVES[1], minutes=4, points=2,
        explanation="What sets preventive diplomacy apart is its moment and aim: a dispute exists (A) but mass "
                    "violence has not broken out, and the diplomacy tries to keep it that way. Lobbying for an "
                    "embargo during a war (B) is wartime diplomacy even though it is peaceful talk; a loan for a "
                    "railway (C) serves development; renewing agreements with no dispute in sight (D) is "
                    "conventional diplomacy.",
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
        objective=OBJECTIVES[1], minutes=3,
        explanation="The six functions all act before mass violence or to stop it appearing. An alliance against "
                    "an aggressor is the traditional, zero-sum answer the lecture sets against cooperative "
                    "security; peacekeeping after a ceasefire and winning a war come after the outbreak. The sixth "
                    "function, reducing misperception, links preventive diplomacy with the security dilemma.",
    ),
    Exercise(
        id="nb06.process_order", level="apply", notebook=NB, title="From warning to deployment", kind="order",
        prompt="Put the five steps of the fictional case in the order they happened, first to last.",
        options=tuple(PROCESS), solution=_process_order,
        hints=("Each step needs something the one before produced: find the step that needs nothing but "
               "watching.",
               "The envoy works from a report, and the hotline is agreed at the envoy's talks.",
               "The force is sent when a measure agreed at the talks has not stopped the incidents."),
        objective=OBJECTIVES[0], minutes=4, points=2,
        explanation="Warning comes first because nothing starts without it; fact-finding checks the warning; the "
                    "envoy's good offices build on the mission's report; the hotline is agreed at those talks; "
                    "deployment, the most intrusive step, comes last, when the rest has not calmed the border. "
                    "An Agenda for Peace lists its measures in another order (confidence building first): that "
                    "is an order of exposition, not of time. All five steps come before armed conflict, so the "
                    "case runs from early to late prevention.",
    ),
    Exercise(
        id="nb06.development_order", level="recall", notebook=NB, title="How preventive diplomacy spread",
        kind="order",
        prompt="Put these steps in the development of preventive diplomacy in the order they happened, earliest first.",
        options=tuple(DEVELOPMENT.values()), solution=_development_order,
        hints=("The UN Secretary-General's report is dated 17 June 1992.",
               "Not every regional step came after the global one: look at what Europe did in 1990.",
               "The CSCE's second step came a few weeks after the UN report, at its Helsinki summit."),
        objective=OBJECTIVES[2], minutes=3,
        explanation="The lecture's order, global then regional, is an order of ideas: in Europe the CSCE "
                    "had set up a Conflict Prevention Centre in November 1990, before the UN report of June "
                    "1992; its Helsinki summit created the High Commissioner on National Minorities in July "
                    "1992, just after it. The ARF followed in Asia, with its staged approach in 1995 and its "
                    "own concept and principles in 2001.",
    ),
    Exercise(
        id="nb06.wrong_claims", level="analyse", notebook=NB, title="Spot the wrong claims", kind="multi",
        prompt="Which sentences of the passage A-F are wrong? Tick every wrong one.",
        options=tuple(PASSAGE), solution=_wrong_sentences,
        hints=("There is more than one wrong sentence. Check each date against the timeline above and the text "
               "of sections 1 and 4.",
               "Who first used the term, and who revived it? Which CSCE step came in 1992, not 1990?",
               "For the ARF, look back at the disagreement between the lecture and the ARF's 1995 concept paper."),
        objective=OBJECTIVES[2], minutes=5, points=2,
        explanation="B is wrong: Hammarskjöld used the term around 1960; Boutros-Ghali revived and widened it in "
                    "1992. D is wrong: the High Commissioner on National Minorities was created at the Helsinki "
                    "summit in July 1992 (the first took office in 1993), not in 1990. E is wrong: the ARF's "
                    "paper has three stages; the fourth, a security community, is the lecture's addition.",
    ),
    Exercise(
        id="nb06.vignette_ways", level="apply", notebook=NB, title="Prevention, management or resolution?",
        kind="match",
        prompt="For each short case A-F, which of the lecture's three ways of handling an escalating conflict "
               "does it show: 'prevention', 'management' or 'resolution'?",
        options=WAY_OPTIONS, solution=_vignette_ways,
        labels={k: f"{k}. {text}" for k, (text, _tool, _x) in WAY_VIGNETTES.items()},
        hints=("First ask of each case: has a crisis or conflict broken out yet? Then: does the step settle the "
               "dispute for good?",
               "Two cases use a go-between who brings the parties to talks: the tool is the same, the moment is not.",
               "A settlement can come before any violence or after a war: resolution applies at any rung."),
        objective=OBJECTIVES[3], minutes=5, points=2,
        explanation="A (an envoy before any force) is prevention; B (observers after a ceasefire), D (a threat "
                    "backed by force) and E (mediation once clashes have begun) contain a conflict that has broken "
                    "out, so they are management; C (a binding boundary decision) and F (a treaty) settle the "
                    "dispute, so they are resolution, whether they come after a war or before any violence. "
                    "Mediation serves prevention in A and management in E: the moment decides.",
    ),
    Exercise(
        id="nb06.ounce_of_prevention", level="apply", notebook=NB, title="An ounce of prevention", kind="numeric",
        prompt="In the escalation model with its default ratio of 16, how many times does acting at the first rung "
               "of war (intensity 7.5) cost what acting at the first rung of late prevention (intensity 2.5) costs?",
        solution=_war_over_late_prevention, tolerance=0.05,
        hints=("Read the cost at 2.5 and at 7.5 from the table of phases (or the widget), then divide.",
               "C(x) = 16 ** (x / 10); the ratio is 16 ** ((7.5 - 2.5) / 10).",
               "16 ** 0.5 is the square root of 16."),
        objective=OBJECTIVES[4], minutes=3,
        explanation="Acting at 2.5 costs 2 ounces and at 7.5 costs 8: waiting from late prevention to war "
                    "multiplies the cost by 4 in this model. The numbers are illustrative, but the shape is the "
                    "lecture's proverb.",
    ),
    Exercise(
        id="nb06.act_earlier", level="analyse", notebook=NB, title="Acting earlier", kind="multi",
        prompt=f"A dispute reached intensity {LATE_ACT:g} before anyone acted. In the model with ratio 16, what "
               f"would have been different had a regional envoy acted at intensity {EARLY_ACT:g}? Tick every "
               "statement that holds.",
        options=ACT_EARLIER, solution=_act_earlier,
        hints=("Set the widget to each intensity in turn and read the phase, the ways that apply and the cost.",
               "The cost grows by a factor, not by a fixed amount: compare the two costs by dividing.",
               "Mediation is listed under two ways: check whether one of them applies at each intensity."),
        objective=OBJECTIVES[4], minutes=4, points=2,
        explanation=f"At {EARLY_ACT:g} the conflict is still in late prevention, so preventive diplomacy applies "
                    "and coercive diplomacy, a tool of management, does not. The cost ratio is "
                    f"16 ** (({LATE_ACT:g} - {EARLY_ACT:g}) / 10) = 2, so acting earlier costs half as much; the "
                    "saving is about 2.6 ounces, not 2.5, because cost grows by a factor. Mediation is open at "
                    "both moments: as a means of prevention before the crisis, as a tool of management after.",
    ),
    Exercise(
        id="nb06.dearer_cure", level="analyse", notebook=NB, title="A dearer cure", kind="choice",
        prompt=f"Predict, then check with the widget: with Cure : prevention at 16, acting at intensity "
               f"{DEARER_AT:g} costs 4 ounces. Move the ratio to {DEARER_RATIO}. What does acting at "
               f"{DEARER_AT:g} cost now?",
        options=DEARER_OPTIONS, solution=_dearer_cure,
        hints=("C(x) = R ** (x / 10): what power of R is acting at the middle of the ladder?",
               "R ** 0.5 is the square root of R. What is the square root of 64?"),
        objective=OBJECTIVES[4], minutes=3,
        explanation=f"At the middle of the ladder C = R ** 0.5: the square root of 64 is 8. Making the cure four "
                    "times dearer doubles the cost halfway up; only at the top (intensity 10) does the cost rise "
                    "as much as the ratio, to 64. The steeper R, the more waiting costs.",
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
               "(3) weighs it: for example that the term comes from a UN Secretary-General (Hammarskjöld, around "
               "1960), the definition the lecture uses from another (Boutros-Ghali) "
               "and its proverbs are English, so prevention is not only Eastern; that a cultural disposition is "
               "not evidence of practice; or that the argument supports China's case for an Asian security "
               "concept and should be read as a position; (4) separates the lecture's claim from established fact.",
        objective=OBJECTIVES[5], minutes=8,
    ),
]
