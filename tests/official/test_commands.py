"""``himlab data``: status, install and fetch through the command line parser."""

from __future__ import annotations

import argparse
import json

import pytest

from autograder.cli import UsageError
from autograder.codes.official import commands


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="himlab")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


def test_status_lists_releases_with_source_and_hashes(cache, capsys):
    assert run(["data", "status"]) == 0
    out = capsys.readouterr().out
    assert "ICD-10-CM FY2026  2025-10-01 to 2026-09-30" in out
    assert (
        "icd10cm_order_2026.txt  sha256 6dc95c9c7e96c734806e1682f4bf9df76251d60e99199bba0d375ba3dd11026b"
        in out
    )
    assert "HCPCS Level II CY2026" in out


def test_status_json(cache, capsys):
    assert run(["data", "status", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["label"] for r in rows} == {"ICD-10-CM FY2026", "ICD-10-PCS FY2026", "HCPCS Level II CY2026"}
    pcs = next(r for r in rows if r["code_set"] == "icd10pcs")
    assert pcs["counts"]["billable codes"] == 79115 and pcs["files"]["icd10pcs_index_2025.xml"]["sha256"]


def test_status_with_nothing_installed(empty_cache, capsys):
    assert run(["data", "status"]) == 0
    assert "packaged defaults are in use" in capsys.readouterr().out


def test_install_from_a_folder(empty_cache, cms_data, capsys):
    assert run(["data", "install", "--from", str(cms_data), "--set", "hcpcs"]) == 0
    assert "installed HCPCS Level II CY2026" in capsys.readouterr().err


def test_install_failure_exits_1_with_the_reason(empty_cache, cms_data, capsys):
    assert run(["data", "install", "--from", str(cms_data), "--set", "hcpcs", "--year", "2027"]) == 1
    assert "himlab data: hcpcs: the HCPCS Level II 2027" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["data", "install", "--from", "/no/such/folder"], "is not a folder"),
        (["data", "fetch", "--year", "26"], "not a release year"),
        (["data", "fetch", "--mirror", "/no/such/folder"], "is not a folder"),
    ],
)
def test_usage_mistakes(empty_cache, argv, message):
    with pytest.raises(UsageError, match=message):
        run(argv)


def test_install_all_with_no_release_files(empty_cache, tmp_path):
    with pytest.raises(UsageError, match="no ICD-10-CM, ICD-10-PCS or HCPCS release files"):
        run(["data", "install", "--from", str(tmp_path)])


def test_data_without_an_action_shows_help(capsys):
    assert run(["data"]) == 2
    assert "fetch" in capsys.readouterr().err
