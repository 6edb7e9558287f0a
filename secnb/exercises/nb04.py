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


def _event_dates():
    return load_dataset()["events"].set_index("event_id")["date_start"]


def _months_apart(first: str = "qian_arf_1996", second: str = "arf_1997") -> int:
    """Months from the event ``first`` to the event ``second`` (by their dates in events.csv)."""
    dates = _event_dates()
    a, b = dates[first], dates[second]
    return (b.year - a.year) * 12 + (b.month - a.month)


def _border_year() -> int:
    """The year China and Russia settled the last sections of their eastern boundary (events.csv)."""
    return int(_event_dates()["boundary_agreement_2004"].year)


# ---------------------------------------------------------------------------------------------
# A passage about the origins with wrong claims in it. Each sentence comes with the row of
# discrepancies.csv it concerns and a test of its claim against events.csv: the wrong sentences
# are those whose test fails, so the answer follows the dataset.


def _same_month(a: str, b: str) -> bool:
    d = _event_dates()
    return (d[a].year, d[a].month) == (d[b].year, d[b].month)


#: (sentence, discrepancy_id, test of the claim against events.csv: True if the sentence holds).
ORIGIN_PASSAGE = (
    ("The lecture and the explainer article both date China's first statement of the concept to July 1996.",
     "origin_lecture_vs_article", lambda: _same_month("qian_arf_1996", "arf_1997")),
    ("The Position Paper itself dates China's initiative to 1996.",
     "origin_paper_vs_web", lambda: _event_dates()["nsc_initiative_1996"].year == 1996),
    ("The Sino-Russian joint statement came a month after the formal proposal the article dates to March 1997.",
     "origin_lecture_vs_article", lambda: _months_apart("arf_1997", "sino_russian_declaration_1997") == 1),
    ("From that proposal to the July 1998 white paper lie more than eighteen months, as the web page counts.",
     "web_internal_span", lambda: _months_apart("arf_1997", "whitepaper_1998") > 18),
    ("Jiang Zemin presented the concept in Geneva in March 1999, eight months after the white paper.",
     "jiang_attribution", lambda: _months_apart("whitepaper_1998", "jiang_cd_1999") == 8),
    ("China submitted the Position Paper at the ARF in August 2002.",
     "paper_date", lambda: _event_dates()["position_paper_2002"].month == 8),
    ("China and Russia agreed the last sections of their boundary in 2002, the year of the Paper.",
     "border_settled", lambda: _border_year() == _event_dates()["position_paper_2002"].year),
)


def origin_passage_markdown() -> str:
    """The passage as the notebook shows it, each sentence with its letter."""
    return " ".join(f"({chr(97 + i)}) {text}" for i, (text, _, _) in enumerate(ORIGIN_PASSAGE))


def _wrong_origin_claims() -> list[str]:
    return [text for text, _, holds in ORIGIN_PASSAGE if not holds()]


# ---------------------------------------------------------------------------------------------
# New cases for the four pillars (written for the course, not the Paper's words). Each case
# names the pillar it fits best by the Position Paper's definitions (part III), or None if it
# runs against the concept as the Paper describes it.

NONE = "none: goes against it"
#: The categories: the pillars as "english (中文)", in the Paper's order, then NONE. The solution
#: is built from concepts.csv, so a test catches any drift between these and the dataset.
PILLARS = ("mutual trust (互信)", "mutual benefit (互利)", "equality (平等)", "coordination (协作)", NONE)

#: id -> (case, pillar concept id or None).
PILLAR_CASES = {
    "white_papers": ("Two neighbours' defence ministries agree to swap their yearly defence white papers and to "
                     "tell each other in advance about their large military exercises.", "mutual_trust"),
    "strait_patrol": ("Three coastal states troubled by piracy in a strait they share run joint naval patrols "
                      "and pool information on suspect ships, so that the attacks stop before they become a "
                      "wider crisis.", "coordination"),
    "radar": ("A state planning a long-range radar near its border learns that it would also watch deep into its "
              "neighbour's territory, and sites it so that it covers only its own airspace.", "mutual_benefit"),
    "one_seat": ("A new regional body gives every member, from a city-state of half a million people to a "
                 "country of a billion, one seat and one vote, and passes the chair round all of them.",
                 "equality"),
    "island_talks": ("Two states whose fishing fleets keep clashing near an island both claim set up a joint "
                     "commission and agree to decide the island's status at the table, not at sea.",
                     "coordination"),
    "systems": ("The leaders of a one-party state and of a multiparty democracy declare that their different "
                "political systems are no reason to see each other as a threat, and tone down the hostile "
                "commentary in their official media.", "mutual_trust"),
    "election": ("After a disputed election next door, a government declines to fund or arm either camp and says "
                 "the outcome is for that country to settle.", "equality"),
    "bloc": ("Two states sign a treaty naming a third country as their common threat and station a joint brigade "
             "on its border.", None),
}

