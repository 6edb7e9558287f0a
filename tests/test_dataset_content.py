"""What the course content relies on in the shipped dataset (data/), beyond what the schema checks.

The schema (data/datapackage.json) already checks types, required cells, enums and keys; these
tests check the invariants the notebooks and charts assume: the eleven fields in order, the four
pillars and the four adjectives, the four stages, that every row is cited where a reader can find
it, that coded dimensions carry their reasons, and that the Berlin paper is never quoted.
"""

from __future__ import annotations

import pandas as pd
import pytest

import secnb

FIELD_IDS = ["political", "homeland", "military", "economic", "cultural", "societal",
             "scitech", "information", "ecological", "resources", "nuclear"]
# the lecture's Chinese slide: 政治、军事、经济、科技、资源、核、生态、信息、文化、国土、社会
FIELD_IDS_SU_ZH = ["political", "military", "economic", "scitech", "resources", "nuclear",
                   "ecological", "information", "cultural", "homeland", "societal"]
# the Berlin paper: as the official order, but nuclear before natural resources
FIELD_IDS_JIN = FIELD_IDS[:9] + ["nuclear", "resources"]
PILLARS = {"mutual_trust", "mutual_benefit", "equality", "coordination"}
ADJECTIVES = {"common_security", "comprehensive_security", "cooperative_security", "sustainable_security"}
STAGES = ["csbm", "preventive_diplomacy", "conflict_resolution", "security_community"]
INSTITUTIONS = {"csce_osce", "arf", "shanghai_five_sco", "cica", "asean"}
STABLE_CONCEPTS = {
    "security", "security_perception", "security_concept", "security_doctrine", "absolute_security",
    "security_dilemma", "collective_defence", "military_alliance", "balance_of_power", "arms_race",
    "collective_security", "common_security", "containment", "preemption", "comprehensive_security",
    "cooperative_security", "security_cooperation", "human_security", "social_security",
    "homeland_security", "global_security", "universal_security", "epistemic_community",
    "security_community", "csbm", "preventive_diplomacy", "conflict_management", "conflict_resolution",
    "coercive_diplomacy", "global_governance", "five_principles", "new_security_concept", "mutual_trust",
    "mutual_benefit", "equality", "coordination", "overall_national_security", "asian_security_concept",
    "sustainable_security", "development_security",
}
DIMENSIONS = ["referent", "means", "logic", "level"]
CODED_FAMILIES = {"traditional", "non-traditional", "chinese"}
SOURCE_COLUMNS = [("source_id", "locator"), ("source_a", "locator_a"), ("source_b", "locator_b")]
QUOTE_MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u300c", "\u300d", "\u300e", "\u300f", "\u00ab", "\u00bb"]
BERLIN = "jin2015"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return secnb.load_dataset()


def _blank(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) or not str(value).strip()


def _rows_citing(tables, source_ids):
    """(table name, row, source column, locator column) for every row citing one of source_ids."""
    for name, frame in tables.items():
        for src_col, loc_col in SOURCE_COLUMNS:
            if src_col not in frame.columns:
                continue
            for _, row in frame.iterrows():
                if row[src_col] in source_ids:
                    yield name, row, src_col, loc_col


def _row_label(name, row):
    key = row.index[0]
    return f"{name}.csv {key}={row[key]!r}"


# --- the eleven fields --------------------------------------------------------------------------


def test_eleven_fields_in_the_official_order(tables):
    fields = tables["fields"].sort_values("order")
    assert len(fields) == 11
    assert fields["order"].tolist() == list(range(1, 12))
    assert fields["field_id"].tolist() == FIELD_IDS


def test_the_other_two_orders_of_the_fields(tables):
    fields = tables["fields"]
    assert sorted(fields["order_jin"].tolist()) == list(range(1, 12))
    assert sorted(fields["order_su_zh"].tolist()) == list(range(1, 12))
    assert fields.sort_values("order_jin")["field_id"].tolist() == FIELD_IDS_JIN
    assert fields.sort_values("order_su_zh")["field_id"].tolist() == FIELD_IDS_SU_ZH


