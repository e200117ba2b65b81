"""The podcast: episode pages with player, chapters and transcript, and a show feed for podcast apps.

* `show`: the show settings (`extra.hub.podcast` in mkdocs.yml) and guids;
* `episodes`: files beside episode records, read and checked once (`check`);
* `page`: the episode page sections and the index page's subscribe box;
* `feed`: RSS 2.0 + itunes + Podcasting 2.0 feed, JSON chapters, HTML transcripts, copied media;
* `vtt`, `media`: WebVTT reader; audio (mutagen) and artwork (Pillow) facts.
"""

from __future__ import annotations


def register() -> None:
    from .. import extensions
    from .episodes import check_podcast
    from .feed import podcast_outputs
    from .page import episode_sections, podcast_index_html

    extensions.CHECK_MAKERS.append(check_podcast)
    extensions.SECTION_MAKERS.append(episode_sections)
    extensions.OUTPUT_MAKERS.append(podcast_outputs)
    extensions.INDEX_MAKERS.append(podcast_index_html)