#: Why each case goes where it does (the explanation shows it after a correct answer or the reveal).
PILLAR_WHY = ("By the Paper's definitions: swapping white papers and notice of exercises are the briefings on "
              "defence policy and major operations that close its mutual trust (the explainer article moves them to "
              "coordination, so the exercise says whose definitions to use); looking past different political "
              "systems is also mutual trust. Joint anti-piracy patrols are cooperation on a security issue of "
              "common concern, and deciding a dispute by negotiation is the other half of coordination. Siting a "
              "radar so that it meets one's own need without making the neighbour less secure is mutual benefit. "
              "One seat for every member, whatever its size, and keeping out of a neighbour's election are "
              "equality. A treaty aimed at a named third country is the bloc thinking the Paper asks countries to "
              "leave behind.")


def _pillar_name(concept_id) -> str:
    if concept_id is None:
        return NONE
    c = load_dataset()["concepts"].set_index("concept_id")
    return f"{c.loc[concept_id, 'name_en'].lower()} ({c.loc[concept_id, 'name_zh']})"


def _pillar_cases() -> dict[str, str]:
    return {cid: _pillar_name(pillar) for cid, (_, pillar) in PILLAR_CASES.items()}


def _numbered(cases: dict) -> dict[str, str]:
    return {cid: f"{i}. {case[0]}" for i, (cid, case) in enumerate(cases.items(), start=1)}


def cases_markdown(cases: dict) -> str:
    """The numbered cases as a Markdown list (the notebook shows them with the exercise)."""
    return "\n".join(f"{text}" for text in _numbered(cases).values())


# ---------------------------------------------------------------------------------------------
# New arrangements to classify by the Paper's forms of cooperation (part III), or as alliances.

FORMS = ("a multilateral security mechanism with relatively strong binding force",
         "a forum-like multilateral security dialogue",
         "a bilateral security dialogue for confidence building",
         "a non-governmental dialogue of an academic nature (track two)",
         "greater interaction of economic interests",
         "a military alliance (none of the Paper's forms)")

#: id -> (arrangement, index in FORMS).
FORM_CASES = {
    "think_tanks": ("Researchers from think tanks in a dozen Asia-Pacific countries meet twice a year on maritime "
                    "security; a few officials join them in a private capacity, and their papers go to "
                    "governments as advice.", 3),
    "yearly_meeting": ("The foreign ministers of some twenty-five countries meet once a year to talk over the "
                       "region's security; they decide by consensus, and the chair's closing statement binds no "
                       "one.", 1),
    "pact": ("Two states promise that an attack on either will be treated as an attack on both, and set up a joint "
             "command to plan their defence against a neighbour they both fear.", 5),
    "hotline": ("Two neighbours' defence ministers agree to meet every year, to exchange visits of officers and to "
                "open a hotline between their military headquarters.", 2),
    "troop_caps": ("Five states sign a treaty that caps the troops each may keep near their common borders, "
                   "requires them to exchange data on those forces and lets the others inspect compliance.", 0),
    "railway": ("Two states with a tense past open a cross-border railway and cut their tariffs, hoping that "
                "growing trade will give each a stake in the other's stability.", 4),
    "basing": ("A great power and a small state agree that the great power may keep troops on the small state's "
               "soil to deter a rival they both name in their joint statement.", 5),
}


def _form_cases() -> dict[str, str]:
    return {cid: FORMS[i] for cid, (_, i) in FORM_CASES.items()}


# ---------------------------------------------------------------------------------------------
# Draft commitments of a regional communiqué: which fit the principles of the Paper (part II)?

#: (draft commitment, the principle of part II it fits, or None if it goes against the concept).
COMMUNIQUE = (
    ("Settle the dispute over the shoals by negotiation alone.", "peaceful settlement through negotiation"),
    ("Form a joint military bloc to balance the rising power to the north.", None),
    ("Work together against people-smuggling networks that cross the borders.", "non-traditional security"),
    ("Call for reform of the international financial institutions, giving developing economies more say.",
     "reform of economic and financial organisations"),
    ("Reserve the right to send forces into a member state to install a government the parties recognise.", None),
    ("Uphold the treaties against the spread of weapons of mass destruction and avoid an arms race.",
     "arms control and no arms race"),
    ("Build each party's security on its own armed strength, whatever its neighbours fear.", None),
)

# ---------------------------------------------------------------------------------------------
# Weighing the Paper's claim of full evidence.

