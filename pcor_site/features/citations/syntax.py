"""`[@key]` and `[@a; @b]` in contributor Markdown: a markdown-it inline rule.

The rule runs before links, so `[@key]` is a citation while `[@key](https://...)` stays a link;
code spans and backslash escapes win as usual. Rendering asks `env["pcor_cite"]` (a
`prose.PageCitations`) for the HTML; without one the text is kept as written.
"""

from __future__ import annotations

import html
import re

KEY = r"[A-Za-z0-9_][A-Za-z0-9:_.+/-]*"
CLUSTER = re.compile(rf"\[\s*(@{KEY}(?:\s*;\s*@{KEY})*)\s*;?\s*\]")
ENV_KEY = "pcor_cite"


def keys_of(cluster: str) -> list[str]:
    return [part.strip().lstrip("@") for part in cluster.split(";") if part.strip()]


def _rule(state, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False
    match = CLUSTER.match(state.src, state.pos)
    if not match or state.src[match.end():match.end() + 1] in ("(", "["):
        return False
    if not silent:
        token = state.push("pcor_cite", "", 0)
        token.content = match.group(0)
        token.meta = {"keys": keys_of(match.group(1)), "offset": state.pos}
    state.pos = match.end()
    return True


def _render(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    page = env.get(ENV_KEY) if isinstance(env, dict) else None
    if page is None:
        return html.escape(token.content)
    return page.cite(token.meta["keys"], token.content)


def cite_plugin(md) -> None:
    md.inline.ruler.before("link", "pcor_cite", _rule)
    md.add_render_rule("pcor_cite", _render)


def strip(text: str) -> str:
    """Text without its citation clusters (for plain-text descriptions)."""
    return " ".join(CLUSTER.sub("", text).split())