def test_fields_have_the_lectures_chinese_names(tables):
    zh = dict(zip(tables["fields"]["field_id"], tables["fields"]["name_zh"]))
    assert zh["homeland"] == "国土安全" and zh["societal"] == "社会安全" and zh["nuclear"] == "核安全"
    assert all(str(name).endswith("安全") for name in zh.values())


def test_only_political_homeland_and_military_fields_are_traditional(tables):
    fields = tables["fields"]
    assert set(fields.loc[fields["traditional"].astype(bool), "field_id"]) == {"political", "homeland", "military"}


# --- pillars, adjectives, framework -------------------------------------------------------------


def test_exactly_four_pillars_of_the_new_security_concept(tables):
    rel = tables["relations"]
    pillars = rel[(rel["relation"] == "pillar_of") & (rel["to_id"] == "new_security_concept")]
    assert len(pillars) == 4
    assert set(pillars["from_id"]) == PILLARS


def test_four_adjectives_of_the_asian_security_concept(tables):
    rel = tables["relations"]
    parts = rel[(rel["relation"] == "part_of") & (rel["to_id"] == "asian_security_concept")]
    assert len(parts) == 4
    assert set(parts["from_id"]) == ADJECTIVES


def test_the_lectures_theoretical_framework(tables):
    rel = tables["relations"]
    pillars = rel[(rel["relation"] == "pillar_of") & (rel["to_id"] == "chinese_security_framework")]
    assert set(pillars["from_id"]) == {"mutual_security", "cooperative_security"}
    orient = rel[(rel["relation"] == "orientation_of") & (rel["to_id"] == "chinese_security_framework")]
    assert set(orient["from_id"]) == {"comprehensive_security", "common_security", "universal_security"}
    level = dict(zip(tables["concepts"]["concept_id"], tables["concepts"]["level"]))
    assert (level["comprehensive_security"], level["common_security"], level["universal_security"]) == (
        "national", "regional", "global")


def test_stable_concept_ids_exist(tables):
    missing = STABLE_CONCEPTS - set(tables["concepts"]["concept_id"])
    assert not missing, f"concepts the notebooks rely on are missing: {sorted(missing)}"


# --- stages and institutions --------------------------------------------------------------------


def test_four_stages_in_order(tables):
    stages = tables["stages"].sort_values("order")
    assert stages["order"].tolist() == [1, 2, 3, 4]
    assert stages["stage_id"].tolist() == STAGES
    assert stages["concept_id"].tolist() == STAGES


def test_stage_chain_in_relations(tables):
    rel = tables["relations"]
    chain = set(zip(rel.loc[rel["relation"] == "precedes", "from_id"], rel.loc[rel["relation"] == "precedes", "to_id"]))
    for first, second in zip(STAGES, STAGES[1:]):
        assert (first, second) in chain, f"missing relation {first} precedes {second}"


def test_institutions_and_their_milestones(tables):
    inst = set(tables["institutions"]["institution_id"])
    assert INSTITUTIONS <= inst
    ms = tables["milestones"]
    for institution in INSTITUTIONS:
        assert (ms["institution_id"] == institution).any(), f"{institution} has no milestone"
    assert set(ms["stage_id"]) >= {"csbm", "preventive_diplomacy", "conflict_resolution", "security_community"}


# --- events -------------------------------------------------------------------------------------


def test_every_event_names_existing_concepts(tables):
    known = set(tables["concepts"]["concept_id"])
    for _, event in tables["events"].iterrows():
        ids = event["concept_ids"]
        assert isinstance(ids, list) and ids, f"event {event['event_id']} names no concept"
        unknown = [i for i in ids if i not in known]
        assert not unknown, f"event {event['event_id']} names unknown concepts {unknown}"


