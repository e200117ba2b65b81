""""Cite this" blocks: the formatted citation, then BibTeX, RIS and CSL-JSON to copy or download.

No inline script: copy buttons are `hidden` until the self-hosted `assets/cite.js` shows them, so
without JavaScript readers still select the text or download the file.
"""

from __future__ import annotations

import html

from ... import urls

FORMATS = (("bib", "BibTeX", "application/x-bibtex"), ("ris", "RIS", "application/x-research-info-systems"),
           ("json", "CSL-JSON", "application/vnd.citationstyles.csl+json"))
SCRIPT = "assets/cite.js"


def block(page_url: str, dom_id: str, stem: str, formatted_html: str, texts: dict[str, str], heading: str = "") -> str:
    """`texts`: extension → file text. `stem`: the site path of the files without extension."""
    parts = [f'<div class="pcor-cite-this" id="{html.escape(dom_id)}">']
    if heading:
        parts.append(f"<p><strong>{html.escape(heading)}</strong></p>")
    if formatted_html:
        parts.append(f'<p class="pcor-cite-formatted">{formatted_html}</p>')
    for ext, label, mime in FORMATS:
        target = f"{dom_id}-{ext}"
        href = urls.relative(page_url, f"{stem}.{ext}")
        parts.append(
            f'<details class="pcor-cite-format"><summary>{label}</summary>'
            f'<pre class="pcor-cite-text" id="{html.escape(target)}"><code>{html.escape(texts[ext].rstrip())}</code></pre>'
            f'<p class="pcor-cite-actions"><button type="button" class="md-button pcor-copy" data-copy-target="{html.escape(target)}" hidden>Copy {label}</button> '
            f'<a class="md-button" href="{html.escape(href)}" download type="{mime}">Download {label} (.{ext})</a> '
            f'<span class="pcor-copy-status" role="status" aria-live="polite"></span></p></details>'
        )
    parts.append("</div>")
    return "".join(parts)


def lazy_block(page_url: str, dom_id: str, stem: str) -> str:
    """A "cite this" block whose formats load from their files when the reader opens one
    (assets/cite.js), so a list of many references does not carry every format inline."""
    parts = [f'<div class="pcor-cite-this" id="{html.escape(dom_id)}">']
    for ext, label, mime in FORMATS:
        target = f"{dom_id}-{ext}"
        href = html.escape(urls.relative(page_url, f"{stem}.{ext}"))
        parts.append(
            f'<details class="pcor-cite-format" data-cite-src="{href}"><summary>{label}</summary>'
            f'<pre class="pcor-cite-text" id="{html.escape(target)}"><code></code></pre>'
            f'<p class="pcor-cite-actions"><button type="button" class="md-button pcor-copy" data-copy-target="{html.escape(target)}" hidden>Copy {label}</button> '
            f'<a class="md-button" href="{href}" download type="{mime}">Download {label} (.{ext})</a> '
            f'<span class="pcor-copy-status" role="status" aria-live="polite"></span></p></details>'
        )
    parts.append("</div>")
    return "".join(parts)


def script_tag(page_url: str, script: str = SCRIPT) -> str:
    return f'<script src="{html.escape(urls.relative(page_url, script))}" defer></script>'
