"""``generate(out, seed, patients, claims)``: build every dataset file into a folder.

The same seed and sizes give byte-identical files: each concern draws from its own
``random.Random(f"{seed}:{concern}")`` stream, dates are fixed (``calendar``), JSON keys are sorted
and the 837 envelopes carry a fixed creation time. ``claims`` counts the clean claims. A flawed copy
is made of a clean claim when a flaw the library has not planted yet fits it, and of every fourth
clean claim besides, so that the default set covers the whole library.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from autograder.datasets import claims as claim_builder
from autograder.datasets.defaults import DEFAULT_CLAIMS, DEFAULT_PATIENTS, DEFAULT_SEED
from autograder.datasets.ehr_extract import DEFECT_FIELDS, EXTRACT_FIELDS, ExtractBuilder
from autograder.datasets.encounters import (
    CODE_FIELDS,
    NotEnoughPatients,
    Scheduler,
    code_rows,
    make_encounter,
)
from autograder.datasets.flaws import FlawContext, FlawPlanner
from autograder.datasets.organizations import HEALTH_PLANS, build_directory
from autograder.datasets.patients import PATIENT_FIELDS, make_patients
from autograder.datasets.release_of_information import ISSUE_FIELDS, REQUEST_FIELDS, roi_log
from autograder.datasets.remittances import (
    ADJUSTMENT_FIELDS,
    PAYMENT_FIELDS,
    SERVICE_FIELDS,
    PatientShare,
    adjudicate,
    codes_table,
)
from autograder.datasets.writers import CsvWriter, JsonArrayWriter, X12Writer

MAX_FRUITLESS_DRAWS = 5000
FLAW_EVERY = 4  # besides each flaw's first planting, one flawed copy per this many clean claims
LABEL_FIELDS = ("claim_id", "based_on", "encounter_id", "form", "flaw", "rules", "description")
PROVIDER_FIELDS = (
    "npi",
    "entity",
    "name",
    "role",
    "organization",
    "tax_id",
    "street",
    "city",
    "state",
    "zip_code",
)
PAYER_FIELDS = ("payer_id", "name", "payer_type", "insurance_type", "in_network")


def _stream(seed: int, concern: str) -> random.Random:
    return random.Random(f"{seed}:{concern}")


def _write_rows(path: Path, fields, rows) -> Path:
    writer = CsvWriter(path, fields)
    for row in rows:
        writer.write(row)
    writer.close()
    return path


def _check_sizes(patients: int, claims: int) -> None:
    for name, value in (("patients", patients), ("claims", claims)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(
                f"{name} (--{name}): {value!r} is not a positive whole number; give a count such as 100"
            )


class _Outputs:
    """The streaming writers of one generation run."""

    def __init__(self, out: Path):
        self.encounters = JsonArrayWriter(out / "encounters.json")
        self.codes = CsvWriter(out / "encounter_codes.csv", CODE_FIELDS)
        self.clean = {
            "cms1500": JsonArrayWriter(out / "claims" / "cms1500_clean.json"),
            "ub04": JsonArrayWriter(out / "claims" / "ub04_clean.json"),
        }
        self.flawed = {
            "cms1500": JsonArrayWriter(out / "claims" / "cms1500_flawed.json"),
            "ub04": JsonArrayWriter(out / "claims" / "ub04_flawed.json"),
        }
        self.labels = CsvWriter(out / "claims" / "flaw_labels.csv", LABEL_FIELDS)
        self.x12 = {
            "cms1500": X12Writer(out / "claims", "837p_clean", "837P", 1),
            "ub04": X12Writer(out / "claims", "837i_clean", "837I", 5001),
        }
        self.payments = CsvWriter(out / "remittances" / "claim_payments.csv", PAYMENT_FIELDS)
        self.services = CsvWriter(out / "remittances" / "service_payments.csv", SERVICE_FIELDS)
        self.adjustments = CsvWriter(out / "remittances" / "adjustments.csv", ADJUSTMENT_FIELDS)
        self.extract = CsvWriter(out / "ehr" / "extract.csv", EXTRACT_FIELDS)
        self.defects = CsvWriter(out / "ehr" / "planted_defects.csv", DEFECT_FIELDS)

    def streams(self) -> list:
        return [
            self.encounters,
            self.codes,
            *self.clean.values(),
            *self.flawed.values(),
            self.labels,
            self.payments,
            self.services,
            self.adjustments,
            self.extract,
            self.defects,
        ]

    def close(self) -> None:
        for writer in [*self.streams(), *self.x12.values()]:
            writer.close()

    def paths(self) -> list[Path]:
        return [w.path for w in self.streams()] + [p for w in self.x12.values() for p in w.files]


def generate(
    out: str | Path, seed: int = DEFAULT_SEED, patients: int = DEFAULT_PATIENTS, claims: int = DEFAULT_CLAIMS
) -> dict:
    """Write every dataset file under ``out`` and return the manifest (counts and file checksums)."""
    _check_sizes(patients, claims)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    directory = build_directory(_stream(seed, "providers"))
    people = make_patients(_stream(seed, "patients"), patients)
    written = [
        _write_rows(out / "patients.csv", PATIENT_FIELDS, people),
        _write_rows(out / "payers.csv", PAYER_FIELDS, [p.to_row() for p in HEALTH_PLANS]),
        _write_rows(out / "providers.csv", PROVIDER_FIELDS, directory.rows()),
    ]

    scheduler = Scheduler(_stream(seed, "encounters"), people)
    encounter_rng, claim_rng = _stream(seed, "encounter-details"), _stream(seed, "claims")
    flaw_rng, remit_rng = _stream(seed, "flaws"), _stream(seed, "remittances")
    extract = ExtractBuilder(_stream(seed, "ehr"))
    shares = PatientShare(_stream(seed, "patient-share"))
    planner = FlawPlanner()
    outputs = _Outputs(out)
    counts = {"encounters": 0, "clean_claims": 0, "flawed_claims": 0}
    fruitless = 0  # draws in a row that added no claim: patients who cannot fill the set end the run
    try:
        while counts["clean_claims"] < claims:
            scenario, patient, start = scheduler.next()
            billed = 0 if patient["coverage"] == "self_pay" else 1 + scenario.facility_billed
            fruitless = 0 if 0 < billed <= claims - counts["clean_claims"] else fruitless + 1
            if fruitless > MAX_FRUITLESS_DRAWS:
                raise NotEnoughPatients(
                    f"--patients {patients}: too few of these patients are insured to give {claims} claims; "
                    "use more patients"
                )
            if counts["clean_claims"] + billed > claims:
                continue
            counts["encounters"] += 1
            encounter = make_encounter(
                encounter_rng, counts["encounters"], scenario, patient, start, directory
            )

            def next_claim_id() -> str:
                counts["clean_claims"] += 1
                return f"C{counts['clean_claims']:07d}"

            billed_claims = claim_builder.claims_for(claim_rng, encounter, next_claim_id, directory)
            outputs.encounters.write(
                {**encounter.to_record(), "claim_ids": [c["claim_id"] for c in billed_claims]}
            )
            for row in code_rows(encounter):
                outputs.codes.write(row)
            rows, defects = extract.rows(encounter)
            for row in rows:
                outputs.extract.write(row)
            for defect in defects:
                outputs.defects.write(defect)
            for claim in billed_claims:
                _emit_claim(claim, encounter, outputs, planner, flaw_rng, remit_rng, shares, counts)
    finally:
        outputs.close()

    requests, issues = roi_log(_stream(seed, "release-of-information"), people)
    written += outputs.paths() + [
        _write_rows(out / "privacy" / "roi_requests.csv", REQUEST_FIELDS, requests),
        _write_rows(out / "privacy" / "roi_issues.csv", ISSUE_FIELDS, issues),
        _write_rows(out / "remittances" / "codes.csv", ("code_type", "code", "meaning"), codes_table()),
    ]
    counts["837p_files"] = len(outputs.x12["cms1500"].files)
    counts["837i_files"] = len(outputs.x12["ub04"].files)
    return _manifest(out, seed, patients, claims, counts, written)


def _emit_claim(claim, encounter, outputs, planner, flaw_rng, remit_rng, shares, counts) -> None:
    form = claim["form"]
    outputs.clean[form].write(claim)
    outputs.x12[form].write(claim)
    remittance = adjudicate(remit_rng, claim, encounter, shares)
    outputs.payments.write(remittance.payment)
    for row in remittance.services:
        outputs.services.write(row)
    for row in remittance.adjustments:
        outputs.adjustments.write(row)
    context = FlawContext(flaw_rng, encounter)
    planted = planner.plant_unused(claim, context)
    if planted is None and int(claim["claim_id"][1:]) % FLAW_EVERY == 0:
        planted = planner.plant_next(claim, context)
    if planted is None:
        return
    flawed, flaw = planted
    counts["flawed_claims"] += 1
    flawed["claim_id"] = f"F{counts['flawed_claims']:07d}"
    outputs.flawed[form].write(flawed)
    outputs.labels.write(
        {
            "claim_id": flawed["claim_id"],
            "based_on": claim["claim_id"],
            "encounter_id": encounter.encounter_id,
            "form": form,
            "flaw": flaw.id,
            "rules": " ".join(flaw.rules),
            "description": flaw.description,
        }
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _manifest(out: Path, seed: int, patients: int, claims: int, counts: dict, written: list[Path]) -> dict:
    """manifest.json: what was asked for, what was made, and the SHA-256 of every file written."""
    manifest = {
        "generator": "himlab datasets generate",
        "seed": seed,
        "patients": patients,
        "claims": claims,
        "counts": counts,
        "files": {p.relative_to(out).as_posix(): _sha256(p) for p in sorted(written)},
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return manifest
