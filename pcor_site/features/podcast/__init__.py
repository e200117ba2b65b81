"""The podcast: episode pages with player, chapters and transcript, and a show feed for podcast apps.

* `show`: the show settings (`extra.hub.podcast` in mkdocs.yml) and guids;
* `episodes`: files beside episode records, read and checked once (the feature's check);
* `page`: the episode page sections and the index page's subscribe box;
* `feed`: RSS 2.0 + itunes + Podcasting 2.0 feed, JSON chapters, HTML transcripts, copied media;
* `vtt`, `media`: WebVTT reader; audio (mutagen) and artwork (Pillow) facts.
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.feature import CheckContext, Feature, RecordPart
from .episodes import Podcast, load_podcast
from .feed import podcast_outputs
from .page import episode_sections, podcast_index_html


class _EpisodePart(RecordPart):
    def __init__(self, sections):
        self._sections = sections

    def sections(self):
        return self._sections


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
        return _EpisodePart(episode_sections(files, urls.record(item.kind, item.id), site.markdown))

    def index_html(self, kind, site, url, state: Podcast):
        return podcast_index_html(state, site.config, url) if kind.name == "episode" else Markup("")

    def outputs(self, site, state: Podcast):
        return podcast_outputs(state, site.config, site.markdown)
