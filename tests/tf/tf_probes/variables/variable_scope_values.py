"""variable_scope(values=[...]): the values' graph is the default graph inside."""
from h import *

T.reset_default_graph()
g1 = T.get_default_graph()
g2 = T.Graph()
with g2.as_default():
    t = T.constant(1.0, name="t")
with T.variable_scope("vals", values=[t]) as s:
    print("default graph is t's:", T.get_default_graph() is g2, "| ns:", T.get_default_graph().get_name_scope(), "| vs:", s.name)
    v = T.get_variable("v", [1])
    print("v:", v.name, v.graph is g2)
print("after: default graph is g1:", T.get_default_graph() is g1, "| g1 ops:", [o.name for o in g1.get_operations()])
x = T.constant(2.0, name="x")
tryit("values from two graphs", lambda: T.variable_scope("mix", values=[x, t]).__enter__())
