# The TensorFlow equivalent of samples/08_rnn_shared_weights.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 08_rnn_shared_weights.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

h0 = T.Variable(T.zeros([1, 4]), name="h0")
x1 = T.Variable(T.random_normal([1, 3]), name="x1")
x2 = T.Variable(T.random_normal([1, 3]), name="x2")
x3 = T.Variable(T.random_normal([1, 3]), name="x3")

with T.variable_scope("rnn"):
    W = T.get_variable("W", [4, 4])
    U = T.get_variable("U", [3, 4])
    b = T.get_variable("b", [4], initializer=T.zeros_initializer())
    h1 = T.tanh(h0 @ W + x1 @ U + b)
with T.variable_scope("rnn", reuse=True):
    W2 = T.get_variable("W", [4, 4])
    U2 = T.get_variable("U", [3, 4])
    b2 = T.get_variable("b", [4])
    h2 = T.tanh(h1 @ W2 + x2 @ U2 + b2)
with T.variable_scope("rnn", reuse=True):
    W3 = T.get_variable("W", [4, 4])
    U3 = T.get_variable("U", [3, 4])
    b3 = T.get_variable("b", [4])
    h3 = T.tanh(h2 @ W3 + x3 @ U3 + b3)

assert W is W2
assert W is W3
assert b is b3
print(W3.name, U3.name, b3.name)
print(h1.name)
print(h2.name)
print(h3.name)
print(h3.shape)
print([v.name for v in T.trainable_variables("rnn")])
