"""MkDocs hooks: a few lines that call pcor_site's own code (see pcor_site/serve.py)."""

from pcor_site.serve import on_pre_build  # noqa: F401  (MkDocs looks the name up on this module)
