"""The handout builder: readers pick records on any page and print them as one handout.

Every record page carries an element with `data-handout-id` (KIND/ID), `data-handout-kind` and
`data-handout-title`; `static/handout.js` gives every such element on any page (cards, lists,
Explore results) an "Add to handout" toggle. The handout page renders the picks from
`handout/records.json`, which this feature writes at build time: no server, no third-party
request. The page's address (handout/#ids=kind/id,...) is the shareable handout.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from ... import urls
from ...plugin.feature import Feature, HtmlSection, NavEntry, RecordPart

URL = "handout/"
DOC = "handout.md"
DATA = "handout/records.json"
SCRIPT = "assets/handout.js"
TITLE = "Your handout"
SUMMARY_LIMIT = 240


def pick_html(item, from_url: str) -> Markup:
    """The record's pick control (the script adds its button) and the script itself."""
    return Markup('<div class="pcor-handout-pick" data-handout-id="{}" data-handout-kind="{}" data-handout-title="{}"></div>'
                  '<script type="module" src="{}"></script>').format(
        item.key, item.kind.label, item.record.title, urls.relative(from_url, SCRIPT))


class _Part(RecordPart):
    def __init__(self, html: Markup):
        self.html = html

    def sections(self):
        return [HtmlSection("", self.html, "pcor-handout-section")]


def records_json(site) -> str:
    data = {}
    for item in sorted(site.catalog.items.values(), key=lambda i: i.key):
        data[item.key] = {"id": item.key, "kind": item.kind.label, "title": item.record.title,
                          "summary": site.description(item.record.summary, SUMMARY_LIMIT), "url": urls.record(item.kind, item.id)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def handout_page() -> str:
    script = urls.relative(URL, SCRIPT)
    return f"""---
title: {TITLE}
description: Pick records anywhere on the hub and print them as one handout, or share its link.
hide:
  - toc
---

<div class="pcor-index">
<h1>{escape(TITLE)}</h1>
<p class="pcor-intro">Use “Add to handout” on any record or list, then print this page or send its link. Your picks stay in this browser; nothing is sent anywhere.</p>
</div>

<noscript><p>The handout builder needs JavaScript. Every record page can be printed on its own.</p></noscript>

<div id="pcor-handout" class="pcor-handout" hidden>
<div class="pcor-handout__tools">
<button id="pcor-handout-print" type="button" class="md-button md-button--primary">Print the handout</button>
<button id="pcor-handout-clear" type="button" class="md-button">Clear the handout</button>
</div>
<p class="pcor-handout__share"><label for="pcor-handout-share">Link to this handout</label>
<input id="pcor-handout-share" type="text" readonly>
<button id="pcor-handout-copy" type="button" class="md-button">Copy the link</button>
<span id="pcor-handout-copied" role="status"></span></p>
<p id="pcor-handout-status" role="status"></p>
<ol id="pcor-handout-list" class="pcor-handout__list"></ol>
</div>
<script type="module" src="{script}"></script>
"""


class HandoutFeature(Feature):
    name = "handout"

    def record_part(self, item, site, state):
        return _Part(pick_html(item, urls.record(item.kind, item.id)))

    def outputs(self, site, state):
        return {DOC: handout_page(), DATA: records_json(site)}

    def nav(self, site, state):
        return [NavEntry(TITLE, DOC, group="The convening")]

    def addresses(self, catalog):
        return {URL: "the handout page"}
