"""Record pages: summary first, kind label, evidence-tier badge linked to its criteria, related records
and backlinks grouped by kind, sources, last reviewed, glossary terms explained inline, and a print
stylesheet that makes a clean handout (checked by printing to PDF in Chromium)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browsing import Browser, serve
from pcor_site import urls
from pcor_site.build import check, markdown_for
from pcor_site.features.glossary.linker import Glossary
from pcor_site.features.glossary.rule import ENV_KEY, PageTerms


@pytest.fixture(scope="module")
def catalog(built_hub: Path):
    return check(built_hub).catalog


def html_of(built_hub: Path, kind: str, id: str, catalog) -> str:
    item = catalog.get(kind, id)
    return (built_hub / "site" / urls.record(item.kind, item.id) / "index.html").read_text(encoding="utf-8")


class Outline(HTMLParser):
    """Classes and headings of the article in document order, and every link with its ancestors."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.order: list[str] = []
        self.links: list[tuple[dict, list[str], str]] = []
        self.stack: list[str] = []
        self._link: list | None = None
        self._heading: list | None = None
        self.headings: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for css in (attrs.get("class") or "").split():
            if css.startswith("pcor-"):
                self.order.append(css)
        if tag == "a":
            self._link = [attrs, list(self.stack), ""]
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag, ""]
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append(self._heading[1].replace("¶", "").strip())
            self._heading = None
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._link is not None:
            self._link[2] += data
        if self._heading is not None:
            self._heading[1] += data


def outline(text: str) -> Outline:
    parser = Outline()
    parser.feed(text)
    return parser


def test_summary_first_then_facts_then_body(built_hub, catalog):
    order = outline(html_of(built_hub, "practice", "fixture-practice", catalog)).order
    assert order.index("pcor-kicker") < order.index("pcor-summary") < order.index("pcor-facts") < order.index("pcor-body")
    assert order.index("pcor-summary") < order.index("pcor-sources") < order.index("pcor-reviewed")


def test_kind_label_and_tier_badge_link_to_the_tier_criteria(built_hub, catalog):
    page = outline(html_of(built_hub, "practice", "fixture-practice", catalog))
    kind = [a for a, _, _ in page.links if a.get("class") == "pcor-kind"]
    tier = [(a, text) for a, _, text in page.links if (a.get("class") or "").startswith("pcor-tier ")]
    assert kind and kind[0]["href"] == "../"
    assert tier and tier[0][1] == "Evidence: Strong"
    href = tier[0][0]["href"]
    assert href == "../../evidence-tiers/#tier-strong"
    tiers = (built_hub / "site" / "evidence-tiers" / "index.html").read_text(encoding="utf-8")
    assert 'id="tier-strong"' in tiers and "At least one randomized trial" in tiers


def test_related_records_and_backlinks_are_grouped_by_kind(built_hub, catalog):
    practice = outline(html_of(built_hub, "practice", "fixture-practice", catalog))
    for heading in ("Studies behind this practice", "How to put it in place", "Related", "Sources and references"):
        assert heading in practice.headings
    assert "Practices that use this" not in practice.headings
    study = outline(html_of(built_hub, "study", "fixture-study", catalog))
    assert "Practices this study supports" in study.headings  # the practice behind which the study stands
    tool = outline(html_of(built_hub, "tool", "fixture-tool", catalog))
    assert "Practices that use this" in tool.headings


def test_last_reviewed_is_shown_as_a_date(built_hub, catalog):
    text = html_of(built_hub, "practice", "fixture-practice", catalog)
    assert '<p class="pcor-reviewed">Last reviewed: <time datetime="2026-01-15">2026-01-15</time></p>' in text


def test_glossary_terms_are_linked_once_outside_links_and_headings(built_hub, catalog):
    page = outline(html_of(built_hub, "practice", "fixture-emerging-practice", catalog))
    terms = [(a, ancestors, text) for a, ancestors, text in page.links if a.get("class") == "pcor-term"]
    assert len(terms) == 1
    attrs, ancestors, text = terms[0]
    assert text == "fixture term"
    assert attrs["href"] == "../../glossary/fixture-term/"
    assert attrs["title"].startswith("Fixture term: The fixture definition")
    assert not {"a", "h1", "h2", "h3", "h4"} & set(ancestors)
    # the term's own page does not link to itself
    own = outline(html_of(built_hub, "term", "fixture-term", catalog))
    assert not [a for a, _, _ in own.links if a.get("class") == "pcor-term"]


# -- glossary linking, unit ------------------------------------------------------------------------


class _Record:
    def __init__(self, title, abbreviation=None, also_known_as=(), definition="Meaning."):
        self.title, self.abbreviation, self.also_known_as, self.definition = title, abbreviation, list(also_known_as), definition
        self.summary = definition


