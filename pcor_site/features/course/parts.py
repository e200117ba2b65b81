"""HTML parts of the course, built from escaped pieces only: lists, the time, the module page's
opening and closing sections, and the previous/next links."""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.feature import HtmlSection, RecordPart
from .path import Course, duration, minutes

COURSE_URL = "curriculum/"
HANDOUT_URL = "curriculum/whole-course/"
GUIDE_URL = "curriculum/facilitator-guide/"
PDF_PATH = "curriculum/course.pdf"


def bullets(items, css: str = "pcor-text-list") -> Markup:
    return Markup('<ul class="{}">{}</ul>').format(css, Markup("").join(Markup("<li>{}</li>").format(i) for i in items))


def titled(title: str, items, css: str = "pcor-text-list") -> Markup:
    return Markup("<h3>{}</h3>\n{}").format(title, bullets(items, css)) if items else Markup("")


def time_text(item) -> str:
    """"Estimated time: 45 minutes (30 teaching, 15 activities)", or "" when the record gives none."""
    record = item.record
    total = minutes(item)
    parts = [f"{n} {what}" for n, what in ((record.teaching_minutes, "teaching"), (record.activity_minutes, "activities")) if n is not None]
    if total is not None:
        return f"Estimated time: {duration(total)}" + (f" ({', '.join(parts)})" if parts else "")
    return f"Estimated time: {', '.join(f'{p} minutes' for p in parts)}" if parts else ""


def opening(item, course: Course, link_for) -> Markup:
    """Questions, objectives, time and prerequisites: what a learner reads before the module."""
    record = item.record
    html = [titled("Questions", record.questions), titled("Learning objectives", record.objectives)]
    if text := time_text(item):
        html.append(Markup('<p class="pcor-course-time">{}</p>').format(text))
    if before := course.prerequisites(item):
        links = Markup(", ").join(Markup('<a href="{}">{}</a>').format(link_for(p), p.record.title) for p in before)
        html.append(Markup('<p class="pcor-course-prereq">Take these modules first: {}</p>').format(links))
    return Markup("\n").join(h for h in html if h)


def check_questions(item) -> Markup:
    """The check-your-understanding questions, without their answers (those are for facilitators)."""
    return bullets([c.question for c in item.record.check_understanding]) if item.record.check_understanding else Markup("")


def course_nav(item, course: Course, url: str) -> Markup:
    """Previous / next in the course order, the course page, and (screen only) the facilitator guide."""
    before, after = course.neighbours(item)
    links = []
    if before:
        links.append(Markup('<a class="pcor-prev" rel="prev" href="{}">Previous: {}</a>').format(
            urls.relative(url, urls.record(before.kind, before.id)), before.record.title))
    links.append(Markup('<a class="pcor-up" href="{}">The course</a>').format(urls.relative(url, COURSE_URL)))
    if after:
        links.append(Markup('<a class="pcor-next" rel="next" href="{}">Next: {}</a>').format(
            urls.relative(url, urls.record(after.kind, after.id)), after.record.title))
    guide = Markup('<p class="pcor-facilitator-link">Leading a session? <a href="{}#module-{}">Facilitator guide for this module</a></p>').format(
        urls.relative(url, GUIDE_URL), item.id)
    return Markup('<nav class="pcor-course-nav" aria-label="Course">{}</nav>\n{}').format(Markup("").join(links), guide)


def stylesheet(url: str) -> Markup:
    return Markup('<link rel="stylesheet" href="{}">').format(urls.relative(url, "assets/") + "learning.css")


class ModulePart(RecordPart):
    """A module page: opening first, then the body, then check questions, key points, previous/next."""

    def __init__(self, item, course: Course):
        self.item, self.course = item, course
        self.url = urls.record(item.kind, item.id)

    def link_for(self, other) -> str:
        return urls.relative(self.url, urls.record(other.kind, other.id))

    def sections(self):
        html = opening(self.item, self.course, self.link_for)
        found = [HtmlSection("Before you start", stylesheet(self.url) + html, "pcor-course-opening", place="lead") if html
                 else HtmlSection("", stylesheet(self.url), place="lead")]
        if questions := check_questions(self.item):
            found.append(HtmlSection("Check your understanding", questions))
        if self.item.record.key_points:
            found.append(HtmlSection("Key points", bullets(self.item.record.key_points), "pcor-key-points"))
        found.append(HtmlSection("", course_nav(self.item, self.course, self.url), "pcor-course-nav-section"))
        return found
