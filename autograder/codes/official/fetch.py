"""``himlab data fetch``: download a release's archives from CDC/CMS, check and install them.

Downloads go to ``$HIMLAB_CACHE/official/downloads/<file>.part``; a stopped download is resumed
with an HTTP ``Range`` request (guarded by ``If-Range``, so a file changed on the server is
fetched again from the start). Only a complete archive is installed, through :mod:`install`,
which leaves the installed release untouched when anything fails. ``HIMLAB_DATA_MIRROR=DIR``
reads a local folder instead; ``HIMLAB_DATA_BASE_URL`` (or ``--base-url``) fetches every archive
by its file name from another address.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from autograder import __version__
from autograder.codes.official import files, install, store
from autograder.codes.official.errors import FetchError, InstallError
from autograder.codes.official.sources import current_year, source

USER_AGENT = f"him-coding-lab/{__version__} (himlab data fetch)"
CHUNK = 1 << 16
Progress = Callable[[int, int | None], None]


class ProgressLine:
    """Download progress on one terminal line (rewritten in place), or a line when the download
    starts and one when it stops when the stream is not a terminal."""

    def __init__(self, label: str, stream: TextIO = sys.stderr):
        self.label = label
        self.stream = stream
        self.tty = stream.isatty()
        self.last = 0.0
        self.size = ""

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        started = bool(self.size)
        self.size = f"{done / 1e6:.1f} of {total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
        if not started and not self.tty:
            print(f"{self.label}: downloading, {self.size}", file=self.stream, flush=True)
        if self.tty and (now - self.last > 0.2 or (total and done >= total)):
            percent = f" {100 * done // total}%" if total else ""
            print(f"\r{self.label}: {self.size}{percent}   ", end="", file=self.stream, flush=True)
            self.last = now

    def finish(self) -> None:
        if self.size:
            print("" if self.tty else f"{self.label}: received {self.size}", file=self.stream, flush=True)


def _attempt(url: str, part: Path, info: Path, timeout: float, progress: Progress) -> None:
    saved = json.loads(info.read_text()) if info.exists() else {}
    offset = part.stat().st_size if part.exists() and saved.get("url") == url else 0
    headers = {"User-Agent": USER_AGENT}
    if offset:
        headers["Range"] = f"bytes={offset}-"
        validator = saved.get("etag") or saved.get("last_modified")
        if validator:
            headers["If-Range"] = validator
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as response:
        length = response.headers.get("Content-Length")
        if offset and response.status == 206:
            match = re.match(r"bytes (\d+)-\d+/(\d+|\*)", response.headers.get("Content-Range", ""))
            if not match or int(match.group(1)) != offset:
                part.unlink(missing_ok=True)
                raise OSError("the server resumed at another place; starting again")
            total = int(match.group(2)) if match.group(2) != "*" else None
            mode = "ab"
        else:
            offset, mode = 0, "wb"
            total = int(length) if length else None
        info.write_text(
            json.dumps(
                {
                    "url": url,
                    "etag": response.headers.get("ETag"),
                    "last_modified": response.headers.get("Last-Modified"),
                    "total": total,
                }
            )
        )
        done = offset
        with open(part, mode) as out:
            while True:
                try:
                    block = response.read(CHUNK)
                except http.client.IncompleteRead as exc:
                    out.write(exc.partial)
                    raise
                if not block:
                    break
                out.write(block)
                done += len(block)
                progress(done, total)
    if total is not None and done != total:
        raise OSError(f"received {done:,} of {total:,} bytes")


def download(
    url: str,
    dest: Path,
    *,
    attempts: int = 3,
    backoff: float = 2.0,
    timeout: float = 60.0,
    progress: Progress | None = None,
) -> Path:
    """Download ``url`` to ``dest``, resuming what an earlier try left in ``dest.part``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    info = dest.with_name(dest.name + ".part.json")
    dest.unlink(missing_ok=True)
    problem: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            _attempt(url, part, info, timeout, progress or (lambda done, total: None))
            os.replace(part, dest)
            info.unlink(missing_ok=True)
            return dest
        except urllib.error.HTTPError as exc:
            if exc.code == 416:  # what was kept no longer fits the file: start again
                part.unlink(missing_ok=True)
                info.unlink(missing_ok=True)
                problem = exc
                continue
            raise FetchError(
                f"{url} answered HTTP {exc.code} ({exc.reason}); the publisher may name this year's file "
                "differently: give --base-url, or save the files and use `himlab data install --from DIR`"
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            problem = exc
            if attempt < attempts:
                time.sleep(backoff * attempt)
    kept = part.stat().st_size if part.exists() else 0
    raise FetchError(
        f"downloading {url} failed after {attempts} tries ({problem or 'no answer'}); "
        f"{kept:,} bytes are kept and the same command resumes from there"
    )


def fetch(
    code_set: str,
    year: int | None = None,
    *,
    base_url: str | None = None,
    mirror: Path | None = None,
    force: bool = False,
    attempts: int = 3,
    backoff: float = 2.0,
    log: install.Log = install.stderr_log,
    progress_stream: TextIO = sys.stderr,
) -> store.InstalledRelease:
    """Download (or read from ``mirror``) and install one code set's release; ``year`` defaults
    to the one in force today. Returns the installed release; raises ``OfficialDataError``."""
    src = source(code_set)
    base_url = base_url or os.environ.get("HIMLAB_DATA_BASE_URL") or None
    if mirror is None and os.environ.get("HIMLAB_DATA_MIRROR"):
        mirror = Path(os.environ["HIMLAB_DATA_MIRROR"])
    if year is None and mirror is not None:
        found = files.years_available(src, [mirror])
        if not found:
            raise InstallError(f"no {src.name} files in the mirror {mirror}")
        year = found[0]
    year = year or current_year(code_set)
    existing = next((r for r in store.releases(code_set) if r.release.year == year), None)
    if existing and not force:
        log(f"{code_set}: {src.label(year)} is already installed; --force installs it again")
        return existing
    if mirror is not None:
        return install.install_from_folder(code_set, mirror, year, log=log)
    downloads = store.official_dir() / "downloads"
    paths, urls = [], []
    try:
        for archive in src.archives:
            url = archive.address(year, base_url)
            bar = ProgressLine(f"{code_set} {archive.file_name(year)}", progress_stream)
            try:
                dest = downloads / archive.file_name(year)
                paths.append(download(url, dest, attempts=attempts, backoff=backoff, progress=bar))
            finally:
                bar.finish()
            urls.append(url)
        return install.install(code_set, year, paths, origin=", ".join(urls), strict=True, log=log)
    finally:
        for path in paths:  # complete archives are not kept; an unfinished ``.part`` is, to resume
            path.unlink(missing_ok=True)
