"""``himlab data``: ``fetch`` and ``install`` official CDC/CMS releases into ``HIMLAB_CACHE``, and
``status`` to list what is installed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from autograder.cli import UsageError
from autograder.codes.official.sources import CODE_SETS, YEARS

SETS = (*CODE_SETS, "all")


def _sets(choice: str) -> tuple[str, ...]:
    return CODE_SETS if choice == "all" else (choice,)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.isdigit() or int(text) not in YEARS:
        raise UsageError(f"--year {text!r} is not a release year; give four digits such as 2026")
    return int(text)


def _run(sets: tuple[str, ...], action) -> int:
    """Run ``action(code_set)`` for each set; a failure is reported and the others still run."""
    from autograder.codes.official.errors import OfficialDataError

    failed = 0
    for code_set in sets:
        try:
            action(code_set)
        except OfficialDataError as exc:
            print(f"himlab data: {code_set}: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from autograder.codes.official import fetch

    year = _year(args.year)
    mirror = Path(args.mirror) if args.mirror else None
    if mirror is not None and not mirror.is_dir():
        raise UsageError(f"--mirror {args.mirror} is not a folder")
    return _run(
        _sets(args.set),
        lambda s: fetch.fetch(s, year, base_url=args.base_url, mirror=mirror, force=args.force),
    )


def cmd_install(args: argparse.Namespace) -> int:
    from autograder.codes.official import files, install, sources

    folder = Path(args.source).expanduser()
    if not folder.is_dir():
        raise UsageError(
            f"--from {args.source} is not a folder; give the folder that holds the official files"
        )
    year = _year(args.year)
    sets = _sets(args.set)
    if args.set == "all":
        sets = tuple(s for s in sets if files.years_available(sources.source(s), [folder]))
        if not sets:
            raise UsageError(f"no ICD-10-CM, ICD-10-PCS or HCPCS release files in {folder}")
    return _run(sets, lambda s: install.install_from_folder(s, folder, year))


def cmd_status(args: argparse.Namespace) -> int:
    from autograder.codes.official import store

    rows = []
    for code_set in CODE_SETS:
        for installed in store.releases(code_set):
            manifest = installed.manifest
            rows.append(
                {
                    "code_set": code_set,
                    "label": manifest["label"],
                    "year": installed.release.year,
                    "effective_from": installed.release.effective_from.isoformat(),
                    "effective_to": installed.release.effective_to.isoformat(),
                    "source": installed.release.source,
                    "installed_at": manifest["installed_at"],
                    "parts": list(installed.parts),
                    "files": manifest["files"],
                    "counts": manifest["counts"],
                    "warnings": manifest["warnings"],
                    "database": str(installed.database),
                }
            )
        for path in store.unusable(code_set):
            rows.append({"code_set": code_set, "label": path.name, "unusable": str(path)})
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print(f"no official releases installed in {store.official_dir()}; the packaged defaults are in use")
        print("install them with: himlab data fetch --set all")
        return 0
    for row in rows:
        if "unusable" in row:
            print(f"{row['label']}: cannot be used (damaged, or from another version); install it again")
            continue
        print(
            f"{row['label']}  {row['effective_from']} to {row['effective_to']}  "
            f"installed {row['installed_at']}"
        )
        print(f"  source: {row['source']}")
        print(
            f"  parts: {', '.join(row['parts'])}; "
            + ", ".join(f"{v:,} {k}" for k, v in row["counts"].items())
        )
        for name, info in row["files"].items():
            print(f"  {name}  sha256 {info['sha256']}")
        for warning in row["warnings"]:
            print(f"  note: {warning}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    data = subparsers.add_parser("data", help="install official CDC/CMS code files (index, tables, HCPCS)")
    commands = data.add_subparsers(dest="data_command", metavar="ACTION")
    data.set_defaults(func=lambda args: (data.print_help(sys.stderr), 2)[1])

    p = commands.add_parser("fetch", help="download the official release files and install them")
    p.add_argument("--set", choices=SETS, default="all", help="which code set (default: all)")
    p.add_argument("--year", help="release year (default: the one in force today)")
    p.add_argument("--base-url", help="fetch every archive by its file name from this address instead")
    p.add_argument(
        "--mirror", help="read a local folder laid out like the official files (HIMLAB_DATA_MIRROR)"
    )
    p.add_argument("--force", action="store_true", help="install again even when the release is installed")
    p.set_defaults(func=cmd_fetch)

    p = commands.add_parser("install", help="install official release files from a local folder (offline)")
    p.add_argument("--from", dest="source", required=True, metavar="DIR", help="folder holding the files")
    p.add_argument("--set", choices=SETS, default="all", help="which code set (default: every one found)")
    p.add_argument("--year", help="release year (default: the newest found)")
    p.set_defaults(func=cmd_install)

    p = commands.add_parser("status", help="list installed releases with source, year and file hashes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
