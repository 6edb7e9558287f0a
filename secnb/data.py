"""Load and validate the course dataset in ``data/``.

The rules live in ``data/datapackage.json`` (a Frictionless Data Package with Table Schema);
this module reads them from there and enforces them, reporting every problem in every file in
one go as ``FILE:LINE: column: problem``.

Why not hand the work to the Frictionless library itself?  Two reasons, both measured:
importing it costs about two seconds (the course loads the data in every notebook), and it
cannot check a foreign key on a ``list`` field such as ``events.concept_ids`` (it crashes).
So loading uses the standard library's ``csv`` module, which knows the physical line of each
record, and pandas for the typed tables; the tests run Frictionless over the same files as an
independent second opinion on the descriptor and the data.

Two extensions to Table Schema are used, both declared in the descriptor:

* ``"secnb:partialDate": true`` on a string field: an ISO 8601 date at the precision known
  (``1997``, ``1997-03`` or ``1997-03-26``). It must be a real calendar date. The loaded table
  keeps the text and adds ``<field>_start`` (the first day it can mean, a Timestamp, for
  sorting) and ``<field>_precision`` (``year``, ``month`` or ``day``).
* ``"type": "list"`` with a ``delimiter`` (Table Schema v2): each item is checked on its own,
  foreign keys included, and the loaded column holds Python lists.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

__all__ = [
    "DataError",
    "Problem",
    "find_data_dir",
    "load_dataset",
    "load_table",
    "read_descriptor",
    "validate",
]

DESCRIPTOR = "datapackage.json"
_DEFAULT_TRUE = ("true", "True", "TRUE", "1")
_DEFAULT_FALSE = ("false", "False", "FALSE", "0")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INTEGER = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, at a file, a line (1 = the header) and a column."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


class DataError(ValueError):
    """The dataset breaks its schema. ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem], data_dir: Path | None = None):
        self.problems = list(problems)
        self.data_dir = data_dir
        where = f" in {data_dir}" if data_dir else ""
        lines = "\n".join(str(p) for p in self.problems)
        n = len(self.problems)
        super().__init__(f"{n} problem{'s' * (n != 1)} in the course data{where}:\n{lines}")


# ---------------------------------------------------------------------------------------------
# Finding the data


def find_data_dir(path: str | os.PathLike | None = None) -> Path:
    """The folder holding ``datapackage.json``.

    In order: the ``path`` given; the ``SECNB_DATA`` environment variable; a ``data/`` folder in
    the current directory or one of its parents (a notebook runs in ``notebooks/``); the
    ``data/`` folder beside the installed ``secnb`` package (a source checkout).
    """
    if path is not None:
        return Path(path)
    env = os.environ.get("SECNB_DATA")
    if env:
        return Path(env)
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / DESCRIPTOR).is_file():
            return folder / "data"
    beside = Path(__file__).resolve().parent.parent / "data"
    if (beside / DESCRIPTOR).is_file():
        return beside
    raise DataError([Problem(DESCRIPTOR, 1, "(file)", (
        "cannot find the course data: no data/datapackage.json here or in a parent folder; "
        "pass data_dir= or set SECNB_DATA"))])


def read_descriptor(folder: Path) -> dict[str, Any]:
    """The parsed ``datapackage.json``; a broken one raises DataError with its line."""
    path = folder / DESCRIPTOR
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError([Problem(DESCRIPTOR, 1, "(file)", f"missing file: {path}")], folder) from None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError([Problem(DESCRIPTOR, e.lineno, "(file)", f"not valid JSON: {e.msg}")], folder) from None
    problems = []
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list) or not resources:
        problems.append(Problem(DESCRIPTOR, 1, "resources", "the descriptor lists no resources"))
    else:
        for r in resources:
            if not (isinstance(r, dict) and r.get("name") and r.get("path")
                    and isinstance(r.get("schema", {}).get("fields"), list)):
                problems.append(Problem(DESCRIPTOR, 1, "resources",
                                        f"resource {r.get('name') if isinstance(r, dict) else r!r} "
                                        "needs a name, a path and schema.fields"))
    if problems:
        raise DataError(problems, folder)
    return descriptor


# ---------------------------------------------------------------------------------------------
# Reading one CSV file into records with their line numbers


@dataclass
class _Raw:
    header: list[str]
    header_line: int
    records: list[tuple[int, list[str]]]  # (line of the record's first physical line, cells)


def _decode(name: str, raw: bytes, problems: list[Problem]) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        start = raw.rfind(b"\n", 0, e.start) + 1
        prefix = raw[start:e.start].decode("utf-8", errors="replace")
        header = next(csv.reader([raw.split(b"\n", 1)[0].decode("utf-8", errors="replace")]), [])
        cells_before = next(csv.reader([prefix]), [""])
        col = header[len(cells_before) - 1] if 0 < len(cells_before) <= len(header) else "(file)"
        problems.append(Problem(name, line, col, (
            f"the file is not UTF-8 (byte 0x{raw[e.start]:02x} cannot be read); save it as "
            "UTF-8 (in a spreadsheet: 'CSV UTF-8')")))
        return raw.decode("utf-8", errors="replace")


