"""A BERT-style encoder: every projection a get_variable under layer_%d."""
import math

import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

config = {
    "vocab_size": 100,
    "hidden_size": 16,
    "num_layers": 3,
    "intermediate_size": 32,
    "seq_length": 6,
    "initializer_range": 0.02,
}


def initializer():
    return tf.truncated_normal_initializer(stddev=config["initializer_range"])


def dense(x, units, name):
    with tf.variable_scope(name):
        kernel = tf.get_variable("kernel", [x.shape[-1], units], initializer=initializer())
        bias = tf.get_variable("bias", [units], initializer=tf.zeros_initializer())
    return tf.matmul(x, kernel) + bias


def layer_norm(x, name="LayerNorm"):
    with tf.variable_scope(name):
        gamma = tf.get_variable("gamma", [x.shape[-1]], initializer=tf.ones_initializer())
        beta = tf.get_variable("beta", [x.shape[-1]], initializer=tf.zeros_initializer())
    return x * gamma + beta


def self_attention(x, hidden):
    with tf.variable_scope("self"):
        q = dense(x, hidden, "query")
        k = dense(x, hidden, "key")
        v = dense(x, hidden, "value")
    scores = tf.matmul(q, k, transpose_b=True) * (1.0 / math.sqrt(hidden))
    probs = tf.sigmoid(scores)
    return tf.matmul(probs, v)


def transformer_layer(x):
    hidden = config["hidden_size"]
    with tf.variable_scope("attention"):
        context = self_attention(x, hidden)
        with tf.variable_scope("output"):
            attn = layer_norm(dense(context, hidden, "dense") + x)
    with tf.variable_scope("intermediate"):
        inter = tf.nn.relu(dense(attn, config["intermediate_size"], "dense"))
    with tf.variable_scope("output"):
        out = layer_norm(dense(inter, hidden, "dense") + attn)
    return out


class BertModel:
    def __init__(self, cfg):
        self.cfg = cfg
        self.all_layers = []

    def build(self, one_hot_ids):
        with tf.variable_scope("bert"):
            with tf.variable_scope("embeddings"):
                table = tf.get_variable("word_embeddings",
                                        [self.cfg["vocab_size"], self.cfg["hidden_size"]],
                                        initializer=initializer())
                positions = tf.get_variable("position_embeddings",
                                            [self.cfg["seq_length"], self.cfg["hidden_size"]],
                                            initializer=initializer())
                x = layer_norm(tf.matmul(one_hot_ids, table) + positions)
            with tf.variable_scope("encoder"):
                for i in range(self.cfg["num_layers"]):
                    with tf.variable_scope("layer_%d" % i):
                        x = transformer_layer(x)
                        self.all_layers.append(x)
        return x


ids = tf.placeholder(tf.float32, [config["seq_length"], config["vocab_size"]], name="ids")
model = BertModel(config)
sequence_output = model.build(ids)
print(sequence_output)
names = [v.name for v in tf.trainable_variables()]
print(len(names))
for name in names:
    print(name)
print(np.sum([np.prod(v.shape.as_list()) for v in tf.trainable_variables()]))
