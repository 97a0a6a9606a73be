"""Files of a project: discovery, reading, the analysis session, cache and reuse."""
