"""The one cache folder: the ICD-10-CM index and the installed official releases both live here."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """``$HIMLAB_CACHE``, else the per-user cache folder: ``$XDG_CACHE_HOME/himlab`` or
    ``~/.cache/himlab`` on Linux, ``~/Library/Caches/himlab`` on macOS, ``%LOCALAPPDATA%\\himlab``
    on Windows."""
    configured = os.environ.get("HIMLAB_CACHE")
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "himlab"
