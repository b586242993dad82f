"""Which release answers for a date of service, and how the code sets notice an install."""

from __future__ import annotations

import shutil
from datetime import date

from autograder import cli
from autograder.codes import hcpcs
from autograder.codes.official import store
from autograder.codes.release import Release

PACKAGED_FY2026 = Release("icd10cm", 2026, date(2025, 10, 1), date(2026, 9, 30), "packaged list")


def test_an_installed_release_that_covers_the_date_answers(cache):
    choice = store.choose("icd10pcs", date(2026, 5, 1), PACKAGED_FY2026)
    assert choice.installed.release.label == "icd10pcs FY2026" and choice.warning is None


def test_the_packaged_default_answers_for_its_own_year(empty_cache):
    choice = store.choose("icd10cm", date(2026, 5, 1), PACKAGED_FY2026)
    assert choice.installed is None and choice.warning is None


def test_the_packaged_coverage_may_be_given(empty_cache):
    longer = store.choose("icd10cm", date(2024, 5, 1), PACKAGED_FY2026, lambda day: day.year >= 2016)
    assert longer.installed is None and longer.warning is None
    assert store.choose("icd10cm", date(2024, 5, 1), PACKAGED_FY2026).warning is not None


def test_a_date_nothing_covers_falls_back_with_the_warning(cache):
    choice = store.choose("icd10cm", date(2026, 11, 3), PACKAGED_FY2026)
    assert choice.installed.release.label == "icd10cm FY2026"  # the newest release begun before it
    assert choice.warning.rule == "release.not-covered" and choice.warning.severity == "warning"
    assert "ICD-10-CM FY2027" in choice.warning.message
    assert choice.warning.message.endswith("himlab data fetch --set icd10cm --year 2027")
    earlier = store.choose("icd10cm", date(2019, 3, 1), PACKAGED_FY2026)
    assert earlier.installed.release.year == 2026  # none began before it: the oldest, installed first
    assert "ICD-10-CM FY2019" in earlier.warning.message


def test_himlab_data_fetch_in_this_process_is_seen_at_once(empty_cache, cms_data, monkeypatch):
    assert hcpcs.lookup("E1100").in_table is False  # only the packaged teaching table
    monkeypatch.setenv("HIMLAB_DATA_MIRROR", str(cms_data))
    assert cli.main(["data", "fetch", "--set", "hcpcs"]) == 0
    info = hcpcs.lookup("E1100")
    assert info.in_table is True and info.title.startswith("Semi-reclining wheelchair")


def test_an_install_by_another_process_is_seen(empty_cache, installed_cache, monkeypatch):
    monkeypatch.setattr(store, "RECHECK_SECONDS", 0)
    assert store.releases("hcpcs") == []
    # what another process's install leaves: the release folder and its manifest
    shutil.copytree(installed_cache / "official" / "hcpcs", empty_cache / "official" / "hcpcs")
    assert [r.release.label for r in store.releases("hcpcs")] == ["hcpcs CY2026"]
    assert hcpcs.in_full_file()


def test_switching_himlab_cache_switches_the_releases(cache, tmp_path, monkeypatch):
    assert hcpcs.in_full_file() and hcpcs.release().label == "hcpcs CY2026"
    monkeypatch.setenv("HIMLAB_CACHE", str(tmp_path))
    assert store.releases("icd10cm") == [] and not hcpcs.in_full_file()
    assert hcpcs.release().source.startswith("CMS HCPCS Level II January 2026")
