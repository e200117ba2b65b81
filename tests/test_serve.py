"""Live preview: saving a record refreshes its page (a real `pcor-site serve` on 127.0.0.1)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_saving_a_record_refreshes_its_page(hub_copy: Path):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pcor_site", "serve", "--root", str(hub_copy), "--address", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/tools/fixture-tool/"
    try:
        assert _wait_for(url, ">Fixture toolkit</h1>"), "the preview never served the record page"
        record = hub_copy / "content/tool/fixture-tool.yml"
        record.write_text(record.read_text(encoding="utf-8").replace("title: Fixture toolkit", "title: Renamed toolkit"), encoding="utf-8")
        assert _wait_for(url, ">Renamed toolkit</h1>"), "saving the record did not refresh its page"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    assert b"Traceback" not in process.stdout.read()
