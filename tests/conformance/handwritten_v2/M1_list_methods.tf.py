# M1: list methods on lists of variables.
vs = []
for n in [3, 1, 2]:
    vs.append(tf.get_variable(f"v{n}", [n]))

vs.extend([tf.get_variable("extra", [4])])
vs.insert(0, vs.pop())
show([v.name for v in vs])
show(vs.index(vs[2]), vs.count(vs[0]), len(vs))
vs.sort(key=lambda v: v.shape[0])
show([v.op.name for v in vs])
vs.reverse()
vs.remove(vs[0])
show([v.op.name for v in vs], vs.copy() == vs)
vs.clear()
show(vs)
