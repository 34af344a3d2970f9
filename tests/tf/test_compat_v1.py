"""The v1 API's objects, names and errors, one TensorFlow rule per case.

Each case of tests/tf/tf_probes/api_v1.py runs here with scopesim's
tf.compat.v1 and must print what TensorFlow 2.21 printed (api_v1.out).
"""

import contextlib
import io

import pytest

from probe_cases import ROOT
from scopesim.tf import compat_v1 as T

import api_v1  # noqa: E402 (tf_probes/ is on sys.path once probe_cases is imported)

RECORDED = ROOT.recorded("api_v1")


@pytest.mark.parametrize("name", [name for name, _ in api_v1.CASES])
def test_case_prints_what_tensorflow_printed(name):
    fn = dict(api_v1.CASES)[name]
    T.reset_default_graph()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            fn(T)
        except Exception as e:
            api_v1.show("case raised", type(e).__name__, e)
    assert out.getvalue().splitlines() == RECORDED[name]
