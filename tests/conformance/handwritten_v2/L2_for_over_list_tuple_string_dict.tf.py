# L2: for over any iterable; a dict iterates over its keys in order.
for size in [3, 1, 2]:
    show(tf.get_variable(f"w{size}", [size]).shape)

for c in "ab":
    show(c)

for k in {"b": 1, "a": 2}:
    show(k)

for item in (None, True, 1.5):
    show(item)

