#!/usr/bin/env python3
"""Checks the notebooks without running them (CI has no Python package index, so no Jupyter):

* each notebook is valid nbformat-4 JSON (cells with a known type and text source, unique cell ids);
* its outputs are stripped (no outputs, no execution counts), so no stale results are committed;
* every code cell compiles (the extracted code goes through py_compile, IPython magics left out);
* every SQL file it names exists in sql/queries/, and it passes no SQL text to DuckDB inline.

Python standard library only. Usage: python3 notebooks/check_notebooks.py [--root REPO] [NOTEBOOK ...]
Prints one line per check and ends with "notebook checks: N passed, N failed"; exit status 1 on a failure.
"""
import argparse
import json
import py_compile
import re
import sys
import tempfile
from pathlib import Path

SQL_NAME = re.compile(r"""["']([A-Za-z0-9_./-]+\.sql)["']""")
# A DuckDB call given a string literal (rather than the text of a file) is SQL kept in the notebook.
INLINE_SQL = re.compile(r"""\.(?:execute|sql|query|executemany)\(\s*[rRbBuUfF]*["']""")
MAGIC = re.compile(r"^\s*[%!]")
# Written into the Parquet lake by `bw load`, not a file of the repository.
LAKE_FILES = {"views.sql"}


def source_text(cell):
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def check_format(nb):
    problems = []
    if not isinstance(nb, dict):
        return ["top level is not a JSON object"]
    if nb.get("nbformat") != 4:
        problems.append(f"nbformat is {nb.get('nbformat')!r}, expected 4")
    if not isinstance(nb.get("nbformat_minor"), int):
        problems.append("nbformat_minor missing")
    if not isinstance(nb.get("metadata"), dict):
        problems.append("metadata missing")
    cells = nb.get("cells")
    if not isinstance(cells, list) or not cells:
        return problems + ["no cells"]
    ids = set()
    for i, cell in enumerate(cells, 1):
        kind = cell.get("cell_type") if isinstance(cell, dict) else None
        if kind not in ("code", "markdown", "raw"):
            problems.append(f"cell {i}: cell_type {kind!r}")
            continue
        source = cell.get("source")
        if not (isinstance(source, str) or (isinstance(source, list) and all(isinstance(s, str) for s in source))):
            problems.append(f"cell {i}: source is neither a string nor a list of strings")
        if not isinstance(cell.get("metadata"), dict):
            problems.append(f"cell {i}: metadata missing")
        if nb.get("nbformat_minor", 0) >= 5:
            cell_id = cell.get("id")
            if not isinstance(cell_id, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", cell_id) or cell_id in ids:
                problems.append(f"cell {i}: missing, malformed or duplicate id {cell_id!r}")
            ids.add(cell_id)
        if kind == "code" and ("outputs" not in cell or "execution_count" not in cell):
            problems.append(f"cell {i}: code cell without outputs/execution_count")
    return problems


def check_stripped(nb):
    problems = []
    for i, cell in enumerate(nb["cells"], 1):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {i}: {len(cell['outputs'])} output(s) committed")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i}: execution_count {cell['execution_count']}")
    return problems


def check_compiles(nb, name):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, cell in enumerate(nb["cells"], 1):
            if cell.get("cell_type") != "code":
                continue
            code = "\n".join("pass  # magic" if MAGIC.match(line) else line for line in source_text(cell).split("\n"))
            path = Path(tmp) / f"{Path(name).stem}_cell{i}.py"
            path.write_text(code + "\n", encoding="utf-8")
            try:
                py_compile.compile(str(path), doraise=True)
            except py_compile.PyCompileError as error:
                problems.append(f"cell {i}: {error.msg.strip().splitlines()[-1]}")
    return problems


def check_sql(nb, root):
    problems = []
    named = set()
    for i, cell in enumerate(nb["cells"], 1):
        if cell.get("cell_type") != "code":
            continue
        code = source_text(cell)
        for match in SQL_NAME.finditer(code):
            if match.group(1) not in LAKE_FILES:
                named.add(match.group(1))
        if INLINE_SQL.search(code):
            problems.append(f"cell {i}: SQL passed inline; put it in a file in sql/queries/")
    if not named:
        problems.append("names no SQL file of sql/queries/")
    for sql in sorted(named):
        candidates = [root / "sql" / "queries" / sql, root / sql]
        if not any(c.is_file() for c in candidates):
            problems.append(f"{sql} not found in sql/queries/")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="repository root")
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to check (default: ROOT/notebooks/*.ipynb)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    notebooks = args.notebooks or sorted((root / "notebooks").glob("*.ipynb"))
    passed = failed = 0

    def report(name, check, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL {name}: {check}")
            for p in problems:
                print(f"     {p}")
        else:
            passed += 1
            print(f"ok   {name}: {check}")

    if not notebooks:
        report(str(root / "notebooks"), "notebooks present", ["no .ipynb file"])
    for path in notebooks:
        name = path.name
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            report(name, "valid JSON", [str(error)])
            continue
        problems = check_format(nb)
        report(name, "nbformat 4", problems)
        if problems:
            continue
        report(name, "outputs stripped", check_stripped(nb))
        report(name, "code cells compile", check_compiles(nb, name))
        report(name, "SQL files exist", check_sql(nb, root))
    print(f"notebook checks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
