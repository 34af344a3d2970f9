# F2: a default list is evaluated once, as in Python.
def collect(x, seen=[]):
    seen.append(x)
    return seen

show(collect(1))
show(collect(2))
show(collect(3, []))
