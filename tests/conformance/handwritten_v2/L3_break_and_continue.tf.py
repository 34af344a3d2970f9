# L3: break and continue in for and while; for ... else.
for i in range(10):
    if (i % 2 == 0):
        continue

    if (i > 6):
        break

    show(tf.get_variable(f"odd{i}", [i]))

n = 0
while True:
    n += 1
    if (n >= 3):
        break


show(n)
for i in range(2):
    pass
else:
    show("no break")

