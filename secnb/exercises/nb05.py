"""Exercises of notebook 05, Overall national security and the Asian security concept."""

from ..charts.fields import HEADLINES
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

#: The field ids in the official order (the column ``order`` of fields.csv; a test checks it), the
#: choices of the headline exercise, lettered a to k in the order of the notebook's table.
FIELDS_OFFICIAL = ("political", "homeland", "military", "economic", "cultural", "societal", "scitech", "information",
                   "ecological", "resources", "nuclear")

#: Policies for the exercise on the key points of the Asian security concept, lettered as the
#: notebook shows them: (letter, an invented policy in our words, True if the key points, as the
#: Berlin paper reports them, argue against it).
STATEMENTS = (
    ("A", "A state deploys a missile shield that would make its neighbours' missiles useless, while it keeps every "
          "missile of its own.", True),
    ("B", "A state invites all its neighbours, its chief rival included, to a yearly dialogue on border security.", False),
    ("C", "Two states sign a defence pact whose war plans name a third neighbour as the enemy they prepare to fight.", True),
    ("D", "A group of states pays for roads and clinics in a poor border region where smuggling and unrest have grown.", False),
    ("E", "A large state tells a smaller neighbour that trade talks will resume only once it changes its form of "
          "government.", True),
    ("F", "A regional forum gives its smallest member the same right as its largest to put an item on the security "
          "agenda.", False),
)


def statements_markdown() -> str:
    """The statements as a Markdown list, each marked (a), (b), ... as the answer form letters them."""
    return "\n".join(f"- **({letter.lower()})** {text}" for letter, text, _ in STATEMENTS)


#: The closing communiqué of an imagined regional summit, clause by clause, with the adjective of the
#: Asian security concept (in Xi Jinping's definitions of 21 May 2014) that each clause puts in words.
COMMUNIQUE = {
    "equal_weight": ("The security of every member, large or small, matters equally, and no member will seek its "
                     "own security at the cost of another's.", "common"),
    "many_fronts": ("Members will meet border tensions and terrorism together with epidemics, cyber attacks and "
                    "shortages of energy and water, in one plan that uses many tools at once.", "comprehensive"),
    "talks_first": ("Disputes between members will be handled by dialogue and consultation; defence ministers will "
                    "meet every year, and a hotline will link their ministries.", "cooperative"),
    "border_fund": ("A joint fund will build roads, power lines and schools in the poorest border areas, because "
                    "peace lasts only where people can make a living.", "sustainable"),
    "no_blocs": ("No grouping of members will be directed against another member or against any third country.",
                 "common"),
}
#: The four adjectives in the order of the speech (a test checks them against relations.csv).
ADJECTIVES = ("common", "comprehensive", "cooperative", "sustainable")


def _same_day_commission_cica() -> bool:
    events = load_dataset()["events"].set_index("event_id")
    return bool(events.loc["cica_summit_2014", "date_start"] == events.loc["nsc_first_meeting_2014", "date_start"])


def _three_older_adjectives() -> bool:
    families = _adjective_families()
    return sum(f != "chinese" for f in families.values()) == 3 and families["sustainable"] == "chinese"


def _core_elements_became_adjectives() -> bool:
    rel = load_dataset()["relations"]
    pillars = set(rel.loc[(rel["relation"] == "pillar_of") & (rel["to_id"] == "new_security_concept"), "from_id"])
    adjectives = set(rel.loc[(rel["relation"] == "part_of") & (rel["to_id"] == "asian_security_concept"), "from_id"])
    return bool(pillars & adjectives)


def _common_security_traditional() -> bool:
    return _adjective_families()["common"] == "traditional"


