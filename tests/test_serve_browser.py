"""A real `pcor-site serve` and real headless Chromium: a saved edit shows in the open tab by
itself (the reload script), after the incremental round. The seconds from save to the new text
on screen are printed, never asserted (speed is measured in benchmarks/)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from browsing import Browser

TOOL = "content/tool/fixture-tool.yml"
PORTS = range(8320, 8330)  # this test's ports on the shared machine


def port_in_range() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError(f"no free port in {PORTS}")


def test_a_saved_edit_shows_in_the_open_tab(hub_copy: Path):
    port = port_in_range()
    lines: list[str] = []
    process = subprocess.Popen([sys.executable, "-m", "pcor_site", "serve", "--root", str(hub_copy), "--address", f"127.0.0.1:{port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    threading.Thread(target=lambda: lines.extend(line.rstrip("\n") for line in process.stdout), daemon=True).start()
    chromium = None
    try:
        deadline = time.monotonic() + 180
        while not any("serving http://127.0.0.1" in line for line in lines) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        assert any(f"serving http://127.0.0.1:{port}/" in line for line in lines), "\n".join(lines)
        chromium = Browser(f"http://127.0.0.1:{port}/")
        tab = chromium.page(viewport={"width": 1366, "height": 900})
        tab.goto(f"http://127.0.0.1:{port}/tools/fixture-tool/")
        assert tab.locator("h1").first.inner_text() == "Fixture toolkit"

        path = hub_copy / TOOL
        path.write_text(path.read_text(encoding="utf-8").replace("title: Fixture toolkit", "title: Renamed toolkit"), encoding="utf-8")
        saved = time.monotonic()
        tab.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').textContent.includes('Renamed toolkit')",
                              timeout=120_000)  # the tab reloaded by itself
        print(f"save → visible in Chromium: {time.monotonic() - saved:.2f} s")
        assert tab.title().startswith("Renamed toolkit")
        updated = [line for line in lines if line.startswith("pcor-site preview updated")]
        assert updated and "pages re-rendered" in updated[-1], "\n".join(lines)  # an incremental round, not a full build
    finally:
        if chromium is not None:
            chromium.close()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    assert "Traceback" not in "\n".join(lines)
