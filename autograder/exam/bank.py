"""The item bank: one JSON file per exam in ``autograder/exam/bank/``, read once and kept in memory."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from autograder.exam.items import BankError, Item, item_from_dict

BANK_DIR = Path(__file__).with_name("bank")


def read_bank_file(path: Path) -> list[Item]:
    """Items of one bank file; :class:`BankError` names the file and the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BankError(f"{path.name}: cannot be read as JSON ({exc})") from exc
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("exam"), str)
        or not isinstance(data.get("items"), list)
    ):
        raise BankError(f"{path.name}: a bank file is an object with 'exam' and a list of 'items'")
    return [item_from_dict(entry, data["exam"], path.name) for entry in data["items"]]


@lru_cache(maxsize=1)
def load_bank() -> tuple[Item, ...]:
    """Every item of every exam, in file order; item ids are unique across the bank."""
    items: list[Item] = []
    for path in sorted(BANK_DIR.glob("*.json")):
        items.extend(read_bank_file(path))
    repeated = [item_id for item_id, n in Counter(i.id for i in items).items() if n > 1]
    if repeated:
        raise BankError(f"item ids must be unique; repeated: {', '.join(sorted(repeated))}")
    return tuple(items)


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Item]:
    return {item.id: item for item in load_bank()}


def get_item(item_id: str) -> Item:
    try:
        return _by_id()[item_id]
    except KeyError:
        raise KeyError(f"no item {item_id!r} in the bank") from None


def items_for(exam: str, domain: str | None = None) -> list[Item]:
    """The items of one exam, optionally of one blueprint domain."""
    return [i for i in load_bank() if i.exam == exam and (domain is None or i.domain == domain)]


def bank_stats() -> dict:
    """Item counts by exam and domain (domains in blueprint order), plus the total."""
    from autograder.exam.blueprint import load_blueprints

    stats: dict = {}
    for exam, plan in load_blueprints().items():
        counts = Counter(i.domain for i in items_for(exam))
        stats[exam] = {
            "total": sum(counts.values()),
            "domains": {d.id: counts.get(d.id, 0) for d in plan.domains},
        }
    stats["total"] = len(load_bank())
    return stats
