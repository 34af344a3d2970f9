# X3: assert with a message; AssertionError carries it.
v = tf.get_variable("v", [2, 3])
assert v.shape.as_list() == [2, 3], "shape"
try:
    assert len(tf.global_variables()) == 2, f"expected 2, got {len(tf.global_variables())}"
except AssertionError as e:
    show(e)

assert v.shape.ndims == 3, "rank " + str(v.shape.ndims)
