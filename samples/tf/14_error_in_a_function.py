# The TensorFlow equivalent of samples/14_error_in_a_function.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 14_error_in_a_function.py
# (It ends in the ValueError; "Originally defined at:" lists lines 20, 24,
# 28 and 31, the same lines as in the .scope file.)
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
#
def dense(x, units):
    kernel = tf.get_variable("kernel", [x.shape[1], units])
    return x @ kernel

def block(x):
    return tf.nn.relu(dense(x, 4))

def model(x):
    with tf.variable_scope("net"):
        return block(x)


h = model(tf.placeholder(tf.float32, [None, 4], name="x"))
print(h.name)
h2 = model(h)
print(h2.name)