JUDGEMENTS = (
    "Borne out in full: by July 2002 China had settled every border and maritime dispute the Paper mentions, the "
    "South China Sea included.",
    "Partly borne out: land borders and the Shanghai Five's agreements support it, but the China-Russia boundary "
    "was closed only in 2004 and the South China Sea got only a declaration.",
    "Not borne out: before the Paper China had settled none of its boundary disputes by negotiation, so the "
    "practice it cites is only words.",
    "Cannot be judged: every source on China's practice is Chinese, so no outside reader can weigh the claim at "
    "all.",
)

WESTERN_STANCES = (
    "support it: like the UN's concept, China's puts people at the centre of security",
    "oppose it: the concept stresses sovereignty and opposes interference in internal affairs on the pretext of "
    "human rights",
    "support it if an alliance leads it, since an alliance can field the strongest force",
    "take no view: the concept concerns only non-traditional threats such as terrorism",
)

FRAMEWORK = ("mutual_security", "cooperative_security", "comprehensive_security", "common_security",
             "universal_security")


def _origins_order() -> list[str]:
    events = load_dataset()["events"].set_index("event_id")
    return sorted(ORIGIN_ITEMS, key=lambda item: (events.loc[ORIGIN_ITEMS[item], "date_start"], ORIGIN_ITEMS[item]))


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


