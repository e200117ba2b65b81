"""The committed JSON Schemas match the models, and every field tells contributors what it is for."""

from __future__ import annotations

import json
import typing

import pytest
from pydantic import BaseModel

from conftest import REPO, in_another_process
from pcor_site.schema import KINDS, all_schemas
from pcor_site.schema.vocab import VOCABULARIES

SCHEMAS = REPO / "schemas"
REFRESH = "refresh them with `make schemas` (pcor-site schema) and commit the result"


def repo_terms() -> dict[str, list[str]]:
    from pcor_site.schema import vocabulary_terms
    from pcor_site.validate import load_vocabularies

    return vocabulary_terms(load_vocabularies(REPO)[0])


def test_committed_schemas_equal_the_models():
    expected = all_schemas(repo_terms())
    committed = {p.name: p.read_text(encoding="utf-8") for p in sorted(SCHEMAS.glob("*.json"))}
    missing = sorted(set(expected) - set(committed))
    extra = sorted(set(committed) - set(expected))
    stale = sorted(name for name in set(expected) & set(committed) if expected[name] != committed[name])
    assert (missing, extra, stale) == ([], [], []), f"schemas/ is out of date (missing, extra, stale); {REFRESH}"


def test_there_is_a_schema_per_kind_and_vocabulary():
    names = set(all_schemas())
    assert {f"{k}.schema.json" for k in KINDS} <= names
    assert {f"vocab-{v}.schema.json" for v in VOCABULARIES} <= names


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_schema_is_valid_json_with_id_and_draft(name: str):
    schema = json.loads(all_schemas()[name])
    assert schema["$id"] == name
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("additionalProperties") is False  # extra="forbid": typos are errors in the editor too


def test_schema_export_is_deterministic():
    """The JSON Schemas are the same text when generated in another process."""
    here = all_schemas()
    assert "practice.schema.json" in here and here == in_another_process("import json; from pcor_site.schema import all_schemas; print(json.dumps(all_schemas()))")


# -- descriptions -------------------------------------------------------------------------------


def nested_models(annotation) -> list[type[BaseModel]]:
    """pydantic models anywhere inside a field type (list[Source], Caution | None, Annotated[...])."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for arg in typing.get_args(annotation):
        found += nested_models(arg)
    return found


def undescribed(model: type[BaseModel], seen: set | None = None) -> list[str]:
    """'Model.field' for every field, at any depth, without a non-empty description."""
    seen = set() if seen is None else seen
    if model in seen:
        return []
    seen.add(model)
    missing = []
    for name, info in model.model_fields.items():
        if not (info.description or "").strip():
            missing.append(f"{model.__name__}.{name}")
        for inner in nested_models(info.annotation):
            missing += undescribed(inner, seen)
    return missing


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_of_every_kind_has_a_description(kind: str):
    assert undescribed(KINDS[kind].model) == []


@pytest.mark.parametrize("vocabulary", list(VOCABULARIES))
def test_every_field_of_every_vocabulary_has_a_description(vocabulary: str):
    assert undescribed(VOCABULARIES[vocabulary]) == []


def test_walk_reaches_nested_models():
    reached: set = set()
    undescribed(KINDS["practice"].model, reached)
    names = {m.__name__ for m in reached}
    assert {"Source", "Caution"} <= names
    reached = set()
    undescribed(VOCABULARIES["priority_areas"], reached)
    assert "PriorityArea" in {m.__name__ for m in reached}


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_every_property_in_the_json_schema_has_a_description(name: str):
    """What the editor shows on hover: every property, including those of nested definitions."""
    schema = json.loads(all_schemas()[name])
    missing = []
    for owner, node in [("", schema), *schema.get("$defs", {}).items()]:
        for prop, spec in node.get("properties", {}).items():
            if not str(spec.get("description", "")).strip():
                missing.append(f"{owner or name}.{prop}")
    assert missing == []


# -- vocabulary terms as enums (editor completions) --------------------------------------------


def test_vocabulary_fields_list_their_terms_as_enum():
    import yaml

    terms = repo_terms()
    tool = json.loads((SCHEMAS / "tool.schema.json").read_text(encoding="utf-8"))
    formats = yaml.safe_load((REPO / "content" / "_vocab" / "resource_formats.yml").read_text(encoding="utf-8"))
    assert tool["properties"]["format"]["enum"] == [t["id"] for t in formats["terms"]] == terms["resource_formats"]
    assert tool["properties"]["audiences"]["items"]["enum"] == terms["audiences"]


def test_an_editor_validating_with_the_schema_rejects_an_unknown_term():
    import jsonschema
    import yaml

    schema = json.loads((SCHEMAS / "tool.schema.json").read_text(encoding="utf-8"))
    record = yaml.safe_load((REPO / "tests" / "fixtures" / "hub" / "content" / "tool" / "fixture-tool.yml").read_text(encoding="utf-8"))
    record.pop("publisher")
    jsonschema.validate(record, schema)  # the fixture tool's fields fit the real hub's schema
    with pytest.raises(jsonschema.ValidationError, match="is not one of"):
        jsonschema.validate({**record, "format": "toolkits"}, schema)


def test_schemas_without_terms_are_the_models_alone():
    """A pure function of the kinds and the terms: no terms, no enums (so a build can cache it)."""
    assert "enum" not in json.loads(all_schemas()["tool.schema.json"])["properties"]["format"]
    assert all_schemas(repo_terms()) == all_schemas(repo_terms())
