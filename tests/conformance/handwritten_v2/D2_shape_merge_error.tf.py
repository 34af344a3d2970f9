# D2: incompatible shapes do not merge.
s = tf.TensorShape([2, 3])
show(s.is_compatible_with([2, None]), s.is_compatible_with([3, 3]))
s.merge_with([3, 3])
