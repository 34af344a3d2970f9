"""Probe: every documented argument of the contract's op functions (LANGUAGE.md
part 5, "Ops") given a value other than its default, one call each: the ops
the call builds (name, type, shape, dtype), its result or error, and the
collections it fills.  An argument scopesim does not simulate must raise
NotSimulated naming it (tests/tf/test_ops_gaps.py checks which), never be
ignored.  tests/tf/test_ops_gaps.py replays it."""

from gaps_common import main, show


def _x(T, shape=(2, 3), dtype=None, name="x"):
    return T.placeholder(dtype or T.float32, shape, name=name)


def run(T, fn):
    """One call: what it returns (or raises), then the ops it made."""
    g = T.get_default_graph()
    start = len(g.get_operations())
    try:
        r = fn()
    except Exception as e:
        show("raised", type(e).__name__, e)
    else:
        items = r if isinstance(r, (list, tuple)) else [r]
        show("ok", *[getattr(i, "name", repr(i)) for i in items])
    for op in g.get_operations()[start:]:
        outs = " ".join(f"{o.shape}:{o.dtype.name}" for o in op.outputs)
        show(" ", op.name, op.type, [t.name for t in op.inputs], outs)


def case_constant_zeros_ones_fill_range(T):
    run(T, lambda: T.constant([1, 2], dtype=T.float64, name="c"))
    run(T, lambda: T.constant([1.0, 2.0], verify_shape=True))
    run(T, lambda: T.zeros([2], dtype=T.int32, name="z"))
    run(T, lambda: T.ones([2], dtype=T.int64, name="o"))
    run(T, lambda: T.zeros_like(_x(T), dtype=T.int32))
    run(T, lambda: T.zeros_like(_x(T), optimize=False))
    run(T, lambda: T.ones_like(_x(T, (None, 3)), dtype=T.bool, optimize=False))
    run(T, lambda: T.fill([2], 3, name="f"))
    run(T, lambda: T.range(1, 10, 2, dtype=T.float32, name="r"))
    run(T, lambda: T.identity(_x(T), name="i"))


def case_constant_shape(T):
    run(T, lambda: T.constant(1.0, shape=[2, 2]))


def case_arithmetic_names(T):
    x = _x(T)
    for fn in (T.add, T.subtract, T.multiply, T.divide, T.truediv, T.floordiv, T.mod, T.pow,
               T.maximum, T.minimum, T.less, T.greater, T.equal, T.not_equal):
        run(T, lambda fn=fn: fn(x, 2.0, name="n"))
    for fn in (T.negative, T.abs, T.square, T.sqrt, T.rsqrt, T.exp, T.log, T.sigmoid, T.tanh):
        run(T, lambda fn=fn: fn(x, name="u"))
    run(T, lambda: T.add_n([x, x], name="an"))


def case_matmul_arguments(T):
    a, b = _x(T, (3, 2), name="a"), _x(T, (4, 3), name="b")
    run(T, lambda: T.matmul(a, b, transpose_a=True, transpose_b=True, name="m"))
    run(T, lambda: T.matmul(a, b, adjoint_a=True, adjoint_b=True))
    run(T, lambda: T.matmul(_x(T, (2, 3)), _x(T, (3, 4)), a_is_sparse=True, b_is_sparse=True))
    run(T, lambda: T.matmul(_x(T, (2, 3), T.int8), _x(T, (3, 4), T.int8), output_type=T.int32))
    run(T, lambda: T.matmul(_x(T, (2, 3)), _x(T, (3, 4)), grad_a=True, grad_b=True))
    run(T, lambda: T.einsum("ij,jk->ik", _x(T, (2, 3)), _x(T, (3, 4)), optimize="optimal"))


def case_reductions_and_argmax(T):
    x = _x(T)
    for fn in (T.reduce_sum, T.reduce_mean, T.reduce_max, T.reduce_min, T.reduce_prod):
        run(T, lambda fn=fn: fn(x, axis=1, keepdims=True, name="r"))
        run(T, lambda fn=fn: fn(x, reduction_indices=[0], keep_dims=True))
    run(T, lambda: T.argmax(x, dimension=1, output_type=T.int32, name="am"))
    run(T, lambda: T.argmax(x, axis=0, output_type=T.int64))


