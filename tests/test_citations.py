"""CSL formatting (AMA, APA), LaTeX to Unicode, `[@key]` citations in prose and the E304 check."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcor_site.bibliography import parse_bibtex
from pcor_site.build import markdown_for
from pcor_site.diagnostics import render_text
from pcor_site.features.citations.csl import latex_to_text, names, to_csl
from pcor_site.features.citations.prose import PageCitations, clusters_of
from pcor_site.features.citations.style import StyleError, Styler, styler
from pcor_site.features.citations.syntax import ENV_KEY, strip

MARKDOWN = markdown_for()


def render(text: str, page=None) -> str:
    return MARKDOWN.render(text, {ENV_KEY: page} if page is not None else None)


BIB = Path(__file__).parent / "fixtures" / "bib" / "formatting.bib"


@pytest.fixture(scope="module")
def bibliography():
    bib, problems = parse_bibtex("formatting.bib", BIB.read_text(encoding="utf-8"))
    assert problems == []
    return bib


@pytest.fixture(scope="module")
def items(bibliography):
    return {key: to_csl(ref) for key, ref in bibliography.entries.items()}


AMA = {
    "doe2020trial": "Doe J, Müller H. A fixture trial of collaborative care for COVID-19. Fixture Journal. 2020;12(3):101-110. doi:10.1000/fixture.1",
    "pcori2021peer": "Roe R, Smith Ó. Peer Support in the Workplace: Final Research Report. Patient-Centered Outcomes Research Institute; 2021. https://example.org/reports/peer-support",
    "lee2019book": "Lee A. Purchasing for Mental Health. Fixture Press; 2019.",
    "garcia2018conf": "García L, Chen M, Okafor N. Measuring Access to Care. In: Proceedings of the Fixture Conference. 2018:5-9.",
}
APA = {
    "doe2020trial": "Doe, J., & Müller, H. (2020). A fixture trial of collaborative care for COVID-19. Fixture Journal, 12(3), 101–110. https://doi.org/10.1000/fixture.1",
    "pcori2021peer": "Roe, R., & Smith, Ó. (2021). Peer Support in the Workplace: Final Research Report. Patient-Centered Outcomes Research Institute. https://example.org/reports/peer-support",
    "lee2019book": "Lee, A. (2019). Purchasing for Mental Health. Fixture Press.",
    "garcia2018conf": "García, L., Chen, M., & Okafor, N. (2018). Measuring Access to Care. Proceedings of the Fixture Conference, 5–9.",
}


@pytest.mark.parametrize("style,expected", [("ama", AMA), ("apa", APA)])
def test_formatted_text_matches_exactly(items, style, expected):
    formatted = styler(style).format_many(list(items.values()))
    assert {key: f.text for key, f in formatted.items()} == expected


def test_formatted_html_keeps_italics_and_escapes(items):
    ama = styler("ama").format(items["doe2020trial"]).html
    assert ama == "Doe J, Müller H. A fixture trial of collaborative care for COVID-19. <i>Fixture Journal</i>. 2020;12(3):101-110. doi:10.1000/fixture.1"
    apa = styler("apa").format(items["doe2020trial"]).html
    assert apa.startswith("Doe, J., &amp; Müller, H. (2020).") and "<i>12</i>(3)" in apa


def test_bibliography_order_per_style(items):
    values = list(items.values())
    assert styler("ama").order(values) == ["doe2020trial", "pcori2021peer", "lee2019book", "garcia2018conf"]
    assert styler("apa").order(values) == ["doe2020trial", "garcia2018conf", "lee2019book", "pcori2021peer"]
    assert [styler("apa").in_text(i) for i in values] == ["Doe & Müller, 2020", "Roe & Smith, 2021", "Lee, 2019", "García et al., 2018"]
    assert styler("ama").numeric and not styler("apa").numeric


def test_unknown_style_is_a_clear_error():
    with pytest.raises(StyleError, match="unknown citation style 'no-such-style'"):
        Styler("no-such-style")


def test_unsafe_text_in_an_entry_is_sanitised():
    item = {"id": "x", "type": "article-journal", "title": "A <script>alert(1)</script> & B",
            "author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2020]]}}
    html = styler("ama").format(item).html
    assert "<script" not in html and "&amp; B" in html


def test_latex_becomes_unicode():
    assert latex_to_text("{An} amazing {title}") == "An amazing title"
    assert latex_to_text("n.s.~2") == "n.s. 2"
    assert latex_to_text("Verd{\\'{u}}, 12--23, \\& 50\\%") == "Verdú, 12–23, & 50%"
    assert latex_to_text("plain   text") == "plain text"


def test_names_split_on_and_in_any_case_and_keep_particles():
    assert names("Bird, R.B. and Armstrong, R.C. AND Hassager, O.") == [
        {"family": "Bird", "given": "R.B."}, {"family": "Armstrong", "given": "R.C."}, {"family": "Hassager", "given": "O."}]
    assert names("Afirstname Bsecondname van Dam and {World Health Organization} and others") == [
        {"family": "Dam", "given": "Afirstname Bsecondname", "non-dropping-particle": "van"},
        {"literal": "World Health Organization"}]
    assert names("{\\'C}ulafi{\\'c}, Dragana") == [{"family": "Ćulafić", "given": "Dragana"}]


def test_csl_item_fields(items):
    assert items["pcori2021peer"] == {
        "id": "pcori2021peer", "type": "report", "title": "Peer Support in the Workplace: Final Research Report",
        "author": [{"family": "Roe", "given": "Richard"}, {"family": "Smith", "given": "Órla"}],
        "publisher": "Patient-Centered Outcomes Research Institute", "issued": {"date-parts": [[2021, 3]]},
        "URL": "https://example.org/reports/peer-support",
    }
    assert items["garcia2018conf"]["type"] == "paper-conference"
    assert items["garcia2018conf"]["container-title"] == "Proceedings of the Fixture Conference"
    assert items["lee2019book"]["publisher-place"] == "Washington, DC"


# -- citations in prose ------------------------------------------------------------------------

def test_numbered_citations_share_one_order_across_summary_and_body(bibliography):
    page = PageCitations(bibliography, "ama", "practices/x/")
    summary = render("Summary cites [@lee2019book].", page)
    body = render("Body [@doe2020trial; @lee2019book] and `[@code]` and \\[@escaped].", page)
    assert summary == '<p>Summary cites <sup class="pcor-cite"><a href="#cite-lee2019book" rel="noopener noreferrer">1</a></sup>.</p>\n'
    assert body == ('<p>Body <sup class="pcor-cite"><a href="#cite-doe2020trial" rel="noopener noreferrer">2</a>,'
                    '<a href="#cite-lee2019book" rel="noopener noreferrer">1</a></sup> and <code>[@code]</code> and [@escaped].</p>\n')
    [section] = page.sections()
    assert section.heading == "Works cited"
    html = str(section.html)
    assert html.startswith('<ol class="pcor-cited"><li id="cite-lee2019book">Lee A. <i>Purchasing for Mental Health</i>. Fixture Press; 2019.')
    assert html.index('id="cite-lee2019book"') < html.index('id="cite-doe2020trial"')
    assert 'href="../../references/doe2020trial/"' in html and 'class="Z3988"' in html


def test_author_date_citations(bibliography):
    page = PageCitations(bibliography, "apa", "studies/x/")
    body = render("As shown [@pcori2021peer; @garcia2018conf].", page)
    assert body == ('<p>As shown <span class="pcor-cite">(<a href="#cite-pcori2021peer" rel="noopener noreferrer">Roe &amp; Smith, 2021</a>; '
                    '<a href="#cite-garcia2018conf" rel="noopener noreferrer">García et al., 2018</a>)</span>.</p>\n')
    html = str(page.sections()[0].html)
    assert html.startswith('<ul class="pcor-cited"><li id="cite-garcia2018conf">')  # APA: sorted by author


def test_links_and_plain_brackets_are_not_citations(bibliography):
    page = PageCitations(bibliography, "ama", "x/")
    assert render("[@doe2020trial](https://example.org/) and [see here]", page) == (
        '<p><a href="https://example.org/" rel="noopener noreferrer">@doe2020trial</a> and [see here]</p>\n')
    assert page.sections() == []
    assert render("no page context [@doe2020trial]") == "<p>no page context [@doe2020trial]</p>\n"


def test_clusters_come_from_the_one_parse_with_lines_within_the_text():
    text = "First paragraph.\n\n- item one\n- item with [@a; @b]\n\nA paragraph\nthat cites [@c] on its second line.\n"
    found = [(c.line, c.raw, c.keys) for c in clusters_of(MARKDOWN.parse(text))]
    assert found == [(3, "[@a; @b]", ["a", "b"]), (6, "[@c]", ["c"])]
    assert strip("Text [@a; @b] more [@c].") == "Text more ."


def test_unknown_key_in_prose_is_E304_at_its_line(hub_copy):
    from pcor_site.build import check

    record = hub_copy / "content" / "pages" / "cites-badly.md"
    record.write_text(
        "---\ntitle: A page that cites badly\nsummary: A page whose summary cites [@doe2020trail] by mistake.\n"
        "sources:\n  - url: https://example.org/gap\n---\nFirst line of the body.\n\n"
        "Known [@doe2020trial] and unknown [@doe2020trial; @nobody2000].\n",
        encoding="utf-8",
    )
    result = check(hub_copy)
    e304 = [d for d in result.diagnostics if d.code == "E304"]
    assert render_text(e304) == (
        "content/pages/cites-badly.md:3:37: E304 summary: [@doe2020trail]: no entry 'doe2020trail' in references.bib; did you mean 'doe2020trial'?\n"
        "    hint: Use a key from `content/references.bib`, or add the entry there. (see CONTRIBUTING.md#e304-unknown-reference-key)\n"
        "content/pages/cites-badly.md:9:35: E304 body: [@nobody2000]: no entry 'nobody2000' in references.bib"
    )
