"""Which form item travels in which 837 loop and segment, as a table a learner can read.

Each row: the 837 (``837P`` or ``837I``), the form item or locator, the claim model field
(``service_lines[].charges`` means that field on every line) and where the writer puts it. The
writer and reader follow these rows, and the round-trip tests check exactly these fields, so the
table is also the list of what survives form -> 837 -> form.

Written from the public structure of the 837 (the NUCC 1500 Reference Instruction Manual and the
NUBC UB-04 manual give each item's 837 place). Form items the 837 does not carry are listed in
:data:`NOT_CARRIED` with the reason.
"""

from __future__ import annotations

ADDRESS = ("street", "street2", "city", "state", "zip_code")

PROFESSIONAL = [
    ("carrier block", "payer.name", "2010BB NM103"),
    ("carrier block", "payer.payer_id", "2010BB NM109"),
    *[("carrier block", f"payer.address.{f}", "2010BB N3/N4") for f in ADDRESS],
    ("1", "insurance_type", "2000B SBR09 (claim filing indicator)"),
    ("1a", "insured.insured_id", "2010BA NM109"),
    ("2", "patient.last_name", "2010CA NM103 (2010BA when Self)"),
    ("2", "patient.first_name", "2010CA NM104 (2010BA when Self)"),
    ("2", "patient.middle_initial", "2010CA NM105 (2010BA when Self)"),
    ("3", "patient.birth_date", "2010CA DMG02 (2010BA when Self)"),
    ("3", "patient.sex", "2010CA DMG03 (2010BA when Self)"),
    ("4", "insured.last_name", "2010BA NM103"),
    ("4", "insured.first_name", "2010BA NM104"),
    ("4", "insured.middle_initial", "2010BA NM105"),
    *[("5", f"patient.address.{f}", "2010CA N3/N4 (2010BA when Self)") for f in ADDRESS],
    ("6", "patient_relationship_to_insured", "2000B SBR02 18 (Self) / 2000C PAT01"),
    *[("7", f"insured.address.{f}", "2010BA N3/N4") for f in ADDRESS],
    ("10a", "employment_related", "2300 CLM11-1/2 EM"),
    ("10b", "auto_accident", "2300 CLM11-1/2 AA"),
    ("10b", "auto_accident_state", "2300 CLM11-4"),
    ("10c", "other_accident", "2300 CLM11-1/2 OA"),
    ("11", "insured.policy_group", "2000B SBR03"),
    ("11a", "insured.birth_date", "2010BA DMG02"),
    ("11a", "insured.sex", "2010BA DMG03"),
    ("11b", "insured.other_claim_id", "2010BA REF*Y4"),
    ("11c", "insured.plan_name", "2000B SBR04"),
    ("12", "patient_signature_on_file", "2300 CLM09 (Y, else I)"),
    ("13", "insured_signature_on_file", "2300 CLM08 (Y, else N)"),
    ("14", "current_illness_date", "2300 DTP03 (DTP01 431 or 484)"),
    ("14", "current_illness_qualifier", "2300 DTP01"),
    ("15", "other_date", "2300 DTP03 (DTP01 = the qualifier)"),
    ("15", "other_date_qualifier", "2300 DTP01"),
    ("16", "unable_to_work_from", "2300 DTP*314 RD8 (or DTP*360)"),
    ("16", "unable_to_work_to", "2300 DTP*314 RD8 (or DTP*361)"),
    ("17", "referring_provider.qualifier", "2310A (DN), 2310D (DQ), 2420E (DK)"),
    ("17", "referring_provider.name", "2310A/2310D/2420E NM103"),
    ("17", "referring_provider.last_name", "2310A/2310D/2420E NM103"),
    ("17", "referring_provider.first_name", "2310A/2310D/2420E NM104"),
    ("17a", "referring_provider.other_id_qualifier", "2310A/2310D/2420E REF01"),
    ("17a", "referring_provider.other_id", "2310A/2310D/2420E REF02"),
    ("17b", "referring_provider.npi", "2310A/2310D/2420E NM109"),
    ("18", "hospitalization_from", "2300 DTP*435"),
    ("18", "hospitalization_to", "2300 DTP*096"),
    ("19", "additional_claim_information", "2300 NTE*ADD"),
    ("21", "diagnosis_code_indicator", "2300 HI01-1 (ABK for ICD-10-CM)"),
    ("21", "diagnoses", "2300 HI ABK (A) and ABF (B-L)"),
    ("22", "resubmission_code", "2300 CLM05-3 (claim frequency)"),
    ("22", "original_reference_number", "2300 REF*F8"),
    ("23", "prior_authorization_number", "2300 REF*G1"),
    ("24A", "service_lines[].service_from", "2400 DTP*472"),
    ("24A", "service_lines[].service_to", "2400 DTP*472 (RD8 for a span)"),
    ("24B", "service_lines[].place_of_service", "2300 CLM05-1 (first line), 2400 SV105 when it differs"),
    ("24C", "service_lines[].emg", "2400 SV109"),
    ("24D", "service_lines[].procedure_code", "2400 SV101-2"),
    ("24D", "service_lines[].modifiers", "2400 SV101-3..6"),
    ("24E", "service_lines[].diagnosis_pointers", "2400 SV107-1..4 (A-L as 1-12)"),
    ("24F", "service_lines[].charges", "2400 SV102"),
    ("24G", "service_lines[].units", "2400 SV104 (SV103 UN)"),
    ("24H", "service_lines[].epsdt", "2400 SV111 (Y)"),
    ("24 shaded", "service_lines[].ndc", "2410 LIN03 (LIN02 N4)"),
    ("24I", "service_lines[].rendering_id_qualifier", "2420A REF01 (2310B when every line shares it)"),
    ("24J shaded", "service_lines[].rendering_other_id", "2420A REF02 (2310B when every line shares it)"),
    ("24J", "service_lines[].rendering_npi", "2420A NM109 (2310B when every line shares it)"),
    ("25", "federal_tax_id", "2010AA REF02"),
    ("25", "federal_tax_id_type", "2010AA REF01 (EI for EIN, SY for SSN)"),
    ("26", "patient_account_number", "2300 CLM01"),
    ("27", "accept_assignment", "2300 CLM07 (A, else C)"),
    ("28", "total_charge", "2300 CLM02"),
    ("29", "amount_paid", "2300 AMT*F5"),
    ("32", "service_facility.name", "2310C NM103"),
    ("32", "service_facility.npi", "2310C NM109"),
    *[("32", f"service_facility.address.{f}", "2310C N3/N4") for f in ADDRESS],
    ("32b", "service_facility.other_id_qualifier", "2310C REF01"),
    ("32b", "service_facility.other_id", "2310C REF02"),
    ("33", "billing_provider.name", "2010AA NM103 (organisation)"),
    ("33", "billing_provider.last_name", "2010AA NM103 (person)"),
    ("33", "billing_provider.first_name", "2010AA NM104 (person)"),
    *[("33", f"billing_provider.address.{f}", "2010AA N3/N4") for f in ADDRESS],
    ("33", "billing_provider.phone", "2010AA PER04"),
    ("33a", "billing_provider.npi", "2010AA NM109"),
    ("33b", "billing_provider.other_id_qualifier", "2010AA REF01 (0B, 1G) / 2010BB REF01 (G2, LU)"),
    ("33b", "billing_provider.other_id", "2010AA REF02 / 2010BB REF02"),
]

