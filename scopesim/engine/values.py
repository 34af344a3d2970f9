"""Python's view of a program's values: what each object says of itself.

The engine quotes the values a program hands it (graph objects, Python's
own values, TensorShape, DType, AUTO_REUSE) in its messages as Python shows
them: `type_name` (`type(x).__name__`), `py_repr`, `py_str` and `truth`
(`bool(x)`); `is_tensor_like` is what overloads the operators.
"""

from __future__ import annotations

from .graph import Tensor
from .variables import RefVariable


def type_name(value) -> str:
    """`type(value).__name__` (TensorFlow's classes carry TensorFlow's names)."""
    return type(value).__name__


def py_repr(value) -> str:
    """`repr(value)`."""
    return repr(value)


def py_str(value) -> str:
    """`str(value)` (what an f-string shows)."""
    return str(value)


#: `bool(value)`: a graph tensor refuses (`Tensor.__bool__`); a TensorShape
#: is false only with an unknown rank (`TensorShape.__bool__`).  `bool`
#: itself, so that the flags of every op cost no call of ours.
truth = bool


def is_tensor_like(value) -> bool:
    """A Tensor or a Variable: the values whose class overloads the operators."""
    return isinstance(value, (Tensor, RefVariable))
