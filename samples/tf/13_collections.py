# The TensorFlow equivalent of samples/13_collections.scope.
# Run: cd samples/tf && /path/to/tf-venv/bin/python 13_collections.py
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
for name in ["enc", "encoder", "dec"]:
    with tf.variable_scope(name):
        w = tf.get_variable("w", [2, 2])
        step = tf.get_variable("step", [], dtype=tf.int32, trainable=False, initializer=tf.zeros_initializer())


with tf.variable_scope("metrics"):
    total = tf.get_local_variable("total", [], initializer=tf.zeros_initializer())

ema = tf.get_variable("ema", [2], collections=["averages"])
print(tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.LOCAL_VARIABLES)
print([v.name for v in tf.global_variables()])
print([v.name for v in tf.trainable_variables()])
print([v.name for v in tf.local_variables()], [v.name for v in tf.get_collection("averages")])
print([v.name for v in tf.trainable_variables("enc")])
print([v.name for v in tf.trainable_variables("enc/")])
print([v.name for v in tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope="dec|metrics")])
out = tf.identity(w, name="out")
tf.add_to_collection("outputs", out)
print([t.name for t in tf.get_collection("outputs")], sorted(tf.get_default_graph().get_all_collection_keys()))
