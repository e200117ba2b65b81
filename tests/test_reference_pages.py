"""The References pages: a page per reference at an address that never moves, and a bounded,
paginated index (pcor_site/features/citations/refindex.py, refpage.py).

Two hubs: the fixture hub (four references: one index page, no pagination) and a copy of it with
61 more references and `references_per_page: 10`, so the index splits, a large letter is cut, an
accented name files under its letter and a name with no letter A–Z goes to "#".
"""

from __future__ import annotations

import posixpath
import re
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from conftest import copy_hub
from pcor_site import urls
from pcor_site.features.citations import metadata, refindex
from pcor_site.features.citations.csl import to_csl
from pcor_site.features.citations.references import ReferenceEntry, fold

sys.path.insert(0, str(Path(__file__).resolve().parent / "clients"))
import zotero  # noqa: E402

PER_PAGE = 10
HOSTILE_TITLE = '</script><script>alert(1)</script> "quoted" & <b>bold</b>'
HOSTILE_BIB = HOSTILE_TITLE.replace("&", "\\&")  # BibTeX writes an ampersand \&
#: First authors of the paged hub's extra references: 15 under S (more than a page), an accented
#: name (Ødegaard files under O), a name that starts with a digit (under "#").
SURNAMES = (["Adams", "Baker", "Brown", "Clark", "Davis", "Evans", "Ford", "Green", "Hall", "Irwin", "Jones", "King", "Lopez",
             "Moore", "Nash", "Ødegaard", "Owens", "Price", "Quinn", "Reed", "Young", "Zhang", "3M Company"]
            + [f"S{chr(97 + n)}nders" for n in range(15)] + [f"Taylor{n}" for n in range(20)] + ["Walker", "Xu", "Vance"])


# -- helpers ----------------------------------------------------------------------------------

class _Page(HTMLParser):
    """Links (href, rel), ids and the text of one built page's article."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], attrs.get("rel") or ""))


def article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.find('<article class="md-content__inner')
    return text[start:text.find("</article>", start)]


def parsed(page: Path, whole: bool = False) -> _Page:
    parser = _Page()
    parser.feed(page.read_text(encoding="utf-8") if whole else article(page))
    return parser


def target_of(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link from `page` opens, and its fragment."""
    path, _, fragment = href.partition("#")
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.relative_to(site).as_posix()), path)) if path else page.relative_to(site).as_posix()
    found = site / rel
    return (found / "index.html" if found.is_dir() or not found.suffix else found), fragment


def index_pages(site: Path) -> list[Path]:
    """The index pages in reading order, followed through their rel=next links."""
    pages, page = [], site / "references" / "index.html"
    while page not in pages:
        pages.append(page)
        following = [href for href, rel in parsed(page).links if rel == "next"]
        if not following:
            break
        page = target_of(site, page, following[0])[0]
    return pages


def entry_keys(page: Path) -> list[str]:
    return re.findall(r'<li id="ref-([^"]+)"><a class="pcor-ref-text"', article(page))


@pytest.fixture(scope="module")
def site(built_hub: Path) -> Path:
    return built_hub / "site"


def build_paged(root: Path) -> Path:
    """The fixture hub at `root` with 61 more references and 10 references a page, built; its site."""
    from pcor_site.build import build

    copy_hub(root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"    references_per_page: {PER_PAGE}\n", encoding="utf-8")
    entries = [f"@article{{paged{n:02d},\n  author = {{{{{name}}} and Other, Ann}},\n  title = {{Paged work number {n}}},\n"
               f"  journal = {{Paged Journal}},\n  year = {{{2000 + n}}},\n  volume = {{1}},\n  pages = {{1--2}}\n}}\n"
               for n, name in enumerate(SURNAMES)]
    entries[0] = entries[0].replace("Paged work number 0", HOSTILE_BIB)
    entries[1] = entries[1].replace("  volume", "  x-reliability = {secondary},\n  volume")
    entries[2] = entries[2].replace("  volume", "  x-reliability = {mirror},\n  x-copy-url = {https://example.org/copy},\n  volume")
    entries.append("@misc{Müller:2021,\n  author = {Müller, Hans},\n  title = {A key with an umlaut and a colon},\n  year = {2021}\n}\n")
    bib = root / "content" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + "\n".join(entries), encoding="utf-8")
    result = build(root)
    assert result.ok, [(d.path, d.line, d.code, d.message) for d in result.check.diagnostics + result.diagnostics]
    return root / "site"


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> Path:
    return build_paged(tmp_path_factory.mktemp("paged") / "hub")


