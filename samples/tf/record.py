"""Run the TensorFlow equivalents of the samples and record what they print.

    /path/to/tf-venv/bin/python samples/tf/record.py [NN_name.py ...]

Runs each script (all `NN_*.py` beside this file by default) with the
Python running this file, in this folder, and writes `NN_name.out` beside
it in the expectation form of `scopesim check` (see samples/README.md):
`#| line` for each printed line, `#! Type: message` for the uncaught error
the script ends in.  Python shows the script's absolute path in tracebacks;
it is replaced by the file's base name, so the record does not depend on
where the repository is.  tests/test_samples.py compares these records
with the samples' own expectations.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def marked(prefix: str, line: str) -> str:
    return f"{prefix} {line}" if line else prefix


def uncaught_error(stderr: str) -> str | None:
    """The exception text Python printed after the last traceback, or None."""
    lines = stderr.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent call last):")]
    if not starts:
        return None
    index = starts[-1] + 1
    while index < len(lines) and (lines[index].startswith(" ") or not lines[index]):
        index += 1
    text = "\n".join(lines[index:])
    return text[:-1] if text.endswith("\n") else text


def record(script: Path, python: str = sys.executable) -> list[str]:
    """The `#|`/`#!` lines of what `script` printed when run by `python`."""
    environment = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0")
    done = subprocess.run([python, script.name], cwd=script.parent, env=environment,
                          capture_output=True, text=True)
    lines = [marked("#|", line) for line in done.stdout.split("\n")[:-1]]
    error = uncaught_error(done.stderr) if done.returncode else None
    if done.returncode and error is None:
        raise SystemExit(f"{script.name} failed without a traceback:\n{done.stderr}")
    if error == "ModuleNotFoundError: No module named 'tensorflow'":
        raise SystemExit(f"{python} has no tensorflow: run this file with the Python of a "
                         "TensorFlow 2.21 venv (no record was written)")
    if error is not None:
        error = error.replace(str(script.resolve()), script.name)
        lines += [marked("#!", line) for line in error.split("\n")]
    return lines


def main(arguments: list[str]) -> None:
    scripts = [HERE / name for name in arguments] or sorted(HERE.glob("[0-9][0-9]_*.py"))
    for script in scripts:
        lines = record(script)
        script.with_suffix(".out").write_text("".join(line + "\n" for line in lines))
        print(f"== {script.name}")
        print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
