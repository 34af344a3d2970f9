"""Runs a case of a probe in tests/tf/tf_probes/ops_array/ with scopesim's
tf.compat.v1 and gives what TensorFlow printed for it (its .out)."""

import contextlib
import importlib
import io
import sys
from pathlib import Path

PROBES = Path(__file__).parent / "tf_probes" / "ops_array"
for folder in (PROBES, PROBES.parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import probe_common  # noqa: E402

from scopesim.tf import compat_v1 as T  # noqa: E402


def recorded(probe: str) -> dict:
    sections, name = {}, None
    for line in (PROBES / f"{probe}.out").read_text().splitlines():
        if line.startswith("== "):
            name = line[3:]
            sections[name] = []
        else:
            sections[name].append(line)
    return sections


def case_names(probe: str) -> list:
    return [name for name, _ in probe_common.cases(vars(importlib.import_module(probe)))]


def run_case(probe: str, name: str) -> list:
    fn = dict(probe_common.cases(vars(importlib.import_module(probe))))[name]
    T.reset_default_graph()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            fn(T)
        except Exception as e:
            probe_common.show("case raised", type(e).__name__, e)
    return out.getvalue().splitlines()


def check(probe: str, name: str) -> None:
    assert run_case(probe, name) == recorded(probe)[name]
