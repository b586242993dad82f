"""``himlab``: the command line for lookups, claims, DRGs, grading, exams, datasets and data files.

Each concern registers its own subcommands: a package ``autograder/<concern>/`` with a
``commands.py`` module that has ``register(subparsers)`` is found and added here (commands
modules import their heavy dependencies inside the handlers, so ``himlab`` starts fast).
A subcommand returns its exit code: 0 all valid, 1 findings with errors, 2 bad usage or
unreadable input. User mistakes raise :class:`UsageError`, which prints
one line and exits 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import pkgutil
import sys

import autograder


class UsageError(Exception):
    """A mistake in what the user asked for; the message says what and how to fix it."""


def command_modules() -> list[str]:
    """``autograder.<concern>.commands`` for every concern package that has one, in name order."""
    found = []
    for pkg in sorted(pkgutil.iter_modules(autograder.__path__), key=lambda m: m.name):
        if pkg.ispkg and importlib.util.find_spec(f"autograder.{pkg.name}.commands") is not None:
            found.append(f"autograder.{pkg.name}.commands")
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="himlab", description="HIM Coding Lab command line")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into a reader that stopped early (``| head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (UsageError, OSError) as exc:
        # OSError: an unreadable input file or an unwritable cache folder; the message names the path.
        print(f"himlab {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    # run as ``python -m autograder.cli``: use the imported module, whose UsageError the commands raise
    from autograder.cli import main as himlab

    sys.exit(himlab())
