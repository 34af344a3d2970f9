"""Runs a case-per-rule probe of tests/tf/tf_probes/ with scopesim's
tf.compat.v1 and gives what TensorFlow printed for each case (its .out).

A probe's `.out` is its cases' lines, each case after a `== name` line
(`probe_common.main`).  `Folder(name)` serves the probes of one folder of
tf_probes/ (`ops_array`, `ops_gaps`, ...; `ROOT` is tf_probes/ itself),
putting it on `sys.path` so that a probe and its folder's helpers import
by name:

    OPS_ARRAY = Folder("ops_array")

    @pytest.mark.parametrize("name", OPS_ARRAY.case_names("ops_math"))
    def test_math_rule(name):
        OPS_ARRAY.check("ops_math", name)
"""

import contextlib
import importlib
import io
import sys
from pathlib import Path

PROBES = Path(__file__).parent / "tf_probes"


def _importable(folder: Path) -> None:
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


_importable(PROBES)

import probe_common  # noqa: E402

from scopesim.tf import compat_v1 as T  # noqa: E402


def sections(path: Path) -> dict:
    """A recording's lines by case: `{name: [lines after '== name']}`."""
    found, name = {}, None
    for line in path.read_text().splitlines():
        if line.startswith("== "):
            name = line[3:]
            found[name] = []
        else:
            found[name].append(line)
    return found


def run_case(probe: str, name: str) -> list:
    """The lines case `name` of module `probe` prints with scopesim's
    tf.compat.v1, on a fresh default graph (an escaping error is shown as
    `case raised`, as the recording shows it)."""
    fn = dict(probe_common.cases(vars(importlib.import_module(probe))))[name]
    T.reset_default_graph()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            fn(T)
        except Exception as e:
            probe_common.show("case raised", type(e).__name__, e)
    return out.getvalue().splitlines()


class Folder:
    """The probes of one folder of tf_probes/."""

    def __init__(self, name: str = "") -> None:
        self.path = PROBES / name
        _importable(self.path)

    def recorded(self, probe: str) -> dict:
        """What TensorFlow printed for each case of `probe` (its .out)."""
        return sections(self.path / f"{probe}.out")

    def recorded_names(self, probe: str) -> list:
        """The case names of `probe`'s recording, in its order."""
        return list(self.recorded(probe))

    def case_names(self, probe: str) -> list:
        """The case names of `probe`'s module (its `case_*` functions)."""
        return [name for name, _ in probe_common.cases(vars(importlib.import_module(probe)))]

    def check(self, probe: str, name: str) -> None:
        """Case `name` of `probe` prints with scopesim what TensorFlow printed."""
        assert run_case(probe, name) == self.recorded(probe)[name]


ROOT = Folder()
recorded, case_names, check = ROOT.recorded, ROOT.case_names, ROOT.check
