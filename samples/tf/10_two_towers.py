# The TensorFlow equivalent of samples/10_two_towers.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 10_two_towers.py
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
#
#
#
#
#
def dense(x, units, name):
    with tf.variable_scope(name):
        kernel = tf.get_variable("kernel", [x.shape[1], units])
        bias = tf.get_variable("bias", [units], initializer=tf.zeros_initializer())
        return tf.nn.relu(x @ kernel + bias)



def tower(x, units=8, depth=2):
    for i in range(depth):
        x = dense(x, units, f"layer_{i}")

    return x


query = tf.placeholder(tf.float32, [None, 4], name="query")
doc = tf.placeholder(tf.float32, [None, 6], name="doc")
with tf.variable_scope("query"):
    q = tower(query)

with tf.variable_scope("doc"):
    d = tower(doc, units=8)

score = q * d
print(q.name, d.name, score.name, score.shape)
print([v.name for v in tf.trainable_variables("query")])
print([v.name for v in tf.trainable_variables("doc")])

with tf.variable_scope("query", reuse=True):
    q2 = tower(tf.placeholder(tf.float32, [None, 4], name="query_eval"))

print(q2.name, len(tf.trainable_variables()))
