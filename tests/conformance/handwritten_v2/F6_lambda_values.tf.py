# F6: lambdas are values: stored, passed, called.
square = lambda x: x * x
add = lambda a, b=10: a + b
show(square(3), add(1), add(1, 2))
fs = [lambda x, k=k: x + k for k in range(3)]
show([f(10) for f in fs])
show(sorted(["bb", "a", "ccc"], key=lambda s: len(s)))
show((lambda: "called")())
