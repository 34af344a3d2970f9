# X3: Python's own errors carry Python's type and words.
tests = [lambda: [1, 2][2], lambda: {"a": 1}["b"], lambda: 1 / 0, lambda: int("x"), lambda: "a" + 1, lambda: undefined_name, lambda: None.name, lambda: (1, 2).append(3), lambda: len(5), lambda: [].pop()]
for t in tests:
    try:
        t()
    except Exception as e:
        show(type(e).__name__ + ":", e)


