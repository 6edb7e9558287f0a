"""Exercises of notebook 05, Overall national security and the Asian security concept."""

from ..data import load_dataset
from . import Exercise


# A model answer for the open question: shown to instructors in the solutions edition.
MODEL_ANSWER = (
    "Two key points of the concept Xi Jinping proposed at the CICA summit in May 2014 could be read in "
    "Washington as aimed at the United States. First, the view that a military alliance aimed at a third "
    "party does not help common regional security questions the US alliances with Japan, South Korea, the "
    "Philippines and Australia, which their members see as defensive. Second, the idea that Asians should "
    "handle Asia's security themselves suggests a smaller role for an outside power. Read through the "
    "security dilemma of notebook 02, a state that hears its alliances called harmful may fear it is being "
    "pushed out and answer by strengthening them, which China in turn may read as containment. The concept "
    "also contains points that could reassure: common security means security with, not against, others; it "
    "rejects absolute security at others' expense; and it puts development first. The Berlin paper reports "
    "the outside concern; the speech states China's proposal; neither settles which reading is right. What "
    "would settle it is practice rather than words: whether China uses CICA and other bodies for inclusive "
    "confidence-building or to exclude outside powers, how it handles the maritime disputes in the East and "
    "South China Seas, and whether the United States and its allies adjust their alliances or harden them."
)

NB = "05_overall_and_asian_security"

OBJECTIVES = (
    "Tell how the national security commission and the overall national security outlook came about in 2013-2014",
    "Name the eleven fields of the overall national security outlook, the order of its aims and the five balances it asks for",
    "State the four adjectives and the key points of the Asian security concept proposed at CICA in May 2014",
    "Trace how the vocabulary moved from the four core elements of 1996-2002 to the four adjectives of 2014",
    "Weigh how China presents these concepts against how outside powers see them",
)

#: The field ids of fields.csv, in alphabetical order (the order of the fields is the exercise).
FIELD_IDS = ("cultural", "ecological", "economic", "homeland", "information", "military", "nuclear", "political",
             "resources", "scitech", "societal")

#: Statements for the exercise on the Asian security concept, lettered as the notebook shows them:
#: (letter, statement in our words, True if it is a key point as the Berlin paper and the lecture
#: report them). The others belong to concepts the Asian concept argues against, or contradict it.
STATEMENTS = (
    ("A", "A state must not make itself perfectly secure by making other states insecure.", True),
    ("B", "A strong military alliance is the surest basis of security in the region.", False),
    ("C", "Differences among Asian countries can drive security cooperation instead of blocking it.", True),
    ("D", "Security rests on development: for most Asian countries, development does the most for security.", True),
    ("E", "All members should adopt the same social system, so that they can trust each other.", False),
    ("F", "States respect each other's sovereignty and territory and keep out of each other's internal affairs.", True),
    ("G", "The other members should punish an aggressor together, by force if need be.", False),
    ("H", "Alliances directed against a third country do not help the region's common security.", True),
)


def statements_markdown() -> str:
    """The lettered statements as a Markdown list (the notebook shows them with the exercise)."""
    return "\n".join(f"- **{letter}.** {text}" for letter, text, _ in STATEMENTS)


def _days_nsc_to_cica() -> int:
    events = load_dataset()["events"].set_index("event_id")
    return int((events.loc["cica_summit_2014", "date_start"] - events.loc["nsc_first_meeting_2014", "date_start"]).days)


def _slide_order() -> list[str]:
    return list(load_dataset()["fields"].sort_values("order_su_zh")["field_id"])


def _adjective_families() -> dict[str, str]:
    tables = load_dataset()
    rel, concepts = tables["relations"], tables["concepts"].set_index("concept_id")
    adjectives = rel.loc[(rel["relation"] == "part_of") & (rel["to_id"] == "asian_security_concept"), "from_id"]
    return {a.removesuffix("_security"): concepts.loc[a, "family"] for a in adjectives}


