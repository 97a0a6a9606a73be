"""The command-line commands: check, fix, infer, and their shared options."""
