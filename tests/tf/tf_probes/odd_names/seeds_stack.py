"""Found by tools/fuzz.py: op seeds (`random_seed.get_seed`'s
`_truncate_seed`, then `execute.make_int`) and `stack` of what is not a
list.  Run with TF 2.21 (~/tfvenv/bin/python seeds_stack.py >
seeds_stack.out); the same cases run over scopesim with `--scopesim`."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from probe_common import cases, show  # noqa: E402

SAMPLERS = ("RandomUniform", "RandomStandardNormal", "TruncatedNormal", "RandomUniformInt")


def seeded(T, fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        show("raised", type(e).__name__, repr(str(e)))
    else:
        op = [o for o in T.get_default_graph().get_operations() if o.type in SAMPLERS][-1]
        show("seeds", op.name, op.get_attr("seed"), op.get_attr("seed2"))
    show("ops", [(o.name, o.type) for o in T.get_default_graph().get_operations()])


def _all_samplers(T, seed):
    seeded(T, lambda: T.random_uniform([2], seed=seed))
    seeded(T, lambda: T.random_normal([2], seed=seed))
    seeded(T, lambda: T.random_uniform([2], maxval=5, dtype=T.int32, seed=seed))
    seeded(T, lambda: T.get_variable("w", [2], initializer=T.random_normal_initializer(seed=seed)))


def case_seed_negative(T):
    _all_samplers(T, -1)


def case_seed_past_int32(T):
    _all_samplers(T, 2**40)


def case_seed_float(T):
    _all_samplers(T, 1.5)


def case_seed_string(T):
    _all_samplers(T, "a")


def case_seed_format_string(T):
    _all_samplers(T, "%d")


def case_seed_list(T):
    _all_samplers(T, [1])


def case_stack_not_a_list(T):
    for values in (5, "ab", None, {}):
        try:
            r = T.stack(values)
        except Exception as e:  # noqa: BLE001
            show("raised", type(e).__name__, repr(str(e)))
        else:
            show("ok", r.name, r.dtype)
    show("ops", [(o.name, o.type) for o in T.get_default_graph().get_operations()])


if __name__ == "__main__":
    if "--scopesim" in sys.argv:
        sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
        from scopesim.tf import compat_v1 as T
        for name, fn in cases(dict(globals())):
            T.reset_default_graph()
            print(f"== {name}")
            try:
                fn(T)
            except Exception as e:  # noqa: BLE001
                show("case raised", type(e).__name__, e)
    else:
        from probe_common import main
        main(dict(globals()))
