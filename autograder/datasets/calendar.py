"""The fixed dates every dataset is built around, so no file depends on the day it was generated.

Encounters fall in calendar 2026 up to the end of August: inside FY2026 (October 1, 2025 to
September 30, 2026) for ICD-10-CM, ICD-10-PCS and MS-DRG v43/v43.1, and inside CY2026 for the
HCPCS Level II table, so every code is checked against the release in force on its date. The
extract, the remittances and the release-of-information log are "as of" the last day of FY2026.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

FIRST_SERVICE_DAY = date(2026, 1, 5)
LAST_SERVICE_DAY = date(2026, 8, 28)
AS_OF = date(2026, 9, 30)  # the day the extract is pulled and the logs are closed


def random_day(rng: random.Random, first: date = FIRST_SERVICE_DAY, last: date = LAST_SERVICE_DAY) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def age_on(birth: date, on: date) -> int:
    """Whole years of age on a day (the birthday itself counts)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def birth_date_for_age(rng: random.Random, age: int, on: date) -> date:
    """A birth date that makes someone ``age`` years old on ``on``."""
    latest = date(on.year - age, on.month, min(on.day, 28))
    return latest - timedelta(days=rng.randint(0, 364))
