"""The episode page's own sections and the podcast index's subscribe box.

Everything here is built from escaped parts (markupsafe) or sanitised Markdown. The player is the
browser's own `<audio controls>` (keyboard operable, labelled, never autoplaying); chapter and
transcript times are links to the audio itself with a media fragment (`AUDIO#t=SECONDS`): without
JavaScript the browser opens the audio at that time; `assets/podcast.js` turns them into seeks of
the page's player (and still follows a page address ending in `#t=SECONDS`).
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.feature import HtmlSection
from ...text.markdown import Markdown
from ...text.plain import file_size
from . import vtt
from .episodes import EpisodeFiles, Podcast
from .show import FEED_DOC

SCRIPT = "assets/podcast.js"
FORMAT_NAMES = {"audio/mpeg": "MP3", "audio/x-m4a": "M4A"}


def _seek(seconds: float, label: str, src: str) -> Markup:
    at = int(seconds)
    return Markup('<a class="pcor-seek" href="{2}#t={0}" data-pcor-seek="{0}">{1}</a>').format(at, label, src)


def _audio_src(files: EpisodeFiles, url: str) -> str:
    return urls.relative(url, files.audio_href) if files.local_audio else files.audio_href


def _player(files: EpisodeFiles, url: str) -> Markup:
    record = files.record
    src = _audio_src(files, url)
    duration = f" ({vtt.clock(files.duration)})" if files.duration else ""
    kind = FORMAT_NAMES.get(files.mime, "audio")
    details = ", ".join(p for p in (kind, file_size(files.length)) if p)
    transcript = urls.relative(url, files.asset(record.transcript))
    parts = [
        Markup('<figure class="pcor-player">'),
        Markup('<figcaption id="pcor-player-label">Listen to “{0}”{1}</figcaption>').format(record.title, duration),
        Markup('<audio class="pcor-audio" data-pcor-player controls preload="none" src="{0}" aria-labelledby="pcor-player-label">'
               '<a href="{0}">Download the audio</a></audio>').format(src),
        Markup("</figure>"),
        Markup('<p class="pcor-guests">With {0}</p>').format(", ".join(record.guest_names)) if record.guest_names else Markup(""),
        Markup('<ul class="pcor-episode-links">'),
        Markup('<li><a href="{0}" download>Download the episode ({1})</a></li>').format(src, details),
        Markup('<li><a href="#transcript">Read the transcript</a> (also as <a href="{0}">WebVTT captions</a>)</li>').format(transcript),
        Markup("</ul>"),
        Markup('<script src="{0}" defer></script>').format(urls.relative(url, SCRIPT)),
    ]
    return Markup("\n").join(p for p in parts if p)


def _chapters(files: EpisodeFiles, src: str) -> Markup:
    rows = []
    for chapter in files.record.chapters:
        more = Markup(' <span class="pcor-note">(<a href="{0}">more about this</a>)</span>').format(chapter.url) if chapter.url else ""
        rows.append(Markup('<li>{0} {1}{2}</li>').format(
            _seek(chapter.start, vtt.clock(chapter.start), src), chapter.title, more))
    return Markup('<ol class="pcor-chapters">\n{0}\n</ol>').format(Markup("\n").join(rows))


def _transcript(files: EpisodeFiles, src: str) -> Markup:
    if files.transcript is None:
        return Markup("<p>The transcript could not be read.</p>")
    rows = []
    for cue in files.transcript.cues:
        if not cue.text:
            continue
        speaker = Markup('<span class="pcor-speaker">{0}:</span> ').format(cue.speaker) if cue.speaker else ""
        rows.append(Markup('<p>{0} {1}{2}</p>').format(_seek(cue.start, vtt.clock(cue.start), src), speaker, cue.text))
    return Markup('<div class="pcor-transcript" data-pagefind-body>\n{0}\n</div>').format(Markup("\n").join(rows))


def episode_sections(files: EpisodeFiles, url: str, markdown: Markdown) -> list[HtmlSection]:
    sections = [HtmlSection("Listen", _player(files, url), "pcor-episode")]
    if files.record.show_notes:
        sections.append(HtmlSection("Show notes", Markup(markdown.render(files.record.show_notes))))
    if files.record.chapters:
        sections.append(HtmlSection("Chapters", _chapters(files, _audio_src(files, url))))
    sections.append(HtmlSection("Transcript", _transcript(files, _audio_src(files, url))))
    return sections


def podcast_index_html(podcast: Podcast, config, url: str) -> Markup:
    """Above the episode list: how to subscribe, with the feed address."""
    if not podcast.publishable:
        return Markup("<p>No episodes have been published yet. The show's feed appears here with the first episode.</p>")
    feed = urls.absolute(config.site_url, FEED_DOC)
    return Markup("\n").join([
        Markup('<p class="pcor-subscribe"><a href="{0}" type="application/rss+xml">RSS feed of the podcast</a></p>').format(
            urls.relative(url, FEED_DOC)),
        Markup("<p>To subscribe, copy the feed address below into your podcast app: most apps have an option to follow "
               "or add a show by its address (URL). Every episode has a full transcript on its page.</p>"),
        Markup('<p><code class="pcor-feed-url">{0}</code></p>').format(feed),
    ])
