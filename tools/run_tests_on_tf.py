"""Run test modules of tests/tf against real TensorFlow (no pytest needed).

    SCOPESIM_ORACLE=tf ~/tfvenv/bin/python tools/run_tests_on_tf.py tests/tf/test_init_ops.py ...

Each `test_*` function of each module is called once, or once per argument
tuple of its `cases` attribute (tests/engine/oracle.py), after the module's
`setup_function` if it has one; failures are printed.
Checks that the expected values in the tests are TensorFlow's.
"""

import importlib.util
import os
import sys
import traceback

os.environ["SCOPESIM_ORACLE"] = "tf"


def main(paths):
    failed = 0
    for path in paths:
        sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        setup = getattr(mod, "setup_function", None)
        for name in sorted(n for n in dir(mod) if n.startswith("test_")):
            fn = getattr(mod, name)
            for args in getattr(fn, "cases", [()]):
                try:
                    if setup is not None:
                        setup()
                    fn(*args)
                except Exception:
                    failed += 1
                    print(f"FAIL {path}::{name}{list(args) if args else ''}")
                    traceback.print_exc()
        print(f"{path}: done")
    print("failed:", failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
