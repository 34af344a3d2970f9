# F5: plain recursion on numbers.
def fact(n):
    return 1 if (n <= 1) else n * fact(n - 1)

show(fact(1), fact(5), fact(20))
