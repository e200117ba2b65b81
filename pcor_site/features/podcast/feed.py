"""The show feed and the files beside each episode page (an OUTPUT_MAKER).

The feed is RSS 2.0 with Apple's itunes namespace and the Podcasting 2.0 namespace, built with
lxml: it is well kept (libxml2), gives exact control over namespace prefixes, element order and
CDATA, and escapes everything it writes. feedgen (last release 2023) has no Podcasting 2.0 tags and
stamps lastBuildDate with the wall clock unless told otherwise. Output is deterministic: no build
time anywhere (lastBuildDate is the newest episode's date), stable order, absolute URLs from
`site_url`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from email.utils import format_datetime
from pathlib import Path

import nh3
from lxml import etree

from ... import urls
from ...config import HubConfig
from ...text.markdown import Markdown
from . import vtt
from .episodes import EpisodeFiles, Podcast
from .show import FEED_DOC

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
CHAPTERS_TYPE = "application/json+chapters"
DESCRIPTION_TAGS = {"p", "ol", "ul", "li", "a"}  # what Apple allows in descriptions (POD-06)
PUBLISH_HOUR = 12  # records give a date; noon UTC keeps the same calendar day across the Americas and Europe


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _sub(parent, tag: str, value: str | None = None, **attrs: str) -> etree._Element:
    """A child element; `tag` may be prefixed (itunes:image). Attribute order is kept as given."""
    if ":" in tag:
        prefix, name = tag.split(":", 1)
        tag = _q(prefix, name)
    element = etree.SubElement(parent, tag, attrs)
    if value is not None:
        element.text = value
    return element


def rfc2822(day: dt.date) -> str:
    return format_datetime(dt.datetime(day.year, day.month, day.day, PUBLISH_HOUR, tzinfo=dt.timezone.utc))


def description_html(files: EpisodeFiles, markdown: Markdown) -> str:
    parts = [markdown.render(files.record.summary)]
    if files.record.show_notes:
        parts.append(markdown.render(files.record.show_notes))
    text = nh3.clean("".join(parts), tags=DESCRIPTION_TAGS, attributes={"a": {"href"}}, link_rel=None).strip()
    if len(text.encode("utf-8")) > 4000:
        text = nh3.clean(markdown.render(files.record.summary), tags=DESCRIPTION_TAGS, attributes={"a": {"href"}}, link_rel=None).strip()
    return text.replace("]]>", "]]&gt;")  # never end the CDATA section early


def show_artwork_doc(podcast: Podcast, root: Path) -> tuple[str, bytes | None]:
    """(docs path or external URL, bytes to write). Local artwork is renamed by content hash (Apple caches by URL)."""
    artwork = podcast.show.show.artwork if podcast.show.show else None
    if not artwork:
        return "", None
    if artwork.startswith("https://"):
        return artwork, None
    data = (root / artwork).read_bytes()
    suffix = Path(artwork).suffix.lower()
    return f"podcast/artwork-{hashlib.sha256(data).hexdigest()[:8]}{suffix}", data


def chapters_json(files: EpisodeFiles, show_title: str) -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0)."""
    chapters = []
    for chapter in files.record.chapters:
        entry: dict = {"startTime": int(chapter.start), "title": chapter.title}
        if chapter.url:
            entry["url"] = chapter.url
        chapters.append(entry)
    data = {"version": "1.2.0", "title": files.record.title, "podcastName": show_title, "chapters": chapters}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def transcript_html(files: EpisodeFiles, language: str) -> str:
    """The Podcasting 2.0 HTML transcript: <cite>speaker</cite> <time> <p>text</p> per cue."""
    from markupsafe import Markup, escape

    rows = []
    for cue in files.transcript.cues if files.transcript else []:
        if not cue.text:
            continue
        if cue.speaker:
            rows.append(Markup("<cite>{0}:</cite>").format(cue.speaker))
        # `<time>` text must be a valid time value; "1:35" is not, so the value is a duration.
        rows.append(Markup('<time datetime="PT{0}S">{1}</time>').format(int(cue.start), vtt.clock(cue.start)))
        rows.append(Markup("<p>{0}</p>").format(cue.text))
    title = escape(f"Transcript: {files.record.title}")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n</head>\n'
        f"<body>\n<main>\n<h1>{title}</h1>\n" + "\n".join(rows) + "\n</main>\n</body>\n</html>\n"
    )


