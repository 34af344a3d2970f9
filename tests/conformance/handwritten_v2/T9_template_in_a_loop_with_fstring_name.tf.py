# T9: templates made in a loop, one per f-string name, each called twice.
def proj(x):
    return x * tf.get_variable("scale", [], initializer=tf.ones_initializer())

x = tf.placeholder(tf.float32, [2], name="x")
heads = [tf.make_template(f"head_{i}", proj) for i in range(3)]
for h in heads:
    show(h(x), h(x))

show([v.name for v in tf.trainable_variables()], heads[1].name)
