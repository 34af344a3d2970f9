"""Replays the probes of tests/tf/tf_probes/ops_nn/ (nn ops, losses,
summaries) with scopesim's tf.compat.v1: each case against what TensorFlow
2.21 printed for it (the probe's .out)."""

import sys

from probe_cases import PROBES, recorded, run_case

OPS_NN = PROBES / "ops_nn"
if str(OPS_NN) not in sys.path:
    sys.path.insert(0, str(OPS_NN))

import nn_common  # noqa: E402,F401 - the probes' helpers, importable by name


def cases(probe: str) -> list:
    """The case names recorded in `ops_nn/<probe>.out`."""
    return list(recorded(f"ops_nn/{probe}"))


def check(probe: str, name: str) -> None:
    assert run_case(probe, name) == recorded(f"ops_nn/{probe}")[name]
