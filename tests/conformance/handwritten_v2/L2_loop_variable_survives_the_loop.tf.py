# L2: as in Python, the loop variable keeps its last value.
for i in range(4):
    pass

show(i)
for j in []:
    show("never")

try:
    show(j)
except NameError as e:
    show(e)

