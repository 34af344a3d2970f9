# E5: print(a, b) is the call form (sep=, end=); print (a, b), c is the statement.
show(1, 2)
show(1, 2)
show((1, 2), 3)
show("a", "b", sep="/")
show("no newline", end="")
show(" then this")
show([1, 2], (3,))
