"""What the tests of tests/engine check through tf.compat.v1's public API
where the version-1 engine's tests read scopesim's own bookkeeping (the
names-in-use counts, the variable-scope counts, the store's keys): the
names TensorFlow hands out next."""
from h import *


def show(title, value):
    print("==", title, "->", value)


T.reset_default_graph()
g = T.get_default_graph()
g.unique_name("n"); g.unique_name("n"); g.unique_name("N"); g.unique_name("n_1")
show("unique_name(x, mark_as_used=False) after n, n, N, n_1",
     [g.unique_name(n, mark_as_used=False) for n in ("n", "n_1", "n_1_1", "n_2", "n_3")])

T.reset_default_graph()
g = T.get_default_graph()
T.no_op(name="brandnew/")
try:
    T.no_op(name="brandnew")
except ValueError as e:
    show("no_op brandnew after brandnew/", e)
show("unique_name('brandnew', mark_as_used=False)", g.unique_name("brandnew", mark_as_used=False))

T.reset_default_graph()
names = []
for args in ((None, "layer"), (None, "layer"), ("layer",), (None, "layer"), (None, "layer")):
    with T.variable_scope(*args) as s:
        names.append((s.name, s.original_name_scope))
show("(None,'layer') x2, 'layer', (None,'layer') x2", names)

T.reset_default_graph()
names = []
for _ in range(2):
    with T.variable_scope("P"):
        for _ in range(2):
            with T.variable_scope(None, "L") as s:
                names.append((s.name, s.original_name_scope))
show("P > (None,'L') x2, twice", names)

T.reset_default_graph()
g = T.get_default_graph()
f = T.get_variable("f", [2], initializer=T.zeros_initializer())
i = T.get_variable("i", [2], dtype=tf.int32, initializer=T.zeros_initializer())
try:
    f + i
except TypeError as e:
    show("f + i", e)
show("unique_name('add/add', mark_as_used=False)", g.unique_name("add/add", mark_as_used=False))

T.reset_default_graph()
try:
    T.get_variable("w", [2], dtype=tf.int32, initializer=T.random_normal_initializer())
except TypeError as e:
    show("int32 w with random_normal_initializer", e)
w = T.get_variable("w", [2], dtype=tf.int32)
with T.variable_scope(T.get_variable_scope(), reuse=True):
    show("w, then reuse get_variable('w') is w", (w.name, T.get_variable("w", dtype=tf.int32) is w))

T.reset_default_graph()
for reuse in (None, None, True):
    with T.variable_scope("vs", reuse=reuse):
        T.Variable(T.random_normal([]), name="v")
with T.variable_scope("vs", reuse=True):
    try:
        T.get_variable("v")
    except ValueError as e:
        show("reuse get_variable('v') after tf.Variable vs/v", e)