def _read_records(name: str, text: str, problems: list[Problem]) -> _Raw | None:
    lines = text.splitlines(keepends=True)
    if not any(line.strip() for line in lines):
        problems.append(Problem(name, 1, "(file)", "the file is empty: it needs a header row"))
        return None
    rows: list[tuple[int, list[str]]] = []
    pos = 0  # index in `lines` where the current reader started
    while pos < len(lines):
        reader = csv.reader(iter(lines[pos:]), strict=True)
        consumed = 0
        try:
            for cells in reader:
                start = pos + consumed + 1
                consumed = reader.line_num
                if cells:
                    rows.append((start, cells))
            break
        except csv.Error as e:
            start = pos + consumed + 1  # the line where the broken record begins
            if pos + reader.line_num > start:
                message = (f"a quote opened on this line is not closed where it should be ({e}); "
                           "wrap the whole cell in double quotes and double any quote inside it")
            else:
                message = (f"broken CSV quoting ({e}); a cell with a comma or a quote must be "
                           "wrapped in double quotes, and a quote inside it doubled")
            problems.append(Problem(name, start, "(row)", message))
            pos = start  # read on from the line after the one where the broken record begins
    if not rows:
        problems.append(Problem(name, 1, "(file)", "the file is empty: it needs a header row"))
        return None
    header_line, header = rows[0]
    return _Raw([h.strip() for h in header], header_line, rows[1:])


# ---------------------------------------------------------------------------------------------
# Cell values


def _parse_partial_date(value: str) -> tuple[Any, str] | str:
    """(start Timestamp, precision) or an error message."""
    m = _PARTIAL_DATE.match(value)
    if not m:
        return "is not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD (for example 1997-03)"
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if month and not 1 <= month <= 12:
        return f"has no month {month:02d}: months run from 01 to 12"
    if day and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"is not a real date: {year}-{month:02d} has {calendar.monthrange(year, month)[1]} days"
    import pandas as pd

    precision = "day" if day else "month" if month else "year"
    return pd.Timestamp(year, month or 1, day or 1), precision


def _parse_scalar(value: str, field: dict) -> tuple[bool, Any]:
    """(ok, parsed value or error message) for one non-blank cell of a Table Schema type."""
    ftype = field.get("type", "string")
    if ftype == "string":
        return True, value
    if ftype == "integer":
        if _INTEGER.match(value):
            return True, int(value)
        return False, "is not a whole number"
    if ftype == "number":
        try:
            return True, float(value)
        except ValueError:
            return False, "is not a number"
    if ftype == "boolean":
        if value in field.get("trueValues", _DEFAULT_TRUE):
            return True, True
        if value in field.get("falseValues", _DEFAULT_FALSE):
            return True, False
        return False, "is not true or false"
    if ftype == "date":
        m = _PARTIAL_DATE.match(value)
        if not (m and m[3]):
            return False, "is not an ISO date YYYY-MM-DD"
        parsed = _parse_partial_date(value)
        return (True, parsed[0].date()) if isinstance(parsed, tuple) else (False, parsed)
    if ftype == "year":
        return (True, int(value)) if re.fullmatch(r"\d{4}", value) else (False, "is not a year YYYY")
    return False, f"has type {ftype!r}, which secnb does not know"


def _check_constraints(value: Any, raw: str, field: dict) -> str | None:
    c = field.get("constraints", {})
    if "enum" in c and value not in c["enum"]:
        return f"{raw!r} is not one of: {', '.join(map(str, c['enum']))}"
    if "pattern" in c and not re.fullmatch(c["pattern"], raw):
        return f"{raw!r} does not match the pattern {c['pattern']}"
    if "minimum" in c and value < c["minimum"]:
        return f"{raw!r} is below the minimum {c['minimum']}"
    if "maximum" in c and value > c["maximum"]:
        return f"{raw!r} is above the maximum {c['maximum']}"
    if "minLength" in c and len(raw) < c["minLength"]:
        return f"{raw!r} is shorter than {c['minLength']} characters"
    if "maxLength" in c and len(raw) > c["maxLength"]:
        return f"{raw!r} is longer than {c['maxLength']} characters"
    return None


