"""``himlab validate``, ``himlab schema`` and ``himlab example`` (and ``himlab x12`` when the X12
package is installed alongside)."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from autograder.cli import UsageError

FORMS = ("cms1500", "ub04")


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


def _source(path: str):
    """The FILE argument: a path, or ``-`` for standard input (read as bytes)."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"{path}: no such file; give the path of a JSON or X12 claim file")
    return file


def cmd_validate(args: argparse.Namespace) -> int:
    from autograder.claims.load import ClaimLoadError, load_claims
    from autograder.claims.ncci import NcciFileError, load_tables
    from autograder.claims.validator import validate_many

    try:
        claims = load_claims(_source(args.file))
        ncci = load_tables(args.ptp or [], args.mue or []) if (args.ptp or args.mue) else None
    except (ClaimLoadError, NcciFileError) as exc:
        raise UsageError(str(exc)) from None
    table = validate_many(claims, ncci=ncci)
    rows = table.drop(columns=["code"]).to_dict(orient="records")
    if args.json:
        _print_json(rows)
    elif not rows:
        print(f"{len(claims)} claim(s): no findings")
    else:
        for r in rows:
            print(f"{r['claim_id']}  {r['severity']:<7}  {r['locator']}  [{r['rule']}]  {r['message']}")
        errors = sum(r["severity"] == "error" for r in rows)
        print(f"{len(claims)} claim(s): {errors} error(s), {len(rows) - errors} warning(s)")
    return 1 if any(r["severity"] == "error" for r in rows) else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from autograder.claims.load import FORMS as MODELS

    _print_json(MODELS[args.form].model_json_schema())
    return 0


def cmd_example(args: argparse.Namespace) -> int:
    from autograder.claims.load import example_json

    sys.stdout.write(example_json(args.form))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("validate", help="check claims (JSON or X12) against the rule catalogue")
    p.add_argument("file", metavar="FILE", help="JSON claim or list of claims, or an X12 837; - for stdin")
    p.add_argument("--json", action="store_true", help="findings as JSON")
    p.add_argument("--ptp", action="append", metavar="FILE", help="a CMS NCCI PTP file (repeat for f1-f4)")
    p.add_argument("--mue", action="append", metavar="FILE", help="a CMS NCCI MUE file")
    p.set_defaults(func=cmd_validate)

    p = subparsers.add_parser("schema", help="print the JSON Schema of a claim form")
    p.add_argument("form", choices=FORMS)
    p.set_defaults(func=cmd_schema)

    p = subparsers.add_parser("example", help="print a complete, valid example claim as JSON")
    p.add_argument("form", choices=FORMS)
    p.set_defaults(func=cmd_example)

    # `himlab x12` lives with the X12 writer and reader (autograder/claims/x12/commands.py)
    if _has_module("autograder.claims.x12.commands"):
        from autograder.claims.x12.commands import register_x12

        register_x12(subparsers)


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False
