# F5: recursion without end is Python's RecursionError.
def forever(n):
    return forever(n + 1)

show("start")
forever(0)
