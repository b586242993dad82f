"""The claim rule catalogue: every edit as data (id, form, locator, severity, message, check).

Rule modules register their entries on import, grouped by concern: identifiers, parties, dates,
diagnoses, service lines, institutional, conventions, MCE, NCCI, code-set releases, and the
characters and lengths an electronic (837) claim can carry.
"""

from __future__ import annotations

from functools import cache

from autograder.claims.rules import (  # noqa: F401  (importing a module registers its rules)
    conventions,
    dates,
    diagnoses,
    electronic,
    identifiers,
    institutional,
    mce,
    ncci,
    parties,
    releases,
    service_lines,
)
from autograder.claims.rules.base import RULES, Context, Rule

__all__ = ["RULES", "UNREADABLE", "Context", "Rule", "catalogue", "rules_for"]

UNREADABLE = Rule(
    id="claim.unreadable",
    form="both",
    locator="claim",
    severity="error",
    message="{detail}",
    check=None,  # reported by validate_many when the loader cannot read a claim; not a check on a claim
    group="load",
)
RULES.append(UNREADABLE)


@cache
def rules_for(form: str) -> tuple[Rule, ...]:
    """The checks that apply to a ``cms1500`` or ``ub04`` claim, in catalogue order."""
    return tuple(r for r in RULES if r.form in (form, "both") and r.check is not None)


def catalogue():
    """Every rule as a pandas DataFrame: id, form, locator, severity, message, group."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "id": r.id,
                "form": r.form,
                "locator": r.locator,
                "severity": r.severity,
                "message": r.message,
                "group": r.group,
            }
            for r in RULES
        ],
        columns=["id", "form", "locator", "severity", "message", "group"],
    )
