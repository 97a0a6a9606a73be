"""Per-module facts: what the source says, read with ``ast`` and never run."""
