"""IPPS estimates against hand-computed examples (FY2026 Tables 1A/1B/1D and Table 5 figures typed in)."""

from __future__ import annotations

import pytest
from drg_cases import case

from autograder.payment import Hospital, group, ipps_estimate
from autograder.payment.rates import FY2026_IPPS


def test_national_operating_and_capital_for_drg_193():
    # Table 1B (wage index 1.0 <= 1): 1.3144 x ($4,186.62 + $2,565.99) = 8,875.630584
    # Table 1D capital: 1.3144 x $524.15 x 1.0 ** 0.6848 = 688.94276
    est = ipps_estimate(193)
    assert (est.operating, est.capital, est.full_payment, est.total) == (8875.63, 688.94, 9564.57, 9564.57)
    assert est.transfer is None
    assert "Table 1B" in est.steps[1]


def test_wage_index_above_one_uses_table_1a_and_the_capital_gaf():
    # Table 1A: 1.9289 x ($4,456.72 x 1.2 + $2,295.89) = 14,744.4228706
    # capital: 1.9289 x $524.15 x 1.2 ** 0.6848 (1.1329828) = 1,145.4829
    est = ipps_estimate(470, hospital=Hospital(wage_index=1.2))
    assert (est.operating, est.capital, est.total) == (14744.42, 1145.48, 15889.90)
    assert "Table 1A" in est.steps[1]


def test_hospital_without_quality_data_gets_the_reduced_amount():
    # Table 1B, did not submit quality data, meaningful EHR user: 1.3144 x ($4,152.95 + $2,545.36)
    est = ipps_estimate(193, hospital=Hospital(quality_data=False))
    assert est.operating == 8804.26


def test_the_two_tables_share_one_standardized_amount():
    assert FY2026_IPPS.standardized_amount(1.1).total == FY2026_IPPS.standardized_amount(0.9).total == 6752.61
    assert round(FY2026_IPPS.standardized_amount(1.1).labor_share, 3) == 0.660
    assert round(FY2026_IPPS.standardized_amount(0.9).labor_share, 3) == 0.620


def test_post_acute_transfer_is_paid_per_diem():
    # 193 is a post-acute DRG (GMLOS 3.9); 2 days then SNF: $9,564.57 / 3.9 x (2 + 1) = 7,357.36
    est = ipps_estimate(193, length_of_stay=2, discharge_status="03")
    assert est.transfer.applied and est.transfer.method == "per diem"
    assert (est.transfer.per_diem, est.total) == (2452.45, 7357.36)


def test_post_acute_transfer_at_the_gmlos_gets_the_full_payment():
    # 3 days: $9,564.57 / 3.9 x 4 = 9,809.82 is above the full payment, which is paid
    est = ipps_estimate(193, length_of_stay=3, discharge_status="03")
    assert not est.transfer.applied and est.total == 9564.57


def test_special_pay_drg_gets_half_plus_half_per_diem():
    # 029 (special pay, GMLOS 4.7): full $23,037.20 + $1,788.19 = $24,825.39; 1 day then rehab (62):
    # 50% x 24,825.39 + 50% x (24,825.39 / 4.7) x 2 = 17,694.69
    est = ipps_estimate(29, length_of_stay=1, discharge_status="62")
    assert est.transfer.method == "special pay" and est.total == 17694.69


def test_acute_transfer_uses_the_per_diem_even_for_special_pay_drgs():
    # to another acute hospital (02): (24,825.39 / 4.7) x 2 = 10,564.00
    est = ipps_estimate(29, length_of_stay=1, discharge_status="02")
    assert (est.transfer.kind, est.transfer.method, est.total) == ("acute", "per diem", 10564.00)


def test_post_acute_discharge_of_a_drg_outside_the_policy_is_paid_in_full():
    # 885 is not a post-acute DRG: SNF discharge changes nothing, an acute transfer still does
    snf = ipps_estimate(885, length_of_stay=2, discharge_status="03")
    assert snf.transfer is None and snf.total == 10164.18
    assert any("not a post-acute transfer DRG" in s for s in snf.steps)
    acute = ipps_estimate(885, length_of_stay=2, discharge_status="02")
    assert acute.total == 4691.16  # 10,164.18 / 6.5 x 3


def test_transfer_without_length_of_stay_asks_for_it():
    est = ipps_estimate(193, discharge_status="03")
    assert est.transfer is None and est.total == 9564.57
    assert any("give the length of stay" in s for s in est.steps)


def test_cost_outlier_pays_eighty_percent_above_the_threshold():
    # threshold 9,564.57 + 40,397 = 49,961.57; cost 300,000 x 0.25 = 75,000; 80% x 25,038.43 = 20,030.74
    est = ipps_estimate(193, hospital=Hospital(cost_to_charge_ratio=0.25), covered_charges=300000)
    assert (est.outlier.threshold, est.outlier.cost, est.outlier.payment) == (49961.57, 75000.0, 20030.74)
    assert est.total == 29595.31
    below = ipps_estimate(193, hospital=Hospital(cost_to_charge_ratio=0.25), covered_charges=100000)
    assert below.outlier.payment == 0.0 and below.total == 9564.57


def test_burn_drgs_get_ninety_percent():
    # 935 (MDC 22): full 13,910.38 + 1,079.75 = 14,990.13; threshold 55,387.13; cost 80,000: 90% x 24,612.87
    est = ipps_estimate(935, hospital=Hospital(cost_to_charge_ratio=0.2), covered_charges=400000)
    assert (est.outlier.marginal_cost, est.outlier.payment, est.total) == (0.9, 22151.58, 37141.71)


def test_outlier_threshold_is_explained_without_charges():
    est = ipps_estimate(193)
    assert est.outlier.threshold == 49961.57 and est.outlier.cost is None
    assert any("fixed-loss amount $40,397.00" in s for s in est.steps)


def test_estimate_from_a_grouping_result_uses_its_status_and_stay():
    result = group(case("J18.9", ["J96.01:Y"], discharge_status="03", admission_date="2026-05-13"))
    est = ipps_estimate(result)
    assert est.drg == 193 and est.transfer.length_of_stay == 2 and est.total == 7357.36


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"drg": 999}, "drg"),
        ({"drg": 1000}, "drg"),
        ({"drg": 193, "length_of_stay": 0}, "length_of_stay"),
        ({"drg": 193, "discharge_status": "99"}, "discharge_status"),
        ({"drg": 193, "covered_charges": 1000}, "cost_to_charge_ratio"),
        (
            {"drg": 193, "covered_charges": -5, "hospital": Hospital(cost_to_charge_ratio=0.3)},
            "covered_charges",
        ),
    ],
)
def test_input_that_cannot_be_priced_names_the_field(kwargs, field):
    with pytest.raises(ValueError, match=f"^{field}"):
        ipps_estimate(kwargs.pop("drg"), **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "field"), [({"wage_index": 0}, "wage_index"), ({"cost_to_charge_ratio": -1}, "cost")]
)
def test_bad_hospital_figures_name_the_field(kwargs, field):
    with pytest.raises(ValueError, match=f"^{field}"):
        Hospital(**kwargs)
