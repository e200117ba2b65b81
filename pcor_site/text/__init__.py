"""Contributor text: Markdown parsed once, inspected, rendered and sanitised; plain-text helpers."""
