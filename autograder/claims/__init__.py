"""Claims: CMS-1500 / 837P and UB-04 / 837I models, the rule catalogue and the validators.

    from autograder.claims import load_claim, validate, catalogue
    claim = load_claim("claim.json")
    for finding in validate(claim):
        print(finding.locator, finding.message)

Names are loaded on first use, so importing this package stays fast.
"""

from __future__ import annotations

from autograder import lazy

_EXPORTS = {
    "ProfessionalClaim": "autograder.claims.models",
    "InstitutionalClaim": "autograder.claims.models",
    "ServiceLine": "autograder.claims.models",
    "RevenueLine": "autograder.claims.models",
    "DiagnosisEntry": "autograder.claims.models",
    "ProcedureEntry": "autograder.claims.models",
    "Provider": "autograder.claims.models",
    "Patient": "autograder.claims.models",
    "Insured": "autograder.claims.models",
    "Payer": "autograder.claims.models",
    "Address": "autograder.claims.models",
    "claim_date": "autograder.claims.models",
    "load_claim": "autograder.claims.load",
    "load_claims": "autograder.claims.load",
    "ClaimLoadError": "autograder.claims.load",
    "example": "autograder.claims.load",
    "validate": "autograder.claims.validator",
    "validate_many": "autograder.claims.validator",
    "catalogue": "autograder.claims.rules",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy.exports(__name__, _EXPORTS)
