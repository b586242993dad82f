"""Installing from a folder: checks that refuse bad files, and a failed install changing nothing."""

from __future__ import annotations

import gzip
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from autograder.codes.official import hcpcs_table, install, sources, store
from autograder.codes.official.errors import InstallError

from .conftest import quiet

HCPCS_TXT = "HCPC2026_JAN_ANWEB_01122026.txt"


def installed_state(code_set: str) -> tuple[str, list[str]]:
    """The manifest text and the release folders: what a failed install must leave alone."""
    root = store.official_dir() / code_set
    return (root / "2026.json").read_text(), sorted(p.name for p in root.iterdir())


@pytest.fixture
def hcpcs_installed(empty_cache, cms_data):
    install.install_from_folder("hcpcs", cms_data, 2026, log=quiet)
    return installed_state("hcpcs")


def hcpcs_folder(
    tmp_path: Path, cms_data: Path, text: bytes | None = None, layout: str | None = None
) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    data = (
        text if text is not None else gzip.decompress((cms_data / "hcpcs" / f"{HCPCS_TXT}.gz").read_bytes())
    )
    (folder / HCPCS_TXT).write_bytes(data)
    if layout is not None:
        (folder / "HCPC2026_recordlayout.txt").write_text(layout)
    return folder


def test_install_records_source_hashes_and_counts(hcpcs_installed, cms_data):
    manifest = json.loads(hcpcs_installed[0])
    assert manifest["label"] == "HCPCS Level II CY2026"
    assert manifest["counts"] == {"codes": 8623, "modifiers": 383}
    assert manifest["files"][HCPCS_TXT]["sha256"] == (
        "1a9ce53ae6546c54e8150fc51b25d2b3e3eeefbca657c2ab2f7f1d7888a2239e"
    )
    assert manifest["files"][HCPCS_TXT]["read_from"].endswith(
        f"january-2026-alpha-numeric-hcpcs-file.zip!{HCPCS_TXT}"
    )
    assert str(cms_data.resolve()) in manifest["source"]


