"""The invented health plans, practices, hospital and clinicians the datasets bill with.

Every organisation and clinician is synthetic: names say so, NPIs are random with a valid check
digit, tax IDs use the unassigned prefix 00 (see :mod:`autograder.datasets.identity`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from autograder.datasets import identity


@dataclass(frozen=True)
class HealthPlan:
    """A payer: what CMS-1500 item 1 and the carrier block, and UB-04 FL 50-51, carry."""

    key: str
    name: str
    kind: str  # medicare, medicaid, commercial
    payer_id: str
    insurance_type: str  # CMS-1500 item 1
    member_tag: str  # member ID prefix after SYN
    in_network: bool = True  # False: reductions are payer-initiated (group PI), not contractual (CO)

    def address(self) -> dict:
        number = int(self.payer_id[-2:])
        return {
            "street": f"PO Box {1000 + number}",
            "city": "Anytown",
            "state": "IL",
            "zip_code": "627990001",
        }

    def to_row(self) -> dict:
        return {
            "payer_id": self.payer_id,
            "name": self.name,
            "payer_type": self.kind,
            "insurance_type": self.insurance_type,
            "in_network": "Y" if self.in_network else "N",
        }


HEALTH_PLANS = (
    HealthPlan("medicare", "Medicare (synthetic MAC)", "medicare", "SYN00001", "Medicare", "MC"),
    HealthPlan("medicaid", "Sample State Medicaid", "medicaid", "SYN00002", "Medicaid", "MD"),
    HealthPlan("example", "Example Health Plan", "commercial", "SYN00003", "Group Health Plan", "CM"),
    HealthPlan("demo", "Demo Mutual Insurance", "commercial", "SYN00004", "Group Health Plan", "CM"),
    HealthPlan("testwell", "Testwell Benefits", "commercial", "SYN00005", "Group Health Plan", "CM", False),
)
PLANS_BY_KEY = {p.key: p for p in HEALTH_PLANS}
COMMERCIAL = tuple(p for p in HEALTH_PLANS if p.kind == "commercial")

# (role, organisation, clinician specialty words): who bills which services
ROLES = {
    "primary_care": ("Example Family Medicine", "Family medicine"),
    "pediatrics": ("Example Family Medicine", "Pediatrics"),
    "emergency": ("Sample Emergency Physicians", "Emergency medicine"),
    "hospitalist": ("Sample Hospitalist Group", "Internal medicine (hospitalist)"),
    "general_surgery": ("Testa Surgical Associates", "General surgery"),
    "orthopedics": ("Testa Surgical Associates", "Orthopedic surgery"),
    "ophthalmology": ("Demo Eye Surgeons", "Ophthalmology"),
    "gastroenterology": ("Demo Digestive Health", "Gastroenterology"),
    "cardiology": ("Demo Heart Specialists", "Interventional cardiology"),
    "obstetrics": ("Sample Women's Health", "Obstetrics and gynecology"),
}
HOSPITAL_NAME = "Sample Community Hospital"
ADDRESS_FIELDS = ("street", "city", "state", "zip_code")


@dataclass(frozen=True)
class Organization:
    name: str
    npi: str
    tax_id: str
    address: dict  # billing address: a street address with a ZIP+4
    phone: str

    def provider(self) -> dict:
        """The claim ``Provider`` block (CMS-1500 items 32/33, UB-04 FL 1/56)."""
        return {"name": self.name, "npi": self.npi, "address": dict(self.address), "phone": self.phone}


@dataclass(frozen=True)
class Clinician:
    npi: str
    last_name: str
    first_name: str
    credential: str
    role: str
    organization: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name} {self.credential}"

    def provider(self) -> dict:
        return {"npi": self.npi, "last_name": self.last_name, "first_name": self.first_name}


@dataclass(frozen=True)
class Directory:
    hospital: Organization
    organizations: dict[str, Organization]  # by name
    clinicians: dict[str, tuple[Clinician, ...]]  # by role

    def organization_for(self, role: str) -> Organization:
        return self.organizations[ROLES[role][0]]

    def rows(self) -> list[dict]:
        """providers.csv: one row per organisation and clinician, organisations first."""
        out = []
        for org in [self.hospital, *(self.organizations[n] for n in sorted(self.organizations))]:
            role = "facility" if org is self.hospital else "group practice"
            out.append(
                {
                    "npi": org.npi,
                    "entity": "organization",
                    "name": org.name,
                    "role": role,
                    "organization": "",
                    "tax_id": org.tax_id,
                    **{k: org.address[k] for k in ADDRESS_FIELDS},
                }
            )
        for role in sorted(self.clinicians):
            for c in self.clinicians[role]:
                out.append(
                    {
                        "npi": c.npi,
                        "entity": "person",
                        "name": c.full_name,
                        "role": ROLES[role][1],
                        "organization": c.organization,
                        "tax_id": "",
                        **dict.fromkeys(ADDRESS_FIELDS, ""),
                    }
                )
        return out


def _organization(rng: random.Random, name: str) -> Organization:
    place = identity.address(rng)
    place["zip_code"] = identity.zip_plus_four(rng, place["zip_code"])
    return Organization(
        name, identity.npi(rng, individual=False), identity.ein(rng), place, identity.phone(rng)
    )


def build_directory(rng: random.Random, clinicians_per_role: int = 3) -> Directory:
    """The hospital, the group practices and a few clinicians for each role."""
    hospital = _organization(rng, HOSPITAL_NAME)
    names = sorted({org for org, _ in ROLES.values()})
    organizations = {name: _organization(rng, name) for name in names}
    clinicians: dict[str, tuple[Clinician, ...]] = {}
    for role in sorted(ROLES):
        people = []
        for _ in range(clinicians_per_role):
            sex = rng.choice("FM")
            people.append(
                Clinician(
                    npi=identity.npi(rng, individual=True),
                    last_name=identity.last_name(rng),
                    first_name=identity.first_name(rng, sex),
                    credential=rng.choice(("MD", "DO")),
                    role=role,
                    organization=ROLES[role][0],
                )
            )
        clinicians[role] = tuple(people)
    return Directory(hospital, organizations, clinicians)
