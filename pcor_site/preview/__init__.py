"""The live preview's machinery, kept between rounds: the incremental compile (`compile`, with
the dependency graph in `depends`), MkDocs kept loaded (`engine`) and the rounds (`rebuild`).
`pcor_site.serve` puts a server in front of it."""
