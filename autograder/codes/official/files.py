"""Finding a release's files in zips and folders, and reading them (``.gz`` and zip members too).

A folder may hold the publisher's zips, or the members taken out of them, plain or gzipped,
at its top or in a sub-folder named for the code set (``DIR/icd10cm/icd10cm_order_2026.txt.gz``).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from autograder.codes.official.errors import InstallError
from autograder.codes.official.sources import CodeSetSource, Member

CHUNK = 1 << 20


@dataclass(frozen=True)
class FileRef:
    """One release file found on disk: a plain or gzipped file, or a member of a zip."""

    member: Member
    year: int
    path: Path
    inner: str | None = None  # member name inside the zip at ``path``

    @property
    def name(self) -> str:
        """The file's own name, without folders or ``.gz`` (``icd10cm_order_2026.txt``)."""
        base = (self.inner or self.path.name).rsplit("/", 1)[-1]
        return base[:-3] if base.lower().endswith(".gz") else base

    @property
    def origin(self) -> str:
        return f"{self.path}!{self.inner}" if self.inner else str(self.path)

    def open(self) -> BinaryIO:
        """The file's bytes, uncompressed; zip and gzip check their CRC when read to the end."""
        if self.inner is not None:
            archive = zipfile.ZipFile(self.path)
            stream = archive.open(self.inner)
            return stream  # the ZipFile closes with its last open member
        if self.path.name.lower().endswith(".gz"):
            return gzip.open(self.path, "rb")  # type: ignore[return-value]
        return open(self.path, "rb")

    def digest(self) -> tuple[str, int]:
        """sha256 and size of the uncompressed file; a damaged file raises :class:`InstallError`."""
        sha, size = hashlib.sha256(), 0
        try:
            with self.open() as stream:
                while block := stream.read(CHUNK):
                    sha.update(block)
                    size += len(block)
        except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
            raise InstallError(f"{self.origin} is damaged ({exc}); get a fresh copy and try again") from exc
        return sha.hexdigest(), size

    def lines(self) -> Iterator[str]:
        """Text lines without line ends; UTF-8, or Windows-1252 for a line that is not UTF-8."""
        with self.open() as stream:
            for raw in stream:
                raw = raw.rstrip(b"\r\n")
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield raw.decode("cp1252", errors="replace")


@dataclass
class Located:
    """The files found for one release: by part, plus parts not found and notes for the user."""

    files: dict[str, FileRef] = field(default_factory=dict)
    missing: list[Member] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _places(directory: Path, code_set: str) -> list[Path]:
    return [p for p in (directory, directory / code_set) if p.is_dir()]


def candidates(places: list[Path], code_set: str) -> list[tuple[Path, str | None]]:
    """Every file under the given zips and folders: ``(path, None)`` or ``(zip path, member)``."""
    found: list[tuple[Path, str | None]] = []
    for place in places:
        if place.is_file():
            found.extend(_zip_members(place))
            continue
        for folder in _places(place, code_set):
            for path in sorted(folder.iterdir()):
                if not path.is_file():
                    continue
                if path.suffix.lower() == ".zip":
                    found.extend(_zip_members(path))
                else:
                    found.append((path, None))
    return found


def _zip_members(path: Path) -> list[tuple[Path, str | None]]:
    try:
        with zipfile.ZipFile(path) as archive:
            return [(path, n) for n in archive.namelist() if not n.endswith("/")]
    except (OSError, zipfile.BadZipFile) as exc:
        raise InstallError(f"{path} is not a complete zip file ({exc}); download it again") from exc


def check_archive(path: Path) -> None:
    """Read every member of a zip and check its CRC; a damaged archive raises :class:`InstallError`."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise InstallError(f"{path} is damaged ({exc}); download it again") from exc
    if bad is not None:
        raise InstallError(f"{path} is damaged: {bad} fails its CRC check; download it again")


def _pick(matches: list[FileRef]) -> FileRef:
    """From several copies of one file: a zip member first (its CRC is checked), then a mid-year
    update (its name carries a month) over the original release, then the last by name."""

    def rank(ref: FileRef) -> tuple[bool, bool, str]:
        return (ref.inner is not None, bool(re.search(r"april|update", ref.name, re.I)), ref.name)

    return max(matches, key=rank)


def locate(source: CodeSetSource, year: int, places: list[Path], strict: bool = False) -> Located:
    """Find every member of ``source`` for ``year`` in ``places``. A missing required member
    raises; with ``strict`` (the publisher's own zips) any missing member does."""
    found = candidates(places, source.code_set)
    located = Located()
    for member in source.members:
        refs = _refs(found, member, year)
        if not refs and member.earlier_year_ok and not strict:
            refs = _refs(found, member, year - 1)
            if refs:
                located.notes.append(
                    f"no {year} {member.description} found; using the {year - 1} one "
                    f"({refs[0].name}) until the {year} file is installed"
                )
        if not refs:
            if member.required or strict:
                raise InstallError(
                    f"the {source.name} {year} {member.description} was not found in "
                    f"{', '.join(map(str, places))} (a file named like {_example(member, year)}); "
                    "add it or choose another --year"
                )
            located.missing.append(member)
            continue
        chosen = _pick(refs)
        names = sorted({r.name for r in refs})
        if len(names) > 1:
            located.notes.append(
                f"several {member.description} files ({', '.join(names)}); using {chosen.name}"
            )
        located.files[member.part] = chosen
    return located


def _refs(found: list[tuple[Path, str | None]], member: Member, year: int) -> list[FileRef]:
    return [
        FileRef(member, year, path, inner)
        for path, inner in found
        if member.matches(inner if inner is not None else path.name, year)
    ]


def _example(member: Member, year: int) -> str:
    return (
        member.pattern.format(year=year)
        .replace("[-_]", "_")
        .replace(".*", "")
        .replace("\\.", ".")
        .replace("[A-Z]{3}", "JAN")
    )


def years_available(source: CodeSetSource, places: list[Path]) -> list[int]:
    """Years for which the first required file of ``source`` is in ``places``, newest first."""
    member = next(m for m in source.members if m.required)
    pattern = member.regex(r"(?P<year>\d{4})")
    years = set()
    for path, inner in candidates(places, source.code_set):
        match = pattern.match((inner or path.name).rsplit("/", 1)[-1])
        if match:
            years.add(int(match.group("year")))
    return sorted(years, reverse=True)


def read_text(ref: FileRef) -> str:
    with ref.open() as stream:
        return stream.read().decode("utf-8", errors="replace")


@contextmanager
def reading(ref: FileRef) -> Iterator[None]:
    """Turn a parse or read failure of ``ref`` into an :class:`InstallError` that names the file."""
    try:
        yield
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise InstallError(f"{ref.origin} could not be read as the {ref.member.description}: {exc}") from exc
