"""Installed releases, the release chosen by date of service, and the missing-release warning."""

import json
from datetime import date, datetime

import pytest

from autograder.codes.official import store
from autograder.codes.official.errors import NotInstalled
from autograder.codes.release import Release

PACKAGED_FY2027 = Release("icd10cm", 2027, date(2026, 10, 1), date(2027, 9, 30), "a packaged default")


def test_claim_dated_in_fy2027_with_only_fy2026_installed_gets_the_warning(cache):
    finding = store.release_finding("icd10cm", date(2026, 11, 3))
    assert finding is not None
    assert (finding.rule, finding.severity, finding.locator) == (
        "release.not-covered",
        "warning",
        "ICD-10-CM",
    )
    assert "ICD-10-CM FY2027" in finding.message
    assert "checked against ICD-10-CM FY2026 instead" in finding.message
    assert finding.message.endswith("himlab data fetch --set icd10cm --year 2027")


def test_a_datetime_counts_as_its_date(cache):
    assert store.release_finding("icd10cm", datetime(2026, 11, 3, 9, 30)) is not None
    assert store.release_finding("icd10cm", datetime(2026, 5, 1, 23, 59)) is None
    assert store.installed_release("icd10cm", datetime(2026, 5, 1, 8)).release.year == 2026


def test_no_warning_when_a_release_covers_the_date(cache):
    assert store.release_finding("icd10cm", date(2026, 5, 1)) is None
    assert store.release_finding("icd10pcs", date(2025, 10, 1)) is None
    assert store.release_finding("hcpcs", date(2026, 11, 3)) is None
    assert store.release_finding("icd10cm", None) is None


def test_a_packaged_release_the_caller_uses_counts(cache):
    assert store.release_finding("icd10cm", date(2026, 11, 3), available=(PACKAGED_FY2027,)) is None


def test_hcpcs_runs_by_calendar_year(cache):
    finding = store.release_finding("hcpcs", date(2027, 1, 5))
    assert "HCPCS Level II CY2027" in finding.message and "--set hcpcs --year 2027" in finding.message


def test_nothing_installed_still_names_the_release_and_command(empty_cache):
    finding = store.release_finding("icd10pcs", date(2026, 11, 3))
    assert "no release is installed" in finding.message
    assert "himlab data fetch --set icd10pcs --year 2027" in finding.message


def test_release_chosen_by_date(cache):
    assert store.installed_release("icd10cm", date(2026, 11, 3)) is None
    chosen = store.installed_release("icd10cm", date(2026, 5, 1))
    assert chosen.release.label == "icd10cm FY2026"
    assert chosen.release.files["icd10cm_order_2026.txt"] == (
        "6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b"
    )
    assert store.installed_release("icd10cm").release.year == 2026  # no date: the newest installed
    assert chosen.has("eindex") and not chosen.has("index")


def test_require_names_what_is_missing(empty_cache):
    with pytest.raises(NotInstalled, match="install it with: himlab data fetch --set hcpcs --year 2026"):
        store.require("hcpcs", "hcpcs", date(2026, 3, 1))


def test_a_manifest_from_another_schema_is_not_used(tmp_path, monkeypatch, installed_cache):
    monkeypatch.setenv("HIMLAB_CACHE", str(tmp_path))
    folder = tmp_path / "official" / "hcpcs"
    folder.mkdir(parents=True)
    manifest = json.loads((installed_cache / "official" / "hcpcs" / "2026.json").read_text())
    (folder / "2026.json").write_text(json.dumps({**manifest, "schema": store.SCHEMA + 1}))
    assert store.releases("hcpcs") == []
    assert store.unusable("hcpcs") == [folder / "2026.json"]


def test_dates_at_the_edge_of_the_calendar_get_a_warning_not_a_traceback(cache):
    for day in (date.min, date(1, 1, 1), date(9999, 11, 1), date.max):
        finding = store.release_finding("icd10cm", day)
        assert finding.rule == "release.not-covered" and "check the date of service" in finding.message
        assert "himlab data fetch" not in finding.message
    last = store.release_finding("hcpcs", date(2100, 5, 1))
    assert last.message.endswith("himlab data fetch --set hcpcs --year 2100")
