"""Probe: `tf.compat.v1.constant(value, shape=...)` (`constant_op.constant_v1`,
`make_tensor_proto(..., allow_broadcast=False)`): a value of fewer elements
than the shape kept as its own `*_val` fields (the tensor filled with the
last one), as many as the shape reshaped into `tensor_content`, the errors
of too many, of `verify_shape`, of bad dims; the filled value as shape
inference reads it (`zeros` of it).  tests/tf/test_constant_shape.py replays it."""

import numpy as np

from gaps_common import main, show


def run(T, fn):
    """One call: its tensor and the Const's NodeDef text, or its error."""
    try:
        t = fn()
    except Exception as e:
        show("raised", type(e).__name__, e)
        return
    show("ok", t.name, t.op.type, t.shape, t.dtype.name)
    print(str(t.op), end="")


def case_scalar_filled(T):
    run(T, lambda: T.constant(0.1, shape=[64]))
    run(T, lambda: T.constant(0.0, shape=[2, 3], name="b"))
    run(T, lambda: T.constant(1.0, shape=[2, 2]))
    run(T, lambda: T.constant(7, shape=(3,)))
    run(T, lambda: T.constant(True, shape=[2]))
    run(T, lambda: T.constant(2.5, shape=[]))
    run(T, lambda: T.constant(2.5, shape=[1]))
    run(T, lambda: T.constant(3, shape=[1, 1]))
    run(T, lambda: T.constant(0.1, shape=T.TensorShape([2])))


def case_one_element_list_filled(T):
    run(T, lambda: T.constant([5.0], shape=[3]))
    run(T, lambda: T.constant([[4]], shape=[2, 2]))


def case_same_size_reshaped(T):
    run(T, lambda: T.constant([1.0, 2.0, 3.0, 4.0], shape=[2, 2]))
    run(T, lambda: T.constant([[1, 2, 3], [4, 5, 6]], shape=[3, 2]))
    run(T, lambda: T.constant([1, 2, 3, 4, 5, 6], shape=[6]))
    run(T, lambda: T.constant([True, False], shape=[2, 1]))


def case_fewer_elements(T):
    run(T, lambda: T.constant([1.0, 2.0], shape=[4]))
    run(T, lambda: T.constant([1, 2, 3], shape=[2, 3]))
    run(T, lambda: T.constant([], shape=[2]))


def case_too_many_elements(T):
    run(T, lambda: T.constant([1.0, 2.0, 3.0], shape=[2]))
    run(T, lambda: T.constant([[1, 2], [3, 4]], shape=[3]))
    run(T, lambda: T.constant([1.0, 2.0], shape=[]))


def case_verify_shape(T):
    run(T, lambda: T.constant([1.0, 2.0], shape=[2], verify_shape=True))
    run(T, lambda: T.constant(1.0, shape=[2], verify_shape=True))
    run(T, lambda: T.constant([1.0, 2.0, 3.0, 4.0], shape=[2, 2], verify_shape=True))
    run(T, lambda: T.constant([1.0, 2.0, 3.0], shape=[2], verify_shape=True))
    run(T, lambda: T.constant([[1.0, 2.0]], shape=[1, 2], verify_shape=True))


def case_dtype_with_shape(T):
    run(T, lambda: T.constant(1, dtype=T.float32, shape=[2]))
    run(T, lambda: T.constant(0.5, dtype=T.float64, shape=[2, 2]))
    run(T, lambda: T.constant([1, 2], dtype=T.int64, shape=[2]))
    run(T, lambda: T.constant([1, 2], dtype=T.float32, shape=[3]))
    run(T, lambda: T.constant(0.5, dtype=T.int32, shape=[2]))
    run(T, lambda: T.constant(1.5, dtype=T.float16, shape=[2]))


def case_zero_elements(T):
    run(T, lambda: T.constant(5, shape=[0]))
    run(T, lambda: T.constant([1, 2, 3], shape=[2, 0]))
    run(T, lambda: T.constant(5, dtype=T.int32, shape=[0, 3]))


def case_bad_dims(T):
    run(T, lambda: T.constant(1.0, shape=[None]))
    run(T, lambda: T.constant(1.0, shape=[2, None]))
    run(T, lambda: T.constant(1.0, shape=[-1]))
    run(T, lambda: T.constant(1.0, shape=[2, -3]))
    run(T, lambda: T.constant(1.0, shape=[0, -1]))
    run(T, lambda: T.constant(1.0, shape=3))
    run(T, lambda: T.constant(1.0, shape=T.TensorShape([None, 2])))
    run(T, lambda: T.constant(1.0, shape=T.TensorShape(None)))


def case_dims_read_by_int(T):
    run(T, lambda: T.constant(1.0, shape=[2.5]))
    run(T, lambda: T.constant(1.0, shape=["2"]))
    run(T, lambda: T.constant(1.0, shape=[True, 2]))
    run(T, lambda: T.constant(1.0, shape=np.array([2, 2])))
    run(T, lambda: T.constant(1.0, shape=[np.int64(2)]))
    run(T, lambda: T.constant(1.0, shape=T.placeholder(T.int32, [1])))
    run(T, lambda: T.constant(1.0, shape=[2], name="a/b"))


def case_strings(T):
    run(T, lambda: T.constant("a", shape=[2]))
    run(T, lambda: T.constant(["a", "b"], shape=[2, 1]))
    run(T, lambda: T.constant(["a", "b"], shape=[3]))


def case_numpy_values(T):
    run(T, lambda: T.constant(np.float32(1), shape=[2]))
    run(T, lambda: T.constant(np.array([1, 2]), shape=[2, 1]))
    run(T, lambda: T.constant(np.array([1, 2]), shape=[3]))
    run(T, lambda: T.constant(np.array([1.5, 2]), dtype=T.int32, shape=[3]))
    run(T, lambda: T.constant(np.array([1, 2, 3]), shape=[0]))


def case_none_and_empty_values(T):
    run(T, lambda: T.constant(None, shape=[2]))
    run(T, lambda: T.constant(None, shape=[0]))
    run(T, lambda: T.constant(None, shape=[None]))
    run(T, lambda: T.constant([], dtype=T.int32, shape=[2]))
    run(T, lambda: T.constant(1.0, shape=[2], dtype=T.bool))
    run(T, lambda: T.constant(1.0, shape=(), verify_shape=True))
    run(T, lambda: T.constant(1.0, shape=[0], verify_shape=True))
    run(T, lambda: T.constant([1.0], shape=[1, 1], verify_shape=True))


def case_other_dtypes(T):
    run(T, lambda: T.constant(2**40, shape=[2]))
    run(T, lambda: T.constant(2**40, dtype=T.int32, shape=[2]))
    run(T, lambda: T.constant(1, shape=[2, 2], dtype=T.uint8))
    run(T, lambda: T.constant([1, 2, 3, 4], shape=[2, 2], dtype=T.float16))


def case_filled_value_read_by_shape_inference(T):
    for value, shape in ((2, [2]), ([2, 3], [3]), ([4], [2]), ([[1, 2], [3, 4]], [4])):
        z = T.zeros(T.constant(value, shape=shape))
        show(z.name, z.op.type, z.shape)
    z = T.zeros(T.constant([], T.int32, shape=[2]))
    show(z.name, z.op.type, z.shape)


if __name__ == "__main__":
    main(globals())
