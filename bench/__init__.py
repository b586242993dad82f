"""``make bench``: each ``bench/bench_*.py`` module's ``run()`` rows, as a table and as JSON."""
