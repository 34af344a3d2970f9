# O6: operators between incompatible dtypes and non-tensors.
f = tf.get_variable("f", [2])
i = tf.constant([1, 2], name="i")
for make in [lambda: f + i, lambda: f + "s", lambda: f % i, lambda: i ** 0.5]:
    try:
        show(make())
    except (TypeError, ValueError) as e:
        show(type(e).__name__, e)


