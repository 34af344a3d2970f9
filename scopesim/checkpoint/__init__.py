"""TensorFlow checkpoints read without TensorFlow: the key list of a `.index` file.

    from scopesim.checkpoint import read_checkpoint, CheckpointError
    ckpt = read_checkpoint("train/model.ckpt-1000")    # or the .index, or train/
    for name, shape, dtype in ckpt.variables(): ...

Only the index is read (never the data files).  Everything that goes wrong
is a `CheckpointError` naming the file and what is wrong with it.
"""

from .errors import CheckpointError
from .reader import Checkpoint, read_checkpoint, read_index, resolve

__all__ = ["Checkpoint", "CheckpointError", "read_checkpoint", "read_index", "resolve"]
