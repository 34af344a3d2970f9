"""A model built with `def` and `for`, against the same model written out flat.

    python benchmarks/bench_model.py              # scopesim: loop-built and flat
    python benchmarks/bench_model.py --tf         # and TensorFlow on the same programs
    python benchmarks/bench_model.py --layers 4   # a smaller model
    python benchmarks/bench_model.py --growth     # run time at 100k and 1M ops
    python benchmarks/bench_model.py --profile looped   # cProfile of one run
    python benchmarks/bench_model.py --phases flat      # CPU time of each phase of a run
    python benchmarks/bench_model.py --rounds 5   # medians of 5 runs of each

The model is a stack of `--layers` layers (24 by default), each a scope
`layer_{i}` holding `--width` dense-like blocks (a kernel, a bias, MatMul,
add, Relu), about 10,000 variables in all.  The loop-built program says it
in a dozen lines; the flat one spells out every block.  Both must give the
same variables and ops, and the loop-built one must not cost more per
variable than the flat one.  Each measurement runs in a fresh subprocess,
so peak memory (ru_maxrss) belongs to it alone; bytes per op are the peak
beyond the baseline, the peak of the same process running a one-variable
program.  Times are wall clock and, in brackets, CPU time (the figure that
other work on the machine disturbs least).  `end to end` is `scopesim run
--format json` of the program file in a fresh process, start-up included.
`its B/op` is the same figure for that command: its peak beyond the
peak of `scopesim run` of the one-variable program (the command lets the
program's ast go before it runs it).  `--tf` runs the emitted equivalent (`scopesim emit`) in TensorFlow
(`SCOPESIM_TF_PYTHON`, or this Python if it has TensorFlow), import
included, and gives scopesim's end-to-end speed-up over it.  `--growth`
runs the loop-built model at about 100k and 1M ops (`--layers` 28 and 280,
the run alone) and prints t(1M)/t(100k).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # run from a checkout

UNITS = 8


def looped(layers: int, width: int) -> str:
    """The model with `def` and `for`."""
    return f"""\
def dense(x, units, name) <
    scope name <
        w = var kernel [x.shape[-1], units]
        b = var bias [units] initializer=zeros
        return tf.nn.relu(tf.matmul(x, w) + b)
    >
>
def layer(x, i) <
    scope f"layer_{{i}}" <
        for j in range({width}) <
            x = dense(x, {UNITS}, f"dense_{{j}}")
        >
    >
    return x
>
x = tf.placeholder(tf.float32, [None, {UNITS}], name="x")
for i in range({layers}) <
    x = layer(x, i)
>
print x
"""


def flat(layers: int, width: int) -> str:
    """The same model, every block written out."""
    lines = [f'x = tf.placeholder(tf.float32, [None, {UNITS}], name="x")']
    for i in range(layers):
        lines.append(f'scope "layer_{i}" <')
        for j in range(width):
            lines += [f'    scope "dense_{j}" <',
                      f"        w = var kernel [{UNITS}, {UNITS}]",
                      f"        b = var bias [{UNITS}] initializer=zeros",
                      "        x = tf.nn.relu(tf.matmul(x, w) + b)",
                      "    >"]
        lines.append(">")
    lines.append("print x")
    return "\n".join(lines) + "\n"


TINY = 'scope "a" < v = var w [1] >\nprint v\n'


def program(kind: str, layers: int, width: int) -> str:
    """The text of one of the programs: looped, flat, or tiny (the baseline)."""
    if kind == "tiny":
        return TINY
    return (looped if kind == "looped" else flat)(layers, width)


def measure(kind: str, layers: int, width: int) -> dict:
    """Parse and run one program in this process (wall and CPU time)."""
    from scopesim import parse, run
    text = program(kind, layers, width)
    t0, c0 = time.perf_counter(), time.process_time()
    parsed = parse(text, f"{kind}.scope")
    t1, c1 = time.perf_counter(), time.process_time()
    result = run(parsed)
    t2, c2 = time.perf_counter(), time.process_time()
    assert result.error is None, result.error
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"variables": len(result.variables), "ops": len(result.ops),
            "lines": text.count("\n"), "parse_s": round(t1 - t0, 3),
            "run_s": round(t2 - t1, 3), "total_s": round(t2 - t0, 3),
            "parse_cpu_s": round(c1 - c0, 3), "run_cpu_s": round(c2 - c1, 3),
            "us_per_variable": round((t2 - t0) / max(len(result.variables), 1) * 1e6, 1),
            "cpu_us_per_variable": round((c2 - c0) / max(len(result.variables), 1) * 1e6, 1),
            "peak_kib": peak_kib, "peak_mib": round(peak_kib / 1024, 1),
            "output": result.output}


def end_to_end(kind: str, layers: int, width: int) -> tuple[float, int]:
    """Wall time of `scopesim run --format json` on the program file (best
    of 3) and the command's peak memory (KiB, the least of the 3)."""
    with tempfile.NamedTemporaryFile("w", suffix=".scope", delete=False) as f:
        f.write(program(kind, layers, width))
    cmd = [sys.executable, "-m", "scopesim", "run", "--format", "json", f.name]
    best, peak = float("inf"), None
    for _ in range(3):
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise SystemExit(f"scopesim run failed on the {kind} program")
        best = min(best, elapsed)
        peak = usage.ru_maxrss if peak is None else min(peak, usage.ru_maxrss)
    os.unlink(f.name)
    return best, peak


