"""The features: each a package that plugs into the pipeline through `plugin.feature.Feature`.
They never import one another; `pcor_site.build` lists the ones in use."""
