"""How fast `scopesim keys` lists a big checkpoint, and `scopesim diff` compares two.

    python benchmarks/bench_checkpoint.py [N] [--repeat R]   # N keys (100000), best of R (3)

No TensorFlow: the index is written by the small table writer below, as
TensorFlow's bundle writer lays it out (tsl/lib/io/table_builder.cc,
block_builder.cc: a restart every 16 entries, a data block closed after
262144 bytes, no compression, masked CRC-32C trailers, the index block's
keys the blocks' last keys, an empty metaindex block, the 48-byte footer).
Each figure is CPU seconds and wall seconds, the best of R runs (CPU time
is what other work on the machine disturbs least).  It reports reading
the index (CRC-32C included), rendering the keys as `keys` does, and the
whole `scopesim keys` command in a fresh process (start-up included, and
`scopesim --help` for the start-up alone).  Then `diff`: two checkpoints of
N keys each (a tenth of B's keys another shape, a few hundred renamed),
compared in this process and by the whole `scopesim diff` command (also on
their keys saved as JSON key lists); `--suggest-map` of a model whose N
keys moved from `model/encoder/` to `enc/` (a key list file) against the
checkpoint (one scope entry), and of B's key list against A's checkpoint
(a map of many scope entries that cannot load the renamed keys).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from scopesim.checkpoint import read_checkpoint  # noqa: E402
from scopesim.checkpoint.crc32c import crc32c, mask  # noqa: E402
from scopesim.checkpoint.diff import compare  # noqa: E402
from scopesim.checkpoint.suggest import suggest  # noqa: E402
from scopesim.checkpoint.keys import render  # noqa: E402
from scopesim.checkpoint.table import MAGIC  # noqa: E402


def _varint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _field(number: int, wire: int, payload: bytes) -> bytes:
    return _varint(number << 3 | wire) + payload


def entry_proto(dtype: int, shape: list[int], offset: int, size: int) -> bytes:
    dims = b"".join(_field(2, 2, _varint(len(d)) + d)
                    for d in (_field(1, 0, _varint(s)) for s in shape))
    out = _field(1, 0, _varint(dtype)) + _field(2, 2, _varint(len(dims)) + dims)
    if offset:
        out += _field(4, 0, _varint(offset))
    return out + _field(5, 0, _varint(size)) + _field(6, 5, (offset * 2654435761 % 2**32)
                                                      .to_bytes(4, "little"))


def _block(entries: list[tuple[bytes, bytes]]) -> bytes:
    out = bytearray()
    restarts = []
    previous = b""
    for i, (key, value) in enumerate(entries):
        if i % 16 == 0:
            restarts.append(len(out))
            shared = 0
        else:
            shared = 0
            limit = min(len(previous), len(key))
            while shared < limit and previous[shared] == key[shared]:
                shared += 1
        out += _varint(shared) + _varint(len(key) - shared) + _varint(len(value))
        out += key[shared:] + value
        previous = key
    for r in restarts or [0]:
        out += r.to_bytes(4, "little")
    out += len(restarts or [0]).to_bytes(4, "little")
    return bytes(out)


def write_table(path: str, entries: list[tuple[bytes, bytes]]) -> None:
    """An uncompressed table of the sorted `entries`."""
    data = bytearray()
    index = []

    def flush(block_entries):
        contents = _block(block_entries)
        handle = _varint(len(data)) + _varint(len(contents))
        data.extend(contents + b"\0" + mask(crc32c(contents + b"\0")).to_bytes(4, "little"))
        index.append((block_entries[-1][0], handle))

    pending, size = [], 0
    for key, value in entries:
        pending.append((key, value))
        size += len(key) + len(value) + 3
        if size >= 262144:
            flush(pending)
            pending, size = [], 0
    if pending:
        flush(pending)
    handles = []
    for block in ([], index):
        contents = _block(block)
        handles.append(_varint(len(data)) + _varint(len(contents)))
        data.extend(contents + b"\0" + mask(crc32c(contents + b"\0")).to_bytes(4, "little"))
    footer = handles[0] + handles[1]
    footer += bytes(40 - len(footer)) + MAGIC.to_bytes(8, "little")
    with open(path, "wb") as f:
        f.write(bytes(data) + footer)


def synthetic_keys(n: int) -> list[tuple[str, list[int]]]:
    """n names as a big model has them: layers of kernels and biases with Adam slots."""
    keys = [("global_step", []), ("beta1_power", []), ("beta2_power", [])]
    layer = 0
    while len(keys) < n:
        for var, shape in (("kernel", [512, 512]), ("bias", [512])):
            for slot in ("", "/Adam", "/Adam_1"):
                keys.append((f"model/encoder/layer_{layer:05d}/dense/{var}{slot}", shape))
        layer += 1
    return sorted(keys[:n])


def write_checkpoint(prefix: str, keys: list[tuple[str, list[int]]]) -> None:
    """An index of float32 tensors `keys` (sorted by name)."""
    header = (b"", b"\x08\x01\x1a\x02\x08\x01")
    entries, offset = [header], 0
    for name, shape in keys:
        size = 4
        for d in shape:
            size *= d
        entries.append((name.encode(), entry_proto(1, shape, offset, size)))
        offset += size
    write_table(prefix + ".index", entries)


def _best(repeat: int, run) -> tuple[float, float]:
    """(CPU, wall) seconds of the fastest of `repeat` calls of run() (by CPU)."""
    best = None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        run()
        took = (time.process_time() - cpu, time.perf_counter() - wall)
        if best is None or took[0] < best[0]:
            best = took
    return best


def _command(repeat: int, *args) -> tuple[float, float]:
    """(CPU, wall) seconds of `scopesim ARGS` in a fresh process, the best of `repeat`."""
    best = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c",
                               "import sys; from scopesim.cli import main; main(sys.argv[1:])",
                               *args], capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert done.returncode in (0, 1), done.stderr
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        if best is None or cpu < best[0]:
            best = (cpu, wall)
    return best


def _fig(took: tuple[float, float]) -> str:
    return f"{took[0]:.3f}s CPU ({took[1]:.3f}s wall)"


def bench_keys(tmp: str, n: int, repeat: int) -> list[str]:
    """Reading an N-key index, rendering its keys, and `scopesim keys`."""
    prefix = os.path.join(tmp, "model.ckpt-1")
    write_checkpoint(prefix, synthetic_keys(n))
    index_bytes = os.path.getsize(prefix + ".index")
    read = _best(repeat, lambda: read_checkpoint(prefix).variables())
    ckpt = read_checkpoint(prefix)
    keys = ckpt.variables()
    shown = _best(repeat, lambda: render(keys, "text", ckpt.prefix))
    assert len(ckpt.tensors) == n and render(keys, "text", ckpt.prefix).count("\n") == n
    startup = _command(repeat, "--help")
    whole = _command(repeat, "keys", prefix)
    whole_json = _command(repeat, "keys", prefix, "--format", "json")
    return [f"{n} keys, index {index_bytes / 1e6:.1f} MB: read and list (CRC-32C included) "
            f"{_fig(read)}, render text {_fig(shown)}",
            f"`scopesim keys` {_fig(whole)}, --format json {_fig(whole_json)}; start-up alone "
            f"(`scopesim --help`) {_fig(startup)}"]


def bench_diff(tmp: str, n: int, repeat: int) -> list[str]:
    """diff of two N-key checkpoints, and --suggest-map of a renamed N-key model."""
    a_keys = synthetic_keys(n)
    b_keys = [(name.replace("layer_000", "block_000") if i % 500 == 0 else name,
               [s + 1 for s in shape] if i % 10 == 0 else shape)
              for i, (name, shape) in enumerate(a_keys)]
    b_keys.sort()
    write_checkpoint(os.path.join(tmp, "a.ckpt"), a_keys)
    write_checkpoint(os.path.join(tmp, "b.ckpt"), b_keys)
    a = read_checkpoint(os.path.join(tmp, "a.ckpt")).variables()
    b = read_checkpoint(os.path.join(tmp, "b.ckpt")).variables()
    compared = _best(repeat, lambda: compare(a, b))
    found = compare(a, b)
    assert found.mismatched and found.only_in_a and found.only_in_b
    whole = _command(repeat, "diff", os.path.join(tmp, "a.ckpt"), os.path.join(tmp, "b.ckpt"),
                     "--format", "json")
    for side, keys in (("a", a_keys), ("b", b_keys)):
        with open(os.path.join(tmp, side + ".json"), "w", encoding="utf-8") as f:
            json.dump({"checkpoint": side, "keys": [
                {"name": name, "shape": shape, "dtype": "float32"} for name, shape in keys]}, f)
    listed = _command(repeat, "diff", os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json"),
                      "--format", "json")

    model = sorted((name.replace("model/encoder/", "enc/", 1), shape, "float32")
                   for name, shape in a_keys)
    model_keys = os.path.join(tmp, "model_keys.json")
    with open(model_keys, "w", encoding="utf-8") as f:
        json.dump({"program": "model.py", "keys": [
            {"name": name, "shape": shape, "dtype": dtype} for name, shape, dtype in model]}, f)
    wanted = {name: (shape, dtype) for name, shape, dtype in model}
    checkpoint = {name: (shape, "float32") for name, shape in a_keys}
    suggested = _best(repeat, lambda: suggest(wanted, wanted, None, checkpoint))
    made = suggest(wanted, wanted, None, checkpoint)
    assert len(made.pairs) == n and not made.unexplained, (len(made.pairs), made.unexplained[:3])
    whole_map = _command(repeat, "diff", model_keys, os.path.join(tmp, "a.ckpt"), "--suggest-map",
                         "--format", "json")
    many = _command(repeat, "diff", os.path.join(tmp, "b.json"), os.path.join(tmp, "a.ckpt"),
                    "--suggest-map", "--format", "json")
    return [f"diff of two {n}-key checkpoints: compare {_fig(compared)}; `scopesim diff` "
            f"{_fig(whole)}; of two {n}-key JSON key lists {_fig(listed)}",
            f"--suggest-map of {n} renamed keys: search and proof {_fig(suggested)} "
            f"({len(made.assignment_map)} entries); `scopesim diff --suggest-map` "
            f"{_fig(whole_map)}",
            f"--suggest-map of B's key list against A's checkpoint (many scope entries, "
            f"some keys unloadable): `scopesim diff --suggest-map` {_fig(many)}"]


def main(argv: list[str]) -> int:
    repeat = 3
    if "--repeat" in argv:
        at = argv.index("--repeat")
        repeat = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    n = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        lines = bench_keys(tmp, n, repeat) + bench_diff(tmp, n, repeat)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
