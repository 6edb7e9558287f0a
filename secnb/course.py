"""The course as a whole: its map (from the notebooks' own metadata) and a tour of the dataset."""

from __future__ import annotations

import json
from pathlib import Path

from .data import find_data_dir, load_dataset, read_descriptor

__all__ = ["course_map", "course_map_markdown", "dataset_overview", "notebooks_dir"]


def notebooks_dir(path: str | Path | None = None) -> Path:
    """The folder of the course notebooks: ``path``, or ``notebooks/`` beside the data folder."""
    return Path(path) if path is not None else find_data_dir().resolve().parent / "notebooks"


def course_map(path: str | Path | None = None):
    """One row per notebook, from the ``secnb`` entry of each notebook's metadata.

    Columns: order, notebook (file name), title, minutes, objectives (a list), exercises (how
    many the registry holds for it).
    """
    import pandas as pd

    from .exercises import registry

    counts: dict[str, int] = {}
    for ex in registry().values():
        counts[ex.notebook] = counts.get(ex.notebook, 0) + 1
    rows = []
    for nb in sorted(notebooks_dir(path).glob("[0-9][0-9]_*.ipynb")):
        meta = json.loads(nb.read_text(encoding="utf-8")).get("metadata", {}).get("secnb")
        if not meta:
            raise ValueError(f"{nb.name}: no 'secnb' entry in the notebook metadata (order, title, objectives, minutes)")
        rows.append({"order": meta["order"], "notebook": nb.name, "title": meta["title"],
                     "minutes": meta["minutes"], "objectives": list(meta["objectives"]),
                     "exercises": counts.get(nb.stem, 0)})
    frame = pd.DataFrame(rows, columns=["order", "notebook", "title", "minutes", "objectives", "exercises"])
    return frame.sort_values("order").reset_index(drop=True)


def course_map_markdown(path: str | Path | None = None):
    """The course map as Markdown with a link to each notebook (for display in a notebook)."""
    from IPython.display import Markdown

    table = course_map(path)
    lines = ["| # | Notebook | Minutes | Exercises | You will be able to |", "|---|---|---|---|---|"]
    for r in table.itertuples():
        goals = "; ".join(r.objectives)
        lines.append(f"| {r.order:02d} | [{r.title}]({r.notebook}) | {r.minutes} | {r.exercises} | {goals} |")
    total = int(table["minutes"].sum())
    lines.append("")
    lines.append(f"{len(table)} notebooks, about {total // 60} h {total % 60:02d} min of learning in all.")
    return Markdown("\n".join(lines))


def dataset_overview(data_dir: str | Path | None = None):
    """One row per table of the dataset: its name, title, number of rows and description."""
    import pandas as pd

    folder = find_data_dir(data_dir)
    descriptor = read_descriptor(folder)
    tables = load_dataset(folder)
    rows = [{"table": r["name"], "title": r.get("title", ""), "rows": len(tables[r["name"]]),
             "columns": len(r["schema"]["fields"]), "what it holds": r.get("description", "")}
            for r in descriptor["resources"]]
    return pd.DataFrame(rows)
