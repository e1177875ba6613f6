"""The shipped rulebook: every YAML file below this folder is loaded by default."""
