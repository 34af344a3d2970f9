"""make_template(name_, func_, create_scope_now_=False, unique_name_=None, custom_getter_=None, **kwargs)."""
from h import *

def body(x, scale=1.0):
    w = T.get_variable("w", [2], initializer=T.zeros_initializer())
    return T.multiply(x, w, name="y")

def info(t):
    print("   t.name=%r variable_scope_name=%r variable_scope=%r" % (t.name, t.variable_scope_name, None if t.variable_scope is None else t.variable_scope.name))
    print("   variables=%s trainable=%s non_trainable=%s global=%s local=%s" % (
        [v.name for v in t.variables], [v.name for v in t.trainable_variables], [v.name for v in t.non_trainable_variables],
        [v.name for v in t.global_variables], [v.name for v in t.local_variables]))

def c1():
    x = T.constant([1.0, 2.0], name="x")
    t = T.make_template("t", body)
    print("   repr type:", repr(type(t)), "func:", t._func.__name__ if hasattr(t._func, "__name__") else type(t._func).__name__)
    info(t)
    outs = [t(x), t(x), t(x)]
    info(t)
    return outs
case("called 3 times", c1)

def c2():
    x = T.constant([1.0, 2.0], name="x")
    t = T.make_template("t", body, create_scope_now_=True)
    info(t)
    print("   original_name_scope=%r" % t.variable_scope.original_name_scope)
    return [t(x), t(x)]
case("create_scope_now_=True", c2)

def c3():
    x = T.constant([1.0, 2.0], name="x")
    t = T.make_template("t", body, unique_name_="u")
    info(t)
    outs = [t(x), t(x)]
    info(t)
    t2 = T.make_template("t", body, unique_name_="u")
    try:
        t2(x)
    except ValueError as e:
        print("   second template same unique_name_:", err(e))
    return outs
case("unique_name_='u'", c3)

def c4():
    x = T.constant([1.0, 2.0], name="x")
    inner = T.make_template("inner", body)
    def outer_fn(x):
        return inner(x) + 1.0
    outer = T.make_template("outer", outer_fn)
    outs = [outer(x), outer(x)]
    info(inner); info(outer)
    return outs
case("nested: inner made outside", c4)

def c5():
    x = T.constant([1.0, 2.0], name="x")
    def outer_fn(x):
        inner = T.make_template("inner", body)
        return inner(x)
    outer = T.make_template("outer", outer_fn)
    outs = [outer(x), outer(x)]
    info(outer)
    return outs
case("nested: inner made inside", c5)

def c6():
    x = T.constant([1.0, 2.0], name="x")
    t = T.make_template("t", body, scale=2.0)
    a = t(x)
    b = t(x, scale=3.0)
    return [a, b]
case("kwargs bound", c6)

def c7():
    x = T.constant([1.0, 2.0], name="x")
    def grows(x, n=[0]):
        n[0] += 1
        return T.get_variable("w%d" % n[0], [2])
    t = T.make_template("g", grows)
    t(x)
    return t(x)
case("second call creates a new get_variable", c7)

def c8():
    def sloppy():
        return T.Variable(1.0, name="tv")
    t = T.make_template("s", sloppy)
    t()
    return t()
case("second call creates a trainable tf.Variable", c8)

def c8b():
    def nt():
        return T.Variable(1.0, name="tv", trainable=False)
    t = T.make_template("s", nt)
    t()
    return t()
case("second call creates a non-trainable tf.Variable", c8b)

def c9():
    with T.variable_scope("outer"):
        t = T.make_template("t", body)
        a = t(T.constant([1.0, 2.0]))
    with T.variable_scope("other"):
        b = t(T.constant([1.0, 2.0]))
    with T.name_scope("ns"):
        c = t(T.constant([1.0, 2.0]))
    info(t)
    return [a, b, c]
case("calls in different scopes", c9)

def c10():
    seen = []
    def g(getter, name, *a, **k):
        seen.append(name)
        return getter(name, *a, **k)
    t = T.make_template("t", body, custom_getter_=g)
    t(T.constant([1.0, 2.0])); t(T.constant([1.0, 2.0]))
    print("   getter saw:", seen)
    return t.variables
case("custom_getter_", c10)

case("func_ not callable", lambda: T.make_template("t", 3))
case("name_ None", lambda: T.make_template(None, body)(T.constant([1.0, 2.0])))
case("name_ ''", lambda: T.make_template("", body)(T.constant([1.0, 2.0])))
case("make_template() no args", lambda: T.make_template())
def c11():
    with T.variable_scope("r", reuse=True):
        return T.make_template("t", body)(T.constant([1.0, 2.0]))
case("first call inside reuse=True", c11)
def c12():
    t = T.make_template("t", lambda: T.constant(1.0, name="k"))
    return [t(), t(), t.variables]
case("template without variables", c12)
def c13():
    t = T.make_template("t", body)
    try:
        t(T.constant([1.0, 2.0]), 1, 2, 3)
    except TypeError as e:
        print("   bad call:", err(e))
    return t(T.constant([1.0, 2.0]))
case("a first call that fails, then a good one", c13)
def c14():
    t = T.make_template("t", body)
    a = t(T.constant([1.0, 2.0]))
    with T.variable_scope(t.variable_scope, reuse=True):
        w = T.get_variable("w")
    return [a, w]
case("entering t.variable_scope", c14)

print("== Template's public attributes, and its weights properties")
T.reset_default_graph()
t = T.make_template("t", body)
t(T.constant([1.0, 2.0]))
print("   attrs:", sorted(n for n in dir(t) if not n.startswith("_")))
print("   var_scope is variable_scope:", t.var_scope is t.variable_scope,
      "| weights:", [v.name for v in t.weights], "| trainable_weights:", [v.name for v in t.trainable_weights],
      "| non_trainable_weights:", t.non_trainable_weights)
