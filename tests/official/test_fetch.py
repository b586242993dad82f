"""``fetch`` through a local HTTP server serving a copy of the official HCPCS zip: a complete
download, an interrupted one (nothing installed changes; the next run resumes with Range), a
damaged archive, a missing file, and the mirror folder."""

from __future__ import annotations

import hashlib
import io
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from autograder.codes.official import fetch, hcpcs_table, install, store
from autograder.codes.official.errors import FetchError, InstallError

from .conftest import quiet

ZIP = "january-2026-alpha-numeric-hcpcs-file.zip"
ZIP_SHA256 = "8f4a26de1eca89205be02fbe48cc899c6c5930cf5d4f6b8c5a227f64450157b0"


class Server:
    """Serves files from a folder; supports Range and can cut a response after ``cut`` bytes."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.cut: int | None = None
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(dict(self.headers))
                path = server.folder / self.path.lstrip("/").replace("%20", " ")
                if not path.is_file():
                    self.send_error(404)
                    return
                data = path.read_bytes()
                start = 0
                ranged = self.headers.get("Range")
                if ranged and self.headers.get("If-Range") in (None, '"v1"'):
                    start = int(ranged.removeprefix("bytes=").split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(data) - start))
                self.send_header("ETag", '"v1"')
                self.end_headers()
                body = data[start:]
                if server.cut is not None:
                    body = body[: server.cut]
                self.wfile.write(body)
                self.wfile.flush()
                if server.cut is not None:
                    self.close_connection = True

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def served(tmp_path, cms_data):
    folder = tmp_path / "served"
    folder.mkdir()
    shutil.copy(cms_data / "hcpcs" / ZIP, folder)
    server = Server(folder)
    yield server
    server.close()


def fetch_hcpcs(server: Server, **options):
    options.setdefault("attempts", 1)
    return fetch.fetch(
        "hcpcs", 2026, base_url=server.url, backoff=0, log=quiet, progress_stream=io.StringIO(), **options
    )


def test_download_checks_and_installs(empty_cache, served):
    installed = fetch_hcpcs(served)
    assert installed.release.source == f"CMS: {served.url}{ZIP}"
    assert installed.manifest["counts"] == {"codes": 8623, "modifiers": 383}
    assert hcpcs_table.lookup("J1100") is not None
    assert not any((store.official_dir() / "downloads").iterdir())  # the archive is not kept
    assert "Range" not in served.requests[0]


def test_interrupted_download_leaves_the_installed_release_untouched_then_resumes(
    empty_cache, served, cms_data
):
    install.install_from_folder("hcpcs", cms_data, 2026, log=quiet)
    manifest = store.official_dir() / "hcpcs" / "2026.json"
    before = manifest.read_text()

    served.cut = 1_000_000
    with pytest.raises(FetchError, match="resumes from there"):
        fetch_hcpcs(served, force=True)
    assert manifest.read_text() == before
    assert hcpcs_table.lookup("J1100").code == "J1100"
    part = store.official_dir() / "downloads" / f"{ZIP}.part"
    assert part.stat().st_size == 1_000_000

    served.cut = None
    installed = fetch_hcpcs(served, force=True)
    assert served.requests[-1]["Range"] == "bytes=1000000-"
    assert served.requests[-1]["If-Range"] == '"v1"'
    assert manifest.read_text() != before
    assert installed.manifest["counts"]["codes"] == 8623
    assert not part.exists()


def test_resumed_bytes_make_the_official_archive(empty_cache, served, monkeypatch):
    served.cut = 700_000
    dest = store.official_dir() / "downloads" / ZIP
    with pytest.raises(FetchError):
        fetch.download(served.url + ZIP, dest, attempts=1, backoff=0)
    served.cut = None
    fetch.download(served.url + ZIP, dest, attempts=1, backoff=0)
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == ZIP_SHA256


def test_a_damaged_archive_is_refused_and_changes_nothing(empty_cache, served, cms_data):
    install.install_from_folder("hcpcs", cms_data, 2026, log=quiet)
    before = (store.official_dir() / "hcpcs" / "2026.json").read_text()
    archive = served.folder / ZIP
    data = bytearray(archive.read_bytes())
    data[len(data) // 3] ^= 0xFF  # inside the compressed data of the HCPCS text file
    archive.write_bytes(bytes(data))
    with pytest.raises(InstallError, match="is damaged"):
        fetch_hcpcs(served, force=True)
    assert (store.official_dir() / "hcpcs" / "2026.json").read_text() == before


def test_a_missing_file_says_how_to_get_it_another_way(empty_cache, served):
    with pytest.raises(FetchError, match="HTTP 404.*--base-url"):
        fetch.fetch("hcpcs", 2027, base_url=served.url, attempts=1, backoff=0, log=quiet)


def test_an_installed_release_is_not_fetched_again_without_force(empty_cache, served, cms_data):
    install.install_from_folder("hcpcs", cms_data, 2026, log=quiet)
    notes: list[str] = []
    fetch.fetch("hcpcs", 2026, base_url=served.url, log=notes.append)
    assert served.requests == [] and "already installed" in notes[0]


def test_the_mirror_folder_replaces_the_network(empty_cache, cms_data, monkeypatch):
    monkeypatch.setenv("HIMLAB_DATA_MIRROR", str(cms_data))
    monkeypatch.setenv("HIMLAB_DATA_BASE_URL", "http://127.0.0.1:9/never-used/")
    installed = fetch.fetch("hcpcs", log=quiet)
    assert installed.release.year == 2026 and "folder" in installed.release.source


def test_progress_lines_when_not_a_terminal():
    stream = io.StringIO()
    bar = fetch.ProgressLine("hcpcs x.zip", stream)
    bar(1_000_000, 2_000_000)
    bar(2_000_000, 2_000_000)
    bar.finish()
    assert stream.getvalue().splitlines() == [
        "hcpcs x.zip: downloading, 1.0 of 2.0 MB",
        "hcpcs x.zip: received 2.0 of 2.0 MB",
    ]


def test_the_command_reports_a_failed_fetch_and_exits_1(empty_cache, served, capsys):
    from .test_commands import run

    assert run(["data", "fetch", "--set", "hcpcs", "--year", "2027", "--base-url", served.url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("himlab data: hcpcs: ") and "answered HTTP 404" in err
