"""`Record`: a small frozen record, as a frozen dataclass behaves, without
`dataclasses` (which imports `inspect`: several milliseconds of every
start-up, issue 12).

A subclass lists its fields in `__slots__` (in order) and writes its own
`__init__` (setting them with `object.__setattr__`); `_compared` names the
fields that equality and the hash read (all of them unless it says
otherwise), and `_fields` the fields when they are not the slots (a field
that is a property over a slot of another name, computed when first read).  Equality holds between records of the very same class only,
the repr is `Name(field=value, ...)` over every field, assigning or
deleting a field raises `FrozenInstanceError` (an AttributeError), and
copy and pickle rebuild a record from its fields, as for a frozen dataclass.
"""

from __future__ import annotations


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record (what a frozen dataclass raises)."""


class Record:
    """A frozen record over `__slots__` (see the module's docstring)."""

    __slots__ = ()
    #: The fields equality and the hash compare (None: all of `__slots__`).
    _compared: tuple[str, ...] | None = None
    #: The fields, in order (None: `__slots__`).
    _fields: tuple[str, ...] | None = None

    def __setattr__(self, name, value):
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name):
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _key(self) -> tuple:
        names = self._compared
        return tuple(getattr(self, f) for f in (self._field_names() if names is None else names))

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._field_names())
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self):
        return type(self), tuple(getattr(self, f) for f in self._field_names())

    def _field_names(self) -> tuple[str, ...]:
        return self.__slots__ if self._fields is None else self._fields


def slot_setters(cls) -> tuple:
    """The setter of each of `cls`'s own slots, in order: `set(record,
    value)` is `object.__setattr__(record, name, value)` without looking
    the name up (a fifth faster, for the records a run makes by the ten
    thousand)."""
    return tuple(cls.__dict__[name].__set__ for name in cls.__slots__)
