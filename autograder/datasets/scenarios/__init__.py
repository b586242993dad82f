"""The library of clinical scenarios every encounter is drawn from, by setting.

``SCENARIOS`` lists them all (office, emergency, outpatient surgery, inpatient) in a fixed order;
``by_id(name)`` finds one.
"""

from __future__ import annotations

from autograder.datasets.scenarios import emergency, inpatient, office, surgery
from autograder.datasets.scenarios.model import Scenario

SCENARIOS: tuple[Scenario, ...] = (
    *office.SCENARIOS,
    *emergency.SCENARIOS,
    *surgery.SCENARIOS,
    *inpatient.SCENARIOS,
)
_BY_ID = {s.id: s for s in SCENARIOS}
if len(_BY_ID) != len(SCENARIOS):
    raise ValueError("scenario ids must be unique")


def by_id(name: str) -> Scenario:
    return _BY_ID[name]
