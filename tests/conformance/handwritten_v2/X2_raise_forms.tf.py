# X2: raise a class, an instance, re-raise with bare raise.
try:
    raise KeyError
except KeyError as e:
    show(repr(e), str(e) == "")

def check(n):
    if (n < 0):
        raise ValueError("negative: %d" % n)

    return n

try:
    try:
        check(-2)
    except ValueError:
        show("seen, re-raising")
        raise

except Exception as e:
    show(type(e).__name__, e, e.args)

raise TypeError("stop here")
