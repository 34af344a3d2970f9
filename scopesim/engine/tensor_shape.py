"""`Dimension` and `TensorShape`, as `framework/tensor_shape.py` defines them
with v1 behaviour (what `disable_v2_behavior()` selects: `shape[i]` and
iteration give `Dimension`s, `repr` lists `Dimension(2)`).

Each method mirrors the TensorFlow method of the same name, quirks
included: comparisons of
an unknown dimension are None, `/` on a Dimension asks for `//`.
"""

from __future__ import annotations

import operator
from functools import reduce

from ..errors import TFTypeError, TFValueError

_MODULE = "tensorflow.python.framework.tensor_shape"


class Dimension:
    """`tf.compat.v1.Dimension`: a known size (int >= 0) or None."""

    __slots__ = ("_value",)

    def __init__(self, value):
        """`Dimension.__init__`: an int >= 0, None, a Dimension, or an object
        with `__index__`; anything else is TypeError."""
        if isinstance(value, int):
            if value < 0:
                raise TFValueError("Dimension %d must be >= 0" % value)
            self._value = value
        elif value is None:
            self._value = None
        elif isinstance(value, Dimension):
            self._value = value._value
        else:
            index = getattr(value, "__index__", None)
            if index is None:
                raise TFTypeError(
                    "Dimension value must be integer or None or have an __index__ method, "
                    "got value '{0!r}' with type '{1!r}'".format(value, type(value)))
            self._value = int(index())
            if self._value < 0:
                raise TFValueError("Dimension %d must be >= 0" % self._value)

    def __repr__(self) -> str:
        return "Dimension(%r)" % (self._value,)

    def __str__(self) -> str:
        return "?" if self._value is None else str(self._value)

    def __eq__(self, other):
        """`Dimension.__eq__`: NotImplemented if `other` is no dimension,
        None if either is unknown."""
        try:
            other = as_dimension(other)
        except (TypeError, ValueError):
            return NotImplemented
        if self._value is None or other._value is None:
            return None
        return self._value == other._value

    def __ne__(self, other):
        try:
            other = as_dimension(other)
        except (TypeError, ValueError):
            return NotImplemented
        if self._value is None or other._value is None:
            return None
        return self._value != other._value

    __hash__ = None          # TensorFlow defines __eq__ without __hash__

    def __bool__(self) -> bool:
        return bool(self._value)

    def __int__(self):
        return self._value

    def __index__(self):
        return self._value

    @property
    def value(self):
        return self._value

    def is_compatible_with(self, other) -> bool:
        """`Dimension.is_compatible_with`: unknown matches anything."""
        other = as_dimension(other)
        return self._value is None or other._value is None or self._value == other._value

    def assert_is_compatible_with(self, other) -> None:
        if not self.is_compatible_with(other):
            raise TFValueError("Dimensions %s and %s are not compatible" % (self, other))

    def merge_with(self, other) -> "Dimension":
        """`Dimension.merge_with`: the known one of two compatible dims."""
        other = as_dimension(other)
        self.assert_is_compatible_with(other)
        return Dimension(other._value if self._value is None else self._value)

    def _arith(self, other, op, reflected: bool = False, checked: bool = True):
        """The arithmetic of `Dimension.__add__` and friends: NotImplemented
        when `other` is no dimension (only where TF catches it), unknown if
        either is unknown."""
        if checked:
            try:
                other = as_dimension(other)
            except (TypeError, ValueError):
                return NotImplemented
        else:
            other = as_dimension(other)
        if self._value is None or other._value is None:
            return Dimension(None)
        a, b = (other._value, self._value) if reflected else (self._value, other._value)
        return Dimension(op(a, b))

    def __add__(self, other):
        return self._arith(other, operator.add)

    def __radd__(self, other):
        """`Dimension.__radd__`: `self + other`."""
        return self + other

    def __sub__(self, other):
        return self._arith(other, operator.sub)

    def __rsub__(self, other):
        return self._arith(other, operator.sub, reflected=True, checked=False)

    def __mul__(self, other):
        return self._arith(other, operator.mul)

    def __rmul__(self, other):
        return self * other

    def __floordiv__(self, other):
        return self._arith(other, operator.floordiv)

    def __rfloordiv__(self, other):
        return self._arith(other, operator.floordiv, reflected=True, checked=False)

    def __truediv__(self, other):
        raise TFTypeError("unsupported operand type(s) for /: 'Dimension' and '{}', "
                          "please use // instead".format(type(other).__name__))

    def __rtruediv__(self, other):
        raise TFTypeError("unsupported operand type(s) for /: '{}' and 'Dimension', "
                          "please use // instead".format(type(other).__name__))

    def __mod__(self, other):
        return self._arith(other, operator.mod, checked=False)

    def __rmod__(self, other):
        return as_dimension(other) % self

    def _compare(self, other, op):
        """`Dimension.__lt__` and friends: None unless both are known."""
        other = as_dimension(other)
        if self._value is None or other._value is None:
            return None
        return op(self._value, other._value)

    def __lt__(self, other):
        return self._compare(other, operator.lt)

    def __le__(self, other):
        return self._compare(other, operator.le)

    def __gt__(self, other):
        return self._compare(other, operator.gt)

    def __ge__(self, other):
        return self._compare(other, operator.ge)

    def __reduce__(self):
        return Dimension, (self._value,)


