"""MS-DRG grouping that explains itself, the Medicare Code Editor, and reimbursement math.

The public face loads its parts on first use (``import autograder.payment`` stays cheap)::

    from autograder.payment import group, what_if, ipps_estimate, physician_fee, case_mix_index

    result = group({"pdx": "J18.9", "sdx": ["J96.01:Y"], "age": 70, "sex": "F"})
    result.drg, result.weight, result.explanation.lines()
"""

from __future__ import annotations

from autograder import lazy

_PUBLIC = {
    "Case": "autograder.payment.case",
    "CaseError": "autograder.payment.case",
    "Diagnosis": "autograder.payment.case",
    "make_case": "autograder.payment.case",
    "GroupingResult": "autograder.payment.grouping",
    "group": "autograder.payment.grouping",
    "group_many": "autograder.payment.grouping",
    "DrgWeight": "autograder.payment.weights",
    "drg_weight": "autograder.payment.weights",
    "Hospital": "autograder.payment.ipps",
    "IppsEstimate": "autograder.payment.ipps",
    "ipps_estimate": "autograder.payment.ipps",
    "FeeEstimate": "autograder.payment.pfs",
    "physician_fee": "autograder.payment.pfs",
    "CaseMix": "autograder.payment.casemix",
    "case_mix_index": "autograder.payment.casemix",
    "WhatIf": "autograder.payment.whatif",
    "what_if": "autograder.payment.whatif",
}

__all__ = list(_PUBLIC)


__getattr__ = lazy.exports(__name__, _PUBLIC)
