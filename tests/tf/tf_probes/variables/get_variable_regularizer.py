"""get_variable(regularizer=): the regularizer runs twice (at the root ns, then under <var>/Regularizer/)."""
from h import *

l2 = lambda: tf.keras.regularizers.l2(0.1) if False else None
def l2reg(w):
    return T.multiply(0.01, T.nn.l2_loss(w), name="l2_regularizer")

def c1():
    with T.name_scope("ns"):
        return T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=l2reg)
case("regularizer=l2reg in name_scope", c1)
print("   losses:", [nm(x) for x in T.get_collection(T.GraphKeys.REGULARIZATION_LOSSES)])
print("   types:", [type(x).__name__ for x in T.get_collection(T.GraphKeys.REGULARIZATION_LOSSES)])
print("   GraphKeys.REGULARIZATION_LOSSES =", repr(T.GraphKeys.REGULARIZATION_LOSSES))

def c2():
    return T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=lambda w: None)
case("regularizer returns None", c2)

def c3():
    with T.variable_scope("s", regularizer=l2reg):
        a = T.get_variable("a", [2], initializer=T.zeros_initializer())
        with T.variable_scope("inner"):
            b = T.get_variable("b", [2], initializer=T.zeros_initializer())
        c = T.get_variable("c", [2], initializer=T.zeros_initializer(), regularizer=lambda w: T.reduce_sum(w, name="own"))
    return [a, b, c]
case("scope regularizer inherited, own regularizer replaces", c3)

def c4():
    with T.variable_scope("s", regularizer=l2reg):
        a = T.get_variable("a", [2], initializer=T.zeros_initializer())
    with T.variable_scope("s", reuse=True):
        b = T.get_variable("a", [2])
    return [a, b]
case("reuse does not run the regularizer again", c4)

def c5():
    return T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=3)
case("regularizer=3 (not callable)", c5)

def c6():
    return T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=T.keras.regularizers.l2(0.1) if hasattr(T.keras, 'regularizers') else None)
case("regularizer=tf.keras.regularizers.l2(0.1)", c6)

def c7():
    with T.variable_scope("s", regularizer=l2reg):
        return T.get_local_variable("lv", [2], initializer=T.zeros_initializer())
case("get_local_variable under a scope regularizer", c7)

def c8():
    with T.variable_scope("s"):
        with T.name_scope("inner_ns"):
            v = T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=lambda w: T.reduce_sum(w))
    l = T.get_collection(T.GraphKeys.REGULARIZATION_LOSSES)
    print("   loss items:", [type(x).__name__ for x in l])
    return v
case("default op name regularizer (reduce_sum)", c8)

def c9():
    v = T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=l2reg, trainable=False)
    return v
case("regularizer on non-trainable", c9)

print("== with ops of this issue's API only (identity, multiply)")
def idreg(w):
    return T.multiply(0.01, T.identity(w), name="l2_regularizer")
def own(w):
    return T.identity(w, name="own")
def plain(w):
    return T.identity(w)

def d1():
    with T.name_scope("ns"):
        return T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=idreg)
case("identity regularizer in name_scope", d1)
def d2():
    with T.variable_scope("s", regularizer=idreg):
        with T.variable_scope("inner"):
            b = T.get_variable("b", [2], initializer=T.zeros_initializer())
        c = T.get_variable("c", [2], initializer=T.zeros_initializer(), regularizer=own)
    return [b, c]
case("identity regularizer of a scope, inherited and replaced", d2)
def d3():
    with T.variable_scope("s"):
        with T.name_scope("inner_ns"):
            return T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=plain)
case("default op name regularizer (identity)", d3)
def d4():
    with T.variable_scope("s", regularizer=idreg):
        T.get_variable("a", [2], initializer=T.zeros_initializer())
    with T.variable_scope("s", reuse=True):
        return T.get_variable("a", [2])
case("identity regularizer not run on reuse", d4)
def d5():
    T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=idreg, trainable=False)
    with T.variable_scope("s", regularizer=idreg):
        return T.get_local_variable("lv", [2], initializer=T.zeros_initializer())
case("identity regularizer on non-trainable and local", d5)

print("== using the loss: every conversion runs the regularizer again under <var>/Regularizer/")
T.reset_default_graph()
T.get_variable("w", [2], initializer=T.zeros_initializer(), regularizer=lambda w: T.identity(w))
loss, = T.get_collection("regularization_losses")
print("   repr:", repr(loss).replace(hex(id(loss)), "ADDR"), "| str:", str(loss))
print("   loss + 1.0 ->", (loss + 1.0).name, "| 2.0 * loss ->", (2.0 * loss).name)
print("   ops:", [o.name for o in T.get_default_graph().get_operations()][4:])
