"""Settings: one loader for every front end, selection, noqa, path patterns."""
