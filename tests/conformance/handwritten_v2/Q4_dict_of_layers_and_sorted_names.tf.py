# Q4: a dict comprehension of scopes; sorted() of names; zip of two lists.
dims = {"q": 2, "k": 3}
ws = {k: tf.get_variable(f"{k}_w", [n, n]) for k, n in dims.items()}
show(sorted(v.name for v in ws.values()))
show({k: v.shape.as_list() for k, v in ws.items()})
for (k, v), n in zip(sorted(ws.items()), [10, 20]):
    show(k, v, n)

