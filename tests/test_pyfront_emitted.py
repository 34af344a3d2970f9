"""Every recorded `.scope` case of tests/conformance/, as the Python that
`scopesim emit` writes for it, run through the Python front end (scopesim's
`tensorflow` by the import hook), gives TensorFlow's recorded result.

The recording was made by running that same emitted text in TensorFlow
(`tools/record_tf.py`), so the comparison is the one of
`test_conformance.py`; an error's location is mapped back to `.scope`
terms through the emitter's position map, as `scopesim.tf_runner` does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scopesim.emit import emit_program
from scopesim.parser import parse
from scopesim.pyfront import PythonSyntaxError, compile_program, run_python
from scopesim.runner import on_deep_stack
from scopesim.verify import compare_results

CORPUS = Path(__file__).parent / "conformance"
CASES = sorted(CORPUS.rglob("*.scope"))
KNOWN_V2 = CORPUS / "handwritten_v2" / "KNOWN_DIFFERENCES.txt"


def _known() -> set[str]:
    return {line.split()[0] for line in KNOWN_V2.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")}


KNOWN = _known()


def case_id(case: Path) -> str:
    return case.relative_to(CORPUS).as_posix()


def _param(case: Path):
    if case.parent.name == "handwritten_v2" and case.stem in KNOWN:
        return pytest.param(case, id=case_id(case), marks=pytest.mark.xfail(
            reason="handwritten_v2/KNOWN_DIFFERENCES.txt (the .scope run differs too)"))
    return pytest.param(case, id=case_id(case))


def _located(result: dict, error, emitted) -> dict:
    """The result with its error's line and column in `.scope` terms."""
    if result["error"] is None or error is None:
        return result
    where = None
    position = (error.fields or {}).get("position")
    if position is not None:
        line, col, end_line, end_col = position
        where = emitted.positions.get((line, col, end_line, end_col))
    if where is None:
        where = emitted.line_map.get(error.line)
    line, column = where if where is not None else (None, None)
    return {**result, "error": {**result["error"], "line": line, "column": column}}


def run_emitted(case: Path) -> dict:
    program = parse(case.read_text(encoding="utf-8"), case_id(case))
    emitted = emit_program(program)
    filename = f"<emitted {case_id(case)}>"

    def go():
        try:
            code = compile_program(emitted.source, filename)
        except (PythonSyntaxError, RecursionError, MemoryError) as e:
            return e
        return run_python(emitted.source, filename, code=code)
    outcome = on_deep_stack(go)
    if not hasattr(outcome, "to_json"):
        pytest.skip(f"Python cannot compile the emitted program ({type(outcome).__name__})")
    return _located(outcome.to_json(), outcome.error, emitted)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_emitted_case_matches_tensorflow(case: Path):
    expected = json.loads(case.with_name(case.stem + ".expected.json")
                          .read_text(encoding="utf-8"))
    if "unverifiable" in expected:
        pytest.skip(expected["unverifiable"])
    differences = compare_results(expected, run_emitted(case))
    report = []
    for difference in differences:
        report.append(f"--- {difference.section} ---")
        report += difference.unified()
    assert not differences, f"{case_id(case)} (emitted) differs:\n" + "\n".join(report)
