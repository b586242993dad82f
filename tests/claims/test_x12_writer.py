"""to_x12: the envelope's counts and control numbers, the HL hierarchy, the loops a claim's items
land in, and clear refusals for claims the 837 cannot hold."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import BaseModel

from autograder.claims import example
from autograder.claims.models import InstitutionalClaim, ProfessionalClaim
from autograder.claims.x12 import Envelope, X12WriteError, crosswalk, to_x12
from autograder.claims.x12.segments import Delimiters, read_segments
from autograder.claims.x12.synthetic import claims as synthetic_claims

WHEN = datetime(2026, 3, 12, 9, 30)


def segments(text):
    return read_segments(text)


def ids(text, seg_id):
    return [s for s in segments(text) if s.id == seg_id]


def dump(kind):
    return example("cms1500" if kind == "837P" else "ub04").model_dump(mode="json")


def test_envelope_counts_and_control_numbers_match():
    text = to_x12(
        synthetic_claims("837P", 7, seed=1),
        "837P",
        envelope=Envelope(control_number=42, created=WHEN, claims_per_transaction=3),
    )
    segs = segments(text)
    isa, gs, iea, ge = segs[0], segs[1], segs[-1], segs[-2]
    assert isa.get(13) == "000000042" == iea.get(2)
    assert gs.get(6) == "42" == ge.get(2)
    assert gs.get(8) == "005010X222A1"
    sts = [s for s in segs if s.id == "ST"]
    ses = [s for s in segs if s.id == "SE"]
    assert len(sts) == 3 == len(ses) == int(ge.get(1))  # 7 claims, 3 per transaction
    assert iea.get(1) == "1"
    for st, se in zip(sts, ses, strict=True):
        assert st.get(2) == se.get(2)
        assert int(se.get(1)) == se.number - st.number + 1
    assert len(ids(text, "CLM")) == 7


def test_isa_is_fixed_width_and_dated():
    text = to_x12(example("cms1500"), envelope=Envelope(created=WHEN))
    isa = text.split("~")[0]
    assert len(isa) == 105  # 106 with its terminator
    assert isa.split("*")[9:11] == ["260312", "0930"]
    assert isa.split("*")[15] == "T"  # synthetic data travels as test data


def test_hl_hierarchy_shares_a_billing_provider_and_adds_patient_levels():
    base = dump("837P")
    spouse = dict(
        base,
        patient_relationship_to_insured="Spouse",
        patient={**base["patient"], "first_name": "Luis", "sex": "M"},
    )
    other_practice = dict(base, billing_provider={**base["billing_provider"], "name": "Another Practice"})
    text = to_x12([base, spouse, other_practice], "837P")
    levels = [(s.get(1), s.get(2), s.get(3), s.get(4)) for s in ids(text, "HL")]
    assert levels == [
        ("1", "", "20", "1"),  # billing provider shared by the first two claims
        ("2", "1", "22", "0"),  # subscriber is the patient: no child level
        ("3", "1", "22", "1"),  # spouse's claim: the subscriber has a patient below
        ("4", "3", "23", "0"),
        ("5", "", "20", "1"),  # a different billing provider starts a new 2000A
        ("6", "5", "22", "0"),
    ]
    pat = ids(text, "PAT")
    assert [p.get(1) for p in pat] == ["01"]


def test_professional_items_land_in_their_segments():
    claim = dump("837P")
    claim.update(
        current_illness_date="2026-03-01",
        current_illness_qualifier="431",
        other_date="2026-02-01",
        other_date_qualifier="439",
        unable_to_work_from="2026-03-02",
        unable_to_work_to="2026-03-20",
        resubmission_code="7",
        original_reference_number="PAYER123",
        prior_authorization_number="AUTH9",
        referring_provider={
            "qualifier": "DN",
            "last_name": "Kim",
            "first_name": "Sarah",
            "npi": "1234567893",
        },
    )
    claim["service_lines"][1].update(modifiers=["91"], ndc="00002751001", service_to="2026-03-12")
    text = to_x12(claim)
    clm = ids(text, "CLM")[0]
    assert clm.get(1) == "RIV0310" and clm.get(2) == "230"
    assert clm.parts(5) == ["11", "B", "7"]
    dates = {s.get(1): s.get(3) for s in ids(text, "DTP")}
    assert dates["431"] == "20260301" and dates["439"] == "20260201" and dates["314"] == "20260302-20260320"
    assert dates["472"] == "20260310-20260312"  # the last line's span
    refs = {s.get(1): s.get(2) for s in ids(text, "REF")}
    assert refs["F8"] == "PAYER123" and refs["G1"] == "AUTH9" and refs["EI"] == "371234567"
    hi = ids(text, "HI")[0]
    assert [hi.parts(i)[:2] for i in (1, 2, 3)] == [["ABK", "E119"], ["ABF", "Z7984"], ["ABF", "I10"]]
    sv1 = ids(text, "SV1")
    assert sv1[0].parts(1) == ["HC", "99214"] and sv1[0].parts(7) == ["1", "2", "3"]
    assert sv1[1].parts(1) == ["HC", "83036", "91"]
    assert ids(text, "LIN")[0].get(3) == "00002751001"
    entities = [s.get(1) for s in ids(text, "NM1")]
    assert "DN" in entities and entities.count("82") == 1  # one shared rendering provider: 2310B


def test_line_level_rendering_when_lines_differ():
    claim = dump("837P")
    claim["service_lines"][1]["rendering_npi"] = "1346792587"
    text = to_x12(claim)
    assert [s.get(9) for s in ids(text, "NM1") if s.get(1) == "82"] == ["1234567893", "1346792587"]


def test_institutional_locators_land_in_their_segments():
    claim = dump("837I")
    claim.update(
        condition_codes=["01"],
        occurrence_codes=[{"code": "11", "date": "2026-02-01"}],
        value_codes=[{"code": "80", "amount": 3}],
        remarks="Transfer paperwork attached",
    )
    text = to_x12(claim, "837I")
    clm = ids(text, "CLM")[0]
    assert clm.parts(5) == ["11", "A", "1"]  # FL 4 0111: facility type 11, frequency 1
    assert ids(text, "CL1")[0].elements == ("1", "1", "01")
    dates = {s.get(1): (s.get(2), s.get(3)) for s in ids(text, "DTP")}
    assert dates["434"] == ("RD8", "20260202-20260205")
    assert dates["435"] == ("DT", "202602021400")
    assert dates["096"] == ("TM", "1100")
    qualifiers = [hi.parts(i)[0] for hi in ids(text, "HI") for i in range(1, 13) if hi.parts(i)]
    assert qualifiers == ["ABK", "ABJ", "ABF", "ABF", "BBR", "BH", "BE", "BG"]
    principal = ids(text, "HI")[0]
    assert principal.parts(1)[1] == "K3580" and principal.parts(1)[8] == "Y"  # HI01-9 POA
    assert [s.get(1) for s in ids(text, "NM1")][-2:] == ["71", "72"]
    assert [s.get(1) for s in ids(text, "SV2")] == ["0120", "0250", "0300", "0360", "0370", "0450"]


def test_twenty_five_other_diagnoses_need_two_hi_segments():
    claim = dump("837I")
    codes = [
        "I10",
        "E78.5",
        "E11.9",
        "E87.1",
        "D64.9",
        "F17.210",
        "Z79.01",
        "E03.9",
        "J44.9",
        "N18.30",
        "K21.9",
        "M54.50",
        "G47.33",
        "E66.9",
    ]
    claim["other_diagnoses"] = [{"code": c, "poa": "Y"} for c in codes]
    text = to_x12(claim, "837I")
    others = [hi for hi in ids(text, "HI") if hi.part(1, 1) == "ABF"]
    assert [len([p for p in range(1, 13) if hi.parts(p)]) for hi in others] == [12, 2]


@pytest.mark.parametrize(
    ("kind", "change", "named"),
    [
        ("837P", lambda d: d["payer"].pop("payer_id"), "payer.payer_id"),
        ("837P", lambda d: d["insured"].pop("insured_id"), "insured.insured_id (item 1a)"),
        ("837P", lambda d: d.update(service_lines=[]), "service_lines (item 24)"),
        (
            "837P",
            lambda d: d["service_lines"][0].update(diagnosis_pointers=["K"]),
            "service_lines[0].diagnosis_pointers",
        ),
        ("837P", lambda d: d["billing_provider"].pop("address"), "billing_provider.address (item 33)"),
        (
            "837P",
            lambda d: d.update(patient_relationship_to_insured="Cousin"),
            "patient_relationship_to_insured",
        ),
        ("837I", lambda d: d.update(release_of_information=None), "release_of_information (FL 52)"),
        ("837I", lambda d: d.update(type_of_bill="1X1"), "type_of_bill (FL 4)"),
        ("837I", lambda d: d.update(principal_diagnosis=None), "principal_diagnosis (FL 67)"),
    ],
)
def test_missing_required_data_is_named(kind, change, named):
    claim = dump(kind)
    to_x12(claim, kind)  # the unchanged claim writes
    change(claim)
    with pytest.raises(X12WriteError) as caught:
        to_x12(claim, kind)
    assert named in str(caught.value)
    assert "claim [0]" in str(caught.value)


def test_reserved_and_non_ascii_characters_are_refused_with_the_field():
    claim = dump("837P")
    claim["insured"]["last_name"] = "Rivera*Lopez"
    claim["billing_provider"]["name"] = "Clínica del Sol"
    with pytest.raises(X12WriteError) as caught:
        to_x12(claim)
    assert "insured.last_name holds '*'" in str(caught.value)
    assert "billing_provider.name holds 'í'" in str(caught.value)
    claim["insured"]["last_name"] = "Rivera-Lopez"
    claim["billing_provider"]["name"] = "Clinica del Sol"
    assert "Rivera-Lopez" in to_x12(claim)


def test_kind_must_match_the_form():
    with pytest.raises(X12WriteError, match="kind='837I'"):
        to_x12([example("cms1500"), example("ub04")], "837P")
    with pytest.raises(X12WriteError, match="use 837P \\(CMS-1500\\) or 837I"):
        to_x12(example("cms1500"), "837D")
    with pytest.raises(X12WriteError, match="no claims"):
        to_x12([])
    assert ids(to_x12(example("ub04")), "GS")[0].get(8) == "005010X223A2"  # kind follows the form


def test_other_delimiters_are_declared_in_the_isa():
    marks = Delimiters(element="|", component=">", segment="\n", repetition="!")
    text = to_x12(example("cms1500"), envelope=Envelope(delimiters=marks))
    assert text.startswith("ISA|") and text[104:106] == ">\n"
    assert "SV1|HC>99214|185|UN|1|||1>2>3" in text


def _model_in(annotation):
    """The pydantic model a field holds (itself, in a list, or optional), else None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def test_crosswalk_names_only_real_model_fields():
    for kind, model in (("837P", ProfessionalClaim), ("837I", InstitutionalClaim)):
        table = crosswalk(kind)
        assert len(table) > 60
        for path in table["field"]:
            current = model
            for part in path.split("."):
                name = part.removesuffix("[]")
                assert current is not None and name in current.model_fields, f"{kind}: {path}"
                current = _model_in(current.model_fields[name].annotation)
    with pytest.raises(ValueError):
        crosswalk("837D")


def test_synthetic_batches_are_repeatable():
    first = to_x12(synthetic_claims("837I", 5, seed=9), envelope=Envelope(created=WHEN))
    again = to_x12(synthetic_claims("837I", 5, seed=9), envelope=Envelope(created=WHEN))
    other = to_x12(synthetic_claims("837I", 5, seed=10), envelope=Envelope(created=WHEN))
    assert first == again != other


def test_text_too_long_or_short_for_its_element_is_refused():
    claim = dump("837P")
    claim["payer"]["name"] = "A" * 61
    claim["patient"]["address"]["city"] = "X"
    claim["insured"]["insured_id"] = "7"
    with pytest.raises(X12WriteError) as caught:
        to_x12(claim)
    message = str(caught.value)
    assert "payer.name has 61 characters: the 837 element holds at most 60" in message
    assert "patient.address.city has 1 characters: the 837 element holds 2 to 30" in message
    assert "insured.insured_id has 1 characters" in message
    claim["payer"]["name"] = "A" * 60
    claim["patient"]["address"]["city"] = "Ux"
    claim["insured"]["insured_id"] = "77"
    assert "*" + "A" * 60 + "*" in to_x12(claim)
