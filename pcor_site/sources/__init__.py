"""Reading content files: discovery, the position-keeping YAML loader, front matter."""
