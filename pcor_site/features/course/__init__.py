"""The course: the curriculum modules as a path purchasers can take (issue 15).

Modules:

* `path`   the modules in course order, neighbours, prerequisite steps, time
* `rules`  W610 objectives, E611 times, E612/E613 order, E614 prerequisites
* `graph`  the prerequisite graph: an accessible SVG and the same as a list
* `parts`  a module page's opening (questions, objectives, time, prerequisites), check
           questions, key points and previous/next links
* `pages`  the course overview on the curriculum page, the whole course on one page (printed to
           `curriculum/course.pdf` after the engine runs) and the facilitator guide
"""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.documents import print_page
from ...plugin.feature import CheckContext, Feature
from .pages import guide_page, handout_page, overview_html
from .parts import GUIDE_URL, HANDOUT_URL, PDF_PATH, ModulePart
from .path import Course
from .rules import course_rules


class CourseFeature(Feature):
    name = "course"
    pages_read = {"module": frozenset({"module"})}  # previous/next and the course order
    fields = frozenset({"questions", "objectives", "teaching_minutes", "activity_minutes", "minutes", "key_points",
                        "discussion_questions", "facilitator_notes", "check_understanding", "prerequisites"})

    def check(self, ctx: CheckContext):
        course = Course.of(ctx.catalog)
        return course, course_rules(course)

    def record_part(self, item, site, state: Course):
        return ModulePart(item, state) if item.kind.name == "module" and item in state.modules else None

    def index_html(self, kind, site, url, state: Course):
        return overview_html(site, state, url) if kind.name == "module" else Markup("")

    def outputs(self, site, state: Course):
        if not state.modules:
            return {}
        return {urls.doc_for(HANDOUT_URL): handout_page(site, state).markdown(), urls.doc_for(GUIDE_URL): guide_page(site, state).markdown()}

    def addresses(self, catalog):
        return {HANDOUT_URL: "the whole course on one page", GUIDE_URL: "the course's facilitator guide"}

    def post_build(self, site_dir, site, state: Course):
        """The whole course as a PDF, printed from the built handout page."""
        if not state.modules:
            return []
        return print_page(site_dir, HANDOUT_URL, site_dir / PDF_PATH, f"{site.config.site_name}: the whole course",
                          site.config.site_url, "the course PDF")