# -- splitting --------------------------------------------------------------------------------

def _entry(name: str) -> ReferenceEntry:
    first = fold(name)
    letter = first[:1].upper() if "a" <= first[:1] <= "z" else "#"
    return ReferenceEntry(key=name, slug=urls.anchor(name), item={}, html="", text="", url="", year="", type_label="",
                          letter=letter, name=first)


def test_split_packs_whole_letters_and_cuts_a_letter_larger_than_a_page():
    names = ["Abel", "Ames", "Bose", "Cole"] + [f"S{c}x" for c in "abcdefghijklm"] + ["Tate", "Ude"]
    chunks = refindex.split([_entry(n) for n in names], 5)
    assert [(c.label, c.slug, len(c.entries)) for c in chunks] == [
        ("A–C", "a-c", 4), ("Sa–Se", "sa-se", 5), ("Sf–Sj", "sf-sj", 5), ("Sk–Sm", "sk-sm", 3), ("T–U", "t-u", 2)]
    assert [e.key for c in chunks for e in c.entries] == names  # the order is kept


def test_the_labels_of_a_cut_letter_differ_across_each_cut():
    names = sorted((f"Taylor{n}" for n in range(20)), key=str.casefold)  # taylor0, taylor1, taylor10 … taylor19, taylor2 …
    chunks = refindex.split([_entry(n) for n in names], 10)
    assert [c.label for c in chunks] == ["Taylor0–Taylor17", "Taylor18–Taylor9"]  # not "Taylor0–Taylor1", "Taylor1–Taylor9"


def test_one_page_when_everything_fits():
    (chunk,) = refindex.split([_entry(n) for n in ("Abel", "Zorn")], 100)
    assert chunk.label == "A–Z" and len(chunk.entries) == 2


# -- the fixture hub: one index page ----------------------------------------------------------

def test_a_small_hub_gets_one_index_page_with_every_reference(site: Path, built_hub: Path):
    from pcor_site.build import check

    keys = sorted(check(built_hub).catalog.bibliography.entries)
    assert not (site / "references" / urls.REFERENCES_PAGES).exists()
    page = site / "references" / "index.html"
    assert sorted(entry_keys(page)) == sorted(urls.anchor(k) for k in keys)
    assert 'class="pcor-ref-pages"' not in article(page) and 'rel="next"' not in article(page)  # no pointless pagination


def test_every_reference_has_its_page(site: Path, built_hub: Path):
    from pcor_site.build import check

    catalog = check(built_hub).catalog
    for key, reference in catalog.bibliography.entries.items():
        page = site / urls.reference(key) / "index.html"
        body = article(page)
        item = to_csl(reference)
        assert f"<h1>{item['title']}</h1>" in body.replace("&#39;", "'"), key
        assert 'class="pcor-ref-citation"' in body and 'id="cited-by"' in body and 'id="cite-this"' in body
        for ext in ("bib", "ris", "json"):  # the formats load on demand from the files that exist
            (src,) = re.findall(rf'data-cite-src="([^"]+\.{ext})"', body)
            assert target_of(site, page, src)[0].is_file()
            assert "<code></code>" in body


def test_cited_by_shows_each_record_with_its_kind_and_tier(site: Path):
    body = article(site / "references" / "doe2020trial" / "index.html")
    cited = body[body.index('id="cited-by"'):body.index('id="cite-this"')]
    rows = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="pcor-kind-label">([^<]+)</span>(.*?)</li>', cited)
    assert [(r[1], r[2]) for r in rows] == [("Fixture module one", "Module"), ("Fixture practice &amp; policy", "Practice"),
                                            ("Fixture study of two approaches", "Study")]
    assert "Evidence: Strong" in rows[1][3] and "pcor-tier" not in rows[0][3]  # a module has no tier
    for href, *_ in rows:
        assert target_of(site, site / "references" / "doe2020trial" / "index.html", href)[0].is_file()


