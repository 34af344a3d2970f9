# U4: x += y on a tensor is the operator's op (add, sub, mul, truediv).
v = tf.get_variable("v", [2])
x = tf.identity(v)
x += v
x -= 1.0
x *= v
x /= 2.0
show(x)
acc = v
for i in range(3):
    acc += i

show(acc)
