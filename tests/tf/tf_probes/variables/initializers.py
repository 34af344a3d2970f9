"""Every initializer of LANGUAGE.md part 5 through get_variable: the ops under <var>/Initializer/, shapes, dtypes, errors; class vs instance; tf.initializers aliases."""
from h import *

def short(title, fn):
    T.reset_default_graph()
    try:
        v = fn()
        res = "ok %s %s %s" % (v.name, v.shape, v.dtype.name)
    except Exception as e:
        res = err(e)
    print("==", title, "->", res)
    print("   ops:", [(o.name, o.type) for o in T.get_default_graph().get_operations()])

I = T.initializers
cases = [
    ("zeros_initializer()", T.zeros_initializer()),
    ("ones_initializer()", T.ones_initializer()),
    ("constant_initializer(0.5)", T.constant_initializer(0.5)),
    ("constant_initializer([1, 2, 3, 4, 5, 6])", T.constant_initializer([1, 2, 3, 4, 5, 6])),
    ("constant_initializer()", T.constant_initializer()),
    ("random_normal_initializer()", T.random_normal_initializer()),
    ("truncated_normal_initializer()", T.truncated_normal_initializer()),
    ("random_uniform_initializer()", T.random_uniform_initializer()),
    ("random_uniform_initializer(-1, 1)", T.random_uniform_initializer(-1, 1)),
    ("glorot_uniform_initializer()", T.glorot_uniform_initializer()),
    ("glorot_normal_initializer()", T.glorot_normal_initializer()),
    ("variance_scaling_initializer()", T.variance_scaling_initializer()),
    ("variance_scaling_initializer(distribution='normal')", T.variance_scaling_initializer(distribution="normal")),
    ("variance_scaling_initializer(distribution='untruncated_normal')", T.variance_scaling_initializer(distribution="untruncated_normal")),
    ("variance_scaling_initializer(distribution='uniform', mode='fan_out')", T.variance_scaling_initializer(mode="fan_out", distribution="uniform")),
    ("variance_scaling_initializer(mode='fan_avg', distribution='truncated_normal')", T.variance_scaling_initializer(mode="fan_avg")),
    ("orthogonal_initializer()", T.orthogonal_initializer()),
    ("orthogonal_initializer(gain=2.0)", T.orthogonal_initializer(gain=2.0)),
    ("uniform_unit_scaling_initializer()", T.uniform_unit_scaling_initializer()),
]
for shape in ([], [3], [2, 3], [3, 3, 4, 5]):
    for title, init in cases:
        if title.startswith("constant_initializer([") and shape != [2, 3]:
            continue
        short("%s shape %s" % (title, shape), lambda: T.get_variable("v", shape, initializer=init))
print("== dtypes")
for dt in (T.float16, T.float64, T.int32, T.int64, T.bool, T.string):
    for title, init in cases[:12] + [cases[16]]:
        short("%s %s" % (title, dt.name), lambda: T.get_variable("v", [2, 3], dtype=dt, initializer=init))
print("== initializer dtype argument")
short("zeros_initializer(dtype=int32) with get_variable default dtype", lambda: T.get_variable("v", [2], initializer=T.zeros_initializer(dtype=T.int32)))
short("random_normal_initializer(dtype=float64) get_variable float32", lambda: T.get_variable("v", [2], initializer=T.random_normal_initializer(dtype=T.float64)))
tryit("random_normal_initializer(dtype=int32)", lambda: T.random_normal_initializer(dtype=T.int32))
tryit("glorot_uniform_initializer(dtype=int32)", lambda: T.glorot_uniform_initializer(dtype=T.int32))
tryit("zeros_initializer(dtype='nope')", lambda: T.zeros_initializer(dtype="nope"))
print("== big zeros/ones")
for n in (999, 1000):
    short("zeros [%d]" % n, lambda: T.get_variable("v", [n], initializer=T.zeros_initializer()))
    short("ones [%d]" % n, lambda: T.get_variable("v", [n], initializer=T.ones_initializer()))
short("zeros [40, 25]", lambda: T.get_variable("v", [40, 25], initializer=T.zeros_initializer()))
short("constant 0.5 [1000]", lambda: T.get_variable("v", [1000], initializer=T.constant_initializer(0.5)))
print("== class instead of instance")
for title, cls in [("zeros_initializer", T.zeros_initializer), ("ones_initializer", T.ones_initializer),
                   ("constant_initializer", T.constant_initializer), ("random_normal_initializer", T.random_normal_initializer),
                   ("glorot_uniform_initializer", T.glorot_uniform_initializer), ("orthogonal_initializer", T.orthogonal_initializer),
                   ("variance_scaling_initializer", T.variance_scaling_initializer)]:
    short("initializer=%s (class)" % title, lambda: T.get_variable("v", [2, 3], initializer=cls))
