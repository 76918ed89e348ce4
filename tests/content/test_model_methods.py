"""The content model's methods are written out once (model_methods.py, by model_gen.py) instead of
compiled by dataclasses at every start: they must be what dataclasses would make, and up to date."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import pytest

from elysium.content import load_content, model, model_gen
from elysium.content.frozen import frozen

CLASSES = [cls for cls in vars(model).values() if isinstance(cls, type) and "__frozen_shape__" in vars(cls)]


def test_the_written_methods_are_up_to_date():
    written = model_gen.TARGET.read_text(encoding="utf-8")
    assert written == model_gen.render(model_gen.model_shapes()), \
        "a model class changed: run `python -m elysium.content.model_gen`"


def test_every_frozen_class_of_the_model_is_written_out():
    from elysium.content.model_methods import MAKERS

    assert {cls.__name__ for cls in CLASSES} == set(MAKERS) >= {"Room", "Item", "Npc", "GameInfo", "Content"}
    assert all(MAKERS[cls.__name__][0] == cls.__frozen_shape__ for cls in CLASSES)


def test_importing_the_model_compiles_no_source_text():
    """dataclasses compiles six methods per frozen class from text at every import; the written
    ones come from bytecode. (Other modules' dataclasses, imported with the package, are not
    counted: each compile is put down to the first file outside dataclasses that asked for it.)"""
    script = ("import builtins, os, sys; asked = []; real = builtins.exec\n"
              "def tracing(source, *args):\n"
              "    frame = sys._getframe(1)\n"
              "    while os.path.basename(frame.f_code.co_filename) == 'dataclasses.py':\n"
              "        frame = frame.f_back\n"
              "    if isinstance(source, str):\n"
              "        asked.append(os.path.basename(frame.f_code.co_filename))\n"
              "    return real(source, *args)\n"
              "builtins.exec = tracing\n"
              "import elysium.content.model\n"
              "print(len(asked), sorted(set(asked) & {'model.py', 'frozen.py', 'model_methods.py'}))")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    counted, by_model = shown.stdout.split(" ", 1)
    assert int(counted) > 0, "the count saw no compile at all: it counts nothing"
    assert by_model.strip() == "[]"


def reference(cls: type) -> type:
    """The class `dataclass(frozen=True)` makes from the same declaration."""
    slotted = "__slots__" in vars(cls)
    namespace: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__,
                                 "__doc__": cls.__doc__, "__annotations__": {}}
    for field in dataclasses.fields(cls):
        namespace["__annotations__"][field.name] = field.type
        if field.default is not dataclasses.MISSING:
            namespace[field.name] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            namespace[field.name] = dataclasses.field(default_factory=field.default_factory)
    for name, value in vars(cls).items():  # its own methods and properties
        if name not in namespace and not name.startswith("__") and name != "_from_fields" \
                and name not in {field.name for field in dataclasses.fields(cls)}:
            namespace[name] = value
    if "__post_init__" in vars(cls):
        namespace["__post_init__"] = cls.__post_init__
    return dataclasses.dataclass(frozen=True, slots=slotted)(type(cls.__name__, (), namespace))


@pytest.fixture(scope="module")
def instances() -> dict[type, list[Any]]:
    """Every model object of the campus, by class."""
    content = load_content()
    found: dict[type, list[Any]] = {cls: [] for cls in CLASSES}
    pending: list[Any] = [content]
    seen: set[int] = set()
    while pending:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if type(value) in found:
            found[type(value)].append(value)
            pending += [getattr(value, field.name) for field in dataclasses.fields(value)]
        elif isinstance(value, Mapping):  # a room's exits are a model.Ways
            pending += [*value.keys(), *value.values()]
        elif isinstance(value, (tuple, list, frozenset, set)):
            pending += list(value)
    return found


def outcome(action) -> Any:
    try:
        return ("value", action())
    except Exception as error:  # what it raised is part of the behaviour compared
        return (type(error).__name__, str(error))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_model_class_behaves_as_the_dataclass_of_its_declaration(cls, instances):
    made = reference(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(made))
    assert cls.__init__.__annotations__ == made.__init__.__annotations__
    assert cls.__init__.__qualname__ == made.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
    assert cls.__init__.__module__ == made.__init__.__module__ == model.__name__
    assert cls.__match_args__ == made.__match_args__
    assert getattr(cls, "__slots__", None) == getattr(made, "__slots__", None)
    assert repr(cls.__dataclass_params__) == repr(made.__dataclass_params__)
    assert [(f.name, f.type, f.default, f.default_factory) for f in dataclasses.fields(cls)] == \
           [(f.name, f.type, f.default, f.default_factory) for f in dataclasses.fields(made)]
    objects = instances[cls] or [cls()]  # EnergyDrain and MasteryFade: all defaults
    assert objects, f"the campus has no {cls.__name__}"
    names = [field.name for field in dataclasses.fields(cls)]
    for original in objects[:200]:
        values = [getattr(original, name) for name in names]
        ours, theirs = cls(*values), made(*values)
        assert [getattr(ours, name) for name in names] == [getattr(theirs, name) for name in names] == values
        assert repr(ours) == repr(theirs)
        assert ours == original and not ours != original and ours != theirs  # another class is never equal
        assert outcome(lambda: hash(ours)) == outcome(lambda: hash(theirs))
        for name in names:
            assert outcome(lambda: setattr(ours, name, None)) == outcome(lambda: setattr(theirs, name, None))
            assert outcome(lambda: delattr(ours, name)) == outcome(lambda: delattr(theirs, name))
            other = [object() if each == name else value for each, value in zip(names, values)]
            assert outcome(lambda: cls(*other) == ours) == outcome(lambda: made(*other) == theirs)
        assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
        assert dataclasses.replace(ours) == ours
        assert pickle.loads(pickle.dumps(ours)) == ours == copy.copy(ours) == copy.deepcopy(ours)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_defaults_and_default_factories_are_those_of_the_dataclass(cls):
    made = reference(cls)
    required = [f"{field.name}!" for field in dataclasses.fields(cls)
                if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING]
    if cls is model.Content:
        return  # its __post_init__ reads real content: the campus's pass above covers it
    ours, theirs = cls(*required), made(*required)
    assert repr(ours) == repr(theirs)
    for field in dataclasses.fields(cls):
        if field.default_factory is not dataclasses.MISSING:
            assert getattr(ours, field.name) is not getattr(cls(*required), field.name)  # a new one each time


def test_a_class_whose_fields_changed_since_they_were_written_still_works():
    """Before model_gen.py is run again, @frozen compiles the changed class's methods at start."""

    @frozen
    class Exit:
        """An Exit with a field that model_methods.py does not know."""

        direction: str
        to: str | None
        colour: str = "red"
        marks: dict = dataclasses.field(default_factory=dict)

    assert Exit.__frozen_shape__ != model.Exit.__frozen_shape__
    way = Exit("north", "hall")
    assert repr(way).endswith(".Exit(direction='north', to='hall', colour='red', marks={})")
    assert way == Exit("north", "hall") != Exit("north", "hall", "blue")
    assert hash(Exit("north", None, marks=None)) == hash(Exit("north", None, "red", None))
    with pytest.raises(dataclasses.FrozenInstanceError):
        way.colour = "blue"
    assert Exit._from_fields("up", None, "red", {}) == Exit("up", None)
    assert str(inspect.signature(Exit)) == \
        "(direction: 'str', to: 'str | None', colour: 'str' = 'red', marks: 'dict' = <factory>) -> None"


