"""Replays the probes of tests/tf/tf_probes/ops_gaps/ with scopesim's
tf.compat.v1: each case against what TensorFlow 2.21 printed for it (the
probe's .out)."""

import sys

from probe_cases import PROBES, recorded, run_case

OPS_GAPS = PROBES / "ops_gaps"
if str(OPS_GAPS) not in sys.path:
    sys.path.insert(0, str(OPS_GAPS))

import gaps_common  # noqa: E402,F401 - the probes' helpers, importable by name


def cases(probe: str) -> list:
    """The case names recorded in `ops_gaps/<probe>.out`."""
    return list(recorded(f"ops_gaps/{probe}"))


def check(probe: str, name: str) -> None:
    assert run_case(probe, name) == recorded(f"ops_gaps/{probe}")[name]
