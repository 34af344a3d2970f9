# L4: nested loops with f-string scope names and a spec.
for i in range(2):
    for j in range(2):
        with tf.variable_scope(f"block{i:02d}/conv_{j}"):
            show(tf.get_variable("k", [i + 1, j + 1]))



