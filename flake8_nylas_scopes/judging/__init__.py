"""The project index, the resolver and the rules that turn facts into findings."""
