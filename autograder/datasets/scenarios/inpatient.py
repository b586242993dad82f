"""Inpatient stays: the hospital bills the UB-04 (type of bill 0111) with ICD-10-CM in sequence and
POA, ICD-10-PCS procedures and their dates, and is paid by MS-DRG; the attending or the surgeon
bills the CMS-1500 with place of service 21.

Sequencing follows the ICD-10-CM Official Guidelines section II (principal diagnosis) and the
chapter guidelines named in each note. POA is blank for codes on CMS's POA-exempt list (Z79, Z87,
Z3A, Z37 and Z38 categories here). Medical stays carry the hospitalist's daily visits; surgical
stays carry the surgeon's procedure, whose global package includes the routine hospital visits.
"""

from __future__ import annotations

from autograder.datasets.scenarios.model import (
    DAILY,
    DISCHARGE,
    INPATIENT,
    LOS,
    Dx,
    Procedure,
    Revenue,
    Scenario,
    Service,
)

ROOM = Revenue("0120", "Room and board - semi-private", 2650.00, units=LOS)
PHARMACY = Revenue("0250", "Pharmacy", 2400.00)
LAB = Revenue("0300", "Laboratory", 1900.00)
ED = Revenue("0450", "Emergency room", 1850.00)


def hospitalist_visits(pointers: str) -> tuple[Service, ...]:
    """Initial hospital care, a subsequent visit each day in between, and discharge day management."""
    return (
        Service("99223", 320.00, pointers),
        Service("99232", 150.00, pointers, day=DAILY),
        Service("99238", 140.00, pointers, day=DISCHARGE),
    )


