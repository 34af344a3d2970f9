"""Probe: tf.device (strings as DeviceSpec canonicalises them, None, device
functions, nesting), caching_device of variable_scope/get_variable/Variable.
`~/tfvenv/bin/python devices.py > devices.out`; tests/tf/test_devices.py."""

from probe_common import err, main, show


def _dev(T, s):
    with T.device(s):
        return T.constant(1.0).device


def case_device_string_canonical(T):
    for s in ["/cpu:0", "/CPU:0", "cpu:0", "/gpu:1", "/device:GPU:1", "/job:ps", "/job:ps/task:1",
              "/job:w/replica:2/task:3/cpu:1", "", "/cpu:*", "/device:XLA_CPU:0", "/replica:1",
              "GPU", "/device:cpu:0", "/job:ps/device:CPU:0", "/cpu", "//cpu:0", "/device:tpu:0"]:
        show(repr(s), repr(_dev(T, s)))


def case_device_string_errors(T):
    for s in ["/foo:0", "/cpu:0/gpu:0", "/task:x", "/device:cpu", "/cpu:0:1", "/job:a:b",
              "/device:GPU:x", "/cpu:x"]:
        err(lambda: _dev(T, s))


def case_device_nesting_merges(T):
    with T.device("/job:ps"):
        with T.device("/cpu:0"):
            a = T.constant(1.0)
        with T.device("/task:1"):
            b = T.constant(1.0)
            with T.device(None):
                c = T.constant(1.0)
            with T.device(""):
                d = T.constant(1.0)
        with T.device("/job:w/gpu:0"):
            e = T.constant(1.0)
    show(a.device, b.device, repr(c.device), d.device, e.device, a.op.device)


def case_device_function(T):
    def f(op):
        return "/gpu:0" if op.type == "Const" else ""
    with T.device("/job:ps/cpu:1"):
        with T.device(f):
            g = T.constant(1.0)
            h = T.identity(g)
    show(g.device, repr(h.device))

    def f2(op):
        return "/job:x"
    with T.device(f2):
        with T.device("/cpu:0"):
            i = T.constant(1.0)
    with T.device(lambda op: "/cpu:0"):
        j = T.constant(1.0)
    show(i.device, j.device)


def case_device_of_a_variable(T):
    with T.device("/cpu:0"):
        w = T.get_variable("w", [2])
    show(w.device, w.op.device, w.value().device, w.initializer.device,
         repr(w.initial_value.device))


def case_caching_device(T):
    with T.variable_scope("c", caching_device="/gpu:0") as s:
        v = T.get_variable("v", [2])
        show(repr(s.caching_device), repr(v.device), repr(v.value().device), repr(v.op.device))
    with T.device("/cpu:0"):
        with T.variable_scope("d", caching_device=lambda op: "/gpu:1"):
            v2 = T.get_variable("v", [2])
    show(v2.device, v2.value().device, v2.initializer.device, repr(v2.initial_value.device))
    u = T.get_variable("u", [2], caching_device="/job:a/CPU:0")
    show(repr(u.device), repr(u.value().device), repr(u.read_value().device))
    x = T.Variable(1.0, caching_device="/cpu:0")
    show(repr(x.device), x.value().device)
    with T.device("/cpu:0"):
        with T.variable_scope("e", caching_device="/gpu:0"):
            v3 = T.get_variable("v", [2])
    show(v3.device, v3.value().device)


def case_device_context_manager(T):
    show(type(T.device("/cpu:0")).__name__)
    g = T.get_default_graph()
    with g.device("/cpu:0"):
        z = T.constant(2.0)
    show(z.device)
    err(lambda: T.device(3))


if __name__ == "__main__":
    main(globals())
