"""The podcast: episode pages with player, chapters and transcript, and a show feed for podcast apps.

* `show`: the show settings (`extra.hub.podcast` in mkdocs.yml) and guids;
* `episodes`: files beside episode records, read and checked once (the feature's check);
* `page`: the episode page sections and the index page's subscribe box;
* `feed`: RSS 2.0 + itunes + Podcasting 2.0 feed, JSON chapters, HTML transcripts, copied media;
* `structured`: the episode page's schema.org PodcastEpisode (date, series, audio, transcript);
* `vtt`, `media`: WebVTT reader; audio (mutagen) and artwork (Pillow) facts.
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.feature import CheckContext, Feature, HtmlSection, RecordPart
from .episodes import Podcast, load_podcast
from .feed import podcast_outputs
from .page import episode_sections, podcast_index_html
from .structured import episode_json_ld


class _EpisodePart(RecordPart):
    def __init__(self, sections, structured: str):
        self._sections = sections
        self._structured = structured

    def sections(self):
        return self._sections

    def end_sections(self):
        return [HtmlSection("", Markup(self._structured), "pcor-structured-data")]


class PodcastFeature(Feature):
    name = "podcast"
    fields = frozenset({"show_notes", "transcript", "audio_type", "audio_length", "explicit", "guest_names",
                        "audio_url", "chapters", "artwork", "guid"})

    def check(self, ctx: CheckContext):
        return load_podcast(ctx.catalog, ctx.config)

    def record_part(self, item, site, state: Podcast):
        files = state.episodes.get(item.id) if item.kind.name == "episode" else None
        if files is None:
            return None
        url = urls.record(item.kind, item.id)
        structured = episode_json_ld(files, state, site.config, site.description(item.record.summary))
        return _EpisodePart(episode_sections(files, url, site.markdown), structured)

    def index_html(self, kind, site, url, state: Podcast):
        return podcast_index_html(state, site.config, url) if kind.name == "episode" else Markup("")

    def outputs(self, site, state: Podcast):
        return podcast_outputs(state, site.config, site.markdown)
