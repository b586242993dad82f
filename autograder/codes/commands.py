"""``himlab lookup``, ``himlab search`` and ``himlab validate-code``."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from datetime import date

from autograder.cli import UsageError
from autograder.codes.normalize import normalize

SYSTEMS = ("icd10cm", "icd10pcs", "hcpcs", "cpt")


def _module(system: str):
    return importlib.import_module(f"autograder.codes.{system}")


def resolve_system(code: str, system: str | None) -> str:
    """The code set a code belongs to: the one named, else the only one whose form and table fit.

    A code that fits two systems (``J1100`` is HCPCS J1100 and ICD-10-CM J11.00) is ambiguous and
    raises :class:`UsageError` naming both readings; it is never guessed.
    """
    if system:
        return system
    if "." in code:
        return "icd10cm"
    key = normalize(code)
    shaped = [s for s in SYSTEMS if _module(s).looks_like(key)]
    known = [s for s in shaped if _module(s).lookup(key) is not None]
    candidates = known or shaped
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise UsageError(
            f"{code!r} has the form of no code set we know; give --system icd10cm, icd10pcs, hcpcs or cpt"
        )
    readings = "; ".join(f"{s}: {_module(s).display(key)}" for s in candidates)
    raise UsageError(f"{code!r} is ambiguous ({readings}); say which with --system")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


def cmd_lookup(args: argparse.Namespace) -> int:
    system = resolve_system(args.code, args.system)
    info = _module(system).lookup(args.code, on=args.on)
    if info is None:
        findings = _module(system).validate(args.code, on=args.on)
        reason = findings[0].message if findings else "not found"
        if args.json:
            _print_json({"code": args.code, "system": system, "found": False, "message": reason})
        else:
            print(f"{args.code}: {reason}")
        return 1
    if args.json:
        _print_json(info.to_dict())
    else:
        print(info.describe())
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more")
    module = _module(args.system)
    hits = module.search(args.text, limit=args.limit, billable_only=args.billable)
    rows = [{"code": h.code, "title": h.title, "billable": h.billable} for h in hits]
    if args.json:
        _print_json(rows)
    elif not rows:
        print(f"no {args.system} match for {args.text!r}")
    else:
        width = max(len(r["code"]) for r in rows)
        for r in rows:
            mark = " " if r["billable"] else "*"
            print(f"{r['code'].ljust(width)} {mark} {r['title']}")
        if any(not r["billable"] for r in rows):
            print("* not billable: code to a more specific child")
    return 0


def cmd_validate_code(args: argparse.Namespace) -> int:
    rows = []
    for code in args.codes:
        system = resolve_system(code, args.system)
        for f in _module(system).validate(code, on=args.on):
            rows.append({**f.to_dict(), "code": code, "system": system})
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['code']}: {r['severity']} [{r['rule']}] {r['message']}")
        if not rows:
            print("all valid")
    return 1 if any(r["severity"] == "error" for r in rows) else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    from autograder.codes.official import commands as official_commands

    systems = dict(choices=SYSTEMS, help="code set (inferred from the code's form when left out)")
    on = dict(type=_date, metavar="YYYY-MM-DD", help="date of service: use the release in force that day")

    p = subparsers.add_parser("lookup", help="show a code: title, billable flag, notes")
    p.add_argument("code")
    p.add_argument("--system", **systems)
    p.add_argument("--on", **on)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_lookup)

    p = subparsers.add_parser("search", help="find codes by words in their titles")
    p.add_argument("text")
    p.add_argument("--system", choices=SYSTEMS, default="icd10cm")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--billable", action="store_true", help="only billable codes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("validate-code", help="check codes and explain what is wrong")
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.add_argument("--system", **systems)
    p.add_argument("--on", **on)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_validate_code)

    official_commands.register(subparsers)
