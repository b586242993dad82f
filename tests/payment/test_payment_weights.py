"""The shipped FY2026 Table 5 against second sources, and its lookups."""

from __future__ import annotations

from datetime import date

import pytest

from autograder.payment.weights import drg_weight, release, table

# Verbatim rows of the CMS text member (a second copy): drg -> the ten columns as printed.
VERBATIM = {
    1: "001\tNo\tNo\tPRE\tSURG\tHEART TRANSPLANT OR IMPLANT OF HEART ASSIST SYSTEM WITH MCC"
    "\t28.0239\t28.0239\t25.8\t36.2",
    291: "291\tYes\tNo\t05\tMED\tHEART FAILURE AND SHOCK WITH MCC\t1.2838\t1.2838\t3.8\t5.0",
    470: "470\tYes\tNo\t08\tSURG\tMAJOR HIP AND KNEE JOINT REPLACEMENT OR REATTACHMENT OF LOWER EXTREMITY "
    "WITHOUT MCC\t1.9289\t1.9289\t1.9\t2.2",
    871: "871\tYes\tNo\t18\tMED\tSEPTICEMIA OR SEVERE SEPSIS WITHOUT MV >96 HOURS WITH MCC"
    "\t1.9425\t1.9425\t4.8\t6.4",
}

# Independent transcription: drg -> (weight before cap, weight, GMLOS, AMLOS, post-acute, special pay)
TRANSCRIBED = {
    2: (11.3318, 11.3318, 8.5, 14.0, False, False),
    10: (3.0699, 7.1757, 5.9, 6.0, False, False),
    17: (4.8383, 5.4323, 8.3, 11.5, False, False),
    19: (6.6272, 7.1346, 10.1, 11.8, False, False),
    22: (3.0751, 3.1774, 1.7, 2.4, False, False),
    23: (5.7303, 5.7303, 7.1, 10.0, True, True),
    52: (1.7808, 1.8113, 4.1, 5.7, False, False),
    64: (2.0110, 2.0110, 4.4, 6.3, True, False),
    65: (1.0103, 1.0103, 2.8, 3.6, True, False),
    66: (0.6844, 0.6844, 1.9, 2.3, True, False),
    76: (0.7488, 0.8252, 2.6, 3.2, False, False),
}
# Weight before cap and both lengths of stay from a transcription of the CMS Excel member.
FROM_EXCEL = {
    3: (21.2252, 22.9, 33.0),
    95: (2.5792, 5.6, 6.8),
    96: (2.5792, 5.6, 6.8),
    97: (3.6118, 8.7, 11.7),
    103: (0.8363, 2.3, 2.9),
    117: (1.0849, 1.9, 2.5),
}
QUOTED_WEIGHTS = {870: 6.9118, 871: 1.9425, 872: 1.0233}


@pytest.mark.parametrize("drg", sorted(VERBATIM))
def test_rows_match_the_verbatim_cms_text(drg):
    cells = VERBATIM[drg].split("\t")
    row = drg_weight(drg)
    assert row.title == cells[5]
    assert (row.post_acute, row.special_pay) == (cells[1] == "Yes", cells[2] == "Yes")
    assert (row.mdc, row.type) == (cells[3], cells[4])
    assert (row.weight_before_cap, row.weight, row.gmlos, row.amlos) == tuple(float(c) for c in cells[6:])


@pytest.mark.parametrize("drg", sorted(TRANSCRIBED))
def test_rows_match_an_independent_transcription(drg):
    row = drg_weight(drg)
    assert (
        row.weight_before_cap,
        row.weight,
        row.gmlos,
        row.amlos,
        row.post_acute,
        row.special_pay,
    ) == TRANSCRIBED[drg]


@pytest.mark.parametrize("drg", sorted(FROM_EXCEL))
def test_rows_match_the_excel_transcription(drg):
    row = drg_weight(drg)
    assert (row.weight_before_cap, row.gmlos, row.amlos) == FROM_EXCEL[drg]


def test_quoted_sepsis_weights():
    assert {d: drg_weight(d).weight for d in QUOTED_WEIGHTS} == QUOTED_WEIGHTS


def test_table_shape():
    rows = table()
    assert len(rows) == 772
    unpaid = sorted(d for d, r in rows.items() if r.weight is None)
    assert unpaid == [998, 999]
    assert all(r.type in ("SURG", "MED") for d, r in rows.items() if d not in (998, 999))
    assert all(r.gmlos <= r.amlos for r in rows.values() if r.weight is not None)
    assert rows[989].mdc == "" and rows[1].mdc == "PRE" and rows[927].mdc == "22"


def test_cap_only_ever_raises_a_weight():
    capped = [r for r in table().values() if r.weight is not None and r.weight != r.weight_before_cap]
    assert capped and all(r.weight > r.weight_before_cap for r in capped)


@pytest.mark.parametrize("value", ["193", " 93", 93, "093"])
def test_lookup_accepts_numbers_and_strings(value):
    assert drg_weight(value).drg == int(str(value).strip())


@pytest.mark.parametrize("value", ["abc", 9, "", None, 1000])
def test_lookup_of_unknown_drg_is_none(value):
    assert drg_weight(value) is None


def test_release_names_the_source_and_covers_fy2026_only():
    rel = release()
    assert "Table 5" in rel.source and "fy2026-ipps-fr-table-5.zip" in rel.source
    assert rel.covers(date(2026, 9, 30)) and not rel.covers(date(2026, 10, 1))