def _parse_cell(raw: str, field: dict) -> tuple[Any, str | None]:
    """(parsed value, error message or None) for a non-blank cell."""
    if field.get("type") == "list":
        item_field = {"type": field.get("itemType", "string"), "constraints": field.get("constraints", {})}
        items = [item.strip() for item in raw.split(field.get("delimiter", ","))]
        if any(not item for item in items):
            return None, f"{raw!r} has an empty item: separate ids with a single {field.get('delimiter', ',')!r}"
        out = []
        for item in items:
            value, err = _parse_cell(item, item_field)
            if err:
                return None, err
            out.append(value)
        return out, None
    if field.get("secnb:partialDate"):
        parsed = _parse_partial_date(raw)
        if isinstance(parsed, str):
            return None, f"{raw!r} {parsed}"
        err = _check_constraints(raw, raw, field)
        return (None, err) if err else (raw, None)
    ok, value = _parse_scalar(raw, field)
    if not ok:
        return None, f"{raw!r} {value}"
    err = _check_constraints(value, raw, field)
    return (None, err) if err else (value, None)


# ---------------------------------------------------------------------------------------------
# One table


@dataclass
class _Table:
    name: str
    file: str
    fields: list[dict]
    lines: list[int]  # the line of each row
    columns: dict[str, list[Any]]  # parsed values, None where blank or broken


