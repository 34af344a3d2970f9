# S1: f-strings: specs, conversions, nested specs, `=`.
i = 7
name = "dense"
x = 3.14159
w = 5
show(f"layer_{i}", f"{i:03d}", f"{x:.2f}", f"{name!r}", f"{name!s}")
show(f"{name:>8}|", f"{name:<{w}}|", f"{i=}", f"{x=:.1f}")
show(f'{name}/kernel', f"{{literal}}", f"{i * 2 + 1}", f"{'q'}")
v = tf.get_variable(f"{name}_{i:02d}", [i])
show(f"{v.name} has shape {v.shape}")
