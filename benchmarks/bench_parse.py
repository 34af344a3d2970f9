"""Parser throughput: the fast path against the tree-building path, same process.

    python benchmarks/bench_parse.py

    python benchmarks/bench_parse.py --phases

CPU time (best of three) of `scopesim.parser._parse` (the fast path: the
module built while parsing, the later copies of a repeated top-level
statement left unread, `scopesim.copies`), the same with every line read
(`parser.COPIES = False`), and, on the smaller programs, `_parse_slow`
(Lark's parse tree, then the transformer: the path every syntax error
still takes), on bench.py's programs of 1k and 10k variables and
bench_model.py's flat programs of 4 and 24 layers, with the garbage
collector paused as `parser.parse` pauses it.  CPU time, not wall time, so
that other work on the machine disturbs the comparison less.  Issue 12's
target for the fast path is 100,000 lines/s.

`--phases` splits the fast path's time: reading the text into the module
(`copies.read`: lexer, LALR loop, the builder's methods), `lowering.finish`
(the whole program's steps and the statement index) and CPython's
compile() of the module (`shared_code.compile_program`, as the parser
compiles it: a statement repeated but for its strings is compiled once).
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


def _best(fn, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def phases(text: str, rounds: int = 3) -> tuple[float, float, float]:
    """CPU seconds of the fast path's three steps (the best of `rounds` each)."""
    from scopesim import copies, lowering, parser, shared_code
    fast = parser._fast()
    best = [float("inf")] * 3
    for _ in range(rounds):
        t0 = time.process_time()
        builder = parser._ToPython("bench.scope", text)
        read = copies.read(fast, text, builder) if parser.COPIES else None
        module, parts, shapes = read if read is not None else \
            (fast.parse(text, builder), None, None)
        t1 = time.process_time()
        program = lowering.finish(module, builder.lowering, text, "bench.scope", fast=True,
                                  parts=parts)
        t2 = time.process_time()
        shared_code.compile_program(program.tree, text, "bench.scope", shapes)
        t3 = time.process_time()
        best = [min(b, t) for b, t in zip(best, (t1 - t0, t2 - t1, t3 - t2))]
    return best[0], best[1], best[2]


def _whole(text: str, filename: str):
    """The fast path without copies left unread (every line read)."""
    from scopesim import parser
    parser.COPIES = False
    try:
        return parser._parse(text, filename)
    finally:
        parser.COPIES = True


def main() -> None:
    from scopesim import parser
    from scopesim.util import gc_paused
    parser._fast()
    parser._parse_slow("x = 1\n", "warm.scope")
    programs = [("bench.py, 1k variables", bench.generate(1000), True),
                ("bench.py, 10k variables", bench.generate(10_000), False),
                ("bench_model.py flat 4x208", bench_model.flat(4, 208), True),
                ("bench_model.py flat 24x208", bench_model.flat(24, 208), False)]
    for label, text, small in programs:
        lines = text.count("\n")
        paths = [("tree path", parser._parse_slow)] if small else []
        paths += [("every line", _whole), ("fast path", parser._parse)]
        for name, parse in paths:
            with gc_paused():
                best = _best(lambda: parse(text, "bench.scope"))
            verdict = ""
            if parse is parser._parse:
                verdict = "  target ≥ 100000: " + ("met" if lines / best >= TARGET else "not met")
            print(f"{label:27} {lines:6} lines  {name:10} {best:7.3f} s  {lines / best:8.0f} lines/s"
                  f"{verdict}")
        if "--phases" in sys.argv:
            with gc_paused():
                t_read, t_finish, t_compile = phases(text)
            print(f"{'':27} {'':12} fast path: read {t_read * 1e3:.1f} ms, finish "
                  f"{t_finish * 1e3:.1f} ms, compile() {t_compile * 1e3:.1f} ms")


if __name__ == "__main__":
    sys.setrecursionlimit(100_000)
    threading.stack_size(512 * 1024 * 1024)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
