"""An encoder/decoder with hand-written additive attention."""
import tensorflow as tf
from tensorflow.compat import v1

v1.disable_eager_execution()
v1.disable_v2_behavior()

params = dict(src_len=4, tgt_len=3, emb=8, units=12)


def rnn_step(x, h, units, scope):
    with v1.variable_scope(scope, reuse=v1.AUTO_REUSE):
        w = v1.get_variable("w", [x.get_shape().as_list()[-1], units])
        u = v1.get_variable("u", [units, units])
        b = v1.get_variable("b", [units], initializer=v1.zeros_initializer())
        return tf.tanh(tf.matmul(x, w) + tf.matmul(h, u) + b)


class Encoder:
    def __init__(self, units):
        self.units = units

    def build(self, steps, h0):
        states = []
        h = h0
        with v1.variable_scope("encoder"):
            for x in steps:
                h = rnn_step(x, h, self.units, "cell")
                states.append(h)
        return states


class Attention:
    def __init__(self, units):
        self.units = units

    def __call__(self, query, keys):
        with v1.variable_scope("attention", reuse=v1.AUTO_REUSE):
            wq = v1.get_variable("query_kernel", [self.units, self.units])
            wk = v1.get_variable("key_kernel", [self.units, self.units])
            v = v1.get_variable("score_vector", [self.units, 1])
            context = None
            for j, key in enumerate(keys):
                score = tf.matmul(tf.tanh(tf.matmul(query, wq) + tf.matmul(key, wk)), v)
                weight = tf.sigmoid(score, name="weight_%d" % j)
                term = weight * key
                context = term if context is None else context + term
            return context


src = [v1.placeholder(tf.float32, [2, params["emb"]], name="src_%d" % i)
       for i in range(params["src_len"])]
h0 = v1.zeros([2, params["units"]], name="h0")
encoder_states = Encoder(params["units"]).build(src, h0)

attend = Attention(params["units"])
h = encoder_states[-1]
outputs = []
with v1.variable_scope("decoder"):
    for t in range(params["tgt_len"]):
        with v1.name_scope("t%d" % t):
            ctx = attend(h, encoder_states)
            h = rnn_step(ctx, h, params["units"], "cell")
            outputs.append(h)

print([o.name for o in outputs])
print([v.name for v in v1.global_variables()])
