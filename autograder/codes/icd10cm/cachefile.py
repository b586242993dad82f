"""The built index on disk: where it lives, and building it once, safely, when it is missing.

The file name carries the source file's sha256 and the index schema version, so a changed source
or a new schema builds a fresh index. Building writes a temporary file in the same folder and
renames it into place (``os.replace`` is atomic), under an exclusive lock so two processes that
start at once build it once; readers never see a half-written index.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from autograder.codes.cache import cache_dir

SCHEMA = 9


def index_path(sha256: str, folder: Path | None = None) -> Path:
    return (folder or cache_dir()) / f"icd10cm-{sha256[:16]}-v{SCHEMA}.sqlite"


@contextlib.contextmanager
def _exclusive(lock_file: Path):
    """Hold an exclusive lock on ``lock_file`` (POSIX); elsewhere the atomic rename alone keeps it safe."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(lock_file, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_index() -> Path:
    """The path of a complete index for the installed source, building it first if needed."""
    from autograder.codes.icd10cm import source

    folder = cache_dir()
    xml = source.tabular_path()
    target = index_path(source.file_hash(xml, folder), folder)
    if target.exists():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(
            f"cannot create the index folder {folder} ({exc}); set HIMLAB_CACHE to a writable folder"
        ) from exc
    with _exclusive(folder / "icd10cm.lock"):
        if not target.exists():
            _build_into(xml, target)
    return target


def _build_into(xml: Path, target: Path) -> None:
    from autograder.codes.icd10cm import build

    fd, tmp = tempfile.mkstemp(prefix=".icd10cm-", suffix=".building", dir=target.parent)
    os.close(fd)
    try:
        build.write(xml, Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index is public data
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    for old in target.parent.glob("icd10cm-*.sqlite"):
        if old != target:
            with contextlib.suppress(OSError):  # still open elsewhere on Windows: leave it for next time
                old.unlink()
