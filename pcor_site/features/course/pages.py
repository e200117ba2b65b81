"""The course's own pages: the course overview (above the curriculum list), the whole course on
one page (the learner handout, printed to the course PDF) and the facilitator guide."""

from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...plugin.documents import DocPage, DocSection, demote_headings
from .graph import graph_list, graph_svg
from .parts import GUIDE_URL, HANDOUT_URL, PDF_PATH, check_questions, opening, stylesheet, titled
from .path import Course, duration


def _linker(url: str):
    return lambda item: urls.relative(url, urls.record(item.kind, item.id))


def overview_html(site, course: Course, url: str) -> Markup:
    """The course page: who it is for, total time, the printable course, the prerequisite graph."""
    if not course.modules:
        return Markup("")
    link_for = _linker(url)
    labels = [t.label for t in (site.catalog.term("audiences", a) for a in course.audiences()) if t]
    facts = []
    if labels:
        facts.append(Markup("<dt>Who it is for</dt><dd>{}</dd>").format(", ".join(labels)))
    facts.append(Markup("<dt>Modules</dt><dd>{}</dd>").format(len(course.modules)))
    if (total := course.total_minutes()) is not None:
        facts.append(Markup("<dt>Total time</dt><dd>{}</dd>").format(duration(total)))
    downloads = Markup(
        '<ul class="pcor-course-downloads"><li><a href="{}">The whole course on one page</a> (to read or print)</li>'
        '<li><a href="{}">The whole course as a PDF</a></li>'
        '<li class="pcor-facilitator-link"><a href="{}">Facilitator guide</a>: notes, discussion prompts and answers</li></ul>').format(
        urls.relative(url, HANDOUT_URL), urls.relative(url, "") + PDF_PATH, urls.relative(url, GUIDE_URL))
    return Markup(
        '{css}<dl class="pcor-facts">{facts}</dl>\n{downloads}\n<h2 id="learning-path">The learning path</h2>\n'
        '<p>Take the modules in order. An arrow points from a module to one that builds on it.</p>\n'
        '<figure class="pcor-graph-figure">{svg}</figure>\n{list}').format(
        css=stylesheet(url), facts=Markup("").join(facts), downloads=downloads,
        svg=graph_svg(course), list=graph_list(course, link_for))


def _envs(site, item) -> dict:
    env: dict = {}
    for feature in site.features:
        part = feature.record_part(item, site, site.state(feature))
        if part is not None:
            env.update(part.markdown_env())
    return env


def _references(site, course: Course, url: str) -> Markup:
    keys = []
    for item in course.modules:
        keys += item.record.readings + [s.ref for s in item.record.sources if s.ref]
    keys = [k for k in dict.fromkeys(keys) if site.catalog.bibliography.get(k) is not None]
    links = [site.reference_link(k, url) for k in keys]
    return Markup('<ol class="pcor-sources">{}</ol>').format(
        Markup("").join(Markup('<li><a href="{}">{}</a></li>').format(link.url, link.title) for link in links)) if links else Markup("")


def handout_page(site, course: Course) -> DocPage:
    """Every module in order: opening, body, check questions, key points, readings; then the references."""
    url = HANDOUT_URL
    link_for = _linker(url)
    toc = Markup('<nav aria-label="Contents"><h2 id="contents">Contents</h2><ol class="pcor-toc">{}</ol></nav>').format(
        Markup("").join(Markup('<li><a href="#module-{}">{}</a></li>').format(i.id, i.record.title) for i in course.modules))
    sections = []
    for item in course.modules:
        record = item.record
        parts = [Markup('<p class="pcor-summary">{}</p>').format(site.description(record.summary, 1200)), opening(item, course, link_for)]
        if item.body:
            parts.append(demote_headings(site.markdown.render(item.body_text or item.body, _envs(site, item))))
        if questions := check_questions(item):
            parts.append(Markup("<h3>Check your understanding</h3>\n") + questions)
        parts.append(titled("Key points", record.key_points))
        sections.append(DocSection(record.title, Markup("\n").join(p for p in parts if p), f"module-{item.id}", "pcor-handout-module"))
    if references := _references(site, course, url):
        sections.append(DocSection("References", references, "references"))
    intro = stylesheet(url) + Markup(
        '<p class="pcor-intro">The learner handout: every module of the course in order, with its references. '
        'Print this page, or download <a href="{}">the PDF</a>.</p>\n{}').format(urls.relative(url, "") + PDF_PATH, toc)
    return DocPage("The whole course", "Every module of the PCOR/CER course for purchasers on one printable page.", intro, sections)


def guide_page(site, course: Course) -> DocPage:
    """For facilitators: per module, the notes, discussion prompts and check questions with answers."""
    url = GUIDE_URL
    sections = []
    for item in course.modules:
        record = item.record
        answers = [Markup("{} <strong>Answer:</strong> {}").format(c.question, c.answer) for c in record.check_understanding]
        parts = [titled("Facilitator notes", record.facilitator_notes), titled("Discussion prompts", record.discussion_questions),
                 titled("Check your understanding: answers", answers)]
        html = Markup("\n").join(p for p in parts if p) or Markup("<p>This module has no facilitator material yet.</p>")
        link = Markup('<p>Learners read: <a href="{}">{}</a></p>').format(_linker(url)(item), record.title)
        sections.append(DocSection(record.title, link + html, f"module-{item.id}", "pcor-facilitator"))
    intro = stylesheet(url) + Markup(
        '<p class="pcor-intro">For the person leading a session. Learners see the modules without this material; '
        'the printed handout leaves it out.</p>')
    return DocPage("Facilitator guide", "Facilitator notes, discussion prompts and answers for the PCOR/CER course.", intro, sections,
                   "pcor-facilitator-guide")
