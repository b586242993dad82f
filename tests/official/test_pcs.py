"""ICD-10-PCS tables, row-by-row building with definitions, decoding, and the PCS Index."""

import random

from autograder.codes.official import pcs


def test_build_walks_the_table_row_by_row(cache):
    step = pcs.build("0DT")
    assert [c.label for c in step.chosen] == ["Medical and Surgical", "Gastrointestinal System", "Resection"]
    assert step.chosen[2].definition == "Cutting out or off, without replacement, all of a body part"
    assert step.axis == "Body Part" and ("J", "Appendix") in [(c.value, c.label) for c in step.choices]
    appendix = pcs.build("0DT", "Appendix")
    assert appendix.axis == "Approach"
    assert [c.value for c in appendix.choices] == ["0", "4", "7", "8"]
    assert "Vermiform appendix" in appendix.chosen[-1].definition  # from the definitions file


def test_a_complete_code_has_its_order_file_title(cache):
    step = pcs.build(
        "Medical and Surgical",
        "gastrointestinal system",
        "Resection",
        "Appendix",
        "Open",
        "No Device",
        "No Qualifier",
    )
    assert step.complete and step.code == "0DTJ0ZZ"
    assert step.title == "Resection of Appendix, Open Approach" == pcs.lookup("0DTJ0ZZ")[2]


def test_a_value_the_table_does_not_allow_is_named_and_not_taken(cache):
    assert pcs.build("").code == ""  # an empty choice chooses nothing
    step = pcs.build("0DTJ3")
    assert step.code == "0DTJ" and not step.complete
    assert (
        step.problem
        == "'3' is not a valid Approach (character 5) after 0DTJ; choose one of the values listed"
    )
    assert pcs.build("0DTJ4").problem is None
    assert "one character too many" in pcs.build("0DTJ0ZZ1").problem


def test_every_path_through_the_offered_values_ends_at_a_valid_code(cache):
    rng = random.Random(2026)
    for _ in range(12):
        step = pcs.build()
        while not step.complete:
            step = pcs.build(step.code, rng.choice(step.choices).value)
            assert step.problem is None
        assert pcs.lookup(step.code)[1] is True, step.code


def test_decode_uses_the_official_axis_labels(cache):
    step = pcs.decode("0dtj4zz")
    assert step.complete and [c.axis for c in step.chosen[3:]] == [
        "Body Part",
        "Approach",
        "Device",
        "Qualifier",
    ]
    assert [c.label for c in step.chosen[3:]] == [
        "Appendix",
        "Percutaneous Endoscopic",
        "No Device",
        "No Qualifier",
    ]
    imaging = pcs.decode("BW03ZZZ")
    assert imaging.chosen[0].label == "Imaging" and imaging.chosen[2].axis == "Type"


def test_tables(cache):
    assert len(pcs.tables()) == 914
    gastro = pcs.tables("Medical and Surgical", "D")
    assert gastro and all(t.code.startswith("0D") for t in gastro)
    resection = pcs.table("0dt")
    assert resection.info.operation == "Resection" and len(resection.rows) >= 2
    assert "Appendix" in resection.describe()
    assert pcs.table("0DI") is None


def test_search_titles(cache):
    assert pcs.search("resection appendix open", limit=3)[0][0] == "0DTJ0ZZ"
    assert pcs.search("") == []


def test_pcs_index(cache):
    laminaria = pcs.index("Abortion, Laminaria")
    assert laminaria.code == "10A07ZW" and laminaria.complete is True
    appendectomy = pcs.index("Appendectomy")
    assert appendectomy.code is None
    assert "see Resection, Appendix 0DTJ" in appendectomy.instructions
    partial = pcs.index("Abdominohysterectomy")
    assert (partial.code, partial.complete, partial.display) == ("0UT9", False, "0UT9")
    assert "complete it from table 0UT" in partial.describe()
