"""The samples: each passes `scopesim check`, and each one's expected output
is what its TensorFlow equivalent (samples/tf/) printed."""

import importlib.util
import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from scopesim.check import check_paths, split_expectation

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TF_DIR = SAMPLES / "tf"
SAMPLE_FILES = sorted(SAMPLES.glob("*.scope"))
ORIGINALLY = "Originally defined at:"


def test_the_tutorial_samples_are_all_there():
    assert [p.name[:2] for p in SAMPLE_FILES] == [f"{n:02}" for n in range(1, 15)]


def test_samples_pass_check(monkeypatch):
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    status = check_paths(["samples"], False, Console(file=out, width=200, color_system=None))
    assert status == 0, out.getvalue()


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_expectation_is_what_tensorflow_printed(sample):
    """The block equals the TF record, except after "Originally defined at:"
    where TensorFlow names Python frames and scopesim the `.scope` line: there
    both must point at the same line of a file of the same name."""
    _, expected = split_expectation(sample.read_text())
    record = (TF_DIR / (sample.stem + ".out")).read_text().splitlines()
    assert expected is not None
    cut = _originally_defined_at(record)
    assert _originally_defined_at(expected) == cut
    assert expected[:cut] == record[:cut]
    assert _frames(expected[cut:]) == _frames(record[cut:])


def _originally_defined_at(lines):
    """Index just after the line that ends in "Originally defined at:"."""
    for index, line in enumerate(lines):
        if line.rstrip().endswith(ORIGINALLY):
            return index + 1
    return len(lines)


def _frames(lines):
    """(file stem, line) of each `File "…", line N` of a traceback part."""
    return re.findall(r'File "([^"]+)\.(?:py|scope)", line (\d+)', "\n".join(lines))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_sample_has_a_tensorflow_equivalent(sample):
    assert (TF_DIR / (sample.stem + ".py")).is_file()
    assert (TF_DIR / (sample.stem + ".out")).is_file()


@pytest.mark.tf
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_tensorflow_records_are_current(sample):
    """Re-run each TensorFlow equivalent: it still prints its record."""
    from scopesim.tf_runner import TensorFlowNotFound, find_tensorflow_python
    try:
        python = find_tensorflow_python()
    except TensorFlowNotFound as error:
        pytest.skip(str(error))
    spec = importlib.util.spec_from_file_location("record_samples", TF_DIR / "record.py")
    recorder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recorder)
    script = TF_DIR / (sample.stem + ".py")
    assert recorder.record(script, python) == script.with_suffix(".out").read_text().splitlines()
