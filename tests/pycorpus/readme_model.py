import tensorflow as tf
tf.compat.v1.disable_v2_behavior()
v1 = tf.compat.v1

def dense(x, units, name):
    with v1.variable_scope(name):
        w = v1.get_variable("kernel", [x.shape[-1], units])
        b = v1.get_variable("bias", [units], initializer=v1.zeros_initializer())
        return tf.matmul(x, w) + b

x = v1.placeholder(tf.float32, [None, 4], name="x")
for i in range(2):
    x = dense(x, 8, "layer_%d" % i)
print(x)
