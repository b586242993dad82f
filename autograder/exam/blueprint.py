"""Exam blueprints as data (``blueprints.json``): format, timing, passing standard and domain weights,
each with the address and date of the source it was read from.

A domain's weight is its published share: a question count out of the exam's total (AAPC publishes
counts for the CPC) or the midpoint of a percentage range (AHIMA publishes ranges), normalised so the
weights of an exam sum to 1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BLUEPRINT_FILE = Path(__file__).with_name("blueprints.json")


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    name: str
    published: str  # as the source states it: "6 questions", "30-34%"
    weight: float  # normalised share of the exam


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    accessed: str
    what: str


@dataclass(frozen=True, slots=True)
class Blueprint:
    exam: str
    title: str
    body: str
    questions: int  # items on the real exam, scored and pretest
    scored: int
    minutes: int
    passing: str
    books: str
    delivery: str
    domains: tuple[Domain, ...]
    weights_published: bool
    notes: str
    sources: tuple[Source, ...]

    @property
    def domain_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.domains)

    def domain(self, domain_id: str) -> Domain:
        for d in self.domains:
            if d.id == domain_id:
                return d
        raise KeyError(
            f"{self.exam.upper()} has no domain {domain_id!r}; domains: {', '.join(self.domain_ids)}"
        )

    def allocate(self, n: int) -> dict[str, int]:
        """How many of ``n`` items each domain gets: largest-remainder apportionment of the weights."""
        quotas = {d.id: d.weight * n for d in self.domains}
        counts = {k: int(q + 1e-9) for k, q in quotas.items()}
        order = sorted(quotas, key=lambda k: (quotas[k] - counts[k], quotas[k]), reverse=True)
        for k in order[: max(0, n - sum(counts.values()))]:
            counts[k] += 1
        return counts

    def minutes_for(self, n: int) -> float:
        """The real exam's time, scaled to ``n`` items (the real exam's minutes per item times ``n``)."""
        return self.minutes * n / self.questions


def _weight_basis(raw: dict, where: str) -> tuple[str, float]:
    if "questions" in raw:
        return f"{raw['questions']} questions", float(raw["questions"])
    if "provisional_percent" in raw:
        return f"{raw['provisional_percent']}% (provisional)", float(raw["provisional_percent"])
    low, high = raw["percent"]
    if not 0 <= low <= high <= 100:
        raise ValueError(f"{where}: percent range must be two numbers 0-100, low first")
    return f"{low}-{high}%", (low + high) / 2


def _blueprint(exam: str, raw: dict) -> Blueprint:
    bases = [(d, *_weight_basis(d, f"{exam} domain {d.get('id')}")) for d in raw["domains"]]
    total = sum(b for _, _, b in bases)
    domains = tuple(Domain(d["id"], d["name"], published, basis / total) for d, published, basis in bases)
    fmt = raw["format"]
    return Blueprint(
        exam=exam,
        title=raw["title"],
        body=raw["body"],
        questions=fmt["questions"],
        scored=fmt["scored"],
        minutes=fmt["minutes"],
        passing=fmt["passing"],
        books=fmt["books"],
        delivery=fmt["delivery"],
        domains=domains,
        weights_published=raw["weights_published"],
        notes=raw.get("notes", ""),
        sources=tuple(Source(s["url"], s["accessed"], s["what"]) for s in raw["sources"]),
    )


@lru_cache(maxsize=1)
def load_blueprints() -> dict[str, Blueprint]:
    data = json.loads(BLUEPRINT_FILE.read_text(encoding="utf-8"))
    return {exam: _blueprint(exam, raw) for exam, raw in data["exams"].items()}


def blueprint(exam: str) -> Blueprint:
    """The blueprint of one exam (``cpc``, ``cca``, ``ccs``, ``rhit``)."""
    plans = load_blueprints()
    key = exam.strip().lower() if isinstance(exam, str) else ""
    if key not in plans:
        raise KeyError(f"no blueprint for exam {exam!r}; choose one of {', '.join(plans)}")
    return plans[key]