class _Item:
    def __init__(self, id, record):
        from pcor_site.schema import KINDS

        self.id, self.record, self.kind, self.key = id, record, KINDS["term"], f"term/{id}"


class _Catalog:
    def __init__(self, *items):
        self.items = items

    def of_kind(self, kind):
        return list(self.items) if kind == "term" else []


GLOSSARY = Glossary(_Catalog(
    _Item("cer", _Record("Comparative effectiveness research", "CER", definition='Compares "A" & <B>.')),
    _Item("pcor", _Record("Patient-centered outcomes research", "PCOR")),
    _Item("care", _Record("Collaborative care", also_known_as=["CoCM model"])),
))


MARKDOWN = markdown_for()


def linked(*texts, url="practices/x/", own=""):
    """Each Markdown text rendered as a page renders its summary and body: one glossary state."""
    env = {ENV_KEY: PageTerms(GLOSSARY, url, own)}
    return [MARKDOWN.render(text, env) for text in texts]


def test_first_occurrence_across_summary_and_body_only():
    summary, body = linked("CER and CER.", "More CER; comparative effectiveness research.")
    assert summary.count('class="pcor-term"') == 1 and body.count("pcor-term") == 0
    assert summary.startswith('<p><a class="pcor-term" href="../../glossary/cer/" title="Comparative effectiveness research: Compares &quot;A&quot; &amp; &lt;B&gt;.">CER</a> and CER.</p>')


def test_titles_match_any_case_abbreviations_only_as_written():
    (text,) = linked("about cer, then COLLABORATIVE CARE and pcor")
    assert '>COLLABORATIVE CARE</a>' in text
    assert text.count("pcor-term") == 1  # neither 'cer' nor 'pcor' in lower case


def test_longest_name_wins_and_words_must_be_whole():
    (text,) = linked("PCORI funds PCOR-adjacent work and the CoCM model.")
    assert "PCORI" in text and ">PCOR<" not in text  # neither inside PCORI nor PCOR-adjacent
    assert '>CoCM model</a>' in text


def test_a_name_broken_over_two_lines_is_still_one_name():
    (text,) = linked("We compare\ncomparative effectiveness\nresearch with others.")
    assert '<a class="pcor-term" href="../../glossary/cer/"' in text and ">comparative effectiveness\nresearch</a>" in text


def test_never_inside_links_headings_or_code():
    head, tail = linked("### CER\n\n[CER](https://x.org/) `CER` and **[the CER](https://y.org/)**", "CER")
    assert "pcor-term" not in head
    assert "<h2>CER</h2>" in head and "<code>CER</code>" in head
    assert tail == '<p><a class="pcor-term" href="../../glossary/cer/" title="Comparative effectiveness research: Compares &quot;A&quot; &amp; &lt;B&gt;.">CER</a></p>\n'


def test_text_stays_escaped_and_markup_is_kept():
    (text,) = linked("Use <script> & CER in *care* ![x](a.png)  \nnext")
    assert "&lt;script&gt; &amp; " in text and "<script" not in text
    assert '<img src="a.png" alt="x">' in text and "<em>care</em>" in text and 'class="pcor-term"' in text


def test_a_term_page_does_not_link_itself():
    (text,) = linked("CER is defined here.", url="glossary/cer/", own="term/cer")
    assert "pcor-term" not in text


# -- the print stylesheet (real Chromium) -------------------------------------------------------


@pytest.mark.browser
def test_print_makes_a_clean_handout(built_hub, catalog):
    with serve(built_hub / "site") as base:
        browser = Browser(base)
        try:
            tab = browser.page()
            tab.goto(base + "practices/fixture-practice/")
            tab.wait_for_load_state("networkidle")
            tab.emulate_media(media="print")
            for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".pcor-site-search"):
                assert tab.locator(chrome).first.is_hidden(), chrome
            assert tab.locator("h1").first.is_visible()
            assert tab.locator(".pcor-summary").is_visible()
            assert tab.locator(".pcor-tier").is_visible()
            assert tab.locator(".pcor-sources").last.is_visible()
            assert all(not b.is_visible() for b in tab.locator(".md-typeset button, .md-typeset .md-button").all())
            # external links print their address; a link whose text is already the address does not repeat it
            after = tab.evaluate("""() => [...document.querySelectorAll('.md-typeset a[href^="http"]')].map(
                a => [a.textContent.trim() === a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
            assert after and all((content == "none") if bare else content.startswith('" (') for bare, content in after)
            pdf = tab.pdf(format="Letter")
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            assert pdf.startswith(b"%PDF") and 1 <= pages <= 3, pages
            tab.context.close()
        finally:
            browser.close()
        assert browser.external == []
