"""Command-line tools behind the make targets: check, review, schema, bundle, audit, bench, sitecheck, provision."""
