# The TensorFlow equivalent of samples/09_rnn_loop_reuse.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 09_rnn_loop_reuse.py
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
#
x = tf.placeholder(tf.float32, [3, 1, 4], name="x")
h = tf.zeros([1, 5], name="h0")
outputs = []
for t in range(3):
    with tf.variable_scope("cell", reuse=(t > 0)):
        U = tf.get_variable("U", [4, 5])
        W = tf.get_variable("W", [5, 5])
        b = tf.get_variable("b", [5], initializer=tf.zeros_initializer())
        h = tf.tanh(x[t] @ U + h @ W + b)

    outputs.append(h)

print([o.name for o in outputs])
print([v.name for v in tf.trainable_variables()])

g = tf.zeros([1, 5], name="g0")
for t in range(3):
    with tf.variable_scope("auto_cell", reuse=tf.AUTO_REUSE):
        V = tf.get_variable("V", [4, 5])
        g = tf.tanh(x[t] @ V + g)
        print(t, tf.get_variable_scope().reuse, V.name, g.name)


print(len(tf.trainable_variables()), outputs[-1].shape)
