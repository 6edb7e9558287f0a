"""The secnb command line.

  python -m secnb validate [DATA_DIR]     check the course data
  python -m secnb execute NOTEBOOK...     re-execute notebooks in place (make notebooks)
  python -m secnb edition solutions OUT   the instructor's solutions edition (nbgrader markers)
  python -m secnb edition key OUT         the answer key, one printable HTML page (OUT: folder or .html)
  python -m secnb minutes [--write]       each notebook's time to learn, computed (--write: into the notebooks)
  python -m secnb catalogue [--write F]   the exercise catalogue as Markdown
  python -m secnb link --hub URL [--notebook NN]   the nbgitpuller link that brings the course to a hub
  python -m secnb site [OUT]              the course website, from the committed notebooks (make site)
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
    e = sub.add_parser("edition", help="build an edition for instructors: the solutions notebooks or the answer key")
    e.add_argument("kind", choices=["solutions", "key"])
    e.add_argument("outdir", help="the folder to write to (for key: a folder or a .html file)")
    e.add_argument("--no-execute", action="store_true", help="write the notebooks without running them")
    m = sub.add_parser("minutes", help="each notebook's time to learn: reading + exercises + running cells")
    m.add_argument("--write", action="store_true", help="write the minutes into each notebook and the README")
    k = sub.add_parser("link", help="print the nbgitpuller link that pulls the course into each learner's home")
    k.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    k.add_argument("--notebook", default=None, help="the notebook to open, e.g. 02 (default: 00)")
    k.add_argument("--repo", default=None, help="the course repository (default: this clone's origin)")
    k.add_argument("--branch", default=None, help="the branch to pull (default: this clone's branch)")
    k.add_argument("--interface", default="lab", choices=["lab", "notebook"],
                   help="open in JupyterLab (lab) or Jupyter Notebook 7 (notebook)")
    w = sub.add_parser("site", help="build the course website from the committed notebooks (no re-execution)")
    w.add_argument("out", nargs="?", default="_build/site", help="the folder to write to (default _build/site)")
    w.add_argument("--repo", default=None, help="the repository the launch buttons open (default: origin)")
    w.add_argument("--branch", default=None, help="its branch (default: the current branch)")
    w.add_argument("--hub", default=None, help="a JupyterHub with nbgitpuller for a second launch button")
    w.add_argument("--root", default=None, help="the course folder (default: this one)")
    c = sub.add_parser("catalogue", help="print the exercise catalogue as Markdown (or update a file's copy)")
    c.add_argument("--write", metavar="FILE", help="replace the generated block of FILE (INSTRUCTORS.md)")
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
    if args.command == "link":
        from .hub import LinkError, nbgitpuller_link, repository_defaults

        origin, branch = repository_defaults()
        repo = args.repo or origin
        if not repo:
            print("this copy of the course has no git remote 'origin': give the repository with --repo URL",
                  file=sys.stderr)
            return 1
        try:
            print(nbgitpuller_link(args.hub, repo, args.branch or branch, args.notebook, args.interface))
        except LinkError as e:
            print(f"python -m secnb link: {e}", file=sys.stderr)
            return 1
        return 0
    if args.command == "site":
        from .site import SiteError, build_site

        try:
            index = build_site(args.out, args.repo, args.branch, args.hub, args.root)
        except SiteError as e:
            print(f"make site: {e}", file=sys.stderr)
            return 1
        print(f"site: {index}")
        return 0
    if args.command == "catalogue":
        from .course import catalogue_markdown, write_catalogue

        if args.write:
            changed = write_catalogue(args.write)
            print(f"{args.write}: {'updated' if changed else 'already up to date'}")
        else:
            print(catalogue_markdown(), end="")
        return 0
    if args.command == "minutes":
        from .course import minutes_table, write_minutes

        table = minutes_table()
        print(table.to_string(index=False))
        print(f"course total: {int(table['minutes'].sum())} minutes")
        if args.write:
            for path in write_minutes():
                print(f"updated {path}")
        return 0
    if args.command == "edition" and args.kind == "key":
        from .edition import write_answer_key

        try:
            target = write_answer_key(args.outdir)
        except OSError as e:
            print(f"cannot write the answer key to {args.outdir}: {e}", file=sys.stderr)
            return 1
        print(f"answer key: {target}")
        return 0
    if args.command == "edition":
        from .edition import EditionError, build_solutions
        from .notebooks import NotebookError

        try:
            written = build_solutions(args.outdir, execute=not args.no_execute)
        except (EditionError, NotebookError) as e:
            print(e, file=sys.stderr)
            return 1
        state = "written" if args.no_execute else "written and executed, every check passing"
        print(f"solutions edition: {len(written)} notebooks {state} in {args.outdir}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
