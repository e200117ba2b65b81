"""What a feature may import: the Feature interface, view dataclasses, the one Jinja environment,
source labels and the render context."""
