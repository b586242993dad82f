"""Patient discharge status (UB-04 FL 17) for payment: the codes the grouper takes, and the transfers.

The codes are the ones the Medicare Code Editor accepts on an inpatient claim; the short
descriptions are ours. Transfer kinds follow 42 CFR 412.4: an acute care transfer (b) is paid per
diem whatever the MS-DRG; a post-acute care transfer (c) is paid per diem only for the MS-DRGs
Table 5 flags as post-acute. Codes 81-95 are the same destinations with a planned acute care
readmission.
"""

from __future__ import annotations

import numbers

ACUTE = "acute"
POST_ACUTE = "post-acute"

# code -> (short description, transfer kind or None)
DISCHARGE_STATUS: dict[str, tuple[str, str | None]] = {
    "01": ("home or self care", None),
    "02": ("another short-term acute care hospital", ACUTE),
    "03": ("skilled nursing facility (Medicare certified)", POST_ACUTE),
    "04": ("facility giving custodial or supportive care", None),
    "05": ("designated cancer center or children's hospital", POST_ACUTE),
    "06": ("home with an organized home health service", POST_ACUTE),
    "07": ("left against medical advice", None),
    "20": ("died", None),
    "21": ("court or law enforcement", None),
    "30": ("still a patient", None),
    "43": ("federal health care facility", None),
    "50": ("hospice, at home", POST_ACUTE),
    "51": ("hospice, in a medical facility", POST_ACUTE),
    "61": ("hospital-based Medicare-approved swing bed", None),
    "62": ("inpatient rehabilitation facility or unit", POST_ACUTE),
    "63": ("long-term care hospital", POST_ACUTE),
    "64": ("nursing facility certified by Medicaid only", None),
    "65": ("psychiatric hospital or unit", POST_ACUTE),
    "66": ("critical access hospital", ACUTE),
    "69": ("designated disaster alternative care site", None),
    "70": ("another type of institution not listed", None),
    "81": ("home or self care, planned readmission", None),
    "82": ("short-term acute care hospital, planned readmission", ACUTE),
    "83": ("skilled nursing facility, planned readmission", POST_ACUTE),
    "84": ("custodial or supportive care, planned readmission", None),
    "85": ("cancer center or children's hospital, planned readmission", POST_ACUTE),
    "86": ("home health service, planned readmission", POST_ACUTE),
    "87": ("court or law enforcement, planned readmission", None),
    "88": ("federal health care facility, planned readmission", None),
    "89": ("swing bed, planned readmission", None),
    "90": ("rehabilitation facility or unit, planned readmission", POST_ACUTE),
    "91": ("long-term care hospital, planned readmission", POST_ACUTE),
    "92": ("Medicaid-only nursing facility, planned readmission", None),
    "93": ("psychiatric hospital or unit, planned readmission", POST_ACUTE),
    "94": ("critical access hospital, planned readmission", ACUTE),
    "95": ("another type of institution, planned readmission", None),
}

DIED = "20"


def normalize_status(value: object) -> str | None:
    """``1``, ``"1"`` or ``"01"`` -> ``"01"``; None when the value is not a known discharge status."""
    if type(value) is str:
        text = value.strip()
    elif isinstance(value, numbers.Integral) and not isinstance(value, bool):
        text = str(value)
    else:
        return None
    if text.isdigit() and len(text) <= 2:
        text = text.zfill(2)
        return text if text in DISCHARGE_STATUS else None
    return None


def describe(status: str) -> str:
    return DISCHARGE_STATUS[status][0]


def transfer_kind(status: str) -> str | None:
    """``acute``, ``post-acute`` or None for a discharge that is not a transfer under 42 CFR 412.4."""
    return DISCHARGE_STATUS[status][1]
