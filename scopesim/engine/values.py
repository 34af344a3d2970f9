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
from .graph import Op, Tensor
from .scopes import ReuseMode, VariableScope
from .shapes import Shape, format_shape
from .variables import Variable

#: `Tensor.__bool__` in graph mode (an OperatorNotAllowedInGraphError).
TENSOR_AS_BOOL = (
    "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed. You can attempt the "
    "following resolutions to the problem: If you are running in Graph mode, use Eager "
    "execution mode or decorate this function with @tf.function. If you are using AutoGraph, "
    "you can try decorating this function with @tf.function. If that does not work, then you "
    "may be using an unsupported feature or your source code may not be visible to AutoGraph. "
    "See https://github.com/tensorflow/tensorflow/blob/master/tensorflow/python/autograph/"
    "g3doc/reference/limitations.md#access-to-source-code for more information.")

#: Where TensorFlow prints an object's address, scopesim prints this one.
ADDRESS = "0x7f0000000000"


@dataclass(frozen=True, eq=False)
class TensorShape:
    """`tf.TensorShape` (v1): `dims` a tuple of what `Dimension` accepted
    (ints, None for an unknown dim; `True` stays `True`), or None for an
    unknown rank.  Its `==` is TensorFlow's (`python_ops.equal`)."""

    dims: Shape

    def __str__(self) -> str:
        """`TensorShape.__str__`: `(2, ?)`, `(2,)`, `<unknown>`."""
        return format_shape(self.dims)

    def __repr__(self) -> str:
        """`TensorShape.__repr__` (v1): `TensorShape([Dimension(2), Dimension(None)])`."""
        if self.dims is None:
            return "TensorShape(None)"
        return "TensorShape([%s])" % ", ".join(f"Dimension({d!r})" for d in self.dims)


@dataclass(frozen=True, eq=False)
class DType:
    """`tf.DType`: `name` is `float32`, or `float32_ref` for a variable's."""

    name: str

    def __str__(self) -> str:
        return f"<dtype: '{self.name}'>"

    def __repr__(self) -> str:
        return f"tf.{self.name}"


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


_TYPE_NAMES = {Variable: "RefVariable", Tensor: "SymbolicTensor", Op: "Operation",
               VariableScope: "VariableScope", TensorShape: "TensorShape", DType: "DType",
               ReuseMode: "_ReuseMode"}

#: `repr(type(x))` of TensorFlow's classes (and of the exceptions that are not builtins).
_CLASS_REPRS = {
    Variable: "<class 'tensorflow.python.ops.ref_variable.RefVariable'>",
    Tensor: "<class 'tensorflow.python.framework.ops.SymbolicTensor'>",
    Op: "<class 'tensorflow.python.framework.ops.Operation'>",
    VariableScope: "<class 'tensorflow.python.ops.variable_scope.VariableScope'>",
    TensorShape: "<class 'tensorflow.python.framework.tensor_shape.TensorShape'>",
    DType: "<class 'tensorflow.python.framework.dtypes.DType'>",
    ReuseMode: "<enum '_ReuseMode'>",
}
_EXCEPTION_MODULES = {"OperatorNotAllowedInGraphError": "tensorflow.python.framework.errors_impl.",
                      "error": "re."}


def type_name(value) -> str:
    """`type(value).__name__` as TensorFlow's objects have it."""
    if isinstance(value, ExceptionValue):
        return value.type_name
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def class_repr(value) -> str:
    """`repr(type(value))`: `<class 'float'>`, `<class 'tensorflow...DType'>`."""
    if isinstance(value, ExceptionValue):
        return f"<class '{_EXCEPTION_MODULES.get(value.type_name, '')}{value.type_name}'>"
    return _CLASS_REPRS.get(type(value), f"<class '{type(value).__name__}'>")


def py_repr(value) -> str:
    """`repr(value)`."""
    if isinstance(value, Variable):
        return (f"<tf.Variable '{value.name}' shape={format_shape(value.shape)} "
                f"dtype={value.dtype}_ref>")
    if isinstance(value, Tensor):
        return f"<tf.Tensor '{value.name}' shape={format_shape(value.shape)} dtype={value.dtype}>"
    if isinstance(value, Op):
        return f"<tf.Operation '{value.name}' type={value.type}>"
    if isinstance(value, VariableScope):
        return f"<tensorflow.python.ops.variable_scope.VariableScope object at {ADDRESS}>"
    return repr(value)


def py_str(value) -> str:
    """`str(value)` (what an f-string shows)."""
    if isinstance(value, Tensor):
        return f'Tensor("{value.name}", shape={format_shape(value.shape)}, dtype={value.dtype})'
    if isinstance(value, Op):
        return f'name: "{value.name}"\nop: "{value.type}"\n'
    if isinstance(value, (Variable, VariableScope)):
        return py_repr(value)
    return str(value)


def display(value) -> str:
    """What the language's `print` shows: `.name` for graph objects, else `str`."""
    if isinstance(value, (Variable, Tensor, Op, VariableScope)):
        return value.name
    return py_str(value)


def truth(value) -> bool:
    """`bool(value)`: a graph tensor refuses (`Tensor.__bool__`); a
    TensorShape is false only with an unknown rank (`TensorShape.__bool__`);
    the other objects of TensorFlow are true."""
    if isinstance(value, Tensor):
        raise PyError("OperatorNotAllowedInGraphError", TENSOR_AS_BOOL)
    if isinstance(value, TensorShape):
        return value.dims is not None
    if isinstance(value, (str, int, float, list)) or value is None:
        return bool(value)
    return True


def is_tensor_like(value) -> bool:
    """A Tensor or a Variable: the values whose class overloads the operators."""
    return isinstance(value, (Tensor, Variable))


_ATTRIBUTES = {
    Variable: {"name": lambda v: v.name, "shape": lambda v: TensorShape(v.shape),
               "dtype": lambda v: DType(v.dtype + "_ref")},
    Tensor: {"name": lambda t: t.name, "shape": lambda t: TensorShape(t.shape),
             "dtype": lambda t: DType(t.dtype)},
    Op: {"name": lambda o: o.name, "type": lambda o: o.type},
    VariableScope: {"name": lambda s: s.name,
                    "original_name_scope": lambda s: s.original_name_scope,
                    "reuse": lambda s: s.reuse, "dtype": lambda s: DType(s.dtype)},
    DType: {"name": lambda d: d.name},
}


def attribute(value, attr: str):
    """`value.<attr>` for the attributes the language reads; any other is
    Python's AttributeError."""
    getters = _ATTRIBUTES.get(type(value), {})
    if attr in getters:
        return getters[attr](value)
    raise PyError("AttributeError", f"'{type_name(value)}' object has no attribute '{attr}'")

