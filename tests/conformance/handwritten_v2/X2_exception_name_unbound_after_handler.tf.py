# X2: `as e` is unbound after its handler, as in Python 3.
try:
    raise ValueError("v")
except ValueError as e:
    show(e)

show(e)
