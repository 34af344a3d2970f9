"""Constants and initial values given as numpy arrays, as real code does."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

rng = np.random.RandomState(0)
embedding_init = rng.normal(size=(10, 4)).astype(np.float32)
mask = np.tril(np.ones((3, 3), dtype=np.float32))

table = tf.Variable(embedding_init, name="embedding_table")
causal_mask = tf.constant(mask, name="causal_mask")
scale = tf.constant(np.float32(0.5), name="scale")
steps = tf.Variable(np.int64(0), trainable=False, name="steps")
w = tf.get_variable("w", [4, 4], initializer=tf.constant_initializer(np.eye(4)))
print(table, causal_mask, scale, steps, w)
