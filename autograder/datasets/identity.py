"""Invented identities that cannot be mistaken for real ones: names built from record-keeping words,
addresses on Example, Sample and Test streets, telephone numbers in the 555-0100 to 555-0199 range
set aside for fiction, member IDs that start with ``SYN``, and NPIs that pass the CMS check digit.

NPI check digit: the Luhn formula over the prefix 80840 followed by the NPI's first nine digits
(CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator Check Digit").
"""

from __future__ import annotations

import random

FEMALE_FIRST = (
    "Testa",
    "Sampla",
    "Synthia",
    "Placida",
    "Examina",
    "Mocka",
    "Fictia",
    "Simula",
    "Protia",
    "Demia",
    "Recorda",
    "Charta",
    "Datia",
    "Noma",
    "Exempla",
    "Modela",
)
MALE_FIRST = (
    "Testo",
    "Samplo",
    "Synthio",
    "Placido",
    "Examino",
    "Mocko",
    "Fictus",
    "Simulo",
    "Proto",
    "Demo",
    "Recordo",
    "Charto",
    "Datus",
    "Nomo",
    "Exemplo",
    "Modelo",
)
LAST = (
    "Patientson",
    "Chartwell",
    "Recordsley",
    "Codewright",
    "Claimsby",
    "Sampleton",
    "Testerman",
    "Mockford",
    "Dataway",
    "Fileman",
    "Ledgerton",
    "Formsworth",
    "Billingham",
    "Indexley",
    "Registon",
    "Templeton",
    "Exampleby",
    "Dummerton",
    "Placeford",
    "Fictley",
)
STREETS = ("Example St", "Sample Ave", "Test Rd", "Demo Ln", "Placeholder Way", "Mock Ct")
TOWNS = (
    ("Anytown", "IL", "627"),
    ("Sampleville", "IL", "626"),
    ("Testburg", "IN", "462"),
    ("Demoville", "MO", "631"),
)
AREA_CODE = "217"


def luhn_npi_check_digit(first_nine: str) -> str:
    """The 10th digit that completes an NPI whose first nine digits are ``first_nine``."""
    digits = [int(c) for c in "80840" + first_nine]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:  # the check digit will sit to the right, so these positions are doubled
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)


def npi(rng: random.Random, individual: bool) -> str:
    """A 10-digit NPI with a valid check digit (1xxxxxxxxx for people, 2xxxxxxxxx for organisations
    is the pattern NPPES issues; the digits here are random)."""
    first_nine = ("1" if individual else "2") + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return first_nine + luhn_npi_check_digit(first_nine)


def ein(rng: random.Random) -> str:
    """A 9-digit employer ID in NN-NNNNNNN form with the prefix 00, which the IRS does not assign."""
    return f"00-{rng.randint(0, 9_999_999):07d}"


def phone(rng: random.Random) -> str:
    """A 10-digit telephone number in the 555-0100..555-0199 range reserved for fictional use."""
    return f"{AREA_CODE}5550{rng.randint(100, 199)}"


def address(rng: random.Random) -> dict:
    town, state, zip3 = rng.choice(TOWNS)
    return {
        "street": f"{rng.randint(10, 9899)} {rng.choice(STREETS)}",
        "city": town,
        "state": state,
        "zip_code": f"{zip3}{rng.randint(1, 99):02d}",
    }


def zip_plus_four(rng: random.Random, zip5: str) -> str:
    return f"{zip5}{rng.randint(1, 9999):04d}"


def first_name(rng: random.Random, sex: str) -> str:
    return rng.choice(FEMALE_FIRST if sex == "F" else MALE_FIRST)


def last_name(rng: random.Random) -> str:
    return rng.choice(LAST)


def initial(rng: random.Random) -> str:
    return rng.choice("ABCDEFGHJKLMNPRSTW")


def member_id(rng: random.Random, tag: str) -> str:
    """A member ID such as ``SYNMC04518273``: the SYN prefix marks it as synthetic, ``tag`` names the
    payer type (MC Medicare, MD Medicaid, CM commercial)."""
    return f"SYN{tag}{rng.randint(0, 99_999_999):08d}"