def case_shape_functions(T):
    x = _x(T)
    run(T, lambda: T.reshape(x, [-1], name="rs"))
    run(T, lambda: T.transpose(x, perm=[1, 0], name="t", conjugate=True))
    run(T, lambda: T.concat([x, x], 1, name="cc"))
    run(T, lambda: T.stack([x, x], axis=1, name="st"))
    run(T, lambda: T.unstack(x, num=3, axis=1, name="us"))
    run(T, lambda: T.split(x, [1, 2], axis=1, name="sp"))
    run(T, lambda: T.split(x, [1, 2], 1, num=2))
    run(T, lambda: T.expand_dims(x, dim=1, name="ed"))
    run(T, lambda: T.squeeze(_x(T, (2, 1, 1)), axis=[1], name="sq"))
    run(T, lambda: T.squeeze(_x(T, (2, 1, 1)), squeeze_dims=[2]))
    run(T, lambda: T.tile(x, [1, 2], name="tl"))
    run(T, lambda: T.gather(x, [0], validate_indices=True, name="g", axis=1))
    run(T, lambda: T.gather(_x(T, (2, 3, 4)), _x(T, (2, 5), T.int32), axis=1, batch_dims=1))
    run(T, lambda: T.cast(x, T.int32, name="ca"))
    run(T, lambda: T.to_float(_x(T, (2,), T.int32), name="tf"))
    run(T, lambda: T.to_int32(x, name="ti"))
    run(T, lambda: T.shape(x, name="sh", out_type=T.int64))
    run(T, lambda: T.shape(_x(T, (None, 3)), out_type=T.int64))
    run(T, lambda: T.slice(x, [0, 0], [1, -1], name="sl"))
    run(T, lambda: T.pad(x, [[1, 1], [1, 1]], mode="REFLECT", name="p"))
    run(T, lambda: T.pad(x, [[1, 1], [0, 0]], constant_values=1.0))
    run(T, lambda: T.pad(x, [[1, 1], [0, 0]], mode="SYMMETRIC"))


def case_one_hot_where_sequence_mask(T):
    ids = _x(T, (2,), T.int32, "ids")
    run(T, lambda: T.one_hot(ids, 3, on_value=5.0, off_value=-1.0, axis=0, dtype=T.float64,
                             name="oh"))
    run(T, lambda: T.one_hot(ids, 3, on_value=1, off_value=0))
    run(T, lambda: T.where(_x(T, (2, 3), T.bool), name="w"))
    run(T, lambda: T.where(_x(T, (2,), T.bool), _x(T), _x(T), name="w2"))
    run(T, lambda: T.sequence_mask(ids, dtype=T.float32, name="sm"))
    run(T, lambda: T.sequence_mask([1, 2], 4, T.int32))
    run(T, lambda: T.convert_to_tensor([1, 2], name="ct", preferred_dtype=T.float32))
    run(T, lambda: T.convert_to_tensor(1, dtype_hint=T.int64))


def case_random(T):
    run(T, lambda: T.random_normal([2], mean=1.0, stddev=2.0, dtype=T.float64, seed=3,
                                   name="rn"))
    run(T, lambda: T.random_uniform([2], minval=1, maxval=10, dtype=T.int32, seed=4, name="ru"))
    run(T, lambda: T.random_uniform([2], maxval=None))
    run(T, lambda: T.truncated_normal([2], mean=1.0, stddev=2.0, dtype=T.float64, seed=5,
                                      name="tn"))


def case_nn_activations(T):
    x = _x(T)
    for fn in (T.nn.sigmoid, T.nn.tanh, T.nn.relu, T.nn.relu6, T.nn.elu, T.nn.softplus,
               T.nn.l2_loss, T.nn.zero_fraction):
        run(T, lambda fn=fn: fn(x, name="a"))
    run(T, lambda: T.nn.leaky_relu(x, alpha=0.1, name="lr"))
    run(T, lambda: T.nn.softmax(x, axis=-1, name="s"))
    run(T, lambda: T.nn.log_softmax(x, dim=-1, name="ls"))
    run(T, lambda: T.nn.bias_add(_x(T, (2, 3, 4)), _x(T, (3,)), data_format="NCHW", name="b"))
    run(T, lambda: T.nn.xw_plus_b(x, _x(T, (3, 4)), _x(T, (4,)), name="xw"))


