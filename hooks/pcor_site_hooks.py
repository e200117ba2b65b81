"""MkDocs hooks of the hub. pcor-site compiles the docs tree itself before it runs any engine
(`pcor-site build`, `pcor-site serve`), so loading this file imports nothing from the pipeline.

Only when a person runs the engine by hand on the generated config with PCOR_SITE_RECOMPILE=1 set
(`PCOR_SITE_RECOMPILE=1 mkdocs serve -f mkdocs.generated.yml`) does each (re)build first recompile
the docs tree from content/, through pcor_site's own code, imported at that moment.
"""

import os
from pathlib import Path


def on_pre_build(config) -> None:
    if os.environ.get("PCOR_SITE_RECOMPILE") != "1":
        return
    from pcor_site.build import check, compile_docs
    from pcor_site.diagnostics import render_text

    root = Path(config.config_file_path).parent
    result = check(root)
    if result.ok:
        compile_docs(root, result.site())
    if result.diagnostics:
        print(render_text(result.diagnostics), flush=True)