SCENARIOS = (
    Scenario(
        id="ip-pneumonia",
        setting=INPATIENT,
        title="Pneumonia in a patient with type 2 diabetes and hypertension",
        ages=(50, 90),
        sexes="FM",
        role="hospitalist",
        diagnoses=(Dx("J18.9"), Dx("E11.9"), Dx("Z79.84", ""), Dx("I10")),
        services=hospitalist_visits("ABD"),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0324", "Radiology - chest x-ray", 280.00),
            Revenue("0410", "Respiratory services", 350.00),
            ED,
        ),
        admitting_diagnosis="R06.02",
        los=(3, 5),
        admission_type="1",
        note={
            "chief_complaint": "Cough, fever and shortness of breath for 3 days.",
            "history": (
                "{age}-year-old {sex} with type 2 diabetes on metformin and essential hypertension, seen in "
                "the ED with productive cough, fever 102 F and oxygen saturation 91% on room air."
            ),
            "results": "Chest x-ray: right lower lobe consolidation. Sputum culture: normal flora.",
            "assessment_and_plan": (
                "Admitted for pneumonia, organism not identified; IV antibiotics, oxygen, then oral therapy. "
                "Type 2 diabetes without complications, on oral agents: sliding scale while inpatient. "
                "Hypertension: home medication continued."
            ),
            "discharge_summary": (
                "Afebrile for 48 hours and on room air; discharged home on day {los} to finish oral "
                "antibiotics. Final diagnosis: pneumonia, unspecified organism."
            ),
        },
        weight=1.4,
    ),
    Scenario(
        id="ip-heart-failure",
        setting=INPATIENT,
        title="Acute on chronic systolic heart failure due to hypertensive heart disease",
        ages=(60, 90),
        sexes="FM",
        role="hospitalist",
        diagnoses=(Dx("I11.0"), Dx("I50.23"), Dx("E78.5")),
        services=hospitalist_visits("AB"),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0324", "Radiology - chest x-ray", 280.00),
            Revenue("0483", "Echocardiology", 1250.00),
            ED,
        ),
        admitting_diagnosis="R06.00",
        los=(3, 6),
        admission_type="1",
        note={
            "chief_complaint": "Worsening shortness of breath and leg swelling.",
            "history": (
                "{age}-year-old {sex} with hypertension and heart failure with reduced ejection fraction "
                "(EF 30%), 8 lb weight gain over a week, orthopnea."
            ),
            "results": "BNP elevated; chest x-ray with pulmonary edema; echo EF 30%.",
            "assessment_and_plan": (
                "Acute on chronic systolic (congestive) heart failure due to hypertensive heart disease: IV "
                "diuresis, guideline therapy adjusted. Hyperlipidemia: statin continued. "
                "(Guideline I.C.9.a.1: heart failure with hypertension is coded as hypertensive heart "
                "disease, I11.0 first, with an I50 code for the type of failure.)"
            ),
            "discharge_summary": "Euvolemic, weight down 9 lb; discharged home on day {los}.",
        },
    ),
    Scenario(
        id="ip-copd-exacerbation",
        setting=INPATIENT,
        title="COPD with acute exacerbation in a former smoker",
        ages=(55, 90),
        sexes="FM",
        role="hospitalist",
        diagnoses=(Dx("J44.1"), Dx("Z87.891", ""), Dx("I10")),
        services=hospitalist_visits("AC"),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0324", "Radiology - chest x-ray", 280.00),
            Revenue("0410", "Respiratory services", 520.00),
            ED,
        ),
        admitting_diagnosis="R06.02",
        los=(2, 4),
        admission_type="1",
        note={
            "chief_complaint": "Increased shortness of breath and sputum.",
            "history": (
                "{age}-year-old {sex} with COPD, quit smoking 8 years ago after 40 pack-years, and "
                "hypertension. Three days of more dyspnea and purulent sputum; no fever."
            ),
            "results": "Chest x-ray: hyperinflation, no infiltrate.",
            "assessment_and_plan": (
                "Chronic obstructive pulmonary disease with acute exacerbation: nebulized bronchodilators, "
                "systemic steroids, antibiotic. History of nicotine dependence. Hypertension, controlled."
            ),
            "discharge_summary": "Back to baseline breathing; discharged home on day {los}.",
        },
    ),
    Scenario(
        id="ip-appendicitis",
        setting=INPATIENT,
        title="Acute appendicitis treated with laparoscopic appendectomy",
        ages=(18, 60),
        sexes="FM",
        role="general_surgery",
        diagnoses=(Dx("K35.80"),),
        services=(Service("44970", 1400.00, "A"),),
        procedures=(Procedure("0DTJ4ZZ", 0),),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0350", "CT scan", 1450.00),
            Revenue("0360", "Operating room services", 5800.00),
            Revenue("0370", "Anesthesia", 1200.00),
            Revenue("0710", "Recovery room", 620.00),
            ED,
        ),
        admitting_diagnosis="R10.31",
        los=(1, 3),
        admission_type="1",
        note={
            "chief_complaint": "Right lower quadrant pain since last night.",
            "history": "{age}-year-old {sex} with periumbilical pain moving to the right lower quadrant, "
            "nausea, low-grade fever.",
            "results": "CT abdomen: inflamed appendix without perforation or abscess.",
            "operative_note": (
                "Laparoscopic appendectomy under general anesthesia: acutely inflamed, non-perforated "
                "appendix; mesoappendix divided, base stapled, appendix removed in a bag."
            ),
            "assessment_and_plan": "Acute appendicitis without perforation, abscess or peritonitis; "
            "appendectomy.",
            "discharge_summary": "Tolerating diet, pain controlled; discharged home on day {los}.",
        },
    ),
    Scenario(
        id="ip-hip-fracture-hemiarthroplasty",
        setting=INPATIENT,
        title="Displaced femoral neck fracture treated with hemiarthroplasty; postoperative anemia",
        ages=(70, 95),
        sexes="FM",
        role="orthopedics",
        diagnoses=(Dx("S72.031A"), Dx("D62", "N"), Dx("I10"), Dx("E78.5")),
        services=(Service("27236", 2100.00, "A", ("RT",), day=1),),
        procedures=(Procedure("0SRR0J9", 1), Procedure("30233N1", 2)),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0320", "Diagnostic radiology", 420.00),
            Revenue("0360", "Operating room services", 7200.00),
            Revenue("0370", "Anesthesia", 1500.00),
            Revenue("0278", "Other implants", 5400.00),
            Revenue("0390", "Blood administration", 850.00),
            Revenue("0420", "Physical therapy", 480.00),
            Revenue("0710", "Recovery room", 620.00),
            ED,
        ),
        admitting_diagnosis="S72.031A",
        los=(3, 5),
        admission_type="1",
        discharge_status="03",
        payers=("medicare", "commercial"),
        note={
            "chief_complaint": "Fell at home, unable to stand, right hip pain.",
            "history": (
                "{age}-year-old {sex} with hypertension and hyperlipidemia tripped at home and fell onto the "
                "right hip. No known osteoporosis. Right leg shortened and externally rotated."
            ),
            "results": "X-ray: displaced midcervical fracture of the right femoral neck.",
            "operative_note": (
                "Day 1: right hip hemiarthroplasty through a posterior approach; femoral head excised, "
                "cemented femoral stem with a unipolar head placed. Estimated blood loss 450 mL."
            ),
            "assessment_and_plan": (
                "Displaced midcervical fracture of the right femur, initial encounter (closed). Day 2: "
                "hemoglobin 7.4 g/dL, acute blood loss anemia after surgery, one unit of packed red cells "
                "transfused through a peripheral vein. Anemia not present on admission (POA N). "
                "Hypertension and hyperlipidemia continued on home medication."
            ),
            "discharge_summary": "Transferred to a skilled nursing facility for rehabilitation on day {los}.",
        },
    ),
    Scenario(
        id="ip-total-knee-replacement",
        setting=INPATIENT,
        title="Elective total knee replacement for primary osteoarthritis",
        ages=(55, 85),
        sexes="FM",
        role="orthopedics",
        diagnoses=(Dx("M17.11"), Dx("I10")),
        services=(Service("27447", 2300.00, "A", ("RT",)),),
        procedures=(Procedure("0SRC0J9", 0),),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0360", "Operating room services", 7800.00),
            Revenue("0370", "Anesthesia", 1500.00),
            Revenue("0278", "Other implants", 6900.00),
            Revenue("0420", "Physical therapy", 520.00),
            Revenue("0710", "Recovery room", 620.00),
        ),
        admitting_diagnosis="M17.11",
        los=(1, 3),
        admission_type="3",
        note={
            "chief_complaint": "Scheduled right total knee replacement.",
            "history": (
                "{age}-year-old {sex} with end-stage primary osteoarthritis of the right knee after failed "
                "injections and therapy; hypertension controlled."
            ),
            "operative_note": (
                "Right total knee arthroplasty under spinal anesthesia: medial parapatellar approach, "
                "cemented femoral, tibial and patellar components."
            ),
            "assessment_and_plan": "Unilateral primary osteoarthritis, right knee; total knee replacement.",
            "discharge_summary": "Walking with a walker, discharged home on day {los} with outpatient "
            "therapy.",
        },
    ),
    Scenario(
        id="ip-vaginal-delivery",
        setting=INPATIENT,
        title="Full-term uncomplicated vaginal delivery",
        ages=(18, 40),
        sexes="F",
        role="obstetrics",
        diagnoses=(Dx("O80"), Dx("Z3A.39", ""), Dx("Z37.0", "")),
        services=(Service("59409", 1800.00, "A"),),
        procedures=(Procedure("10E0XZZ", 0),),
        revenue=(
            Revenue("0122", "Room and board - semi-private, obstetrics", 1350.00, units=LOS),
            Revenue("0720", "Labor room/delivery", 3200.00),
            PHARMACY,
            LAB,
            Revenue("0370", "Anesthesia", 1300.00),
        ),
        admitting_diagnosis="O80",
        los=(1, 2),
        admission_type="2",
        payers=("medicaid", "commercial"),
        note={
            "chief_complaint": "Contractions every 4 minutes at 39 weeks.",
            "history": "{age}-year-old woman, G2P1, at 39 weeks 2 days with an uncomplicated pregnancy, in "
            "active labor.",
            "operative_note": (
                "Spontaneous vaginal delivery of a single live infant over an intact perineum with epidural "
                "anesthesia. Placenta delivered intact. No laceration, no complications."
            ),
            "assessment_and_plan": (
                "Encounter for full-term uncomplicated delivery; 39 weeks gestation; single live birth. "
                "(Guideline I.C.15.b.4: O80 only when no complication of pregnancy, delivery or the "
                "puerperium is present.)"
            ),
            "discharge_summary": "Mother and infant well; discharged on day {los}.",
        },
    ),
    Scenario(
        id="ip-newborn",
        setting=INPATIENT,
        title="Healthy newborn born in the hospital by vaginal delivery",
        ages=(0, 0),
        sexes="FM",
        role="pediatrics",
        diagnoses=(Dx("Z38.00", ""),),
        services=(
            Service("99460", 260.00, "A"),
            Service("99462", 110.00, "A", day=DAILY),
            Service("99238", 140.00, "A", day=DISCHARGE),
        ),
        revenue=(Revenue("0171", "Nursery - newborn level I", 980.00, units=LOS), LAB, PHARMACY),
        admitting_diagnosis="Z38.00",
        los=(1, 2),
        admission_type="4",
        point_of_origin="5",
        payers=("medicaid", "commercial"),
        note={
            "chief_complaint": "Newborn admission.",
            "history": "Term {sex}, born here by spontaneous vaginal delivery; Apgars 8 and 9.",
            "exam": "Normal newborn examination; weight appropriate for gestational age.",
            "assessment_and_plan": (
                "Single liveborn infant, delivered vaginally, healthy. Routine newborn care, feeding, "
                "hearing screen. (Guideline I.C.16.a.2: the Z38 code is principal on the birth record.)"
            ),
            "discharge_summary": "Feeding well, discharged home with the mother on day {los}.",
        },
    ),
    Scenario(
        id="ip-sepsis-uti",
        setting=INPATIENT,
        title="Sepsis from an E. coli urinary tract infection",
        ages=(55, 95),
        sexes="FM",
        role="hospitalist",
        diagnoses=(Dx("A41.9"), Dx("N39.0"), Dx("B96.20"), Dx("I10")),
        services=hospitalist_visits("ABD"),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0258", "Pharmacy - IV solutions", 260.00),
            Revenue("0306", "Laboratory - bacteriology and microbiology", 310.00),
            ED,
        ),
        admitting_diagnosis="R50.9",
        los=(3, 6),
        admission_type="1",
        note={
            "chief_complaint": "Fever, confusion and burning with urination.",
            "history": "{age}-year-old {sex} with hypertension brought in with fever 103 F, heart rate 118 "
            "and confusion.",
            "results": (
                "Lactate 2.6. Urinalysis with pyuria. Urine culture: E. coli. Blood cultures: no growth."
            ),
            "assessment_and_plan": (
                "Sepsis, organism not identified in blood, due to urinary tract infection with E. coli; no "
                "organ dysfunction documented (not severe sepsis). IV fluids and antibiotics. Hypertension: "
                "home medication held, then resumed. (Guideline I.C.1.d.4: sepsis first, then the "
                "localized infection.)"
            ),
            "discharge_summary": "Clinically well on oral antibiotics; discharged home on day {los}.",
        },
    ),
    Scenario(
        id="ip-stroke",
        setting=INPATIENT,
        title="Acute right MCA infarction with left hemiparesis and aphasia",
        ages=(55, 90),
        sexes="FM",
        role="hospitalist",
        diagnoses=(Dx("I63.511"), Dx("G81.94"), Dx("R47.01"), Dx("I10"), Dx("E78.5")),
        services=hospitalist_visits("ABCD"),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0350", "CT scan", 1350.00),
            Revenue("0610", "MRI - brain", 2600.00),
            Revenue("0420", "Physical therapy", 420.00),
            Revenue("0440", "Speech-language pathology", 380.00),
            ED,
        ),
        admitting_diagnosis="R53.1",
        los=(3, 5),
        admission_type="1",
        discharge_status="62",
        note={
            "chief_complaint": "Sudden left-sided weakness and trouble speaking.",
            "history": (
                "{age}-year-old right-handed {sex} with hypertension and hyperlipidemia, last known well 5 "
                "hours before arrival, outside the thrombolysis window."
            ),
            "results": "MRI: acute infarct in the right middle cerebral artery territory; MRA: MCA stenosis.",
            "assessment_and_plan": (
                "Cerebral infarction due to stenosis of the right middle cerebral artery, with left "
                "hemiparesis (non-dominant side) and aphasia. Antiplatelet therapy, statin, swallow "
                "evaluation, therapy consults. Hypertension and hyperlipidemia managed."
            ),
            "discharge_summary": "Discharged to an inpatient rehabilitation facility on day {los}.",
        },
    ),
    Scenario(
        id="ip-gi-bleed",
        setting=INPATIENT,
        title="Bleeding gastric ulcer from NSAID use, endoscopic control and transfusion",
        ages=(45, 90),
        sexes="FM",
        role="gastroenterology",
        diagnoses=(Dx("K25.4"), Dx("T39.395A"), Dx("D62"), Dx("Z79.1", "")),
        services=(Service("43255", 950.00, "A", day=1),),
        procedures=(Procedure("0W3P8ZZ", 1), Procedure("30233N1", 0)),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0390", "Blood administration", 850.00),
            Revenue("0750", "Gastrointestinal services", 2100.00),
            ED,
        ),
        admitting_diagnosis="K92.1",
        los=(2, 4),
        admission_type="1",
        note={
            "chief_complaint": "Black stools and lightheadedness.",
            "history": (
                "{age}-year-old {sex} taking ibuprofen daily for back pain for months, as prescribed, with "
                "two "
                "days of melena. Hemoglobin 7.8 g/dL on arrival; one unit of packed red cells given."
            ),
            "operative_note": (
                "Day 1 upper endoscopy: 1.5 cm gastric antral ulcer with a visible vessel, treated with "
                "epinephrine injection and clips; hemostasis achieved."
            ),
            "assessment_and_plan": (
                "Gastric ulcer with hemorrhage, an adverse effect of the NSAID taken as prescribed; acute "
                "blood loss anemia present on admission. Long-term NSAID use stopped; proton pump inhibitor. "
                "(Guideline I.C.19.e.5.a: the nature of the adverse effect first, then the T code for the "
                "drug.)"
            ),
            "discharge_summary": "Hemoglobin stable; discharged home on day {los}.",
        },
    ),
    Scenario(
        id="ip-diabetic-ketoacidosis",
        setting=INPATIENT,
        title="Type 1 diabetes with ketoacidosis",
        ages=(18, 40),
        sexes="FM",
        role="hospitalist",
        diagnoses=(Dx("E10.10"),),
        services=hospitalist_visits("A"),
        revenue=(ROOM, PHARMACY, LAB, Revenue("0258", "Pharmacy - IV solutions", 340.00), ED),
        admitting_diagnosis="R73.9",
        los=(2, 3),
        admission_type="1",
        note={
            "chief_complaint": "Vomiting, abdominal pain and high sugars.",
            "history": "{age}-year-old {sex} with type 1 diabetes on an insulin pump that failed two days "
            "ago.",
            "results": "Glucose 486 mg/dL, pH 7.18, bicarbonate 10, anion gap 24, ketones positive.",
            "assessment_and_plan": (
                "Type 1 diabetes mellitus with ketoacidosis without coma: insulin infusion, fluids, "
                "electrolyte replacement, then subcutaneous insulin; pump education."
            ),
            "discharge_summary": "Gap closed, eating; discharged home on day {los}.",
        },
    ),
    Scenario(
        id="ip-cellulitis",
        setting=INPATIENT,
        title="Cellulitis of the right leg in a patient with type 2 diabetes",
        ages=(40, 85),
        sexes="FM",
        role="hospitalist",
        diagnoses=(Dx("L03.115"), Dx("E11.9"), Dx("Z79.84", "")),
        services=hospitalist_visits("AB"),
        revenue=(ROOM, PHARMACY, LAB, Revenue("0258", "Pharmacy - IV solutions", 220.00), ED),
        admitting_diagnosis="L03.115",
        los=(2, 4),
        admission_type="1",
        note={
            "chief_complaint": "Red, hot, swollen right lower leg.",
            "history": (
                "{age}-year-old {sex} with type 2 diabetes on oral medication, three days of spreading "
                "redness "
                "of the right shin after a scrape; fever 100.9 F. No ulcer, no abscess on ultrasound."
            ),
            "assessment_and_plan": (
                "Cellulitis of the right lower limb, organism not identified: IV antibiotics, elevation. "
                "Type 2 diabetes without complications, on oral agents."
            ),
            "discharge_summary": "Redness receding; discharged home on oral antibiotics on day {los}.",
        },
    ),
    Scenario(
        id="ip-nstemi-pci",
        setting=INPATIENT,
        title="NSTEMI treated with a drug-eluting stent in the LAD",
        ages=(45, 85),
        sexes="FM",
        role="cardiology",
        diagnoses=(Dx("I21.4"), Dx("I25.10"), Dx("I10"), Dx("E78.5"), Dx("Z87.891", "")),
        services=(Service("92928", 1500.00, "AB", ("LD",), day=1),),
        procedures=(Procedure("027034Z", 1),),
        revenue=(
            ROOM,
            PHARMACY,
            LAB,
            Revenue("0481", "Cardiac catheterization lab", 18900.00),
            Revenue("0278", "Other implants", 4600.00),
            Revenue("0730", "EKG/ECG", 180.00),
            ED,
        ),
        admitting_diagnosis="R07.9",
        los=(2, 4),
        admission_type="1",
        note={
            "chief_complaint": "Chest pressure for 2 hours.",
            "history": (
                "{age}-year-old {sex} with hypertension, hyperlipidemia and a remote smoking history, with "
                "substernal pressure at rest; troponin rising, ECG with ST depression, no ST elevation."
            ),
            "operative_note": (
                "Day 1 cardiac catheterization by the cardiologist: 90% stenosis of the proximal left "
                "anterior descending artery in native coronary disease, treated with one drug-eluting stent "
                "through a radial approach."
            ),
            "assessment_and_plan": (
                "Non-ST elevation myocardial infarction; atherosclerotic heart disease of the native "
                "coronary "
                "artery; hypertension; hyperlipidemia; history of nicotine dependence. Dual antiplatelet "
                "therapy, high-intensity statin."
            ),
            "discharge_summary": "Pain free; discharged home with cardiac rehabilitation referral on day "
            "{los}.",
        },
    ),
)