def _framework_labels() -> dict[str, str]:
    names = load_dataset()["concepts"].set_index("concept_id")["name_en"]
    return {cid: names[cid] for cid in FRAMEWORK}


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
        objective=O_ORIGINS, minutes=4, points=1,
        explanation="The order follows the dates in events.csv: the lecture's ARF speech (July 1996) comes eight "
                    "months before the article's formal proposal (March 1997), and the Position Paper (July 2002) "
                    "closes the list. Mind that the UN speech carries the lecture's month, December 1997, which "
                    "the course flags as a likely slip.",
    ),
    Exercise(
        id="nb04.origins_claims", level="analyse", notebook=NB, title="Wrong claims about the origins", kind="multi",
        prompt="A student wrote this summary of the concept's origins. Which sentences does the dataset (the "
               "discrepancies table and the dates of events.csv) show to be wrong?",
        options=tuple(text for text, _, _ in ORIGIN_PASSAGE), solution=_wrong_origin_claims,
        hints=("Check each date against the disagreements table above; where a sentence says two sources agree, "
               "look for a row where they do not.",
               "Count the months yourself for any sentence that measures a gap between two dates.",
               "Four of the seven sentences are wrong. For the sentences on the Paper's submission and on the "
               "China-Russia boundary, read the rows paper_date and border_settled."),
        objective=O_ORIGINS, minutes=5, points=2,
        explanation="The lecture (July 1996) and the article (March 1997) disagree on the first date "
                    "(origin_lecture_vs_article); March 1997 to July 1998 is sixteen months, not more than eighteen, "
                    "which is why the web page's own count points to a start in 1996 (web_internal_span); the Paper "
                    "was submitted on 31 July 2002, and August is only the web page's date (paper_date); China and "
                    "Russia settled their last boundary sections in October 2004, not 2002 (border_settled). The "
                    "sentences on the Paper's 1996, the April 1997 statement and Jiang Zemin's speech hold.",
    ),
    Exercise(
        id="nb04.pillar_cases", level="apply", notebook=NB, title="New cases for the four pillars", kind="match",
        prompt="By the Position Paper's definitions (part III), which pillar does each case fit best? Choose "
               f"'{NONE}' for a case that runs against the concept as the Paper describes it.",
        options=PILLARS, solution=_pillar_cases, labels=lambda: _numbered(PILLAR_CASES),
        hints=("Ask of each case what the states do: talk and brief, take the other's security into account, "
               "treat each other as equals, or settle and cooperate. Then find the definition that asks for it.",
               "Two cases fit mutual trust, two coordination and two equality; one fits mutual benefit, and one "
               "none.",
               "For the white papers and notice of exercises, use the Position Paper's definitions, not the "
               "explainer article's: the two file such briefings under different pillars."),
        objective=O_PILLARS, minutes=6, points=3, explanation=PILLAR_WHY,
    ),
    Exercise(
        id="nb04.principles", level="apply", notebook=NB, title="A draft communiqué", kind="multi",
        prompt="Seven draft commitments of a regional communiqué (each begins 'The parties will...'). Which of "
               "them fit the principles the Position Paper (part II) lists as the basis of the concept?",
        options=tuple(text for text, _ in COMMUNIQUE),
        solution=[text for text, principle in COMMUNIQUE if principle],
        hints=("Set each draft beside the five principles of section 3: UN Charter and Five Principles, "
               "negotiated settlement, economic reform, non-traditional security, arms control.",
               "Three drafts go against the concept: look for a bloc, an intervention and one-sided security.",
               "Four drafts fit, each a different principle."),
        objective=O_PAPER, minutes=4, points=2,
        explanation="Negotiating the shoals, joint work against people-smuggling (a non-traditional threat), reform "
                    "of the financial institutions and upholding the non-proliferation treaties without an arms race "
                    "each match one of the Paper's principles. A bloc aimed at another power, forces sent to install "
                    "a government and security built on one's own strength alone are what the Paper sets itself "
                    "against: alliances, interference in internal affairs and one-sided security.",
    ),
    Exercise(
        id="nb04.cooperation_forms", level="apply", notebook=NB, title="Forms of cooperation", kind="match",
        prompt="Is each arrangement one of the forms of cooperation the Position Paper (part III) names, and "
               "which, or a military alliance?",
        options=FORMS, solution=_form_cases, labels=lambda: _numbered(FORM_CASES),
        hints=("Ask three things of each case: who takes part (officials or researchers), how many states, and "
               "whether the result binds anyone.",
               "An alliance names an enemy or promises mutual defence; the Paper's forms target no one.",
               "Two cases are alliances; each of the Paper's five forms has one case."),
        objective=O_PAPER, minutes=5, points=2,
        explanation="Think tanks with officials in a private capacity are track two; a yearly consensus meeting of "
                    "ministers is a forum (the ARF is one); annual talks and a hotline between two states are a "
                    "bilateral confidence-building dialogue; a treaty with caps, data exchange and inspections "
                    "binds (as the Shanghai Five's 1997 agreement did); a railway and lower tariffs are economic "
                    "interaction. A mutual-defence pact and troops based against a named rival are alliances, which "
                    "the concept sets itself apart from.",
    ),
    Exercise(
        id="nb04.full_evidence", level="evaluate", notebook=NB, title="Full evidence?", kind="choice",
        prompt="The Position Paper (part IV) says China's experience gives full evidence of the concept's "
               "feasibility. Which judgement does the evidence in this notebook best support?",
        options=JUDGEMENTS, solution=JUDGEMENTS[1],
        hints=("Test each judgement against the practice timeline: what had happened by 31 July 2002, and what "
               "came after?",
               "A judgement that says 'every' or 'none' fails if a single event contradicts it; look at the rows "
               "border_settled and the Beibu Gulf agreement.",
               "Ask also whether Chinese authorship of a source makes the dated agreements it mentions "
               "impossible to check."),
        objective=O_WEIGH, minutes=4, points=2,
        explanation="The land borders, the Beibu Gulf agreement (December 2000) and the Shanghai Five's agreements "
                    "(1996, 1997) support the claim, but the China-Russia boundary was settled only in October 2004 "
                    "and the South China Sea saw a non-binding declaration (November 2002), not a code: the claim "
                    "holds in part and 'full' overstates it. 'Cannot be judged' is tempting, but the agreements "
                    "are dated documents any reader can check, whoever cites them.",
    ),
    Exercise(
        id="nb04.western_difference", level="apply", notebook=NB, title="A case of intervention", kind="choice",
        prompt="A regional organisation debates sending troops into a member state, without its government's "
               "consent, to protect civilians from that government. Going by the explainer article's account of "
               "how China's concept differs from the Western one, which stance fits China's concept?",
        options=WESTERN_STANCES, solution=WESTERN_STANCES[1],
        hints=("The article names two similarities with the UN's concept and then the differences: which one "
               "decides a case of intervention?",
               "What does the article say the Western concept stresses beyond sovereignty, and what does China's "
               "stress instead?"),
        objective=O_COMPARE, minutes=3,
        explanation="The article finds the concepts alike in using non-military means and putting people at the "
                    "centre, but says China's stresses the Five Principles and opposes interference in sovereign "
                    "countries' internal affairs on the pretext of human rights, while the Western concept stresses "
                    "intervention beyond sovereignty. The people-centred option is the tempting one: it names a "
                    "similarity, not what divides them.",
    ),
    Exercise(
        id="nb04.framework_levels", level="recall", notebook=NB, title="The lecture's framework", kind="match",
        prompt="In the lecture's theoretical framework, is each concept a pillar or the orientation of one level "
               "(national, regional or global)?",
        options=("pillar", "national", "regional", "global"), solution=_framework, labels=_framework_labels,
        hints=("Look at the framework chart: the pillars stand at the sides, the levels lie between them.",
               "Two of the five are pillars; the other three each have a different level.",
               "The lecture's slide Logic of these Security Concepts gives each of the three its level; so does "
               "the level column of concepts.csv."),
        objective=O_COMPARE, minutes=3,
        explanation="The lecture makes mutual and cooperative security the two pillars, and gives comprehensive "
                    "security to national concerns, common security to regional cooperation and universal security "
                    "to the world and humankind (relations pillar_of and orientation_of, level in concepts.csv).",
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