INSTITUTIONAL = [
    ("1", "billing_provider.name", "2010AA NM103"),
    *[("1", f"billing_provider.address.{f}", "2010AA N3/N4") for f in ADDRESS],
    ("1", "billing_provider.phone", "2010AA PER04"),
    *[("2", f"pay_to_provider.address.{f}", "2010AB N3/N4") for f in ADDRESS],
    ("3a", "patient_control_number", "2300 CLM01"),
    ("3b", "medical_record_number", "2300 REF*EA"),
    ("4", "type_of_bill", "2300 CLM05-1 (digits 2-3) and CLM05-3 (digit 4)"),
    ("5", "federal_tax_id", "2010AA REF*EI"),
    ("6", "statement_from", "2300 DTP*434 RD8"),
    ("6", "statement_through", "2300 DTP*434 RD8"),
    ("8b", "patient.last_name", "2010CA NM103 (2010BA when self)"),
    ("8b", "patient.first_name", "2010CA NM104 (2010BA when self)"),
    ("8b", "patient.middle_initial", "2010CA NM105 (2010BA when self)"),
    *[("9", f"patient.address.{f}", "2010CA N3/N4 (2010BA when self)") for f in ADDRESS],
    ("10", "patient.birth_date", "2010CA DMG02 (2010BA when self)"),
    ("11", "patient.sex", "2010CA DMG03 (2010BA when self)"),
    ("12", "admission_date", "2300 DTP*435"),
    ("13", "admission_hour", "2300 DTP*435 DT (hour)"),
    ("14", "admission_type", "2300 CL101"),
    ("15", "point_of_origin", "2300 CL102"),
    ("16", "discharge_hour", "2300 DTP*096 TM"),
    ("17", "patient_discharge_status", "2300 CL103"),
    ("18-28", "condition_codes", "2300 HI BG"),
    ("29", "accident_state", "2300 REF*LU"),
    ("31-34", "occurrence_codes[].code", "2300 HI BH"),
    ("31-34", "occurrence_codes[].date", "2300 HI BH (D8)"),
    ("35-36", "occurrence_spans[].code", "2300 HI BI"),
    ("35-36", "occurrence_spans[].from_date", "2300 HI BI (RD8)"),
    ("35-36", "occurrence_spans[].through_date", "2300 HI BI (RD8)"),
    ("39-41", "value_codes[].code", "2300 HI BE"),
    ("39-41", "value_codes[].amount", "2300 HI BE (amount)"),
    ("42", "revenue_lines[].revenue_code", "2400 SV201"),
    ("44", "revenue_lines[].hcpcs", "2400 SV202-2"),
    ("44", "revenue_lines[].modifiers", "2400 SV202-3..6"),
    ("45", "revenue_lines[].service_date", "2400 DTP*472"),
    ("46", "revenue_lines[].units", "2400 SV205 (SV204 UN)"),
    ("47", "revenue_lines[].total_charges", "2400 SV203"),
    ("48", "revenue_lines[].non_covered_charges", "2400 SV207"),
    ("47 line 23", "total_charges", "2300 CLM02"),
    ("50", "payer.name", "2010BB NM103"),
    ("51", "payer.payer_id", "2010BB NM109"),
    ("52", "release_of_information", "2300 CLM09"),
    ("53", "assignment_of_benefits", "2300 CLM08"),
    ("55", "estimated_amount_due", "2300 AMT*F3"),
    ("56", "billing_provider.npi", "2010AA NM109"),
    ("57", "other_provider_id", "2010BB REF*G2"),
    ("58", "insured.last_name", "2010BA NM103"),
    ("58", "insured.first_name", "2010BA NM104"),
    ("58", "insured.middle_initial", "2010BA NM105"),
    ("59", "patient_relationship_to_insured", "2000B SBR02 18 (self) / 2000C PAT01"),
    ("60", "insured.insured_id", "2010BA NM109"),
    ("61", "insured.group_name", "2000B SBR04"),
    ("62", "insured.policy_group", "2000B SBR03"),
    ("63", "treatment_authorization", "2300 REF*G1"),
    ("64", "document_control_number", "2300 REF*F8"),
    ("66", "diagnosis_code_indicator", "2300 HI ABK (ICD-10-CM)"),
    ("67", "principal_diagnosis.code", "2300 HI ABK"),
    ("67", "principal_diagnosis.poa", "2300 HI ABK-9"),
    ("67A-Q", "other_diagnoses[].code", "2300 HI ABF (two segments of 12)"),
    ("67A-Q", "other_diagnoses[].poa", "2300 HI ABF-9"),
    ("69", "admitting_diagnosis", "2300 HI ABJ"),
    ("70", "reasons_for_visit", "2300 HI APR"),
    ("71", "pps_code", "2300 HI DR"),
    ("72", "external_cause_diagnoses[].code", "2300 HI ABN"),
    ("72", "external_cause_diagnoses[].poa", "2300 HI ABN-9"),
    ("74", "principal_procedure.code", "2300 HI BBR"),
    ("74", "principal_procedure.date", "2300 HI BBR (D8)"),
    ("74a-e", "other_procedures[].code", "2300 HI BBQ"),
    ("74a-e", "other_procedures[].date", "2300 HI BBQ (D8)"),
    ("76", "attending_provider.npi", "2310A NM109"),
    ("76", "attending_provider.last_name", "2310A NM103"),
    ("76", "attending_provider.first_name", "2310A NM104"),
    ("76", "attending_provider.other_id_qualifier", "2310A REF01"),
    ("76", "attending_provider.other_id", "2310A REF02"),
    ("77", "operating_provider.npi", "2310B NM109"),
    ("77", "operating_provider.last_name", "2310B NM103"),
    ("77", "operating_provider.first_name", "2310B NM104"),
    ("78-79", "other_providers[].qualifier", "2310C (ZZ), 2310D (82), 2310F (DN)"),
    ("78-79", "other_providers[].npi", "2310C/D/F NM109"),
    ("78-79", "other_providers[].last_name", "2310C/D/F NM103"),
    ("78-79", "other_providers[].first_name", "2310C/D/F NM104"),
    ("80", "remarks", "2300 NTE*ADD"),
]

