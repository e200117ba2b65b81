"""Summary reports: a report record's outline compiled into one page (contents, sections, included
records with numbered citations, references) and into a PDF of that page.

* `outline`   the sections' records (by list and by filter) and the rules (E634, E640, W641)
* `compiled`  the page's HTML
The PDF is printed from the built page by `pcor_site.pdf.write_pdf` in the post-build step.
"""

from __future__ import annotations

from ... import urls
from ...diagnostics import Diagnostic
from ...pdf import write_pdf
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
    pages_read = {"report": None}  # a report outlines records of any kind
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
            folder = site_dir / urls.record(item.kind, item.id)
            try:
                write_pdf(folder / "index.html", folder / pdf_name(item), site_dir, title=item.record.title)
            except Exception as error:  # WeasyPrint raises many kinds; any failure stops the swap with a diagnostic
                problems.append(Diagnostic.of("E903", f"site/{urls.record(item.kind, item.id)}{pdf_name(item)}", 1, 1,
                                              f"the report PDF could not be written: {type(error).__name__}: {error}"))
        return problems
