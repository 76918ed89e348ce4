"""`@frozen`: the content model's `@dataclass(frozen=True, slots=True)`, without compiling at start.

A frozen dataclass has its methods written as text and compiled every time the program starts.
`@frozen` has dataclasses do everything else (the fields, `__slots__`, `__match_args__`, what
`dataclasses.fields`, `replace` and `asdict` read) and binds the methods written out once in
model_methods.py (see model_gen.py), which come compiled from its bytecode. A class whose fields
no longer match what was written out (model_gen.py not run again after a change) gets the same
methods compiled at start instead, so it always behaves as its fields say.

Slotted classes are also pickled as a call of `Class._from_fields` with their field values, but
for those at the end that hold their default: the compiled content cache holds hundreds of
thousands of models, and that fills each one in with plain slot stores (see model_gen.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

try:
    from elysium.content.model_methods import MAKERS
except ModuleNotFoundError as missing:  # before model_gen.py has written it
    if missing.name != "elysium.content.model_methods":
        raise
    MAKERS = {}

_Model = TypeVar("_Model", bound=type)
PLAIN_FIELD = dataclasses.field()  # the options of a field that only has a default (or not)


def frozen(cls: _Model | None = None, /, *, slots: bool = True) -> Any:
    """`@dataclass(frozen=True, slots=slots)`, with the methods of model_methods.py."""

    def wrap(declared: _Model) -> _Model:
        own = set(vars(declared))  # what the class writes itself is kept, as dataclasses keeps it
        if own & {"__setattr__", "__delattr__"}:
            raise TypeError(f"{declared.__name__}: a frozen class cannot set its own __setattr__ or __delattr__")
        made = dataclasses.dataclass(declared, init=False, repr=False, eq=False, slots=slots)
        fields = dataclasses.fields(made)
        shape = shape_of(made, fields, slots)
        written, make = MAKERS.get(made.__name__, (None, None))
        if written != shape:
            make = compile_maker(made.__name__, shape)
        defaults = tuple(field.default for field in fields if field.default is not dataclasses.MISSING)
        factories = tuple(field.default_factory for field in fields
                          if field.default_factory is not dataclasses.MISSING)
        for name, method in make(made, defaults, factories).items():
            if name in own:
                continue
            method.__module__, method.__qualname__ = made.__module__, f"{made.__qualname__}.{method.__name__}"
            setattr(made, name, staticmethod(method) if name == "_from_fields" else method)
        made.__init__.__annotations__ = {**{field.name: field.type for field in fields}, "return": None}
        params = made.__dataclass_params__  # say what the class is, as dataclass(frozen=True) would
        params.init = params.repr = params.eq = params.frozen = True
        made.__frozen_shape__ = shape
        return made

    return wrap if cls is None else wrap(cls)


def shape_of(cls: type, fields: tuple[dataclasses.Field, ...], slots: bool) -> str:
    """What the written methods depend on: slots or not, each field's name and whether it has a
    default (`=`) or a default factory (`=*`), and whether there is a `__post_init__`."""
    parts = []
    for field in fields:
        if (field.init, field.repr, field.hash, field.compare, field.kw_only) != \
                (PLAIN_FIELD.init, PLAIN_FIELD.repr, PLAIN_FIELD.hash, PLAIN_FIELD.compare, False):
            raise TypeError(f"{cls.__name__}.{field.name}: @frozen writes plain fields only "
                            "(a default or a default_factory, no other option)")
        marker = "=" if field.default is not dataclasses.MISSING else \
            "=*" if field.default_factory is not dataclasses.MISSING else ""
        parts.append(f"{field.name}{marker}")
    post_init = " post_init" if hasattr(cls, "__post_init__") else ""
    return f"{'slots' if slots else 'dict'} ({', '.join(parts)}){post_init}"


def compile_maker(name: str, shape: str) -> Callable[..., dict[str, Any]]:
    """The maker model_gen.py would write for this shape, compiled now."""
    from elysium.content import model_gen

    scope: dict[str, Any] = {"__name__": __name__}
    exec(model_gen.HEADER + model_gen.maker_source(name, shape), scope)
    return scope[f"make_{name}"]
