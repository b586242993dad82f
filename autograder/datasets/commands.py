"""``himlab datasets generate``: write the synthetic datasets into a folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from autograder.cli import UsageError


def cmd_generate(args: argparse.Namespace) -> int:
    from autograder.datasets.builder import generate
    from autograder.datasets.encounters import NotEnoughPatients

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out}: is a file; give a folder to write the datasets into")
    try:
        manifest = generate(out, seed=args.seed, patients=args.patients, claims=args.claims)
    except (ValueError, NotEnoughPatients) as exc:
        raise UsageError(str(exc)) from None
    counts = manifest["counts"]
    print(
        f"wrote {len(manifest['files'])} files to {out}: {args.patients} patients, {counts['encounters']} "
        f"encounters, {counts['clean_claims']} clean and {counts['flawed_claims']} flawed claims (seed "
        f"{args.seed})"
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    from autograder.datasets.defaults import DEFAULT_CLAIMS, DEFAULT_PATIENTS, DEFAULT_SEED

    p = subparsers.add_parser("datasets", help="synthetic patients, encounters, claims and HIM extracts")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    g = actions.add_parser("generate", help="write every dataset file into a folder (same seed, same bytes)")
    g.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    g.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    g.add_argument(
        "--patients",
        type=int,
        default=DEFAULT_PATIENTS,
        help=f"number of patients (default {DEFAULT_PATIENTS})",
    )
    g.add_argument(
        "--claims",
        type=int,
        default=DEFAULT_CLAIMS,
        help=f"number of clean claims; flawed copies come on top (default {DEFAULT_CLAIMS})",
    )
    g.set_defaults(func=cmd_generate)
