from h import *
for dt in ["int32", "int64", "bool", "float16", "float64"]:
    for init in ["glorot_uniform_initializer()", "random_normal_initializer()", "truncated_normal_initializer()", "constant_initializer(0.5)", "ones_initializer()", "zeros_initializer()", "random_uniform_initializer()", "glorot_normal_initializer()", "None"]:
        case(f"get_variable {dt} {init}", lambda: T.get_variable("w", [2], dtype=getattr(tf, dt), initializer=eval("T."+init) if init!="None" else None))
for dt in ["int32", "bool", "float64"]:
    for f in ["random_normal", "zeros", "ones"]:
        case(f"Variable {dt} {f}", lambda: T.Variable(getattr(T, f)([2], dtype=getattr(tf, dt)), name="v"))
case("Variable big zeros", lambda: T.Variable(T.zeros([1000]), name="v"))
case("Variable big random", lambda: T.Variable(T.random_normal([1000]), name="v"))
case("gv partial", lambda: T.get_variable("w", [None, 3]))
case("gv partial zeros", lambda: T.get_variable("w", [None, 3], initializer=T.zeros_initializer()))
case("gv partial const", lambda: T.get_variable("w", [None, 3], initializer=T.constant_initializer(0.5)))
case("gv noshape zeros", lambda: T.get_variable("w", initializer=T.zeros_initializer()))
case("gv noshape", lambda: T.get_variable("w"))
case("gv constant big", lambda: T.get_variable("w", [1000], initializer=T.constant_initializer(0.5)))
case("gv scalar glorot", lambda: T.get_variable("w", []))
case("gv zero dim", lambda: T.get_variable("w", [0, 3]))
