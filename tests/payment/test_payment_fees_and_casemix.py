"""Physician fee schedule and case-mix index against hand-computed examples."""

from __future__ import annotations

import pandas as pd
import pytest
from drg_cases import case

from autograder.payment import case_mix_index, group, physician_fee
from autograder.payment.rates import CY2026_PFS_CONVERSION_FACTOR_QP


def test_national_fee_facility_and_non_facility():
    # (1.00 + 1.50 + 0.10) x $33.4009 = 86.84 non-facility; (1.00 + 0.50 + 0.10) x $33.4009 = 53.44 facility
    fee = physician_fee(1.0, 0.1, facility_pe_rvu=0.5, non_facility_pe_rvu=1.5)
    assert (fee.non_facility.amount, fee.facility.amount) == (86.84, 53.44)
    assert fee.non_facility.conversion_factor == 33.4009
    assert fee.to_dict()["facility"]["amount"] == 53.44


def test_gpcis_adjust_each_component():
    # (1.00 x 1.02 + 1.50 x 1.10 + 0.10 x 0.90) x 33.4009 = 2.76 x 33.4009 = 92.19
    fee = physician_fee(
        1.0, 0.1, facility_pe_rvu=0.5, non_facility_pe_rvu=1.5, work_gpci=1.02, pe_gpci=1.10, mp_gpci=0.90
    )
    assert (fee.non_facility.amount, fee.facility.amount) == (92.19, 55.45)
    assert fee.non_facility.total_rvus == 2.76


def test_qualifying_apm_conversion_factor():
    fee = physician_fee(1.0, 0.1, non_facility_pe_rvu=1.5, conversion_factor=CY2026_PFS_CONVERSION_FACTOR_QP)
    assert fee.non_facility.amount == 87.28 and fee.facility is None


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        ((1.0, 0.1), {}, "facility_pe_rvu"),
        ((-1.0, 0.1), {"facility_pe_rvu": 0.5}, "work_rvu"),
        ((1.0, "x"), {"facility_pe_rvu": 0.5}, "mp_rvu"),
        ((1.0, 0.1), {"facility_pe_rvu": 0.5, "pe_gpci": 0}, "pe_gpci"),
        ((1.0, 0.1), {"facility_pe_rvu": 0.5, "conversion_factor": 0}, "conversion_factor"),
    ],
)
def test_bad_fee_input_names_the_field(args, kwargs, field):
    with pytest.raises(ValueError, match=f"^{field}"):
        physician_fee(*args, **kwargs)


def test_case_mix_index_of_drg_numbers():
    # (0.6285 + 1.3144 + 1.9289) / 3 = 1.2906
    mix = case_mix_index([195, 193, "470"])
    assert (mix.index, mix.cases, mix.total_weight, mix.unpriced) == (1.2906, 3, 3.8718, 0)
    assert mix.to_dict() == {"index": 1.2906, "cases": 3, "total_weight": 3.8718, "unpriced": 0}


def test_case_mix_leaves_out_unpriced_cases():
    mix = case_mix_index([195, 193, 470, 999, None])
    assert (mix.index, mix.cases, mix.unpriced) == (1.2906, 3, 2)


def test_case_mix_of_grouping_results_and_of_a_dataframe():
    results = [group(case("J18.9")), group(case("J18.9", ["J96.01:Y"]))]
    assert case_mix_index(results).index == round((0.6285 + 1.3144) / 2, 4)
    frame = pd.DataFrame({"drg": pd.array([195, 193, None], dtype="Int64")})
    mix = case_mix_index(frame)
    assert (mix.cases, mix.unpriced) == (2, 1)


def test_case_mix_needs_a_priced_case_and_a_drg_column():
    with pytest.raises(ValueError, match="no case"):
        case_mix_index([999])
    with pytest.raises(ValueError, match="'drg' column"):
        case_mix_index(pd.DataFrame({"x": [1]}))
