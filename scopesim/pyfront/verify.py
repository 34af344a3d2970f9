"""`scopesim verify FILE.py`: a Python program in scopesim's `tensorflow` and in real TensorFlow.

The program runs as it stands in both: in scopesim through `run_python`,
and in TensorFlow (the interpreter `scopesim.tf_runner.find_tensorflow_python`
finds) through `tf_pyrunner.py`, which imports TensorFlow once with
`TF_USE_LEGACY_KERAS=1` and runs each program in a forked child, so each
starts in TensorFlow's fresh state (eager until it turns graph mode on).
The two results are compared by `scopesim.verify.compare_results`, section
by section, as for `.scope` programs.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import traceback

RUNNER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tf_pyrunner.py")

#: Runs the runner as a script without its directory or the current one on sys.path.
_LAUNCH = ("import sys, runpy; sys.path[:] = [p for p in sys.path if p not in ('', '.')]; "
           "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')")


def python_job(job_id: str, source: str, filename: str, argv=()) -> dict:
    return {"id": job_id, "source": source, "filename": filename, "argv": list(argv),
            "directory": os.path.dirname(os.path.abspath(filename))}


def run_python_jobs(jobs: list[dict], python: str, timeout: float | None = None):
    """Yield (job id, payload) for each job in order: {"result": {...}} or
    {"unverifiable": "..."} (also for every job the runner did not reach)."""
    if not jobs:
        return
    with tempfile.TemporaryDirectory(prefix="scopesim-tfpy-") as tmp:
        jobs_path = os.path.join(tmp, "jobs.json")
        with open(jobs_path, "w", encoding="utf-8") as f:
            json.dump(jobs, f)
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONIOENCODING="utf-8",
                   PYTHONWARNINGS="ignore", TF_USE_LEGACY_KERAS="1")
        done = set()
        with open(os.path.join(tmp, "stderr"), "w+", encoding="utf-8",
                  errors="replace") as stderr:
            process = subprocess.Popen([python, "-c", _LAUNCH, RUNNER, jobs_path],
                                       stdout=subprocess.PIPE, stderr=stderr, env=env,
                                       text=True, encoding="utf-8")
            try:
                for line in process.stdout:
                    if not line.startswith("{"):
                        continue
                    message = json.loads(line)
                    if "id" in message:
                        done.add(message["id"])
                        yield message["id"], {k: v for k, v in message.items() if k != "id"}
                process.wait(timeout=timeout)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
            stderr.seek(0)
            tail = stderr.read()[-2000:].strip()
        for one in jobs:
            if one["id"] not in done:
                why = (f"TensorFlow stopped before this program (exit status "
                       f"{process.returncode})" + (f":\n{tail}" if tail else ""))
                yield one["id"], {"unverifiable": why}


def run_scopesim_python(source: str, filename: str) -> dict:
    """scopesim's result in the contract's JSON; a crash of scopesim itself is
    an error of type `scopesim crashed`, which TensorFlow never matches."""
    from .runner import run_python
    try:
        return run_python(source, filename).to_json()
    except Exception:  # noqa: BLE001 - a crash is a finding
        return {"output": [], "variables": [], "ops": [], "collections": {},
                "error": {"type": "scopesim crashed", "message": traceback.format_exc(),
                          "line": None, "column": None}}


def verify_python_programs(programs: list[tuple[str, str]], tf_python: str):
    """Compare scopesim with TensorFlow on each (filename, source); yield a
    `scopesim.verify.Outcome` per program, in order."""
    from ..verify import Outcome, compare_results
    jobs = [python_job(str(index), source, filename)
            for index, (filename, source) in enumerate(programs)]
    for job_id, payload in run_python_jobs(jobs, tf_python):
        filename, source = programs[int(job_id)]
        if "unverifiable" in payload:
            yield Outcome(filename, "unverifiable", reason=payload["unverifiable"])
            continue
        tensorflow = payload["result"]
        scopesim = run_scopesim_python(source, filename)
        differences = compare_results(tensorflow, scopesim)
        yield Outcome(filename, "differ" if differences else "agree", differences,
                      tensorflow=tensorflow, scopesim=scopesim)
