"""Scope names checked again after they passed once (at another depth, after
an invalid one) and op names that differ only in case: what scopesim's
engine/names.py remembers must not change what TensorFlow answers."""
from cases import case
from h import T, tf  # noqa: F401


def nested_then_root():
    with T.name_scope("outer"):
        with T.name_scope("_x"):
            T.no_op(name="a")
    with T.name_scope("_x"):
        T.no_op(name="b")


def many_then_invalid():
    for _ in range(3):
        with T.name_scope("ok"):
            T.no_op(name="n")
    with T.name_scope("ok"):
        with T.name_scope("ok"):
            with T.name_scope("o k"):
                T.no_op(name="m")


def root_then_nested_invalid():
    with T.name_scope("a.b"):
        T.no_op(name="c")
    with T.name_scope("outer"):
        with T.name_scope("a b"):
            T.no_op(name="d")


def case_folded():
    names = ("w", "W", "w", "Wx", "wx", "w_1", "W_3", "w")
    return [T.constant(1.0, name=n).name for n in names]


def case_folded_scopes():
    out = []
    for n in ("s", "S", "s", "S_2"):
        with T.name_scope(n) as scope:
            out.append(scope + T.no_op(name="op").name)
    return out


def variables_in_case():
    return [T.get_variable(n, [1]).name for n in ("v", "V", "v_1", "V_2")]


case("a scope name valid nested, then at the root", nested_then_root)
case("a scope name checked many times, then an invalid one", many_then_invalid)
case("a valid root name, then an invalid nested one", root_then_nested_invalid)
case("op names differing only in case", case_folded)
case("scope names differing only in case", case_folded_scopes)
case("variables differing only in case", variables_in_case)
