"""Credit for one response and scores for an attempt, overall and by blueprint domain.

Responses are kept as the learner typed them (a letter, a list of codes, or for a case two lines:
``"K35.30:Y, E11.9:Y"`` and ``"0DTJ4ZZ"``) and are read here; anything unreadable earns no credit and
never raises.

Coding cases earn partial credit, point by point:

* 1 point for each expected diagnosis reported, anywhere in the list;
* 1 point when the principal (first-listed) diagnosis is the expected one (UHDDS principal diagnosis,
  ICD-10-CM Official Guidelines Section II; first-listed diagnosis, Section IV);
* inpatient cases: 1 point for each expected diagnosis reported with the right POA indicator
  (Guidelines Appendix I; exempt codes are left blank);
* 1 point for each expected procedure reported;
* 1 point off for each reported code that is not in the key (over-coding), never below zero.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from autograder.codes.normalize import normalize
from autograder.exam.items import LETTERS, CaseKey, Item

_SPLIT = re.compile(r"[\s,;]+")


def parse_codes(text: object) -> list[str]:
    """``"e11.22, N18.31"`` -> ``["E1122", "N1831"]`` (normalised, in the order given)."""
    if not isinstance(text, str):
        return []
    return [normalize(t) for t in _SPLIT.split(text) if normalize(t)]


def parse_diagnoses(text: object) -> list[tuple[str, str]]:
    """``"K35.30:Y, Z3A.39"`` -> ``[("K3530", "Y"), ("Z3A39", "")]``; the POA after a colon is optional."""
    out = []
    for token in parse_codes(text.replace(" :", ":").replace(": ", ":") if isinstance(text, str) else text):
        code, _, poa = token.partition(":")
        out.append((code, poa))
    return out


def _choice_credit(item: Item, response: object) -> float:
    letter = response.strip().upper() if isinstance(response, str) else ""
    return 1.0 if letter == item.answer else 0.0


def _code_credit(item: Item, response: object) -> float:
    given = parse_codes(response)
    expected = [normalize(c) for c in item.answer]
    if item.ordered:
        return 1.0 if given == expected else 0.0
    return 1.0 if sorted(given) == sorted(expected) else 0.0


@dataclass(frozen=True)
class CaseResult:
    earned: float
    possible: int
    notes: tuple[str, ...]

    @property
    def credit(self) -> float:
        return self.earned / self.possible if self.possible else 0.0


def score_case(key: CaseKey, response: object) -> CaseResult:
    """Partial credit for a coding case, with one note per point won or lost."""
    response = response if isinstance(response, Mapping) else {}
    given_dx = parse_diagnoses(response.get("diagnoses", ""))
    given_px = parse_codes(response.get("procedures", ""))
    inpatient = key.setting == "inpatient"
    expected_dx = {normalize(d.code): d.poa for d in key.diagnoses}
    expected_px = [normalize(p) for p in key.procedures]
    earned, notes = 0.0, []
    given_poa = {}
    for code, poa in given_dx:
        given_poa.setdefault(code, poa)
    for d in key.diagnoses:
        code = normalize(d.code)
        if code not in given_poa:
            notes.append(f"missing diagnosis {d.code}")
            continue
        earned += 1
        if inpatient:
            if given_poa[code] == d.poa:
                earned += 1
            else:
                want = d.poa or "blank (exempt)"
                notes.append(f"POA for {d.code} should be {want}, not {given_poa[code] or 'blank'}")
    first = given_dx[0][0] if given_dx else ""
    if first == normalize(key.diagnoses[0].code):
        earned += 1
    else:
        notes.append(f"principal diagnosis should be {key.diagnoses[0].code}")
    for code, shown in zip(expected_px, key.procedures, strict=True):
        if code in given_px:
            earned += 1
        else:
            notes.append(f"missing procedure {shown}")
    extras = [c for c in dict.fromkeys(given_poa) if c not in expected_dx]
    extras += [c for c in dict.fromkeys(given_px) if c not in expected_px]
    for code in extras:
        notes.append(f"{code} is not in the key (over-coding costs a point)")
    possible = len(key.diagnoses) * (2 if inpatient else 1) + 1 + len(key.procedures)
    return CaseResult(max(0.0, earned - len(extras)), possible, tuple(notes))


def credit(item: Item, response: object) -> float:
    """Credit from 0 to 1 for one response; ``None`` (unanswered) and unreadable input earn 0."""
    if response is None:
        return 0.0
    if item.kind == "choice":
        return _choice_credit(item, response)
    if item.kind == "code":
        return _code_credit(item, response)
    return score_case(item.answer, response).credit


def describe_response(item: Item, response: object) -> str:
    """The learner's response as text for a review."""
    if response is None or response == "" or response == {}:
        return "(no answer)"
    if (
        item.kind == "choice"
        and isinstance(response, str)
        and response.strip().upper() in LETTERS[: len(item.options)]
    ):
        letter = response.strip().upper()
        return f"{letter}. {item.options[LETTERS.index(letter)]}"
    if item.kind == "case" and isinstance(response, Mapping):
        diagnoses = response.get("diagnoses") or "(none)"
        return f"diagnoses {diagnoses}; procedures {response.get('procedures') or 'none'}"
    return str(response)


@dataclass
class ScoreReport:
    """Points earned and possible, overall and by domain; every item is worth 1 point."""

    earned: float = 0.0
    possible: int = 0
    by_domain: dict[str, list[float]] = field(default_factory=dict)  # domain -> [earned, possible]

    @property
    def percent(self) -> float:
        return round(100 * self.earned / self.possible, 1) if self.possible else 0.0

    def domain_percent(self, domain: str) -> float:
        earned, possible = self.by_domain[domain]
        return round(100 * earned / possible, 1) if possible else 0.0

    def to_dict(self) -> dict:
        return {
            "earned": round(self.earned, 3),
            "possible": self.possible,
            "percent": self.percent,
            "domains": {
                d: {"earned": round(e, 3), "possible": int(p), "percent": self.domain_percent(d)}
                for d, (e, p) in self.by_domain.items()
            },
        }


def score_attempt(items: Iterable[Item], responses: Mapping[str, object]) -> ScoreReport:
    report = ScoreReport()
    for item in items:
        value = credit(item, responses.get(item.id))
        report.earned += value
        report.possible += 1
        slot = report.by_domain.setdefault(item.domain, [0.0, 0])
        slot[0] += value
        slot[1] += 1
    return report
