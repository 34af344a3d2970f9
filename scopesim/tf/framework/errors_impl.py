"""`tensorflow.python.framework.errors_impl`: the OpError classes scopesim raises.

`OpError` and the subclasses for the status codes scopesim produces (the
checkpoint functions; `InvalidArgumentError` of softmax's axis check).
`str(e)` is the message, as TensorFlow's OpError without an op.
"""

from __future__ import annotations

from ...errors import TFError

_MODULE = "tensorflow.python.framework.errors_impl"


class OpError(TFError):
    """`tf.errors.OpError(node_def, op, message, *args)`."""

    type_name = "OpError"
    error_code = 2   # UNKNOWN

    def __init__(self, node_def, op, message, *args):
        super().__init__(message)
        self.node_def = node_def
        self.op = op
        self.args = (node_def, op, message, *args)

    def __str__(self) -> str:
        return self.message


class NotFoundError(OpError):
    """`tf.errors.NotFoundError(node_def, op, message, *args)`."""

    type_name = "NotFoundError"
    error_code = 5


class InvalidArgumentError(OpError):
    """`tf.errors.InvalidArgumentError(node_def, op, message, *args)`."""

    type_name = "InvalidArgumentError"
    error_code = 3


class DataLossError(OpError):
    """`tf.errors.DataLossError(node_def, op, message, *args)`."""

    type_name = "DataLossError"
    error_code = 15


for _cls in (OpError, NotFoundError, InvalidArgumentError, DataLossError):
    _cls.__module__ = _MODULE
