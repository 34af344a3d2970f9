# Q1: comprehensions, with conditions and nested fors.
layers = [tf.get_variable(f"w{i}", [n]) for i, n in enumerate([3, 4, 5])]
show([v.shape.as_list() for v in layers])
show([v.name for v in layers if (v.shape[0] > 3)])
show({v.op.name: v.shape[0] for v in layers})
show([(i, j) for i in range(3) for j in range(i)])
show([[i * j for j in range(3)] for i in range(2)])
