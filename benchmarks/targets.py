"""Every figure of issue 12's table, by one command.

    python benchmarks/targets.py            # start-up, parser, engine (and TensorFlow)
    python benchmarks/targets.py --no-tf    # without TensorFlow's side

It runs, each in its own process: `bench_startup.py` (the small commands'
start-up), `bench_parse.py` (parser throughput), `bench_model.py --tf` (the
10k-variable model end to end, flat and with def/for, peak memory per op,
TensorFlow on the same programs, its import included) and `bench_model.py
--growth` (growth to 1M ops).  Each prints its figures next to the target.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def section(title: str, args: list[str]) -> None:
    print(f"\n== {title}: python benchmarks/{' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(HERE / args[0]), *args[1:]], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tf", action="store_true", help="skip TensorFlow's side")
    args = parser.parse_args()
    section("start-up", ["bench_startup.py"])
    section("parser throughput", ["bench_parse.py"])
    section("engine: 10k variables, def/for against flat, memory",
            ["bench_model.py"] + ([] if args.no_tf else ["--tf"]))
    section("engine: growth to 1M ops", ["bench_model.py", "--growth"])


if __name__ == "__main__":
    main()