def build_feed(podcast: Podcast, config: HubConfig, artwork_url: str, markdown: Markdown) -> bytes:
    show = podcast.show.show
    episodes = podcast.newest_first()
    rss = etree.Element("rss", nsmap=NS, version="2.0")
    channel = _sub(rss, "channel")
    _sub(channel, "title", show.title)
    _sub(channel, "link", urls.absolute(config.site_url, "podcast/"))
    _sub(channel, "description", show.description)
    _sub(channel, "language", show.language)
    if show.copyright:
        _sub(channel, "copyright", show.copyright)
    _sub(channel, "lastBuildDate", rfc2822(episodes[0].record.date))
    _sub(channel, "atom:link", href=urls.absolute(config.site_url, FEED_DOC), rel="self", type="application/rss+xml")
    image = _sub(channel, "image")
    _sub(image, "url", artwork_url)
    _sub(image, "title", show.title)
    _sub(image, "link", urls.absolute(config.site_url, "podcast/"))
    _sub(channel, "itunes:author", show.author)
    owner = _sub(channel, "itunes:owner")
    _sub(owner, "itunes:name", show.owner.name)
    _sub(owner, "itunes:email", show.owner.email)
    _sub(channel, "itunes:image", href=artwork_url)
    category = _sub(channel, "itunes:category", text=show.category)
    if show.subcategory:
        _sub(category, "itunes:category", text=show.subcategory)
    _sub(channel, "itunes:explicit", "true" if show.explicit else "false")
    _sub(channel, "itunes:type", show.type)
    _sub(channel, "podcast:guid", show.guid)
    _sub(channel, "podcast:locked", "yes" if show.locked else "no", owner=show.owner.email)
    for files in episodes:
        record = files.record
        item = _sub(channel, "item")
        _sub(item, "title", record.title)
        _sub(item, "link", urls.absolute(config.site_url, files.page))
        _sub(item, "description").text = etree.CDATA(description_html(files, markdown))
        audio_url = files.audio_href if not files.local_audio else urls.absolute(config.site_url, files.audio_href)
        _sub(item, "enclosure", url=audio_url, length=str(files.length), type=files.mime)
        _sub(item, "guid", podcast.guid(files), isPermaLink="false")
        _sub(item, "pubDate", rfc2822(record.date))
        if files.duration:
            _sub(item, "itunes:duration", str(files.duration))
        _sub(item, "itunes:explicit", "true" if record.explicit else "false")
        if files.artwork is not None:
            _sub(item, "itunes:image", href=urls.absolute(config.site_url, files.asset(record.artwork)))
        _sub(item, "itunes:episodeType", "full")
        _sub(item, "podcast:transcript", url=urls.absolute(config.site_url, files.asset(record.transcript)), type="text/vtt",
             language=show.language, rel="captions")
        _sub(item, "podcast:transcript", url=urls.absolute(config.site_url, files.asset("transcript.html")), type="text/html",
             language=show.language)
        if record.chapters:
            _sub(item, "podcast:chapters", url=urls.absolute(config.site_url, files.asset("chapters.json")), type=CHAPTERS_TYPE)
    return etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def podcast_outputs(podcast: Podcast, config: HubConfig, markdown: Markdown) -> dict[str, str | bytes]:
    """Episode files beside each page, and the feed when there is something to publish."""
    outputs: dict[str, str | bytes] = {}
    language = podcast.show.show.language if podcast.show.show else "en"
    show_title = podcast.show.show.title if podcast.show.show else config.site_name
    for files in podcast.episodes.values():
        record = files.record
        outputs[files.asset(record.transcript)] = (files.folder / record.transcript).read_bytes()
        outputs[files.asset("transcript.html")] = transcript_html(files, language)
        if files.local_audio:
            outputs[files.asset(record.audio_url)] = (files.folder / record.audio_url).read_bytes()
        if files.artwork is not None:
            outputs[files.asset(record.artwork)] = files.artwork.read_bytes()
        if record.chapters:
            outputs[files.asset("chapters.json")] = chapters_json(files, show_title)
    if podcast.publishable:
        artwork, data = show_artwork_doc(podcast, config.root)
        if data is not None:
            outputs[artwork] = data
            artwork = urls.absolute(config.site_url, artwork)
        outputs[FEED_DOC] = build_feed(podcast, config, artwork, markdown)
    return outputs
