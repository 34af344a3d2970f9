# B1: the builtins of the contract, as Python has them.
xs = [3, 1, 2]
show(len(xs), min(xs), max(xs), sum(xs), sorted(xs), list(reversed(xs)), sorted(xs, reverse=True))
show(abs(-2), round(2.567, 2), round(2.5), int("12"), int(3.9), float("1.5"), bool(0), bool("x"))
show(any([0, 1]), all([1, 0]), list(filter(None, [0, 1, 2])), list(map(str, xs)))
show(str(1.0), repr("a"), tuple(xs), set([1, 1]), dict(zip("ab", [1, 2])), list("ab"))
show(list(range(2, 10, 3)), list(enumerate("xy")), list(zip([1, 2], "ab", [True, False])))
show(type(1).__name__, type("s").__name__, isinstance(1, int), isinstance("s", (int, str)))
show(1, 2, sep="-", end="!\n")
show()
