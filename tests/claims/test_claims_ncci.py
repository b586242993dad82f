"""NCCI loaders (CMS's PTP and MUE layouts) and the PTP/MUE rules on claims."""

from __future__ import annotations

from datetime import date

import pytest
from claim_examples import TODAY, example_dict

from autograder.claims import validate
from autograder.claims.ncci import (
    NcciFileError,
    build_tables,
    load_tables,
    read_mue,
    read_ptp,
    sample_tables,
)

# two real rows of CMS's practitioner PTP file ccipra-v322r0-f1 (2026 Q3), as published
PTP_ROWS = (
    "0001U\t0030U\t\t20180701\t*\t1\tMisuse of Column Two code with Column One code\r\n"
    "0001A\t36591\t\t20220101\t20231231\t0\tCPT Manual or CMS manual coding instruction\r\n"
)
HEADER = (
    "Column1/Column2 Edits\t\t\t\t\t\t\r\n"
    "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n"
    "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n"
)


def test_the_bundled_sample_reads_as_cms_published_it():
    tables = sample_tables()
    assert sum(len(rows) for rows in tables.ptp.values()) == 9
    (edit,) = tables.ptp["0001U", "81105"]
    assert (edit.effective, edit.deletion, edit.modifier_indicator) == (date(2018, 1, 1), None, "1")
    assert edit.rationale == "Misuse of Column Two code with Column One code"
    (deleted,) = tables.ptp["0001U", "0029U"]
    assert deleted.deletion == date(2026, 6, 30)
    assert tables.mue["0001U"].value == 1 and tables.mue["0001U"].mai == "2"
    assert tables.mue["0009U"].value == 2 and tables.mue["0009U"].mai == "3"
    assert "sample" in tables.label


def test_ptp_rows_under_title_lines_and_in_csv_exports():
    rows = read_ptp(HEADER + PTP_ROWS)
    assert [(r.column1, r.column2, r.modifier_indicator) for r in rows] == [
        ("0001U", "0030U", "1"),
        ("0001A", "36591", "0"),
    ]
    csv_export = "Column 1,Column 2,*,Effective Date,Deletion Date,Modifier,Rationale\n" + PTP_ROWS.replace(
        "\t", ","
    )
    assert read_ptp(csv_export) == rows


def test_ptp_edit_in_effect_between_its_dates():
    (row,) = [r for r in read_ptp(PTP_ROWS) if r.column1 == "0001A"]
    assert not row.in_effect(date(2021, 12, 31))
    assert row.in_effect(date(2022, 1, 1)) and row.in_effect(date(2023, 12, 31))
    assert not row.in_effect(date(2024, 1, 1))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0001U\t0030U\t\t20180701\t*\tX\tMisuse\n", r"line 1: modifier indicator 'X'"),
        ("0001U\t0030U\t\t20180701\t2018-07\t1\tMisuse\n", "deletion date '2018-07' is not a YYYYMMDD date"),
        ("just some text\nwith no rows\n", "no PTP rows found"),
    ],
)
def test_ptp_files_out_of_layout_say_where(text, message):
    with pytest.raises(NcciFileError, match=message):
        read_ptp(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0001U,one,2 Date of Service Edit: Policy,Code Descriptor\n", "MUE value 'one'"),
        ("0001U,1,7 Something,Code Descriptor\n", "does not start with 1, 2 or 3"),
        ("HCPCS/CPT Code,MUE\n", "no MUE rows found"),
    ],
)
def test_mue_files_out_of_layout_say_where(text, message):
    with pytest.raises(NcciFileError, match=message):
        read_mue(text)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(NcciFileError, match="cannot read the file"):
        load_tables(ptp=[tmp_path / "ccipra-v322r0-f1.TXT"])


def _claim(codes, when="2026-03-10", mods=None, units=None):
    d = example_dict("cms1500")
    template = d["service_lines"][0]
    d["service_lines"] = [
        {
            **template,
            "procedure_code": c,
            "service_from": when,
            "service_to": when,
            "modifiers": (mods or {}).get(c, []),
            "units": (units or {}).get(c, 1),
            "charges": 50,
        }
        for c in codes
    ]
    d["total_charge"] = 50 * len(codes)
    return d


