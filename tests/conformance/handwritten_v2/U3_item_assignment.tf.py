# U3: item assignment in lists and dicts; a dict of variables.
xs = [0, 0, 0]
xs[1] = 5
xs[-1] = "last"
weights = {}
for name in ["q", "k", "v"]:
    weights[name] = tf.get_variable(name, [4, 4])

weights["q"] = weights["k"]
show(xs, sorted(weights), weights["q"])
show(weights)
xs[3] = 1  #@ 1
