"""The privacy check: personal data in record text is reported at its line as a warning."""

from pathlib import Path

from pcor_site.build import check
from pcor_site.diagnostics import render_text


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_personal_data_is_reported_at_its_line(hub_copy: Path):
    _write(hub_copy, "content/gap/leaky.md", """---
title: A leaky gap
summary: Contact jane.doe@example.com for the fixture data set.
stated_by: A fixture source
sources:
  - url: https://example.org/gap
---
Call 555-123-4567 about the case.
Her number is 123-45-6789 and she was born on 01/02/1980.
"This program changed my whole life," said Maria Lopez.
""")
    result = check(hub_copy)
    found = [d for d in result.diagnostics if d.path == "content/gap/leaky.md" and d.code.startswith("W7")]  # the privacy rules
    assert render_text(found) == "\n".join([
        "content/gap/leaky.md:3:1: W701 warning: summary: 'jane.doe@example.com' looks like an e-mail address",
        "    hint: Remove personal addresses; an organization's contact belongs in its contact_email field. (see CONTRIBUTING.md#w701-possible-e-mail-address)",
        "content/gap/leaky.md:8:1: W702 warning: '555-123-4567' looks like a phone number",
        "    hint: Remove personal numbers; an organization's number belongs in its contact_phone field. (see CONTRIBUTING.md#w702-possible-phone-number)",
        "content/gap/leaky.md:9:1: W703 warning: '123-45-6789' looks like a Social Security number",
        "    hint: Remove the number: the hub must never publish identifiers. (see CONTRIBUTING.md#w703-possible-social-security-number)",
        "content/gap/leaky.md:9:1: W704 warning: 'born on 01/02/1980' looks like a date of birth",
        "    hint: Remove dates of birth: they identify people. (see CONTRIBUTING.md#w704-possible-date-of-birth)",
        "content/gap/leaky.md:10:1: W705 warning: a quote is attributed to 'Maria Lopez', who is not listed in `consent`",
        "    hint: List the person in `consent:` if they agreed to be quoted by name, or remove the name. (see CONTRIBUTING.md#w705-quote-attributed-to-a-named-person)",
    ])
    assert result.ok  # warnings only ...
    assert not check(hub_copy, strict=True).ok  # ... which --strict turns into failures


def test_published_contact_fields_and_consent_are_not_reported(hub_copy: Path):
    org = hub_copy / "content/organization/fixture-org.yml"
    org.write_text(org.read_text(encoding="utf-8") + "contact_email: info@example.org\ncontact_phone: 555-123-4567\n", encoding="utf-8")
    _write(hub_copy, "content/gap/quoted.md", """---
title: A quoted gap
summary: A fixture gap with a consented quote.
stated_by: A fixture source
consent: [Maria Lopez]
sources:
  - url: https://example.org/gap
---
"This program changed my whole life," said Maria Lopez.
""")
    result = check(hub_copy, strict=True)
    assert [d for d in result.diagnostics if d.code.startswith("W7")] == []  # the privacy rules say nothing
