"""The cyclic garbage collector paused while big key lists are made.

A 100k-key checkpoint's lists hold hundreds of thousands of tuples and lists
and no cycle; each 700 new ones set off a collection that walks the young
ones, and older generations get walked again and again (in CPython 3.11 the
collections took 90% of making the key list).  Nothing made there needs
the collector, so it is paused, and started again as it was.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def gc_paused():
    """Run the body with the cyclic garbage collector disabled (reference counting
    still frees everything that is dropped)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