def profile(kind: str, layers: int, width: int) -> None:
    """cProfile of the program's run (the program thread), by own time."""
    import cProfile
    import pstats
    from scopesim import parse, run, runner
    parsed = parse(program(kind, layers, width), f"{kind}.scope")
    prof = cProfile.Profile()
    execute = runner.Session._execute

    def profiled(self, prog):
        prof.enable()
        try:
            return execute(self, prog)
        finally:
            prof.disable()
    runner.Session._execute = profiled
    run(parsed)
    pstats.Stats(prof).sort_stats("tottime").print_stats(40)


def phases(kind: str, layers: int, width: int, rounds: int) -> None:
    """CPU time of each phase of `scopesim run --format json` in this
    process, the collector off as the command has it (medians of `rounds`
    runs of the phases after the program's own run)."""
    import gc
    from scopesim import parse
    from scopesim.runner import Session, on_deep_stack
    gc.disable()
    clock = time.process_time
    program_text = (looped if kind == "looped" else flat)(layers, width)
    c0 = clock()
    program = parse(program_text, f"{kind}.scope")
    gc.disable()                # (parse resumes the collector it paused)
    c1 = clock()
    session = Session()
    error = on_deep_stack(lambda: session._execute(program))
    c2 = clock()
    with session.graph.as_default():
        variables = session.tf.global_variables()
    times: dict = {}

    def timed(label, fn):
        start = clock()
        value = fn()
        times.setdefault(label, []).append(clock() - start)
        return value
    for _ in range(max(rounds, 1)):
        infos = timed("variable infos", lambda: session._variable_infos(variables))
        names = tuple(info.name for info in infos)
        table = timed("op table", lambda: session._op_table(variables, names))
        known = dict(zip(map(id, variables), names))
        timed("collections", lambda: session.collections(known))
        result = timed("result (all three)", lambda: session.result([], lambda: error))
        timed("json_parts", lambda: sum(map(len, result.json_parts())))
        timed("json_text", result.json_text)
        timed("ops read (OpInfos)", lambda: result.ops)
    timed("Session.release", session.release)
    print(f"{kind}: {program_text.count(chr(10))} lines, {len(infos)} variables, "
          f"{len(table.names)} ops; parse {c1 - c0:.3f} s, program run {c2 - c1:.3f} s CPU")
    for label, values in times.items():
        values.sort()
        print(f"  {label:<20} {values[len(values) // 2] * 1e3:8.1f} ms CPU")


