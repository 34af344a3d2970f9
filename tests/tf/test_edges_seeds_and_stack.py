"""Found by tools/fuzz.py (issue 11, item 22): an op seed is
`_truncate_seed(seed)`, Python's `seed % (2**31 - 1)`, then the int attr
(`execute.make_int`); `stack` of what is not a list converts it whole first.

Expected values: tf_probes/odd_names/seeds_stack.out (TensorFlow 2.21); the
module also runs on TensorFlow (tools/run_tests_on_tf.py).
"""

from tfvars_oracle import T, fresh, ops, raises


def sampler_seeds(name):
    op = T.get_default_graph().get_operation_by_name(name)
    return op.get_attr("seed"), op.get_attr("seed2")


def test_op_seed_is_truncated_by_pythons_modulo():
    fresh()
    T.random_uniform([2], seed=-1)
    T.random_normal([2], seed=2**40)
    T.random_uniform([2], maxval=5, dtype=T.int32, seed=1.5)
    assert sampler_seeds("random_uniform/RandomUniform") == (87654321, 2147483646)
    assert sampler_seeds("random_normal/RandomStandardNormal") == (87654321, 512)
    assert sampler_seeds("random_uniform_1") == (87654321, 1)


def test_initializer_seed_is_truncated_too():
    fresh()
    T.get_variable("w", [2], initializer=T.random_normal_initializer(seed=-1))
    assert sampler_seeds("w/Initializer/random_normal/RandomStandardNormal") == \
        (87654321, 2147483646)


def test_string_seed_fails_in_the_modulo_after_the_shape():
    fresh()
    assert raises(TypeError, lambda: T.random_uniform([2], seed="a")) == \
        "not all arguments converted during string formatting"
    assert ops() == [("random_uniform/shape", "Const")]
    assert raises(TypeError, lambda: T.random_normal([2], seed="%d")) == \
        "Expected int for argument 'seed2' not '2147483647'."
    assert ops()[1:] == [("random_normal/shape", "Const"), ("random_normal/mean", "Const"),
                         ("random_normal/stddev", "Const")]
    assert raises(TypeError, lambda: T.random_uniform([2], seed=[1])) == \
        "unsupported operand type(s) for %: 'list' and 'int'"


def test_stack_of_what_is_not_a_list():
    fresh()
    assert T.stack(5).name == "stack:0"
    assert T.stack("ab").dtype == T.string
    assert raises(TypeError, lambda: T.stack(None)) == "'NoneType' object is not subscriptable"
    assert raises(KeyError, lambda: T.stack({})) == "0"
    assert ops() == [("stack", "Const"), ("stack_1", "Const")]
