"""How fast `scopesim keys` lists a big checkpoint, and `scopesim diff` compares two.

    python benchmarks/bench_checkpoint.py [N]      # N keys, default 100000

No TensorFlow: the index is written by the small table writer below, as
TensorFlow's bundle writer lays it out (tsl/lib/io/table_builder.cc,
block_builder.cc: a restart every 16 entries, a data block closed after
262144 bytes, no compression, masked CRC-32C trailers, the index block's
keys the blocks' last keys, an empty metaindex block, the 48-byte footer).
It reports the time of reading the index (CRC-32C of every block
included), of rendering the keys as `keys` does, and of the whole
`scopesim keys` command in a fresh process.  Then `diff`: two checkpoints
of N keys each (a tenth of B's keys another shape, a few hundred renamed),
compared in this process and by the whole `scopesim diff` command (also on
their keys saved as JSON key lists); and
`--suggest-map` of a model whose N keys moved from `model/encoder/` to
`enc/` (a key list file) against the checkpoint.
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


def _command(*args) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of `scopesim ARGS` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c",
                           "import sys; from scopesim.cli import main; main(sys.argv[1:])",
                           *args], capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode in (0, 1), done.stderr
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def bench_diff(tmp: str, n: int) -> str:
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
    start = time.process_time()
    found = compare(a, b)
    compared = time.process_time() - start
    assert found.mismatched and found.only_in_a and found.only_in_b
    whole = _command("diff", os.path.join(tmp, "a.ckpt"), os.path.join(tmp, "b.ckpt"),
                     "--format", "json")
    for side, keys in (("a", a_keys), ("b", b_keys)):
        with open(os.path.join(tmp, side + ".json"), "w", encoding="utf-8") as f:
            json.dump({"checkpoint": side, "keys": [
                {"name": name, "shape": shape, "dtype": "float32"} for name, shape in keys]}, f)
    listed = _command("diff", os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json"),
                      "--format", "json")

    model = sorted((name.replace("model/encoder/", "enc/", 1), shape, "float32")
                   for name, shape in a_keys)
    model_keys = os.path.join(tmp, "model_keys.json")
    with open(model_keys, "w", encoding="utf-8") as f:
        json.dump({"program": "model.py", "keys": [
            {"name": name, "shape": shape, "dtype": dtype} for name, shape, dtype in model]}, f)
    wanted = {name: (shape, dtype) for name, shape, dtype in model}
    start = time.process_time()
    made = suggest(wanted, wanted, None, {name: (shape, "float32") for name, shape in a_keys})
    suggested = time.process_time() - start
    assert len(made.pairs) == n and not made.unexplained, (len(made.pairs), made.unexplained[:3])
    whole_map = _command("diff", model_keys, os.path.join(tmp, "a.ckpt"), "--suggest-map",
                         "--format", "json")
    startup = _command("--help")
    return (f"diff of two {n}-key checkpoints: compare {compared:.3f}s CPU; `scopesim diff` "
            f"{whole[0]:.3f}s ({whole[1]:.3f}s CPU, of which start-up {startup[1]:.3f}s); "
            f"of two {n}-key JSON key lists {listed[0]:.3f}s ({listed[1]:.3f}s CPU)\n"
            f"--suggest-map of {n} renamed keys: search and proof {suggested:.3f}s CPU "
            f"({len(made.assignment_map)} entries); `scopesim diff --suggest-map` "
            f"{whole_map[0]:.3f}s ({whole_map[1]:.3f}s CPU)")


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "model.ckpt-1")
        write_checkpoint(prefix, synthetic_keys(n))
        index_bytes = os.path.getsize(prefix + ".index")

        start = time.perf_counter()
        ckpt = read_checkpoint(prefix)
        read = time.perf_counter() - start
        start = time.perf_counter()
        text = render(ckpt.variables(), "text", ckpt.prefix)
        shown = time.perf_counter() - start
        assert len(ckpt.tensors) == n and text.count("\n") == n

        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c",
                               "import sys; from scopesim.cli import main; main(sys.argv[1:])",
                               "keys", prefix], capture_output=True)
        whole = time.perf_counter() - start
        assert done.returncode == 0, done.stderr
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import scopesim.cli"], capture_output=True)
        startup = time.perf_counter() - start
        diffed = bench_diff(tmp, n)
    print(f"{n} keys, index {index_bytes / 1e6:.1f} MB: read (CRC-32C included) "
          f"{read:.3f}s, render text {shown:.3f}s; `scopesim keys` {whole:.3f}s "
          f"(of which Python start-up and imports {startup:.3f}s)")
    print(diffed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
