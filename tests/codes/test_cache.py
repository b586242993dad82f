"""One cache folder for the ICD-10-CM index and the installed official releases."""

from __future__ import annotations

from autograder.codes import cache
from autograder.codes.icd10cm import cachefile
from autograder.codes.official import store


def test_himlab_cache_sets_the_folder_for_both(monkeypatch, tmp_path):
    monkeypatch.setenv("HIMLAB_CACHE", str(tmp_path / "here"))
    assert cache.cache_dir() == tmp_path / "here"
    assert cachefile.index_path("a" * 64).parent == tmp_path / "here"
    assert store.official_dir() == tmp_path / "here" / "official"


def test_without_himlab_cache_the_per_user_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("HIMLAB_CACHE", raising=False)
    monkeypatch.setattr(cache.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "himlab"
    assert store.official_dir() == tmp_path / "xdg" / "himlab" / "official"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(cache.Path, "home", lambda: tmp_path / "home")
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "himlab"


def test_the_rule_lives_in_one_place():
    assert cachefile.cache_dir is cache.cache_dir is store.cache_dir
