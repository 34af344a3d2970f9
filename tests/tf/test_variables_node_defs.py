"""str(op) of the ops variables and initializers make: the NodeDef attrs.

Expected text: tf_probes/variables/node_defs.out (TensorFlow 2.21), of the
program `build` in tf_probes/variables/node_defs.py, replayed here.
"""

from pathlib import Path

from tfvars_oracle import T

PROBES = Path(__file__).parent / "tf_probes" / "variables"


def _build():
    """The probe's `build` function (the probe minus its TensorFlow harness import)."""
    source = (PROBES / "node_defs.py").read_text()
    namespace: dict = {}
    exec(compile(source.split("\nfrom h import *\n", 1)[1], str(PROBES / "node_defs.py"), "exec"),
         namespace)
    return namespace["build"]


def test_node_defs_of_variables_and_initializers():
    assert _build()(T) == (PROBES / "node_defs.out").read_text()
