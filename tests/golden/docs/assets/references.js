(copied from pcor_site/static/: compared by presence only)
