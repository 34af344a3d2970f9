"""Entering the same variable_scope(...) instance twice: the cached pure scope."""
from h import *

def show_scope(label, s):
    print("  ", label, "name=%r orig_ns=%r ns=%r reuse=%r" % (
        s.name, s.original_name_scope, T.get_default_graph().get_name_scope(), s.reuse))

T.reset_default_graph()
cm = T.variable_scope(None, default_name="cached")
with cm as s:
    show_scope("default-name 1st", s)
with cm as s:
    show_scope("default-name 2nd", s)
    print("   var:", T.get_variable("v", [1]).name)
with T.variable_scope(None, default_name="cached") as s:
    show_scope("fresh default-name", s)
cm2 = T.variable_scope("strcm")
with cm2 as s:
    show_scope("string 1st", s)
with T.variable_scope("outer"):
    with cm2 as s:
        show_scope("string 2nd inside outer", s)
        print("   op:", T.constant(0., name="op").name)
with T.variable_scope("obj") as obj:
    pass
cm3 = T.variable_scope(obj, reuse=True)
with cm3 as s1:
    show_scope("object 1st", s1)
with cm3 as s2:
    show_scope("object 2nd", s2)
print("   same object:", s1 is s2, s1 is obj)
cm4 = T.variable_scope("r", reuse=True)
with T.variable_scope("top", reuse=True):
    with cm4 as s:
        show_scope("reuse inherited 1st", s)
with cm4 as s:
    show_scope("2nd at root", s)
