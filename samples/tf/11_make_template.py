# The TensorFlow equivalent of samples/11_make_template.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 11_make_template.py
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
#
#
#
#
#
#
#
#
#
def encode(x, units):
    w = tf.get_variable("w", [x.shape[1], units])
    b = tf.get_variable("b", [units], initializer=tf.zeros_initializer())
    return tf.tanh(x @ w + b)

encoder = tf.make_template("encoder", encode, units=3)
a = tf.placeholder(tf.float32, [None, 3], name="a")
y1 = encoder(a)
y2 = encoder(y1)
y3 = encoder(y2)
print(y1.name, y2.name, y3.name)
print([v.name for v in encoder.variables])
print(encoder.variable_scope_name, len(tf.global_variables()))

other = tf.make_template("encoder", encode, units=2)
z = other(a)
print(z.name, [v.name for v in other.variables])