EXERCISES = [
    Exercise(
        id="nb05.days_to_cica", level="recall", notebook=NB, title="From the commission to CICA", kind="numeric",
        prompt=("How many days after the first meeting of the national security commission did Xi Jinping give "
                "his keynote speech at the CICA summit in Shanghai? Read both dates from the timeline."),
        solution=_days_nsc_to_cica, tolerance=0,
        hints=("Find the two events on the 2013-2014 timeline: the commission's first meeting and the CICA summit.",
               "Count the days left in April after the first date, then add the days of May up to the second.",
               "In pandas: the difference of the two date_start values, then .days."),
        objective=OBJECTIVES[0], minutes=3,
        explanation="A little over a month separates the national outlook from the regional one.",
    ),
    Exercise(
        id="nb05.aims_roles", level="recall", notebook=NB, title="The order of aims", kind="match",
        prompt=("Translate the lecture's slide 坚持总体国家安全观: match each kind of security to the role the slide "
                "gives it (purpose, root, foundation, guarantee or support)."),
        solution={"people": "purpose", "political": "root", "economic": "foundation",
                  "military_cultural_social": "guarantee", "international": "support"},
        options=("purpose", "root", "foundation", "guarantee", "support"),
        hints=("Each line of the slide reads 以 X 为 Y: take X as Y. Find Y in each line and look it up in the glossary.",
               "宗旨 is an aim or purpose, 根本 a root, 基础 a foundation, 保障 a guarantee, 依托 something to lean on.",
               "Five lines, five roles, each used once: match the Chinese security in each line to its English key."),
        objective=OBJECTIVES[1], minutes=5,
        explanation=("People's security is the purpose, political security the root, economic security the "
                     "foundation, military, cultural and social security the guarantee, and promoting international "
                     "security the support."),
    ),
    Exercise(
        id="nb05.slide_order", level="recall", notebook=NB, title="The Chinese slide's order", kind="order",
        prompt=("The lecture's Chinese slide lists the eleven fields in an order of its own. Give the field ids in "
                "the slide's order."),
        options=FIELD_IDS, solution=_slide_order,
        hints=("Match each Chinese name on the slide to its row of the table above, one by one from the left.",
               "The slide starts like the official list but puts 国土安全 (homeland) and 社会安全 (societal) near the end.",
               "The slide puts the fields of hard power and technology first, then ecology and information, then culture."),
        objective=OBJECTIVES[1], minutes=5,
        explanation="Same eleven fields, another order: the course records it as the discrepancy fields_order_zh_en.",
    ),
    Exercise(
        id="nb05.domestic_focus", level="recall", notebook=NB, title="A reading of the outlook", kind="choice",
        prompt=("When the Berlin paper sums up the 2014 outlook, where does it say the greater concern lies?"),
        options=("domestic challenges", "international challenges", "both equally", "only military threats"),
        solution="domestic challenges",
        hints=("Reread the paper's four-point summing-up in section 1 of this notebook.",
               "Its second point compares two kinds of challenge, at home and abroad."),
        objective=OBJECTIVES[0], minutes=2,
        explanation=("The paper reads the outlook as more concerned with challenges at home than abroad. That is "
                     "one scholar's reading: weigh it against the outlook's own words in section 2."),
    ),
    Exercise(
        id="nb05.cica_key_points", level="recall", notebook=NB, title="Key points of the Asian security concept", kind="multi",
        prompt=("Which of these statements are key points of the Asian security concept of May 2014? Give the "
                "letters.\n" + statements_markdown()),
        options=tuple(letter for letter, _, _ in STATEMENTS),
        solution=[letter for letter, _, key in STATEMENTS if key],
        hints=("Three of the eight statements belong to concepts that the Asian concept argues against, or contradict it.",
               "Punishing an aggressor together is collective security (notebook 02); a strong alliance is collective defence.",
               "The Asian concept asks each country to respect the social system and development path others have chosen."),
        objective=OBJECTIVES[2], minutes=4,
        explanation=("Five key points: no absolute security at others' expense, diversity as a driving force, "
                     "development as the foundation, sovereignty and non-interference, and no alliances against a third party."),
    ),
    Exercise(
        id="nb05.adjective_roots", level="recall", notebook=NB, title="Where the adjectives come from", kind="match",
        prompt=("For each of the four adjectives of 2014, which family of concepts in the course dataset does it "
                "belong to?"),
        options=("traditional", "non-traditional", "chinese"), solution=_adjective_families,
        hints=("Look at the left-hand column of the vocabulary chart and at the family in each row's label.",
               "The lecture files common security under traditional concepts, as a child of the nuclear stand-off.",
               "Only one adjective has no older concept behind it."),
        objective=OBJECTIVES[3], minutes=3,
        explanation=("Three of the four adjectives are older concepts taken up again; only sustainable security "
                     "is new, and it rests on development."),
    ),
    Exercise(
        id="nb05.outside_view", level="evaluate", notebook=NB, title="How others see it", kind="open",
        prompt=("The Berlin paper expects China's Asian security concept to worry outside powers, the United States "
                "in particular. Weigh the concept's words against that reaction."),
        solution=MODEL_ANSWER, hints=(), min_words=100, points=3, minutes=12,
        rubric=("A good answer (1) names at least two key points that an outside power allied with Asian states "
                "could read as aimed at it, for example the view that alliances against a third party do not help "
                "common security and the idea that Asians should handle Asia's security, and explains why; "
                "(2) gives at least one reason the concept could reassure, for example common security, "
                "non-interference or development as the basis of security; (3) uses at least one concept from "
                "earlier notebooks (collective defence, the security dilemma, common or cooperative security) to "
                "explain the reaction; (4) keeps claims apart from facts and attributes them (the paper reports, "
                "the speech proposes); (5) says what in practice, beyond words, would show which reading is "
                "right, such as alliance policy or the handling of maritime disputes. Full marks need 1-4 and a "
                "good try at 5."),
        objective=OBJECTIVES[4],
    ),
]
