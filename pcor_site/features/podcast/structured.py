"""schema.org `PodcastEpisode` of an episode page: its date, its series (the show), the audio
(`associatedMedia`, an `AudioObject`) and the transcript. This feature writes the episode's
structured data because only it knows the show, the audio file and the transcript files.

`transcript` (a schema.org property of the audio, Text) is the address of the HTML transcript:
schema.org's URL is a kind of Text, and the words are on the page itself.
"""

from __future__ import annotations

from ... import urls
from ...plugin.jsonld import json_ld
from .episodes import EpisodeFiles, Podcast


def _address(config, path: str) -> str:
    return urls.absolute(config.site_url, path) or path


def episode_data(files: EpisodeFiles, podcast: Podcast, config, description: str) -> dict:
    record = files.record
    audio: dict = {"@type": "AudioObject", "contentUrl": _address(config, files.audio_href) if files.local_audio else files.audio_href,
                   "transcript": _address(config, files.asset("transcript.html"))}
    if files.mime:
        audio["encodingFormat"] = files.mime
    if files.duration:
        audio["duration"] = f"PT{files.duration}S"
    data: dict = {"@context": "https://schema.org", "@type": "PodcastEpisode", "name": record.title, "description": description,
                  "url": _address(config, files.page), "datePublished": record.date.isoformat(), "associatedMedia": audio,
                  "inLanguage": podcast.show.show.language if podcast.show.show else "en"}
    if podcast.show.show:
        data["partOfSeries"] = {"@type": "PodcastSeries", "name": podcast.show.show.title, "url": _address(config, "podcast/")}
        if podcast.publishable:
            data["partOfSeries"]["webFeed"] = podcast.show.feed_url
    if files.duration:
        data["timeRequired"] = f"PT{files.duration}S"
    return data


def episode_json_ld(files: EpisodeFiles, podcast: Podcast, config, description: str) -> str:
    return json_ld(episode_data(files, podcast, config, description))
