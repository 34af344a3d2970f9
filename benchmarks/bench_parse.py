"""Parser throughput: the fast path against the tree-building path, same process.

    python benchmarks/bench_parse.py

CPU time (best of three) of `scopesim.parser._parse` (the module built while
parsing) and `_parse_slow` (Lark's parse tree, then the transformer: the path
every syntax error still takes) on bench.py's and bench_model.py's flat
programs.  CPU time, not wall time, so that other work on the machine
disturbs the comparison less.  Issue 12's target for the fast path is
100,000 lines/s.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import bench  # noqa: E402
import bench_model  # noqa: E402

TARGET = 100_000    # lines per second (issue 12)


def main() -> None:
    from scopesim import parser
    parser._fast()
    parser._parse_slow("x = 1\n", "warm.scope")
    programs = [("bench.py, 1k variables", bench.generate(1000)),
                ("bench_model.py flat 4x208", bench_model.flat(4, 208))]
    for label, text in programs:
        lines = text.count("\n")
        for name, parse in (("tree path", parser._parse_slow), ("fast path", parser._parse)):
            best = float("inf")
            for _ in range(3):
                t0 = time.process_time()
                parse(text, "bench.scope")
                best = min(best, time.process_time() - t0)
            verdict = ""
            if parse is parser._parse:
                verdict = "  target ≥ 100000: " + ("met" if lines / best >= TARGET else "not met")
            print(f"{label:26} {lines:6} lines  {name:10} {best:7.3f} s  {lines / best:8.0f} lines/s"
                  f"{verdict}")


if __name__ == "__main__":
    sys.setrecursionlimit(100_000)
    threading.stack_size(512 * 1024 * 1024)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
