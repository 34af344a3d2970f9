# C1: Python's truthiness; x if c else y; and/or return operands.
for value in [0, 1, "", "a", [], [0], None, {}]:
    show(repr(value), "yes" if value else "no")

show(0 or "default", 1 and 2, None or 0, [] and 1)
show(not 1, not None)
