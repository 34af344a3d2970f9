"""Python's view of a program's values: what each object says of itself.

A program handles the graph objects (`Variable`, `Tensor`, `Op`,
`VariableScope`), Python's own values (str, int, float, bool, None, a list
of names) and the other objects TensorFlow hands out, modelled here:

- `TensorShape`, the value of `x.shape` (`framework/tensor_shape.py`, v1
  behaviour: its dims print as `Dimension(2)`);
- `DType`, the value of `x.dtype` (`framework/dtypes.py`);
- `ExceptionValue`, the exception `except ... as e` binds;
- `AUTO_REUSE` (`variable_scope._ReuseMode`, defined in `scopes.py`).

For any of them: `type_name` (`type(x).__name__`), `class_repr`
(`repr(type(x))`), `py_repr`, `py_str`, `display` (what `print` shows),
`truth` (`bool(x)`) and `attribute` (`x.name`, ...), as TensorFlow's
classes and Python define them.  The engine quotes these in its messages;
the interpreter prints them.  Python's operators on them are in
`python_ops.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import PyError
from .dtypes import DType
from .graph import ADDRESS, TENSOR_AS_BOOL, Operation, Tensor
from .scopes import ReuseMode, VariableScope
from .tensor_shape import TensorShape
from .variables import RefVariable

Op = Operation
Variable = RefVariable


@dataclass(frozen=True, eq=False)
class ExceptionValue:
    """The exception bound by `except ... as e`: `str(e)` is its message,
    `type(e).__name__` its class name."""

    type_name: str
    message: str

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        """`BaseException.__repr__`: `ValueError('...')`, `MemoryError()`."""
        return f"{self.type_name}({self.message!r})" if self.message else f"{self.type_name}()"


_EXCEPTION_MODULES = {"OperatorNotAllowedInGraphError": "tensorflow.python.framework.errors_impl.",
                      "error": "re."}


def type_name(value) -> str:
    """`type(value).__name__` (TensorFlow's classes carry TensorFlow's names)."""
    if isinstance(value, ExceptionValue):
        return value.type_name
    return type(value).__name__


def class_repr(value) -> str:
    """`repr(type(value))`: `<class 'float'>`, `<class 'tensorflow...DType'>`."""
    if isinstance(value, ExceptionValue):
        return f"<class '{_EXCEPTION_MODULES.get(value.type_name, '')}{value.type_name}'>"
    return repr(type(value))


def py_repr(value) -> str:
    """`repr(value)`."""
    return repr(value)


def py_str(value) -> str:
    """`str(value)` (what an f-string shows)."""
    return str(value)


def display(value) -> str:
    """What the language's `print` shows: `.name` for graph objects, else `str`."""
    if isinstance(value, (RefVariable, Tensor, Operation, VariableScope)):
        return value.name
    return str(value)


def truth(value) -> bool:
    """`bool(value)`: a graph tensor refuses (`Tensor.__bool__`); a
    TensorShape is false only with an unknown rank (`TensorShape.__bool__`)."""
    return bool(value)


def is_tensor_like(value) -> bool:
    """A Tensor or a Variable: the values whose class overloads the operators."""
    return isinstance(value, (Tensor, RefVariable))


_ATTRIBUTES = {
    RefVariable: ("name", "shape", "dtype"),
    Tensor: ("name", "shape", "dtype"),
    Operation: ("name", "type"),
    VariableScope: ("name", "original_name_scope", "reuse", "dtype"),
    DType: ("name",),
}


def attribute(value, attr: str):
    """`value.<attr>` for the attributes the version-1 language reads; any
    other is Python's AttributeError."""
    cls = Tensor if isinstance(value, Tensor) else type(value)
    if attr in _ATTRIBUTES.get(cls, ()):
        return getattr(value, attr)
    raise PyError("AttributeError", f"'{type_name(value)}' object has no attribute '{attr}'")
