"""``himlab self-check``: write the line that adds a self-check to a lesson, without the answer in it."""

from __future__ import annotations

import argparse

from autograder.cli import UsageError


def cmd_self_check(args: argparse.Namespace) -> int:
    from autograder.checks.selfcheck import make_self_check

    try:
        check = make_self_check(
            args.question, args.codes, sequence=args.sequence, system=args.system, hint=args.hint
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    print(check.source())
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "self-check", help="print a SelfCheck(...) line for a lesson: digests of the answer, never the answer"
    )
    p.add_argument("question", help="a short id shown in the feedback, e.g. 04-02-q3")
    p.add_argument("codes", nargs="+", metavar="CODE", help="the expected code or codes")
    p.add_argument(
        "--sequence",
        choices=("any", "principal", "exact"),
        default="any",
        help="whether order counts: not at all, the first-listed code, or every position (default any)",
    )
    p.add_argument("--system", choices=("icd10cm", "icd10pcs", "hcpcs", "cpt"), default="icd10cm")
    p.add_argument("--hint", help="a hint shown with a wrong answer (it must not give the answer away)")
    p.set_defaults(func=cmd_self_check)
