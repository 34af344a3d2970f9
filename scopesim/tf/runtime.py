"""Module-level state the runner reads and resets around a program run.

- the origin hook: `set_origin_hook(fn)`; the API calls `origin()` when it
  creates a variable and keeps what it returns (for "Originally defined at:");
- the first `NotSimulated` raised during the run (`first_not_simulated`),
  kept even if a bare `except:` swallowed it; `reset()` clears it.
"""

from __future__ import annotations

_origin_hook = None
first_not_simulated = None


def set_origin_hook(fn) -> None:
    """Install `fn()` (or None) as the origin hook."""
    global _origin_hook
    _origin_hook = fn


def origin():
    """What the origin hook returns now (None without a hook)."""
    return None if _origin_hook is None else _origin_hook()


def record_not_simulated(error) -> None:
    """Remember `error` if it is the first NotSimulated since `reset()`."""
    global first_not_simulated
    if first_not_simulated is None:
        first_not_simulated = error


def reset() -> None:
    """Forget the recorded NotSimulated."""
    global first_not_simulated
    first_not_simulated = None
