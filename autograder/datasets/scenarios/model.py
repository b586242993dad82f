"""The shape of a clinical scenario: the note a clinician wrote and the coding it supports.

A scenario is hand-written data. Its documentation has the parts of a real note (chief complaint,
history, assessment and plan, operative note) with a few blanks ({age}, {sex}, {he}, {his}, {los})
filled for each patient. Its gold coding is what an experienced coder assigns from that note:
ICD-10-CM in reporting order with present-on-admission indicators for inpatients (blank for codes
on CMS's POA-exempt list), ICD-10-PCS for inpatient procedures, and CPT/HCPCS lines with modifiers,
units and diagnosis pointers for the professional and outpatient facility claims.
"""

from __future__ import annotations

from dataclasses import dataclass

OFFICE, EMERGENCY, OUTPATIENT_SURGERY, INPATIENT = (
    "physician_office",
    "emergency",
    "outpatient_hospital",
    "inpatient",
)
SETTINGS = (OFFICE, EMERGENCY, OUTPATIENT_SURGERY, INPATIENT)
DAILY, DISCHARGE = "daily", "discharge"  # professional visit days in an inpatient stay
LOS = "los"  # units: the covered days of the stay


@dataclass(frozen=True)
class Dx:
    """One ICD-10-CM code as reported: ``poa`` is Y/N/U/W, or "" for a POA-exempt code (inpatients)."""

    code: str
    poa: str = "Y"


@dataclass(frozen=True)
class Service:
    """A CPT/HCPCS line on the professional claim (CMS-1500 item 24).

    ``pointers`` are item 21 letters; ``day`` is the offset from the first day of the encounter,
    or ``DAILY`` (each day between the first and the last) or ``DISCHARGE`` (the last day).
    ``medicare_modifiers`` replace ``modifiers`` when Medicare is billed (such as PT for 33).
    """

    code: str
    charge: float
    pointers: str = "A"
    modifiers: tuple[str, ...] = ()
    units: int = 1
    day: int | str = 0
    medicare_modifiers: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Revenue:
    """A UB-04 revenue line (FL 42-47): ``units`` may be ``LOS`` for room and board."""

    revenue_code: str
    description: str
    charge: float  # per unit
    hcpcs: str | None = None
    modifiers: tuple[str, ...] = ()
    units: int | str = 1
    medicare_modifiers: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Procedure:
    """An ICD-10-PCS code (UB-04 FL 74) and the day of the stay it was done."""

    code: str
    day: int = 0


@dataclass(frozen=True)
class Scenario:
    id: str
    setting: str
    title: str
    ages: tuple[int, int]
    sexes: str  # "F", "M" or "FM"
    role: str  # who bills the professional claim (see organizations.ROLES)
    diagnoses: tuple[Dx, ...]
    services: tuple[Service, ...]
    note: dict[str, str]
    revenue: tuple[Revenue, ...] = ()
    procedures: tuple[Procedure, ...] = ()
    reasons_for_visit: tuple[str, ...] = ()  # UB-04 FL 70, unscheduled outpatient visits
    admitting_diagnosis: str | None = None  # UB-04 FL 69, inpatients
    los: tuple[int, int] = (0, 0)  # inpatient covered days (discharge day not counted)
    admission_type: str = "3"  # UB-04 FL 14
    point_of_origin: str = "1"  # UB-04 FL 15
    discharge_status: str = "01"  # UB-04 FL 17
    payers: tuple[str, ...] = ("medicare", "medicaid", "commercial")  # coverage kinds the scenario fits
    professional_dx: tuple[int, ...] | None = None  # indexes into diagnoses for item 21; None: all
    weight: float = 1.0

    @property
    def facility_billed(self) -> bool:
        return self.setting != OFFICE
