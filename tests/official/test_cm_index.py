"""Walking the ICD-10-CM indexes: the official External Cause Index, and a hand-made file in the
Alphabetic Index layout for see / see also / nonessential modifier / manifestation cases."""

from __future__ import annotations

import pytest

from autograder.codes.official import cm_index
from autograder.codes.official.errors import NotInstalled


def external(path: str):
    return cm_index.walk(path, index="external")


def test_bite_dog(cache):
    result = external("Bite, dog")
    assert result.found and result.code == "W54.0"
    assert result.path == ("Bite, bitten by", "dog")
    # printed without a dash, yet W54.0 still needs placeholders and a 7th character
    assert result.complete is False and result.display == "W54.0-"
    assert result.title == "Bitten by dog"
    assert result.release == "icd10cm FY2026"


def test_fall_from_ladder(cache):
    result = external("Fall, from, ladder")
    assert result.found and result.code == "W11"
    assert result.path == ("Fall, falling (accidental)", "from, off, out of", "ladder")


def test_a_word_naming_two_subterms_takes_the_one_the_rest_is_under(cache):
    # "off" is a subterm of its own and one alternative of "from, off, out of"; only the latter has ladder
    assert external("Fall, off, ladder").code == "W11"
    assert external("Fall, off, toilet").path[-2] == "off"


def test_a_subterm_the_index_lacks_is_reported_not_guessed(cache):
    result = external("Fall, from, unicorn")
    assert not result.found and result.code is None
    assert result.unmatched == ("unicorn",)
    assert "ladder" in result.subterms


def test_see_is_followed_to_the_term_it_names(cache):
    direct = external("Accident, transport, car occupant")
    result = external("Accident, automobile")
    assert result.code == direct.code and result.path == direct.path
    assert ("see", "Accident, transport, car occupant") in [(s.kind, s.text) for s in result.steps]


def test_see_by_type_then_the_typed_subterm(cache):
    result = external("Accident, caused by, cutting or piercing instrument, knife")
    assert result.found and result.code == external("Contact, with, knife").code
    assert [s.kind for s in result.steps if s.kind != "term"] == ["see", "choose"]


def test_a_see_that_cannot_be_resolved_is_left_for_the_coder(cache):
    result = external("Accident, aircraft, due to, caused by cataclysm")
    assert result.code is None
    assert result.instructions == ("see Forces of nature, by type",)


def test_nonessential_modifiers_are_read_and_passed_over(cache):
    result = external("Abuse, child")
    assert result.found and result.code == "X58"
    assert [(s.kind, s.text) for s in result.steps][-1] == ("nonessential modifier", "child")
    assert not external("Abuse, goldfish").found


def test_search_ranks_index_entries(cache):
    hits = cm_index.search("dog bite", index="external", limit=5)
    assert hits and all(h.code == "W54.0" for h in hits[:2])
    assert cm_index.search("   ", index="external") == []


def test_verify_in_the_code_list_in_one_step(cache):
    assert cm_index.verify("W54.0XXA").billable
    header = cm_index.verify("w540")
    assert header.code == "W54.0" and not header.billable
    assert cm_index.verify("W99.99") is None


def test_the_alphabetic_index_missing_names_the_command(cache):
    with pytest.raises(NotInstalled, match="himlab data fetch --set icd10cm --year 2026"):
        cm_index.walk("Diabetes, type 2")


def test_an_unknown_index_name_is_refused(cache):
    with pytest.raises(ValueError, match="alphabetic, external"):
        cm_index.walk("Bite", index="tabular")


# the hand-made Alphabetic Index


def test_sample_codes_are_valid_fy2026_codes(sample):
    for code in (
        "E11.9",
        "E11.22",
        "E11.65",
        "E11.29",
        "G30.9",
        "F02.80",
        "N28.9",
        "N18.9",
        "N18.32",
        "J18.9",
        "J18.1",
    ):
        assert cm_index.verify(code).billable, code


def test_diabetes_type_2_with_ckd(sample):
    result = cm_index.walk("Diabetes, type 2, with, chronic kidney disease")
    assert result.found and result.code == "E11.22" and result.complete is True
    assert result.display == "E11.22"


def test_nemod_typed_or_left_out(sample):
    assert cm_index.walk("Diabetes (mellitus), type 2").code == "E11.9"
    assert cm_index.walk("Diabetes, diabetic (mellitus) (sugar), type 2").code == "E11.9"
    acute = cm_index.walk("Pneumonia, acute")
    assert acute.found and acute.code == "J18.9"
    assert acute.steps[-1].kind == "nonessential modifier"
    assert cm_index.walk("Pneumonia, lobar").code == "J18.1"  # a subterm, not a modifier
    viral = cm_index.walk("Pneumonia, viral")
    assert not viral.found and viral.unmatched == ("viral",)


def test_see_sends_the_coder_on(sample):
    result = cm_index.walk("Diabetes, adult-onset")
    assert result.code == "E11.9" and result.path == ("Diabetes, diabetic (mellitus) (sugar)", "type 2")
    assert cm_index.walk("Diabetes, adult-onset, with, hyperglycemia").code == "E11.65"


def test_see_also_is_offered_then_followed_when_needed(sample):
    own = cm_index.walk("Nephropathy")
    assert own.code == "N28.9" and own.instructions == ("see also Disease, kidney",)
    followed = cm_index.walk("Nephropathy, chronic, stage 3b")
    assert followed.found and followed.code == "N18.32"
    assert ("see also", "Disease, kidney") in [(s.kind, s.text) for s in followed.steps]


def test_manifestation_code_comes_with_its_etiology(sample):
    result = cm_index.walk(["Disease", "Alzheimer's"])
    assert (result.code, result.manif) == ("G30.9", "F02.80")
    assert "[F02.80]" in result.describe()


def test_nec_may_be_left_out(sample):
    assert cm_index.walk("Diabetes, type 2, with, kidney complications").code == "E11.29"


def test_describe_and_to_dict(sample):
    result = cm_index.walk("Diabetes, type 2, with, chronic kidney disease")
    text = result.describe()
    assert "E11.22" in text and "chronic kidney disease" in text
    data = result.to_dict()
    assert (
        data["found"] is True and data["display"] == "E11.22" and data["path"][-1] == "chronic kidney disease"
    )


@pytest.mark.parametrize(("book", "every"), [("external", 4), ("neoplasm", 1)])
def test_walking_an_entrys_own_path_reaches_it(cache, book, every):
    """Round trip over the official files: each entry's printed path leads back to that entry
    (or on through the "see" it carries)."""
    from autograder.codes.official import index_walk, store

    conn = store.installed_release("icd10cm").connect()
    rows = conn.execute("SELECT id, path FROM terms WHERE book = ? AND path != '' ORDER BY id", (book,))
    missed = []
    for term_id, path in list(rows)[::every]:
        result = index_walk.walk(conn, book, path.split(" > "))
        if result.term_id != term_id and not any(s.kind in ("see", "see also") for s in result.steps):
            missed.append(path)
    assert missed == []
