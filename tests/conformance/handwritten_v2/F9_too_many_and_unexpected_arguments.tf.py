# F9: Python's binding errors, caught and printed.
def f(a, b=2):
    return a + b

try:
    f(1, 2, 3)
except TypeError as e:
    show(e)

try:
    f(1, c=3)
except TypeError as e:
    show(e)

try:
    f(1, a=3)
except TypeError as e:
    show(e)

try:
    f()
except TypeError as e:
    show(e)

