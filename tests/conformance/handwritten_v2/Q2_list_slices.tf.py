# Q2: slices of lists, tuples and strings, with steps.
xs = list(range(6))
show(xs[1:], xs[:2], xs[-2:], xs[::2], xs[::-1], xs[1:5:2], xs[10:])
show("scope/name/w"[6:], (1, 2, 3)[1:])
parts = "a/b/c".split("/")
show(parts[:-1], "/".join(parts[1:]))
xs[1:3] = ["x"]
show(xs)
