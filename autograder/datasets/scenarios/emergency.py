"""Emergency department visits: the hospital bills the UB-04 (type of bill 0131, revenue code 0450
for the ED visit level) and the emergency physician group bills the CMS-1500 (place of service 23).

The hospital reports its own visit level and the services it furnished (imaging, drug
administration, drugs by HCPCS units); the physician reports the professional visit. Modifier 25
marks a visit level billed with a procedure on the same day.
"""

from __future__ import annotations

from autograder.datasets.scenarios.model import EMERGENCY, Dx, Revenue, Scenario, Service

SCENARIOS = (
    Scenario(
        id="ed-ankle-sprain",
        setting=EMERGENCY,
        title="Right ankle sprain after a fall on the stairs",
        ages=(14, 60),
        sexes="FM",
        role="emergency",
        diagnoses=(Dx("S93.401A"), Dx("W10.9XXA")),
        services=(Service("99283", 240.00, "A"),),
        revenue=(
            Revenue("0450", "Emergency room", 620.00, "99283"),
            Revenue("0320", "Diagnostic radiology", 310.00, "73610"),
        ),
        reasons_for_visit=("M25.571",),
        admission_type="1",
        note={
            "chief_complaint": "Right ankle pain after a fall.",
            "history": (
                "{age}-year-old {sex} missed a step going down the stairs at home this evening and twisted "
                "the right ankle. Able to take a few steps with pain."
            ),
            "exam": "Swelling and tenderness over the lateral ligaments; no bony tenderness at the malleoli.",
            "results": "Right ankle x-ray, three views: no fracture.",
            "assessment_and_plan": (
                "Sprain of the right ankle, ligament not specified, initial encounter. Rest, ice, "
                "compression, elevation; ankle brace; weight-bearing as tolerated; follow up with primary "
                "care in one week. MDM low."
            ),
        },
    ),
    Scenario(
        id="ed-chest-pain",
        setting=EMERGENCY,
        title="Chest pain, cardiac cause ruled out",
        ages=(35, 80),
        sexes="FM",
        role="emergency",
        diagnoses=(Dx("R07.89"), Dx("I10")),
        services=(Service("99284", 390.00, "AB"), Service("93010", 30.00, "A")),
        revenue=(
            Revenue("0450", "Emergency room", 980.00, "99284"),
            Revenue("0730", "EKG/ECG", 180.00, "93005"),
            Revenue("0300", "Laboratory", 95.00, "84484", units=2),
            Revenue("0324", "Radiology - chest x-ray", 280.00, "71046"),
        ),
        reasons_for_visit=("R07.9",),
        admission_type="1",
        note={
            "chief_complaint": "Chest pain.",
            "history": (
                "{age}-year-old {sex} with hypertension has had sharp left-sided chest pain for 6 hours, "
                "worse "
                "with deep breaths and pressing on the chest wall; no exertional pattern, no radiation."
            ),
            "exam": "BP 148/88, pulse 84. Reproducible tenderness over the left costal cartilages.",
            "results": (
                "ECG: sinus rhythm, no ischemic changes (interpreted by the ED physician). Troponin at 0 "
                "and 3 "
                "hours: normal. Chest x-ray, two views: no acute findings."
            ),
            "assessment_and_plan": (
                "Other chest pain (chest wall), acute coronary syndrome ruled out. Essential hypertension. "
                "Anti-inflammatory, follow up with primary care in 2 days. MDM moderate."
            ),
        },
    ),
    Scenario(
        id="ed-wrist-torus-fracture",
        setting=EMERGENCY,
        title="Child with a torus fracture of the distal right radius after a fall from a swing",
        ages=(4, 12),
        sexes="FM",
        role="emergency",
        diagnoses=(Dx("S52.521A"), Dx("W09.1XXA")),
        services=(Service("99283", 240.00, "A", ("25",)), Service("29125", 120.00, "A")),
        revenue=(
            Revenue("0450", "Emergency room", 620.00, "99283", ("25",)),
            Revenue("0320", "Diagnostic radiology", 295.00, "73110"),
            Revenue("0450", "Emergency room - splint", 210.00, "29125"),
        ),
        reasons_for_visit=("M25.531",),
        admission_type="1",
        note={
            "chief_complaint": "Right wrist pain after falling off a swing.",
            "history": "{age}-year-old {sex} fell from a playground swing onto an outstretched right hand.",
            "exam": "Tenderness over the distal radius, no deformity; neurovascularly intact.",
            "results": "Right wrist x-ray, three views: buckle (torus) fracture of the distal radius.",
            "procedure_note": "Short arm static splint applied by the ED physician; fit and circulation "
            "checked.",
            "assessment_and_plan": (
                "Torus fracture of the lower end of the right radius, initial encounter for closed fracture. "
                "Splint, pain control, orthopedic follow-up in one week for definitive care."
            ),
        },
    ),
    Scenario(
        id="ed-ureteral-stone",
        setting=EMERGENCY,
        title="Ureteral stone with IV pain and nausea medication",
        ages=(25, 65),
        sexes="FM",
        role="emergency",
        diagnoses=(Dx("N20.1"),),
        services=(Service("99284", 390.00, "A"),),
        revenue=(
            Revenue("0450", "Emergency room", 980.00, "99284", ("25",)),
            Revenue("0350", "CT scan", 1450.00, "74176"),
            Revenue("0260", "IV therapy - initial push", 210.00, "96374"),
            Revenue("0260", "IV therapy - additional push", 95.00, "96375"),
            Revenue("0636", "Drugs requiring detailed coding", 12.00, "J1885", units=2),
            Revenue("0636", "Drugs requiring detailed coding", 4.00, "J2405", units=4),
        ),
        reasons_for_visit=("R10.9",),
        admission_type="1",
        note={
            "chief_complaint": "Severe right flank pain with vomiting.",
            "history": "{age}-year-old {sex} with sudden colicky right flank pain radiating to the groin "
            "for 4 hours.",
            "exam": "Writhing in pain, right costovertebral angle tenderness, afebrile.",
            "results": "CT abdomen and pelvis without contrast: 4 mm stone in the right distal ureter.",
            "procedure_note": (
                "IV started. Ketorolac 30 mg IV push, then ondansetron 4 mg IV push as a separate drug. Pain "
                "controlled and able to drink."
            ),
            "assessment_and_plan": (
                "Calculus of the ureter. Expected to pass; strainer, oral pain control, tamsulosin, urology "
                "follow-up. MDM moderate."
            ),
        },
    ),
    Scenario(
        id="ed-dog-bite",
        setting=EMERGENCY,
        title="Dog bite of the right forearm with a Tdap booster",
        ages=(10, 70),
        sexes="FM",
        role="emergency",
        diagnoses=(Dx("S51.851A"), Dx("Z23"), Dx("W54.0XXA")),
        professional_dx=(0, 2),
        services=(Service("99283", 240.00, "A"),),
        revenue=(
            Revenue("0450", "Emergency room", 620.00, "99283"),
            Revenue("0636", "Drugs requiring detailed coding - vaccine", 85.00, "90715"),
            Revenue("0771", "Vaccine administration", 40.00, "90471"),
        ),
        reasons_for_visit=("S51.851A",),
        admission_type="1",
        note={
            "chief_complaint": "Dog bite to the right forearm.",
            "history": (
                "{age}-year-old {sex} bitten on the right forearm by a neighbor's vaccinated dog an hour "
                "ago. "
                "Last tetanus booster more than 10 years ago."
            ),
            "exam": "Two puncture wounds on the volar right forearm, no tendon involvement, full function.",
            "procedure_note": "Wounds irrigated and left open. Tdap vaccine given intramuscularly by the "
            "nurse.",
            "assessment_and_plan": (
                "Open bite of the right forearm, initial encounter. Prophylactic antibiotic, wound care, "
                "animal control report filed; Tdap given."
            ),
        },
    ),
)