def measure_tf(kind: str, layers: int, width: int) -> dict:
    """Run the emitted program in TensorFlow, import included."""
    from scopesim import parse
    from scopesim.emit import emit
    from scopesim.tf_runner import find_tensorflow_python
    text = (looped if kind == "looped" else flat)(layers, width)
    source = emit(parse(text, f"{kind}.scope"))
    python = find_tensorflow_python()
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source + "\nimport resource as _r, sys as _s\n"
                "print('peak_kib', _r.getrusage(_r.RUSAGE_SELF).ru_maxrss, file=_s.stderr)\n")
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    t0 = time.perf_counter()
    done = subprocess.run([python, f.name], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t0
    os.unlink(f.name)
    if done.returncode:
        raise SystemExit(f"TensorFlow failed on the {kind} program:\n{done.stderr[-2000:]}")
    peak = int(done.stderr.rsplit("peak_kib", 1)[1].split()[0])
    return {"total_s": round(elapsed, 2), "peak_mib": round(peak / 1024, 1),
            "output": done.stdout.splitlines()}


def _in_subprocess(what: str, kind: str, layers: int, width: int, rounds: int = 1) -> dict:
    """One measurement in a fresh process; with `rounds`, that many, and the
    median of each time and of the peak memory (other work on the machine
    disturbs single runs)."""
    runs = []
    for _ in range(max(rounds, 1)):
        out = subprocess.run([sys.executable, __file__, "--one", what, kind, "--layers",
                              str(layers), "--width", str(width)],
                             check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout))
    result = dict(runs[0])
    for key in ("parse_s", "run_s", "total_s", "parse_cpu_s", "run_cpu_s", "us_per_variable",
                "cpu_us_per_variable", "peak_kib", "peak_mib"):
        if key in result:
            values = sorted(r[key] for r in runs)
            result[key] = values[len(values) // 2]
    return result


def _bytes_per_op(r: dict, base: dict) -> int:
    return round((r["peak_kib"] - base["peak_kib"]) * 1024 / max(r["ops"] - base["ops"], 1))


def growth(width: int, rounds: int = 1) -> None:
    """Run time of the loop-built model at about 100k and 1M ops."""
    small, big = (_in_subprocess("scopesim", "looped", n, width, rounds) for n in (28, 280))
    print(f"{'ops':>9} {'run s':>8} {'run cpu s':>10} {'µs/op (cpu)':>12} {'peak MiB':>9}")
    for r in (small, big):
        print(f"{r['ops']:>9} {r['run_s']:>8} {r['run_cpu_s']:>10} "
              f"{r['run_cpu_s'] / r['ops'] * 1e6:>12.1f} {r['peak_mib']:>9}")
    print(f"t(1M)/t(100k): {big['run_s'] / small['run_s']:.1f} wall, "
          f"{big['run_cpu_s'] / small['run_cpu_s']:.1f} CPU "
          f"(ops x{big['ops'] / small['ops']:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=24)
    parser.add_argument("--width", type=int, default=208, help="dense blocks per layer")
    parser.add_argument("--tf", action="store_true", help="also run TensorFlow")
    parser.add_argument("--growth", action="store_true", help="run time at 100k and 1M ops")
    parser.add_argument("--profile", choices=("looped", "flat"), help="cProfile of one run")
    parser.add_argument("--phases", choices=("looped", "flat"),
                        help="CPU time of each phase of a run, after the program's too")
    parser.add_argument("--rounds", type=int, default=1,
                        help="runs of each measurement (the medians are shown)")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        what, kind = args.one
        fn = measure_tf if what == "tf" else measure
        print(json.dumps(fn(kind, args.layers, args.width)))
        return
    if args.profile:
        profile(args.profile, args.layers, args.width)
        return
    if args.phases:
        phases(args.phases, args.layers, args.width, args.rounds)
        return
    if args.growth:
        growth(args.width, args.rounds)
        return
    base = _in_subprocess("scopesim", "tiny", args.layers, args.width, args.rounds)
    base_command_kib = end_to_end("tiny", args.layers, args.width)[1]
    print(f"{'program':>8} {'lines':>7} {'variables':>10} {'ops':>8} {'parse s (cpu)':>15} "
          f"{'run s (cpu)':>15} {'µs/var (cpu)':>15} {'peak MiB':>9} {'B/op':>6} "
          f"{'end to end s':>13} {'its B/op':>9}")
    results = {}
    for kind in ("looped", "flat"):
        r = results[kind] = _in_subprocess("scopesim", kind, args.layers, args.width,
                                           args.rounds)
        r["end_to_end_s"], command_kib = end_to_end(kind, args.layers, args.width)
        command_bytes = _bytes_per_op({"peak_kib": command_kib, "ops": r["ops"]},
                                      {"peak_kib": base_command_kib, "ops": base["ops"]})
        print(f"{kind:>8} {r['lines']:>7} {r['variables']:>10} {r['ops']:>8} "
              f"{r['parse_s']:>7} ({r['parse_cpu_s']:>5}) {r['run_s']:>7} ({r['run_cpu_s']:>5}) "
              f"{r['us_per_variable']:>7} ({r['cpu_us_per_variable']:>5}) "
              f"{r['peak_mib']:>9} {_bytes_per_op(r, base):>6} {r['end_to_end_s']:>13.2f} "
              f"{command_bytes:>9}")
    print(f"baseline (one variable): peak {base['peak_mib']} MiB in this measure, "
          f"{base_command_kib / 1024:.1f} MiB as a command")
    if results["looped"]["output"] != results["flat"]["output"]:
        raise SystemExit("the two programs printed different things")
    if args.tf:
        for kind in ("looped", "flat"):
            r = _in_subprocess("tf", kind, args.layers, args.width)
            same = "same output" if r["output"] == results[kind]["output"] else "DIFFERENT output"
            ratio = r["total_s"] / results[kind]["end_to_end_s"]
            print(f"TensorFlow, {kind}: {r['total_s']} s, peak {r['peak_mib']} MiB ({same}); "
                  f"scopesim end to end is {ratio:.0f}x faster")


if __name__ == "__main__":
    main()
