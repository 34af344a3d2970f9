"""A model built with `def` and `for`, against the same model written out flat.

    python benchmarks/bench_model.py              # scopesim: loop-built and flat
    python benchmarks/bench_model.py --tf         # and TensorFlow on the same programs
    python benchmarks/bench_model.py --layers 4   # a smaller model

The model is a stack of `--layers` layers (24 by default), each a scope
`layer_{i}` holding `--width` dense-like blocks (a kernel, a bias, MatMul,
add, Relu), about 10,000 variables in all.  The loop-built program says it
in a dozen lines; the flat one spells out every block.  Both must give the
same variables and ops, and the loop-built one must not cost more per
variable than the flat one.  Each measurement runs in a fresh subprocess,
so peak memory (ru_maxrss) belongs to it alone.  `--tf` runs the emitted
equivalent (`scopesim emit`) in TensorFlow (`SCOPESIM_TF_PYTHON`, or this
Python if it has TensorFlow), import included.
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


def measure(kind: str, layers: int, width: int) -> dict:
    """Parse and run one program in this process."""
    from scopesim import parse, run
    text = (looped if kind == "looped" else flat)(layers, width)
    t0 = time.perf_counter()
    program = parse(text, f"{kind}.scope")
    t1 = time.perf_counter()
    result = run(program)
    t2 = time.perf_counter()
    assert result.error is None, result.error
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"variables": len(result.variables), "ops": len(result.ops),
            "lines": text.count("\n"), "parse_s": round(t1 - t0, 3),
            "run_s": round(t2 - t1, 3), "total_s": round(t2 - t0, 3),
            "us_per_variable": round((t2 - t0) / max(len(result.variables), 1) * 1e6, 1),
            "peak_mib": round(peak_kib / 1024, 1), "output": result.output}


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


def _in_subprocess(what: str, kind: str, layers: int, width: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", what, kind, "--layers", str(layers),
                          "--width", str(width)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=24)
    parser.add_argument("--width", type=int, default=208, help="dense blocks per layer")
    parser.add_argument("--tf", action="store_true", help="also run TensorFlow")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        what, kind = args.one
        fn = measure_tf if what == "tf" else measure
        print(json.dumps(fn(kind, args.layers, args.width)))
        return
    print(f"{'program':>8} {'lines':>7} {'variables':>10} {'ops':>8} {'parse s':>8} "
          f"{'run s':>7} {'µs/var':>7} {'peak MiB':>9}")
    results = {}
    for kind in ("looped", "flat"):
        r = results[kind] = _in_subprocess("scopesim", kind, args.layers, args.width)
        print(f"{kind:>8} {r['lines']:>7} {r['variables']:>10} {r['ops']:>8} {r['parse_s']:>8} "
              f"{r['run_s']:>7} {r['us_per_variable']:>7} {r['peak_mib']:>9}")
    if results["looped"]["output"] != results["flat"]["output"]:
        raise SystemExit("the two programs printed different things")
    if args.tf:
        for kind in ("looped", "flat"):
            r = _in_subprocess("tf", kind, args.layers, args.width)
            same = "same output" if r["output"] == results[kind]["output"] else "DIFFERENT output"
            print(f"TensorFlow, {kind}: {r['total_s']} s, peak {r['peak_mib']} MiB ({same})")


if __name__ == "__main__":
    main()
