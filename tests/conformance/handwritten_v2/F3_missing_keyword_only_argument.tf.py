# F3: a missing keyword-only argument is Python's TypeError.
def layer(x, *, units):
    return units

show(layer(1, units=2))
layer(1)
