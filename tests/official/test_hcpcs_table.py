"""The full HCPCS Level II table from the installed January 2026 file."""

from datetime import date

from autograder.codes.official import hcpcs_table


def test_lookup_with_indicators(cache):
    entry = hcpcs_table.lookup(" j1100 ")
    assert entry.long == "Injection, dexamethasone sodium phosphate, 1 mg"
    assert entry.pricing == ("51",) and entry.coverage == "D"
    assert entry.coverage_meaning == "special coverage instructions apply"
    assert entry.betos == "O1E" and entry.tos == ("1", "P")
    assert entry.release == "hcpcs CY2026"
    assert "J1100" in entry.describe()


def test_terminated_codes_are_kept_with_their_dates(cache):
    ended = hcpcs_table.lookup("A4397")
    assert ended.terminated == date(2021, 12, 31)
    assert not ended.active_on(date(2026, 2, 1)) and ended.active_on(date(2021, 6, 1))
    assert hcpcs_table.lookup("J1100").active_on(date(2026, 2, 1))


def test_modifiers(cache):
    assert hcpcs_table.modifier("lt").long.startswith("Left side")
    assert hcpcs_table.lookup("LT") is None  # a modifier is not a code
    assert hcpcs_table.modifier("ZZ") is None


def test_all_entries_and_search(cache):
    assert sum(1 for _ in hcpcs_table.entries("modifier")) == 383
    assert sum(1 for _ in hcpcs_table.entries()) == 8623
    assert "J1100" in [e.code for e in hcpcs_table.search("dexamethasone", limit=10)]
    assert all(e.kind == "modifier" for e in hcpcs_table.search("left", kind="modifier"))
    assert hcpcs_table.search("!!") == []


def test_to_dict_is_json_ready(cache):
    import json

    data = hcpcs_table.lookup("J1100").to_dict()
    assert json.loads(json.dumps(data, default=str))["action_meaning"] == "no change"


def test_the_file_as_a_mapping(cache):
    table = hcpcs_table.CodeTable()
    assert len(table) == 8623 and "J1100" in table and "j1100" in table
    assert table["J1100"].coverage == "D" and "LT" not in table
    assert next(iter(table)) == next(hcpcs_table.entries()).code
    assert len(hcpcs_table.CodeTable("modifier")) == 383
