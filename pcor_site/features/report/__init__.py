"""Summary reports: a report record's outline compiled into one page (contents, sections, included
records with numbered citations, references) and into a PDF of that page.

* `outline`   the sections' records (by list and by filter) and the rules (E634, E640, W641)
* `compiled`  the page's HTML
The PDF is printed from the built page (`plugin.documents.print_page`, with its public address) in the post-build step.
"""

from __future__ import annotations

from ... import urls
from ...plugin.documents import print_page
from ...plugin.feature import CheckContext, Feature, HtmlSection, RecordPart
from .compiled import pdf_name, report_html
from .outline import check_reports


class _ReportPart(RecordPart):
    def __init__(self, html):
        self.html = html

    def sections(self):
        return [HtmlSection("", self.html, "pcor-report")]


class ReportFeature(Feature):
    name = "report"
    fields = frozenset({"outline"})

    def check(self, ctx: CheckContext):
        return None, check_reports(ctx.catalog)

    def record_part(self, item, site, state):
        if item.kind.name != "report":
            return None
        return _ReportPart(report_html(site, item, urls.record(item.kind, item.id)))

    def post_build(self, site_dir, site, state):
        problems = []
        for item in sorted(site.catalog.of_kind("report"), key=lambda i: i.id):
            address = urls.record(item.kind, item.id)
            problems += print_page(site_dir, address, site_dir / address / pdf_name(item), item.record.title,
                                   site.config.site_url, "the report PDF", "E903", f"site/{address}{pdf_name(item)}")
        return problems
