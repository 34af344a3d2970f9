"""The engine's linear scope counters (scopesim.engine.scopes.ScopeCounts)
against TensorFlow's model of them, a flat dict (variable_scope.py's
`_VariableScopeStore.variable_scopes_count`: `open_variable_scope` adds one,
`close_variable_subscopes` zeroes every key under a prefix,
`_get_unique_variable_scope` tries prefix, prefix_1, ...).
"""

from scopesim.engine.scopes import ScopeCounts


def test_scope_counts_match_a_flat_dict_model():
    """ScopeCounts gives the same counts as TensorFlow's flat dict under a random
    mix of opens, closes, snapshots and restores."""
    import random
    rng = random.Random(7)
    names = ["a", "a/b", "a/b/c", "a/", "a//x", "b", "a_1", "a/b_1", "", "/x"]
    fast, flat, stack = ScopeCounts(), {}, []
    for _ in range(3000):
        action = rng.random()
        name = rng.choice(names)
        if action < 0.4:
            fast.open(name)
            flat[name] = flat.get(name, 0) + 1
        elif action < 0.7:
            fast.close_subscopes(name)
            for k in flat:
                if k.startswith(name + "/"):
                    flat[k] = 0
        elif action < 0.8:
            stack.append((fast.snapshot(), dict(flat)))
        elif action < 0.9 and stack:
            mark, saved = stack.pop()
            fast.restore(mark)
            flat = saved
        else:
            parent = rng.choice(names)
            prefix = rng.choice(["a", "b", "x"])
            full = parent + "/" + prefix if parent else prefix
            if flat.get(full, 0) == 0:
                expected = prefix
            else:
                i = 1
                while flat.get("%s_%d" % (full, i), 0) > 0:
                    i += 1
                expected = "%s_%d" % (prefix, i)
            assert fast.unique_scope_name(parent, prefix) == expected
        for k in names:
            assert fast.get(k) == flat.get(k, 0), k
