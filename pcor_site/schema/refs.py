"""Find the links a record makes, from the `RecordRef`/`VocabRef`/`BibRef` markers on its types."""

from __future__ import annotations

import typing
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel

from .types import BibRef, RecordRef, VocabRef

Marker = RecordRef | VocabRef | BibRef


def marker_of(annotation) -> Marker | None:
    """The first marker inside an annotation, looking through Annotated, Optional and aliases."""
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in annotation.__metadata__:
            if isinstance(meta, (RecordRef, VocabRef, BibRef)):
                return meta
        return marker_of(typing.get_args(annotation)[0])
    return None


_SHAPES: dict[int, tuple] = {}


def _shape(annotation):
    """_classify, cached by the annotation object's identity (annotations live as long as the models)."""
    key = id(annotation)
    if key not in _SHAPES:
        _SHAPES[key] = (annotation, _classify(annotation))
    return _SHAPES[key][1]


def _classify(annotation):
    """Classify an annotation: ('ref', marker) | ('model', cls) | ('list', inner) | ('optional', inner) | None."""
    marker = marker_of(annotation)
    if marker is not None:
        return ("ref", marker)
    if typing.get_origin(annotation) is typing.Annotated:
        return _classify(typing.get_args(annotation)[0])
    origin = typing.get_origin(annotation)
    if origin is list:
        return ("list", typing.get_args(annotation)[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return ("optional", inner[0]) if len(inner) == 1 else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    return None


@lru_cache(maxsize=None)
def _fields(model: type[BaseModel]) -> tuple:
    """(name, annotation) per field; a marker pydantic moved into the field's metadata is put back."""
    fields = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        marker = next((m for m in field.metadata if isinstance(m, (RecordRef, VocabRef, BibRef))), None)
        fields.append((name, typing.Annotated[annotation, marker] if marker else annotation))
    return tuple(fields)


def _walk(value, annotation, path) -> Iterator[tuple[tuple, Marker, str]]:
    shape = _shape(annotation)
    if shape is None or value is None:
        return
    what, inner = shape
    if what == "ref":
        yield path, inner, value
    elif what == "list":
        for index, element in enumerate(value):
            yield from _walk(element, inner, path + (index,))
    elif what == "optional":
        yield from _walk(value, inner, path)
    elif what == "model":
        yield from iter_refs(value, path)


def iter_refs(model: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, Marker, str]]:
    """Yield (path, marker, value) for every reference in `model`, in field order."""
    for name, annotation in _fields(type(model)):
        yield from _walk(getattr(model, name), annotation, path + (name,))
