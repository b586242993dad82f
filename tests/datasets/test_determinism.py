"""Generation is deterministic: the same seed and sizes give byte-identical files, a different seed
gives different data, and the committed ``datasets/`` is exactly a fresh default generation."""

from __future__ import annotations

import hashlib

from dataset_files import read_json

from autograder.datasets import DEFAULT_CLAIMS, DEFAULT_PATIENTS, DEFAULT_SEED, generate

pytest_plugins = ["dataset_fixtures"]


def _files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_same_seed_same_bytes(small_set, tmp_path):
    generate(tmp_path, seed=7, patients=60, claims=80)
    assert _files(tmp_path) == _files(small_set)


def test_another_seed_other_data(small_set, tmp_path):
    generate(tmp_path, seed=8, patients=60, claims=80)
    assert (tmp_path / "patients.csv").read_bytes() != (small_set / "patients.csv").read_bytes()
    assert (tmp_path / "encounters.json").read_bytes() != (small_set / "encounters.json").read_bytes()


def test_manifest_lists_every_file_with_its_checksum(small_set):
    manifest = read_json(small_set / "manifest.json")
    on_disk = {p.relative_to(small_set).as_posix() for p in small_set.rglob("*") if p.is_file()}
    assert set(manifest["files"]) == on_disk - {"manifest.json"}
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((small_set / name).read_bytes()).hexdigest() == digest, name


def test_committed_set_is_a_fresh_default_generation(committed, tmp_path):
    manifest = generate(tmp_path, seed=DEFAULT_SEED, patients=DEFAULT_PATIENTS, claims=DEFAULT_CLAIMS)
    fresh = _files(tmp_path)
    kept = _files(committed)
    assert set(kept) - set(fresh) == {"README.md"}, "datasets/ holds files the generator does not write"
    for name, data in fresh.items():
        assert kept.get(name) == data, f"datasets/{name} differs from a fresh generation; regenerate it"
    assert read_json(committed / "manifest.json") == manifest


def test_sizes_are_honoured(small_set):
    manifest = read_json(small_set / "manifest.json")
    assert manifest["counts"]["clean_claims"] == 80
    assert manifest["patients"] == 60
    clean = read_json(small_set / "claims" / "cms1500_clean.json") + read_json(
        small_set / "claims" / "ub04_clean.json"
    )
    assert len(clean) == 80
    assert len(read_json(small_set / "encounters.json")) == manifest["counts"]["encounters"]
