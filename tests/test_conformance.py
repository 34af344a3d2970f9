"""scopesim against TensorFlow's recorded results (tests/conformance/).

Every `.scope` case in the corpus has `NAME.expected.json` beside it:
TensorFlow's own result for the emitted equivalent, recorded by
`tools/record_tf.py` (TensorFlow's version is in `TF_VERSION`).  Running
the case in scopesim must give exactly that result: printed lines,
variables, every op in order, and the error (type, message, line, column).
The only allowance is the traceback after "Originally defined at:".
No TensorFlow is needed here.

The folders: handwritten/ and generated/ (version 1), handwritten_v2/ and
generated_v2/ (version 2), ops_v2/ (the op library, hand-written) and
generated_ops_v2/ (`generate(seed, version=2, ops=True)`).

`handwritten_v2/KNOWN_DIFFERENCES.txt` lists the version-2 cases that do
not agree yet (parts of the API are still being built); they are
xfail(strict=True), so a case that starts agreeing fails until it is taken
off the list (`python tools/known_differences_v2.py` rewrites it).
`ops_v2/KNOWN_DIFFERENCES.txt` is the op library's list, kept by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scopesim.parser import parse
from scopesim.verify import compare_results, run_scopesim

CORPUS = Path(__file__).parent / "conformance"
CASES = sorted(CORPUS.rglob("*.scope"))
HANDWRITTEN_V2 = CORPUS / "handwritten_v2"
KNOWN_DIFFERENCES = HANDWRITTEN_V2 / "KNOWN_DIFFERENCES.txt"
#: The op library's own list (kept by hand).
OPS_V2 = CORPUS / "ops_v2"
OPS_KNOWN_DIFFERENCES = OPS_V2 / "KNOWN_DIFFERENCES.txt"


def read_known_differences(path: Path = KNOWN_DIFFERENCES) -> dict[str, str]:
    """Case name -> reason, from a KNOWN_DIFFERENCES.txt (`NAME  reason` a line)."""
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, why = line.strip().partition(" ")
            entries[name] = why.strip() or "known difference"
    return entries


KNOWN = read_known_differences()
OPS_KNOWN = read_known_differences(OPS_KNOWN_DIFFERENCES)


def expected_path(case: Path) -> Path:
    return case.with_name(case.name[: -len(".scope")] + ".expected.json")


def case_id(case: Path) -> str:
    return case.relative_to(CORPUS).as_posix()


def _param(case: Path):
    known = {HANDWRITTEN_V2: KNOWN, OPS_V2: OPS_KNOWN}.get(case.parent, {})
    if case.stem in known:
        return pytest.param(case, id=case_id(case), marks=pytest.mark.xfail(
            strict=True, reason=f"KNOWN_DIFFERENCES.txt: {known[case.stem]}"))
    return pytest.param(case, id=case_id(case))


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
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
    handwritten_v2 = [c for c in CASES if c.parent == HANDWRITTEN_V2]
    assert len(handwritten) >= 60
    assert len(generated) >= 300
    assert len(handwritten_v2) >= 150
    # The op library (issue 8): hand-written cases and generate(seed, version=2, ops=True).
    assert len([c for c in CASES if c.parent.name == "ops_v2"]) >= 150
    assert len([c for c in CASES if c.parent.name == "generated_ops_v2"]) >= 150


@pytest.mark.parametrize("path", [KNOWN_DIFFERENCES, OPS_KNOWN_DIFFERENCES],
                         ids=["handwritten_v2", "ops_v2"])
def test_known_differences_name_existing_cases_once_each(path: Path):
    names = [line.strip().partition(" ")[0]
             for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert len(names) == len(set(names)), "a case is listed twice"
    unknown = [n for n in names if not (path.parent / f"{n}.scope").exists()]
    assert not unknown, f"not cases of {path.parent.name}/: {unknown}"


def test_handwritten_v2_cases_have_their_tensorflow_translation():
    missing = [c.name for c in CASES if c.parent == HANDWRITTEN_V2
               and not c.with_name(c.stem + ".tf.py").exists()]
    assert not missing, missing


def test_recordings_name_the_tensorflow_version():
    import scopesim
    version = (CORPUS / "TF_VERSION").read_text(encoding="utf-8").strip()
    assert version == scopesim.TENSORFLOW_VERSION

