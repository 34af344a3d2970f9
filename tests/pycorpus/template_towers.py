"""make_template towers: one set of weights shared across GPU-style towers."""
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()

NUM_TOWERS = 3


def tower_fn(x, units=8):
    w = tf.get_variable("w", [x.get_shape()[-1], units])
    b = tf.get_variable("b", [units], initializer=tf.zeros_initializer())
    return tf.nn.relu(tf.matmul(x, w) + b)


shared_tower = tf.make_template("shared_tower", tower_fn)
head = tf.make_template("head", lambda h: tf.matmul(h, tf.get_variable("proj", [8, 1])))

outputs = []
for i in range(NUM_TOWERS):
    with tf.device("/cpu:0"), tf.name_scope("tower_%d" % i):
        x = tf.placeholder(tf.float32, [4, 5], name="x")
        outputs.append(head(shared_tower(x)))

print([o.name for o in outputs])
print([v.name for v in tf.global_variables()])
print(shared_tower.variable_scope.name, head.name)
total = tf.add_n(outputs) if hasattr(tf, "add_n_is_missing") else outputs[0] + outputs[1]
print(total.name)
