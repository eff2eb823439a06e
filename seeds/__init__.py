"""The seed articles, shipped inside the kit as ``kit.seeds`` (see pyproject.toml)."""
