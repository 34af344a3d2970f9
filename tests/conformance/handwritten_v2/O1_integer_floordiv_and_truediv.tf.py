# O1: on int32 tensors, / casts to float64 and // stays integer.
i = tf.constant([7, 8], name="i")
j = tf.constant([2, 3], name="j")
show(i / j, (i / j).dtype, i // j, (i // j).dtype, i % j, i ** 2)
show((i / 2).dtype, (tf.constant(1.0) / 2).dtype)
