"""The one PDF writer prints a built page with its stylesheet and never fetches outside the site."""

from __future__ import annotations

import http.server
import threading

import pypdf

from pcor_site.pdf import write_pdf


def test_a_page_prints_with_its_local_stylesheet_and_title(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "print.css").write_text("@page { size: A4 } h1 { break-after: page }", encoding="utf-8")
    page = site / "course" / "index.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><html><head><link rel="stylesheet" href="../assets/print.css"></head>'
                    "<body><h1>Module one</h1><p>Second page text</p></body></html>", encoding="utf-8")
    pages = write_pdf(page, tmp_path / "out" / "course.pdf", site, title="The course")
    reader = pypdf.PdfReader(tmp_path / "out" / "course.pdf")
    assert pages == len(reader.pages) == 2  # the stylesheet's page break was applied
    assert "Module one" in reader.pages[0].extract_text()
    assert "Second page text" in reader.pages[1].extract_text()
    assert reader.metadata.title == "The course"
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4 from the local stylesheet


def test_printing_never_reads_outside_the_site_or_contacts_a_server(tmp_path):
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        secret = tmp_path / "secret.css"
        secret.write_text("body { color: red }", encoding="utf-8")
        site = tmp_path / "site"
        site.mkdir()
        page = site / "index.html"
        page.write_text(f'<link rel="stylesheet" href="{secret.as_uri()}">'
                        f'<img src="http://127.0.0.1:{server.server_port}/tracker.png">'
                        f'<link rel="stylesheet" href="http://127.0.0.1:{server.server_port}/x.css"><p>Text</p>', encoding="utf-8")
        write_pdf(page, tmp_path / "page.pdf", site)
    finally:
        server.shutdown()
    assert requests == []
    assert "Text" in pypdf.PdfReader(tmp_path / "page.pdf").pages[0].extract_text()


def test_with_its_public_address_a_page_links_to_the_published_site_and_keeps_its_styles(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "print.css").write_text("@page { size: A5 }", encoding="utf-8")
    page = site / "course" / "index.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><html><head><link rel="stylesheet" href="../assets/print.css"></head><body>'
                    '<p><a href="../references/#ref-x">A reference</a> <a href="#part">Part</a></p><h2 id="part">Part</h2></body></html>',
                    encoding="utf-8")
    write_pdf(page, tmp_path / "a.pdf", site, public_url="https://org.example/hub/course/")
    reader = pypdf.PdfReader(tmp_path / "a.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 420  # A5: the stylesheet was still read from the site folder
    uris = [a.get_object()["/A"].get("/URI") for a in reader.pages[0].get("/Annots", []) if "/A" in a.get_object()]
    assert "https://org.example/hub/references/#ref-x" in uris
    assert str(tmp_path) not in (tmp_path / "a.pdf").read_bytes().decode("latin-1")  # no build folder in the file