NOT_CARRIED = {
    "837P": [
        ("5", "patient.phone", "the 837P has no patient telephone"),
        ("7", "insured.phone", "the 837P has no insured telephone outside property and casualty claims"),
        (
            "9, 9a, 9d, 11d",
            "other_insured, has_other_health_plan",
            "other coverage is a 2320/2330 loop that needs the other payer's ID, which the form lacks",
        ),
        ("10d", "claim_codes", "not sent as a separate element here"),
        (
            "20",
            "outside_lab, outside_lab_charges",
            "purchased services (2400 PS1) need the lab's identifier, which the form lacks",
        ),
        ("31", "physician_signature, physician_signature_date", "the 837P sends only yes/no (CLM06)"),
        ("24H", "service_lines[].epsdt other than Y", "SV111 says only yes"),
        ("-", "claim_id", "a label for the claim in a batch, not a form item"),
    ],
    "837I": [
        ("2", "pay_to_provider.name", "the 837I pay-to loop (2010AB) carries the address only"),
        ("8a", "patient.patient_id", "not carried in 5010"),
        ("43", "revenue_lines[].description", "the payer reads the revenue code"),
        ("48 line 23", "total_non_covered_charges", "the 837I sends the line amounts (SV207) only"),
        ("54", "prior_payments", "paid amounts go in the other-payer loops (2320), which need that payer"),
        ("65", "employer_name", "not carried in 5010"),
        ("-", "claim_id", "a label for the claim in a batch, not a form locator"),
    ],
}

ROWS = {"837P": PROFESSIONAL, "837I": INSTITUTIONAL}


def fields(kind: str) -> list[str]:
    """The model field paths an 837 of ``kind`` carries."""
    return [path for _, path, _ in ROWS[kind.upper()]]


def crosswalk(kind: str = "837P"):
    """The crosswalk for ``837P`` (CMS-1500) or ``837I`` (UB-04) as a pandas DataFrame: the form's
    ``item`` (``form_locator`` for the UB-04), the model ``field`` and its place in the ``x12``."""
    import pandas as pd

    key = kind.strip().upper()
    if key not in ROWS:
        raise ValueError(f"kind {kind!r}: use 837P or 837I")
    label = "item" if key == "837P" else "form_locator"
    return pd.DataFrame(ROWS[key], columns=[label, "field", "x12"])