print("== aliases")
for n in ("zeros", "ones", "constant", "random_normal", "truncated_normal", "random_uniform", "glorot_uniform", "glorot_normal", "variance_scaling", "orthogonal", "uniform_unit_scaling", "identity", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform"):
    o = getattr(I, n)
    print("  initializers.%s = %r is_same_as_v1_name: %s" % (n, o, [m for m in ("zeros_initializer", "ones_initializer", "constant_initializer", "random_normal_initializer", "truncated_normal_initializer", "random_uniform_initializer", "glorot_uniform_initializer", "glorot_normal_initializer", "variance_scaling_initializer", "orthogonal_initializer", "uniform_unit_scaling_initializer") if getattr(T, m) is o]))
short("initializers.zeros()", lambda: T.get_variable("v", [2], initializer=I.zeros()))
short("initializers.he_normal()", lambda: T.get_variable("v", [2, 3], initializer=I.he_normal()))
short("initializers.he_uniform()", lambda: T.get_variable("v", [2, 3], initializer=I.he_uniform()))
short("initializers.lecun_normal()", lambda: T.get_variable("v", [2, 3], initializer=I.lecun_normal()))
short("initializers.lecun_uniform()", lambda: T.get_variable("v", [2, 3], initializer=I.lecun_uniform()))
short("initializers.identity()", lambda: T.get_variable("v", [2, 3], initializer=I.identity()))
short("initializers.identity() of a square shape", lambda: T.get_variable("v", [3, 3], initializer=I.identity()))
short("initializers.identity() of a square shape, bool", lambda: T.get_variable("v", [2, 2], dtype=T.bool, initializer=I.identity()))
print("  he_normal():", repr(type(I.he_normal())), vars(I.he_normal(seed=1)))
print("== repr / get_config / call directly")
for title, init in cases:
    print("  %s: type=%s get_config=%s" % (title, type(init).__name__, init.get_config()))
T.reset_default_graph()
z = T.zeros_initializer()([2, 3])
print("  zeros_initializer()([2,3]) ->", repr(z))
print("  ones_initializer()([2], dtype=int32) ->", repr(T.ones_initializer()([2], dtype=T.int32)))
print("  glorot_uniform_initializer()([2, 3]) ->", repr(T.glorot_uniform_initializer()([2, 3])))
print("  constant_initializer(2)([2]) ->", repr(T.constant_initializer(2)([2])))
print("  random_normal_initializer()([2]) ->", repr(T.random_normal_initializer()([2])))
print("  orthogonal_initializer()([3, 3]) ->", repr(T.orthogonal_initializer()([3, 3])))
with T.name_scope("ns"):
    print("  in ns zeros_initializer()([2]) ->", repr(T.zeros_initializer()([2])))
print("  ops:", [(o.name, o.type) for o in T.get_default_graph().get_operations()])
print("== errors")
tryit("variance_scaling_initializer(scale=0)", lambda: T.variance_scaling_initializer(scale=0))
tryit("variance_scaling_initializer(scale=-1)", lambda: T.variance_scaling_initializer(scale=-1.0))
tryit("variance_scaling_initializer(mode='x')", lambda: T.variance_scaling_initializer(mode="x"))
tryit("variance_scaling_initializer(distribution='x')", lambda: T.variance_scaling_initializer(distribution="x"))
tryit("orthogonal [3] (rank 1)", lambda: T.get_variable("o1", [3], initializer=T.orthogonal_initializer()))
tryit("orthogonal [] (rank 0)", lambda: T.get_variable("o0", [], initializer=T.orthogonal_initializer()))
tryit("random_uniform int32 no maxval", lambda: T.get_variable("ri", [2], dtype=T.int32, initializer=T.random_uniform_initializer()))
tryit("random_uniform int32 maxval=10", lambda: T.get_variable("ri2", [2], dtype=T.int32, initializer=T.random_uniform_initializer(0, 10)))
tryit("constant_initializer([1,2,3]) shape [2]", lambda: T.get_variable("cc", [2], initializer=T.constant_initializer([1, 2, 3])))
tryit("constant_initializer([1,2,3], verify_shape=True)", lambda: T.constant_initializer([1, 2, 3], verify_shape=True))
tryit("constant_initializer('abc') float", lambda: T.get_variable("cs", [2], initializer=T.constant_initializer("abc")))
tryit("constant_initializer(object())", lambda: T.constant_initializer(object()))
tryit("zeros_initializer(1, 2)", lambda: T.zeros_initializer(1, 2))
tryit("zeros_initializer(foo=1)", lambda: T.zeros_initializer(foo=1))
tryit("initializer=3 with shape", lambda: T.get_variable("i3", [2], initializer=3))
tryit("initializer=3.0 no shape", lambda: T.get_variable("i4", initializer=3.0))
tryit("initializer=[1,2] with dtype int32", lambda: T.get_variable("i5", initializer=[1, 2], dtype=T.int32))
tryit("initializer=lambda: 3.0", lambda: T.get_variable("i6", initializer=lambda: 3.0))
tryit("initializer=np.zeros((2,2))", lambda: T.get_variable("i7", initializer=np.zeros((2, 2))))
tryit("initializer=tf.zeros tensor", lambda: T.get_variable("i8", initializer=T.zeros([3])))
print("  ops:", [(o.name, o.type) for o in T.get_default_graph().get_operations()][-30:])
