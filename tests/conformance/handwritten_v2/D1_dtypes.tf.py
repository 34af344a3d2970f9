# D1: dtype objects: names, str/repr, base and ref dtypes, as_dtype.
ds = [tf.float16, tf.float32, tf.float64, tf.int32, tf.int64, tf.bool, tf.string]
show([d.name for d in ds])
show(tf.float32, repr(tf.int64), tf.as_dtype("float64"), tf.as_dtype(tf.int32) is tf.int32)
v = tf.get_variable("v", [1])
show(v.dtype, v.dtype.base_dtype, v.dtype.base_dtype == tf.float32, v.dtype == tf.float32)
show(tf.float32.is_floating, tf.int32.is_integer, tf.bool.is_bool, tf.float64.size, tf.float32.as_datatype_enum)
tf.as_dtype("float99")
