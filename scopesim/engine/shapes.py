"""Shapes as TensorFlow prints and compares them.

A shape is a tuple of dims (int, or None for an unknown dim), or None for a
shape of unknown rank.  `format_shape` is `TensorShape.__str__`.
"""

from __future__ import annotations

Shape = tuple  # tuple[int | None, ...] | None

#: The float dtypes of the language (the conversion rules and `conj` test them).
FLOAT_DTYPES = ("float16", "float32", "float64")


def format_shape(shape: Shape | None) -> str:
    """`TensorShape.__str__` (v1 behaviour, as after `disable_v2_behavior()`):
    `(2, 3)`, `(2,)`, `()`, `(?, 3)`, `<unknown>`."""
    if shape is None:
        return "<unknown>"
    if len(shape) == 1:
        return "(%s,)" % _dim(shape[0])
    return "(%s)" % ", ".join(_dim(d) for d in shape)


def _dim(d: int | None) -> str:
    return "?" if d is None else str(d)


def is_compatible(a: Shape | None, b: Shape | None) -> bool:
    """`TensorShape.is_compatible_with`: unknown rank or unknown dims match anything."""
    if a is None or b is None:
        return True
    if len(a) != len(b):
        return False
    return all(x is None or y is None or x == y for x, y in zip(a, b))


def is_fully_defined(shape: Shape | None) -> bool:
    return shape is not None and all(d is not None for d in shape)


def num_elements(shape: Shape) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def as_list_text(shape: Shape) -> str:
    """`[2, 3]` as TensorFlow's shape-inference messages write input shapes."""
    return "[" + ",".join("?" if d is None else str(d) for d in shape) + "]" if shape is not None else "?"