def test_key_events_and_their_dates(tables):
    date = dict(zip(tables["events"]["event_id"], tables["events"]["date"]))
    assert date["position_paper_2002"] == "2002-07-31"
    assert date["qian_arf_1996"] == "1996-07"
    assert date["arf_1997"] == "1997-03"
    assert date["herz_1950"] == "1950-01"
    assert date["agenda_for_peace_1992"] == "1992-06-17"
    assert date["nsc_first_meeting_2014"] == "2014-04-15"
    assert date["cica_summit_2014"] == "2014-05-21"
    assert date["cgg_report_1995"] == "1995"


def test_event_dates_fall_in_the_period_the_course_covers(tables):
    years = tables["events"]["date_start"].dt.year
    assert years.min() >= 1900 and years.max() <= 2015


# --- citations ----------------------------------------------------------------------------------


def _source_documents(tables) -> set[str]:
    src = tables["sources"]
    return set(src.loc[src["kind"] == "source document", "source_id"])


def test_there_are_five_source_documents(tables):
    assert _source_documents(tables) == {"su2014", "outlook", "gs2015", "jin2015", "mfa2002"}


def test_every_source_document_is_cited(tables):
    cited = {row[src_col] for name, row, src_col, _loc in _rows_citing(tables, _source_documents(tables))
             if name != "sources"}
    assert cited == _source_documents(tables)


def test_rows_citing_a_source_document_have_a_locator(tables):
    missing = [f"{_row_label(name, row)} ({loc_col})"
               for name, row, _, loc_col in _rows_citing(tables, _source_documents(tables))
               if name != "sources" and (loc_col not in row.index or _blank(row[loc_col]))]
    assert not missing, f"rows citing a source document without a locator: {missing}"


def test_position_paper_locators_name_a_part(tables):
    parts = {"I. Introduction", "II. Background", "III. Policy", "IV. Practice"}
    bad = [f"{_row_label(name, row)}: {row[loc_col]!r}" for name, row, _, loc_col in _rows_citing(tables, {"mfa2002"})
           if name != "sources" and row[loc_col] not in parts]
    assert not bad, f"Position Paper locators must be a part I-IV: {bad}"


def test_outside_sources_are_primary_or_scholarly(tables):
    src = tables["sources"]
    outside = src[src["kind"] != "source document"]
    assert set(outside["kind"]) <= {"primary", "scholarly"}
    for needed in ["helsinki1975", "un1945", "agenda1992", "undp1994", "herz1950", "deutsch1957", "palme1982",
                   "arf1995", "s5_1996", "s5_1997", "sco2001", "whitepaper1998", "whitepaper2011"]:
        assert needed in set(src["source_id"]), f"missing outside source {needed}"


# --- coding -------------------------------------------------------------------------------------


def test_every_coded_dimension_has_its_reason(tables):
    concepts = tables["concepts"]
    for dim in DIMENSIONS:
        coded = concepts[concepts[dim].notna()]
        bad = [cid for cid, reason in zip(coded["concept_id"], coded[f"{dim}_reason"]) if _blank(reason)]
        assert not bad, f"{dim} coded without {dim}_reason: {bad}"
        orphan = concepts[concepts[dim].isna() & concepts[f"{dim}_reason"].notna()]
        assert orphan.empty, f"{dim}_reason without a {dim}: {orphan['concept_id'].tolist()}"


def test_traditional_non_traditional_and_chinese_concepts_are_fully_coded(tables):
    concepts = tables["concepts"]
    scope = concepts[concepts["family"].isin(CODED_FAMILIES)]
    for dim in DIMENSIONS:
        bad = scope.loc[scope[dim].isna(), "concept_id"].tolist()
        assert not bad, f"{dim} missing for {bad}"


