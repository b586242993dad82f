"""Physician office visits (place of service 11), billed on the CMS-1500 by the practice.

E/M levels follow the 2021+ office visit rules (medical decision making: problems, data, risk);
the reasoning is in each note's plan. Codes are CPT/HCPCS numbers only.
"""

from __future__ import annotations

from autograder.datasets.scenarios.model import OFFICE, Dx, Scenario, Service

SCENARIOS = (
    Scenario(
        id="office-diabetes-follow-up",
        setting=OFFICE,
        title="Type 2 diabetes with hyperglycemia, medication adjusted",
        ages=(45, 85),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("E11.65"), Dx("Z79.84")),
        services=(Service("99214", 185.00, "AB"), Service("83036", 45.00, "A")),
        note={
            "chief_complaint": "Diabetes follow-up; home sugars running high.",
            "history": (
                "{age}-year-old {sex} with type 2 diabetes on metformin 1000 mg twice daily for six years. "
                "Home fasting readings 180-240 mg/dL over the past month, more thirst, up twice a night to "
                "urinate. No low readings, no vision change, no foot sores. Takes medication as prescribed."
            ),
            "exam": "BP 132/78, BMI 31. Feet: pulses intact, monofilament sensation normal, no ulcers.",
            "results": "Hemoglobin A1c drawn in the office laboratory today: 9.1% (7.4% six months ago).",
            "assessment_and_plan": (
                "1. Type 2 diabetes mellitus with hyperglycemia, not at goal. Continue metformin; start a "
                "second oral agent (prescription sent). Reviewed diet and glucose log. "
                "2. Long-term use of oral hypoglycemic drugs. "
                "Return in 3 months with repeat A1c. MDM moderate: chronic illness with progression, "
                "prescription drug management."
            ),
        },
        weight=1.6,
    ),
    Scenario(
        id="office-hypertension-lipids",
        setting=OFFICE,
        title="Hypertension and hyperlipidemia follow-up with fasting lipid panel",
        ages=(40, 85),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("I10"), Dx("E78.5")),
        services=(
            Service("99214", 185.00, "AB"),
            Service("80061", 62.00, "B"),
            Service("36415", 15.00, "B"),
        ),
        note={
            "chief_complaint": "Blood pressure and cholesterol check.",
            "history": (
                "{age}-year-old {sex} with essential hypertension on lisinopril 20 mg and hyperlipidemia on "
                "atorvastatin 20 mg. Home BP averages 128/80. No chest pain, shortness of breath or muscle "
                "aches. Fasting since last night."
            ),
            "exam": "BP 130/80, pulse 72 and regular. Heart and lungs normal. No edema.",
            "assessment_and_plan": (
                "1. Essential hypertension, controlled: continue lisinopril, refill sent. "
                "2. Hyperlipidemia: fasting lipid panel drawn today by venipuncture in the office; continue "
                "atorvastatin, adjust when results return. "
                "MDM moderate: two stable chronic illnesses, prescription drug management."
            ),
        },
        weight=1.6,
    ),
    Scenario(
        id="office-strep-pharyngitis",
        setting=OFFICE,
        title="Streptococcal pharyngitis confirmed by rapid antigen test",
        ages=(5, 45),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("J02.0"),),
        services=(Service("99213", 125.00, "A"), Service("87880", 28.00, "A", ("QW",))),
        note={
            "chief_complaint": "Sore throat and fever for two days.",
            "history": (
                "{age}-year-old {sex}, established patient, with sore throat, fever to 101.8 F and painful "
                "swallowing. No cough or runny nose. A classmate or coworker had strep last week."
            ),
            "exam": "Temp 101.2 F. Tonsils enlarged with exudate; tender anterior cervical nodes.",
            "results": "Rapid strep antigen test (CLIA-waived kit) in the office: positive.",
            "assessment_and_plan": (
                "Streptococcal pharyngitis. Amoxicillin for 10 days (prescription sent), fluids, "
                "acetaminophen as needed; return if unable to swallow or no better in 48 hours. "
                "MDM low: acute uncomplicated illness, prescription drug management."
            ),
        },
    ),
    Scenario(
        id="office-preventive-adult",
        setting=OFFICE,
        title="Adult preventive visit with lipid screening",
        ages=(40, 64),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("Z00.00"), Dx("Z13.220")),
        services=(
            Service("99396", 210.00, "A"),
            Service("80061", 62.00, "B"),
            Service("36415", 15.00, "B"),
        ),
        note={
            "chief_complaint": "Annual physical.",
            "history": (
                "{age}-year-old {sex}, established patient, here for a routine preventive visit. No current "
                "complaints. Exercises three times a week, never smoked, drinks socially. Immunizations up "
                "to date."
            ),
            "exam": "Complete age-appropriate examination normal. BP 118/76, BMI 24.",
            "assessment_and_plan": (
                "General adult medical examination without abnormal findings. Counseled on diet, exercise "
                "and screening schedule. Screening fasting lipid panel drawn by venipuncture today."
            ),
        },
        payers=("medicaid", "commercial"),
    ),
    Scenario(
        id="office-medicare-wellness",
        setting=OFFICE,
        title="Medicare annual wellness visit, subsequent",
        ages=(66, 92),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("Z00.00"),),
        services=(Service("G0439", 175.00, "A"),),
        note={
            "chief_complaint": "Annual wellness visit.",
            "history": (
                "{age}-year-old {sex} for a subsequent Medicare annual wellness visit. Health risk "
                "assessment "
                "reviewed: lives independently, no falls in the past year, no trouble with daily activities. "
                "Medication list and list of providers updated."
            ),
            "exam": "BP 126/74, weight stable. Cognitive screen normal. Hearing and vision screens normal.",
            "assessment_and_plan": (
                "Annual wellness visit completed without abnormal findings. Written screening schedule for "
                "the next 5-10 years given; personalized prevention plan updated."
            ),
        },
        payers=("medicare",),
    ),
    Scenario(
        id="office-knee-injection",
        setting=OFFICE,
        title="Right knee osteoarthritis injection with a separate hypertension visit",
        ages=(50, 85),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("M17.11"), Dx("I10")),
        services=(
            Service("99213", 125.00, "B", ("25",)),
            Service("20610", 140.00, "A", ("RT",)),
            Service("J3301", 6.00, "A", units=4),
        ),
        note={
            "chief_complaint": "Right knee pain; also due for blood pressure follow-up.",
            "history": (
                "{age}-year-old {sex} with primary osteoarthritis of the right knee, worse on stairs despite "
                "acetaminophen and home exercises; asks for the injection discussed last visit. Separately, "
                "hypertension on amlodipine with home readings in the 140s."
            ),
            "exam": "BP 146/84. Right knee: crepitus, small effusion, medial joint line tenderness.",
            "procedure_note": (
                "Consent obtained. Right knee prepped with chlorhexidine; lateral approach. Injected "
                "triamcinolone acetonide 40 mg with 4 mL 1% lidocaine into the joint. No complications."
            ),
            "assessment_and_plan": (
                "1. Unilateral primary osteoarthritis, right knee: injection as above. "
                "2. Essential hypertension, above goal: increase amlodipine to 10 mg, recheck in 4 weeks. "
                "The hypertension management is significant and separate from the injection decision."
            ),
        },
    ),
    Scenario(
        id="office-laceration-repair",
        setting=OFFICE,
        title="Simple repair of a 4.0 cm laceration of the right hand from a kitchen knife",
        ages=(18, 70),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("S61.411A"), Dx("W26.0XXA"), Dx("Y92.010"), Dx("Y93.G1"), Dx("Y99.8")),
        services=(Service("12002", 210.00, "A"),),
        note={
            "chief_complaint": "Cut on the right hand.",
            "history": (
                "{age}-year-old {sex} cut the palm of {his} right hand with a kitchen knife an hour ago "
                "while "
                "slicing vegetables at home. Bleeding stopped with pressure. Tetanus booster 3 years ago."
            ),
            "exam": (
                "4.0 cm linear laceration of the right palm, subcutaneous depth, no foreign body. Tendon "
                "function and sensation intact."
            ),
            "procedure_note": (
                "Irrigated with saline, local anesthesia with 1% lidocaine. Simple single-layer closure with "
                "seven 4-0 nylon interrupted sutures. Dressing applied; suture removal in 10 days."
            ),
            "assessment_and_plan": "Laceration of the right hand without foreign body, initial encounter; "
            "repaired.",
        },
    ),
    Scenario(
        id="office-uti-follow-up",
        setting=OFFICE,
        title="Urinary tract infection due to E. coli, antibiotic changed after culture",
        ages=(18, 80),
        sexes="F",
        role="primary_care",
        diagnoses=(Dx("N39.0"), Dx("B96.20")),
        services=(Service("99213", 125.00, "AB"), Service("81002", 12.00, "A")),
        note={
            "chief_complaint": "Still burning with urination.",
            "history": (
                "{age}-year-old woman seen 3 days ago for dysuria and frequency and started on "
                "nitrofurantoin. Urine culture has since grown E. coli resistant to nitrofurantoin. No "
                "fever, "
                "flank pain or vomiting."
            ),
            "results": "Dipstick urinalysis (non-automated, without microscopy) today: leukocytes and "
            "nitrite positive.",
            "assessment_and_plan": (
                "Urinary tract infection, site not specified, due to Escherichia coli. Stop nitrofurantoin; "
                "start an antibiotic the isolate is sensitive to. Fluids; return if fever or flank pain. "
                "MDM low."
            ),
        },
    ),
    Scenario(
        id="office-b12-injection",
        setting=OFFICE,
        title="Nurse visit for a vitamin B12 injection (pernicious anemia)",
        ages=(40, 90),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("D51.0"),),
        services=(Service("96372", 35.00, "A"), Service("J3420", 8.00, "A")),
        note={
            "chief_complaint": "Monthly B12 shot.",
            "history": (
                "{age}-year-old {sex} with vitamin B12 deficiency anemia due to intrinsic factor deficiency "
                "(pernicious anemia), on monthly injections. No new symptoms."
            ),
            "procedure_note": (
                "Cyanocobalamin 1000 mcg given intramuscularly in the left deltoid by the nurse under the "
                "physician's supervision. Tolerated well."
            ),
            "assessment_and_plan": "Pernicious anemia: maintenance injection given; next dose in 4 weeks.",
        },
    ),
    Scenario(
        id="office-depression-follow-up",
        setting=OFFICE,
        title="Recurrent major depression, moderate, with a standardized screening instrument",
        ages=(18, 75),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("F33.1"),),
        services=(Service("99214", 185.00, "A"), Service("96127", 12.00, "A")),
        note={
            "chief_complaint": "Follow-up of depression.",
            "history": (
                "{age}-year-old {sex} with recurrent major depressive disorder, second episode this year, on "
                "sertraline 50 mg for 6 weeks. Sleep and energy somewhat better, still low mood most days. "
                "No thoughts of self-harm."
            ),
            "results": "PHQ-9 completed and scored in the office today: 14 (moderate); was 19.",
            "assessment_and_plan": (
                "Major depressive disorder, recurrent, moderate, improving but not at goal. Increase "
                "sertraline to 100 mg; continue therapy referral. Safety plan reviewed. Return in 4 weeks. "
                "MDM moderate: chronic illness not at goal, prescription drug management."
            ),
        },
    ),
    Scenario(
        id="office-smoking-cessation",
        setting=OFFICE,
        title="Hypertension follow-up with separate tobacco cessation counseling",
        ages=(25, 75),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("I10"), Dx("F17.210")),
        services=(Service("99213", 125.00, "AB", ("25",)), Service("99406", 30.00, "B")),
        note={
            "chief_complaint": "Blood pressure check; wants to quit smoking.",
            "history": (
                "{age}-year-old {sex} with essential hypertension on losartan, home readings at goal. Smokes "
                "a pack of cigarettes a day for 20 years and is ready to quit."
            ),
            "exam": "BP 128/80. Lungs clear.",
            "assessment_and_plan": (
                "1. Essential hypertension, controlled: continue losartan. "
                "2. Nicotine dependence, cigarettes, uncomplicated: 8 minutes of face-to-face cessation "
                "counseling (quit date set, triggers, nicotine replacement options); patch prescribed."
            ),
        },
    ),
    Scenario(
        id="office-lesion-excision",
        setting=OFFICE,
        title="Excision of a 1.5 cm benign skin lesion of the back",
        ages=(25, 80),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("D23.5"),),
        services=(Service("11402", 260.00, "A"),),
        note={
            "chief_complaint": "Firm spot on the back that keeps catching on clothing.",
            "history": "{age}-year-old {sex} with a firm, slowly enlarging brown nodule on the upper back.",
            "procedure_note": (
                "Elliptical excision under local anesthesia; lesion 1.1 cm with margins giving an excised "
                "diameter of 1.5 cm. Simple closure. Specimen to pathology."
            ),
            "results": "Pathology: dermatofibroma, margins clear.",
            "assessment_and_plan": "Other benign neoplasm of skin of the trunk (dermatofibroma), excised.",
        },
    ),
    Scenario(
        id="office-asthma-exacerbation",
        setting=OFFICE,
        title="Moderate persistent asthma exacerbation treated with an in-office nebulizer",
        ages=(8, 60),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("J45.41"),),
        services=(Service("99214", 185.00, "A", ("25",)), Service("94640", 40.00, "A")),
        note={
            "chief_complaint": "Wheezing and short of breath since yesterday.",
            "history": (
                "{age}-year-old {sex} with moderate persistent asthma on a daily inhaled steroid. Two days "
                "of "
                "a cold, now wheezing and using the rescue inhaler every 3 hours."
            ),
            "exam": "Respiratory rate 24, oxygen saturation 94%, diffuse expiratory wheezes.",
            "procedure_note": (
                "Albuterol nebulizer treatment given in the office; after treatment saturation 97% and "
                "wheezes improved."
            ),
            "assessment_and_plan": (
                "Moderate persistent asthma with acute exacerbation. Oral steroid burst prescribed, rescue "
                "inhaler technique reviewed, recheck in 2 days. MDM moderate: chronic illness with "
                "exacerbation, prescription drug management."
            ),
        },
    ),
    Scenario(
        id="office-low-back-pain-new",
        setting=OFFICE,
        title="New patient with acute low back pain",
        ages=(25, 70),
        sexes="FM",
        role="primary_care",
        diagnoses=(Dx("M54.50"),),
        services=(Service("99203", 160.00, "A"),),
        note={
            "chief_complaint": "Low back pain for one week.",
            "history": (
                "{age}-year-old {sex}, new to the practice, with low back pain after moving furniture a week "
                "ago. No leg weakness, numbness, bladder or bowel change, fever or weight loss."
            ),
            "exam": "Paraspinal tenderness, straight-leg raise negative, strength and reflexes normal.",
            "assessment_and_plan": (
                "Low back pain without red flags; no imaging needed. Prescription anti-inflammatory for 10 "
                "days, heat, stay active; physical therapy if not better in 4 weeks. MDM low."
            ),
        },
    ),
)