def _ncci(d, **kw):
    return [f for f in validate(d, today=TODAY, **kw) if f.rule.startswith("ncci.")]


def test_indicator_1_pair_needs_an_ncci_associated_modifier():
    (f,) = _ncci(_claim(["0001U", "81105"]))
    assert f.rule == "ncci.ptp-modifier-needed" and f.locator.endswith("line 2") and f.code == "81105"
    assert "bundled sample" in f.message
    assert _ncci(_claim(["0001U", "81105"], mods={"81105": ["59"]})) == []
    assert _ncci(_claim(["0001U", "81105"], mods={"81105": ["XU"]})) == []
    assert _ncci(_claim(["0001U", "81105"], mods={"81105": ["26"]}))  # 26 is not an NCCI-associated modifier


def test_indicator_0_pair_is_not_bypassed_by_any_modifier():
    found = _ncci(_claim(["0001A", "36591"], when="2023-06-01", mods={"36591": ["59"]}))
    assert [f.rule for f in found] == ["ncci.ptp-not-allowed"]
    assert _ncci(_claim(["0001A", "36591"], when="2024-06-01")) == []  # deleted after 2023-12-31


def test_pairs_count_only_on_the_same_date_and_while_in_effect():
    d = _claim(["0001U", "81105"])
    d["service_lines"][1].update(service_from="2026-03-11", service_to="2026-03-11")
    assert _ncci(d) == []
    assert _ncci(_claim(["0001U", "0029U"], when="2026-03-10"))  # in effect until 2026-06-30
    assert _ncci(_claim(["0001U", "0029U"], when="2026-07-15")) == []
    assert _ncci(_claim(["0001A", "90473"], when="2022-06-01")) == []  # indicator 9: never applies


def test_mue_per_day_sums_the_lines_of_one_date():
    assert _ncci(_claim(["0001U"])) == []  # 1 unit: at the MUE
    (f,) = _ncci(_claim(["0009U", "0009U"], units={"0009U": 2}))
    assert f.rule == "ncci.mue-units" and "4 units of 0009U on 2026-03-10" in f.message
    assert "adjudication indicator 3" in f.message


def test_full_tables_from_cms_files(tmp_path):
    ptp = tmp_path / "ccipra-v322r0-f1.TXT"
    ptp.write_bytes((HEADER + PTP_ROWS).encode("latin-1"))
    mue = tmp_path / "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"
    mue.write_text(
        '"HCPCS/\nCPT Code",Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n'
        "0001U,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction\n"
    )
    tables = load_tables(ptp=[ptp], mue=[mue])
    assert "ccipra-v322r0-f1.TXT" in tables.label
    (f,) = _ncci(_claim(["0001U", "0030U"]), ncci=tables)
    assert "ccipra-v322r0-f1.TXT" in f.message
    assert _ncci(_claim(["0001U", "81105"]), ncci=tables) == []  # not in these tables


def test_hospital_tables_check_outpatient_ub04_lines_only():
    hospital = build_tables(read_ptp(PTP_ROWS), [], "hospital PTP rows", setting="hospital")
    d = example_dict("ub04")
    d.update(
        type_of_bill="0131",
        statement_through="2026-02-02",
        admitting_diagnosis=None,
        principal_procedure=None,
        revenue_lines=[
            {
                "revenue_code": "0300",
                "hcpcs": c,
                "service_date": "2026-02-02",
                "units": 1,
                "total_charges": 10,
            }
            for c in ("0001U", "0030U")
        ],
        total_charges=20,
    )
    assert [f.rule for f in _ncci(d, ncci=hospital)] == ["ncci.ptp-modifier-needed"]
    assert _ncci(d) == []  # the bundled practitioner sample is not applied to facility claims
    d["type_of_bill"] = "0111"
    assert _ncci(d, ncci=hospital) == []