def test_the_comparison_codings(tables):
    """The codings the comparison charts are built to show."""
    c = tables["concepts"].set_index("concept_id")
    assert c.loc["military_alliance", "logic"] == "zero-sum"
    assert c.loc["collective_security", "referent"] == "member states"
    assert c.loc["common_security", "referent"] == "adversaries together"
    assert c.loc["common_security", "logic"] == "positive-sum"
    assert c.loc["absolute_security", "logic"] == "zero-sum"
    for pillar in PILLARS:
        assert c.loc[pillar, "logic"] == "positive-sum"


# --- writing rules ------------------------------------------------------------------------------


def test_no_row_quotes_the_berlin_paper(tables):
    """The Berlin paper's author forbids quotation: no row citing it may hold a quotation mark."""
    offending = []
    for name, row, _src, _loc in _rows_citing(tables, {BERLIN}):
        for column, value in row.items():
            if isinstance(value, str) and any(mark in value for mark in QUOTE_MARKS):
                offending.append(f"{_row_label(name, row)} {column}")
    assert not offending, f"quotation marks in rows citing {BERLIN}: {offending}"


def test_the_berlin_paper_is_marked_paraphrase_only(tables):
    note = tables["sources"].set_index("source_id").loc[BERLIN, "note"]
    assert "quot" in note.lower() and "paraphrase" in note.lower()


def test_chinese_names_are_given(tables):
    for name in ["concepts", "fields", "threats", "stages", "institutions"]:
        frame = tables[name]
        bad = frame.loc[~frame["name_zh"].astype(str).str.contains(r"[\u4e00-\u9fff]"), frame.columns[0]].tolist()
        assert not bad, f"{name}: name_zh without Chinese characters: {bad}"


# --- threats ------------------------------------------------------------------------------------


def test_threats_cover_the_sources_lists_and_all_three_dimensions(tables):
    threats = tables["threats"]
    assert set(threats["dimension"]) == {"war and peace", "man-made crime", "natural disaster"}
    for needed in ["terrorism", "separatism", "extremism", "transnational_crime", "drug_smuggling",
                   "infectious_disease", "environmental_pollution", "local_war", "natural_disasters"]:
        assert needed in set(threats["threat_id"]), f"missing threat {needed}"
    war = threats[threats["dimension"] == "war and peace"]
    assert war["traditional"].astype(bool).all(), "the lecture makes war and peace the traditional dimension"
    other = threats[threats["dimension"] != "war and peace"]
    assert not other["traditional"].astype(bool).any()


# --- discrepancies ------------------------------------------------------------------------------


def test_the_known_discrepancies_are_recorded(tables):
    ids = set(tables["discrepancies"]["discrepancy_id"])
    for needed in ["origin_lecture_vs_article", "origin_paper_vs_web", "paper_date", "cgg_year",
                   "huxin", "xiezuo", "article_title", "equality_typo", "common_security_author",
                   "fields_order_zh_en", "fields_order_jin"]:
        assert needed in ids, f"missing discrepancy {needed}"


def test_discrepancies_cite_both_sides(tables):
    for _, d in tables["discrepancies"].iterrows():
        for col in ["source_a", "locator_a", "claim_a", "source_b", "locator_b", "claim_b", "note"]:
            assert not _blank(d[col]), f"discrepancy {d['discrepancy_id']}: {col} is blank"
        assert (d["source_a"], d["locator_a"], d["claim_a"]) != (d["source_b"], d["locator_b"], d["claim_b"])


# --- size ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("table, minimum", [
    ("concepts", 35), ("events", 30), ("relations", 40), ("discrepancies", 12), ("threats", 9),
    ("institutions", 5), ("milestones", 10), ("sources", 20),
])
def test_minimum_counts(tables, table, minimum):
    assert len(tables[table]) >= minimum, f"{table} has {len(tables[table])} rows, expected at least {minimum}"


def test_every_family_has_concepts(tables):
    counts = tables["concepts"]["family"].value_counts()
    for family in ["foundations", "traditional", "non-traditional", "chinese", "conflict-prevention"]:
        assert counts.get(family, 0) >= 3, f"family {family} has {counts.get(family, 0)} concepts"
