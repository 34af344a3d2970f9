"""Online and target Q-networks; the target is updated by copying by scope."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

STATE_DIM, ACTIONS = 4, 2
LAYERS = [32, 32]


class QNetwork:
    def __init__(self, name):
        self.name = name
        self.q_values = None

    def build(self, states):
        with tf.variable_scope(self.name):
            h = states
            for i, units in enumerate(LAYERS):
                with tf.variable_scope("fc%d" % (i + 1)):
                    w = tf.get_variable("weights", [h.get_shape().as_list()[1], units])
                    b = tf.get_variable("biases", [units],
                                        initializer=tf.constant_initializer(0.1))
                    h = tf.nn.relu(tf.matmul(h, w) + b)
            with tf.variable_scope("q"):
                w = tf.get_variable("weights", [LAYERS[-1], ACTIONS])
                self.q_values = tf.matmul(h, w, name="q_values")
        return self.q_values

    @property
    def variables(self):
        return tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, scope=self.name + "/")


def copy_network(source, target, name="copy"):
    ops = []
    with tf.name_scope(name):
        for src, dst in zip(source.variables, target.variables):
            ops.append(tf.assign(dst, src))
    return tf.group(*ops, name=name)


states = tf.placeholder(tf.float32, [None, STATE_DIM], name="states")
online = QNetwork("online")
target = QNetwork("target")
online.build(states)
target.build(states)
sync = copy_network(online, target, name="update_target")
print(sync.name, sync.type)
for src, dst in zip(online.variables, target.variables):
    print(src.name, "->", dst.name)
print([op.name for op in tf.get_default_graph().get_operations() if op.type == "Assign"
       and op.name.startswith("update_target")])
