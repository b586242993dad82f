"""A release-of-information (ROI) request log for privacy exercises, with planted compliance problems.

Each request names who asked, why, what was asked for, whether an authorization was on file, what
was done and when, and whether the disclosure belongs in the accounting of disclosures. The rules
the log is built to (HIPAA Privacy Rule, 45 CFR part 164):

- a patient's (or personal representative's) request for their own record needs no authorization
  and is answered within 30 days, extendable once by 30 days with written notice (164.524(b));
- disclosures for treatment and payment need no authorization (164.506); the minimum necessary
  standard applies to payment but not to treatment or to the patient's own request (164.502(b));
- other disclosures to third parties such as attorneys and life insurers need a valid authorization
  (164.508), and psychotherapy notes need an authorization specific to them (164.508(a)(2));
- disclosures to law enforcement under a court order and to public health authorities need no
  authorization (164.512) but must be listed in the accounting of disclosures (164.528), which
  leaves out disclosures to the patient, for treatment or payment, and under an authorization.

``roi_issues.csv`` lists every request where one of these rules was broken, and why.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from autograder.datasets.calendar import AS_OF, FIRST_SERVICE_DAY, random_day

REQUEST_FIELDS = (
    "request_id",
    "received_date",
    "patient_id",
    "mrn",
    "requester_type",
    "requester",
    "purpose",
    "authorization",
    "records_requested",
    "disposition",
    "response_date",
    "days_to_respond",
    "extension_notice",
    "accounting_required",
    "logged_in_accounting",
)
ISSUE_FIELDS = ("request_id", "issue", "rule", "explanation")
ISSUE_EVERY = 5  # every fifth request breaks a rule


@dataclass(frozen=True)
class Requester:
    kind: str
    names: tuple[str, ...]
    purpose: str
    authorization: str  # required, not_required
    records: tuple[str, ...]
    accountable: bool  # listed in the accounting of disclosures


REQUESTERS = (
    Requester(
        "patient",
        ("the patient",),
        "personal use",
        "not_required",
        ("complete medical record", "lab results", "discharge summary"),
        False,
    ),
    Requester(
        "personal representative",
        ("legal guardian", "health care agent"),
        "personal use",
        "not_required",
        ("complete medical record", "discharge summary"),
        False,
    ),
    Requester(
        "provider (treatment)",
        ("Example Family Medicine", "Sample Rehabilitation Center"),
        "continuity of care",
        "not_required",
        ("discharge summary", "lab results", "imaging reports"),
        False,
    ),
    Requester(
        "health plan (payment)",
        ("Example Health Plan", "Demo Mutual Insurance"),
        "claim review",
        "not_required",
        ("operative report", "discharge summary"),
        False,
    ),
    Requester(
        "attorney",
        ("Sample & Placeholder LLP", "Exampleton Law Group"),
        "legal claim",
        "required",
        ("complete medical record", "discharge summary"),
        False,
    ),
    Requester(
        "life insurer",
        ("Testwell Life Assurance",),
        "underwriting",
        "required",
        ("history and physical", "lab results"),
        False,
    ),
    Requester(
        "law enforcement (court order)",
        ("Anytown Police Department",),
        "court-ordered disclosure",
        "not_required",
        ("emergency department record",),
        True,
    ),
    Requester(
        "public health authority",
        ("Sample County Health Department",),
        "reportable condition",
        "not_required",
        ("lab results",),
        True,
    ),
)

RULES = {
    "no-authorization": (
        "45 CFR 164.508(a)(1)",
        "Released to a third party that needs a valid authorization, with none (or an expired one) on file.",
    ),
    "late-response": (
        "45 CFR 164.524(b)(2)",
        "The patient's request was answered after 30 days with no written extension notice.",
    ),
    "psychotherapy-notes": (
        "45 CFR 164.508(a)(2)",
        "Psychotherapy notes were released without an authorization specific to them.",
    ),
    "minimum-necessary": (
        "45 CFR 164.502(b)",
        "A payment request was filled with the complete record instead of what the claim review needs.",
    ),
    "accounting-missing": (
        "45 CFR 164.528(a)",
        "A disclosure that must appear in the accounting of disclosures was not logged there.",
    ),
}


# the requesters each planted issue can happen with
ISSUE_REQUESTERS = {
    "no-authorization": ("attorney", "life insurer"),
    "psychotherapy-notes": ("attorney", "life insurer"),
    "late-response": ("patient",),
    "minimum-necessary": ("health plan (payment)",),
    "accounting-missing": ("law enforcement (court order)", "public health authority"),
}
BY_KIND = {r.kind: r for r in REQUESTERS}


def _request(rng: random.Random, number: int, patient: dict, who: Requester) -> dict:
    """A request handled by the rules."""
    received = random_day(rng, FIRST_SERVICE_DAY, AS_OF - timedelta(days=45))
    days = rng.randint(2, 25)
    authorization, disposition = "not required", "released"
    if who.authorization == "required":  # some arrive without one and are rightly turned down
        authorization, disposition = (
            ("valid", "released") if rng.random() < 0.85 else ("none on file", "denied")
        )
    return {
        "request_id": f"ROI{number:06d}",
        "received_date": received.isoformat(),
        "patient_id": patient["patient_id"],
        "mrn": patient["mrn"],
        "requester_type": who.kind,
        "requester": rng.choice(who.names),
        "purpose": who.purpose,
        "authorization": authorization,
        "records_requested": rng.choice(who.records),
        "disposition": disposition,
        "response_date": (received + timedelta(days=days)).isoformat(),
        "days_to_respond": days,
        "extension_notice": "N",
        "accounting_required": "Y" if who.accountable else "N",
        "logged_in_accounting": "Y" if who.accountable else "N",
    }


def _break(rng: random.Random, row: dict, issue: str) -> None:
    """Make a released request break the rule ``issue`` names."""
    row["disposition"] = "released"
    if issue == "no-authorization":
        row["authorization"] = rng.choice(("none on file", "expired"))
    elif issue == "psychotherapy-notes":
        row["authorization"] = "valid"
        row["records_requested"] = "psychotherapy notes"
    elif issue == "late-response":
        days = rng.randint(38, 45)
        row["days_to_respond"] = days
        row["response_date"] = (date.fromisoformat(row["received_date"]) + timedelta(days=days)).isoformat()
    elif issue == "minimum-necessary":
        row["records_requested"] = "complete medical record"
    else:
        row["logged_in_accounting"] = "N"


def roi_log(rng: random.Random, patients: list[dict]) -> tuple[list[dict], list[dict]]:
    """About one request per four patients (at least ten); every fifth request breaks a rule, the
    issues taken in turn so that each appears."""
    count = max(10, len(patients) // 4)
    issue_names = list(RULES)
    rows, issues = [], []
    for number in range(1, count + 1):
        patient = rng.choice(patients)
        if number % ISSUE_EVERY:
            rows.append(_request(rng, number, patient, rng.choice(REQUESTERS)))
            continue
        issue = issue_names[(number // ISSUE_EVERY - 1) % len(issue_names)]
        row = _request(rng, number, patient, BY_KIND[rng.choice(ISSUE_REQUESTERS[issue])])
        _break(rng, row, issue)
        rule, why = RULES[issue]
        issues.append({"request_id": row["request_id"], "issue": issue, "rule": rule, "explanation": why})
        rows.append(row)
    return rows, issues
