"""Scheduled outpatient surgery in the hospital: the UB-04 (type of bill 0131) carries the facility's
CPT/HCPCS lines, the surgeon bills the CMS-1500 with place of service 22.

Laterality modifiers (RT, LT) go on both claims. The facility's operating or procedure room line
carries the CPT code; anesthesia and recovery room charges are rolled into it. A screening
colonoscopy that becomes a polypectomy keeps its screening status: modifier PT for Medicare, 33 for
other payers.
"""

from __future__ import annotations

from autograder.datasets.scenarios.model import OUTPATIENT_SURGERY, Dx, Revenue, Scenario, Service

PREP = "Consent signed after risks, benefits and alternatives were discussed. Time-out performed."

SCENARIOS = (
    Scenario(
        id="op-screening-colonoscopy-polypectomy",
        setting=OUTPATIENT_SURGERY,
        title="Screening colonoscopy with snare removal of a sigmoid adenoma",
        ages=(50, 75),
        sexes="FM",
        role="gastroenterology",
        diagnoses=(Dx("Z12.11"), Dx("D12.5")),
        services=(Service("45385", 980.00, "AB", ("33",), medicare_modifiers=("PT",)),),
        revenue=(
            Revenue(
                "0750", "Gastrointestinal services", 2780.00, "45385", ("33",), medicare_modifiers=("PT",)
            ),
            Revenue("0250", "Pharmacy", 140.00),
        ),
        note={
            "chief_complaint": "Screening colonoscopy; average risk, no symptoms.",
            "history": "{age}-year-old {sex}, no prior colonoscopy, no family history of colon cancer.",
            "operative_note": (
                f"{PREP} Moderate sedation by anesthesia. Colonoscope advanced to the cecum; preparation "
                f"good. "
                "A 9 mm sessile polyp in the sigmoid colon was removed completely with a cold snare and "
                "retrieved. Remainder of the colon normal."
            ),
            "results": "Pathology: tubular adenoma of the sigmoid colon.",
            "assessment_and_plan": (
                "Encounter for screening colonoscopy; benign neoplasm of the sigmoid colon (tubular adenoma) "
                "removed by snare. Repeat colonoscopy in 7 years."
            ),
        },
    ),
    Scenario(
        id="op-laparoscopic-cholecystectomy",
        setting=OUTPATIENT_SURGERY,
        title="Laparoscopic cholecystectomy for chronic calculous cholecystitis",
        ages=(25, 75),
        sexes="FM",
        role="general_surgery",
        diagnoses=(Dx("K80.10"),),
        services=(Service("47562", 1650.00, "A"),),
        revenue=(
            Revenue("0360", "Operating room services", 7920.00, "47562"),
            Revenue("0250", "Pharmacy", 260.00),
            Revenue("0272", "Sterile supplies", 540.00),
        ),
        note={
            "chief_complaint": "Recurrent right upper quadrant pain after fatty meals.",
            "history": (
                "{age}-year-old {sex} with months of postprandial biliary colic; ultrasound shows gallstones "
                "and a thickened gallbladder wall. Scheduled for elective surgery."
            ),
            "operative_note": (
                f"{PREP} General anesthesia. Four-port laparoscopic approach. Critical view of safety "
                "obtained; cystic duct and artery clipped and divided; gallbladder removed from the liver "
                "bed "
                "and extracted in a bag. No cholangiogram. Estimated blood loss 10 mL."
            ),
            "results": "Pathology: chronic cholecystitis with cholelithiasis.",
            "assessment_and_plan": (
                "Calculus of the gallbladder with chronic cholecystitis without obstruction; laparoscopic "
                "cholecystectomy. Discharged home the same day."
            ),
        },
    ),
    Scenario(
        id="op-cataract-extraction",
        setting=OUTPATIENT_SURGERY,
        title="Right eye cataract extraction with intraocular lens",
        ages=(60, 88),
        sexes="FM",
        role="ophthalmology",
        diagnoses=(Dx("H25.11"),),
        services=(Service("66984", 720.00, "A", ("RT",)),),
        revenue=(
            Revenue("0360", "Operating room services", 2900.00, "66984", ("RT",)),
            Revenue("0250", "Pharmacy", 90.00),
            Revenue("0276", "Intraocular lens", 450.00),
        ),
        note={
            "chief_complaint": "Blurred vision and glare in the right eye.",
            "history": "{age}-year-old {sex} with a visually significant nuclear cataract of the right eye.",
            "operative_note": (
                f"{PREP} Topical and intracameral anesthesia. Clear corneal incision, capsulorhexis, "
                "phacoemulsification of the nucleus, irrigation and aspiration of cortex; a foldable "
                "posterior chamber lens placed in the capsular bag. No complications."
            ),
            "assessment_and_plan": "Age-related nuclear cataract, right eye; extraction with lens implant.",
        },
    ),
    Scenario(
        id="op-carpal-tunnel-release",
        setting=OUTPATIENT_SURGERY,
        title="Open carpal tunnel release, right hand",
        ages=(35, 75),
        sexes="FM",
        role="orthopedics",
        diagnoses=(Dx("G56.01"),),
        services=(Service("64721", 690.00, "A", ("RT",)),),
        revenue=(
            Revenue("0360", "Operating room services", 3080.00, "64721", ("RT",)),
            Revenue("0250", "Pharmacy", 60.00),
        ),
        note={
            "chief_complaint": "Numbness and tingling of the right hand at night.",
            "history": (
                "{age}-year-old {sex} with carpal tunnel syndrome of the right hand confirmed by nerve "
                "conduction studies; no relief from splinting and an injection."
            ),
            "operative_note": (
                f"{PREP} Local anesthesia with sedation. Longitudinal palmar incision; transverse carpal "
                "ligament divided under direct vision, median nerve decompressed. Skin closed."
            ),
            "assessment_and_plan": "Carpal tunnel syndrome, right upper limb; open release.",
        },
    ),
    Scenario(
        id="op-knee-arthroscopy-meniscectomy",
        setting=OUTPATIENT_SURGERY,
        title="Right knee arthroscopy with partial medial meniscectomy",
        ages=(25, 65),
        sexes="FM",
        role="orthopedics",
        diagnoses=(Dx("S83.241A"),),
        services=(Service("29881", 1150.00, "A", ("RT",)),),
        revenue=(
            Revenue("0360", "Operating room services", 5650.00, "29881", ("RT",)),
            Revenue("0250", "Pharmacy", 120.00),
        ),
        note={
            "chief_complaint": "Right knee catching and locking since a twisting injury.",
            "history": (
                "{age}-year-old {sex} twisted the right knee 6 weeks ago; MRI shows a tear of the medial "
                "meniscus. Mechanical symptoms persist."
            ),
            "operative_note": (
                f"{PREP} General anesthesia. Standard portals. Complex tear of the posterior horn of the "
                "medial meniscus trimmed to a stable rim (partial medial meniscectomy). Lateral compartment "
                "and cartilage otherwise normal."
            ),
            "assessment_and_plan": (
                "Other tear of the medial meniscus, current injury, right knee, initial encounter; "
                "arthroscopic partial medial meniscectomy."
            ),
        },
    ),
)
