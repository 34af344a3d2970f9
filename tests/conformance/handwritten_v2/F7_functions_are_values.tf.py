# F7: a function is a value: stored in a dict, passed, returned.
def relu_layer(x):
    return tf.nn.relu(x)

def tanh_layer(x):
    return tf.tanh(x)

acts = {"relu": relu_layer, "tanh": tanh_layer}
x = tf.placeholder(tf.float32, [2])
for key in ["tanh", "relu", "tanh"]:
    show(acts[key](x))

show(relu_layer.__name__, type(relu_layer).__name__)
def apply(f, *xs):
    return [f(x) for x in xs]

show(apply(tanh_layer, x, x))
