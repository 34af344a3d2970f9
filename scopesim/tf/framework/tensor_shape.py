"""`framework/tensor_shape.py`."""

from ...engine.tensor_shape import (Dimension, TensorShape, as_dimension, as_shape,
                                    dimension_value, unknown_shape)

__all__ = ["Dimension", "TensorShape", "as_dimension", "as_shape", "dimension_value",
           "unknown_shape"]


def dims_of(shape):
    """The engine's dims tuple of a `shape=` argument (None: unknown rank)."""
    if shape is None:
        return None
    return as_shape(shape)._dims