def _read_table(folder: Path, resource: dict, problems: list[Problem]) -> _Table | None:
    file = resource["path"]
    fields = resource["schema"]["fields"]
    path = folder / file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(file, 1, "(file)", f"missing file: datapackage.json lists table "
                                                   f"{resource['name']!r} but {path} does not exist"))
        return None
    text = _decode(file, raw, problems)
    parsed = _read_records(file, text, problems)
    if parsed is None:
        return None
    names = [f["name"] for f in fields]
    header = parsed.header
    seen: set[str] = set()
    for h in header:
        if h in seen:
            problems.append(Problem(file, parsed.header_line, h or "(blank)", "this column appears twice in the header"))
        seen.add(h)
        if h not in names:
            problems.append(Problem(file, parsed.header_line, h or "(blank)", (
                "unknown column: not in datapackage.json (fix its name, or add the field to the "
                f"schema of {resource['name']!r})")))
    for n in names:
        if n not in header:
            problems.append(Problem(file, parsed.header_line, n, "missing column: the schema requires it in the header"))
    position = {h: i for i, h in reversed(list(enumerate(header)))}
    columns: dict[str, list[Any]] = {n: [] for n in names}
    lines: list[int] = []
    uniques = {f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")}
    for line, cells in parsed.records:
        if len(cells) != len(header):
            hint = " (a comma inside a cell needs quotes around the cell)" if len(cells) > len(header) else ""
            problems.append(Problem(file, line, "(row)", f"the row has {len(cells)} cells but the header has {len(header)}{hint}"))
        lines.append(line)
        for field in fields:
            name = field["name"]
            i = position.get(name)
            cell = cells[i].strip() if i is not None and i < len(cells) else ""
            if not cell:
                if field.get("constraints", {}).get("required") and i is not None:
                    problems.append(Problem(file, line, name, "blank, but this column is required"))
                columns[name].append(None)
                continue
            value, err = _parse_cell(cell, field)
            if err:
                problems.append(Problem(file, line, name, err))
            elif name in uniques:
                first = uniques[name].setdefault(cell, line)
                if first != line:
                    problems.append(Problem(file, line, name, f"{cell!r} appears again (first on line {first}); each value must be unique"))
            columns[name].append(value)
    return _Table(resource["name"], file, fields, lines, columns)


def _key_tuples(table: _Table, key: list[str]) -> list[tuple]:
    return list(zip(*(table.columns[k] for k in key)))


def _check_keys(tables: dict[str, _Table], resources: list[dict], problems: list[Problem]) -> None:
    for resource in resources:
        table = tables.get(resource["name"])
        if table is None:
            continue
        schema = resource["schema"]
        pk = schema.get("primaryKey")
        if pk:
            pk = [pk] if isinstance(pk, str) else list(pk)
            if len(pk) > 1 or not any(f["name"] == pk[0] and f.get("constraints", {}).get("unique") for f in table.fields):
                first: dict[tuple, int] = {}
                for line, key in zip(table.lines, _key_tuples(table, pk)):
                    if None in key:
                        continue
                    seen = first.setdefault(key, line)
                    if seen != line:
                        problems.append(Problem(table.file, line, "+".join(pk), (
                            f"duplicate key {'/'.join(map(str, key))} (first on line {seen}); "
                            "the key must be unique")))
        for fk in schema.get("foreignKeys", []):
            cols = [fk["fields"]] if isinstance(fk["fields"], str) else list(fk["fields"])
            ref = fk["reference"]
            ref_cols = [ref["fields"]] if isinstance(ref["fields"], str) else list(ref["fields"])
            target = tables.get(ref["resource"] or resource["name"])
            if target is None:
                continue  # its own missing or empty file is already reported
            known = set(_key_tuples(target, ref_cols))
            is_list = len(cols) == 1 and any(f["name"] == cols[0] and f.get("type") == "list" for f in table.fields)
            for line, key in zip(table.lines, _key_tuples(table, cols)):
                if None in key:
                    continue
                values = [(v,) for v in key[0]] if is_list else [key]
                for value in values:
                    if value not in known:
                        problems.append(Problem(table.file, line, "+".join(cols), (
                            f"{'/'.join(map(str, value))!r} is not a {'/'.join(ref_cols)} in {target.file}")))


# ---------------------------------------------------------------------------------------------
# Public API


def _frame(table: _Table):
    import pandas as pd

    data: dict[str, Any] = {}
    for field in table.fields:
        name, values = field["name"], table.columns[field["name"]]
        ftype = field.get("type", "string")
        if field.get("secnb:partialDate"):
            data[name] = pd.array(values, dtype="string")
            parsed = [_parse_partial_date(v) if v else None for v in values]
            data[f"{name}_start"] = pd.to_datetime([p[0] if p else None for p in parsed]).as_unit("ns")
            data[f"{name}_precision"] = pd.array([p[1] if p else None for p in parsed], dtype="string")
        elif ftype == "integer":
            data[name] = pd.array(values, dtype="Int64")
        elif ftype == "number":
            data[name] = pd.array(values, dtype="Float64")
        elif ftype == "boolean":
            data[name] = pd.array(values, dtype="boolean")
        elif ftype == "list":
            data[name] = pd.Series([list(v) if v else [] for v in values], dtype=object)
        else:
            data[name] = pd.array(values, dtype="string")
    frame = _course_frame_class()(data)
    frame.attrs["source_file"] = table.file
    return frame


def _course_frame_class():
    """The DataFrame class of the course's tables (made on first use, so importing secnb stays cheap)."""
    global CourseFrame
    if CourseFrame is None:
        import pandas as pd

        class _CourseFrame(pd.DataFrame):
            """A DataFrame that shows every cell's whole text in a notebook, wrapped, never cut with
            "..." (pandas cuts at 50 characters by default, and the course's summaries, notes and
            claims are longer). Selections, merges and sorts keep the class; nothing else differs,
            and no pandas option is changed for other code."""

            @property
            def _constructor(self):
                return _CourseFrame

            def _repr_html_(self):
                import pandas as pd

                with pd.option_context("display.max_colwidth", None):
                    return super()._repr_html_()

            def __repr__(self):
                import pandas as pd

                with pd.option_context("display.max_colwidth", None):
                    return super().__repr__()

        _CourseFrame.__name__ = _CourseFrame.__qualname__ = "CourseFrame"
        CourseFrame = _CourseFrame
    return CourseFrame


CourseFrame = None


def course_frame(frame):
    """``frame`` as a :class:`CourseFrame`: shown with every cell's whole text."""
    return _course_frame_class()(frame)


def _load(folder: Path, names: list[str] | None = None):
    descriptor = read_descriptor(folder)
    resources = descriptor["resources"]
    known = [r["name"] for r in resources]
    if names is not None:
        for n in names:
            if n not in known:
                raise KeyError(f"no table {n!r} in {folder / DESCRIPTOR}; the tables are: {', '.join(known)}")
    problems: list[Problem] = []
    tables: dict[str, _Table] = {}
    for resource in resources:
        table = _read_table(folder, resource, problems)
        if table is not None:
            tables[resource["name"]] = table
    _check_keys(tables, resources, problems)
    if problems:
        order = {r["path"]: i for i, r in enumerate(resources)}
        problems.sort(key=lambda p: (order.get(p.file, -1), p.line))
        raise DataError(problems, folder)
    return descriptor, tables


def load_dataset(data_dir: str | os.PathLike | None = None) -> dict[str, "pd.DataFrame"]:  # noqa: F821
    """Every table of the course dataset as a typed pandas DataFrame, by table name.

    The whole dataset is checked against ``datapackage.json`` first (foreign keys need every
    table); any problem raises :class:`DataError` listing all of them.
    """
    _, tables = _load(find_data_dir(data_dir))
    return {name: _frame(t) for name, t in tables.items()}


def load_table(name: str, data_dir: str | os.PathLike | None = None) -> "pd.DataFrame":  # noqa: F821
    """One table of the course dataset, for example ``load_table("events")``."""
    _, tables = _load(find_data_dir(data_dir), [name])
    return _frame(tables[name])


def validate(data_dir: str | os.PathLike | None = None) -> str:
    """Check the dataset; return a one-line summary, or raise DataError listing every problem."""
    folder = find_data_dir(data_dir)
    descriptor, tables = _load(folder)
    counts = ", ".join(f"{name} {len(t.lines)}" for name, t in tables.items())
    rows = sum(len(t.lines) for t in tables.values())
    return f"{folder}: OK, {len(tables)} tables, {rows} rows ({counts})"
