"""numpy arrays and scalars as values: their own dtype, or cast to the one asked for."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

t = tf.constant(np.zeros((2, 3), np.float32), name="c")
print(repr(t))
print(repr(tf.constant(np.arange(4))), repr(tf.constant(np.float64(2.5))))
print(repr(tf.constant(np.ones(2), dtype=tf.int32)))
print(repr(tf.Variable(np.int64(0), name="s")), repr(tf.Variable(np.zeros((2, 3)))))
x = tf.constant([1.0, 2.0])
y = x + np.array([1.0, 2.0])
print(repr(y), repr(y.op.inputs[1]))
w = tf.get_variable("w", [4, 4], initializer=tf.constant_initializer(np.eye(4)))
print(repr(w))
n = tf.get_variable("n", initializer=np.zeros((2, 2)))
print(repr(n))
z = tf.zeros(list(np.array([2, 3])), name="z")   # numpy ints: small, one Const
print(repr(z), z.op.type)
print(str(t.op))
print([(o.name, o.type) for o in tf.get_default_graph().get_operations()])
