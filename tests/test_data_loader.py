"""The loader and validator: every rule of datapackage.json, broken one at a time."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pandas as pd
import pytest

import secnb
from secnb.data import DataError, Problem, load_dataset, read_descriptor, validate

from .conftest import DATA

LINE = re.compile(r"^(?P<file>[a-z_]+\.(csv|json)):(?P<line>\d+): (?P<column>[^:]+): (?P<message>.+)$")


def problems_of(folder) -> list[Problem]:
    with pytest.raises(DataError) as err:
        load_dataset(folder)
    return err.value.problems


def only(folder, file=None) -> Problem:
    found = problems_of(folder)
    assert len(found) == 1, "\n".join(map(str, found))
    if file:
        assert found[0].file == file
    return found[0]


# --- the shipped data ----------------------------------------------------------------------------

def test_shipped_data_is_valid():
    summary = validate(DATA)
    assert "OK" in summary and "\n" not in summary


def test_cli_validate_ok_prints_one_line():
    run = subprocess.run([sys.executable, "-m", "secnb", "validate", str(DATA)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(run.stdout.strip().splitlines()) == 1


def test_every_table_of_the_descriptor_loads_with_types():
    tables = secnb.load_dataset()
    names = [r["name"] for r in read_descriptor(DATA)["resources"]]
    assert list(tables) == names
    assert {"sources", "concepts", "relations", "events", "fields", "threats", "stages", "institutions",
            "milestones", "discrepancies"} <= set(names)
    ev = tables["events"]
    assert str(ev["date_start"].dtype).startswith("datetime64")
    assert set(ev["date_precision"]) <= {"year", "month", "day"}
    assert all(isinstance(v, list) and v for v in ev["concept_ids"])
    assert str(tables["fields"]["order"].dtype) == "Int64"
    assert str(tables["fields"]["traditional"].dtype) == "boolean"


def test_load_table_returns_one_table_and_names_unknown_ones():
    assert len(secnb.load_table("events")) == len(secnb.load_dataset()["events"])
    with pytest.raises(KeyError, match="tables are"):
        secnb.load_table("event")


@pytest.mark.parametrize("value,precision,start", [
    ("1997", "year", "1997-01-01"), ("1997-03", "month", "1997-03-01"), ("2002-07-31", "day", "2002-07-31")])
def test_partial_dates_keep_their_precision(data_copy, value, precision, start):
    data_copy.set_cell("events.csv", 0, "date", value)
    ev = load_dataset(data_copy.folder)["events"].set_index("event_id")
    first = data_copy.cell("events.csv", 0, "event_id")
    assert ev.loc[first, "date"] == value
    assert ev.loc[first, "date_precision"] == precision
    assert ev.loc[first, "date_start"] == pd.Timestamp(start)


# --- harmless variation loads the same ------------------------------------------------------------

def _same_as_shipped(folder):
    original, changed = load_dataset(DATA), load_dataset(folder)
    for name in original:
        pd.testing.assert_frame_equal(original[name], changed[name], check_like=False)


def test_bom_crlf_and_no_final_newline_load_the_same(data_copy):
    for path in data_copy.folder.glob("*.csv"):
        text = path.read_text(encoding="utf-8").rstrip("\n").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    _same_as_shipped(data_copy.folder)


def test_columns_in_another_order_load_the_same(data_copy):
    for path in data_copy.folder.glob("*.csv"):
        rows = data_copy.rows(path.name)
        data_copy.write_rows(path.name, [row[::-1] for row in rows])
    _same_as_shipped(data_copy.folder)


# --- each kind of breakage, reported with file, line and column ----------------------------------

def test_missing_file(data_copy):
    data_copy.path("threats.csv").unlink()
    p = problems_of(data_copy.folder)
    assert any(x.file == "threats.csv" and "missing file" in x.message for x in p)


def test_empty_file(data_copy):
    data_copy.path("stages.csv").write_text("", encoding="utf-8")
    p = problems_of(data_copy.folder)
    assert any(x.file == "stages.csv" and x.line == 1 and "empty" in x.message for x in p)


def test_missing_column(data_copy):
    rows = data_copy.rows("concepts.csv")
    i = rows[0].index("family")
    data_copy.write_rows("concepts.csv", [r[:i] + r[i + 1:] for r in rows])
    p = only(data_copy.folder, "concepts.csv")
    assert (p.line, p.column) == (1, "family") and "missing column" in p.message


def test_unknown_column(data_copy):
    rows = data_copy.rows("events.csv")
    data_copy.write_rows("events.csv", [r + (["titel_fr"] if n == 0 else ["x"]) for n, r in enumerate(rows)])
    p = only(data_copy.folder, "events.csv")
    assert (p.line, p.column) == (1, "titel_fr") and "unknown column" in p.message


def test_blank_required_cell(data_copy):
    line = data_copy.set_cell("concepts.csv", 1, "name_en", "  ")
    p = only(data_copy.folder, "concepts.csv")
    assert (p.line, p.column) == (line, "name_en") and "required" in p.message


def test_duplicate_primary_key(data_copy):
    first = data_copy.cell("concepts.csv", 0, "concept_id")
    line = data_copy.set_cell("concepts.csv", 1, "concept_id", first)
    found = problems_of(data_copy.folder)
    dup = [x for x in found if x.file == "concepts.csv"]
    assert len(dup) == 1 and dup[0].line == line and dup[0].column == "concept_id"
    assert "first on line 2" in dup[0].message
    # the concept that lost its id is still referred to elsewhere: that is reported too, not hidden
    assert all(x.message.endswith("in concepts.csv") for x in found if x.file != "concepts.csv")


def test_duplicate_composite_key(data_copy):
    rows = data_copy.rows("relations.csv")
    data_copy.write_rows("relations.csv", rows + [rows[1]])
    p = only(data_copy.folder, "relations.csv")
    assert p.line == len(rows) + 1 and p.column == "from_id+relation+to_id" and "duplicate key" in p.message


def test_unknown_foreign_key_single(data_copy):
    line = data_copy.set_cell("relations.csv", 0, "to_id", "no_such_concept")
    p = only(data_copy.folder, "relations.csv")
    assert (p.line, p.column) == (line, "to_id") and "'no_such_concept' is not a concept_id in concepts.csv" in p.message


def test_unknown_foreign_key_in_a_list(data_copy):
    ids = data_copy.cell("events.csv", 0, "concept_ids")
    line = data_copy.set_cell("events.csv", 0, "concept_ids", ids + ";mutal_trust")
    p = only(data_copy.folder, "events.csv")
    assert (p.line, p.column) == (line, "concept_ids") and "'mutal_trust'" in p.message


def test_empty_item_in_a_list(data_copy):
    ids = data_copy.cell("events.csv", 0, "concept_ids")
    line = data_copy.set_cell("events.csv", 0, "concept_ids", ids + ";;")
    p = only(data_copy.folder, "events.csv")
    assert (p.line, p.column) == (line, "concept_ids") and "empty item" in p.message


def test_value_outside_enum(data_copy):
    line = data_copy.set_cell("concepts.csv", 0, "family", "traditonal")
    p = only(data_copy.folder, "concepts.csv")
    assert (p.line, p.column) == (line, "family") and "'traditonal' is not one of" in p.message


@pytest.mark.parametrize("file,column,value,words", [
    ("fields.csv", "order", "first", "whole number"),
    ("fields.csv", "traditional", "yes", "true or false"),
    ("threats.csv", "traditional", "maybe", "true or false"),
])
def test_bad_type(data_copy, file, column, value, words):
    line = data_copy.set_cell(file, 0, column, value)
    p = only(data_copy.folder, file)
    assert (p.line, p.column) == (line, column) and words in p.message


@pytest.mark.parametrize("value,words", [
    ("2002-02-30", "not a real date"), ("1997-13", "no month 13"), ("31/07/2002", "not an ISO date"),
    ("July 2002", "not an ISO date"), ("2002-7-31", "not an ISO date"),
])
def test_impossible_or_non_iso_date(data_copy, value, words):
    line = data_copy.set_cell("events.csv", 0, "date", value)
    p = only(data_copy.folder, "events.csv")
    assert (p.line, p.column) == (line, "date") and words in p.message


def test_leap_day_is_a_real_date(data_copy):
    data_copy.set_cell("events.csv", 0, "date", "2000-02-29")
    assert load_dataset(data_copy.folder)["events"]["date_precision"][0] == "day"


def test_file_not_utf8(data_copy):
    line = data_copy.set_cell("concepts.csv", 1, "summary_en", "Caf\u00e9 society")
    path = data_copy.path("concepts.csv")
    path.write_bytes(path.read_bytes().replace("Caf\u00e9".encode("utf-8"), b"Caf\xe9"))
    p = only(data_copy.folder, "concepts.csv")
    assert (p.line, p.column) == (line, "summary_en") and "not UTF-8" in p.message


def test_broken_quoting_is_reported_and_the_rest_still_read(data_copy):
    path = data_copy.path("relations.csv")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",", ',"oops"x,', 1)  # a quote followed by text: broken CSV
    path.write_text("".join(lines), encoding="utf-8")
    line = data_copy.set_cell("concepts.csv", 0, "family", "nope")  # a second problem elsewhere
    found = problems_of(data_copy.folder)
    assert any(x.file == "relations.csv" and x.line == 2 and x.column == "(row)" and "quot" in x.message for x in found)
    assert any(x.file == "concepts.csv" and x.line == line for x in found)


def test_unclosed_quote_does_not_swallow_the_file(data_copy):
    data_copy.set_cell("events.csv", 1, "kind", "rumour")  # the next row has a problem of its own
    path = data_copy.path("events.csv")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].rstrip("\n") + ',"unclosed\n'
    path.write_text("".join(lines), encoding="utf-8")
    found = [x for x in problems_of(data_copy.folder) if x.file == "events.csv"]
    first = found[0]
    assert (first.file, first.line, first.column) == ("events.csv", 2, "(row)") and "not closed" in first.message
    # the rows after the broken one are still read and checked
    assert any(x.line == 3 and x.column == "kind" for x in found), found


def test_row_with_an_extra_cell(data_copy):
    path = data_copy.path("sources.csv")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    p = only(data_copy.folder, "sources.csv")
    assert p.line == 3 and p.column == "(row)" and "cells" in p.message


def test_line_numbers_count_physical_lines_after_a_multiline_cell(data_copy):
    data_copy.set_cell("concepts.csv", 0, "summary_en", "First line\nsecond line\nthird line")
    with open(data_copy.path("concepts.csv"), encoding="utf-8", newline="") as fh:
        assert fh.read().count("\n") == len(data_copy.rows("concepts.csv")) + 2
    data_copy.rows("concepts.csv")
    rows = data_copy.rows("concepts.csv")
    rows[2][rows[0].index("family")] = "bad"
    data_copy.write_rows("concepts.csv", rows)
    p = only(data_copy.folder, "concepts.csv")
    assert p.line == 5  # header 1, row one on lines 2-4, row two on line 5


def test_every_problem_in_every_file_in_one_go(data_copy):
    data_copy.set_cell("concepts.csv", 0, "family", "nope")
    data_copy.set_cell("events.csv", 0, "date", "2002-02-30")
    data_copy.set_cell("fields.csv", 0, "order", "x")
    data_copy.path("milestones.csv").write_text("", encoding="utf-8")
    found = problems_of(data_copy.folder)
    assert {x.file for x in found} >= {"concepts.csv", "events.csv", "fields.csv", "milestones.csv"}


def test_cli_reports_file_line_column_problem_and_exits_1(data_copy):
    line = data_copy.set_cell("concepts.csv", 0, "family", "nope")
    data_copy.set_cell("events.csv", 0, "date", "1997-13")
    run = subprocess.run([sys.executable, "-m", "secnb", "validate", str(data_copy.folder)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    out = run.stdout.strip().splitlines()
    assert len(out) == 2 and all(LINE.match(x) for x in out), out
    assert out[0].startswith(f"concepts.csv:{line}: family: ")
    assert "2 problems" in run.stderr


def test_broken_descriptor_names_its_line(data_copy):
    path = data_copy.path("datapackage.json")
    text = path.read_text(encoding="utf-8").replace('"resources": [', '"resources": [,', 1)
    path.write_text(text, encoding="utf-8")
    p = only(data_copy.folder, "datapackage.json")
    assert p.line > 1 and "not valid JSON" in p.message


def test_rules_come_from_the_descriptor(data_copy):
    """Loosen an enum in datapackage.json and the same value becomes valid: no rule is in code."""
    data_copy.set_cell("concepts.csv", 0, "family", "maritime")
    with pytest.raises(DataError):
        load_dataset(data_copy.folder)
    path = data_copy.path("datapackage.json")
    desc = json.loads(path.read_text(encoding="utf-8"))
    concepts = next(r for r in desc["resources"] if r["name"] == "concepts")
    family = next(f for f in concepts["schema"]["fields"] if f["name"] == "family")
    family["constraints"]["enum"].append("maritime")
    path.write_text(json.dumps(desc), encoding="utf-8")
    assert (load_dataset(data_copy.folder)["concepts"]["family"] == "maritime").sum() == 1


def test_frictionless_agrees_the_shipped_data_is_valid():
    """An independent second opinion on the descriptor and the data (without the list foreign key,
    which Frictionless cannot check: it is the reason secnb reads the rules itself)."""
    frictionless = pytest.importorskip("frictionless")
    desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for r in desc["resources"]:
        r["schema"]["foreignKeys"] = [fk for fk in r["schema"]["foreignKeys"]
                                      if not any(f["name"] == fk["fields"] and f["type"] == "list"
                                                 for f in r["schema"]["fields"])]
    report = frictionless.Package(desc, basepath=str(DATA)).validate()
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors] + [e.message for e in report.errors]
    assert report.valid, "\n".join(errors[:20])
