"""Start-up: wall and CPU time of the small commands of issue 12's table.

    python benchmarks/bench_startup.py            # 21 rounds
    python benchmarks/bench_startup.py --rounds 51
    python benchmarks/bench_startup.py --instructions   # and each command's instruction count
    python benchmarks/bench.py --startup          # the same

Each command runs in a fresh process, with its output going to a pipe (not a
terminal), the console script `scopesim` next to this Python (else
`python -m scopesim`), and the bytecode caches written (a warm-up run first,
PYTHONDONTWRITEBYTECODE dropped: an installed package has them).  The
commands are interleaved round by round, so that load from other work on
the machine falls on all of them alike; the figures are medians, wall time
and the CPU time of the child (user + system), which that load disturbs
least.  `python -c pass` is the interpreter's own floor.  `--instructions` adds the
instructions each command executes (valgrind's callgrind, one run each):
a figure that other work on the machine does not move at all, for
comparing two versions of the code on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TINY_SCOPE = 'scope "scope1" < v = var variable1 [1] >\nprint v\n'
TINY_PY = ("import tensorflow as tf\n"
           "tf.compat.v1.disable_v2_behavior()\n"
           'with tf.compat.v1.variable_scope("scope1"):\n'
           '    v = tf.compat.v1.get_variable("variable1", [1])\n'
           "print(v.name)\n")


def scopesim_command() -> list[str]:
    script = Path(sys.executable).parent / "scopesim"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "scopesim"]


def cases(folder: Path) -> list[tuple[str, list[str], int | None]]:
    """(label, command, target in ms)"""
    scope, py = folder / "tiny.scope", folder / "model.py"
    scope.write_text(TINY_SCOPE, encoding="utf-8")
    py.write_text(TINY_PY, encoding="utf-8")
    s = scopesim_command()
    return [("python -c pass (the floor)", [sys.executable, "-c", "pass"], None),
            ("scopesim --version", [*s, "--version"], 40),
            ("scopesim run tiny.scope (text)", [*s, "run", str(scope)], 60),
            ("scopesim run tiny.scope (json)", [*s, "run", "--format", "json", str(scope)], 60),
            ("scopesim run model.py (tiny)", [*s, "run", str(py)], 80)]


def timed(command: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, child CPU seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n"
                         f"{done.stderr.decode(errors='replace')}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(rounds: int) -> list[tuple[str, int | None, float, float]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        table = cases(Path(tmp))
        for _, command, _ in table:          # warm-up: bytecode caches, page cache
            timed(command, env)
            timed(command, env)
        walls = {label: [] for label, _, _ in table}
        cpus = {label: [] for label, _, _ in table}
        for _ in range(rounds):
            for label, command, _ in table:
                wall, cpu = timed(command, env)
                walls[label].append(wall)
                cpus[label].append(cpu)
    return [(label, target, statistics.median(walls[label]), statistics.median(cpus[label]))
            for label, _, target in table]


def instructions() -> dict[str, int]:
    """label -> instructions executed by the command (callgrind's count)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, command, _ in cases(Path(tmp)):
            timed(command, env)         # bytecode caches written
            done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                                   *command], capture_output=True, env=env, text=True)
            found = re.search(r"Collected : (\d+)", done.stderr)
            if done.returncode != 0 or found is None:
                raise SystemExit(f"valgrind failed on {' '.join(command)}:\n{done.stderr}")
            counts[label] = int(found.group(1))
    return counts


def report(rows, counts: dict | None = None) -> None:
    extra = f" {'instr. M':>9}" if counts else ""
    print(f"{'command':34} {'wall ms':>8} {'cpu ms':>8} {'target':>8}{extra}")
    for label, target, wall, cpu in rows:
        goal = f"≤ {target}" if target else ""
        verdict = "" if target is None else ("  met" if wall * 1000 <= target else "  not met")
        line = f"{label:34} {wall * 1000:8.1f} {cpu * 1000:8.1f} {goal:>8}{verdict}"
        if counts:
            line = f"{line:68} {counts[label] / 1e6:9.1f}"
        print(line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions (needs valgrind)")
    args = parser.parse_args(argv)
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind")
    rows = measure(args.rounds)
    report(rows, instructions() if args.instructions else None)


if __name__ == "__main__":
    main()
