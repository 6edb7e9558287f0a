"""Shared fixtures: a scratch copy of the course data that a test may break."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

import secnb
from secnb import charts

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"


class DataCopy:
    """A copy of data/ in a temporary folder, with helpers to break it in precise ways."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, file: str) -> Path:
        return self.folder / file

    def rows(self, file: str) -> list[list[str]]:
        with open(self.path(file), encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh))

    def write_rows(self, file: str, rows: list[list[str]]) -> None:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        self.path(file).write_text(buf.getvalue(), encoding="utf-8")

    def set_cell(self, file: str, row: int, column: str, value: str) -> int:
        """Set a cell of data row `row` (0 = first after the header); return its line number.

        Works on files whose rows are one line each up to that row (the tests pick such rows).
        """
        rows = self.rows(file)
        rows[row + 1][rows[0].index(column)] = value
        self.write_rows(file, rows)
        return self.line_of(file, row)

    def line_of(self, file: str, row: int) -> int:
        with open(self.path(file), encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            line = reader.line_num
            for i, _ in enumerate(reader):
                if i == row:
                    return line + 1
                line = reader.line_num
        raise IndexError(row)

    def cell(self, file: str, row: int, column: str) -> str:
        rows = self.rows(file)
        return rows[row + 1][rows[0].index(column)]


@pytest.fixture
def data_copy(tmp_path) -> DataCopy:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return DataCopy(folder)


@pytest.fixture(scope="module")
def tables():
    """The shipped dataset, loaded once per test module."""
    return secnb.load_dataset()


@pytest.fixture(params=["cjk", "no-cjk"])
def font_mode(request, monkeypatch):
    """Run a chart test twice: with the CJK font (skipped if none is installed) and as if none were."""
    if request.param == "no-cjk":
        monkeypatch.setenv("SECNB_NO_CJK", "1")
    elif charts.cjk_font.__wrapped__() is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    charts.cjk_font.cache_clear()
    yield request.param
    charts.cjk_font.cache_clear()
