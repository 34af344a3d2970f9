# F10: a default is evaluated where the def runs: a tensor default keeps its name.
with tf.name_scope("defaults"):
    def f(x=tf.constant(1.0)):
        return x


show(f(), f() is f())
with tf.variable_scope("s") as outer:
    def g(s=outer):
        return s.name


show(g())
