"""An LSTM cell written by hand, unrolled over time with shared weights."""
import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

BATCH, STEPS, FEATURES, HIDDEN = 8, 5, 16, 32


class LSTMCell:
    def __init__(self, num_units, forget_bias=1.0):
        self.num_units = num_units
        self.forget_bias = forget_bias

    def _gate(self, x, h, name):
        in_dim = x.get_shape().as_list()[-1]
        wx = tf.get_variable(name + "_x", [in_dim, self.num_units])
        wh = tf.get_variable(name + "_h", [self.num_units, self.num_units])
        b = tf.get_variable(name + "_b", [self.num_units],
                            initializer=tf.zeros_initializer())
        return tf.matmul(x, wx) + tf.matmul(h, wh) + b

    def __call__(self, x, state, scope):
        c, h = state
        with tf.variable_scope(scope, reuse=tf.AUTO_REUSE):
            i = tf.sigmoid(self._gate(x, h, "input"))
            f = tf.sigmoid(self._gate(x, h, "forget") + self.forget_bias)
            o = tf.sigmoid(self._gate(x, h, "output"))
            g = tf.tanh(self._gate(x, h, "candidate"))
            new_c = f * c + i * g
            new_h = o * tf.tanh(new_c)
        return new_h, (new_c, new_h)


inputs = tf.placeholder(tf.float32, [BATCH, STEPS, FEATURES], name="inputs")
cell = LSTMCell(HIDDEN)
state_shape = list(np.array([BATCH, HIDDEN]))
state = (tf.zeros(state_shape, name="c0"), tf.zeros(state_shape, name="h0"))
outputs = []
with tf.variable_scope("rnn"):
    for t in range(STEPS):
        with tf.name_scope("step_%d" % t):
            out, state = cell(inputs[:, t, :], state, "lstm_cell")
        outputs.append(out)

print([o.name for o in outputs])
print(len(tf.global_variables()), "variables")
for v in tf.global_variables():
    print(v)