def test_a_damaged_file_is_refused_and_the_installed_release_stays(hcpcs_installed, tmp_path, cms_data):
    folder = tmp_path / "damaged"
    folder.mkdir()
    whole = (cms_data / "hcpcs" / f"{HCPCS_TXT}.gz").read_bytes()
    (folder / f"{HCPCS_TXT}.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InstallError, match="is damaged"):
        install.install_from_folder("hcpcs", folder, 2026, log=quiet)
    assert installed_state("hcpcs") == hcpcs_installed
    assert hcpcs_table.lookup("J1100").short == "Dexamethasone sodium phos"


def test_a_short_file_fails_the_count_check_and_changes_nothing(hcpcs_installed, tmp_path, cms_data):
    whole = gzip.decompress((cms_data / "hcpcs" / f"{HCPCS_TXT}.gz").read_bytes())
    lines = whole.split(b"\r\n")
    folder = hcpcs_folder(tmp_path, cms_data, b"\r\n".join(lines[:-200]))
    with pytest.raises(InstallError, match="expected exactly 8,623"):
        install.install_from_folder("hcpcs", folder, 2026, log=quiet)
    assert installed_state("hcpcs") == hcpcs_installed


def test_the_whole_file_passes_the_same_check(empty_cache, tmp_path, cms_data):
    folder = hcpcs_folder(tmp_path, cms_data)
    assert install.install_from_folder("hcpcs", folder, 2026, log=quiet).manifest["counts"]["codes"] == 8623


def test_a_record_layout_that_moved_a_field_stops_the_install(empty_cache, tmp_path, cms_data):
    layout = (cms_data / "hcpcs" / "HCPC2026_recordlayout.txt").read_text()
    folder = hcpcs_folder(tmp_path, cms_data, layout=layout.replace("1    293    293", "1    294    294"))
    with pytest.raises(InstallError, match="HCPCS Action Code is at columns 294-294"):
        install.install_from_folder("hcpcs", folder, 2026, log=quiet)
    assert not (store.official_dir() / "hcpcs" / "2026.json").exists()
    assert [p.name for p in (store.official_dir() / "hcpcs").iterdir()] == []  # no partial folder left


def test_pcs_tables_and_order_file_must_agree(empty_cache, tmp_path, cms_data):
    folder = tmp_path / "pcs"
    folder.mkdir()
    for name in ("icd10pcs_tables_2026.xml", "icd10pcs_definitions_2026.xml"):
        shutil.copy(cms_data / "icd10pcs" / name, folder)
    order = gzip.decompress((cms_data / "icd10pcs" / "icd10pcs_order_2026.txt.gz").read_bytes()).split(
        b"\r\n"
    )
    dropped = next(i for i, line in enumerate(order) if line[14:15] == b"1")
    (folder / "icd10pcs_order_2026.txt").write_bytes(b"\r\n".join(order[:dropped] + order[dropped + 1 :]))
    with pytest.raises(InstallError, match=r"disagree: 1 code\(s\) only in the tables \(0016070\)"):
        install.install_from_folder("icd10pcs", folder, 2026, log=quiet)


def test_an_official_archive_must_hold_every_expected_member(empty_cache, tmp_path, cms_data):
    archive = tmp_path / "january-2026-alpha-numeric-hcpcs-file.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(cms_data / "hcpcs" / "HCPC2026_recordlayout.txt", "HCPC2026_recordlayout.txt")
    with pytest.raises(InstallError, match="alpha-numeric HCPCS file"):
        install.install("hcpcs", 2026, [archive], origin="test", strict=True, log=quiet)
    with zipfile.ZipFile(archive, "a") as out:
        out.writestr(HCPCS_TXT, gzip.decompress((cms_data / "hcpcs" / f"{HCPCS_TXT}.gz").read_bytes()))
    assert install.install("hcpcs", 2026, [archive], origin="test", strict=True, log=quiet).has("layout")


def test_missing_and_stand_in_files_are_reported(cache, install_log):
    assert "icd10cm: no Alphabetic Index for 2026; installing without it" in install_log
    assert (
        "icd10pcs: no 2026 index found; using the 2025 one (icd10pcs_index_2025.xml) until the 2026 file "
        "is installed" in install_log
    )
    assert store.installed_release("icd10cm").parts == ("drug", "eindex", "neoplasm", "order")
    pcs = store.installed_release("icd10pcs")
    assert pcs.manifest["files"]["icd10pcs_index_2025.xml"]["part"] == "index"
    assert any("not in the icd10pcs_tables_2026.xml tables" in w for w in pcs.manifest["warnings"])


def test_folder_year_and_errors(empty_cache, tmp_path, cms_data):
    assert install.install_from_folder("hcpcs", cms_data, log=quiet).release.year == 2026  # newest found
    with pytest.raises(InstallError, match="not a folder"):
        install.install_from_folder("hcpcs", tmp_path / "nowhere", log=quiet)
    with pytest.raises(InstallError, match="no ICD-10-PCS files"):
        install.install_from_folder("icd10pcs", tmp_path, log=quiet)
    with pytest.raises(InstallError, match="was not found"):
        install.install_from_folder("hcpcs", cms_data, 2027, log=quiet)


def test_count_check_both_ways():
    src = sources.source("hcpcs")
    install.check_counts(src, 2026, {"codes": 8623, "modifiers": 383})
    with pytest.raises(InstallError, match="383"):
        install.check_counts(src, 2026, {"codes": 8623, "modifiers": 382})
    install.check_counts(src, 2027, {"codes": 8400, "modifiers": 383})  # another year: a floor
    with pytest.raises(InstallError, match="at least"):
        install.check_counts(src, 2027, {"codes": 4000, "modifiers": 383})
