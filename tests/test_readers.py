"""The hub as its readers meet it, read back from the built fixture hub (issue 14): the question
bank (page, Word file through python-docx, CSV through the csv module), evidence tiers as a graded
scale on listings and on the tiers page, bounded listing pages, the home page's start points, record
pages in reading order, the footer and the 404 page. Browser behaviour is in test_readers_browser.py.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html

from conftest import copy_hub
from pcor_site import urls
from pcor_site.build import build, check
from pcor_site.site import listings


@pytest.fixture(scope="module")
def catalog(built_hub: Path):
    return check(built_hub).catalog


def page(built_hub: Path, address: str):
    return lxml_html.fromstring((built_hub / "site" / address / "index.html").read_bytes())


def every_ask(catalog) -> list[str]:
    return [" ".join(a.split()) for item in catalog.of_kind("practice") for a in item.record.asks]


# -- the question bank -------------------------------------------------------------------------

def test_question_bank_page_holds_every_ask_as_text_with_its_practice_tier_and_stage(built_hub, catalog):
    tree = page(built_hub, "question-bank")
    asks = [" ".join(p.text_content().split()) for p in tree.cssselect("ol.pcor-asks > li > p:first-child")]
    assert sorted(asks) == sorted(every_ask(catalog)) and asks
    assert not tree.cssselect(".pcor-asks code, .pcor-asks pre")  # asks are text, not code
    first = tree.cssselect("ul.pcor-bank__practices > li")[0]
    assert first.cssselect(".pcor-ask__meta a")[0].text_content() == "Fixture practice & policy"
    assert first.cssselect(".pcor-tier")[0].text_content() == "Evidence: Strong"
    assert "Source: Doe J" in first.cssselect(".pcor-ask__meta")[0].text_content()
    # grouped by priority area, then by the stage of the strategies that list the practice
    headings = [h.text_content().strip() for h in tree.cssselect("h2, h3")]
    assert "Collaborative Care" in headings[0] and headings[1] == "Purchasing stage: Assess"
    scopes = {b.get("data-copy-scope") for b in tree.cssselect("button.pcor-bank-copy")}
    assert {"all", "bank-collaborative-care", "bank-collaborative-care--assess"} <= scopes  # "copy this ask": made by the script


def test_question_bank_word_file_opens_with_python_docx_and_contains_every_ask(built_hub, catalog):
    document = docx.Document(str(built_hub / "site" / "question-bank" / "question-bank.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    numbered = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert sorted(numbered) == sorted(every_ask(catalog))
    assert paragraphs[0] == "Question bank for purchasers"
    assert "Purchasing stage: Assess" in paragraphs
    assert any(p.startswith("From the practice “Fixture practice & policy”. Evidence: Strong.") for p in paragraphs)
    assert document.core_properties.title == "Question bank for purchasers"


def test_question_bank_csv_has_one_row_per_ask(built_hub, catalog):
    text = (built_hub / "site" / "question-bank" / "question-bank.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["ask"] for r in rows) == sorted(every_ask(catalog))
    row = rows[0]
    assert (row["priority_area"], row["purchasing_stages"], row["evidence_tier"]) == ("Collaborative Care", "Assess", "Strong")
    assert row["practice_url"] == "http://127.0.0.1:8000/practices/fixture-practice/"


def test_question_bank_escapes_hostile_asks_in_every_output(tmp_path):
    root = copy_hub(tmp_path / "hub")
    practice = root / "content" / "practice" / "fixture-practice.md"
    hostile = '=HYPERLINK("https://evil.example","x") <script>alert(1)</script> & "quotes"'
    practice.write_text(practice.read_text(encoding="utf-8").replace("Ask the vendor for the fixture report.", f"'{hostile}'"), encoding="utf-8")
    result = build(root)
    assert result.ok, result.check.diagnostics + result.diagnostics
    site = root / "site" / "question-bank"
    raw = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    cell = next(csv.DictReader(io.StringIO((site / "question-bank.csv").read_text(encoding="utf-8"))))["ask"]
    assert cell == "'" + hostile  # a spreadsheet shows it as text, never runs it
    numbered = [p.text for p in docx.Document(str(site / "question-bank.docx")).paragraphs if p.style.name == "List Number"]
    assert numbered == [hostile]


def test_question_bank_word_file_is_byte_identical_across_builds(tmp_path, built_hub):
    root = copy_hub(tmp_path / "again")
    assert build(root).ok
    name = "question-bank/question-bank.docx"
    assert (root / "site" / name).read_bytes() == (built_hub / "site" / name).read_bytes()


# -- evidence tiers ----------------------------------------------------------------------------

def test_tier_badges_on_listings_carry_text_shape_and_a_colour_per_tier(built_hub):
    tree = page(built_hub, "practices")
    badges = {b.text_content(): b for b in tree.cssselect("ul.pcor-links .pcor-tier")}
    assert set(badges) == {"Evidence: Strong", "Evidence: Emerging"}
    strong, emerging = badges["Evidence: Strong"], badges["Evidence: Emerging"]
    assert strong.get("class") != emerging.get("class")  # a colour per tier (pcor.css)
    # the shape, drawn by CSS from two classes: s = filled bars, n = bars on the scale
    scales = [set(b.cssselect(".pcor-tier__scale")[0].get("class").split()) for b in (strong, emerging)]
    assert scales == [{"pcor-tier__scale", "s2", "n2"}, {"pcor-tier__scale", "s1", "n2"}]  # the strongest fills the scale
    assert [len(b) for b in (strong, emerging)] == [1, 1] and not strong[0].text_content()  # one empty element per badge
    assert strong.get("aria-label") == "Evidence: Strong, strength 2 of 2"
    assert strong.get("title") is None  # a list does not repeat the meaning on every badge...
    record = page(built_hub, "practices/fixture-practice").cssselect(".pcor-kicker .pcor-tier")[0]
    assert record.get("title") == "Backed by trials."  # ...the record page and the tiers page give it


def test_tiers_page_lists_the_records_in_each_tier(built_hub):
    tree = page(built_hub, "evidence-tiers")
    lists = {}
    for heading in tree.cssselect("h2[id^=tier-]"):
        listed = heading.getnext().getnext()
        lists[heading.get("id")] = [a.text_content() for a in listed.cssselect("li > a:first-child")]
    assert lists == {"tier-strong": ["Fixture practice & policy"], "tier-emerging": ["Emerging fixture practice"]}


def test_priority_area_and_region_pages_show_tiers_and_handout_hooks(built_hub):
    for address in ("priority-areas/network-access", "regions/fixture-region-two"):
        items = page(built_hub, address).cssselect("li[data-handout-id]")
        practice = [li for li in items if li.get("data-handout-id").startswith("practice/")]
        assert practice, address
        assert practice[0].attrib.keys() == ["data-handout-id"]  # the title is its first link's text (handout.js)
        assert practice[0].cssselect(".pcor-tier"), address


# -- listings that do not grow with the hub ----------------------------------------------------

def test_a_long_list_shows_the_first_records_and_links_to_explore(built_hub, monkeypatch):
    monkeypatch.setattr(listings, "LIST_LIMIT", 1)
    result = check(built_hub)
    section = listings.kind_index(result.site(), __import__("pcor_site.schema", fromlist=["KINDS"]).KINDS["practice"]).sections[0]
    assert len(section.links) == 1 and section.total == 2
    assert section.more_url == "../explore/?kind=practice"
    assert section.heading == "All Promising Practices and Policies (2)"  # proper case, acronyms kept


def test_index_headings_keep_acronyms(built_hub):
    heading = page(built_hub, "regions").cssselect("h2")[0].text_content()
    assert heading.startswith("All RESET Regions (2)")


# -- the home page, record pages and the frame -------------------------------------------------

def test_home_page_start_points_lead_to_pages_that_exist(built_hub):
    tree = page(built_hub, ".")
    readers = tree.cssselect(".pcor-reader")
    titles = [r.cssselect(".pcor-reader__title")[0].text_content() for r in readers]
    assert titles == ["Employers and purchasers", "Coalitions and community partners", "Union health funds and trustees", "Researchers"]
    for reader in readers:
        for link in reader.cssselect("a"):
            target = link.get("href").split("?")[0]
            assert (built_hub / "site" / target / "index.html").is_file(), link.get("href")
    assert tree.cssselect("form[role=search] input[name=q]")
    assert len(tree.cssselect(".pcor-areas li")) == 2  # the fixture's two priority areas as cards


def test_practice_page_reads_in_order_with_one_related_block_and_merged_sources(built_hub):
    text = (built_hub / "site" / "practices" / "fixture-practice" / "index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    h2 = [h.text_content().replace("¶", "").strip() for h in tree.cssselect("article h2")]
    order = ["What we know", "Copy-ready asks for vendors and RFPs", "How to put it in place", "Related", "Sources and references", "Cite this page"]
    assert [h for h in h2 if h in order] == order
    assert text.index('class="pcor-body"') < text.index('id="how-to-put-it-in-place"')
    h3 = [h.text_content().replace("¶", "").strip() for h in tree.cssselect("article h3")]
    assert "Studies behind this practice" in h3 and "Practices that use this" not in h3
    # every heading has an anchor and is in the table of contents
    toc = {a.get("href") for a in tree.cssselect(".md-sidebar--secondary a.md-nav__link")}
    for heading in tree.cssselect("article h2[id], article h3[id]"):
        assert heading.cssselect("a.headerlink") and f"#{heading.get('id')}" in toc, heading.get("id")
    assert not tree.cssselect("article h2#references")  # references merged into the sources
    sources = [li.text_content() for li in tree.cssselect("#sources + ol.pcor-sources > li")]
    assert len(sources) == 1 and sources[0].startswith("Doe J")  # the reference once, not twice
    wwk = tree.cssselect(".pcor-what-we-know dd")
    assert wwk[0].text_content().startswith("Strong (2 of 2). Backed by trials.") and wwk[1].text_content() == "Employers"


def test_free_pages_link_no_missing_pages_index(built_hub):
    tree = page(built_hub, "chcc-pcor-capacity")
    assert not [a for a in tree.cssselect("article a") if a.get("href", "").rstrip("/").endswith("pages")]


def test_footer_has_about_licence_from_the_config_and_build_date(built_hub, tmp_path):
    tree = page(built_hub, "practices/fixture-practice")
    footer = tree.cssselect(".pcor-footer__links")[0]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", footer.cssselect("time")[0].get("datetime"))
    shipped = footer.cssselect("a[rel=license]")[0]  # the fixture hub's own licence
    assert (shipped.text_content(), shipped.get("href")) == ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    root = copy_hub(tmp_path / "hub")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"    license:\n(      .*\n)+", "", text)
    config.write_text(text.replace("  hub:\n", (
        "  hub:\n    issues_url: https://github.com/example/hub/issues\n"
        "    license: {name: Fixture-Licence 1.0, title: The Fixture Licence, url: https://example.org/licence}\n")), encoding="utf-8")
    assert build(root).ok
    footer = page(root, "practices/fixture-practice").cssselect(".pcor-footer__links")[0]
    licence = footer.cssselect("a[rel=license]")[0]
    assert (licence.text_content(), licence.get("href")) == ("Fixture-Licence 1.0", "https://example.org/licence")
    issue = [a.get("href") for a in footer.cssselect("a") if a.text_content() == "Suggest a change or report an error"][0]
    assert issue.startswith("https://github.com/example/hub/issues/new?template=correct-content.yml&title=%5Bcorrection%5D%20Fixture%20practice")
    assert "record=http%3A//127.0.0.1%3A8000/practices/fixture-practice/" in issue
    assert "Fixture-Licence 1.0" in docx_text(root)


def docx_text(root: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(root / "site" / "question-bank" / "question-bank.docx")).paragraphs)


def test_404_page_offers_search_and_the_main_sections(built_hub):
    tree = lxml_html.fromstring((built_hub / "site" / "404.html").read_bytes())
    assert tree.cssselect("h1")[0].text_content() == "Page not found"
    assert tree.cssselect("form[role=search]")[0].get("action").endswith("/explore/")
    sections = [a.text_content() for a in tree.cssselect(".pcor-404-sections a")]
    assert {"Explore", "Question bank", "Evidence tiers"} <= set(sections)


def test_explore_words_for_did_you_mean(built_hub, catalog):
    import json

    words = json.loads((built_hub / "site" / "explore" / "words.json").read_text(encoding="utf-8"))
    assert "fixture" in words and words == sorted(set(words))
    assert urls.explore("practices/", kind="practice") == "../explore/?kind=practice"


def test_a_long_chart_title_wraps_onto_lines_instead_of_being_cut():
    from pcor_site.features.infographics.specs import TITLE_LINE, title_lines

    title = "Out-of-network use by behavioral health patients, as ParityTrack summarizes the 2019 Milliman data"
    lines = title_lines(title)
    assert len(lines) == 2 and all(len(line) <= TITLE_LINE for line in lines)
    assert " ".join(lines) == title
