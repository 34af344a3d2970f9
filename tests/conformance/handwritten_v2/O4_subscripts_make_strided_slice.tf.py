# O4: x[0], x[:, 1:], x[..., ::2], x[None]: strided_slice ops and shapes.
x = tf.get_variable("x", [4, 6])
a = x[0]
b = x[:, 1:]
c = x[1:3, ::2]
d = x[..., -1]
e = x[None, 0]
f = x[-1, 2:4]
show(a, a.shape, b, b.shape, c, c.shape)
show(d, d.shape, e, e.shape, f, f.shape)
show([t.op.name for t in a.op.inputs])
