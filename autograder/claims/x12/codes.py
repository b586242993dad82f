"""The small code lists that translate form entries into 837 elements and back.

Relationship (CMS-1500 item 6 / UB-04 FL 59 -> SBR02 ``18`` when the patient is the subscriber,
else PAT01), the claim filing indicator (CMS-1500 item 1 -> SBR09), yes/no boxes, the CMS-1500
date qualifiers items 14-15 take (each is a 2300 DTP01), and the HI qualifiers of the 837I.
"""

from __future__ import annotations

SELF = "18"

# CMS-1500 item 6 -> 837P PAT01 (SBR02 18 for Self)
PROFESSIONAL_RELATIONSHIP = {"SELF": SELF, "SPOUSE": "01", "CHILD": "19", "OTHER": "G8"}
PROFESSIONAL_RELATIONSHIP_NAMES = {"18": "Self", "01": "Spouse", "19": "Child", "G8": "Other"}

# UB-04 FL 59 codes the 837I PAT01 takes (18, self, goes in SBR02)
INSTITUTIONAL_PAT01 = {"01", "19", "20", "21", "39", "40", "53", "G8"}

# CMS-1500 item 1 -> 837P SBR09 claim filing indicator. FECA is federal workers' compensation (WC);
# "Other" is a plan the trading partners name between them (ZZ).
FILING_INDICATOR = {
    "MEDICARE": "MB",
    "MEDICAID": "MC",
    "TRICARE": "CH",
    "CHAMPVA": "VA",
    "GROUP HEALTH PLAN": "CI",
    "FECA": "WC",
    "OTHER": "ZZ",
}
INSURANCE_TYPE = {
    "MB": "Medicare",
    "MA": "Medicare",
    "MC": "Medicaid",
    "CH": "TRICARE",
    "VA": "CHAMPVA",
    "CI": "Group Health Plan",
    "BL": "Group Health Plan",
    "HM": "Group Health Plan",
    "12": "Group Health Plan",
    "13": "Group Health Plan",
    "14": "Group Health Plan",
    "15": "Group Health Plan",
    "16": "Group Health Plan",
    "17": "Group Health Plan",
    "WC": "FECA",
}

# 837P 2300 DTP01 qualifiers in the order the segments follow one another in the loop.
# "disability" stands for item 16 (314 as a range, or 360/361 for one end of it).
PROFESSIONAL_DATE_ORDER = (
    "431",
    "454",
    "304",
    "453",
    "439",
    "484",
    "455",
    "471",
    "disability",
    "435",
    "096",
    "090",
    "091",
    "444",
)
ITEM14 = {"431", "484"}
ITEM15 = {"454", "304", "453", "439", "455", "471", "090", "091", "444"}

# CLM11 related causes: CMS-1500 items 10a-c
EMPLOYMENT, AUTO_ACCIDENT, OTHER_ACCIDENT = "EM", "AA", "OA"

# CMS-1500 17 qualifier -> where the 837P carries that provider
REFERRING, ORDERING, SUPERVISING = "DN", "DK", "DQ"

# UB-04 FL 78-79 qualifier -> 837I 2310 loop entity code (other operating ZZ, rendering 82, referring DN)
INSTITUTIONAL_OTHER_PROVIDERS = ("ZZ", "82", "DN")


def filing_indicator(insurance_type: str | None) -> str:
    return FILING_INDICATOR.get((insurance_type or "").strip().upper(), "")


def yes(value: bool | None, true: str = "Y", false: str = "N") -> str:
    return true if value else false
