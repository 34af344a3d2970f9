# The TensorFlow equivalent of samples/12_layer_stack_fstrings.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 12_layer_stack_fstrings.py
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
sizes = [6, 5, 4, 3]
x = tf.placeholder(tf.float32, [None, sizes[0]], name="x")
h = x
for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
    with tf.variable_scope(f"layer_{i}"):
        w = tf.get_variable("kernel", [n_in, n_out])
        b = tf.get_variable("bias", [n_out], initializer=tf.zeros_initializer())
        h = tf.nn.relu(h @ w + b)


print(h.name, h.shape)
kernels = {v.name.split("/")[0]: v.shape.as_list() for v in tf.trainable_variables() if "kernel" in v.name}
print(kernels)

for i in range(2):
    with tf.variable_scope(f"block{i:02d}"):
        k = tf.get_variable(f"k{i}", [sizes[i], 2 * sizes[i]])
        print(k.name, k.shape)


print(len(tf.trainable_variables()), [v.name for v in tf.trainable_variables("block")])
