"""The live differential test: fresh random programs, scopesim against real TensorFlow.

Runs only when TensorFlow is importable here or `SCOPESIM_TF_PYTHON` names a
Python that has it (CI installs the `tf` extra).  Each run draws a new block
of seeds (from the clock, or `SCOPESIM_LIVE_SEED` to replay one), prints it,
and compares scopesim with TensorFlow on every generated program: printed
output, variables, ops and errors, exactly as `scopesim verify` does.  A
failure names the seeds; `python -c "from scopesim.generate import generate;
print(generate(SEED))"` writes the program back out.  A second test re-runs
the recorded corpus in TensorFlow, so a stale recording (another TensorFlow,
or an emitter change) shows up too.
"""

from __future__ import annotations

import os
import time

import pytest

from scopesim.generate import generate
from scopesim.parser import parse
from scopesim.tf_runner import TensorFlowNotFound, find_tensorflow_python
from scopesim.verify import verify_programs

#: Programs per run: about 30 seconds, TensorFlow's import included.
COUNT = 1000
#: Version-2 programs per run (each is larger).
COUNT_V2 = 300
#: Op-library programs per run (generate(seed, version=2, ops=True)): about 45 seconds.
COUNT_OPS = 200

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def tf_python() -> str:
    try:
        return find_tensorflow_python()
    except TensorFlowNotFound as e:
        pytest.skip(str(e))


def fresh_seed_block() -> int:
    """The first seed of this run: replayable through SCOPESIM_LIVE_SEED."""
    if os.environ.get("SCOPESIM_LIVE_SEED"):
        return int(os.environ["SCOPESIM_LIVE_SEED"])
    return 1_000_000 + int(time.time()) % 1_000_000 * 1_000


def test_fresh_random_programs_agree_with_tensorflow(tf_python):
    first = fresh_seed_block()
    seeds = range(first, first + COUNT)
    print(f"\nlive TensorFlow test: seeds {first}..{first + COUNT - 1} "
          f"(replay with SCOPESIM_LIVE_SEED={first})")
    programs = [parse(generate(seed), f"seed{seed}.scope") for seed in seeds]
    failures = []
    agreed = 0
    for outcome in verify_programs(programs, tf_python):
        if outcome.status == "agree":
            agreed += 1
            continue
        report = [f"{outcome.filename}: {outcome.status} {outcome.reason}".rstrip()]
        for difference in outcome.differences:
            report.append(f"--- {difference.section} ---")
            report += difference.unified()
        failures.append("\n".join(report))
    print(f"{agreed} of {COUNT} programs agree with TensorFlow")
    assert not failures, f"{len(failures)} of {COUNT} disagree:\n\n" + "\n\n".join(failures[:10])


def test_fresh_version_2_programs_agree_with_tensorflow(tf_python):
    """Version-2 programs (functions, loops with reuse, lists, f-strings,
    templates, collections) from a seed block of their own."""
    first = fresh_seed_block() + 500
    seeds = range(first, first + COUNT_V2)
    print(f"\nlive TensorFlow test, version 2: seeds {first}..{first + COUNT_V2 - 1} "
          f"(replay with SCOPESIM_LIVE_SEED={first - 500})")
    programs = [parse(generate(seed, version=2), f"seed{seed}.scope") for seed in seeds]
    failures = [outcome for outcome in verify_programs(programs, tf_python)
                if outcome.status != "agree"]
    report = []
    for outcome in failures[:10]:
        report.append(f"{outcome.filename}: {outcome.status} {outcome.reason}".rstrip())
        for difference in outcome.differences:
            report += [f"--- {difference.section} ---"] + difference.unified()
    assert not failures, f"{len(failures)} of {COUNT_V2} disagree:\n" + "\n".join(report)


def test_fresh_op_library_programs_agree_with_tensorflow(tf_python):
    """Programs of the op library (shapes known, partly known and unknown,
    incompatible operands in try/except) from a seed block of their own."""
    first = fresh_seed_block() + 800
    seeds = range(first, first + COUNT_OPS)
    print(f"\nlive TensorFlow test, op library: seeds {first}..{first + COUNT_OPS - 1} "
          f"(replay with SCOPESIM_LIVE_SEED={first - 800})")
    programs = [parse(generate(seed, version=2, ops=True), f"seed{seed}.scope") for seed in seeds]
    failures = [outcome for outcome in verify_programs(programs, tf_python)
                if outcome.status != "agree"]
    report = []
    for outcome in failures[:10]:
        report.append(f"{outcome.filename}: {outcome.status} {outcome.reason}".rstrip())
        for difference in outcome.differences:
            report += [f"--- {difference.section} ---"] + difference.unified()
    assert not failures, f"{len(failures)} of {COUNT_OPS} disagree:\n" + "\n".join(report)


def test_recordings_are_still_what_tensorflow_says(tf_python):
    """Re-run the recorded corpus in TensorFlow: the recordings (and the
    emitter that produced them) still match the TensorFlow installed here."""
    import json
    from pathlib import Path

    from scopesim.verify import compare_results
    corpus = Path(__file__).parent / "conformance"
    cases = sorted(corpus.rglob("*.scope"))
    programs = [parse(case.read_text(encoding="utf-8"), case.relative_to(corpus).as_posix())
                for case in cases]
    stale = []
    for case, outcome in zip(cases, verify_programs(programs, tf_python)):
        recorded = json.loads(case.with_name(case.name[:-len(".scope")] + ".expected.json")
                              .read_text(encoding="utf-8"))
        if (recorded["error"] or {}).get("type") == "RecursionError" and (
                outcome.tensorflow is None
                or (outcome.tensorflow["error"] or {}).get("type") == "RecursionError"):
            # The runner cannot tell the program's recursion from its own, and
            # where the limit strikes depends on how deep the runner's stack is.
            continue
        if outcome.tensorflow is None or compare_results(recorded, outcome.tensorflow):
            stale.append(case.relative_to(corpus).as_posix())
    assert not stale, f"re-record with tools/record_tf.py: {stale}"
