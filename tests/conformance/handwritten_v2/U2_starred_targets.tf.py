# U2: starred targets collect the rest in a list.
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
head, *middle, tail = range(5)
show(first, rest, init, last, head, middle, tail)
first, *rest = [tf.get_variable(f"v{i}", [i + 1]) for i in range(3)]
show(first, len(rest), rest[-1])
