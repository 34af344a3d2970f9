# S2: %-formatting is Python's.
show("layer_%d" % 3, "%s/%s" % ("a", "b"), "%05.1f" % 2.5, "%r" % "q", "%x" % 255)
show("%(name)s=%(n)d" % {"name": "units", "n": 4}, "100%%" % ())
for i in range(2):
    with tf.variable_scope("block_%02d" % i):
        show(tf.get_variable("w%d" % i, [1]))


show("%d" % "x")
