# L2: tuple targets over enumerate, zip and dict.items().
names = ["in", "hidden", "out"]
sizes = [4, 3, 2]
for i, (name, size) in enumerate(zip(names, sizes)):
    with tf.variable_scope(name):
        show(i, tf.get_variable("w", [size]))


for key, value in {"x": 1, "y": 2}.items():
    show(key, value)

for i, c in enumerate("ab", start=1):
    show(i, c)

