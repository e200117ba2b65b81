"""Rendering: view models → text files of the generated docs tree."""
