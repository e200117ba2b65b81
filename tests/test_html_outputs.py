"""HTML details the Nu Html Checker and plain browsers care about: one <title> per page, valid
`<time>` values in transcripts, chapter links that work without JavaScript, one <dt> per label."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html as lxml_html

from pcor_site.build import build

EPISODE = Path("podcast") / "fixture-episode"


@pytest.fixture(scope="module")
def site(built_hub: Path) -> Path:
    return built_hub / "site"


def _tree(path: Path):
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def _titles(site: Path) -> Counter:
    return Counter(_tree(p).findtext(".//title") for p in site.rglob("index.html") if "assets" not in p.parts)


def test_records_that_share_a_title_get_their_kind_in_the_title_element(hub_copy: Path):
    org = (hub_copy / "content" / "organization" / "fixture-org.yml").read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", org, flags=re.MULTILINE).group(1)
    term = hub_copy / "content" / "term" / "fixture-term.yml"
    term.write_text(re.sub(r"^title: .+$", f"title: {title}", term.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE),
                    encoding="utf-8")
    result = build(hub_copy)
    assert result.ok, result.check.diagnostics + result.diagnostics
    titles = _titles(hub_copy / "site")
    assert [t for t, n in titles.items() if n > 1] == []
    assert any(t.startswith(f"{title} (Glossary term)") for t in titles)
    assert any(t.startswith(f"{title} (Organization)") for t in titles)
    # the heading readers see stays the record's own title
    assert _tree(hub_copy / "site" / "glossary" / "fixture-term" / "index.html").findtext(".//h1").strip() == title


def test_transcript_times_are_valid_time_values(site: Path):
    times = _tree(site / EPISODE / "transcript.html").findall(".//time")
    assert times
    for element in times:
        seconds = int(re.fullmatch(r"PT(\d+)S", element.get("datetime")).group(1))
        minutes, rest = divmod(seconds, 60)
        assert element.text.endswith(f"{minutes % 60:02d}:{rest:02d}" if seconds >= 3600 else f"{minutes}:{rest:02d}")


def test_chapter_and_transcript_links_open_the_audio_at_that_time_without_javascript(site: Path):
    page = site / EPISODE / "index.html"
    links = _tree(page).xpath('//a[@data-pcor-seek]')
    assert len(links) >= 2
    for link in links:
        address, _, fragment = link.get("href").partition("#")
        assert fragment == f"t={link.get('data-pcor-seek')}"  # a W3C media fragment: the browser starts there
        target = urljoin("http://h/" + page.relative_to(site).as_posix(), address)
        if urlsplit(target).netloc == "h":
            assert (site / urlsplit(target).path.lstrip("/")).is_file(), target  # the audio beside the page
        else:
            assert target.startswith("https://")


def test_one_dt_per_label_on_record_pages(site: Path):
    study = _tree(site / "studies" / "fixture-study" / "index.html")
    for facts in study.xpath('//dl[contains(@class, "pcor-facts")]'):
        labels = [dt.text_content().strip() for dt in facts.findall("dt")]
        assert len(labels) == len(set(labels)), labels
    pages = study.xpath('//dt[normalize-space()="PCORI pages"]/following-sibling::dd')
    assert [a.get("href") for dd in pages[:2] for a in dd.findall("a")] == [
        "https://www.pcori.org/research-results/fixture-a", "https://www.pcori.org/research-results/fixture-b"]
