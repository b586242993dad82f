"""The people and organisations of an 837: names (NM1), addresses (N3/N4), contacts (PER) and
secondary identifiers (REF), written the same way in every loop that carries them."""

from __future__ import annotations

from autograder.claims.models import Address, Insured, Patient, Provider
from autograder.claims.x12.formats import clean, d8, phone, zip_code
from autograder.claims.x12.segments import SegmentWriter

PERSON = "1"
ORGANIZATION = "2"


class ClaimOut:
    """Where one claim is written, and the data the 837 needs that the claim lacks."""

    def __init__(self, out: SegmentWriter):
        self.out = out
        self.problems: list[str] = []

    def add(self, seg_id: str, *elements) -> None:
        self.out.add(seg_id, *elements)

    def need(self, value: object, field: str, why: str) -> str:
        """``value`` cleaned; records a problem (``field``: ``why``) when it is blank."""
        text = clean(value)
        if not text:
            self.problems.append(f"{field} is blank: {why}")
        return text


def provider_name(provider: Provider) -> tuple[str, str, str]:
    """(NM102 entity type, NM103, NM104): a person when the last name is given, else the full name."""
    if clean(provider.last_name):
        return PERSON, clean(provider.last_name), clean(provider.first_name)
    return ORGANIZATION, clean(provider.name), ""


def write_provider(
    w: ClaimOut, code: str, provider: Provider, field: str, locator: str, person_only: bool = False
) -> None:
    """NM1 for a provider with its NPI (qualifier XX). Loops that name only people (referring,
    attending ...) take NM102 ``1`` whatever the name's shape."""
    kind, last, first = provider_name(provider)
    if person_only:
        kind = PERSON
    if not last:
        w.problems.append(f"{field} has no name: the 837 ({locator} NM103) needs the provider's name")
    npi = clean(provider.npi)
    w.add("NM1", code, kind, last, first, "", "", "", "XX" if npi else "", npi)


def write_person(
    w: ClaimOut, code: str, person: Patient | Insured, id_qualifier: str = "", ident: str = ""
) -> None:
    w.add(
        "NM1",
        code,
        PERSON,
        clean(person.last_name),
        clean(person.first_name),
        clean(person.middle_initial),
        "",
        "",
        id_qualifier if ident else "",
        ident,
    )


def address_complete(address: Address | None) -> bool:
    return bool(address and clean(address.street) and clean(address.city))


def write_address(w: ClaimOut, address: Address | None, field: str = "", locator: str = "") -> None:
    """N3 (street lines) and N4 (city, state, ZIP). With ``field`` given the address is required and a
    missing street or city is recorded as a problem."""
    if not address_complete(address):
        if field:
            w.problems.append(
                f"{field} has no street and city: the 837 ({locator} N3/N4) needs the full address"
            )
        return
    assert address is not None
    w.add("N3", clean(address.street), clean(address.street2))
    w.add("N4", clean(address.city), clean(address.state).upper(), zip_code(address.zip_code))


def write_phone(w: ClaimOut, number: str | None) -> None:
    if phone(number):
        w.add("PER", "IC", "", "TE", phone(number))


def write_other_id(w: ClaimOut, provider: Provider, allowed: set[str]) -> None:
    """REF with the provider's other ID, when its qualifier is one this loop takes."""
    qualifier = clean(provider.other_id_qualifier).upper()
    if qualifier in allowed and clean(provider.other_id):
        w.add("REF", qualifier, clean(provider.other_id))


def write_demographics(w: ClaimOut, person: Patient | Insured) -> None:
    born = d8(person.birth_date)
    if born:
        w.add("DMG", "D8", born, clean(person.sex).upper() or "U")
