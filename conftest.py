# pytest configuration shared by tests/ and the doctests in framing/.
collect_ignore = ["framing/__main__.py", "benchmarks", "notebooks"]