def test_a_weak_reference_says_so_on_its_page_and_in_the_index(paged: Path):
    from pcor_site import reliability
    from pcor_site.build import check

    catalog = check(paged.parent).catalog
    weak = sorted(k for k, r in catalog.bibliography.entries.items() if reliability.reference_caution(r))
    assert weak == ["paged01", "paged02"]
    pages = index_pages(paged)
    for key in weak:
        caution = reliability.reference_caution(catalog.bibliography.get(key))
        assert f"<strong>Caution:</strong> {caution}".replace("'", "&#39;") in article(paged / urls.reference(key) / "index.html")
        index = article(next(p for p in pages if key in entry_keys(p)))
        entry = index[index.index(f'id="ref-{key}"'):]
        assert "weak details" in entry[:entry.index("</li>")]
    mirror = article(paged / "references" / "paged02" / "index.html")
    assert '<span class="pcor-flag">(<a href="https://example.org/copy" rel="nofollow">unofficial copy</a>)</span>' in mirror


def test_links_to_references_across_the_site_open_a_reference_page(site: Path):
    """Records' sources and works cited, Cite this, the course and every other page: a link into
    references/ opens a page that exists, and none uses the old `#ref-` fragment."""
    from_records = set()
    for page in site.rglob("*.html"):
        for href, _ in parsed(page).links:
            if href.startswith(("http:", "https:", "mailto:", "#", "data:", "/")):
                continue
            target, fragment = target_of(site, page, href)
            if "references" not in target.relative_to(site).parts[:1]:
                continue
            if page.relative_to(site).parts[0] != "references":
                from_records.add((page.relative_to(site).parts[0], target.relative_to(site).as_posix()))
            assert target.is_file(), (page, href)
            assert not fragment.startswith("ref-"), (page, href)
            if fragment:
                assert fragment in parsed(target).ids, (page, href)
    for folder in ("practices", "studies", "curriculum"):  # sources, works cited, readings
        assert (folder, "references/doe2020trial/index.html") in from_records, folder


def test_feeds_and_data_downloads_carry_the_new_addresses(site: Path):
    texts = [p.read_text(encoding="utf-8") for p in site.rglob("*") if p.suffix in {".xml", ".json", ".csv", ".ics"} and p.is_file()]
    assert not any("references/#ref-" in t for t in texts)


def test_word_and_pdf_files_link_references_at_their_pages(site: Path):
    import docx
    from pypdf import PdfReader

    links = []
    for path in site.rglob("*.docx"):
        links += [r.target_ref for r in docx.Document(str(path)).part.rels.values() if r.is_external]
    for path in site.rglob("*.pdf"):
        links += [a.get_object()["/A"].get("/URI", "") for p in PdfReader(str(path)).pages for a in p.get("/Annots", []) if "/A" in a.get_object()]
    assert links and not [u for u in links if "#ref-" in u]
    assert any(u.endswith("/references/doe2020trial/") for u in links)  # the course PDF's reading list


def test_a_reference_page_gives_zotero_one_item_and_no_highwire_tags(site: Path):
    html = (site / "references" / "doe2020trial" / "index.html").read_text(encoding="utf-8")
    (item,) = zotero.saved(html)
    assert item["itemType"] == "journalArticle" and item["title"] == "A fixture trial of collaborative care"
    assert item["creators"] == [{"lastName": "Doe", "firstName": "Jane"}, {"lastName": "Müller", "firstName": "Hans"}]
    assert item["publicationTitle"] == "Fixture Journal" and item["DOI"] == "10.1000/fixture.1"
    assert zotero.highwire(html) == {}  # a page about somebody else's work (CIT-04)


def test_a_reference_page_carries_the_works_json_ld(site: Path, built_hub: Path):
    import extruct

    from pcor_site.build import check

    catalog = check(built_hub).catalog
    for key, reference in catalog.bibliography.entries.items():
        html = (site / urls.reference(key) / "index.html").read_text(encoding="utf-8")
        (data,) = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
        item = to_csl(reference)
        assert data["@type"] == metadata.scholarly_article(item)["@type"] and data["name"] == item["title"]
        (coins,) = zotero.coins_on(html)
        assert coins["title"] == item["title"]


def test_reference_pages_stay_out_of_the_search_index(site: Path):
    from test_engines import search_index

    indexed = search_index(site)
    assert indexed and not [u for u in indexed if re.search(r"(^|/)references/[^/]+/", u)]


