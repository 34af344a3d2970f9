# X3: an IndexError two calls deep ends the program.
def pick(xs, i):
    return xs[i]

def last_layer(layers):
    return pick(layers, len(layers))

layers = [tf.get_variable(f"w{i}", [1]) for i in range(2)]
show(pick(layers, 0))
last_layer(layers)
