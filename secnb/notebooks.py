"""Notebook tooling for maintainers: execute the course notebooks in place, reproducibly.

``python -m secnb execute notebooks/*.ipynb`` (what ``make notebooks`` runs) executes each
notebook top to bottom in a fresh kernel, in the notebook's own folder, and writes it back with
its outputs. It refuses to write a notebook whose run left an error or a warning on stderr.
Two things are normalised so that the committed file is the same on every machine:

* no timing metadata and no saved widget state;
* a live widget's output (a reference to a model in the kernel that ran it, which a reader of
  the file could only see as "Error displaying widget") is replaced by a short note asking the
  reader to run the cell. Such cells carry nbval's cell tag ``nbval-ignore-output``; the static
  figure after each explorer shows the same thing before anything runs, and an answer form
  (``secnb.answer_widget``) gets a note of its own.
"""

from __future__ import annotations

from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "▶ Run this cell (Shift+Enter) to use the interactive widget. The picture below shows it before it runs."
FORM_NOTE = "▶ Run this cell (Shift+Enter) to answer with a form: click your answer, then press Check."


class NotebookError(RuntimeError):
    """A notebook failed to run cleanly: names the notebook, the cell and what went wrong."""


def _normalise(nb) -> None:
    import nbformat

    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        outputs = []
        note = FORM_NOTE if "answer_widget(" in cell.source else WIDGET_NOTE
        for out in cell.get("outputs", []):
            if WIDGET_VIEW in out.get("data", {}):
                out = nbformat.v4.new_output("display_data", data={
                    "text/plain": note,
                    "text/html": f'<p class="secnb-widget-note"><em>{note}</em></p>'})
            outputs.append(out)
        cell.outputs = outputs


def problems(nb) -> list[str]:
    """Errors and stderr output left in an executed notebook, one line each."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append(f"cell {i}: wrote to stderr: {out.get('text', '').strip()[:300]}")
    return found


def execute(path: str | Path, timeout: int = 600, write: bool = True):
    """Execute one notebook in a fresh kernel, in its folder; write it back unless write=False."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            store_widget_state=False, resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as e:
        raise NotebookError(f"{path}: a cell raised an error:\n{e}") from None
    found = problems(nb)
    if found:
        raise NotebookError(f"{path}: not written, the run left errors or warnings:\n" + "\n".join(found))
    _normalise(nb)
    if write:
        nbformat.validate(nb)
        nbformat.write(nb, path)
    return nb


def run_in_process(path: str | Path, display=None):
    """Run a notebook's code cells in a plain namespace in this process (no kernel), in the
    notebook's folder; yield ``(source, value)`` for each code cell, ``value`` being what the
    cell's last expression evaluates to (None if it ends in a statement).

    For the benchmark and the tests, which drive a notebook's widgets and charts from Python.
    ``display`` replaces IPython's ``display`` meanwhile (by default it drops what it is given);
    a cell's printed output is discarded. IPython magics are not supported.
    """
    import ast
    import contextlib
    import io
    import os

    import IPython.core.display_functions
    import IPython.display
    import nbformat

    path = Path(path).resolve()
    show = display or (lambda *objects, **kwargs: None)
    namespace: dict = {}
    with contextlib.ExitStack() as stack:
        for module in (IPython.display, IPython.core.display_functions):
            stack.callback(setattr, module, "display", module.display)
            module.display = show
        stack.callback(os.chdir, os.getcwd())
        os.chdir(path.parent)
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            tree = ast.parse(cell.source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(tree, path.name, "exec"), namespace)
                value = eval(compile(ast.Expression(last.value), path.name, "eval"), namespace) if last else None
            yield cell.source, value
