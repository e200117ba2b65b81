"""The words of record pages: headings of linked lists, labels of facts, titles of
text sections, and the fields the core shows in their own places (features add theirs)."""

from __future__ import annotations

#: Headings for linked-record lists, by field name; the rest use the field's own description.
LINK_HEADINGS = {
    "studies": "PCORI-funded studies",
    "references": "References",
    "publications": "Publications",
    "readings": "Readings",
    "tools": "Tools and resources",
    "practices": "Practices",
    "prerequisites": "Take these modules first",
    "lead_organizations": "Lead coalitions",
    "organizers": "Organized by",
    "partners": "Partners",
    "publisher": "Published by",
    "hosts": "Hosts",
    "guests": "Guests",
    "event": "Event",
    "region": "RESET Region",
    "authors": "Written by",
    "shared_by": "Shared by",
}
FACT_LABELS = {
    "short_name": "Short name", "official_title": "Official title", "award": "PCORI award",
    "award_amount": "Award amount", "principal_investigator": "Principal investigator",
    "institution": "Institution", "period": "Project period", "registry_ids": "Registry",
    "design": "Design", "participants": "Participants", "area": "Area", "date": "Date",
    "format": "Format", "duration": "Duration", "website": "Website", "url": "Link",
    "also_known_as": "Also known as", "name_correction": "Name note", "stated_by": "Stated by",
    "abbreviation": "Abbreviation", "order": "Module", "pcori_urls": "PCORI pages",
    "data_urls": "Data", "audio_url": "Audio", "units": "Units",
}
#: Fields shown in their own sections, not in the facts table.
SECTION_FIELDS = {
    "title", "summary", "sources", "cautions", "last_reviewed", "related", "asks", "outcomes", "objectives",
    "key_points", "discussion_questions", "steps", "definition", "sessions", "methods", "pcori_funding",
    "nav_title",
}
SECTION_TITLES = {
    "definition": "Definition", "objectives": "Learning objectives", "key_points": "Key points",
    "outcomes": "What the study found", "steps": "Steps for purchasers", "asks": "Copy-ready asks for vendors and RFPs",
    "discussion_questions": "Discussion questions", "sessions": "Sessions",
    "methods": "The project's planned methods (not the event's agenda)",
}
