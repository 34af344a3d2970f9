# G1: assigning a name in a def makes it local: reading it first fails.
total = 1
def bump():
    total = total + 1  #@ 13
    return total

bump()
