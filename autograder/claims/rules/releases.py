"""Warnings the code sets give about a claim's codes, such as a date of service outside the release
in use (the code sets decide; this rule only carries their warnings onto the claim, once each)."""

from __future__ import annotations

from autograder.claims.models import ProfessionalClaim, claim_date
from autograder.claims.rules.base import blank, date_of_service, diagnosis_list, hit, line_at, rule
from autograder.claims.rules.codesets import code_findings, procedure_system


def claim_codes(claim, ctx):
    """(system, locator, at, code, date of service) for every diagnosis and procedure code on the claim
    (modifier findings are the modifier rules' own)."""
    on = date_of_service(claim)
    for locator, at, code in diagnosis_list(claim, ctx):
        yield "icd10cm", locator, at or None, code, on
    if isinstance(claim, ProfessionalClaim):
        lines = [(line.procedure_code, line.service_from) for line in claim.service_lines]
        locator = "CMS-1500 24D"
    else:
        lines = [(line.hcpcs, line.service_date) for line in claim.revenue_lines]
        locator = "UB-04 FL 44"
        procs = [claim.principal_procedure] if claim.principal_procedure else []
        for proc in [*procs, *claim.other_procedures]:
            if not blank(proc.code):
                yield "icd10pcs", "UB-04 FL 74", None, proc.code, claim_date(proc.date) or on
    for i, (code, served) in enumerate(lines):
        when = claim_date(served) or on
        if not blank(code) and (system := procedure_system(code)):
            yield system, locator, line_at(i), code, when


@rule("codes.warning", "both", "codes", "warning", "{detail}")
def code_set_warnings(claim, ctx):
    seen = set()
    for system, locator, at, code, on in claim_codes(claim, ctx):
        for f in code_findings(ctx, system, code, on):
            if f.severity != "error" and (f.rule, f.message) not in seen:
                seen.add((f.rule, f.message))
                yield hit(at, f.code or code, locator, detail=f.message)