def as_dimension(value) -> Dimension:
    """`tensor_shape.as_dimension`."""
    return value if isinstance(value, Dimension) else Dimension(value)


def dimension_value(dimension):
    """`tensor_shape.dimension_value`."""
    return dimension._value if isinstance(dimension, Dimension) else dimension


class TensorShape:
    """`tf.TensorShape`: `_dims` a tuple of ints / None, or None (unknown rank)."""

    __slots__ = ("_dims",)

    def __init__(self, dims):
        """`TensorShape.__init__`: a list or tuple, None, a TensorShape,
        another iterable (each element a dimension) or a single dimension."""
        if isinstance(dims, (tuple, list)):
            for d in dims:
                if d is not None and (type(d) is not int or d < 0):
                    self._dims = tuple(as_dimension(d)._value for d in dims)
                    return
            self._dims = tuple(dims)      # ints >= 0 and None are their own values
        elif dims is None:
            self._dims = None
        elif isinstance(dims, TensorShape):
            self._dims = dims._dims
        else:
            try:
                items = iter(dims)
            except TypeError:
                self._dims = (as_dimension(dims)._value,)
                return
            out = []
            for d in items:
                try:
                    out.append(as_dimension(d)._value)
                except TypeError:
                    raise TFTypeError(
                        "Failed to convert '{0!r}' to a shape: '{1!r}'could not be converted to "
                        "a dimension. A shape should either be single dimension (e.g. 10), or an "
                        "iterable of dimensions (e.g. [1, 10, None]).".format(dims, d)) from None
            self._dims = tuple(out)

    @classmethod
    def _of(cls, dims) -> "TensorShape":
        """A shape of an engine dims tuple (or None), without checks."""
        shape = cls.__new__(cls)
        shape._dims = dims
        return shape

    def __repr__(self) -> str:
        return f"TensorShape({self.dims})"

    def __str__(self) -> str:
        dims = self._dims
        if dims is None:
            return "<unknown>"
        if len(dims) == 1:
            return "(%s,)" % _text(dims[0])
        return "(%s)" % ", ".join(_text(d) for d in dims)

    @property
    def rank(self):
        return None if self._dims is None else len(self._dims)

    @property
    def ndims(self):
        return self.rank

    @property
    def dims(self):
        """v1: a list of Dimensions, or None."""
        return None if self._dims is None else [Dimension(d) for d in self._dims]

    def __len__(self) -> int:
        if self._dims is None:
            raise TFValueError("Cannot take the length of shape with unknown rank.")
        return len(self._dims)

    def __bool__(self) -> bool:
        return self._dims is not None

    def __iter__(self):
        if self._dims is None:
            raise TFValueError("Cannot iterate over a shape with unknown rank.")
        return iter([Dimension(d) for d in self._dims])

    def __getitem__(self, key):
        """`TensorShape.__getitem__` (v1): a Dimension, or a TensorShape for a slice."""
        if self._dims is not None:
            if isinstance(key, slice):
                return TensorShape._of(self._dims[key])
            # `self.dims[key]`: a list's errors ("list index out of range")
            return Dimension(list(self._dims)[key])  # fuzz: Python's error, as TF's
        if isinstance(key, slice):
            start = key.start if key.start is not None else 0
            stop = key.stop
            if key.step is not None:
                raise TFValueError("Steps are not yet handled")
            if stop is None or start < 0 or stop < 0:
                return unknown_shape()
            return unknown_shape(rank=stop - start)
        return Dimension(None)

    def num_elements(self):
        if self.is_fully_defined():
            return reduce(operator.mul, self._dims, 1)
        return None

    def merge_with(self, other) -> "TensorShape":
        """`TensorShape.merge_with`."""
        other = as_shape(other)
        if self._dims is None:
            return other
        if other._dims is None:
            return self
        try:
            self.assert_same_rank(other)
            return TensorShape([Dimension(a).merge_with(b)
                                for a, b in zip(self._dims, other._dims)])
        except ValueError:
            raise TFValueError("Shapes %s and %s are not compatible" % (self, other)) from None

    def __add__(self, other):
        return self.concatenate(other)

    def __radd__(self, other):
        if not isinstance(other, TensorShape):
            other = TensorShape(other)
        return other.concatenate(self)

    def concatenate(self, other) -> "TensorShape":
        """`TensorShape.concatenate`: unknown if either rank is unknown."""
        other = as_shape(other)
        if self._dims is None or other._dims is None:
            return unknown_shape()
        return TensorShape._of(self._dims + other._dims)

    def assert_same_rank(self, other) -> None:
        other = as_shape(other)
        if self.rank is not None and other.rank is not None and self.rank != other.rank:
            raise TFValueError("Shapes %s and %s must have the same rank" % (self, other))

    def assert_has_rank(self, rank) -> None:
        if self.rank not in (None, rank):
            raise TFValueError("Shape %s must have rank %d" % (self, rank))

    def with_rank(self, rank) -> "TensorShape":
        try:
            return self.merge_with(unknown_shape(rank=rank))
        except ValueError:
            raise TFValueError("Shape %s must have rank %d" % (self, rank)) from None

    def with_rank_at_least(self, rank) -> "TensorShape":
        if self.rank is not None and self.rank < rank:
            raise TFValueError("Shape %s must have rank at least %d" % (self, rank))
        return self

    def with_rank_at_most(self, rank) -> "TensorShape":
        if self.rank is not None and self.rank > rank:
            raise TFValueError("Shape %s must have rank at most %d" % (self, rank))
        return self

    def is_compatible_with(self, other) -> bool:
        """`TensorShape.is_compatible_with`."""
        other = as_shape(other)
        if self._dims is not None and other._dims is not None:
            if len(self._dims) != len(other._dims):
                return False
            for x, y in zip(self._dims, other._dims):
                if x is not None and y is not None and x != y:
                    return False
        return True

    def assert_is_compatible_with(self, other) -> None:
        if not self.is_compatible_with(other):
            raise TFValueError("Shapes %s and %s are incompatible" % (self, other))

    def most_specific_compatible_shape(self, other) -> "TensorShape":
        other = as_shape(other)
        if self._dims is None or other._dims is None or len(self._dims) != len(other._dims):
            return unknown_shape()
        return TensorShape._of(tuple(a if a is not None and a == b else None
                                     for a, b in zip(self._dims, other._dims)))

    def is_fully_defined(self) -> bool:
        return self._dims is not None and all(d is not None for d in self._dims)

    def assert_is_fully_defined(self) -> None:
        if not self.is_fully_defined():
            raise TFValueError("Shape %s is not fully defined" % self)

    def as_list(self) -> list:
        if self._dims is None:
            raise TFValueError("as_list() is not defined on an unknown TensorShape.")
        return list(self._dims)

    def __eq__(self, other):
        """`TensorShape.__eq__`: `as_shape(other)` (NotImplemented on
        TypeError), then the dims tuples."""
        try:
            other = as_shape(other)
        except TypeError:
            return NotImplemented
        return self._dims == other._dims

    def __hash__(self) -> int:
        return hash(self._dims)

    def __reduce__(self):
        return TensorShape, (self.dims,)

    def __concat__(self, other):
        return self.concatenate(other)


def _text(d) -> str:
    return "?" if d is None else str(d)


def as_shape(shape) -> TensorShape:
    """`tensor_shape.as_shape`."""
    return shape if isinstance(shape, TensorShape) else TensorShape(shape)


def unknown_shape(rank=None, **kwargs) -> TensorShape:
    """`tensor_shape.unknown_shape`."""
    if rank is None and "ndims" in kwargs:
        rank = kwargs.pop("ndims")
    if kwargs:
        raise TFTypeError("Unknown argument: %s" % kwargs)
    return TensorShape._of(None if rank is None else (None,) * rank)


for _cls in (Dimension, TensorShape):
    _cls.__module__ = _MODULE
