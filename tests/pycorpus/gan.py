"""A GAN: the discriminator is built once and reused for the fake images."""
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()
T = tf.compat.v1

Z_DIM, IMG, HID = 10, 28 * 28, 64


def linear(x, out_dim, name):
    w = T.get_variable(name + "/w", [x.get_shape()[1], out_dim],
                       initializer=T.random_normal_initializer(stddev=0.02))
    b = T.get_variable(name + "/b", [out_dim], initializer=T.constant_initializer(0.0))
    return tf.matmul(x, w) + b


def generator(z):
    with T.variable_scope("generator"):
        h = tf.nn.relu(linear(z, HID, "g_h0"))
        return tf.tanh(linear(h, IMG, "g_out"))


def discriminator(x, reuse=False):
    with T.variable_scope("discriminator", reuse=reuse):
        h = tf.nn.relu(linear(x, HID, "d_h0"))
        logit = linear(h, 1, "d_out")
        return tf.sigmoid(logit), logit


z = T.placeholder(tf.float32, [None, Z_DIM], name="z")
real = T.placeholder(tf.float32, [None, IMG], name="real")
fake = generator(z)
d_real, d_real_logits = discriminator(real)
d_fake, d_fake_logits = discriminator(fake, reuse=True)

d_vars = [v for v in T.trainable_variables() if v.name.startswith("discriminator/")]
g_vars = T.trainable_variables("generator")
print("d:", [v.name for v in d_vars])
print("g:", [v.name for v in g_vars])
print(d_real.name, d_fake.name, d_fake_logits.op.name)
d_loss = -(d_real - d_fake)
print(d_loss)
