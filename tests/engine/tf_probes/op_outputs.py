"""An op's outputs as a program sees them (the engine keeps a one-output op's
tensor without a list until `outputs` is read): `outputs` is the op's own
list, the same at every read and changed by what changes it; `values()` a
new tuple; tensors in `inputs`, `consumers()` and by name are the very
output objects; ops created in their own scope (`_apply_op_helper`) and by
`_create_op_internal` (a constant) keep their names, errors and order."""
from cases import outcome
from h import T, tf  # noqa: F401


def case(title, fn):
    """cases.case, with each op's number of outputs instead of the variables."""
    T.reset_default_graph()
    g = T.get_default_graph()
    print("==", title, "->", outcome(fn))
    print("   ops:", [(o.name, o.type, len(o.outputs)) for o in g.get_operations()])


def one_output():
    x = T.placeholder(tf.float32, [2, 3], name="x")
    y = T.nn.relu(x)
    op = y.op
    outs = op.outputs
    print("   same list:", outs is op.outputs, type(outs).__name__, len(outs), outs[0] is y)
    vals = op.values()
    print("   values:", type(vals).__name__, vals[0] is y, vals is op.values())
    print("   by name:", T.get_default_graph().get_tensor_by_name("Relu:0") is y)
    z = y + x
    print("   input is output:", z.op.inputs[0] is y, [c.name for c in y.consumers()])
    print("   repr:", repr(op), repr(y))
    outs.append(x)
    print("   appended:", len(op.outputs), op.outputs[1] is x)
    return z


def no_output():
    op = T.no_op(name="n")
    print("   outputs:", op.outputs, op.outputs is op.outputs, op.values())
    return op


def several_outputs():
    x = T.placeholder(tf.float32, [4, 2], name="x")
    parts = T.unstack(x)
    op = parts[0].op
    print("   outputs:", [t.name for t in op.outputs], op.outputs is op.outputs,
          [t is u for t, u in zip(op.outputs, parts)])
    return parts[1]


def constants_and_scopes():
    a = T.constant(1.0, name="c")
    b = T.constant(2.0, name="c")
    with T.name_scope("s"):
        c = T.add(a, b)
        d = T.add(a, b, name="add")
        e = T.nn.relu(c, name="s")
    print("   names:", [t.name for t in (a, b, c, d, e)])
    return e


def duplicate_in_own_scope():
    x = T.placeholder(tf.float32, [2], name="x")
    T.nn.relu(x, name="r")
    with T.name_scope("r/"):
        pass
    return T.nn.relu(x, name="r/")


def mismatched_input():
    x = T.placeholder(tf.float32, [2], name="x")
    i = T.placeholder(tf.int32, [2], name="i")
    return T.add(x, i)


def bad_scope_name():
    x = T.placeholder(tf.float32, [2], name="x")
    return T.nn.relu(x, name="bad name")


def nested_scope_after():
    x = T.placeholder(tf.float32, [2], name="x")
    with T.name_scope("outer"):
        y = T.nn.relu(x)
        print("   scope after op:", repr(T.get_default_graph().get_name_scope()))
    return y


for title, fn in [("one output", one_output), ("no output", no_output),
                  ("several outputs", several_outputs),
                  ("constants and scopes", constants_and_scopes),
                  ("duplicate in own scope", duplicate_in_own_scope),
                  ("mismatched input", mismatched_input),
                  ("bad scope name", bad_scope_name),
                  ("nested scope after", nested_scope_after)]:
    case(title, fn)
