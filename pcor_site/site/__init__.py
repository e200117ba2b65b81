"""The core's own pages: record pages, index pages and the navigation."""
