"""pcor-site: a static-site generator for the workplace and community mental health knowledge hub."""

__version__ = "0.1.0"
