"""schema.org JSON-LD as one `<script type="application/ld+json">` element, for any feature.

`<`, `>` and `&` are written as `\\u003c` etc., so no text can close the script element or start
markup; keys are sorted, so two builds write the same bytes.
"""

from __future__ import annotations

import json


def json_ld(data: dict) -> str:
    """A JSON-LD script element whose text cannot end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
