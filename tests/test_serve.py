"""Live preview: a real `pcor-site serve` on 127.0.0.1 — the address printed when ready, saving a
record refreshes its page, nothing rebuilt while nothing changes, a content error shown in the
browser as well as the terminal, and a preview that starts before any successful build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from browsing import free_port

TOOL = "content/tool/fixture-tool.yml"


class Served:
    """`pcor-site serve` in its own process group; its output collected line by line."""

    def __init__(self, root: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pcor_site", "serve", "--root", str(root), "--address", f"127.0.0.1:{self.port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def output(self) -> str:
        return "\n".join(self.lines)

    def fetch(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(self, check, seconds: float = 120) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():
                return True
            time.sleep(0.2)
        return False

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)


def edit(root: Path, old: str, new: str) -> None:
    path = root / TOOL
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_saving_a_record_refreshes_its_page_and_an_error_shows_in_the_browser(hub_copy: Path):
    served = Served(hub_copy)
    try:
        assert served.wait_for(lambda: f"serving {served.base}" in served.output()), served.output()
        assert ">Fixture toolkit</h1>" in served.fetch("tools/fixture-tool/")
        manifest = hub_copy / "build/docs/.pcor-manifest.json"
        stamp = manifest.stat().st_mtime_ns

        edit(hub_copy, "title: Fixture toolkit", "title: Renamed toolkit")
        assert served.wait_for(lambda: ">Renamed toolkit</h1>" in served.fetch("tools/fixture-tool/")), served.output()
        assert served.wait_for(lambda: "preview updated" in served.output())
        updates = served.output().count("pcor-site preview")
        time.sleep(3)  # idle: the watcher sees no change of its own making, so nothing is rebuilt
        assert served.output().count("pcor-site preview") == updates, served.output()
        assert manifest.stat().st_mtime_ns == stamp  # the same files, so the manifest was not rewritten

        edit(hub_copy, "title: Renamed toolkit", "title: [broken")
        assert served.wait_for(lambda: 'id="pcor-preview-errors"' in served.fetch("tools/fixture-tool/")), served.output()
        page = served.fetch("tools/fixture-tool/")
        assert f"<code>{TOOL}:1:1</code> <strong>E105</strong>" in page and ">Renamed toolkit</h1>" in page  # last good version kept
        assert f"{TOOL}:1:1: E105" in served.output()  # and in the terminal

        edit(hub_copy, "title: [broken", "title: Fixed toolkit")
        assert served.wait_for(lambda: ">Fixed toolkit</h1>" in served.fetch("tools/fixture-tool/")), served.output()
        assert 'id="pcor-preview-errors"' not in served.fetch("tools/fixture-tool/")
    finally:
        served.stop()
    assert "Traceback" not in served.output()


def test_serve_starts_before_any_successful_build(hub_copy: Path):
    edit(hub_copy, "title: Fixture toolkit", "title: [broken")
    served = Served(hub_copy)
    try:
        assert served.wait_for(lambda: f"serving {served.base}" in served.output()), served.output()
        assert "content has errors" in served.output() and f"{TOOL}:1:1: E105" in served.output()
        page = served.fetch("tools/fixture-tool/")
        assert "The preview is not built yet" in page and f"<code>{TOOL}:1:1</code> <strong>E105</strong>" in page
        assert "livereload" in page  # the error page reloads itself once the content is fixed
        edit(hub_copy, "title: [broken", "title: Fixture toolkit")
        assert served.wait_for(lambda: ">Fixture toolkit</h1>" in served.fetch("tools/fixture-tool/")), served.output()
    finally:
        served.stop()
    assert "Traceback" not in served.output()


def test_a_busy_port_or_a_bad_address_is_a_message(hub_copy: Path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "pcor_site", "serve", "--root", str(hub_copy), "--address", f"127.0.0.1:{port}"],
                              capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and f"error: cannot listen on 127.0.0.1:{port}: Address already in use" in done.stderr
    done = subprocess.run([sys.executable, "-m", "pcor_site", "serve", "--root", str(hub_copy), "--address", "localhost:eighty"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "error: --address must be HOST:PORT" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
