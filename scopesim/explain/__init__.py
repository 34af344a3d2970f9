"""`scopesim explain`: why a name of a program is what it is, and why its
error happened (docs/explain.md).

- `recorder`: the observer installed in the engine while explaining;
- `analysis`: a name's statement, scopes and the counter that numbered it;
- `error`: `--error`, "already exists" and "does not exist" traced back
  to the reuse flag's origin;
- `text`: the readable rendering; `command`: the CLI's entry point.
"""

from .analysis import Analysis, UnknownName
from .recorder import Recorder, recording

__all__ = ["Analysis", "Recorder", "UnknownName", "recording"]
