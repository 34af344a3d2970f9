# Q1: a comprehension's variable does not leak; it reads the program's names.
k = 10
show([k + i for i in range(2)])
try:
    show(i)
except NameError as e:
    show(e)

def f():
    n = 3
    return [n * j for j in range(n)]

show(f())
