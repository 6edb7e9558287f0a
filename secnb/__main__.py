"""The secnb command line.

  python -m secnb validate [DATA_DIR]     check the course data
  python -m secnb execute NOTEBOOK...     re-execute notebooks in place (make notebooks)
"""

from __future__ import annotations

import argparse
import sys

from .data import DataError, validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m secnb", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the course data against data/datapackage.json")
    v.add_argument("data_dir", nargs="?", default=None,
                   help="the folder with datapackage.json (default: the course's data/)")
    x = sub.add_parser("execute", help="re-execute notebooks in place (fresh kernel each, top to bottom)")
    x.add_argument("notebooks", nargs="+", help="the .ipynb files")
    args = parser.parse_args(argv)
    if args.command == "validate":
        try:
            print(validate(args.data_dir))
        except DataError as e:
            for problem in e.problems:
                print(problem)
            n = len(e.problems)
            print(f"{n} problem{'s' * (n != 1)} found", file=sys.stderr)
            return 1
        return 0
    if args.command == "execute":
        from .notebooks import NotebookError, execute

        failed = 0
        for path in args.notebooks:
            try:
                execute(path)
                print(f"executed {path}")
            except NotebookError as e:
                print(e, file=sys.stderr)
                failed += 1
        return 1 if failed else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
