# F4: nonlocal rebinds the enclosing function's name.
def counter():
    n = 0
    def next_name():
        nonlocal n
        n += 1
        return f"v{n}"

    return next_name

name = counter()
for _ in range(3):
    show(tf.get_variable(name(), [1]))

