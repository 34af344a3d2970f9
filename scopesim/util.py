"""Small helpers shared by the stages."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    Parsing and running allocate many long-lived objects and little garbage;
    the collector's repeated passes over the growing heap would make the
    cost of a large program superlinear.  Reference counting still frees
    everything acyclic; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
