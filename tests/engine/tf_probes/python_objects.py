from h import *
v = T.get_variable("v", [2]); t = v + 1.0; op = T.no_op()
print(type(v).__name__, type(t).__name__, type(op).__name__, type(T.get_variable_scope()).__name__, type(v.shape).__name__, type(v.dtype).__name__)
for f in ["bool(v)", "bool(t)", "v + None", "None + v", "op + 1", "v + op", "v.reuse", "t.reuse", "op.shape", "T.get_variable_scope().shape", "T.get_variable_scope().dtype", "v.shape == t.shape", "v.dtype == t.dtype", "str(v.dtype)", "t.dtype", "T.name_scope(T.get_variable_scope()).__enter__()", "T.name_scope(3).__enter__()", "T.global_variables('[')", "print(v.shape)", "T.variable_scope(v).__enter__()", "T.constant(None)", "T.identity(op)", "v @ None", "'a' + v", "v.op.name"]:
    try: print(f, "->", repr(eval(f)))
    except Exception as e: print(f, "->", type(e).__name__ + ":", e)