#: A student's summary of sections 3 and 4, sentence by sentence: (sentence, whether it is right).
#: A truth value that the dataset can settle is a function reading it.
PASSAGE = (
    ("Xi Jinping proposed the Asian security concept at the first meeting of the national security commission.",
     _same_day_commission_cica),
    ("Three of the concept's four adjectives name security concepts older than 2014; only sustainable security is new.",
     _three_older_adjectives),
    ("The course dataset files common security among the traditional concepts, as the lecture does.",
     _common_security_traditional),
    ("The four adjectives renamed the four core elements of the New Security Concept: mutual trust became common "
     "security, mutual benefit comprehensive security, and so on.", _core_elements_became_adjectives),
    ("The lecture traces comprehensive security to European thinking of the Cold War rather than to Asian thinking.",
     False),
    ("Sustainable security rests on the link between development and security that the lecture also quotes for "
     "the national outlook.", True),
)


def _truth(value) -> bool:
    return bool(value()) if callable(value) else bool(value)


def _passage_errors() -> list[str]:
    return [text for text, truth in PASSAGE if not _truth(truth)]


def passage_markdown() -> str:
    """The student's summary as one paragraph, each sentence marked (a), (b), ... as in the form."""
    return " ".join(f"**({chr(97 + i)})** {text}" for i, (text, _) in enumerate(PASSAGE))


def _days_nsc_to_cica() -> int:
    events = load_dataset()["events"].set_index("event_id")
    return int((events.loc["cica_summit_2014", "date_start"] - events.loc["nsc_first_meeting_2014", "date_start"]).days)


def _slide_order() -> list[str]:
    return list(load_dataset()["fields"].sort_values("order_su_zh")["field_id"])


def _biggest_move() -> str:
    """The field the lecture's Chinese slide moves furthest from its place in the official order."""
    fields = load_dataset()["fields"].set_index("field_id")
    return str((fields["order_su_zh"] - fields["order"]).abs().idxmax())


def _adjective_families() -> dict[str, str]:
    tables = load_dataset()
    rel, concepts = tables["relations"], tables["concepts"].set_index("concept_id")
    adjectives = rel.loc[(rel["relation"] == "part_of") & (rel["to_id"] == "asian_security_concept"), "from_id"]
    return {a.removesuffix("_security"): concepts.loc[a, "family"] for a in adjectives}


def _headline_fields() -> dict[str, str]:
    """The field each headline mainly touches, checked against the field ids of fields.csv."""
    ids = set(load_dataset()["fields"]["field_id"])
    unknown = sorted({it.main for it in HEADLINES} - ids)
    if unknown:
        raise KeyError(f"the headlines use field ids that fields.csv does not have: {', '.join(unknown)}")
    return {it.item_id: it.main for it in HEADLINES}


