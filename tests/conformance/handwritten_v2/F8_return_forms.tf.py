# F8: return, return x, return a, b; falling off the end returns None.
def nothing():
    pass

def early(x):
    if x:
        return

    return "late"

def pair():
    return 1, "two"

show(nothing(), early(True), early(False))
a, b = pair()
show(a, b, pair())
