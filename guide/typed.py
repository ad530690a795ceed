"""Dataclasses to JSON values and back, every value read checked against its declared type.

:func:`to_json` leaves out a field that is ``None`` and writes an enum as its
value; :func:`from_json` takes a JSON object back into the dataclass, with
the defaults of the fields it does not give, and raises :class:`ValueError`
for a missing field, a value of another type (``true`` is not a number, a
float must be finite), or an enum value the enum does not have. Keys the
dataclass does not know are ignored. Types may be ``str``, ``int``,
``float``, ``bool``, ``dict`` (unchecked inside), an enum, a dataclass, ``list[...]`` of one
of these, or one of these ``| None``.
"""

from __future__ import annotations

import functools
import math
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from enum import Enum
from typing import Any

T = typing.TypeVar("T")


def to_json(value: object) -> typing.Any:
    """A dataclass, list or enum as JSON values; fields that are ``None`` are left out."""
    if is_dataclass(value) and not isinstance(value, type):
        pairs = ((f.name, getattr(value, f.name)) for f in fields(value))
        return {name: to_json(v) for name, v in pairs if v is not None}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value


def from_json(cls: type[T], data: object) -> T:
    """An instance of the dataclass ``cls`` from a JSON object, every value of its declared type."""
    if not is_dataclass(cls):
        raise TypeError(f"{cls.__name__} is not a dataclass")
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__} is not an object")
    hints = _hints(cls)
    values = {}
    for f in fields(cls):
        if f.name in data:
            values[f.name] = _value(hints[f.name], data[f.name], f.name)
        elif f.default is MISSING and f.default_factory is MISSING:
            raise ValueError(f"{cls.__name__} has no {f.name}")
    return cls(**values)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """``cls``'s field types, worked out once: the annotations are strings, and reading them
    compiles each one, which for a manifest of a thousand sentences took most of a no-op build."""
    return typing.get_type_hints(cls)


def _value(kind, value: object, name: str):
    """``value`` if it is of type ``kind`` (bool is not a number), else :class:`ValueError`."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        args = typing.get_args(kind)
        if value is None and type(None) in args:
            return None
        (kind,) = [a for a in args if a is not type(None)]
    if typing.get_origin(kind) is list:
        if not isinstance(value, list):
            raise ValueError(f"{name} is not a list")
        (item,) = typing.get_args(kind)
        return [_value(item, v, name) for v in value]
    if isinstance(kind, type) and is_dataclass(kind):
        return from_json(kind, value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        if not isinstance(value, str) or value not in {k.value for k in kind}:
            raise ValueError(f"{name} is not one of {', '.join(k.value for k in kind)}")
        return kind(value)
    if kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, kind)
    if not ok:
        raise ValueError(f"{name} is not of type {getattr(kind, '__name__', kind)}")
    return value
