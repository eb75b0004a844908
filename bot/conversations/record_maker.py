"""Frozen records built without their generated `__init__`, for the rows every turn reads.

A frozen dataclass's `__init__` sets each field through `object.__setattr__` (it must get past the
frozen `__setattr__`): ~3.4 us for a `Message` of nine fields, ~6 us for a `Conversation` of
seventeen, on this machine. A turn builds about twenty of them (its history, the conversation read
twice, the two messages it stores). `record_maker` makes the same object by filling a fresh
instance's `__dict__` (~0.6 us): equal, hashed and printed alike, immutable as before. It refuses a
class it cannot make that way (no `__dict__`, a `__post_init__`, fields it is not given in order),
so a record that grows a field or a check is built by its own `__init__` again, never half-made.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def record_maker(cls: type[T], names: tuple[str, ...]) -> Callable[..., T]:
    """A function of the field values in `names`' order that returns `cls(**dict(zip(names, values)))`.

    `names` must be every field of the dataclass `cls`, in its declared order; `cls` must be frozen,
    without `__post_init__` and without `__slots__`.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} has a __post_init__ or __slots__: build it with its __init__")
    declared = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    if names != declared:
        raise TypeError(f"{cls.__name__}'s fields are {declared}, not {names}")
    new = object.__new__

    def make(*values: Any) -> T:
        record = new(cls)
        record.__dict__.update(zip(names, values, strict=True))
        return record

    return make
