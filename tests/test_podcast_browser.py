"""Episode pages in real headless Chromium: the player, chapter and transcript links, `#t=` deep
links, no autoplay, keyboard use, and axe-core on the episode and index pages."""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from pathlib import Path

import pytest

from browsing import AXE_TAGS, axe_source, browser_for
from pcor_site.build import build
from test_podcast import make_podcast_hub

pytestmark = pytest.mark.browser

EPISODE = "podcast/local-episode/"
CURRENT_TIME = "() => document.querySelector('audio[data-pcor-player]').currentTime"


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with HTTP byte ranges, as GitHub Pages and media hosts serve them (POD-07).

    Browsers seek in audio only on servers that honour `Range`; Python's own server ignores it.
    """

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first = int(match.group(1)) if match.group(1) else max(0, size - int(match.group(2) or 0))
        last = min(int(match.group(2)), size - 1) if match.group(1) and match.group(2) else size - 1
        if first >= size:
            self.send_error(416)
            return None
        handle = path.open("rb")
        handle.seek(first)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.end_headers()
        return io.BytesIO(handle.read(last - first + 1))


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = make_podcast_hub(tmp_path_factory.mktemp("podcast-browser") / "hub")
    result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics
    handler = functools.partial(RangeHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(base):
    yield from browser_for(base, no_errors=True)


@pytest.fixture
def tab(browser):
    opened = browser.page()
    yield opened
    opened.context.close()


def at_least(tab, seconds: float) -> float:
    tab.wait_for_function(f"() => document.querySelector('audio[data-pcor-player]').currentTime >= {seconds - 0.05}", timeout=10_000)
    return tab.evaluate(CURRENT_TIME)


def test_player_is_labelled_keyboard_reachable_and_silent_on_load(tab, base):
    tab.goto(base + EPISODE)
    tab.wait_for_load_state("networkidle")
    audio = tab.locator("audio[data-pcor-player]")
    state = audio.evaluate(
        "a => ({controls: a.controls, autoplay: a.autoplay, preload: a.preload, paused: a.paused, tabIndex: a.tabIndex,"
        " label: document.getElementById(a.getAttribute('aria-labelledby')).textContent})")
    assert state == {"controls": True, "autoplay": False, "preload": "none", "paused": True, "tabIndex": 0,
                     "label": "Listen to “Local audio episode” (0:09)"}
    assert tab.get_by_role("link", name="Download the episode (MP3, 18 KB)").is_visible()
    assert tab.get_by_role("heading", name="Transcript").is_visible()
    assert "Chapter two starts here." in tab.locator(".pcor-transcript").inner_text()


def test_clicking_a_chapter_moves_the_player(tab, base):
    tab.goto(base + EPISODE)
    tab.wait_for_load_state("networkidle")
    tab.locator(".pcor-chapters").get_by_role("link", name="0:04").click()
    assert 3.95 <= at_least(tab, 4) < 9
    assert tab.evaluate("location.hash") == "#t=4"


def test_without_javascript_a_chapter_link_opens_the_audio_at_its_time(browser, base):
    plain = browser.page(java_script_enabled=False)
    try:
        plain.goto(base + EPISODE)
        with plain.expect_request(lambda r: "fixture-audio.mp3" in r.url) as opened:
            plain.locator(".pcor-chapters").get_by_role("link", name="0:04").click()
        assert opened.value.url == base + EPISODE + "fixture-audio.mp3"  # the fragment stays in the browser
        plain.wait_for_url(base + EPISODE + "fixture-audio.mp3#t=4")
    finally:
        plain.context.close()


def test_a_transcript_time_works_from_the_keyboard(tab, base):
    tab.goto(base + EPISODE)
    tab.wait_for_load_state("networkidle")
    tab.locator(".pcor-transcript").get_by_role("link", name="0:06").focus()
    tab.keyboard.press("Enter")
    assert 5.95 <= at_least(tab, 6) < 9


def test_deep_link_positions_the_player_without_playing(tab, base):
    tab.goto(base + EPISODE + "#t=6")
    assert 5.95 <= at_least(tab, 6) < 6.5
    assert tab.evaluate("document.querySelector('audio[data-pcor-player]').paused") is True


@pytest.mark.parametrize("path", [EPISODE, "podcast/"])
def test_no_axe_violations(tab, base, path):
    tab.goto(base + path)
    tab.wait_for_load_state("networkidle")
    tab.evaluate(axe_source())
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
    assert len(result["passes"]) > 10
