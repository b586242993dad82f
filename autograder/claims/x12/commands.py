"""``himlab x12 FILE --kind 837P|837I``: print the 837 interchange for the claims in a JSON file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.cli import UsageError

KINDS = ("837P", "837I")


def cmd_x12(args: argparse.Namespace) -> int:
    from autograder.claims.load import ClaimLoadError, load_claims
    from autograder.claims.x12.envelope import Envelope
    from autograder.claims.x12.errors import X12WriteError
    from autograder.claims.x12.writer import FORM_KIND, to_x12

    if args.file != "-" and not Path(args.file).is_file():
        raise UsageError(f"{args.file}: no such file; give the path of a JSON claim file (or - for stdin)")
    try:
        claims = load_claims(sys.stdin.buffer.read() if args.file == "-" else args.file)
    except ClaimLoadError as exc:
        raise UsageError(str(exc)) from None
    if not claims:
        raise UsageError(f"{args.file}: holds no claims; give one claim or a list of claims")
    kind = args.kind or FORM_KIND[claims[0].form]
    forms = {FORM_KIND[c.form] for c in claims}
    if forms != {kind}:
        other = sorted(forms - {kind})[0]
        names = {"837P": "CMS-1500", "837I": "UB-04"}
        raise UsageError(
            f"--kind {kind} writes {names[kind]} claims, but the file holds {names[other]} claims: "
            f"use --kind {other}, or put each form's claims in a file of its own"
        )
    try:
        text = to_x12(claims, kind, envelope=Envelope(control_number=args.control_number, usage=args.usage))
    except X12WriteError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(text)
    return 0


def _control_number(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 1_000_000_000:
        raise argparse.ArgumentTypeError(f"{value!r}: give a number from 1 to 999999999")
    return int(value)


def _kind(value: str) -> str:
    kind = value.strip().upper()
    if kind not in KINDS:
        raise argparse.ArgumentTypeError(f"{value!r}: use 837P (CMS-1500) or 837I (UB-04)")
    return kind


def register_x12(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("x12", help="print claims (JSON) as an X12 837P or 837I interchange")
    p.add_argument("file", metavar="FILE", help="JSON claim or list of claims; - for stdin")
    p.add_argument(
        "--kind",
        type=_kind,
        metavar="837P|837I",
        help="837P for CMS-1500 claims, 837I for UB-04 claims (default: the claims' form)",
    )
    p.add_argument("--control-number", type=_control_number, default=1, help="ISA13/GS06 control number")
    p.add_argument(
        "--usage", choices=("T", "P"), default="T", help="ISA15: T test data (default), P production"
    )
    p.set_defaults(func=cmd_x12)