_AIM_LABELS = {"people": "人民安全 people's security", "political": "政治安全 political security",
               "economic": "经济安全 economic security",
               "military_cultural_social": "军事、文化、社会安全 military, cultural and social security",
               "international": "促进国际安全 promoting international security"}

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
        explanation=("April has 30 days, so 15 days run from 15 April to 30 April, and 21 more reach 21 May: 36 "
                     "days, five weeks and a day. The national outlook and the regional concept came little more "
                     "than five weeks apart, not within five weeks."),
    ),
    Exercise(
        id="nb05.aims_roles", level="recall", notebook=NB, title="The order of aims", kind="match",
        prompt=("Translate the lecture's slide 坚持总体国家安全观: match each kind of security to the role the slide "
                "gives it (purpose, root, foundation, guarantee or support)."),
        solution={"people": "purpose", "political": "root", "economic": "foundation",
                  "military_cultural_social": "guarantee", "international": "support"},
        options=("purpose", "root", "foundation", "guarantee", "support"), labels=_AIM_LABELS,
        hints=("Each line of the slide reads 以 X 为 Y: take X as Y. Find Y in each line and look it up in the glossary.",
               "宗旨 is an aim or purpose, 根本 a root, 基础 a foundation, 保障 a guarantee, 依托 something to lean on.",
               "Five clauses, five roles, each used once: match the Chinese security in each clause to its role."),
        objective=OBJECTIVES[1], minutes=4,
        explanation=("The sentence pairs them clause by clause: 以人民安全为宗旨 makes people's security the purpose, "
                     "以政治安全为根本 political security the root, 以经济安全为基础 economic security the foundation, "
                     "military, cultural and social security the guarantee (保障), and promoting international "
                     "security the support (依托). Root and foundation are easy to swap: 根本 is the root, 基础 the base."),
    ),
    Exercise(
        id="nb05.biggest_move", level="apply", notebook=NB, title="The field the slide moves furthest", kind="text",
        prompt=("The column order of fields gives each field's place in the official list, the column order_su_zh its "
                "place on the lecture's Chinese slide. Which field does the slide move furthest from its official "
                "place? Give its field_id."),
        solution=_biggest_move,
        hints=("For each field, the distance between its two places is the difference of the two columns, without "
               "its sign.",
               "(fields['order_su_zh'] - fields['order']).abs() gives the distances, in the rows of fields.",
               "Put field_id in the index first, fields.set_index('field_id'), then .idxmax() names the largest distance."),
        objective=OBJECTIVES[1], minutes=4,
        explanation=("Homeland (territorial) security is second in the official list and tenth on the Chinese slide, "
                     "eight places down; no other field moves more than five. Cultural, societal, natural resources "
                     "and nuclear security also move a long way, which is why reading a ranking into either list is "
                     "risky."),
    ),
    Exercise(
        id="nb05.news_fields", level="apply", notebook=NB, title="Which field does each headline touch?", kind="match",
        prompt=("Eight invented headlines: for each, choose the field of the overall national security outlook that "
                "it mainly touches (a field_id of the table of the eleven fields)."),
        solution=_headline_fields, options=FIELDS_OFFICIAL, labels={it.item_id: it.text for it in HEADLINES},
        hints=("For each headline ask first what is harmed or taken (land, data, water, nature, know-how, "
               "materials, order among people, money), then find the field that guards it.",
               "Pairs to tell apart: a resource that runs short is not the same as damage to nature, and breaking "
               "into a network is not the same as the money it costs.",
               "安全 is both safety and security, so one field covers reactor material, lost or stolen; a claim "
               "drawn on a map is about where the country ends, not about who governs it."),
        objective=OBJECTIVES[1], minutes=6, points=2,
        explanation=("Each headline touches one field first and often a second: the river is about water running "
                     "short (natural resources) more than about nature, the desert about nature itself (ecological), "
                     "the ransomware about networks (information) before money, the lost engineers about know-how "
                     "(science and technology), the panic about order among people (societal). The overlaps are "
                     "why the outlook asks for an overall view."),
    ),
    Exercise(
        id="nb05.domestic_reading", level="evaluate", notebook=NB, title="Weighing a reading of the outlook",
        kind="choice",
        prompt=("The Berlin paper reads the overall national security outlook as more concerned with challenges at "
                "home than abroad. Weighed against the outlook's own words in section 2, which judgement is best "
                "supported?"),
        options=("Proven: the outlook says in its own words that challenges at home matter more than those "
                 "from abroad.",
                 "Plausible but an interpretation: its aims put people's and political security first, yet its "
                 "balances ask for external and internal security alike.",
                 "Refuted: most of the eleven fields are traditional ones that deal with military threats from "
                 "abroad.",
                 "Untestable: the sources list the eleven fields in three different orders, so no reading can be "
                 "weighed."),
        solution=("Plausible but an interpretation: its aims put people's and political security first, yet its "
                  "balances ask for external and internal security alike."),
        hints=("Does any slide of section 2 rank challenges at home above those from abroad in so many words?",
               "Look at what comes first in the order of aims, and at the first of the five balances.",
               "Count how many of the eleven fields the course codes as traditional, and recall what the course says "
               "about reading an order in a list."),
        objective=OBJECTIVES[1], minutes=4, points=2,
        explanation=("Nothing in the outlook's words ranks home above abroad, and its first balance asks for both "
                     "external and internal security, so 'proven' goes too far. But the purpose and the root it names, "
                     "the people's and political security, and fields such as societal, cultural and information "
                     "security concern order at home, so the reading is plausible. It is not refuted: only three of "
                     "the eleven fields are coded traditional. The differing orders do not block the judgement, "
                     "since the evidence lies in the order of aims and the balances, not in the lists."),
    ),
    Exercise(
        id="nb05.cica_key_points", level="apply", notebook=NB, title="What the key points argue against", kind="multi",
        prompt=("Which of these invented policies would the key points of the Asian security concept, as the Berlin "
                "paper reports them, argue against?\n" + statements_markdown()),
        options=tuple(text for _, text, _ in STATEMENTS),
        solution=[text for _, text, against in STATEMENTS if against],
        hints=("Take the key points one by one and ask of each policy whether it breaks one of them.",
               "One policy seeks security at the neighbours' expense, one builds an alliance against a third party; "
               "look for a third that meddles in another state's affairs.",
               "Dialogue that includes a rival, development as a basis of security and an equal say for every member "
               "all fit the key points."),
        objective=OBJECTIVES[2], minutes=4, points=2,
        explanation=("The missile shield seeks absolute security at the neighbours' expense, the pact is an alliance "
                     "aimed at a third party, and making trade depend on a change of government fails to respect the "
                     "social system a neighbour has chosen and meddles in its internal affairs. The other three put "
                     "key points into practice: inclusive dialogue, development as the basis of security, and an "
                     "equal right to take part in the region's security affairs."),
    ),
    Exercise(
        id="nb05.communique_adjectives", level="apply", notebook=NB, title="Four adjectives in a communiqué",
        kind="match",
        prompt=("An imagined regional summit closes with a communiqué. Which of the four adjectives of 2014 (common, "
                "comprehensive, cooperative, sustainable security) does each clause put in words, in Xi Jinping's "
                "definitions of 21 May 2014?"),
        solution={k: adjective for k, (_, adjective) in COMMUNIQUE.items()}, options=ADJECTIVES,
        labels={k: text for k, (text, _) in COMMUNIQUE.items()},
        hints=("Ask of each clause: is it about whose security counts, how many kinds of threat are covered, by what "
               "means members deal with each other, or what makes security last?",
               "Equal security for all and no security at another's cost or against a third party are common "
               "security; old and new threats together are comprehensive security.",
               "Dialogue and consultation are the means of cooperative security; development that makes security "
               "last is sustainable security."),
        objective=OBJECTIVES[2], minutes=4, points=2,
        explanation=("Common security is security for every country alike, which is why equal weight for all and no "
                     "blocs against others belong to it; comprehensive security covers traditional and "
                     "non-traditional threats together; cooperative security is sought through dialogue and "
                     "cooperation; sustainable security pairs development with security so that it lasts. The hotline "
                     "is tempting as confidence building, but in the communiqué it serves dialogue, the means of "
                     "cooperative security."),
    ),
    Exercise(
        id="nb05.passage_errors", level="analyse", notebook=NB, title="Errors in a summary", kind="multi",
        prompt=("A student sums up sections 3 and 4 in six sentences. Which sentences are wrong, by the timeline, the "
                "course dataset and the sources?\n" + "\n".join(text for text, _ in PASSAGE)),
        options=tuple(text for text, _ in PASSAGE), solution=_passage_errors,
        hints=("Check each sentence against one thing: a date on the timeline, the family of a concept in "
               "concepts.csv, or a link in the vocabulary chart.",
               "Two events of spring 2014 are easily mixed up; and the vocabulary chart shows no arrow from a core "
               "element to an adjective.",
               "Where does the lecture trace comprehensive security from? Read the concept's summary in concepts.csv."),
        objective=OBJECTIVES[3], minutes=5, points=2,
        explanation=("The concept was proposed at the CICA summit in Shanghai on 21 May 2014, not at the commission's "
                     "meeting of 15 April; none of the four core elements became an adjective (they describe how states "
                     "deal with each other, the adjectives what kind of security to seek); and the lecture traces "
                     "comprehensive security to Japanese and ASEAN thinking, not European. The other three sentences "
                     "hold: common, comprehensive and cooperative security are older concepts, common security is "
                     "filed as traditional, and sustainable security rests on development."),
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
