"""The v1 summaries, one TensorFlow rule per probe case
(tf_probes/ops_nn/summary.py and what TensorFlow 2.21 printed): the summary
scope and tag, tag sanitising, constants, op types, the summaries
collection, merge/merge_all and errors."""

import pytest

from probe_cases import Folder

OPS_NN = Folder("ops_nn")
cases, check = OPS_NN.recorded_names, OPS_NN.check

#: ImageSummary's bad_color tensor attr is not kept (str(op) NotSimulated)
PENDING = {"image_node_def": "str() of ImageSummary (its bad_color tensor attr)"}


@pytest.mark.parametrize("name", cases("summary"))
def test_summary_rule(name):
    if name in PENDING:
        pytest.xfail(PENDING[name])
    check("summary", name)
