"""The ICD-10-CM index on disk: named by the source hash, built once, safe when processes race."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from autograder.codes.icd10cm import cachefile, source

BUILD = "from autograder.codes.icd10cm import cachefile; print(cachefile.ensure_index())"


def test_index_name_carries_the_source_hash_and_schema(tmp_path):
    a = cachefile.index_path("a" * 64, tmp_path)
    b = cachefile.index_path("b" * 64, tmp_path)
    assert a != b
    assert a.name == f"icd10cm-{'a' * 16}-v{cachefile.SCHEMA}.sqlite"


def test_a_changed_source_gets_a_new_hash(tmp_path):
    xml = tmp_path / "tabular.xml"
    xml.write_text("<ICD10CM.tabular/>")
    first = source.file_hash(xml, tmp_path)
    assert first == source.file_hash(xml, tmp_path)
    xml.write_text("<ICD10CM.tabular><version>2027</version></ICD10CM.tabular>")
    os.utime(xml, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert source.file_hash(xml, tmp_path) != first


def test_the_installed_source_is_found_without_importing_its_package():
    code = (
        "import sys; from autograder.codes.icd10cm import source; print(source.tabular_path().name); "
        "print('simple_icd_10_cm' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == [source.FILE_NAME, "False"]


def test_two_processes_building_at_once_both_succeed(tmp_path):
    """Both start with an empty cache; one builds under the lock, the other waits and reuses it."""
    stale = tmp_path / "icd10cm-0000000000000000-v0.sqlite"
    stale.write_bytes(b"an index from an older source")
    env = {**os.environ, "HIMLAB_CACHE": str(tmp_path)}
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", BUILD], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in racers]
    assert [p.returncode for p in racers] == [0, 0], [err for _, err in results]
    paths = {out.strip() for out, _ in results}
    assert len(paths) == 1
    (path,) = paths
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM code WHERE billable = 1").fetchone() == (74_719,)
    assert db.execute("SELECT count(*) FROM code_text WHERE code_text MATCH 'diabetes'").fetchone()[0] > 0
    db.close()
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == [os.path.basename(path)]
    assert not list(tmp_path.glob(".icd10cm-*"))  # no temporary file left behind


def test_an_unwritable_cache_folder_says_how_to_fix_it(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("HIMLAB_CACHE", str(blocker / "cache"))
    with pytest.raises(OSError, match="HIMLAB_CACHE"):
        cachefile.ensure_index()


def test_a_missing_source_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(source.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(source.SourceMissing, match="pip install"):
        source.tabular_path()
