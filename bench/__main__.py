"""Run the benchmarks: ``python -m bench [NAME ...]`` (names are bench module suffixes, e.g. ``codes``).

Each ``bench/bench_<name>.py`` has ``run() -> list[dict]``; a row has ``bench``, ``metric``,
``value``, ``unit`` and, where an issue sets a figure, ``target`` and ``ok``. The table goes to
stdout and every row to ``bench-results.json`` (``--out`` to change).
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sys
import time
from pathlib import Path

import bench


def _modules(selected: list[str]) -> list[str]:
    names = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_"))
    if selected:
        names = [n for n in names if n.removeprefix("bench_") in selected]
    return names


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*")
    parser.add_argument("--out", default="bench-results.json")
    args = parser.parse_args()
    rows: list[dict] = []
    for name in _modules(args.names):
        started = time.perf_counter()
        module_rows = importlib.import_module(f"bench.{name}").run()
        print(f"[{name}: {time.perf_counter() - started:.1f} s]", file=sys.stderr)
        rows.extend(module_rows)
    header = ["bench", "metric", "value", "unit", "target", "ok"]
    table = [[_fmt(r.get(h, "")) for h in header] for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in table)) if table else len(h) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    report = {"machine": {"python": platform.python_version(), "platform": platform.platform()}, "rows": rows}
    Path(args.out).write_text(json.dumps(report, indent=2))
    print(f"wrote {args.out}")
    return 0 if all(r.get("ok", True) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
