"""The probes' case runner, apart from h.py (which imports TensorFlow) so that
a replay (tests/engine/probe_replay.py), whose `h` gives only `tf` and `T`,
runs the very same code with scopesim's tf.compat.v1.  `T` is read from `h`
at each call: h.py itself imports `case` from here."""


def outcome(fn):
    """What `fn()` gave: "ok <its name or repr>", or "<Error>: <message>"."""
    try:
        r = fn()
        return "ok " + (getattr(r, "name", None) or repr(r))
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def case(title, fn):
    """Run `fn` in a fresh graph; print its outcome, the ops and the variables."""
    from h import T
    T.reset_default_graph()
    g = T.get_default_graph()
    print("==", title, "->", outcome(fn))
    print("   ops:", [(o.name, o.type) for o in g.get_operations()])
    print("   vars:", [(v.name, str(v.shape), v.dtype.name) for v in T.global_variables()])