@pytest.mark.parametrize("cls", [cls for cls in CLASSES if hasattr(cls, "_from_fields")], ids=lambda cls: cls.__name__)
def test_a_model_read_back_from_a_pickle_is_its_own_frozen_class(cls, instances):
    """_from_fields fills a model in as a plain twin of its slots and then makes it the class itself:
    what comes back must be of the class, frozen, and hold every field."""
    for original in (instances[cls] or [cls()])[:50]:
        back = pickle.loads(pickle.dumps(original, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(back) is cls and back == original
        if not any(isinstance(getattr(original, f.name), frozenset) for f in dataclasses.fields(cls)):
            # a set read back may iterate, and so print, in another order than the one written
            assert repr(back) == repr(original)
        assert [getattr(back, f.name) for f in dataclasses.fields(cls)] == \
               [getattr(original, f.name) for f in dataclasses.fields(cls)]
        name = dataclasses.fields(cls)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(back, name, None)
        with pytest.raises(AttributeError):
            back.elsewhere = 1  # slots only, as the class itself


def test_fields_at_the_end_that_hold_their_default_are_left_out_of_the_pickle():
    """They wait in the unpickler's memo until the whole cache is read: an Item has 31."""
    plain = model.Item("lamp", "lamp", ("lamp",), (), "A lamp.", "hall")
    assert plain.__reduce__()[1] == ("lamp", "lamp", ("lamp",), (), "A lamp.", "hall")
    capped = dataclasses.replace(plain, capacity=3)
    assert len(capped.__reduce__()[1]) == [f.name for f in dataclasses.fields(model.Item)].index("capacity") + 1
    assert model.Exit("up", "loft").__reduce__()[1] == ("up", "loft")
    # an equal value of another type is not the default: 0 is kept, and comes back as 0, not False
    way = model.Exit("up", "loft", None, None, None, 0)
    back = pickle.loads(pickle.dumps(way))
    assert back.hidden == 0 and type(back.hidden) is int and back.__reduce__()[1] == ("up", "loft", None, None, None, 0)
    assert pickle.loads(pickle.dumps(model.EnergyDrain())) == model.EnergyDrain()


def test_a_room_pickles_its_plain_exits_flat_and_reads_them_back_in_order():
    """Room.__reduce__: its Ways' flat tuple, direction and `to` for a plain way out, the key and
    the Exit for any other."""
    guarded = model.Exit("in", "vault", door="vault_door")
    room = model.Room("hall", "Hall", "A hall.", {"north": model.Exit("north", "yard"), "in": guarded,
                                                 "up": model.Exit("up", None), "down": model.Exit("down", "cellar")})
    _, values = room.__reduce__()
    assert values[3] == ("north", "yard", "in", guarded, "up", None, "down", "cellar")
    back = pickle.loads(pickle.dumps(room, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(back) is model.Room and back == room and repr(back) == repr(room)
    assert list(back.exits) == ["north", "in", "up", "down"]
    assert all(type(way) is model.Exit for way in back.exits.values())
    assert pickle.loads(pickle.dumps(model.Room("cell", "Cell", "Bare.", {}))).exits == {}
    odd = model.Room("hall", "Hall", "A hall.", {"fore": model.Exit("north", "yard")})  # keyed otherwise
    assert pickle.loads(pickle.dumps(odd)).exits == {"fore": model.Exit("north", "yard")}


def test_a_field_option_the_written_methods_do_not_follow_is_refused():
    with pytest.raises(TypeError, match="plain fields only"):
        @frozen
        class Hidden:
            """repr=False would be left out of the written __repr__."""

            secret: str = dataclasses.field(default="", repr=False)


def test_a_method_the_class_writes_itself_is_kept():
    """As dataclasses keep a class's own __repr__ or __eq__ (a smaller pickle, say, for __reduce__)."""

    @frozen
    class Bell:
        """A bell that says what it is in its own words."""

        tone: str

        def __repr__(self) -> str:
            return f"a bell in {self.tone}"

        def __reduce__(self):
            return Bell, (self.tone.upper(),)

    assert repr(Bell("e")) == "a bell in e"
    assert Bell("e").__reduce__() == (Bell, ("E",))
    assert Bell("e") == Bell("e") != Bell("f")


def test_a_frozen_class_cannot_write_its_own_setattr():
    with pytest.raises(TypeError, match="cannot set its own __setattr__"):
        @frozen
        class Loose:
            """Would undo the freezing."""

            tone: str

            def __setattr__(self, name, value):
                object.__setattr__(self, name, value)
