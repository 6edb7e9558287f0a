"""Exercises of notebook 00, Start here."""

from ..data import load_dataset
from . import Exercise

NB = "00_start_here"


def _earliest_year() -> int:
    events = load_dataset()["events"]
    return int(events["date_start"].dt.year.min())


def _chinese_concepts() -> int:
    concepts = load_dataset()["concepts"]
    return int((concepts["family"] == "chinese").sum())


def _disputed_events() -> int:
    tables = load_dataset()
    return int(tables["discrepancies"]["event_id"].dropna().nunique())


#: Statements for nb00.claim_or_fact: a source's claim (a position someone argues) or an established fact
#: (a dated event any source would confirm). Each claim names where the course meets it.
STATEMENTS = {
    "A": ("The Helsinki Final Act of the Conference on Security and Co-operation in Europe was signed in "
          "August 1975.", "fact"),
    "B": ("China's experience gives full evidence that the New Security Concept works.", "claim"),
    "C": ("The Shanghai Cooperation Organisation was founded in June 2001.", "fact"),
    "D": ("The New Security Concept goes beyond the Cold War mentality.", "claim"),
}


EXERCISES = [
    Exercise(
        id="nb00.run_a_cell", level="recall", notebook=NB, title="Run a cell", kind="choice",
        prompt="Which keys run the selected cell and move to the next one?",
        options=("Shift+Enter", "Ctrl+S", "Esc", "Tab"), solution="Shift+Enter",
        hints=("Look at the section 'How to use a notebook' above.",
               "It is the same key you press for a new line, with one more key held down."),
        objective="Run cells and check answers in a Jupyter notebook", minutes=1,
        explanation="Shift+Enter runs the cell and selects the next one; Ctrl+Enter runs it and stays.",
    ),
    Exercise(
        id="nb00.claim_or_fact", level="apply", notebook=NB, title="Claim or fact?", kind="match",
        prompt="For each statement A-D, is it a source's claim (a position someone argues) or an established "
               "fact (a dated event that any source would confirm)?",
        solution={k: v for k, (_text, v) in STATEMENTS.items()}, options=("claim", "fact"),
        labels={k: f"{k}. {text}" for k, (text, _v) in STATEMENTS.items()},
        hints=("Ask of each statement: could someone who disagrees with China's policy still accept it as true?",
               "A date and a place of a meeting can be checked in any record; whether a concept 'works' or 'goes "
               "beyond' a mentality is a judgement someone argues."),
        objective="Tell a source's claim from an established fact and see where sources disagree", minutes=3,
        explanation=("A and C are events with a date and a place that any record confirms. B is the Position "
                     "Paper's own judgement of China's practice (part IV), and D is how the explanatory article "
                     "argues the concept is new: both are positions to attribute ('the Paper says...'), not facts, "
                     "even though they are stated confidently."),
    ),
    Exercise(
        id="nb00.earliest_year", level="recall", notebook=NB, title="The earliest event", kind="numeric",
        prompt="In which year is the earliest event in the dataset? Use the timeline or the events table.",
        solution=_earliest_year, tolerance=0,
        hints=("Look at the top row of the timeline, or sort the events table by date_start.",
               "events['date_start'].min() gives the earliest date; .year gives its year."),
        objective="Find facts in the course dataset with pandas and the timeline", minutes=3,
        explanation=("The timeline is sorted by each event's first possible day (date_start), so the top row is "
                     "the earliest; its year is the answer. A year-only date counts from 1 January."),
    ),
    Exercise(
        id="nb00.chinese_concepts", level="recall", notebook=NB, title="Counting concepts", kind="numeric",
        prompt="How many concepts in the dataset belong to the family 'chinese'?",
        solution=_chinese_concepts, tolerance=0,
        hints=("Filter the concepts table on its family column.",
               "(concepts['family'] == 'chinese').sum() counts the rows."),
        objective="Find facts in the course dataset with pandas and the timeline", minutes=3,
        explanation=("Comparing the family column with 'chinese' gives True or False for each row, and .sum() "
                     "counts the Trues: one row per concept the course files under China's security concepts."),
    ),
    Exercise(
        id="nb00.disputed_events", level="recall", notebook=NB, title="Where the sources disagree", kind="numeric",
        prompt="How many different events does the discrepancies table link to (its event_id column)?",
        solution=_disputed_events, tolerance=0,
        hints=("Count the ringed markers on the full timeline, or use the discrepancies table.",
               "discrepancies['event_id'].dropna().nunique() counts the different events."),
        objective="Tell a source's claim from an established fact and see where sources disagree", minutes=4,
        explanation=("Several disagreements can concern the same event, and many concern no event at all (a "
                     "translation, a name), so count the distinct, non-empty event_id values. Later notebooks look "
                     "at each disagreement and ask which source to trust, and why."),
    ),
]
