"""str(op) of the ops variables and initializers make: the NodeDef attrs.

Expected text: tf_probes/variables/node_defs.out (TensorFlow 2.21), of the
program `build` in tf_probes/variables/node_defs.py, replayed here.
"""

from pathlib import Path

from tfvars_oracle import T

PROBES = Path(__file__).parent / "tf_probes" / "variables"


def _probe():
    """The probe's functions (the probe minus its TensorFlow harness import)."""
    source = (PROBES / "node_defs.py").read_text()
    namespace: dict = {"__name__": "node_defs"}
    exec(compile(source.split("\nfrom h import *\n", 1)[1], str(PROBES / "node_defs.py"), "exec"),
         namespace)
    return namespace


def _recorded():
    text = (PROBES / "node_defs.out").read_text()
    plain, guarded = text.split("== guarded\n")
    return plain, guarded


def test_node_defs_of_variables_and_initializers():
    assert _probe()["build"](T) == _recorded()[0]


def test_node_defs_of_the_uninitialized_dependency_guard():
    assert _probe()["build_guarded"](T) == _recorded()[1]