# -- the paged hub ----------------------------------------------------------------------------

def test_the_index_splits_into_labelled_pages_in_order(paged: Path):
    pages = index_pages(paged)
    labels = [re.search(r'<p class="pcor-note">This page: first authors ([^.]+)\.</p>', article(p)).group(1) for p in pages]
    keys = [k for p in pages for k in entry_keys(p)]
    assert len(keys) == len(set(keys)) == len(SURNAMES) + 5  # every reference once
    assert all(len(entry_keys(p)) <= PER_PAGE for p in pages)
    assert labels[0].startswith("#–")  # 3M Company first
    assert [k for p in pages for k in entry_keys(p)].index("paged15") + 1 == [k for p in pages for k in entry_keys(p)].index("paged16")  # Ødegaard files under O, before Owens
    assert any(label.startswith("Sa") for label in labels)  # fifteen S names: the letter is cut
    ordered = [fold(re.sub(r"<[^>]+>", "", m)) for p in pages for m in re.findall(r'class="pcor-ref-text" href="[^"]+">(.*?)</a>', article(p))]
    assert ordered[1:] == sorted(ordered[1:])  # after "#", sorted by first author
    for page in pages:  # each index page lives where the first page's page list says
        assert page.is_file()
    assert pages[0] == paged / "references" / "index.html"
    assert all(p.parent.parent == paged / "references" / urls.REFERENCES_PAGES for p in pages[1:])


def test_page_list_letter_bar_and_prev_next_resolve(paged: Path):
    pages = index_pages(paged)
    for n, page in enumerate(pages):
        links = parsed(page).links
        prev = [h for h, r in links if r == "prev"]
        nxt = [h for h, r in links if r == "next"]
        assert len(prev) == (2 if n else 0) and len(nxt) == (2 if n < len(pages) - 1 else 0)  # top and bottom
        if n:
            assert target_of(paged, page, prev[0])[0] == pages[n - 1]
        current = re.findall(r'<a href="([^"]+)" aria-current="page">', article(page))
        assert len(current) == 2 and target_of(paged, page, current[0])[0] == page
        for href, _ in links:
            if href.startswith(("http:", "https:")):
                continue
            target, fragment = target_of(paged, page, href)
            assert target.is_file(), (page, href)
            if fragment:
                assert fragment in parsed(target).ids, (page, href)
    letters = re.findall(r'<a href="([^"]*#letter-([a-z]+))"', article(pages[0]))
    assert {letter for _, letter in letters} >= {"other", "a", "o", "s", "z"}


def test_every_reference_of_the_paged_hub_has_its_page_linking_back_to_its_index_page(paged: Path):
    for index in index_pages(paged):
        for slug in entry_keys(index):
            page = paged / "references" / slug / "index.html"
            back = re.search(r'<p class="pcor-ref-back"><a href="([^"]+)">', article(page)).group(1)
            assert target_of(paged, page, back)[0] == index


def test_index_pages_do_not_grow_with_the_hub(paged: Path, site: Path):
    """Ten references a page: every index page is about the size of the one-page index of the
    four-reference hub plus six entries, far below the 150 KB budget."""
    sizes = [p.stat().st_size for p in index_pages(paged)]
    one_page = (site / "references" / "index.html").stat().st_size
    assert max(sizes) < 150 * 1024
    assert max(sizes) < 2 * one_page, (sizes, one_page)


def test_hostile_reference_text_is_escaped_everywhere(paged: Path):
    import extruct

    html = (paged / "references" / "paged00" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<b>bold</b>" not in html
    assert "<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; &amp; &lt;b&gt;bold&lt;/b&gt;</h1>" in html.replace("&quot;", "&#34;")
    (data,) = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert data["name"] == HOSTILE_TITLE
    (coins,) = zotero.coins_on(html)
    assert coins["title"] == HOSTILE_TITLE
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title
    index = next(p for p in index_pages(paged) if "paged00" in entry_keys(p))
    assert "<script>alert(1)" not in index.read_text(encoding="utf-8")
    spans = re.findall(r'<span class="Z3988" title="([^"]*)"></span>', article(index))
    assert [q["rft.atitle"] for q in map(parse_qs, map(unescape, spans)) if "rft.atitle" in q and "alert" in q["rft.atitle"][0]] == [[HOSTILE_TITLE]]
