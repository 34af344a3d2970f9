"""Throughput and memory of scopesim on generated programs.

    python benchmarks/bench.py                 # 1k, 10k and 100k variables
    python benchmarks/bench.py --sizes 1000    # just one size
    python benchmarks/bench.py --startup       # start-up: --version, a tiny run (bench_startup.py)

Each size runs in a fresh subprocess so that peak memory (ru_maxrss) belongs
to that size alone.  The generated program nests scopes ten deep, re-enters
them by string and by handle, shares every variable once with `reuse`, and
uses ops with number operands, so every naming rule is on the hot path.
Cost per statement should stay flat as the program grows (linear total cost).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # run from a checkout

def generate(n_variables: int) -> str:
    """A program with `n_variables` get_variable calls in nested scopes."""
    lines = []
    per_block = 10
    blocks = n_variables // per_block
    for b in range(blocks):
        depth = 1 + b % 10
        for d in range(depth):
            lines.append(f'{"  " * d}scope "layer{b}_{d}" <')
        indent = "  " * depth
        for i in range(per_block // 2):
            lines.append(f"{indent}w{i} = var w{i} [4, 4] initializer=zeros")
            lines.append(f"{indent}b{i} = var b{i} [4] initializer=zeros")
        lines.append(f"{indent}reuse")
        lines.append(f"{indent}s = w0 + 1.0")
        for d in reversed(range(depth)):
            lines.append(f'{"  " * d}>')
        # sharing the variables again through the same string scopes
        lines.append(f'scope "layer{b}_0" reuse=auto < x = var w0_shared [1] >')
    return "\n".join(lines) + "\n"


def measure(n_variables: int) -> dict:
    """Run one size in this process; return timings and peak memory."""
    from scopesim import parse, run
    text = generate(n_variables)
    statements = text.count("\n")
    t0, c0 = time.perf_counter(), time.process_time()
    program = parse(text, f"bench{n_variables}.scope")
    t1, c1 = time.perf_counter(), time.process_time()
    result = run(program)
    t2, c2 = time.perf_counter(), time.process_time()
    assert result.error is None, result.error
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"variables": len(result.variables), "ops": len(result.ops), "lines": statements,
            "parse_s": round(t1 - t0, 3), "run_s": round(t2 - t1, 3),
            "parse_cpu_s": round(c1 - c0, 3), "run_cpu_s": round(c2 - c1, 3),
            "run_cpu_us_per_op": round((c2 - c1) / max(len(result.ops), 1) * 1e6, 1),
            "lines_per_s": int(statements / (t2 - t0)), "peak_mib": round(peak_kib / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--startup", action="store_true")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    if args.startup:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bench_startup import main as startup
        startup([])
        return
    print(f"{'variables':>10} {'ops':>9} {'parse s':>8} {'run s':>8} {'run cpu s':>10} "
          f"{'cpu µs/op':>10} {'lines/s':>9} {'peak MiB':>9}")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out)
        print(f"{r['variables']:>10} {r['ops']:>9} {r['parse_s']:>8} {r['run_s']:>8} "
              f"{r['run_cpu_s']:>10} {r['run_cpu_us_per_op']:>10} {r['lines_per_s']:>9} "
              f"{r['peak_mib']:>9}")


if __name__ == "__main__":
    main()