def case_nn_dropout_batchnorm_moments(T):
    x = _x(T)
    run(T, lambda: T.nn.dropout(x, keep_prob=0.5, noise_shape=[2, 1], seed=7, name="d"))
    run(T, lambda: T.nn.dropout(x, rate=0.5, seed=8))
    run(T, lambda: T.nn.batch_normalization(x, 0.0, 1.0, _x(T, (3,)), _x(T, (3,)), 1e-3,
                                            name="bn"))
    run(T, lambda: T.nn.moments(x, [0], shift=1.0, name="mo", keep_dims=True))
    run(T, lambda: T.nn.moments(x, [1], keepdims=True))
    run(T, lambda: T.nn.embedding_lookup(_x(T, (5, 3)), _x(T, (2,), T.int32), "div", "el",
                                         False, 1.5))


def case_nn_conv_pool(T):
    img, k = _x(T, (2, 3, 8, 8)), _x(T, (3, 3, 3, 4))
    run(T, lambda: T.nn.conv2d(img, k, [1, 1, 2, 2], "SAME", use_cudnn_on_gpu=False,
                               data_format="NCHW", dilations=[1, 1, 1, 1], name="cv"))
    run(T, lambda: T.nn.conv2d(_x(T, (2, 8, 8, 3)), filters=k, strides=1, padding="VALID",
                               dilations=2))
    run(T, lambda: T.nn.max_pool(img, 2, 2, "SAME", data_format="NCHW", name="mp"))
    run(T, lambda: T.nn.avg_pool(img, 2, 2, "VALID", data_format="NCHW", name="ap"))
    run(T, lambda: T.nn.max_pool(None, 2, 2, "VALID", input=_x(T, (2, 8, 8, 3))))
    run(T, lambda: T.nn.avg_pool(None, 2, 2, "VALID", input=_x(T, (2, 8, 8, 3))))


def case_nn_cross_entropies(T):
    x, y = _x(T), _x(T, name="y")
    run(T, lambda: T.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=x, axis=0,
                                                             name="sx"))
    run(T, lambda: T.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=x, dim=0))
    run(T, lambda: T.nn.sparse_softmax_cross_entropy_with_logits(
        labels=_x(T, (2,), T.int64), logits=x, name="ss"))
    run(T, lambda: T.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=x, name="sg"))


def case_losses_arguments(T):
    x, y = _x(T), _x(T, name="y")
    R = T.losses.Reduction
    run(T, lambda: T.losses.mean_squared_error(y, x, weights=2.0, scope="l",
                                               loss_collection="mine", reduction=R.MEAN))
    run(T, lambda: T.losses.mean_squared_error(y, x, reduction=R.NONE, loss_collection=None))
    run(T, lambda: T.losses.mean_squared_error(y, x, reduction=R.SUM))
    run(T, lambda: T.losses.mean_squared_error(y, x, _x(T, (2, 1), name="w"),
                                               reduction=R.SUM_OVER_BATCH_SIZE))
    run(T, lambda: T.losses.softmax_cross_entropy(y, x, weights=_x(T, (2,), name="w"),
                                                  label_smoothing=0.1, scope="sce",
                                                  loss_collection="mine", reduction=R.SUM))
    run(T, lambda: T.losses.sparse_softmax_cross_entropy(
        _x(T, (2,), T.int32), x, weights=0.5, scope="spl", loss_collection="mine",
        reduction=R.SUM_BY_NONZERO_WEIGHTS))
    show([t.name for t in T.get_collection("mine")], [t.name for t in T.get_collection("losses")])
    T.add_to_collection(T.GraphKeys.REGULARIZATION_LOSSES, T.nn.l2_loss(x))
    T.add_to_collection(T.GraphKeys.REGULARIZATION_LOSSES, T.nn.l2_loss(y))
    run(T, lambda: T.losses.get_regularization_loss(scope=None, name="reg"))
    run(T, lambda: T.losses.get_regularization_loss(scope="nothing"))


def case_summaries_arguments(T):
    s = _x(T, ())
    run(T, lambda: T.summary.scalar("a", s, collections=["mine"], family="fam"))
    run(T, lambda: T.summary.histogram("h", _x(T), collections=["mine"], family="fam"))
    run(T, lambda: T.summary.image("i", _x(T, (2, 8, 8, 3)), max_outputs=2,
                                   collections=["mine"], family="fam"))
    run(T, lambda: T.summary.merge(T.get_collection("mine"), collections=["merged"], name="mg"))
    run(T, lambda: T.summary.merge_all(key="mine", scope="fam", name="ma"))
    show([t.name for t in T.get_collection("mine")], [t.name for t in T.get_collection("merged")],
         [t.name for t in T.get_collection("summaries")])


if __name__ == "__main__":
    main(globals())
