"""Every TF1 Python program of tests/pycorpus/ gives TensorFlow's recorded result.

`NAME.expected.json` is what TensorFlow 2.21 did with `NAME.py`
(`~/tfvenv/bin/python tools/record_py.py tests/pycorpus/*.py`); here the
program runs under scopesim's `tensorflow` (the import hook of
`scopesim.pyfront`) and the two results must agree section by section
(`scopesim.verify.compare_results`: printed lines, variables, ops,
collections, the uncaught error).  No TensorFlow is needed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scopesim.pyfront import run_python
from scopesim.verify import compare_results

CORPUS = Path(__file__).parent / "pycorpus"
PROGRAMS = sorted(CORPUS.glob("*.py"))
KNOWN_DIFFERENCES = CORPUS / "KNOWN_DIFFERENCES.txt"


def read_known() -> dict[str, str]:
    """Program name -> why it does not agree yet (xfail, strict)."""
    known = {}
    for line in KNOWN_DIFFERENCES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, why = line.strip().partition(" ")
            known[name] = why.strip()
    return known


KNOWN = read_known()


def _param(path: Path):
    if path.stem in KNOWN:
        return pytest.param(path, id=path.stem, marks=pytest.mark.xfail(
            strict=True, reason=f"KNOWN_DIFFERENCES.txt: {KNOWN[path.stem]}"))
    return pytest.param(path, id=path.stem)


def run_in_corpus(path: Path) -> dict:
    """scopesim's result for one program, run as the recorder ran it (from
    its folder, under its base name)."""
    cwd = os.getcwd()
    os.chdir(path.parent)
    try:
        return run_python(path.read_text(encoding="utf-8"), path.name).to_json()
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("path", [_param(p) for p in PROGRAMS])
def test_program_matches_tensorflow(path: Path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    differences = compare_results(expected, run_in_corpus(path))
    report = []
    for difference in differences:
        report.append(f"--- {difference.section} ---")
        report += difference.unified()
    assert not differences, f"{path.name} differs from TensorFlow:\n" + "\n".join(report)


def test_corpus_has_ten_programs_each_recorded():
    assert len(PROGRAMS) >= 10
    missing = [p.name for p in PROGRAMS if not p.with_suffix(".expected.json").exists()]
    assert not missing, f"record them with tools/record_py.py: {missing}"
    assert len([p for p in PROGRAMS if p.stem not in KNOWN]) >= 10
    assert set(KNOWN) <= {p.stem for p in PROGRAMS}


def test_the_readme_model_is_the_recorded_corpus_program():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n# model.py\n", 1)[1].split("```", 1)[0]
    assert block == (CORPUS / "readme_model.py").read_text(encoding="utf-8")
    expected = json.loads((CORPUS / "readme_model.expected.json").read_text(encoding="utf-8"))
    assert expected["output"][0] in readme
