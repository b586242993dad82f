"""``himlab datasets generate``: writes a set, refuses bad sizes and a file as --out with one line."""

from __future__ import annotations

from dataset_files import read_json

from autograder.cli import main

pytest_plugins = ["dataset_fixtures"]


def test_generate_writes_a_set(tmp_path, capsys):
    out = tmp_path / "set"
    assert (
        main(["datasets", "generate", "--seed", "3", "--out", str(out), "--patients", "30", "--claims", "20"])
        == 0
    )
    manifest = read_json(out / "manifest.json")
    assert manifest["seed"] == 3 and manifest["counts"]["clean_claims"] == 20
    assert "20 clean" in capsys.readouterr().out


def test_bad_sizes_are_usage_errors(tmp_path, capsys):
    assert main(["datasets", "generate", "--out", str(tmp_path), "--claims", "0"]) == 2
    err = capsys.readouterr().err
    assert "--claims" in err and "Traceback" not in err
    assert not (tmp_path / "manifest.json").exists()


def test_out_must_be_a_folder(tmp_path, capsys):
    target = tmp_path / "file.txt"
    target.write_text("x")
    assert main(["datasets", "generate", "--out", str(target)]) == 2
    assert "give a folder" in capsys.readouterr().err


def test_no_fitting_patient_is_a_usage_error(tmp_path, capsys, monkeypatch):
    from autograder.datasets import encounters

    monkeypatch.setattr(encounters, "_fits", lambda scenario, patient: False)
    monkeypatch.setattr(encounters, "_born_in_window", lambda patient: False)
    assert main(["datasets", "generate", "--out", str(tmp_path), "--patients", "3", "--claims", "2"]) == 2
    assert "--patients" in capsys.readouterr().err


def test_uninsured_patients_cannot_fill_a_claim_set(tmp_path, capsys, monkeypatch):
    from autograder.datasets import patients

    everyone_self_pay = {band: ((1.0, "self_pay"),) for band in patients.COVERAGE}
    monkeypatch.setattr(patients, "COVERAGE", everyone_self_pay)
    assert main(["datasets", "generate", "--out", str(tmp_path), "--patients", "5", "--claims", "2"]) == 2
    assert "insured" in capsys.readouterr().err
