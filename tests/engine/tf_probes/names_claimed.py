"""Names taken by variables made one after another with the same signature
(scopesim replays the later ones from a template, whose registry keys it
keeps as a claim: engine/names.py): ops, scopes and variables named like
those keys afterwards, in any case, must be made unique as TensorFlow makes
them."""
from cases import case
from h import T, tf  # noqa: F401


def _variables(scope="s"):
    with T.variable_scope(scope):
        return [T.get_variable("v%d" % i, [2, 3]) for i in range(4)]


def ops_named_like_keys():
    _variables()
    names = ("s/v3/Assign", "s/v3/assign", "S/V3/INITIALIZER", "s/v3/Initializer/random_uniform",
             "s/v3/Initializer/random_uniform/RandomUniform", "s/v3/read", "s/v3/Read_1",
             "s/v3/Initializer/random_uniform/shape_1", "s/v3/Initializer/zeros")
    return [T.identity(1.0, name=n).name for n in names]


def scopes_named_like_keys():
    _variables()
    out = []
    for n in ("s/v2/Initializer", "s/v2/initializer/random_uniform", "s/V2/Assign", "s/v2",
              "s/v2/initializer"):
        with T.name_scope(n) as scope:
            out.append(scope + T.no_op(name="op").name)
    return out


def variables_named_like_keys():
    _variables()
    with T.variable_scope("s"):
        out = [T.get_variable(n, [2, 3]).name for n in ("v1/Initializer", "v1/assign", "V1/read_1")]
    with T.variable_scope("s/v0"):
        out.append(T.get_variable("Initializer", [2, 3]).name)
    with T.variable_scope("s/v0/initializer"):
        out.append(T.get_variable("random_uniform", [2, 3]).name)
    return out


def unique_names_of_keys():
    _variables()
    g = T.get_default_graph()
    return [g.unique_name(n, mark_as_used=m) for n, m in (
        ("s/v3/Initializer/random_uniform/mul", False), ("s/v3/initializer/random_uniform/MUL", True),
        ("s/v3/initializer/random_uniform/mul", True), ("s/v3/Assign", False), ("s/v3/Assign", True),
        ("s/v3/Assign_1", True), ("s/v3/Initializer/random_uniform/max_1", True))]


def variables_in_variables():
    with T.variable_scope("a"):
        outer = [T.get_variable("w%d" % i, [2]) for i in range(3)]
    with T.variable_scope("a/w2"):
        inner = [T.get_variable("Initializer%d" % i, [2]) for i in range(3)]
        inner.append(T.get_variable("Initializer", [2]))
    with T.variable_scope("a/w2/Initializer"):
        inner += [T.get_variable("random_uniform", [2]), T.get_variable("v", [2])]
    return [v.name for v in outer + inner] + [T.identity(1.0, name="a/w2/Initializer/random_uniform").name]


def outputs_of_replayed_ops():
    v = _variables()[3]
    g = T.get_default_graph()
    first = g.get_tensor_by_name("s/v3/Assign:0")
    init = v.initializer
    outs = init.outputs
    return [str(first), first is outs[0], outs is init.outputs, init.values() == (first,),
            first.value_index, str(first.op.inputs[0]), first.consumers(),
            [str(t) for t in g.get_operation_by_name("s/v3/read").inputs],
            [t.name for t in g.get_operation_by_name("s/v2/Assign").values()]]


case("ops named like a replayed variable's keys", ops_named_like_keys)
case("the outputs of a replayed variable's ops", outputs_of_replayed_ops)
case("scopes named like a replayed variable's keys", scopes_named_like_keys)
case("variables named like a replayed variable's keys", variables_named_like_keys)
case("Graph.unique_name of a replayed variable's keys", unique_names_of_keys)
case("variables inside a replayed variable's scopes", variables_in_variables)
