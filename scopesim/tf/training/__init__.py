"""`tensorflow.python.training`: what scopesim simulates of it (checkpoint_utils)."""
