"""The purchasing framework as one document, open for comment (issue 15).

* `model` settings (extra.hub.framework: status, version, date; E616) and the document's data
* `document` the framework page (stages → strategies → steps and asks → evidence, "for
             alignment") and the same as a Word file (python-docx); the PDF is printed from the page
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.documents import print_page
from ...plugin.feature import CheckContext, Feature, NavEntry
from .document import framework_docx, framework_page
from .model import DOCX_PATH, PDF_PATH, TITLE, URL, framework_date, settings, stages


class FrameworkFeature(Feature):
    name = "framework"
    fields = frozenset({"alignment"})

    def check(self, ctx: CheckContext):
        return settings(ctx.config)

    def _parts(self, site, state):
        found = stages(site.catalog)
        return found, state.status, state.version, framework_date(site.catalog, state)

    def outputs(self, site, state):
        found, status, version, date = self._parts(site, state)
        if not found:
            return {}
        return {urls.doc_for(URL): framework_page(site, found, status, version, date).markdown(),
                DOCX_PATH: framework_docx(site, found, status, version, date)}

    def index_html(self, kind, site, url, state):
        if kind.name != "strategy" or not site.catalog.of_kind("strategy"):
            return Markup("")
        return Markup('<p class="pcor-intro">Read the strategies as one document: <a href="{}">{}</a> ({}), with PDF and Word downloads.</p>').format(
            urls.relative(url, URL), TITLE, state.status)

    def nav(self, site, state):
        return [NavEntry("The framework document", urls.doc_for(URL), group="For purchasers")] if site.catalog.of_kind("strategy") else []

    def addresses(self, catalog):
        return {URL: "the framework document"}

    def post_build(self, site_dir, site, state):
        return print_page(site_dir, URL, site_dir / PDF_PATH, f"{site.config.site_name}: {TITLE}",
                          site.config.site_url, "the framework PDF")
