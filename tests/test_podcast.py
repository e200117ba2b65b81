"""The podcast: show settings, episode checks, episode pages and the feed.

No strict offline feed validator exists, so the feed rules below mirror Apple's tag table and the
Podcasting 2.0 tags (../shared/reference/standards.md §1: POD-*, P20-*); feedparser then reads the
feed as a real-world app would. feedparser ignores namespaces it does not know and misreads some
it does (itunes:explicit true/false → None, repeated podcast:transcript → the last one), so every
podcast:* and itunes:* rule is checked with lxml.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO, copy_hub
from pcor_site.build import build, check
from pcor_site.features.podcast import vtt
from pcor_site.features.podcast.show import guid_for_feed
from pcor_site.site.pages import render_site

AUDIO_FIXTURES = REPO / "tests" / "fixtures" / "podcast"
SITE_URL = "https://example.org/hub/"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
}
APPLE_MEDIA_TYPES = {"audio/mpeg", "audio/x-m4a", "video/mp4", "video/quicktime", "video/x-m4v", "application/pdf"}

LOCAL_EPISODE = """\
---
title: Local audio episode
summary: An episode whose audio file sits beside the record, used by the podcast tests.
date: 2026-02-01
audio_url: fixture-audio.mp3
transcript: fixture-audio.vtt
artwork: local-episode-art.png
hosts: [fixture-org]
guest_names: [Pat Example]
related: [practice/fixture-practice]
show_notes: Notes with a [link](https://example.org/notes).
chapters:
  - start: 0
    title: Welcome
  - start: "0:04"
    title: Chapter two
    url: https://example.org/chapter-two
  - start: 6
    title: Goodbye
---
The longer show notes of the local episode.
"""


def artwork(path: Path, size: int = 1400, mode: str = "RGB", fmt: str = "PNG") -> Path:
    from PIL import Image

    Image.new(mode, (size, size), (20, 110, 120) if mode == "RGB" else (20, 110, 120, 128)).save(path, fmt)
    return path


def make_podcast_hub(target: Path, local: bool = True) -> Path:
    """The fixture hub plus, when `local`, an episode with its own audio, transcript and artwork beside it."""
    root = copy_hub(target)
    if local:
        folder = root / "content" / "episode"
        shutil.copy(AUDIO_FIXTURES / "fixture-audio.mp3", folder)
        shutil.copy(AUDIO_FIXTURES / "fixture-audio.vtt", folder)
        artwork(folder / "local-episode-art.png")
        (folder / "local-episode.md").write_text(LOCAL_EPISODE, encoding="utf-8")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def report(root: Path) -> list[str]:
    return [f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}" for d in check(root).diagnostics]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_podcast_hub(tmp_path_factory.mktemp("podcast") / "hub")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        edit(root / "mkdocs.yml", "guid: d14c1ff9-f39d-59f8-ab63-10f2649e189c", f"guid: {guid_for_feed(SITE_URL + 'podcast/feed.xml')}")
        result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics
    return root


@pytest.fixture(scope="module")
def feed(built: Path):
    return etree.parse(str(built / "site" / "podcast" / "feed.xml"))


def channel_of(feed):
    return feed.getroot().find("channel")


# -- guids --------------------------------------------------------------------------------------


def test_podcast_guid_follows_the_spec():
    """P20-03: UUIDv5 of the feed URL without scheme and trailing slash (the spec's own examples)."""
    assert guid_for_feed("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert guid_for_feed("https://mp3s.nashownotes.com/pc20rss.xml/") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert guid_for_feed("http://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"


def test_feed_is_deterministic_and_guids_never_change(tmp_path, monkeypatch):
    """Two compilations, on different days, give byte-identical feeds; episode guids depend on record ids only."""
    root = make_podcast_hub(tmp_path / "hub")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = check(root)
    one = render_site(first.site())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    second = check(root)
    two = render_site(second.site())
    assert one["podcast/feed.xml"] == two["podcast/feed.xml"]
    guids = re.findall(rb"<guid isPermaLink=\"false\">([^<]+)</guid>", one["podcast/feed.xml"])
    assert guids == [b"f6d7fb5b-19fd-5c38-b9f7-c7a9a7ced3e3", b"45b903f0-7846-5c02-9a1d-63a1f2ac08dd"]


def test_explicit_guid_survives_a_rename(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    folder = root / "content" / "episode"
    edit(folder / "local-episode.md", "date: 2026-02-01\n", "date: 2026-02-01\nguid: 24ab0174-a787-5b2e-9b0e-3ee93c78d6e3\n")
    (folder / "local-episode.md").rename(folder / "renamed-episode.md")
    result = check(root)
    outputs = render_site(result.site())
    assert b"<guid isPermaLink=\"false\">24ab0174-a787-5b2e-9b0e-3ee93c78d6e3</guid>" in outputs["podcast/feed.xml"]


# -- the feed: Apple's tag table and Podcasting 2.0 ---------------------------------------------------


def test_feed_envelope(built, feed):
    """POD-01, POD-02: well-formed UTF-8 RSS 2.0 with the exact namespace URIs."""
    raw = (built / "site" / "podcast" / "feed.xml").read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = feed.getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert len(root.findall("channel")) == 1
    for prefix, uri in NS.items():
        assert root.nsmap[prefix] == uri


def test_channel_has_every_tag_apple_requires(feed):
    channel = channel_of(feed)
    for tag in ("title", "description", "language", "link", "itunes:image", "itunes:category", "itunes:explicit",
                "itunes:author", "itunes:owner/itunes:email", "podcast:guid", "podcast:locked"):
        element = channel.find(tag, NS)
        assert element is not None, tag
    assert channel.findtext("title") == "Fixture Podcast"
    assert channel.find("itunes:image", NS).get("href").endswith((".png", ".jpg", ".jpeg"))
    category = channel.find("itunes:category", NS)
    assert category.get("text") == "Health & Fitness"
    assert category.find("itunes:category", NS).get("text") == "Mental Health"
    assert channel.findtext("itunes:explicit", namespaces=NS) in {"true", "false"}
    assert re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", channel.findtext("language"))
    assert channel.findtext("podcast:guid", namespaces=NS) == guid_for_feed(SITE_URL + "podcast/feed.xml")
    locked = channel.find("podcast:locked", NS)
    assert locked.text == "yes" and locked.get("owner") == "podcast@example.org"
    assert len(channel.findtext("description").encode()) <= 4000
    for tag in ("title", "itunes:author"):
        value = channel.findtext(tag, namespaces=NS)
        assert value == value.strip() and len(value) <= 255


def _date(text: str) -> dt.datetime:
    """POD-04: RFC 2822 with an explicit zone, 24-hour time and a weekday that matches the date."""
    parsed = parsedate_to_datetime(text)
    assert parsed.tzinfo is not None
    assert text.split(",")[0] == parsed.strftime("%a")
    assert re.search(r" \d{2}:\d{2}:\d{2} ", text)
    return parsed


def test_items_have_every_tag_apple_requires(built, feed):
    channel = channel_of(feed)
    items = channel.findall("item")
    assert len(items) == 2  # POD-21: at least one
    urls, guids, dates = set(), set(), []
    for item in items:
        assert item.findtext("title")
        enclosure = item.find("enclosure")
        assert enclosure is not None and {"url", "length", "type"} <= set(enclosure.attrib)
        assert int(enclosure.get("length")) > 0 and enclosure.get("type") in APPLE_MEDIA_TYPES
        assert enclosure.get("url").rsplit(".", 1)[-1] in ("mp3", "m4a")
        assert enclosure.get("url") not in urls
        urls.add(enclosure.get("url"))
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false" and guid.text not in guids
        guids.add(guid.text)
        dates.append(_date(item.findtext("pubDate")))
        assert item.findtext("itunes:explicit", namespaces=NS) in {"true", "false"}
        assert re.fullmatch(r"\d+", item.findtext("itunes:duration", namespaces=NS))
        description = item.findtext("description")
        assert len(description.encode()) <= 4000
        assert set(re.findall(r"<([a-z0-9]+)", description)) <= {"p", "ol", "ul", "li", "a"}
        transcripts = {t.get("type"): t.get("url") for t in item.findall("podcast:transcript", NS)}
        assert set(transcripts) == {"text/vtt", "text/html"}, "WCAG 1.2.1 + P20-01"
        for url in transcripts.values():
            assert (built / "site" / url.removeprefix(SITE_URL)).is_file()
    assert dates == sorted(dates, reverse=True), "HUB-POD-b: newest first"
    assert _date(channel.findtext("lastBuildDate")) >= dates[0]


def test_enclosure_length_equals_the_file_size(built, feed):
    item = channel_of(feed).find("item")  # newest: the local episode
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == SITE_URL + "podcast/local-episode/fixture-audio.mp3"
    served = built / "site" / "podcast" / "local-episode" / "fixture-audio.mp3"
    assert int(enclosure.get("length")) == served.stat().st_size == (AUDIO_FIXTURES / "fixture-audio.mp3").stat().st_size
    assert item.findtext("itunes:duration", namespaces=NS) == "9"
    assert item.find("itunes:image", NS).get("href") == SITE_URL + "podcast/local-episode/local-episode-art.png"


def test_every_url_is_absolute_https_and_ascii(feed):
    """POD-05, HUB-POD-a."""
    values = [e.text for e in feed.iter("link", "url")]
    values += [v for e in feed.iter() for k, v in e.attrib.items() if k in ("href", "url")]
    assert values
    for value in values:
        assert value.startswith("https://") and value.isascii() and " " not in value, value


def test_chapters_json_follows_the_spec(built, feed):
    """P20-02: JSON chapters 1.2: version, chapters with ascending numeric startTime, https urls."""
    item = channel_of(feed).find("item")
    tag = item.find("podcast:chapters", NS)
    assert tag.get("type") == "application/json+chapters"
    data = json.loads((built / "site" / tag.get("url").removeprefix(SITE_URL)).read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == [0, 4, 6] and all(isinstance(s, (int, float)) for s in starts)
    assert [c["title"] for c in data["chapters"]] == ["Welcome", "Chapter two", "Goodbye"]
    assert data["chapters"][1]["url"] == "https://example.org/chapter-two"


def test_html_transcript_follows_the_podcasting_2_format(built):
    text = (built / "site" / "podcast" / "local-episode" / "transcript.html").read_text(encoding="utf-8")
    assert "<cite>Narrator:</cite>\n<time datetime=\"PT4S\">0:04</time>\n<p>Chapter two starts here.</p>" in text
    assert 'http-equiv="Content-Security-Policy"' in text  # the post-build gate saw it too


def test_feedparser_reads_the_feed_as_an_app_would(built):
    import feedparser

    parsed = feedparser.parse((built / "site" / "podcast" / "feed.xml").read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Fixture Podcast"
    assert parsed.feed.image.href.startswith("https://")
    assert parsed.feed.tags[0].term == "Health & Fitness"
    assert [e.title for e in parsed.entries] == ["Local audio episode", "Fixture episode"]
    first = parsed.entries[0]
    assert first.enclosures[0].href.endswith("fixture-audio.mp3") and first.enclosures[0].type == "audio/mpeg"
    show_guid = uuid.UUID(guid_for_feed(SITE_URL + "podcast/feed.xml"))
    assert first.id == str(uuid.uuid5(show_guid, "episode/local-episode")) and first.guidislink is False
    assert first.itunes_duration == "9"
    assert first.published_parsed[:3] == (2026, 2, 1)


# -- pages ---------------------------------------------------------------------------------------


def test_episode_page(built):
    html = (built / "site" / "podcast" / "local-episode" / "index.html").read_text(encoding="utf-8")
    audio = re.search(r"<audio[^>]*>", html).group(0)
    assert "controls" in audio and 'preload="none"' in audio and "autoplay" not in audio
    assert 'aria-labelledby="pcor-player-label"' in audio and 'id="pcor-player-label"' in html
    assert 'src="fixture-audio.mp3"' in audio
    assert '<a href="fixture-audio.mp3" download>Download the episode (MP3, 18 KB)</a>' in html
    assert '<a class="pcor-seek" href="fixture-audio.mp3#t=4" data-pcor-seek="4">0:04</a> Chapter two' in html
    assert '<span class="pcor-speaker">Narrator:</span> Thank you for listening.' in html
    assert '<script src="../../assets/podcast.js" defer></script>' in html
    assert "With Pat Example" in html and "Notes with a" in html
    assert 'href="../../organizations/fixture-org/"' in html  # host linked to its organization
    assert 'href="../../practices/fixture-practice/"' in html  # related record
    assert (built / "site" / "assets" / "podcast.js").is_file()


def test_index_lists_newest_first_with_feed_and_subscribe_help(built):
    html = (built / "site" / "podcast" / "index.html").read_text(encoding="utf-8")
    assert html.index("Local audio episode") < html.index("Fixture episode</a>")
    assert '<a href="feed.xml" type="application/rss+xml">RSS feed of the podcast</a>' in html
    assert f"<code class=\"pcor-feed-url\">{SITE_URL}podcast/feed.xml</code>" in html
    assert "To subscribe" in html


def test_a_show_without_episodes_publishes_no_feed(tmp_path):
    """The shipped hub's state: the show is configured, there are no episodes, so there is no feed."""
    root = make_podcast_hub(tmp_path / "hub", local=False)
    shutil.rmtree(root / "content" / "episode")
    result = check(root)
    assert [d for d in result.diagnostics if d.code.startswith(("E8", "W8"))] == []
    outputs = render_site(result.site())
    assert not [p for p in outputs if p.startswith("podcast/") and not p.endswith(".md")]
    assert "No episodes have been published yet" in outputs["podcast/index.md"]


def test_the_shipped_show_settings_pass_the_show_rules_and_publish_nothing():
    """The shipped mkdocs.yml passes the same rules the fixtures above break (E801 etc.)."""
    from pcor_site.config import load_config
    from pcor_site.features.podcast.show import ShowConfig

    show = ShowConfig(load_config(REPO))
    assert show.problems == [] and show.show is not None
    assert not (REPO / "content" / "episode").exists() or not list((REPO / "content" / "episode").glob("*.md"))


# -- checks: exact diagnostics -------------------------------------------------------------------


def test_transcript_is_required(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    edit(root / "content" / "episode" / "local-episode.md", "transcript: fixture-audio.vtt\n", "")
    assert report(root) == ["content/episode/local-episode.md:2:1: E202 missing required field 'transcript'"]


def test_transcript_file_must_exist(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    (root / "content" / "episode" / "fixture-audio.vtt").unlink()
    assert report(root) == [
        "content/episode/local-episode.md:6:1: E802 transcript: 'fixture-audio.vtt' is not beside the record in content/episode/"]


def test_transcript_must_be_webvtt(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    (root / "content" / "episode" / "fixture-audio.vtt").write_text("WEBVTT\n\n00:01.000 -> 00:02.000\nHi\n", encoding="utf-8")
    assert report(root) == [
        "content/episode/fixture-audio.vtt:3:1: E803 transcript of episode/local-episode: "
        "expected a cue timing line like '00:00:01.000 --> 00:00:04.000'"]


def test_declared_length_and_duration_must_match_the_file(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    edit(root / "content" / "episode" / "local-episode.md", "audio_url: fixture-audio.mp3\n",
         "audio_url: fixture-audio.mp3\naudio_length: 18000\nduration: 30\n")
    assert report(root) == [
        "content/episode/local-episode.md:6:1: E804 audio_length is 18000 but 'fixture-audio.mp3' has 18432 bytes",
        "content/episode/local-episode.md:7:1: E804 duration is 30 s but 'fixture-audio.mp3' lasts 9.2 s",
    ]


def test_matching_declarations_pass(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    edit(root / "content" / "episode" / "local-episode.md", "audio_url: fixture-audio.mp3\n",
         "audio_url: fixture-audio.mp3\naudio_length: 18432\nduration: '0:09'\naudio_type: audio/mpeg\n")
    assert report(root) == []


def test_audio_must_be_real_audio(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    (root / "content" / "episode" / "fixture-audio.mp3").write_bytes(b"not audio at all" * 10)
    assert report(root) == [
        "content/episode/local-episode.md:5:1: E805 audio_url: 'fixture-audio.mp3' cannot be read as audio: can't sync to MPEG frame"]


def test_external_audio_needs_its_length(tmp_path):
    root = make_podcast_hub(tmp_path / "hub", local=False)
    edit(root / "content" / "episode" / "fixture-episode.md", "audio_length: 48000\n", "")
    assert report(root) == ["content/episode/fixture-episode.md:5:1: E805 external audio needs audio_length: "
                            "the feed's enclosure must state the file size in bytes"]


def test_external_audio_must_be_https(tmp_path):
    root = make_podcast_hub(tmp_path / "hub", local=False)
    edit(root / "content" / "episode" / "fixture-episode.md", "https://example.org/episode.mp3", "http://example.org/episode.mp3")
    assert report(root) == ["content/episode/fixture-episode.md:5:1: E206 audio_url: external audio must be an https:// address"]


@pytest.mark.parametrize("size, mode, expected", [
    (1000, "RGB", "'local-episode-art.png' is 1000×1000 px; artwork must be square, 1400-3000 px"),
    (1400, "RGBA", "'local-episode-art.png' has colour mode RGBA; artwork must be RGB without transparency"),
])
def test_artwork_rules(tmp_path, size, mode, expected):
    root = make_podcast_hub(tmp_path / "hub")
    artwork(root / "content" / "episode" / "local-episode-art.png", size, mode)
    assert report(root) == [f"content/episode/local-episode.md:7:1: E806 artwork: {expected}"]


def test_artwork_format_must_match_its_extension(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    artwork(root / "content" / "episode" / "local-episode-art.png", fmt="JPEG")
    assert report(root) == ["content/episode/local-episode.md:7:1: E806 artwork: "
                            "'local-episode-art.png' is a JPEG file but its extension says otherwise"]


def test_chapters_in_order_and_before_the_end(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    edit(root / "content" / "episode" / "local-episode.md", "  - start: 6\n", "  - start: 2\n")
    edit(root / "content" / "episode" / "local-episode.md", "  - start: 0\n", "  - start: 12\n")
    assert report(root) == [
        "content/episode/local-episode.md:13:5: E807 chapters.0.start (0:12) is at or after the end of the audio (9 s)",
        "content/episode/local-episode.md:15:5: E807 chapters.1.start (0:04) is not after the previous chapter's start",
        "content/episode/local-episode.md:18:5: E807 chapters.2.start (0:02) is not after the previous chapter's start",
    ]


def test_show_settings_are_validated_at_their_line(tmp_path):
    root = make_podcast_hub(tmp_path / "hub", local=False)
    edit(root / "mkdocs.yml", "subcategory: Mental Health", "subcategory: Wellness")
    assert report(root) == [
        "mkdocs.yml:70:7: E801 subcategory: 'Wellness' is not a subcategory of 'Health & Fitness' (choose from: "
        "Alternative Health, Fitness, Medicine, Mental Health, Nutrition, Sexuality)"]
    root = make_podcast_hub(tmp_path / "hub2", local=False)
    edit(root / "mkdocs.yml", "language: en-us", "language: English")
    edit(root / "mkdocs.yml", "locked: true", "locked: true\n      colour: blue")
    edit(root / "mkdocs.yml", "      owner:\n        name: Fixture Coalition\n        email: podcast@example.org\n", "")
    assert report(root) == [
        "mkdocs.yml:61:5: E801 missing show setting 'owner'",
        "mkdocs.yml:65:7: E801 language: 'English' is not a language code like en or en-us (lower case)",
        "mkdocs.yml:71:7: E801 unknown show setting 'colour'",
    ]
    root = make_podcast_hub(tmp_path / "hub3", local=False)
    edit(root / "mkdocs.yml", "locked: true", "locked: maybe")  # pydantic's words would be "Input should be a valid boolean"
    assert report(root) == ["mkdocs.yml:73:7: E801 locked must be true or false (without quotes), not text"]


def test_episodes_need_a_complete_show(tmp_path):
    root = make_podcast_hub(tmp_path / "hub", local=False)
    edit(root / "mkdocs.yml", "      artwork: https://example.org/fixture-artwork.png\n", "")
    edit(root / "mkdocs.yml", "      guid: d14c1ff9-f39d-59f8-ab63-10f2649e189c", "")
    derived = guid_for_feed("http://127.0.0.1:8000/podcast/feed.xml")
    assert report(root) == [
        "mkdocs.yml:61:5: E808 the feed needs show artwork (extra.hub.podcast.artwork)",
        f"mkdocs.yml:61:5: E808 the feed needs a permanent podcast:guid; for the feed at http://127.0.0.1:8000/podcast/feed.xml it is {derived}",
    ]


def test_episodes_without_show_settings(tmp_path):
    root = make_podcast_hub(tmp_path / "hub", local=False)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text[: text.index("    podcast:")], encoding="utf-8")
    assert report(root) == ["mkdocs.yml:1:1: E808 there are podcast episodes but no show settings under extra.hub.podcast"]


def test_two_episodes_cannot_share_a_guid(tmp_path):
    root = make_podcast_hub(tmp_path / "hub")
    edit(root / "content" / "episode" / "local-episode.md", "date: 2026-02-01\n", "date: 2026-02-01\nguid: 45b903f0-7846-5c02-9a1d-63a1f2ac08dd\n")
    assert report(root) == [
        "content/episode/local-episode.md:5:1: E809 episode/local-episode has the same guid as episode/fixture-episode "
        "(45b903f0-7846-5c02-9a1d-63a1f2ac08dd)"]


def test_owner_address_should_be_a_role_mailbox(tmp_path):
    root = make_podcast_hub(tmp_path / "hub", local=False)
    edit(root / "mkdocs.yml", "email: podcast@example.org", "email: jane.doe@example.org")
    assert report(root) == ["mkdocs.yml:67:9: W810 owner e-mail 'jane.doe@example.org' does not look like a role mailbox"]


# -- the WebVTT reader ---------------------------------------------------------------------------


def test_vtt_reader_keeps_speakers_and_strips_markup():
    text = ("\ufeffWEBVTT - a title\r\nKind: captions\r\n\r\nNOTE a note\r\nspanning lines\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\n"
            "intro\r\n00:00:01.000 --> 00:00:02.500 align:start\r\n<v.loud Dr. Ada>Hello <b>there</b> &amp; welcome</v>\r\n\r\n"
            "01:02.000 --> 01:03.000\r\n<c.x>Plain</c> text\r\n")
    transcript = vtt.parse(text)
    assert transcript.problems == []
    assert [(c.start, c.end, c.speaker, c.text) for c in transcript.cues] == [
        (1.0, 2.5, "Dr. Ada", "Hello there & welcome"), (62.0, 63.0, "", "Plain text")]


@pytest.mark.parametrize("text, problem", [
    ("WEBVTTX\n", (1, "a WebVTT file starts with the line 'WEBVTT'")),
    ("WEBVTT\n\n00:02.000 --> 00:01.000\nBackwards\n", (3, "a cue must end after it starts")),
    ("WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n", (6, "cues must be in order of start time")),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\n\n", (1, "the transcript has no cue text")),
    ("WEBVTT\n\n1:2.000 --> 00:02.000\nA\n", (3, "malformed cue timing: '1:2.000 --> 00:02.000'")),
])
def test_vtt_reader_problems(text, problem):
    assert vtt.parse(text).problems == [problem]
