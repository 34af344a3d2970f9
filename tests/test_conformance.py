"""scopesim against TensorFlow's recorded results (tests/conformance/).

Every `.scope` case in the corpus has `NAME.expected.json` beside it:
TensorFlow's own result for the emitted equivalent, recorded by
`tools/record_tf.py` (TensorFlow's version is in `TF_VERSION`).  Running
the case in scopesim must give exactly that result: printed lines,
variables, every op in order, and the error (type, message, line, column).
The only allowance is the traceback after "Originally defined at:".
No TensorFlow is needed here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scopesim.parser import parse
from scopesim.verify import compare_results, run_scopesim

CORPUS = Path(__file__).parent / "conformance"
CASES = sorted(CORPUS.rglob("*.scope"))


def expected_path(case: Path) -> Path:
    return case.with_name(case.name[: -len(".scope")] + ".expected.json")


def case_id(case: Path) -> str:
    return case.relative_to(CORPUS).as_posix()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_scopesim_matches_tensorflow_recording(case: Path):
    expected = json.loads(expected_path(case).read_text(encoding="utf-8"))
    program = parse(case.read_text(encoding="utf-8"), case_id(case))
    differences = compare_results(expected, run_scopesim(program))
    report = []
    for difference in differences:
        report.append(f"--- {difference.section} ---")
        report += difference.unified()
    assert not differences, f"{case_id(case)} differs from TensorFlow:\n" + "\n".join(report)


def test_every_case_has_a_recording():
    missing = [case_id(case) for case in CASES if not expected_path(case).exists()]
    assert not missing, f"record them with tools/record_tf.py: {missing}"


def test_corpus_has_enough_cases_of_each_kind():
    handwritten = [c for c in CASES if c.parent.name == "handwritten"]
    generated = [c for c in CASES if c.parent.name == "generated"]
    assert len(handwritten) >= 60
    assert len(generated) >= 300


def test_recordings_name_the_tensorflow_version():
    import scopesim
    version = (CORPUS / "TF_VERSION").read_text(encoding="utf-8").strip()
    assert version == scopesim.TENSORFLOW_VERSION

